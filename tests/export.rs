//! Exports: the printable programme, iCalendar and our JSON, as pure functions.

use agenda_planner::domain::generate::generated_meeting;
use agenda_planner::domain::sample::sample_meeting;
use agenda_planner::domain::schedule::{parse_date, parse_time};
use agenda_planner::domain::time::TzDatabase;
use agenda_planner::domain::{Day, DayId, Meeting, SessionId};
use agenda_planner::export::html::{
    programme, programme_with, Paper, ProgrammeOptions, Stylesheet, PROGRAMME_CSP,
};
use agenda_planner::export::ics::{calendar, CalendarOptions};
use agenda_planner::export::{ExportError, Format};
use agenda_planner::storage::{decode, encode_pretty};
use icalendar::parser::{read_calendar, unfold};

const HOSTILE: &str = "<script>alert(1)</script> & \"Co\" 'x'";

fn stamp() -> chrono::NaiveDateTime {
    parse_date("2026-01-01")
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap()
}

fn ics_options() -> CalendarOptions {
    CalendarOptions {
        sessions: None,
        stamp: stamp(),
        honorifics: true,
    }
}

/// The sample with a hostile name, position, organization and session title.
fn hostile_meeting() -> Meeting {
    let mut m = sample_meeting();
    m.people[0].given_name = HOSTILE.into();
    m.people[0].organization = format!("{HOSTILE}; Ltd, \\ back\nslash");
    m.sessions[1].title = format!("Opening {HOSTILE}");
    m.title = HOSTILE.into();
    m
}

/// (name, value, params) of each property of each VEVENT.
fn events(ics: &str) -> Vec<Vec<(String, String)>> {
    let unfolded = unfold(ics);
    let calendar = read_calendar(&unfolded).expect("our calendar parses");
    calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .map(|c| {
            c.properties
                .iter()
                .map(|p| {
                    (
                        p.name.as_str().to_string(),
                        p.val.clone().unescape_text().as_str().to_string(),
                    )
                })
                .collect()
        })
        .collect()
}

fn prop<'a>(event: &'a [(String, String)], name: &str) -> &'a str {
    event
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name}"))
}

#[test]
fn the_programme_of_the_sample_has_every_session_and_every_named_person() {
    let m = sample_meeting();
    let html = programme(&m, &ProgrammeOptions::default());
    for session in &m.sessions {
        let escaped = html_escape::encode_text(&session.title);
        assert!(
            html.contains(&format!("<h3>{escaped}</h3>")),
            "missing {}",
            session.title
        );
    }
    for person in &m.people {
        assert!(
            html.contains(&*html_escape::encode_text(&person.display_name(true))),
            "missing {}",
            person.name()
        );
    }
    assert!(html.contains(
        "H.E. Luis Almagro Lemes</bdi></strong>, <bdi>Secretary General, Organization of American States</bdi>"
    ));
    assert!(
        html.contains("Thursday 15 September 2022") && html.contains("Friday 16 September 2022")
    );
    assert!(html.find("Thursday 15").unwrap() < html.find("Friday 16").unwrap());
    assert!(html.contains(
        "15–16 September 2022 · Organization of American States headquarters, Washington, D.C."
    ));
}

#[test]
fn the_programme_is_self_contained_with_no_scripts_or_outside_resources() {
    let html = programme(
        &hostile_meeting(),
        &ProgrammeOptions {
            draft: true,
            ..Default::default()
        },
    );
    let lower = html.to_ascii_lowercase();
    for forbidden in [
        "<script", "<link", "<img", "<iframe", "@import", "url(", "http://", "https://",
    ] {
        assert!(!lower.contains(forbidden), "programme contains {forbidden}");
    }
    assert!(
        !has_inline_event_handler(&lower),
        "programme has an on…= attribute"
    );
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<style>"));
}

/// Whether the text has an attribute like ` onclick=` (a space, "on", letters, "=").
fn has_inline_event_handler(html: &str) -> bool {
    html.match_indices(" on").any(|(at, _)| {
        let rest = &html[at + 3..];
        let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        letters > 0 && rest.as_bytes().get(letters) == Some(&b'=')
    })
}

#[test]
fn the_inline_event_handler_check_finds_one() {
    assert!(has_inline_event_handler("<body onload=x>"));
    assert!(!has_inline_event_handler("<p>on the margins = yes</p>"));
}

#[test]
fn a_hostile_name_is_escaped_and_inert_in_every_format() {
    let m = hostile_meeting();
    let html = programme(&m, &ProgrammeOptions::default());
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"Co\" 'x'"));
    assert!(!html.contains("<script>alert"));

    let ics = calendar(&m, &ics_options(), &TzDatabase).expect("ics");
    assert!(
        !ics.contains("<script>alert(1)</script> & \"Co\" 'x';"),
        "semicolons are escaped"
    );
    let opening = events(&ics)
        .into_iter()
        .find(|e| prop(e, "SUMMARY").starts_with("Opening"))
        .expect("opening");
    assert_eq!(prop(&opening, "SUMMARY"), format!("Opening {HOSTILE}"));
    assert!(prop(&opening, "DESCRIPTION").contains(&format!("{HOSTILE}; Ltd, \\ back\nslash")));

    let json = encode_pretty(&m);
    assert!(json.contains(r#""given_name": "<script>alert(1)</script> & \"Co\" 'x'""#));
    assert_eq!(decode(&json), Ok(m));
}

#[test]
fn every_ics_line_is_at_most_75_octets_and_ends_in_crlf() {
    let mut m = hostile_meeting();
    m.sessions[2].title = "Ünïcödé — ".repeat(40) + &"😀".repeat(30);
    m.sessions[3].description = "x".repeat(1000);
    let ics = calendar(&m, &ics_options(), &TzDatabase).unwrap();
    assert!(ics.ends_with("\r\n"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
    let long = events(&ics)
        .into_iter()
        .find(|e| prop(e, "SUMMARY").starts_with("Ünïcödé"))
        .unwrap();
    assert_eq!(
        prop(&long, "SUMMARY"),
        m.sessions[2].title,
        "folding splits no character"
    );
}

#[test]
fn the_sample_calendar_reads_back_with_the_same_events_and_times() {
    let m = sample_meeting();
    let ics = calendar(&m, &ics_options(), &TzDatabase).unwrap();
    let events = events(&ics);
    assert_eq!(events.len(), m.sessions.len());
    let opening = events
        .iter()
        .find(|e| prop(e, "SUMMARY") == "Opening ceremony")
        .unwrap();
    // 09:00 in Washington in September (EDT, UTC−4) is 13:00 UTC.
    assert_eq!(prop(opening, "DTSTART"), "20220915T130000Z");
    assert_eq!(prop(opening, "DTEND"), "20220915T140000Z");
    assert_eq!(
        prop(opening, "LOCATION"),
        "Hall of the Americas, Organization of American States headquarters, Washington, D.C."
    );
    assert!(prop(opening, "DESCRIPTION").starts_with("Chair: H.E. Luis Almagro Lemes, Secretary General, Organization of American States\nOpening remarks: Mr George Okoth-Obbo"));
    assert_eq!(prop(opening, "DTSTAMP"), "20260101T120000Z");
    let uids: std::collections::HashSet<&str> = events.iter().map(|e| prop(e, "UID")).collect();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");
    let again = calendar(
        &m,
        &CalendarOptions {
            stamp: stamp() + chrono::Duration::days(3),
            ..ics_options()
        },
        &TzDatabase,
    )
    .unwrap();
    assert!(
        again.contains("UID:session-2@r2p-focal-points-2022.agenda-planner"),
        "UIDs are stable"
    );
}

fn meeting_across_dst(timezone: &str, dates: [&str; 2]) -> Meeting {
    let mut m = sample_meeting();
    m.timezone = timezone.into();
    m.days = dates
        .iter()
        .enumerate()
        .map(|(i, d)| Day {
            id: DayId(i as u32 + 1),
            date: parse_date(d).unwrap(),
            label: String::new(),
            start: parse_time("08:00").unwrap(),
            end: parse_time("20:00").unwrap(),
            ends_next_day: false,
        })
        .collect();
    m.sessions
        .retain(|s| s.day == DayId(1) || s.day == DayId(2));
    m.sessions
        .retain(|s| s.start >= parse_time("09:00").unwrap());
    m
}

#[test]
fn times_convert_correctly_across_a_daylight_saving_change() {
    // New York moves to summer time on 12 March 2023.
    let m = meeting_across_dst("America/New_York", ["2023-03-11", "2023-03-13"]);
    let events = events(&calendar(&m, &ics_options(), &TzDatabase).unwrap());
    let start_of = |title: &str, day: u32| {
        let session = m
            .sessions
            .iter()
            .find(|s| s.title.starts_with(title) && s.day == DayId(day))
            .unwrap();
        let event = events
            .iter()
            .find(|e| prop(e, "UID").starts_with(&format!("session-{}@", session.id)))
            .unwrap();
        prop(event, "DTSTART").to_string()
    };
    assert_eq!(
        start_of("Opening ceremony", 1),
        "20230311T140000Z",
        "EST is UTC−5"
    );
    assert_eq!(
        start_of("Atrocity prevention in practice", 2),
        "20230313T130000Z",
        "EDT is UTC−4"
    );

    // Geneva moves back to winter time on 29 October 2023.
    let m = meeting_across_dst("Europe/Zurich", ["2023-10-28", "2023-10-30"]);
    let ics = calendar(&m, &ics_options(), &TzDatabase).unwrap();
    assert!(ics.contains("DTSTART:20231028T070000Z"), "CEST is UTC+2");
    assert!(ics.contains("DTSTART:20231030T080000Z"), "CET is UTC+1");
}

#[test]
fn an_unknown_timezone_or_a_skipped_local_time_is_refused_with_a_message() {
    let mut m = sample_meeting();
    m.timezone = "Mars/Olympus_Mons".into();
    let error = calendar(&m, &ics_options(), &TzDatabase).unwrap_err();
    assert_eq!(
        error,
        ExportError::UnknownTimezone("Mars/Olympus_Mons".into())
    );

    let mut m = meeting_across_dst("America/New_York", ["2023-03-12", "2023-03-13"]);
    m.days[0].start = parse_time("00:00").unwrap();
    let first = m.sessions.iter_mut().find(|s| s.day == DayId(1)).unwrap();
    first.start = parse_time("02:30").unwrap();
    first.end = parse_time("03:30").unwrap();
    let error = calendar(&m, &ics_options(), &TzDatabase).unwrap_err();
    assert!(matches!(error, ExportError::NoSuchLocalTime { .. }));
    assert!(error.to_string().contains("02:30 on 2023-03-12"), "{error}");
}

#[test]
fn a_calendar_of_chosen_sessions_holds_only_those() {
    let m = sample_meeting();
    let options = CalendarOptions {
        sessions: Some(vec![SessionId(2), SessionId(12)]),
        ..ics_options()
    };
    let events = events(&calendar(&m, &options, &TzDatabase).unwrap());
    let titles: Vec<&str> = events.iter().map(|e| prop(e, "SUMMARY")).collect();
    assert_eq!(
        titles,
        [
            "Opening ceremony",
            "Atrocity prevention in practice: mechanisms for implementing R2P"
        ]
    );
}

#[test]
fn programme_options_change_what_is_printed() {
    let m = {
        let mut m = sample_meeting();
        m.people[0].bio = "Born in Paysandú.\n\nForeign minister of Uruguay 2010–2015.".into();
        m
    };
    let all = programme(&m, &ProgrammeOptions::default());
    assert!(all.contains("Index of people") && all.contains("Biographies"));
    assert!(all.contains("<p>Born in Paysandú.</p><p>Foreign minister of Uruguay 2010–2015.</p>"));
    assert!(all.contains("Thu 15 Sep 09:00 · Opening ceremony <span class=\"role\">(Chair)</span>"));
    assert!(all.contains("Call to order and opening remarks"));
    assert!(!all.contains("DRAFT"));
    assert!(all.contains("size: A4;"));

    let lean = programme(
        &m,
        &ProgrammeOptions {
            honorifics: false,
            short_organizations: true,
            descriptions: false,
            run_of_show: false,
            people_index: false,
            biographies: false,
            draft: true,
            version_label: "Draft 2".into(),
            version_date: parse_date("2022-08-12"),
            paper: Paper::Letter,
            schedule_url: String::new(),
        },
    );
    assert!(
        !lean.contains("H.E. ")
            && lean
                .contains("Luis Almagro Lemes</bdi></strong>, <bdi>Secretary General, OAS</bdi>")
    );
    assert!(!lean.contains("Index of people") && !lean.contains("Biographies"));
    assert!(!lean.contains("Call to order and opening remarks"));
    assert!(!lean.contains(&m.sessions[1].description));
    assert!(lean.contains(">DRAFT</div>"));
    assert!(lean.contains("Version: Draft 2 — Friday 12 August 2022"));
    assert!(lean.contains("@page { size: letter; }"));
    assert!(
        lean.contains(r#"@bottom-center { content: "10th Annual Meeting" " · " "Draft 2" " · " "Friday 12 August 2022" " · " "page " counter(page) " of " counter(pages); }"#),
        "the running footer"
    );
}

#[test]
fn the_running_footer_is_text_that_cannot_end_the_stylesheet() {
    let mut m = sample_meeting();
    m.edition = "</style><script>alert(1)</script>\"; } body { color: red".into();
    let html = programme(&m, &ProgrammeOptions::default());
    assert!(!html.contains("<script"), "no element from the text");
    let style = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
    assert!(!style.contains("color: red"), "no rule from the text");
    assert!(style.contains("counter(pages)"));
    assert_eq!(html.matches("</style>").count(), 1);
}

#[test]
fn the_biographies_annex_is_left_out_when_no_one_has_a_biography() {
    let html = programme(&sample_meeting(), &ProgrammeOptions::default());
    assert!(!html.contains("Biographies"));
}

#[test]
fn file_names_come_from_the_short_name() {
    let m = sample_meeting();
    assert_eq!(
        Format::Html.file_name(&m),
        "r2p-focal-points-2022-programme.html"
    );
    assert_eq!(Format::Ics.file_name(&m), "r2p-focal-points-2022.ics");
    assert_eq!(Format::Json.file_name(&m), "r2p-focal-points-2022.json");
    let mut odd = m;
    odd.short_name = "  ../Année 2023: «Réunion»!! ".into();
    assert_eq!(Format::Json.file_name(&odd), "ann-e-2023-r-union.json");
    odd.short_name = "—".into();
    odd.title = "!!!".into();
    assert_eq!(Format::Ics.file_name(&odd), "meeting.ics");
}

#[test]
fn a_large_generated_meeting_exports_in_every_format() {
    let m = generated_meeting(300, 600, 3, 10);
    let html = programme(&m, &ProgrammeOptions::default());
    assert_eq!(html.matches("<article class=\"session").count(), 300);
    let events = events(&calendar(&m, &ics_options(), &TzDatabase).unwrap());
    assert_eq!(events.len(), 300);
}

#[test]
fn programme_options_are_read_from_form_fields_as_a_form_submits_them() {
    let fields: std::collections::HashMap<&str, &str> = [
        ("honorifics", "on"),
        ("people_index", "on"),
        ("draft", "on"),
        ("version_label", "  Draft 3 "),
        ("version_date", "2022-09-01"),
        ("paper", "letter"),
        ("schedule_url", " https://example.org/view/?src=r2p.json "),
    ]
    .into();
    let options = ProgrammeOptions::from_fields(|name| fields.get(name).map(|v| v.to_string()));
    assert_eq!(
        options,
        ProgrammeOptions {
            honorifics: true,
            short_organizations: false,
            descriptions: false,
            run_of_show: false,
            people_index: true,
            biographies: false,
            draft: true,
            version_label: "Draft 3".into(),
            version_date: parse_date("2022-09-01"),
            paper: Paper::Letter,
            schedule_url: "https://example.org/view/?src=r2p.json".into(),
        }
    );
    let odd = ProgrammeOptions::from_fields(|name| match name {
        "version_date" => Some("01/09/2022".into()),
        "paper" => Some("a3".into()),
        _ => None,
    });
    assert_eq!(
        (odd.version_date, odd.paper),
        (None, Paper::A4),
        "odd values fall back"
    );
}

#[test]
fn the_exported_programme_carries_a_policy_that_allows_no_script_and_has_no_style_attributes() {
    let mut m = sample_meeting();
    m.themes[0].name = HOSTILE.into();
    m.themes[0].colour = "\"><script>alert(1)</script>".into();
    let html = programme(&m, &ProgrammeOptions::default());
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{PROGRAMME_CSP}\">");
    // The policy comes before anything it governs.
    assert!(html.find(&meta).unwrap() < html.find("<style>").unwrap());
    assert!(PROGRAMME_CSP.starts_with("default-src 'none';"));
    assert!(!PROGRAMME_CSP.contains("script-src"));
    assert!(
        !html.contains("<script"),
        "no script, even from a theme's colour"
    );
    assert!(
        !html.contains(" style="),
        "colours are SVG fills, not style attributes"
    );
    assert!(html.contains("<rect width=\"1\" height=\"1\" fill=\"&quot;&gt;&lt;script"));
}

#[test]
fn the_preview_links_the_stylesheets_and_has_nothing_inline() {
    let m = sample_meeting();
    let a4 = programme_with(
        &m,
        &ProgrammeOptions::default(),
        Stylesheet::Linked("/app/"),
    );
    assert!(a4.contains("<link rel=\"stylesheet\" href=\"/app/programme.css\">"));
    assert!(!a4.contains("programme-letter.css"));
    assert!(!a4.contains("<style") && !a4.contains(" style=") && !a4.contains("<script"));
    assert!(
        !a4.contains("Content-Security-Policy"),
        "the app's own policy governs it"
    );
    let letter = ProgrammeOptions {
        paper: Paper::Letter,
        ..ProgrammeOptions::default()
    };
    let l = programme_with(&m, &letter, Stylesheet::Linked(""));
    assert!(l.contains("<link rel=\"stylesheet\" href=\"programme-letter.css\">"));
    // The same body either way.
    let body = |h: &str| h[h.find("<body>").unwrap()..].to_string();
    assert_eq!(
        body(&a4),
        body(&programme(&m, &ProgrammeOptions::default()))
    );
}

#[test]
fn the_programme_prints_a_qr_code_of_the_schedules_address_when_one_is_given() {
    use agenda_planner::export::html::qr_svg;
    let m = sample_meeting();
    let plain = programme(&m, &ProgrammeOptions::default());
    assert!(
        !plain.contains("<svg class=\"qr-code\""),
        "none unless asked"
    );
    let url = "https://example.org/view/?src=r2p-published.json&x=<b>";
    let with = programme(
        &m,
        &ProgrammeOptions {
            schedule_url: url.into(),
            ..ProgrammeOptions::default()
        },
    );
    let header = &with[with.find("<header").unwrap()..with.find("</header>").unwrap()];
    assert!(
        header.contains("<svg class=\"qr-code\""),
        "on the first page, in the title block"
    );
    assert!(
        header.contains("src=r2p-published.json&amp;x=&lt;b&gt;"),
        "the address, escaped"
    );
    // A version-4 code or so: 33 modules and the quiet zone.
    let svg = qr_svg(url).unwrap();
    assert!(svg.contains("viewBox=\"0 0 "));
    assert!(svg.matches('M').count() > 200, "modules drawn");
    // Not a web address, or too long for a code (a share link with the meeting inside).
    assert_eq!(qr_svg("javascript:alert(1)"), None);
    assert_eq!(
        qr_svg(&format!("https://example.org/#s={}", "A".repeat(4000))),
        None
    );
}

#[test]
fn the_programme_isolates_each_name_and_affiliation_for_bidi() {
    let mut meeting = agenda_planner::domain::sample::sample_meeting();
    let person = meeting
        .sessions
        .iter()
        .find_map(|s| s.participants.first())
        .expect("a session with people")
        .person;
    let p = meeting.people.iter_mut().find(|p| p.id == person).unwrap();
    p.family_name = "\u{202e}Override".into();
    let html = agenda_planner::export::html::programme(
        &meeting,
        &agenda_planner::export::html::ProgrammeOptions::default(),
    );
    let at = html.find("\u{202e}Override").expect("the name is printed");
    let before = &html[..at];
    let after = &html[at..];
    assert!(
        before.rfind("<bdi>") > before.rfind("</bdi>"),
        "the name is inside a <bdi>"
    );
    let close = after.find("</bdi>").expect("and the isolate closes");
    let next = after.find(", <bdi>").unwrap_or(usize::MAX);
    assert!(close < next, "the affiliation is in an isolate of its own");
}
