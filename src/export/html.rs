//! The printable programme: one self-contained HTML file (CSS inlined; no scripts, fonts or
//! images), made to print well on A4 or US Letter. The in-app print preview shows this same
//! document. All text is escaped by `html-escape`.

use std::fmt::Write;

use chrono::NaiveDate;
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use crate::domain::programme::{NameStyle, SessionEntry};
use crate::domain::schedule::{hh_mm, long_date, parse_date, short_date};
use crate::domain::Meeting;

/// The stylesheet of the programme, inlined into every export (A4 pages).
pub const PROGRAMME_CSS: &str = include_str!("../../style/programme.css");

/// What US Letter pages add to the stylesheet.
pub const PROGRAMME_LETTER_CSS: &str = include_str!("../../style/programme-letter.css");

/// The exported programme's own Content-Security-Policy: no script of any kind, nothing
/// fetched, its one inline stylesheet.
pub const PROGRAMME_CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// Where the programme's styles come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stylesheet<'a> {
    /// Inside the document, which carries its own policy: the exported, self-contained file.
    Inline,
    /// Linked from `base` (`programme.css`, `programme-letter.css` there): a preview shown
    /// under the app's own policy, where inline styles are not allowed.
    Linked(&'a str),
}

/// Paper size the programme is laid out for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// What the paper adds to the stylesheet (A4 is its default).
    fn css(self) -> &'static str {
        match self {
            Paper::A4 => "",
            Paper::Letter => PROGRAMME_LETTER_CSS,
        }
    }
}

/// What the printed programme includes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammeOptions {
    pub honorifics: bool,
    pub short_organizations: bool,
    pub descriptions: bool,
    pub run_of_show: bool,
    /// An index of people, each with the sessions they are in.
    pub people_index: bool,
    /// An annex with the biographies of people who have one.
    pub biographies: bool,
    /// A "DRAFT" mark on every page.
    pub draft: bool,
    /// "Draft 2", "Final"… shown in the title block when set.
    pub version_label: String,
    pub version_date: Option<NaiveDate>,
    pub paper: Paper,
    /// The attendee schedule's address: printed with a QR code on the first page when set.
    pub schedule_url: String,
}

impl Default for ProgrammeOptions {
    fn default() -> Self {
        ProgrammeOptions {
            honorifics: true,
            short_organizations: false,
            descriptions: true,
            run_of_show: true,
            people_index: true,
            biographies: true,
            draft: false,
            version_label: String::new(),
            version_date: None,
            paper: Paper::A4,
            schedule_url: String::new(),
        }
    }
}

impl ProgrammeOptions {
    /// Reads the options from named form fields, as an HTML form submits them: `field(name)`
    /// is the field's value, `None` for an unchecked checkbox. Field names are those of
    /// `forms::names` (`honorifics`, `short_organizations`, …, `version_label`,
    /// `version_date`, `paper` = "a4" | "letter"). A date that is not YYYY-MM-DD is left out.
    pub fn from_fields(field: impl Fn(&str) -> Option<String>) -> ProgrammeOptions {
        use crate::forms::names::*;
        let on = |name| field(name).is_some();
        ProgrammeOptions {
            honorifics: on(HONORIFICS),
            short_organizations: on(SHORT_ORGANIZATIONS),
            descriptions: on(DESCRIPTIONS),
            run_of_show: on(RUN_OF_SHOW),
            people_index: on(PEOPLE_INDEX),
            biographies: on(BIOGRAPHIES),
            draft: on(DRAFT),
            version_label: field(VERSION_LABEL).unwrap_or_default().trim().to_string(),
            version_date: field(VERSION_DATE).and_then(|d| parse_date(&d)),
            paper: match field(PAPER).as_deref() {
                Some("letter") => Paper::Letter,
                _ => Paper::A4,
            },
            schedule_url: field(SCHEDULE_URL).unwrap_or_default().trim().to_string(),
        }
    }
}

/// The whole programme as one HTML document.
pub fn programme(meeting: &Meeting, options: &ProgrammeOptions) -> String {
    programme_with(meeting, options, Stylesheet::Inline)
}

/// The programme, with its styles inline or linked.
pub fn programme_with(
    meeting: &Meeting,
    options: &ProgrammeOptions,
    stylesheet: Stylesheet,
) -> String {
    let style = NameStyle {
        honorifics: options.honorifics,
        short_organizations: options.short_organizations,
    };
    let mut out = String::with_capacity(4096 + meeting.sessions.len() * 700);
    let title = if meeting.title.trim().is_empty() {
        "Programme"
    } else {
        meeting.title.as_str()
    };
    let date = options.version_date.map(long_date).unwrap_or_default();
    let footer = footer_css(&[running_name(meeting), &options.version_label, &date]);
    head(
        &mut out,
        &format!("{title} — Programme"),
        stylesheet,
        options.paper.css(),
        &footer,
    );
    if options.draft {
        out.push_str("<div class=\"draft-mark\" aria-hidden=\"true\">DRAFT</div>\n");
    }
    title_block(&mut out, meeting, options);
    out.push_str("<main>\n");
    for (day, sessions) in meeting.programme_days() {
        let _ = write!(
            out,
            "<section class=\"day\" aria-labelledby=\"day-{id}\">\n<h2 id=\"day-{id}\">{date}",
            id = day.id,
            date = text(&long_date(day.date)),
        );
        if !day.label.trim().is_empty() {
            let _ = write!(
                out,
                " <span class=\"day-label\">{}</span>",
                text(&day.label)
            );
        }
        out.push_str("</h2>\n");
        if sessions.is_empty() {
            out.push_str("<p class=\"empty\">No sessions on this day.</p>\n");
        }
        // Each session is written as soon as it is made and dropped before the next: a day's
        // sessions are never all held at once.
        for s in sessions {
            session(&mut out, &meeting.entry(s, style), options);
        }
        out.push_str("</section>\n");
    }
    if options.people_index {
        people_index(&mut out, meeting, style);
    }
    if options.biographies {
        biographies(&mut out, meeting, style);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// `text` as a CSS string, quoted: everything but letters, digits and spaces escaped as a
/// code point, so no text can end the string, the rule or the `<style>` element.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            let _ = write!(out, "\\{:x} ", c as u32);
        }
    }
    out.push('"');
    out
}

/// The running footer printed at the foot of every page, before the page number:
/// "10th Annual Meeting · Draft 2 · 12 September 2022 · page 3 of 4". Empty parts are left out.
pub(crate) fn footer_css(parts: &[&str]) -> String {
    let mut content = String::new();
    for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        content.push_str(&css_string(part));
        content.push_str(" \" · \" ");
    }
    format!(
        "@page {{ @bottom-center {{ content: {content}\"page \" counter(page) \" of \" counter(pages); }} }}\n"
    )
}

/// The document's start up to its `<head>`'s end: the policy (inline) or stylesheet links,
/// the title and the styles. `paper_css` is what the paper size adds and `footer_css` the
/// running footer (inline only: a preview under the app's policy prints page numbers alone).
pub(crate) fn head(
    out: &mut String,
    page_title: &str,
    stylesheet: Stylesheet,
    paper_css: &str,
    footer_css: &str,
) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    match stylesheet {
        Stylesheet::Inline => {
            let _ = writeln!(
                out,
                "<meta http-equiv=\"Content-Security-Policy\" content=\"{PROGRAMME_CSP}\">"
            );
        }
        Stylesheet::Linked(base) => {
            let _ = writeln!(
                out,
                "<link rel=\"stylesheet\" href=\"{}programme.css\">",
                attr(base)
            );
            if !paper_css.is_empty() {
                let _ = writeln!(
                    out,
                    "<link rel=\"stylesheet\" href=\"{}programme-letter.css\">",
                    attr(base)
                );
            }
        }
    }
    let _ = writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>",
        text(page_title)
    );
    if stylesheet == Stylesheet::Inline {
        let _ = writeln!(
            out,
            "<style>\n{PROGRAMME_CSS}{paper_css}{footer_css}</style>"
        );
    }
    out.push_str("</head>\n<body>\n");
}

/// "15–16 September 2022 · Venue, City", leaving out what is empty.
pub(crate) fn when_where(meeting: &Meeting) -> String {
    let (when, place) = (meeting.dates_label(), meeting.place_label());
    [when.as_str(), place.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// What the running footer calls the meeting: its edition ("10th Annual Meeting"), else its
/// title.
pub(crate) fn running_name(meeting: &Meeting) -> &str {
    if meeting.edition.trim().is_empty() {
        meeting.title.as_str()
    } else {
        meeting.edition.as_str()
    }
}

/// The start of a document's title block: the line above the title (`kicker`, left out when
/// empty), the title, dates and place, and host. The caller closes the `<header>`.
pub(crate) fn heading(out: &mut String, meeting: &Meeting, kicker: &str) {
    out.push_str("<header class=\"title-block\">\n");
    if !kicker.trim().is_empty() {
        let _ = writeln!(out, "<p class=\"edition\">{}</p>", text(kicker));
    }
    let _ = writeln!(out, "<h1>{}</h1>", text(&meeting.title));
    let when_where = when_where(meeting);
    if !when_where.is_empty() {
        let _ = writeln!(out, "<p class=\"when-where\">{}</p>", text(&when_where));
    }
    if !meeting.host.trim().is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"host\">Hosted by {}</p>",
            text(&meeting.host)
        );
    }
}

fn title_block(out: &mut String, meeting: &Meeting, options: &ProgrammeOptions) {
    heading(out, meeting, &meeting.edition);
    let version = [
        options.version_label.trim().to_string(),
        options.version_date.map(long_date).unwrap_or_default(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" — ");
    if !version.is_empty() {
        let _ = writeln!(out, "<p class=\"version\">Version: {}</p>", text(&version));
    }
    if !meeting.timezone.trim().is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"timezone\">All times are local to the venue ({}).</p>",
            text(&meeting.timezone)
        );
    }
    if options.descriptions && !meeting.description.trim().is_empty() {
        paragraphs(out, "description", &meeting.description);
    }
    if let Some(svg) = qr_svg(&options.schedule_url) {
        let _ = writeln!(
            out,
            "<figure class=\"qr\">{svg}<figcaption>The schedule on your phone: {}</figcaption></figure>",
            text(options.schedule_url.trim())
        );
    }
    out.push_str("</header>\n");
}

/// Longest address the QR code is made for (longer ones are left out of the programme).
pub const MAX_QR_URL: usize = 1000;

/// A QR code of `url` as an SVG drawing (black modules, a quiet zone of 4), when `url` is a
/// web address short enough for one: a share link with the whole meeting inside is too long,
/// a published file's address (`view/?src=…`) is not.
pub fn qr_svg(url: &str) -> Option<String> {
    use qrcodegen::{QrCode, QrCodeEcc};
    let url = url.trim();
    if !(url.starts_with("https://") || url.starts_with("http://")) || url.len() > MAX_QR_URL {
        return None;
    }
    let qr = QrCode::encode_text(url, QrCodeEcc::Medium).ok()?;
    let size = qr.size();
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if qr.get_module(x, y) {
                let _ = write!(path, "M{},{}h1v1h-1z", x + 4, y + 4);
            }
        }
    }
    let side = size + 8;
    Some(format!(
        "<svg class=\"qr-code\" viewBox=\"0 0 {side} {side}\" role=\"img\" aria-label=\"QR code of the schedule's address\" shape-rendering=\"crispEdges\"><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    ))
}

/// Plain text with paragraphs and lists (see `domain::text`) as HTML, in one `<div>`.
pub(crate) fn paragraphs(out: &mut String, class: &str, plain: &str) {
    use crate::domain::text::{blocks, Block};
    let _ = write!(out, "<div class=\"{}\">", attr(class));
    for block in blocks(plain) {
        match block {
            Block::Paragraph(lines) => {
                out.push_str("<p>");
                for (i, line) in lines.iter().enumerate() {
                    if i > 0 {
                        out.push_str("<br>");
                    }
                    out.push_str(&text(line));
                }
                out.push_str("</p>");
            }
            Block::List(items) => {
                out.push_str("<ul>");
                for item in items {
                    let _ = write!(out, "<li>{}</li>", text(item));
                }
                out.push_str("</ul>");
            }
        }
    }
    out.push_str("</div>\n");
}

fn session(out: &mut String, entry: &SessionEntry, options: &ProgrammeOptions) {
    let pause = if entry.kind.is_pause() {
        " session--pause"
    } else {
        ""
    };
    let _ = write!(
        out,
        "<article class=\"session session--{}{}\">\n<p class=\"time\"><time>{}</time>–<time>{}</time></p>\n<div class=\"body\">\n<p class=\"meta\"><span class=\"kind\">{}</span> <span class=\"place\">{}</span>",
        entry.kind.as_str(),
        pause,
        text(&entry.start),
        text(&entry.end),
        text(&entry.kind_label),
        text(&entry.place),
    );
    for theme in &entry.themes {
        let _ = write!(
            out,
            " <span class=\"theme\"><svg class=\"swatch\" viewBox=\"0 0 1 1\" aria-hidden=\"true\"><rect width=\"1\" height=\"1\" fill=\"{}\"/></svg>{}</span>",
            attr(&theme.colour),
            text(&theme.name)
        );
    }
    let _ = writeln!(out, "</p>\n<h3>{}</h3>", text(&entry.title));
    if options.descriptions && !entry.description.trim().is_empty() {
        paragraphs(out, "description", &entry.description);
    }
    if !entry.roles.is_empty() {
        out.push_str("<dl class=\"people\">\n");
        for group in &entry.roles {
            let _ = write!(out, "<div><dt>{}</dt><dd><ul>", text(group.heading));
            for person in &group.people {
                // Each in its own bidi isolate: a right-to-left name (or a stray override in it)
                // never reorders what is printed after it.
                let _ = write!(
                    out,
                    "<li><strong><bdi>{}</bdi></strong>",
                    text(&person.name)
                );
                if !person.affiliation.is_empty() {
                    let _ = write!(out, ", <bdi>{}</bdi>", text(&person.affiliation));
                }
                out.push_str("</li>");
            }
            out.push_str("</ul></dd></div>\n");
        }
        out.push_str("</dl>\n");
    }
    if options.run_of_show && !entry.items.is_empty() {
        out.push_str("<ol class=\"run-of-show\">\n");
        for item in &entry.items {
            let _ = write!(
                out,
                "<li><time>{}</time> {}",
                text(&item.time),
                text(&item.title)
            );
            if let Some(person) = &item.person {
                let _ = write!(out, " — <bdi>{}</bdi>", text(person));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</div>\n</article>\n");
}

/// The people `keep` keeps, sorted by family name, then given name (ignoring ASCII case).
fn people_sorted(
    meeting: &Meeting,
    keep: impl Fn(&crate::domain::Person) -> bool,
) -> Vec<&crate::domain::Person> {
    let mut people: Vec<_> = meeting.people.iter().filter(|p| keep(p)).collect();
    // ASCII case folding: Unicode case tables would add ~30 KB to the app for a sort order
    // that only differs for names starting with a lower-case accented letter. Compared byte
    // by byte, with no folded copies made.
    fn folded(s: &str) -> impl Iterator<Item = u8> + '_ {
        s.bytes().map(|b| b.to_ascii_lowercase())
    }
    crate::domain::order::sort_by_prefixed(
        &mut people,
        |p| crate::domain::order::prefix(folded(&p.family_name)),
        |a, b| {
            folded(&a.family_name)
                .cmp(folded(&b.family_name))
                .then_with(|| folded(&a.given_name).cmp(folded(&b.given_name)))
        },
    );
    people
}

fn people_index(out: &mut String, meeting: &Meeting, style: NameStyle) {
    // Every (day, session, role) of each person, in programme order.
    let lines = crate::domain::ByPerson::new(
        meeting,
        meeting.programme_sessions().flat_map(|(day, session)| {
            session
                .participants
                .iter()
                .map(move |p| (p.person, (day, session, p.role)))
        }),
    );
    let people = people_sorted(meeting, |p| !lines.of(p.id).is_empty());
    if people.is_empty() {
        return;
    }
    out.push_str(
        "<section class=\"people-index\" aria-labelledby=\"people-index\">\n<h2 id=\"people-index\">Index of people</h2>\n<dl>\n",
    );
    for person in people {
        out.push_str("<div class=\"index-entry\"><dt><strong>");
        out.push_str(&text(&person.index_name(style.honorifics)));
        out.push_str("</strong>");
        let affiliation = person.affiliation(style.short_organizations);
        if !affiliation.is_empty() {
            out.push_str(", ");
            out.push_str(&text(&affiliation));
        }
        out.push_str("</dt>");
        for (day, session, role) in lines.of(person.id) {
            let _ = write!(
                out,
                "<dd>{} {} · {} <span class=\"role\">({})</span></dd>",
                text(&short_date(day.date)),
                hh_mm(session.start),
                text(&session.title),
                role.heading(1)
            );
        }
        out.push_str("</div>\n");
    }
    out.push_str("</dl>\n</section>\n");
}

fn biographies(out: &mut String, meeting: &Meeting, style: NameStyle) {
    let people = people_sorted(meeting, |p| !p.bio.trim().is_empty());
    if people.is_empty() {
        return;
    }
    out.push_str(
        "<section class=\"biographies\" aria-labelledby=\"biographies\">\n<h2 id=\"biographies\">Biographies</h2>\n",
    );
    for person in people {
        let _ = write!(
            out,
            "<article class=\"bio\"><h3>{}</h3>",
            text(&person.display_name(style.honorifics))
        );
        let affiliation = person.affiliation(style.short_organizations);
        if !affiliation.is_empty() {
            let _ = write!(out, "<p class=\"affiliation\">{}</p>", text(&affiliation));
        }
        for paragraph in person.bio.split("\n\n").filter(|p| !p.trim().is_empty()) {
            let _ = write!(out, "<p>{}</p>", text(paragraph.trim()));
        }
        out.push_str("</article>\n");
    }
    out.push_str("</section>\n");
}
