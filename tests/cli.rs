//! The `agenda` command line: each subcommand on good and bad input, with the exit status
//! and message a command-line user expects.

use std::path::PathBuf;
use std::process::{Command, Output};

use agenda_planner::domain::sample::sample_meeting;
use agenda_planner::storage::{decode, encode, VERSION};

fn agenda(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_agenda"))
        .args(args)
        .output()
        .expect("runs")
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("agenda-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn path(dir: &std::path::Path, file: &str) -> String {
    dir.join(file).display().to_string()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn sample_writes_the_sample_meeting_as_our_json() {
    let dir = scratch("sample");
    let file = path(&dir, "sample.json");
    let out = agenda(&["sample", "-o", &file]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(decode(&text), Ok(sample_meeting()));
    let to_stdout = agenda(&["sample"]);
    assert_eq!(
        decode(&String::from_utf8(to_stdout.stdout).unwrap()),
        Ok(sample_meeting())
    );
}

#[test]
fn check_accepts_a_valid_meeting_and_says_what_it_holds() {
    let dir = scratch("check-ok");
    let file = path(&dir, "m.json");
    std::fs::write(&file, encode(&sample_meeting())).unwrap();
    let out = agenda(&["check", &file]);
    assert!(out.status.success());
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("valid") && said.contains("2 days, 16 sessions, 20 people"),
        "{said}"
    );
}

#[test]
fn export_writes_each_format() {
    let dir = scratch("export");
    let file = path(&dir, "m.json");
    std::fs::write(&file, encode(&sample_meeting())).unwrap();
    let html = path(&dir, "programme.html");
    let out = agenda(&[
        "export",
        "--format",
        "html",
        "--draft",
        "--version-label",
        "Draft 2",
        "--paper",
        "letter",
        &file,
        "-o",
        &html,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(
        text.contains("Opening ceremony")
            && text.contains(">DRAFT</div>")
            && text.contains("Version: Draft 2")
    );
    assert!(text.contains("size: letter"));

    let out = agenda(&["export", "--format", "ics", &file]);
    assert!(out.status.success());
    let ics = String::from_utf8(out.stdout).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.contains("DTSTART:20220915T130000Z"));

    let json = path(&dir, "copy.json");
    assert!(agenda(&["export", "--format", "json", &file, "-o", &json])
        .status
        .success());
    assert_eq!(
        decode(&std::fs::read_to_string(&json).unwrap()),
        Ok(sample_meeting())
    );

    let out = agenda(&[
        "export",
        "--format",
        "html",
        "--no-honorifics",
        "--short-organizations",
        &file,
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Luis Almagro Lemes</bdi></strong>, <bdi>Secretary General, OAS</bdi>")
            && !text.contains("H.E.")
    );
}

#[test]
fn a_missing_file_is_reported_with_exit_status_1() {
    for args in [
        vec!["check", "/nonexistent/m.json"],
        vec!["export", "--format", "html", "/nonexistent/m.json"],
    ] {
        let out = agenda(&args);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            stderr(&out).contains("cannot read /nonexistent/m.json"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn malformed_json_and_a_newer_version_are_refused_with_exit_status_1() {
    let dir = scratch("bad");
    let broken = path(&dir, "broken.json");
    std::fs::write(
        &broken,
        "{\"format\": \"agenda-planner\", \"version\": 1, \"meeting\": {",
    )
    .unwrap();
    let out = agenda(&["check", &broken]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is not valid JSON"),
        "{}",
        stderr(&out)
    );

    let newer = path(&dir, "newer.json");
    std::fs::write(
        &newer,
        encode(&sample_meeting()).replacen(
            &format!("\"version\":{VERSION}"),
            &format!("\"version\":{}", VERSION + 1),
            1,
        ),
    )
    .unwrap();
    for args in [
        vec!["check", newer.as_str()],
        vec!["export", "--format", "ics", newer.as_str()],
    ] {
        let out = agenda(&args);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            stderr(&out).contains("newer version of the planner"),
            "{}",
            stderr(&out)
        );
        assert!(out.stdout.is_empty());
    }

    let mut dangling = sample_meeting();
    dangling.sessions[1].participants[0].person = agenda_planner::domain::PersonId(99);
    let invalid = path(&dir, "invalid.json");
    std::fs::write(&invalid, encode(&dangling)).unwrap();
    let out = agenda(&["check", &invalid]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("person 99, who does not exist"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_export_that_cannot_be_made_or_written_fails_with_exit_status_1() {
    let dir = scratch("unwritable");
    let mut m = sample_meeting();
    m.timezone = "Atlantis/Capital".into();
    let file = path(&dir, "m.json");
    std::fs::write(&file, encode(&m)).unwrap();
    let out = agenda(&["export", "--format", "ics", &file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("“Atlantis/Capital” is not a known IANA timezone"),
        "{}",
        stderr(&out)
    );

    let out = agenda(&[
        "export",
        "--format",
        "html",
        &file,
        "-o",
        "/nonexistent/dir/out.html",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot write /nonexistent/dir/out.html"));
}

#[test]
fn a_wrong_command_line_gives_usage_and_exit_status_2() {
    for (args, says) in [
        (vec![], "no command given"),
        (vec!["publish"], "unknown command “publish”"),
        (vec!["export", "m.json"], "export needs --format"),
        (
            vec!["export", "--format", "pdf", "m.json"],
            "unknown format “pdf”",
        ),
        (
            vec!["export", "--format", "html", "--paper", "a3", "m.json"],
            "unknown paper “a3”",
        ),
        (
            vec![
                "export",
                "--format",
                "html",
                "--version-date",
                "12/08/2022",
                "m.json",
            ],
            "is not a date",
        ),
        (vec!["check"], "no meeting file given"),
        (vec!["check", "a.json", "b.json"], "unexpected argument"),
        (vec!["sample", "--draft"], "invalid option '--draft'"),
    ] {
        let out = agenda(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(err.contains("Usage:"), "{args:?}");
    }
    let help = agenda(&["--help"]);
    assert!(help.status.success());
    assert!(String::from_utf8(help.stdout)
        .unwrap()
        .contains("agenda import FILE [--timezone ZONE] [-o MEETING.json]"));
}

#[test]
fn check_lists_findings_and_fails_with_exit_status_1_on_a_scheduling_error() {
    let dir = scratch("check-clash");
    let ok = path(&dir, "ok.json");
    std::fs::write(&ok, encode(&sample_meeting())).unwrap();
    let out = agenda(&["check", &ok]);
    assert!(out.status.success());
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("warning: “Regional organizations and the implementation of R2P” (10:00–11:30) is a panel without a moderator or chair."),
        "{said}"
    );
    assert!(said.contains("0 error(s)"), "{said}");

    let mut m = sample_meeting();
    let launch = m
        .sessions
        .iter_mut()
        .find(|s| s.title.starts_with("Launch"))
        .unwrap();
    launch.placement = agenda_planner::domain::Placement::Room(agenda_planner::domain::RoomId(3));
    let clash = path(&dir, "clash.json");
    std::fs::write(&clash, encode(&m)).unwrap();
    let out = agenda(&["check", &clash]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("error: Patio Azteca is booked twice"));
    assert!(
        stderr(&out).contains("has 1 scheduling error(s)"),
        "{}",
        stderr(&out)
    );
}

fn interop_fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/interop")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn import_writes_a_meeting_file_and_reports_what_came_in() {
    let dir = scratch("import");
    let file = path(&dir, "camp.json");
    let out = agenda(&[
        "import",
        &interop_fixture("frab-camp2019.json"),
        "-o",
        &file,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let meeting = decode(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(meeting.sessions.len(), 79);
    let report = stderr(&out);
    assert!(
        report.contains(
            "Imported frab/c3voc schedule JSON: 5 days, 2 rooms, 7 themes, 90 people, 79 sessions."
        ),
        "{report}"
    );
    assert!(report.contains("Not kept: 52 links."), "{report}");

    // And back out in both schedule formats, then in again.
    for format in ["schedule-json", "schedule-xml"] {
        let exported = path(&dir, &format!("camp.{format}"));
        let out = agenda(&["export", "--format", format, &file, "-o", &exported]);
        assert!(out.status.success(), "{}", stderr(&out));
        let again = agenda(&["import", &exported]);
        assert!(again.status.success(), "{}", stderr(&again));
        let back = decode(&String::from_utf8(again.stdout).unwrap()).unwrap();
        assert_eq!(back.sessions, meeting.sessions, "{format}");
    }
}

#[test]
fn import_refuses_a_wrong_or_missing_file_with_exit_status_1() {
    let dir = scratch("import-bad");
    let out_file = path(&dir, "never.json");
    let out = agenda(&[
        "import",
        &interop_fixture("invalid-example.json"),
        "-o",
        &out_file,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not a whole number"),
        "{}",
        stderr(&out)
    );
    assert!(!std::path::Path::new(&out_file).exists(), "nothing written");
    let out = agenda(&["import", &path(&dir, "missing.xml")]);
    assert_eq!(out.status.code(), Some(1));
    let out = agenda(&["import"]);
    assert_eq!(out.status.code(), Some(2));
    // Nested 100,000 levels deep: refused with a message, not a crash.
    let deep = path(&dir, "deep.xml");
    std::fs::write(
        &deep,
        format!(
            "<schedule>{}{}</schedule>",
            "<a>".repeat(100_000),
            "</a>".repeat(100_000)
        ),
    )
    .unwrap();
    let out = agenda(&["import", &deep, "-o", &out_file]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("more than 100 levels deep"),
        "{}",
        stderr(&out)
    );
    // A schedule with no session: an error, not an empty meeting.
    let empty = path(&dir, "empty.xml");
    std::fs::write(
        &empty,
        "<schedule><conference><title>T</title></conference></schedule>",
    )
    .unwrap();
    let out = agenda(&["import", &empty, "-o", &out_file]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("holds no session"),
        "{}",
        stderr(&out)
    );
    assert!(!std::path::Path::new(&out_file).exists(), "nothing written");
    // A timezone that is not one: exit 1, saying so.
    let naive = path(&dir, "naive.xml");
    std::fs::write(&naive, "<schedule><day index=\"1\" date=\"2024-02-03\"><room name=\"A\"><event id=\"1\"><title>T</title><date>2024-02-03T10:00:00</date><duration>00:30</duration></event></room></day></schedule>").unwrap();
    let out = agenda(&["import", &naive, "--timezone", "Geneva", "-o", &out_file]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("“Geneva” is not a timezone"),
        "{}",
        stderr(&out)
    );
    assert!(!std::path::Path::new(&out_file).exists(), "nothing written");
}

#[test]
fn import_takes_the_timezone_a_file_does_not_give() {
    let dir = scratch("import-tz");
    let naive = path(&dir, "naive.xml");
    std::fs::write(&naive, "<schedule><day index=\"1\" date=\"2024-02-03\"><room name=\"A\"><event id=\"1\"><title>T</title><date>2024-02-03T10:00:00</date><duration>00:30</duration></event></room></day></schedule>").unwrap();
    let file = path(&dir, "m.json");
    let out = agenda(&[
        "import",
        &naive,
        "--timezone",
        "Europe/Brussels",
        "-o",
        &file,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("the meeting uses Europe/Brussels"),
        "{}",
        stderr(&out)
    );
    let m = decode(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(m.timezone, "Europe/Brussels");
    assert_eq!(
        agenda_planner::domain::schedule::hh_mm(m.sessions[0].start),
        "10:00"
    );
}

#[test]
fn export_writes_the_summary_report_and_a_programme_with_a_qr_code() {
    let dir = scratch("summary");
    let meeting = path(&dir, "meeting.json");
    assert!(agenda(&["sample", "-o", meeting.as_str()]).status.success());
    let out = agenda(&["export", "--format", "summary", meeting.as_str()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains("<h2 id=\"recommendations\">Recommendations</h2>"));
    assert!(report.contains("Chaired by H.E. Luis Almagro Lemes"));
    let out = agenda(&[
        "export",
        "--format",
        "html",
        "--schedule-url",
        "https://example.org/view/?src=r2p.json",
        meeting.as_str(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("<svg class=\"qr-code\""));
}

#[test]
fn check_writes_control_and_bidi_characters_from_the_meeting_as_escapes() {
    let dir = scratch("check-control");
    let file = path(&dir, "m.json");
    let mut meeting = sample_meeting();
    // Clears the screen, retitles the terminal window, and reverses what follows.
    meeting.title = "Meeting\u{1b}[2J\u{1b}]0;pwned\u{7}\u{202e}txt.exe".into();
    meeting.sessions[0].title = "Opening\r\u{9b}31m".into();
    std::fs::write(&file, encode(&meeting)).unwrap();
    let out = agenda(&["check", &file]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &stderr(&out);
    assert!(
        text.contains(r"Meeting\u{1b}[2J\u{1b}]0;pwned\u{7}\u{202e}txt.exe"),
        "{text}"
    );
    for c in text.chars() {
        assert!(
            c == '\n' || !(c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "a raw {:?} reached the terminal: {text}",
            c
        );
    }
}

#[test]
fn generate_at_100000_sessions_writes_a_meeting_that_check_accepts() {
    let dir = scratch("generate-large");
    let file = path(&dir, "large.json");
    let out = agenda(&["generate", "--sessions", "100000", "-o", &file]);
    assert!(out.status.success(), "{}", stderr(&out));
    let meeting = decode(&std::fs::read_to_string(&file).unwrap()).expect("valid");
    assert_eq!(meeting.sessions.len(), 100_000);
    // 10 rooms of at most 48 sessions a day: days are added.
    assert!(
        meeting.days.len() >= 100_000 / 480,
        "{} days",
        meeting.days.len()
    );
    let out = agenda(&["check", &file]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("valid"),
        "{}",
        stderr(&out)
    );
}
