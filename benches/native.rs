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
    let mut times: Vec<Duration> = (0..runs).map(|_| timed(&mut f)).collect();
    times.sort();
    times[runs / 2]
}

/// How long `f` takes to make its result; the result is dropped after the clock stops (freeing
/// a 100 MB export is the caller's cost, not the export's).
fn timed<T>(mut f: impl FnMut() -> T) -> Duration {
    let start = Instant::now();
    let result = black_box(f());
    let time = start.elapsed();
    drop(result);
    time
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
    println!("scale: 10,000 → 100,000 sessions (days added to fit); medians of 7 runs in turn");
    let options = ProgrammeOptions::default();
    let ics = CalendarOptions {
        sessions: None,
        stamp: chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap_or_default(),
        honorifics: true,
    };
    // Each job hands back what it made, so that freeing it falls outside the clock.
    type Job = Box<dyn Fn(&agenda_planner::domain::Meeting) -> Box<dyn std::any::Any>>;
    let jobs: Vec<(&str, Job)> = vec![
        ("check", Box::new(|m| Box::new(check(m, &m.checks)))),
        ("validate", Box::new(|m| Box::new(m.validate()))),
        (
            "programme",
            Box::new(move |m| Box::new(programme(m, &options))),
        ),
        (
            "summary",
            Box::new(|m| Box::new(agenda_planner::export::summary::summary(m))),
        ),
        (
            "iCalendar",
            Box::new(move |m| Box::new(calendar(m, &ics, &TzDatabase))),
        ),
        (
            "schedule JSON",
            Box::new(|m| {
                Box::new(json_document(m, &TzDatabase).map(|d| serde_json::to_string(&d)))
            }),
        ),
        (
            "schedule XML",
            Box::new(|m| Box::new(schedule_xml(m, &TzDatabase))),
        ),
        (
            "people CSV",
            Box::new(|m| Box::new(agenda_planner::export::csv::people_csv(m))),
        ),
        (
            "participation CSV",
            Box::new(|m| Box::new(agenda_planner::export::csv::participation_csv(m))),
        ),
        ("JSON encode", Box::new(|m| Box::new(encode(m)))),
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
        let (a, b) = in_turn(7, || job(&small), || job(&large));
        let ratio = b / a.max(1e-6);
        let verdict = if ratio <= 12.0 { "ok" } else { "OVER" };
        println!("  {what:<22}{a:>10.1} ms{b:>11.1} ms   ×{ratio:>5.1} (budget ×12: {verdict})");
    }
}

/// The medians of `runs` timings of `small` and of `large` in ms, taken in turn (small, large,
/// small…) so that whatever else the machine does in the meantime falls on both alike.
fn in_turn<T, U>(
    runs: usize,
    mut small: impl FnMut() -> T,
    mut large: impl FnMut() -> U,
) -> (f64, f64) {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        a.push(timed(&mut small));
        b.push(timed(&mut large));
    }
    a.sort();
    b.sort();
    let ms = |t: &[Duration]| t[runs / 2].as_secs_f64() * 1e3;
    (ms(&a), ms(&b))
}
