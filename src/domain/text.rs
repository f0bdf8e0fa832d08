//! The planner's plain text with structure: paragraphs separated by a blank line, list items on
//! lines that start with "- " (or "• "). Descriptions, biographies and outcomes are written so,
//! and every export prints them as paragraphs and lists.

/// A paragraph (its lines, to be kept apart by line breaks) or a list (its items).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block<'a> {
    Paragraph(Vec<&'a str>),
    List(Vec<&'a str>),
}

/// A list item's text, when `line` is one.
fn item(line: &str) -> Option<&str> {
    let line = line.trim_start();
    line.strip_prefix("- ")
        .or_else(|| line.strip_prefix("• "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// The blocks of `text`, in order; blank lines and surrounding spaces do not make blocks.
pub fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut out: Vec<Block> = Vec::new();
    let mut open = false;
    for line in text.lines() {
        if line.trim().is_empty() {
            open = false;
            continue;
        }
        match (item(line), out.last_mut()) {
            (Some(i), Some(Block::List(items))) if open => items.push(i),
            (Some(i), _) => out.push(Block::List(vec![i])),
            (None, Some(Block::Paragraph(lines))) if open => lines.push(line.trim()),
            (None, _) => out.push(Block::Paragraph(vec![line.trim()])),
        }
        open = true;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{blocks, Block};

    #[test]
    fn paragraphs_and_lists_are_told_apart() {
        let text = "First line\nsecond line\n\n- one\n- two\nAfter the list\n\n\n• three";
        assert_eq!(
            blocks(text),
            vec![
                Block::Paragraph(vec!["First line", "second line"]),
                Block::List(vec!["one", "two"]),
                Block::Paragraph(vec!["After the list"]),
                Block::List(vec!["three"]),
            ]
        );
    }

    #[test]
    fn a_dash_without_a_space_is_text() {
        assert_eq!(
            blocks("-5 degrees\n- "),
            vec![Block::Paragraph(vec!["-5 degrees", "-"])]
        );
    }
}
