//! `make bench` (native part): how long the pure functions take on a generated meeting of
//! 1,000 sessions and 2,000 people over 3 days and 10 rooms. Prints the median of many runs.

use std::hint::black_box;
use std::time::{Duration, Instant};

use agenda_planner::domain::check::check;
use agenda_planner::domain::generate::generated_meeting;
use agenda_planner::domain::time::TzDatabase;
use agenda_planner::domain::CheckSettings;
use agenda_planner::export::html::{programme, ProgrammeOptions};
use agenda_planner::export::ics::{calendar, CalendarOptions};
use agenda_planner::storage::first_screen::first_screen_html;
use agenda_planner::storage::{decode, encode};

fn median<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn report(what: &str, budget_ms: Option<f64>, time: Duration) {
    let ms = time.as_secs_f64() * 1e3;
    let verdict = match budget_ms {
        Some(b) if ms <= b => format!("  (budget {b} ms: ok)"),
        Some(b) => format!("  (budget {b} ms: OVER)"),
        None => String::new(),
    };
    println!("{what:<48}{ms:>9.2} ms{verdict}");
}

fn main() {
    // `cargo bench --bench native -- scale` runs only the 10,000 → 100,000 comparison.
    if std::env::args().skip(1).any(|a| a == "scale") {
        scale();
        return;
    }
    let meeting = generated_meeting(1000, 2000, 3, 10);
    println!("native, 1,000 sessions / 2,000 people / 3 days / 10 rooms; median of 31 runs");
    let settings = CheckSettings::default();
    report(
        "conflict and readiness check",
        Some(5.0),
        median(31, || check(&meeting, &settings)),
    );
    report(
        "  times the calendar exports cannot write",
        None,
        median(31, || {
            agenda_planner::domain::check::time_findings(
                &meeting,
                &agenda_planner::domain::time::TzDatabase,
            )
        }),
    );
    let options = ProgrammeOptions::default();
    report(
        "printable programme (HTML export)",
        Some(100.0),
        median(31, || programme(&meeting, &options)),
    );
    // The summary report, with key messages written for every session and 20 recommendations.
    let mut written = meeting.clone();
    for s in &mut written.sessions {
        s.outcomes = "Participants discussed how to prevent atrocities and what regional organizations can do.\n\n- Early warning needs early action\n- Civil society sees the risks first\n\nThey agreed to meet again.".into();
    }
    written.record.introduction =
        "The meeting brought together senior officials.\n\nIt discussed prevention.".into();
    written.record.recommendations = (0..20)
        .map(|i| agenda_planner::domain::Recommendation {
            text: format!("Recommendation {i}: states should act early."),
            sessions: vec![written.sessions[i * 7].id],
            themes: Vec::new(),
        })
        .collect();
    report(
        "summary report (HTML export, all messages)",
        Some(100.0),
        median(31, || agenda_planner::export::summary::summary(&written)),
    );
    // Two versions of the meeting: 50 sessions moved, 20 retitled, 30 roles changed.
    let mut later = meeting.clone();
    for (i, s) in later.sessions.iter_mut().enumerate() {
        if i % 20 == 0 {
            s.start += chrono::Duration::minutes(5);
            s.end += chrono::Duration::minutes(5);
        }
        if i % 50 == 1 {
            s.title.push_str(" (revised)");
        }
        if i % 33 == 2 {
            if let Some(p) = s.participants.first_mut() {
                p.role = agenda_planner::domain::Role::Rapporteur;
            }
        }
    }
    report(
        "what changed between two versions",
        Some(20.0),
        median(31, || {
            agenda_planner::domain::changes::changes(&meeting, &later)
        }),
    );
    let ics = CalendarOptions {
        sessions: None,
        stamp: chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap_or_default(),
        honorifics: true,
    };
    report(
        "iCalendar export",
        None,
        median(31, || calendar(&meeting, &ics, &TzDatabase)),
    );
    let id = meeting.sessions[500].id;
    report(
        "one edit: a session 5 minutes later (+ validate)",
        None,
        median(31, || {
            let mut m = meeting.clone();
            let start = Instant::now();
            let undo = agenda_planner::domain::Edit::nudge(id, 5).apply(&mut m);
            (start.elapsed(), undo.is_ok())
        }),
    );
    report(
        "  of which validate",
        None,
        median(31, || meeting.validate()),
    );
    let text = encode(&meeting);
    report(
        "the planner's first screen (kept after each save)",
        None,
        median(31, || first_screen_html(&meeting)),
    );
    report("JSON encode", None, median(31, || encode(&meeting)));
    report("JSON decode + validate", None, median(31, || decode(&text)));
    println!(
        "sizes: programme {} KB, iCalendar {} KB, JSON {} KB",
        programme(&meeting, &options).len() / 1024,
        calendar(&meeting, &ics, &TzDatabase)
            .map(|s| s.len())
            .unwrap_or(0)
            / 1024,
        text.len() / 1024
    );
    scale();
}

/// Check and every export at 10,000 and 100,000 sessions: each must grow linearly (at most
/// 12 times as long for 10 times the sessions).
fn scale() {
    use agenda_planner::export::c3voc::{json_document, schedule_xml};
    let small = generated_meeting(10_000, 20_000, 3, 10);
    let large = generated_meeting(100_000, 200_000, 3, 10);
    println!("scale: 10,000 → 100,000 sessions (days added to fit); median of 5 runs");
    let options = ProgrammeOptions::default();
    let ics = CalendarOptions {
        sessions: None,
        stamp: chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap_or_default(),
        honorifics: true,
    };
    type Job = Box<dyn Fn(&agenda_planner::domain::Meeting) -> usize>;
    let jobs: Vec<(&str, Job)> = vec![
        ("check", Box::new(|m| check(m, &m.checks).len())),
        ("validate", Box::new(|m| m.validate().len())),
        ("programme", Box::new(move |m| programme(m, &options).len())),
        (
            "summary",
            Box::new(|m| agenda_planner::export::summary::summary(m).len()),
        ),
        (
            "iCalendar",
            Box::new(move |m| calendar(m, &ics, &TzDatabase).map_or(0, |s| s.len())),
        ),
        (
            "schedule JSON",
            Box::new(|m| {
                json_document(m, &TzDatabase)
                    .map(|d| serde_json::to_string(&d).map_or(0, |s| s.len()))
                    .unwrap_or(0)
            }),
        ),
        (
            "schedule XML",
            Box::new(|m| schedule_xml(m, &TzDatabase).map_or(0, |s| s.len())),
        ),
        (
            "people CSV",
            Box::new(|m| agenda_planner::export::csv::people_csv(m).len()),
        ),
        (
            "participation CSV",
            Box::new(|m| agenda_planner::export::csv::participation_csv(m).len()),
        ),
        ("JSON encode", Box::new(|m| encode(m).len())),
    ];
    // `-- scale check` runs only the jobs whose name has "check" in it (to profile one).
    let only: Vec<String> = std::env::args()
        .skip_while(|a| a != "scale")
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    for (what, job) in &jobs {
        if !only.is_empty() && !only.iter().any(|o| what.contains(o.as_str())) {
            continue;
        }
        let a = median(5, || job(&small)).as_secs_f64() * 1e3;
        let b = median(5, || job(&large)).as_secs_f64() * 1e3;
        let ratio = b / a.max(1e-6);
        let verdict = if ratio <= 12.0 { "ok" } else { "OVER" };
        println!("  {what:<22}{a:>10.1} ms{b:>11.1} ms   ×{ratio:>5.1} (budget ×12: {verdict})");
    }
}
