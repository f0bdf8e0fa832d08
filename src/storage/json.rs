//! A small JSON reader and writer for the published form (`published`): strings, whole
//! numbers, arrays, objects, `null`, `true` and `false`. It reads without serde, so the
//! attendee view carries no general JSON machinery; the planner writes with it too.
//!
//! The reader refuses what it does not expect (with the line and column), nests at most
//! [`MAX_DEPTH`] levels, and skips values under keys it does not know (newer files).

/// Deepest nesting read (the published form needs four levels).
pub const MAX_DEPTH: u32 = 32;

/// What is wrong, and where (1-based line and column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

/// Reads JSON text front to back.
pub struct Reader<'a> {
    text: &'a str,
    at: usize,
    depth: u32,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text,
            at: 0,
            depth: 0,
        }
    }

    /// An error at the current place.
    pub fn error(&self, message: impl Into<String>) -> JsonError {
        let mut at = self.at.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let before = &self.text[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
        JsonError {
            message: message.into(),
            line,
            column,
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// The next byte after white space, not taken.
    pub fn peek(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes().get(self.at) {
            if matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                self.at += 1;
            } else {
                return Some(b);
            }
        }
        None
    }

    /// Takes `b` (after white space), or says what was expected.
    pub fn expect(&mut self, b: u8, what: &str) -> Result<(), JsonError> {
        if self.peek() == Some(b) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(format!("expected {what}")))
        }
    }

    /// The end of the text (only white space left).
    pub fn end(&mut self) -> Result<(), JsonError> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.error("unexpected text after the end")),
        }
    }

    fn literal(&mut self, word: &str) -> bool {
        if self
            .text
            .get(self.at..)
            .is_some_and(|t| t.starts_with(word))
        {
            self.at += word.len();
            true
        } else {
            false
        }
    }

    /// Takes `null` if it comes next.
    pub fn null(&mut self) -> bool {
        self.peek() == Some(b'n') && self.literal("null")
    }

    /// A string.
    pub fn string(&mut self) -> Result<String, JsonError> {
        self.expect(b'"', "a string")?;
        let mut out = String::new();
        loop {
            let rest = self
                .text
                .get(self.at..)
                .ok_or_else(|| self.error("a broken string"))?;
            let stop = rest
                .find(|c: char| c == '"' || c == '\\' || c < ' ')
                .ok_or_else(|| self.error("a string that does not end"))?;
            out.push_str(&rest[..stop]);
            self.at += stop;
            match self.bytes()[self.at] {
                b'"' => {
                    self.at += 1;
                    return Ok(out);
                }
                b'\\' => {
                    self.at += 1;
                    let escape = *self
                        .bytes()
                        .get(self.at)
                        .ok_or_else(|| self.error("a string that does not end"))?;
                    self.at += 1;
                    match escape {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => out.push(self.unicode_escape()?),
                        _ => return Err(self.error("an unknown escape in a string")),
                    }
                }
                _ => return Err(self.error("a control character inside a string")),
            }
        }
    }

    /// The four hex digits after `\u` (and a second escape for a surrogate pair); a lone
    /// surrogate becomes U+FFFD.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let hex = |r: &mut Self| -> Result<u32, JsonError> {
            let digits = r
                .text
                .get(r.at..r.at + 4)
                .ok_or_else(|| r.error("a short \\u escape"))?;
            let n = u32::from_str_radix(digits, 16).map_err(|_| r.error("a bad \\u escape"))?;
            r.at += 4;
            Ok(n)
        };
        let first = hex(self)?;
        if (0xd800..0xdc00).contains(&first) && self.text[self.at..].starts_with("\\u") {
            let back = self.at;
            self.at += 2;
            let second = hex(self)?;
            if (0xdc00..0xe000).contains(&second) {
                let c = 0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00);
                return Ok(char::from_u32(c).unwrap_or('\u{fffd}'));
            }
            self.at = back;
        }
        Ok(char::from_u32(first).unwrap_or('\u{fffd}'))
    }

    /// A whole number from 0 to 2³²−1.
    pub fn number(&mut self) -> Result<u32, JsonError> {
        self.peek();
        let rest = &self.bytes()[self.at..];
        let len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if len == 0 {
            return Err(self.error("expected a whole number"));
        }
        let n = self.text[self.at..self.at + len]
            .parse()
            .map_err(|_| self.error("a number too large"))?;
        self.at += len;
        if matches!(self.bytes().get(self.at), Some(b'.' | b'e' | b'E')) {
            return Err(self.error("expected a whole number"));
        }
        Ok(n)
    }

    /// `null`, or a whole number.
    pub fn optional_number(&mut self) -> Result<Option<u32>, JsonError> {
        if self.null() {
            Ok(None)
        } else {
            self.number().map(Some)
        }
    }

    /// A whole number, perhaps negative (within ±2⁵³, as JSON numbers are exact).
    pub fn integer(&mut self) -> Result<i64, JsonError> {
        self.peek();
        let negative = self.bytes().get(self.at) == Some(&b'-');
        if negative {
            self.at += 1;
        }
        let rest = &self.bytes()[self.at..];
        let len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if len == 0 || len > 16 {
            return Err(self.error("expected a whole number"));
        }
        let n: i64 = self.text[self.at..self.at + len]
            .parse()
            .map_err(|_| self.error("expected a whole number"))?;
        self.at += len;
        if matches!(self.bytes().get(self.at), Some(b'.' | b'e' | b'E')) {
            return Err(self.error("expected a whole number"));
        }
        Ok(if negative { -n } else { n })
    }

    fn enter(&mut self) -> Result<(), JsonError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err(self.error(format!("nested deeper than {MAX_DEPTH} levels")))
        } else {
            Ok(())
        }
    }

    /// An array, each item read by `item`.
    pub fn array<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<T, JsonError>,
    ) -> Result<Vec<T>, JsonError> {
        self.expect(b'[', "a list")?;
        let mut out = Vec::new();
        self.items(b']', "expected “,” or “]” in a list", |r| {
            out.push(item(r)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// An object: `field` is called with each key and reads (or skips) its value.
    pub fn object(
        &mut self,
        mut field: impl FnMut(&mut Self, &str) -> Result<(), JsonError>,
    ) -> Result<(), JsonError> {
        self.expect(b'{', "an object")?;
        self.items(b'}', "expected “,” or “}” in an object", |r| {
            let key = r.string()?;
            r.expect(b':', "“:” after a key")?;
            field(r, &key)
        })
    }

    /// The items of a list or an object (after its opening bracket), separated by commas, up
    /// to `close`; one level deeper while inside.
    fn items(
        &mut self,
        close: u8,
        unexpected: &str,
        mut each: impl FnMut(&mut Self) -> Result<(), JsonError>,
    ) -> Result<(), JsonError> {
        self.enter()?;
        if self.peek() == Some(close) {
            self.at += 1;
        } else {
            loop {
                each(self)?;
                match self.peek() {
                    Some(b',') => self.at += 1,
                    Some(c) if c == close => {
                        self.at += 1;
                        break;
                    }
                    _ => return Err(self.error(unexpected)),
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Skips any value (one of a key this reader does not know).
    pub fn skip(&mut self) -> Result<(), JsonError> {
        match self.peek() {
            Some(b'"') => self.string().map(drop),
            Some(b'[') => self.array(|r| r.skip()).map(drop),
            Some(b'{') => self.object(|r, _| r.skip()),
            Some(b'n') if self.literal("null") => Ok(()),
            Some(b't') if self.literal("true") => Ok(()),
            Some(b'f') if self.literal("false") => Ok(()),
            Some(b'-' | b'0'..=b'9') => {
                let rest = &self.bytes()[self.at..];
                let len = rest
                    .iter()
                    .take_while(|b| matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'))
                    .count();
                self.at += len;
                Ok(())
            }
            _ => Err(self.error("expected a value")),
        }
    }
}

/// Writes `text` as a JSON string (quoted and escaped; line and paragraph separators escaped
/// too, so the text is safe inside a script or a link).
pub fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c < ' ' || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// JSON text with every escaped lone surrogate (`\ud800` without its pair, which JSON allows
/// and Rust strings cannot hold) written as U+FFFD, so such a file opens with a replacement
/// character where the broken one was instead of being refused whole. Text without one is
/// given back as it is. Meeting files read from outside (imports, `?src=` files of ours, the
/// command line) go through this first; stored text, written by the app, never holds one.
pub fn lone_surrogates_replaced(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let hex = |at: usize| -> Option<u16> {
        let digits = text.get(at..at + 4)?;
        u16::from_str_radix(digits, 16).ok()
    };
    let escape_at = |at: usize| -> Option<u16> {
        (bytes.get(at) == Some(&b'\\') && bytes.get(at + 1) == Some(&b'u'))
            .then(|| hex(at + 2))
            .flatten()
    };
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        let Some(unit) = escape_at(i) else {
            // Another escape (\\, \", \n…): its two characters together.
            i += 2;
            continue;
        };
        let lone = match unit {
            0xD800..=0xDBFF => match escape_at(i + 6) {
                Some(0xDC00..=0xDFFF) => {
                    i += 12;
                    continue;
                }
                _ => true,
            },
            0xDC00..=0xDFFF => true,
            _ => false,
        };
        if lone {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
            o.push_str(&text[copied..i]);
            o.push_str("\\ufffd");
            copied = i + 6;
        }
        i += 6;
    }
    match out {
        Some(mut o) => {
            o.push_str(&text[copied..]);
            o.into()
        }
        None => text.into(),
    }
}
