//! The change note: what changed between two versions of a meeting ("Changes since Draft 2"),
//! one self-contained printable HTML file in the programme's print style, to send with a new
//! draft. All text is escaped by `html-escape`.

use std::fmt::Write;

use html_escape::encode_text as text;

use super::html::{footer_css, head, running_name, Stylesheet};
use crate::domain::changes::Change;
use crate::domain::Meeting;

/// The note for `changes` from the version named `from` to `to` ("now" for the meeting as it
/// is), of `meeting` (the newer one).
pub fn change_note(meeting: &Meeting, from: &str, to: &str, changes: &[Change]) -> String {
    let heading = format!("Changes since {from}");
    let mut out = String::with_capacity(2048 + changes.len() * 160);
    head(
        &mut out,
        &format!("{} — {heading}", meeting.title),
        Stylesheet::Inline,
        "",
        &footer_css(&[running_name(meeting), &heading]),
    );
    out.push_str("<header class=\"title-block\">\n");
    let _ = writeln!(out, "<p class=\"edition\">{}</p>", text(&meeting.title));
    let _ = writeln!(out, "<h1>{}</h1>", text(&heading));
    let _ = writeln!(
        out,
        "<p class=\"when-where\">{} → {}</p>",
        text(from),
        text(to)
    );
    out.push_str("</header>\n<main class=\"summary\">\n");
    if changes.is_empty() {
        out.push_str("<p class=\"empty\">Nothing changed.</p>\n");
    }
    let (people, sessions): (Vec<&Change>, Vec<&Change>) = changes
        .iter()
        .partition(|c| matches!(c, Change::PersonAdded { .. } | Change::PersonRemoved { .. }));
    for (title, list) in [("Sessions", sessions), ("People", people)] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "<section aria-label=\"{title}\"><h2>{title}</h2>\n<ul class=\"changes\">"
        );
        for change in list {
            let _ = writeln!(out, "<li>{}</li>", text(&change.to_string()));
        }
        out.push_str("</ul></section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}
