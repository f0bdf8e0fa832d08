//! The summary report: what the meeting said and concluded, as one self-contained printable
//! HTML file in the programme's print style (its stylesheet and policy; no script). The
//! meeting's title, dates and place, the introduction, one section per session in programme
//! order (its heading, who spoke as a sentence, its key messages and outcomes), then the
//! recommendations, numbered, and the closing text. All text is escaped by `html-escape`.

use std::fmt::Write;

use html_escape::encode_text as text;

use super::html::{footer_css, head, heading, paragraphs, running_name, Stylesheet};
use crate::domain::programme::{NameStyle, RoleGroup, SessionEntry};
use crate::domain::schedule::long_date;
use crate::domain::{Meeting, Role};

/// The whole summary report as one HTML document.
pub fn summary(meeting: &Meeting) -> String {
    summary_with(meeting, Stylesheet::Inline)
}

/// The report, with its styles inline (the file) or linked (a preview in the app).
pub fn summary_with(meeting: &Meeting, stylesheet: Stylesheet) -> String {
    let style = NameStyle::default();
    let mut out = String::with_capacity(4096 + meeting.sessions.len() * 900);
    let title = if meeting.title.trim().is_empty() {
        "Meeting"
    } else {
        meeting.title.as_str()
    };
    let footer = footer_css(&[running_name(meeting), "Summary report"]);
    head(
        &mut out,
        &format!("{title} — Summary"),
        stylesheet,
        "",
        &footer,
    );
    let kicker = match meeting.edition.trim() {
        "" => "Summary report".to_string(),
        edition => format!("Summary report · {edition}"),
    };
    heading(&mut out, meeting, &kicker);
    out.push_str("</header>\n<main class=\"summary\">\n");
    let record = &meeting.record;
    if !record.introduction.trim().is_empty() {
        out.push_str("<section class=\"introduction\" aria-label=\"Introduction\">\n");
        paragraphs(&mut out, "text", &record.introduction);
        out.push_str("</section>\n");
    }
    let mut sections = 0;
    for (day, session) in meeting.programme_sessions() {
        let entry = meeting.entry(session, style);
        let spoke = spoke(&entry.roles);
        if session.outcomes.trim().is_empty() && spoke.is_empty() {
            continue;
        }
        sections += 1;
        section(
            &mut out,
            &entry,
            &spoke,
            &session.outcomes,
            &long_date(day.date),
        );
    }
    if sections == 0 && record.recommendations.is_empty() {
        out.push_str(
            "<p class=\"empty\">Nothing is written yet: add key messages to the sessions and recommendations to the meeting.</p>\n",
        );
    }
    if !record.recommendations.is_empty() {
        out.push_str(
            "<section class=\"recommendations\" aria-labelledby=\"recommendations\">\n<h2 id=\"recommendations\">Recommendations</h2>\n<ol>\n",
        );
        for rec in &record.recommendations {
            out.push_str("<li>");
            paragraphs(&mut out, "text", &rec.text);
            let from: Vec<&str> = rec
                .sessions
                .iter()
                .filter_map(|&id| meeting.session(id))
                .map(|s| s.title.as_str())
                .chain(
                    rec.themes
                        .iter()
                        .filter_map(|&id| meeting.theme(id))
                        .map(|t| t.name.as_str()),
                )
                .collect();
            if !from.is_empty() {
                let _ = write!(
                    out,
                    "<p class=\"from\">From: {}</p>",
                    text(&from.join("; "))
                );
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n</section>\n");
    }
    if !record.closing.trim().is_empty() {
        out.push_str("<section class=\"closing\" aria-label=\"Closing\">\n");
        paragraphs(&mut out, "text", &record.closing);
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn section(out: &mut String, entry: &SessionEntry, spoke: &str, outcomes: &str, date: &str) {
    let _ = write!(
        out,
        "<section class=\"summary-session\" aria-labelledby=\"session-{id}\">\n<h2 id=\"session-{id}\">{title}</h2>\n<p class=\"meta\">{date} · {start}–{end} · {place}</p>\n",
        id = entry.id,
        title = text(&entry.title),
        date = text(date),
        start = text(&entry.start),
        end = text(&entry.end),
        place = text(&entry.place),
    );
    if !spoke.is_empty() {
        let _ = writeln!(out, "<p class=\"spoke\">{}</p>", text(spoke));
    }
    if !outcomes.trim().is_empty() {
        paragraphs(out, "text outcomes", outcomes);
    }
    out.push_str("</section>\n");
}

/// Who spoke, as sentences in the programme's order and naming: "Chaired by H.E. Luis
/// Almagro Lemes, Secretary General, Organization of American States. Opening remarks by
/// A, …; B, …; and C, …."
pub fn spoke(roles: &[RoleGroup]) -> String {
    let mut sentences = Vec::new();
    for group in roles {
        let names: Vec<String> = group.people.iter().map(|p| p.to_string()).collect();
        if names.is_empty() {
            continue;
        }
        let list = join_names(&names);
        let many = names.len() > 1;
        let sentence = match group.role {
            Role::Chair => format!("Chaired by {list}"),
            Role::Moderator => format!("Moderated by {list}"),
            Role::Welcome => format!("Welcome by {list}"),
            Role::OpeningRemarks => format!("Opening remarks by {list}"),
            Role::Keynote => format!("Keynote address by {list}"),
            Role::ClosingRemarks => format!("Closing remarks by {list}"),
            Role::Panelist | Role::Speaker | Role::Discussant | Role::Rapporteur => {
                format!("{}: {list}", group.role.heading(if many { 2 } else { 1 }))
            }
        };
        sentences.push(if sentence.ends_with('.') {
            sentence
        } else {
            format!("{sentence}.")
        });
    }
    sentences.join(" ")
}

/// "A", "A and B", "A; B; and C" (semicolons, since each name carries commas).
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        // "A, Adviser, and B, Counsellor": the comma closes the first name's affiliation.
        [a, b] if a.contains(',') => format!("{a}, and {b}"),
        [a, b] => format!("{a} and {b}"),
        [rest @ .., last] => format!("{}; and {last}", rest.join("; ")),
    }
}
