//! People and who is in which session, to and from spreadsheets (CSV): the round trip, the
//! matching of people already in the meeting, formula injection, and bad sheets.

mod common;
use common::Rng;

use std::process::Command;

use agenda_planner::domain::sample::sample_meeting;
use agenda_planner::domain::{Meeting, Role, Status};
use agenda_planner::export::csv::{neutralized, participation_csv, people_csv};
use agenda_planner::import::csv::{apply, guess_columns, read_table, Column, Outcome, Table};
use agenda_planner::import::ImportError;
use agenda_planner::storage::{decode, encode};

fn table(text: &str) -> Table {
    read_table(text).unwrap_or_else(|e| panic!("reads: {e}"))
}

/// The sheet applied to `m` with the guessed columns; the edit made.
fn added(m: &Meeting, text: &str) -> (Meeting, Outcome) {
    let t = table(text);
    let outcome = apply(m, &t, &guess_columns(&t.headers)).unwrap_or_else(|e| panic!("{e}"));
    let mut next = m.clone();
    if let Some(edit) = outcome.edit.clone() {
        edit.apply(&mut next).unwrap();
    }
    assert!(next.validate().is_empty());
    (next, outcome)
}

/// The sample with no people, sessions, rooms or days.
fn emptied() -> Meeting {
    let mut m = sample_meeting();
    m.people.clear();
    m.sessions.clear();
    m.rooms.clear();
    m.days.clear();
    m.record = Default::default();
    m
}

#[test]
fn people_and_participation_sheets_round_trip_through_an_empty_meeting() {
    let sample = sample_meeting();
    let people = people_csv(&sample);
    let participation = participation_csv(&sample);
    let (with_people, first) = added(&emptied(), &people);
    assert_eq!(first.people_added, sample.people.len());
    assert_eq!(
        first.sessions_added, 0,
        "the people sheet names no session times"
    );
    let (again, second) = added(&with_people, &participation);
    assert_eq!(second.people_added, 0, "everyone matched by name");
    let with_roles = sample
        .sessions
        .iter()
        .filter(|s| !s.participants.is_empty())
        .count();
    assert_eq!(second.sessions_added, with_roles, "{}", second.summary());
    assert_eq!(participation_csv(&again), participation);
    assert_eq!(people_csv(&again), people);
    // Near miss: a person whose name differs is someone else.
    let renamed = participation.replacen("Almagro Lemes", "Almagro", 1);
    let (other, outcome) = added(&with_people, &renamed);
    assert_eq!(outcome.people_added, 1);
    assert_eq!(other.people.len(), sample.people.len() + 1);
}

#[test]
fn the_participation_sheet_lists_every_role_in_programme_order() {
    let sample = sample_meeting();
    let csv = participation_csv(&sample);
    let roles: usize = sample.sessions.iter().map(|s| s.participants.len()).sum();
    assert_eq!(
        csv.lines().count(),
        roles + 1,
        "a header, then one row per role"
    );
    assert!(
        csv.starts_with("Day,Start,End,Room,Session,Role,Status,Honorific,Given name,Family name,")
    );
    assert!(csv.contains(
        "2022-09-15,09:00,10:00,Hall of the Americas,Opening ceremony,Chair,Confirmed,H.E.,Luis,Almagro Lemes,"
    ));
    assert!(csv.contains("\r\n"), "RFC 4180 line ends");
}

#[test]
fn cells_a_spreadsheet_would_run_as_formulas_are_written_as_text_and_read_back_as_written() {
    for cell in [
        "=HYPERLINK(\"http://x\")",
        "+1",
        "-2",
        "@SUM(A1)",
        "\tx",
        "\rx",
    ] {
        assert_eq!(neutralized(cell), format!("'{cell}"));
    }
    // Near misses: not at the start, or already text.
    assert_eq!(neutralized("a=b"), "a=b");
    assert_eq!(neutralized("'quoted"), "'quoted");
    let mut m = sample_meeting();
    m.people[0].given_name = "=cmd|'/c calc'!A0".into();
    m.people[0].organization = "@evil".into();
    m.people[0].position = "'kept as typed".into();
    let csv = people_csv(&m);
    assert!(csv.contains("'=cmd|'/c calc'!A0"), "{csv}");
    assert!(csv.contains("'@evil"));
    assert!(!csv
        .lines()
        .any(|l| l.split(',').any(|c| c.starts_with(['=', '+', '@']))));
    let (back, _) = added(&emptied(), &csv);
    let p = back
        .people
        .iter()
        .find(|p| p.family_name == m.people[0].family_name)
        .unwrap();
    assert_eq!(p.given_name, "=cmd|'/c calc'!A0");
    assert_eq!(p.organization, "@evil");
    assert_eq!(p.position, "'kept as typed");
}

#[test]
fn a_secretariats_own_sheet_is_read_by_its_headers_with_semicolons_and_full_names() {
    let sheet = "\u{feff}Nombre completo;Cargo;Organización;Sesión;Rol;E-mail\n\
                 H.E. Ana María Pérez;Minister;Ministry of Foreign Affairs;Opening ceremony;Chair;ana@example.org\n\
                 Dr. Kwame Mensah;Director;Ghana Institute;Opening ceremony;panelist;\n\
                 \n\
                 Lee Wong;;;Unknown session;;\n";
    let t = table(sheet);
    assert_eq!(
        guess_columns(&t.headers),
        vec![
            Some(Column::FullName),
            Some(Column::Position),
            Some(Column::Organization),
            Some(Column::Session),
            Some(Column::Role),
            None
        ]
    );
    let sample = sample_meeting();
    let (m, outcome) = added(&sample, sheet);
    assert_eq!(outcome.people_added, 3);
    let ana = m.people.iter().find(|p| p.family_name == "Pérez").unwrap();
    assert_eq!(
        (
            ana.honorific.as_str(),
            ana.given_name.as_str(),
            ana.organization.as_str()
        ),
        ("H.E.", "Ana María", "Ministry of Foreign Affairs")
    );
    let opening = m
        .sessions
        .iter()
        .find(|s| s.title == "Opening ceremony")
        .unwrap();
    let role_of = |id| {
        opening
            .participants
            .iter()
            .find(|p| p.person == id)
            .map(|p| p.role)
    };
    assert_eq!(role_of(ana.id), Some(Role::Chair));
    let kwame = m.people.iter().find(|p| p.family_name == "Mensah").unwrap();
    assert_eq!(
        role_of(kwame.id),
        Some(Role::Panelist),
        "roles read in any case"
    );
    // A session the sheet names without a time waits on the Unscheduled tray, with its people.
    let waiting = m
        .sessions
        .iter()
        .find(|s| s.title == "Unknown session")
        .unwrap();
    assert!(waiting.unscheduled, "no time in the sheet: on the tray");
    let lee = m.people.iter().find(|p| p.family_name == "Wong").unwrap();
    assert!(waiting.participants.iter().any(|p| p.person == lee.id));
    assert!(m.unscheduled().iter().any(|s| s.id == waiting.id));
    assert!(
        outcome
            .notes
            .iter()
            .any(|n| n.contains("“Unknown session”") && n.contains("Unscheduled tray")),
        "{:?}",
        outcome.notes
    );
    assert!(outcome
        .notes
        .iter()
        .any(|n| n == "Columns not read: E-mail."));
    // One undo step.
    let mut undone = m.clone();
    let inverse = outcome.edit.unwrap().apply(&mut sample.clone()).unwrap();
    inverse.apply(&mut undone).unwrap();
    assert_eq!(encode(&undone), encode(&sample));
}

#[test]
fn people_already_in_the_meeting_are_updated_not_added_twice() {
    let sample = sample_meeting();
    let sheet = "Given name,Family name,Position,Session,Role,Status\n\
                 luis,ALMAGRO  LEMES,Secretary General of the OAS,Closing session,Rapporteur,To be confirmed\n";
    let (m, outcome) = added(&sample, sheet);
    assert_eq!((outcome.people_added, outcome.people_updated), (0, 1));
    assert_eq!(m.people.len(), sample.people.len());
    let luis = m
        .people
        .iter()
        .find(|p| p.family_name == "Almagro Lemes")
        .unwrap();
    assert_eq!(luis.position, "Secretary General of the OAS");
    assert_eq!(
        luis.organization, "Organization of American States",
        "empty cells change nothing"
    );
    if let Some(closing) = m.sessions.iter().find(|s| s.title == "Closing session") {
        let p = closing
            .participants
            .iter()
            .find(|p| p.person == luis.id)
            .unwrap();
        assert_eq!(
            (p.role, p.status),
            (Role::Rapporteur, Status::ToBeConfirmed)
        );
    }
}

#[test]
fn sheets_that_cannot_be_used_are_refused_with_a_message_and_change_nothing() {
    let refused = |text: &str| read_table(text).unwrap_err();
    assert_eq!(refused("  \n"), ImportError::Empty);
    assert!(refused("Name,Organization\n")
        .to_string()
        .contains("no rows under it"));
    assert!(refused(",,\nAna,OAS,x\n")
        .to_string()
        .contains("names no column"));
    let wide = format!("{}\nx\n", vec!["c"; 101].join(","));
    assert!(refused(&wide).to_string().contains("at most 100 are read"));
    let t = table("Email,Phone\na@x,1\n");
    let err = apply(&sample_meeting(), &t, &guess_columns(&t.headers)).unwrap_err();
    assert!(
        err.to_string().contains("no column is marked as a name"),
        "{err}"
    );
    // Near miss: the same sheet with a name column is read.
    let t = table("Email,Name\na@x,Ana Pérez\n");
    assert!(apply(&sample_meeting(), &t, &guess_columns(&t.headers)).is_ok());
    // Ragged rows are read and said.
    let t = table("Name,Organization\nAna Pérez\nBen Ode,OAS,extra\n");
    assert_eq!(t.rows.len(), 2);
    assert!(t.notes[0].contains("2 row(s) had more or fewer cells"));
}

#[test]
fn mutated_sheets_never_panic_the_importer() {
    let base = participation_csv(&sample_meeting());
    let base: String = base.lines().take(12).collect::<Vec<_>>().join("\n");
    let tokens = [
        "\"",
        ",",
        ";",
        "\t",
        "\n",
        "\r",
        "'=",
        "\u{202e}",
        "\u{feff}",
        "09:60",
        "2022-02-30",
        "99:00",
        "",
        "Chair",
        "All rooms",
    ];
    let mut rng = Rng(7);
    let meeting = sample_meeting();
    let (mut ok, mut refused) = (0, 0);
    for _ in 0..10_000 {
        let mut bytes = base.as_bytes().to_vec();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(bytes.len().max(1)).min(bytes.len());
            match rng.below(4) {
                0 if !bytes.is_empty() => {
                    let i = at.min(bytes.len() - 1);
                    bytes[i] ^= 1 << rng.below(8);
                }
                1 => {
                    let end = (at + rng.below(80)).min(bytes.len());
                    bytes.drain(at..end);
                }
                _ => {
                    let t = tokens[rng.below(tokens.len())].as_bytes();
                    bytes.splice(at..at, t.iter().copied());
                }
            }
        }
        let text = String::from_utf8_lossy(&bytes);
        match read_table(&text).and_then(|t| {
            let columns = guess_columns(&t.headers);
            apply(&meeting, &t, &columns)
        }) {
            Ok(outcome) => {
                let mut m = meeting.clone();
                if let Some(edit) = outcome.edit {
                    edit.apply(&mut m).unwrap();
                }
                assert!(m.validate().is_empty());
                ok += 1;
            }
            Err(e) => {
                assert!(!e.to_string().is_empty());
                refused += 1;
            }
        }
    }
    assert!(ok > 0 && refused > 0, "{ok} read, {refused} refused");
}

#[test]
fn the_command_line_adds_a_sheet_to_a_meeting_and_exports_both_sheets() {
    let dir = std::env::temp_dir().join(format!("agenda-sheet-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let meeting = dir.join("m.json");
    std::fs::write(&meeting, encode(&sample_meeting())).unwrap();
    let sheet = dir.join("people.csv");
    std::fs::write(&sheet, "First name,Surname,Organisation\nAna,Pérez,OAS\n").unwrap();
    let out_file = dir.join("out.json");
    let run = |args: &[&std::ffi::OsStr]| {
        Command::new(env!("CARGO_BIN_EXE_agenda"))
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&[
        "import".as_ref(),
        sheet.as_os_str(),
        "--into".as_ref(),
        meeting.as_os_str(),
        "-o".as_ref(),
        out_file.as_os_str(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("1 people added, 0 updated."), "{err}");
    assert!(err.contains("Columns read: First name → Given name, Surname → Family name, Organisation → Organization."), "{err}");
    let m = decode(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    assert!(m.people.iter().any(|p| p.name() == "Ana Pérez"));
    // Without a meeting to add to: the command line is wrong (2).
    let out = run(&["import".as_ref(), sheet.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--into MEETING.json"));
    // A sheet with nothing under its header: the file is wrong (1).
    std::fs::write(&sheet, "Name\n").unwrap();
    let out = run(&[
        "import".as_ref(),
        sheet.as_os_str(),
        "--into".as_ref(),
        meeting.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no rows under it"));
    // Both sheets out.
    for format in ["people-csv", "participation-csv"] {
        let out = run(&[
            "export".as_ref(),
            "--format".as_ref(),
            format.as_ref(),
            meeting.as_os_str(),
        ]);
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.lines().count() > 20, "{format}");
    }
}
