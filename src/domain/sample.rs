//! The embedded sample: the 10th annual meeting of the Global Network of R2P Focal Points
//! (Washington, D.C., 15–16 September 2022), built from the meeting's published summary.
//! Every person the summary names is here, in the session where it places them. Times,
//! rooms and breaks are not in the summary: they are illustrative, and the description says so.

use chrono::{NaiveDate, NaiveTime};

use super::ids::{DayId, PersonId, RoomId, SessionId, ThemeId};
use super::meeting::{Day, Meeting, Room, Theme};
use super::person::{Category, Person};
use super::session::{Participant, Placement, Role, RunItem, Session, SessionKind, Status};

fn t(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default()
}

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 9, day).unwrap_or_default()
}

/// (honorific, given, family, position, organization, short organization, category)
type PersonRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Category,
);

const PEOPLE: [PersonRow; 20] = {
    use Category::*;
    const STATE: &str = "United States Department of State";
    const GCR2P: &str = "Global Centre for the Responsibility to Protect";
    [
        ("H.E.", "Luis", "Almagro Lemes", "Secretary General", "Organization of American States", "OAS", RegionalOrganization),
        ("Mr", "George", "Okoth-Obbo", "Special Adviser to the Secretary-General on the Responsibility to Protect", "United Nations", "UN", UnitedNations),
        ("Ms", "Anne", "Witkowsky", "Assistant Secretary, Bureau of Conflict and Stabilization Operations", STATE, "US Department of State", Government),
        ("Ms", "Savita", "Pawnday", "Executive Director", GCR2P, "GCR2P", CivilSociety),
        ("Mr", "Jared", "Genser", "Special Adviser on the Responsibility to Protect", "Organization of American States", "OAS", RegionalOrganization),
        ("Mr", "Alexandre", "Polack", "Deputy First Counsellor", "Delegation of the European Union to the United States", "EU Delegation to the US", RegionalOrganization),
        ("H.E.", "Uzra", "Zeya", "Under Secretary for Civilian Security, Democracy, and Human Rights", STATE, "US Department of State", Government),
        ("H.E.", "Oksana", "Markarova", "Ambassador of Ukraine to the United States", "Embassy of Ukraine in the United States", "Embassy of Ukraine", Government),
        ("Ms", "Beatriz", "Borges", "Executive Director", "Centro de Justicia y Paz", "CEPAZ", CivilSociety),
        ("Ms", "Wai Wai", "Nu", "Founder and Executive Director", "Women's Peace Network", "", CivilSociety),
        ("Ms", "Maria Eugenia", "Carbone", "Director of the Latin America Program", "Auschwitz Institute for the Prevention of Genocide and Mass Atrocities", "AIPG", CivilSociety),
        ("Ms", "Naomi", "Kikoler", "Director of the Simon Skjodt Center for the Prevention of Genocide", "United States Holocaust Memorial Museum", "USHMM", CivilSociety),
        ("Dr", "Kate", "Ferguson", "Co-Executive Director and Head of Research and Policy", "Protection Approaches", "", CivilSociety),
        ("Mr", "Andrei", "Serbin Pont", "Director", "Coordinadora Regional de Investigaciones Económicas y Sociales", "CRIES", CivilSociety),
        ("Ms", "Hilary", "Anderson", "Senior Gender Specialist", "Inter-American Commission of Women", "CIM", RegionalOrganization),
        ("Ms", "Katrina", "Fotovat", "Senior Official, Office of Global Women's Issues", STATE, "US Department of State", Government),
        ("Ms", "Jaclyn", "Streitfeld-Hall", "Director of Policy and Research", GCR2P, "GCR2P", CivilSociety),
        ("H.E.", "Mutlaq", "Al-Qahtani", "Special Envoy of the Minister of Foreign Affairs for Counterterrorism and Mediation of Conflict Resolution", "Ministry of Foreign Affairs of Qatar", "MOFA Qatar", Government),
        ("Prof.", "Martin", "Mennecke", "Academic Adviser to the Ministry of Foreign Affairs of Denmark; Professor", "University of Southern Denmark", "SDU", Academia),
        ("Ms", "Rebecca", "Barber", "Mary Wing-Ming Lee Senior Human Rights Research Fellow", "Asia-Pacific Centre for the Responsibility to Protect", "APR2P", Academia),
    ]
};

/// Looks a sample person up by family name; the table above is the only source.
fn who(family: &str) -> PersonId {
    let index = PEOPLE
        .iter()
        .position(|row| row.2 == family)
        .unwrap_or_else(|| panic!("sample person {family} is not in the table"));
    PersonId(index as u32 + 1)
}

const HALL: RoomId = RoomId(1);
const BOLIVAR: RoomId = RoomId(2);
const PATIO: RoomId = RoomId(3);

const REGIONAL: ThemeId = ThemeId(1);
const COUNTRIES: ThemeId = ThemeId(2);
const CIVIL: ThemeId = ThemeId(3);
const GENDER: ThemeId = ThemeId(4);
const MECHANISMS: ThemeId = ThemeId(5);

/// Builds one session; people are given as (family name, role), listed in order.
struct SessionSpec {
    title: &'static str,
    kind: SessionKind,
    day: u32,
    start: (u32, u32),
    end: (u32, u32),
    room: RoomId,
    themes: &'static [ThemeId],
    description: &'static str,
    people: &'static [(&'static str, Role)],
    items: &'static [((u32, u32), &'static str, Option<&'static str>)],
}

impl SessionSpec {
    fn build(&self, id: u32) -> Session {
        let mut order_in_role = std::collections::HashMap::new();
        Session {
            id: SessionId(id),
            title: self.title.into(),
            kind: self.kind,
            day: DayId(self.day),
            start: t(self.start.0, self.start.1),
            end: t(self.end.0, self.end.1),
            placement: Placement::Room(self.room),
            themes: self.themes.to_vec(),
            description: self.description.into(),
            participants: self
                .people
                .iter()
                .map(|&(family, role)| {
                    let order = order_in_role.entry(role).or_insert(0);
                    *order += 1;
                    Participant {
                        person: who(family),
                        role,
                        status: Status::Confirmed,
                        order: *order - 1,
                    }
                })
                .collect(),
            items: self
                .items
                .iter()
                .map(|&((h, m), title, person)| RunItem {
                    time: t(h, m),
                    title: title.into(),
                    person: person.map(who),
                })
                .collect(),
        }
    }
}

const SESSIONS: &[SessionSpec] = {
    use Role::*;
    use SessionKind::*;
    &[
        SessionSpec {
            title: "Registration and welcome coffee",
            kind: Break, day: 1, start: (8, 30), end: (9, 0), room: PATIO, themes: &[],
            description: "Badge pick-up at the OAS main building.",
            people: &[], items: &[],
        },
        SessionSpec {
            title: "Opening ceremony",
            kind: OpeningCeremony, day: 1, start: (9, 0), end: (10, 0), room: HALL, themes: &[],
            description: "The Secretary General of the OAS calls the tenth annual meeting to order, joined by the UN Special Adviser on R2P, the United States Department of State and the Global Centre for the Responsibility to Protect.",
            people: &[
                ("Almagro Lemes", Chair),
                ("Okoth-Obbo", OpeningRemarks),
                ("Witkowsky", OpeningRemarks),
                ("Pawnday", OpeningRemarks),
            ],
            items: &[
                ((9, 0), "Call to order and opening remarks", Some("Almagro Lemes")),
                ((9, 15), "Remarks by the UN Special Adviser on R2P", Some("Okoth-Obbo")),
                ((9, 30), "Remarks by the US Department of State", Some("Witkowsky")),
                ((9, 45), "Remarks by the Global Centre for the Responsibility to Protect", Some("Pawnday")),
            ],
        },
        SessionSpec {
            title: "Regional organizations and the implementation of R2P",
            kind: Panel, day: 1, start: (10, 0), end: (11, 30), room: HALL, themes: &[REGIONAL],
            description: "How regional organizations prevent and respond to mass atrocities, the tools they have for emerging risks, and how to “regionalize” prevention strategies.",
            people: &[("Genser", Panelist), ("Polack", Panelist)],
            items: &[],
        },
        SessionSpec {
            title: "Coffee break",
            kind: Break, day: 1, start: (11, 30), end: (11, 45), room: PATIO, themes: &[],
            description: "", people: &[], items: &[],
        },
        SessionSpec {
            title: "Identifying successes and challenges in preventing atrocities: Myanmar, Ukraine and Venezuela",
            kind: Panel, day: 1, start: (11, 45), end: (13, 15), room: HALL, themes: &[COUNTRIES],
            description: "Missed opportunities for prevention and lessons learned from three country situations, with panelists from the three focus countries.",
            people: &[
                ("Zeya", OpeningRemarks),
                ("Markarova", Panelist),
                ("Borges", Panelist),
                ("Nu", Panelist),
            ],
            items: &[],
        },
        SessionSpec {
            title: "Lunch",
            kind: Meal, day: 1, start: (13, 15), end: (14, 30), room: PATIO, themes: &[],
            description: "", people: &[], items: &[],
        },
        SessionSpec {
            title: "Launch of the OAS report on R2P and atrocity prevention in the Americas",
            kind: Other, day: 1, start: (13, 45), end: (14, 15), room: BOLIVAR, themes: &[REGIONAL],
            description: "On the margins of the meeting: “The Responsibility to Protect and the Organization of American States: A Path Forward for Atrocity Prevention and Response in the Americas.”",
            people: &[], items: &[],
        },
        SessionSpec {
            title: "The role of civil society in mobilizing action to uphold R2P",
            kind: Panel, day: 1, start: (14, 30), end: (16, 0), room: HALL, themes: &[CIVIL],
            description: "How R2P Focal Points can institutionalize relationships with civil society organizations and use the information they gather in decision-making.",
            people: &[
                ("Carbone", Panelist),
                ("Kikoler", Panelist),
                ("Ferguson", Panelist),
                ("Serbin Pont", Panelist),
            ],
            items: &[],
        },
        SessionSpec {
            title: "Coffee break",
            kind: Break, day: 1, start: (16, 0), end: (16, 15), room: PATIO, themes: &[],
            description: "", people: &[], items: &[],
        },
        SessionSpec {
            title: "Gendering R2P",
            kind: Panel, day: 1, start: (16, 15), end: (17, 30), room: HALL, themes: &[GENDER],
            description: "The links between R2P and the Women, Peace and Security agenda, and the gendered dimensions of atrocity prevention.",
            people: &[
                ("Anderson", Panelist),
                ("Fotovat", Panelist),
                ("Streitfeld-Hall", Panelist),
            ],
            items: &[],
        },
        SessionSpec {
            title: "Evening reception",
            kind: Reception, day: 1, start: (18, 0), end: (19, 30), room: PATIO, themes: &[],
            description: "", people: &[], items: &[],
        },
        SessionSpec {
            title: "Atrocity prevention in practice: mechanisms for implementing R2P",
            kind: Panel, day: 2, start: (9, 0), end: (10, 30), room: HALL, themes: &[MECHANISMS],
            description: "Good practices that R2P Focal Points and their governments can implement: early warning, national policies, investigative mechanisms and action at the UN.",
            people: &[
                ("Okoth-Obbo", Speaker),
                ("Al-Qahtani", Speaker),
                ("Mennecke", Speaker),
                ("Barber", Speaker),
            ],
            items: &[],
        },
        SessionSpec {
            title: "Coffee break",
            kind: Break, day: 2, start: (10, 30), end: (10, 45), room: PATIO, themes: &[],
            description: "", people: &[], items: &[],
        },
        SessionSpec {
            title: "Consultation on a global “Framework for Implementation”",
            kind: Consultation, day: 2, start: (10, 45), end: (12, 0), room: HALL, themes: &[MECHANISMS],
            description: "The Global Network consults on a framework collating best practices and lessons learned on how states can implement R2P in domestic and foreign policy.",
            people: &[],
            items: &[],
        },
        SessionSpec {
            title: "Recommendations and closing",
            kind: Closing, day: 2, start: (12, 0), end: (12, 45), room: HALL, themes: &[],
            description: "Key recommendations for R2P Focal Points, states, and regional and international organizations.",
            people: &[],
            items: &[],
        },
        SessionSpec {
            title: "Lunch",
            kind: Meal, day: 2, start: (12, 45), end: (14, 0), room: PATIO, themes: &[],
            description: "", people: &[], items: &[],
        },
    ]
};

/// The sample meeting shown on first start.
pub fn sample_meeting() -> Meeting {
    let people = PEOPLE
        .iter()
        .enumerate()
        .map(
            |(i, &(honorific, given, family, position, organization, short, category))| Person {
                id: PersonId(i as u32 + 1),
                honorific: honorific.into(),
                given_name: given.into(),
                family_name: family.into(),
                position: position.into(),
                organization: organization.into(),
                organization_short: short.into(),
                category,
                bio: String::new(),
            },
        )
        .collect();
    let theme = |id, name: &str, colour: &str, description: &str| Theme {
        id,
        name: name.into(),
        colour: colour.into(),
        description: description.into(),
    };
    let room = |id, name: &str, capacity, description: &str| Room {
        id,
        name: name.into(),
        capacity: Some(capacity),
        description: description.into(),
    };
    Meeting {
        title: "Global Network of R2P Focal Points".into(),
        short_name: "r2p-focal-points-2022".into(),
        edition: "10th Annual Meeting".into(),
        host: "Global Centre for the Responsibility to Protect".into(),
        venue: "Organization of American States headquarters".into(),
        city: "Washington, D.C.".into(),
        timezone: "America/New_York".into(),
        description: "R2P Focal Points, senior officials from governments and regional organizations, the UN Special Adviser on the Responsibility to Protect and members of civil society exchange experience on implementing R2P and preventing atrocities. Sessions, speakers and roles follow the meeting's published summary; the times, rooms and breaks shown are illustrative.".into(),
        days: vec![
            Day { id: DayId(1), date: date(15), label: "Day 1".into(), start: t(8, 30), end: t(20, 0) },
            Day { id: DayId(2), date: date(16), label: "Day 2".into(), start: t(9, 0), end: t(14, 0) },
        ],
        rooms: vec![
            room(HALL, "Hall of the Americas", 300, "Main plenary hall"),
            room(BOLIVAR, "Simón Bolívar Room", 120, "Side events"),
            room(PATIO, "Patio Azteca", 200, "Breaks, meals and reception"),
        ],
        themes: vec![
            theme(REGIONAL, "Regional organizations", "#1d4ed8", "How regional organizations prevent and respond to mass atrocities."),
            theme(COUNTRIES, "Country situations", "#c2410c", "Myanmar (Burma), Ukraine and Venezuela."),
            theme(CIVIL, "Civil society", "#15803d", "Mobilizing action with civil society organizations."),
            theme(GENDER, "Gendering R2P", "#a21caf", "R2P and the Women, Peace and Security agenda."),
            theme(MECHANISMS, "Mechanisms for implementing R2P", "#0f766e", "Early warning, national policies and international mechanisms."),
        ],
        people,
        sessions: SESSIONS
            .iter()
            .enumerate()
            .map(|(i, spec)| spec.build(i as u32 + 1))
            .collect(),
    }
}
