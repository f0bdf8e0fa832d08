//! Descriptions as other systems write them (HTML from pentabarf, FOSDEM and the hub;
//! Markdown from pretalx) made into the planner's plain text: paragraphs separated by a blank
//! line, list items on lines that start with "- ".

/// Deepest HTML nesting handed to the HTML reader; deeper descriptions are stripped of their
/// tags instead (no real description nests so deep, and the reader recurses).
const MAX_HTML_DEPTH: usize = 60;

/// A description's text, from HTML or Markdown to plain paragraphs and lists. Text that is
/// neither is only trimmed, with its line ends made "\n".
pub(crate) fn plain(text: &str) -> String {
    let text = text.trim().replace("\r\n", "\n").replace('\r', "\n");
    let text = if looks_like_html(&text) {
        from_html(&text)
    } else {
        text
    };
    from_markdown(&text)
}

/// A tag (`<p>`, `</b>`, `<br/>`) or a named or numbered character reference (`&amp;`, `&#39;`).
fn looks_like_html(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'<' => {
            let next = bytes.get(i + 1).copied().unwrap_or(b' ');
            let tag = if next == b'/' {
                bytes.get(i + 2).copied().unwrap_or(b' ')
            } else {
                next
            };
            tag.is_ascii_alphabetic() && bytes[i..].contains(&b'>')
        }
        b'&' => {
            let rest = &bytes[i + 1..];
            let end = rest.iter().take(12).position(|&c| c == b';');
            end.is_some_and(|e| {
                e > 0
                    && (rest[..e].iter().all(u8::is_ascii_alphanumeric)
                        || (rest[0] == b'#'
                            && e > 1
                            && rest[1..e].iter().all(u8::is_ascii_alphanumeric)))
            })
        }
        _ => false,
    })
}

/// How deep the tags nest (void and self-closed elements do not).
fn html_depth(text: &str) -> usize {
    const VOID: [&str; 8] = ["br", "hr", "img", "meta", "link", "input", "wbr", "col"];
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        if let Some(close) = tag.strip_prefix('/') {
            if !close.is_empty() {
                depth = depth.saturating_sub(1);
            }
        } else if tag.starts_with(|c: char| c.is_ascii_alphabetic()) && !tag.ends_with('/') {
            let name: String = tag
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase();
            if !VOID.contains(&name.as_str()) {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        rest = &rest[end..];
    }
    deepest
}

fn from_html(html: &str) -> String {
    let rendered = (html_depth(html) <= MAX_HTML_DEPTH)
        .then(|| {
            html2text::config::with_decorator(Plain::default())
                .no_table_borders()
                .allow_width_overflow()
                .string_from_read(html.as_bytes(), 100_000)
                .ok()
        })
        .flatten();
    let text = match rendered {
        Some(text) => text,
        None => strip_tags(html),
    };
    // One blank line between blocks (also where a list starts or ends); no trailing spaces.
    // (List items are already ours: [`Plain`] writes "- ".)
    let mut out: Vec<String> = Vec::new();
    let is_item = |l: &String| l.trim_start().starts_with("- ");
    for line in text.lines() {
        let line = line.trim_end().to_string();
        if let Some(last) = out.last() {
            if !last.is_empty() && !line.trim().is_empty() && is_item(last) != is_item(&line) {
                out.push(String::new());
            }
        }
        if line.trim().is_empty() && out.last().is_none_or(|l: &String| l.is_empty()) {
            continue;
        }
        out.push(if line.trim().is_empty() {
            String::new()
        } else {
            line
        });
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out.join("\n")
}

/// How the HTML reader writes marks: none, but list items ("- ", "1. ") and a link's address
/// after its text ("the site (https://…)") when the text is not the address.
#[derive(Clone, Debug, Default)]
struct Plain {
    links: Vec<String>,
}

impl html2text::render::TextDecorator for Plain {
    type Annotation = ();

    fn decorate_link_start(&mut self, url: &str) -> (String, ()) {
        self.links.push(url.trim().to_string());
        (String::new(), ())
    }

    fn decorate_link_end(&mut self) -> String {
        match self.links.pop() {
            Some(url)
                if url.starts_with("http://")
                    || url.starts_with("https://")
                    || url.starts_with("mailto:") =>
            {
                format!(" ({url})")
            }
            _ => String::new(),
        }
    }

    fn decorate_em_start(&self) -> (String, ()) {
        (String::new(), ())
    }

    fn decorate_em_end(&self) -> String {
        String::new()
    }

    fn decorate_strong_start(&self) -> (String, ()) {
        (String::new(), ())
    }

    fn decorate_strong_end(&self) -> String {
        String::new()
    }

    fn decorate_strikeout_start(&self) -> (String, ()) {
        (String::new(), ())
    }

    fn decorate_strikeout_end(&self) -> String {
        String::new()
    }

    fn decorate_code_start(&self) -> (String, ()) {
        (String::new(), ())
    }

    fn decorate_code_end(&self) -> String {
        String::new()
    }

    fn decorate_preformat_first(&self) {}

    fn decorate_preformat_cont(&self) {}

    fn decorate_image(&mut self, _src: &str, title: &str) -> (String, ()) {
        (title.to_string(), ())
    }

    fn header_prefix(&self, _level: usize) -> String {
        String::new()
    }

    fn quote_prefix(&self) -> String {
        String::new()
    }

    fn unordered_item_prefix(&self) -> String {
        "- ".to_string()
    }

    fn ordered_item_prefix(&self, i: i64) -> String {
        format!("{i}. ")
    }

    fn make_subblock_decorator(&self) -> Self {
        Plain::default()
    }

    fn finalise(&mut self, _links: Vec<String>) -> Vec<html2text::render::TaggedLine<()>> {
        Vec::new()
    }
}

/// Tags removed (block ends become line ends), character references decoded.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        let tag = rest[at..end].to_ascii_lowercase();
        if ["<p", "</p", "<br", "<div", "</div", "<li", "<h"]
            .iter()
            .any(|t| tag.starts_with(t))
        {
            out.push('\n');
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    html_escape::decode_html_entities(&out).into_owned()
}

/// Markdown's marks taken off: "**bold**" and "__bold__" → "bold", "[text](url)" → "text (url)",
/// "# Heading" → "Heading", "* item" and "+ item" → "- item". Single `*` and `_` are left, as
/// they are as often plain text.
fn from_markdown(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in text.split('\n') {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let line = if let Some(item) = trimmed
            .strip_prefix("* ")
            .or_else(|| trimmed.strip_prefix("+ "))
        {
            format!("{indent}- {item}")
        } else if trimmed.starts_with('#') {
            let heading = trimmed.trim_start_matches('#');
            if heading.starts_with(' ') && trimmed.len() - heading.len() <= 6 {
                heading.trim().to_string()
            } else {
                line.to_string()
            }
        } else {
            line.to_string()
        };
        lines.push(links(&strong(&line)));
    }
    lines.join("\n")
}

/// "**x**" and "__x__" → "x", when the marks pair up on the line.
fn strong(line: &str) -> String {
    let mut line = line.to_string();
    for mark in ["**", "__"] {
        while let Some(open) = line.find(mark) {
            let after = open + mark.len();
            let Some(len) = line[after..].find(mark) else {
                break;
            };
            if len == 0 {
                break;
            }
            let close = after + len;
            line = format!(
                "{}{}{}",
                &line[..open],
                &line[after..close],
                &line[close + mark.len()..]
            );
        }
    }
    line
}

/// "[text](url)" → "text (url)"; "[url](url)" → "url".
fn links(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let Some(mid) = rest[open..].find("](").map(|m| open + m) else {
            break;
        };
        let Some(close) = rest[mid + 2..].find(')').map(|c| mid + 2 + c) else {
            break;
        };
        let label = &rest[open + 1..mid];
        let url = &rest[mid + 2..close];
        if label.contains('[') || url.contains(char::is_whitespace) {
            out.push_str(&rest[..open + 1]);
            rest = &rest[open + 1..];
            continue;
        }
        out.push_str(&rest[..open]);
        if label == url || label.is_empty() {
            out.push_str(url);
        } else {
            out.push_str(label);
            out.push_str(" (");
            out.push_str(url);
            out.push(')');
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn html_paragraphs_and_lists_become_plain_text() {
        assert_eq!(
            plain("<p>The opening.</p><ul><li>What is new</li><li>Where &amp; when</li></ul><p>See <a href=\"https://x.org\">the site</a>.</p>"),
            "The opening.\n\n- What is new\n- Where & when\n\nSee the site (https://x.org)."
        );
    }

    #[test]
    fn text_that_only_mentions_angle_brackets_is_left_alone() {
        assert_eq!(plain("a < b and c > d"), "a < b and c > d");
        assert_eq!(plain("R&D; 5 * 3"), "R&D; 5 * 3");
    }

    #[test]
    fn markdown_marks_are_taken_off() {
        assert_eq!(
            plain("## Goals\n\n* **Learn** the [basics](https://x.org)\n+ practise"),
            "Goals\n\n- Learn the basics (https://x.org)\n- practise"
        );
    }

    #[test]
    fn html_nested_too_deep_for_the_reader_is_stripped_of_its_tags() {
        let deep = format!(
            "{}text{}",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        assert_eq!(plain(&deep).trim(), "text");
    }
}
