//! The planner's first screen as HTML, kept in storage beside the open meeting so that the
//! next visit shows it while the app's code loads (the page's first script, `tools/first-screen.js`).
//!
//! It is what the Programme screen shows first — the meeting's header, the *Rename meeting*
//! panel (closed), the themes, the day tabs and the first day's first
//! [`FIRST_SCREEN`](crate::domain::slots::FIRST_SCREEN) sessions — in the same markup and
//! classes as the app's components (`planner::pages::programme` and what it uses; a browser
//! test compares the two). All text is escaped by `html-escape`. The pages' policy allows no
//! inline style, so a theme's colour is written as `data-colour` and the script sets it.
//!
//! The record names the meeting it was made from: its slot and the revision stamp stored
//! beside it (`keys::revision`), or, for a meeting stored without one, its text's length in
//! UTF-16 units (what the script can read). The script draws nothing for any other meeting.

use std::fmt::Write;

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use super::json::{write_string, Reader};
use super::keys;
use super::kv::KeyValue;
use crate::domain::programme::{NameStyle, SessionEntry};
use crate::domain::schedule::{long_date, short_date};
use crate::domain::slots::FIRST_SCREEN;
use crate::domain::Meeting;

/// Which stored meeting a first screen was made from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Made {
    pub slot: u32,
    /// The slot's revision stamp as stored, or `size:<UTF-16 length of the stored text>`.
    pub id: String,
    /// The app's build that wrote it (a new build writes its own markup; the script does
    /// not look at this).
    pub build: String,
}

impl Made {
    /// For a meeting stored without a revision stamp: its text's length as the page's
    /// script measures it.
    pub fn size_id(stored: &str) -> String {
        format!("size:{}", stored.encode_utf16().count())
    }
}

/// The stored record: `{"slot":0,"id":"…","build":"…","html":"…"}`.
pub fn encode_record(made: &Made, html: &str) -> String {
    let mut out = format!("{{\"slot\":{},\"id\":", made.slot);
    write_string(&mut out, &made.id);
    out.push_str(",\"build\":");
    write_string(&mut out, &made.build);
    out.push_str(",\"html\":");
    write_string(&mut out, html);
    out.push('}');
    out
}

/// Which meeting a stored record was made from (`None` when it cannot be read).
pub fn record_made(record: &str) -> Option<Made> {
    let mut r = Reader::new(record);
    let (mut slot, mut id, mut build) = (None, None, None);
    r.object(|r, key| {
        match key {
            "slot" => slot = Some(r.number()?),
            "id" => id = Some(r.string()?),
            "build" => build = Some(r.string()?),
            _ => r.skip()?,
        }
        Ok(())
    })
    .ok()?;
    Some(Made {
        slot: slot?,
        id: id?,
        build: build?,
    })
}

/// Keeps the first screen of `m`, the meeting `made` names, unless the one kept is already
/// of it. A convenience: when it cannot be written, none is kept (never one of another
/// meeting).
pub fn keep(store: &dyn KeyValue, made: &Made, m: &Meeting) {
    let kept = store.get(keys::FIRST_SCREEN).ok().flatten();
    if kept.as_deref().and_then(record_made).as_ref() == Some(made) {
        return;
    }
    let record = encode_record(made, &first_screen_html(m));
    if store.set(keys::FIRST_SCREEN, &record).is_err() {
        let _ = store.remove(keys::FIRST_SCREEN);
    }
}

/// Forgets the kept first screen (to give its room to the meeting itself).
pub fn forget(store: &dyn KeyValue) {
    let _ = store.remove(keys::FIRST_SCREEN);
}

/// The Programme screen's first screen for `m`, as the app draws it.
pub fn first_screen_html(m: &Meeting) -> String {
    let mut out = String::with_capacity(16 * 1024);
    header(&mut out, m);
    out.push_str("<details class=\"edit-panel\"><summary>Rename meeting</summary></details>");
    legend(&mut out, m);
    let days = m.days_in_order();
    let day = days.first();
    out.push_str(
        "<section class=\"programme\" aria-labelledby=\"programme-heading\">\
         <h2 id=\"programme-heading\">Programme</h2>",
    );
    if day.is_none() {
        out.push_str("<p class=\"empty\">This meeting has no days yet.</p>");
    }
    out.push_str("<div class=\"day-tabs\" role=\"tablist\" aria-label=\"Days\">");
    for (i, d) in days.iter().enumerate() {
        let _ = write!(
            out,
            "<button type=\"button\" role=\"tab\" class=\"day-tabs__tab\" id=\"day-tab-{}\" \
             aria-controls=\"day-panel\" aria-selected=\"{}\" tabindex=\"{}\">\
             <span class=\"day-tabs__label\">{}</span><span class=\"day-tabs__date\">{}</span></button>",
            d.id,
            i == 0,
            if i == 0 { 0 } else { -1 },
            text(&d.label),
            text(&short_date(d.date)),
        );
    }
    out.push_str(
        "</div><div class=\"day-panel\" role=\"tabpanel\" id=\"day-panel\" tabindex=\"0\"",
    );
    match day {
        Some(d) => {
            let _ = write!(
                out,
                " aria-labelledby=\"day-tab-{}\"><h3 class=\"day-panel__date\">{}</h3>",
                d.id,
                text(&long_date(d.date))
            );
            let sessions = m.sessions_on(d.id);
            if sessions.is_empty() {
                out.push_str("<p class=\"empty\">No sessions on this day yet.</p>");
            }
            out.push_str("<ol class=\"session-list\">");
            for s in sessions.into_iter().take(FIRST_SCREEN) {
                out.push_str("<li>");
                card(&mut out, &m.entry(s, NameStyle::default()));
                out.push_str("</li>");
            }
            out.push_str("</ol>");
        }
        None => out.push_str(" hidden=\"\" aria-labelledby=\"\"><h3 class=\"day-panel__date\"></h3><ol class=\"session-list\"></ol>"),
    }
    out.push_str("</div></section>");
    out
}

/// `planner::components::meeting_header`.
fn header(out: &mut String, m: &Meeting) {
    let host = if m.host.trim().is_empty() {
        String::new()
    } else {
        format!("Hosted by {}", m.host)
    };
    let _ = write!(
        out,
        "<header class=\"meeting-header\"><p class=\"meeting-header__edition\">{}</p>\
         <h1 class=\"meeting-header__title\">{}</h1>\
         <p class=\"meeting-header__when-where\"><span>{}</span><span>{}</span></p>\
         <p class=\"meeting-header__facts\"><span>{}</span><span>All times are local to the venue ({})</span></p>\
         <p class=\"meeting-header__description\">{}</p></header>",
        text(&m.edition),
        text(&m.title),
        text(&m.dates_label()),
        text(&m.place_label()),
        text(&host),
        text(&m.timezone),
        text(&m.description),
    );
}

/// `planner::components::theme_legend`.
fn legend(out: &mut String, m: &Meeting) {
    out.push_str("<section class=\"theme-legend\" aria-labelledby=\"themes-heading\"");
    if m.themes.is_empty() {
        out.push_str(" hidden=\"\"");
    }
    out.push_str("><h2 id=\"themes-heading\">Themes</h2><ul class=\"theme-tags\">");
    for t in &m.themes {
        let _ = write!(
            out,
            "<li class=\"theme-tag\" data-colour=\"{}\" title=\"{}\">{}</li>",
            attr(&t.colour),
            attr(&t.description),
            text(&t.name)
        );
    }
    out.push_str("</ul></section>");
}

/// `ui::session_card`.
fn card(out: &mut String, e: &SessionEntry) {
    let _ = write!(
        out,
        "<article class=\"session session--{}{}\" aria-labelledby=\"session-{}-title\">\
         <p class=\"session__time\"><time>{}</time>–<time>{}</time></p>\
         <div class=\"session__body\"><p class=\"session__meta\">\
         <span class=\"session__kind\">{}</span><span class=\"session__place\">{}</span></p>\
         <h4 class=\"session__title\" id=\"session-{}-title\">{}</h4>",
        e.kind.as_str(),
        if e.kind.is_pause() {
            " session--pause"
        } else {
            ""
        },
        e.id,
        text(&e.start),
        text(&e.end),
        text(&e.kind_label),
        text(&e.place),
        e.id,
        text(&e.title),
    );
    if !e.themes.is_empty() {
        out.push_str("<ul class=\"theme-tags\" aria-label=\"Themes\">");
        for t in &e.themes {
            let _ = write!(
                out,
                "<li class=\"theme-tag\" data-colour=\"{}\">{}</li>",
                attr(&t.colour),
                text(&t.name)
            );
        }
        out.push_str("</ul>");
    }
    if !e.description.is_empty() {
        let _ = write!(
            out,
            "<p class=\"session__description\">{}</p>",
            text(&e.description)
        );
    }
    if !e.roles.is_empty() {
        out.push_str("<dl class=\"session__people\">");
        for group in &e.roles {
            let _ = write!(
                out,
                "<div class=\"role role--{}\"><dt>{}</dt><dd><ul>",
                group.role.as_str(),
                text(group.heading)
            );
            for line in &group.people {
                let _ = write!(
                    out,
                    "<li><span class=\"person-line__name\">{}</span>",
                    text(&line.name)
                );
                if !line.affiliation.is_empty() {
                    let _ = write!(out, ", {}", text(&line.affiliation));
                }
                out.push_str("</li>");
            }
            out.push_str("</ul></dd></div>");
        }
        out.push_str("</dl>");
    }
    if !e.items.is_empty() {
        out.push_str("<ol class=\"run-of-show\" aria-label=\"Run of show\">");
        for item in &e.items {
            let _ = write!(
                out,
                "<li><time>{}</time> <span>{}</span>",
                text(&item.time),
                text(&item.title)
            );
            if let Some(p) = &item.person {
                let _ = write!(
                    out,
                    "<span class=\"run-of-show__person\">{}</span>",
                    text(p)
                );
            }
            out.push_str("</li>");
        }
        out.push_str("</ol>");
    }
    out.push_str("</div></article>");
}
