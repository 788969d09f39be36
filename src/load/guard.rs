//! What a records file may hold before it is parsed into records: bounds
//! that keep a careless or hostile file from costing unbounded time or
//! memory, and YAML features no clerk's record uses. Checked on the stream
//! of parse events, which needs no recursion and no tree.

use yaml_rust2::parser::{Event, Parser};

/// The largest records file read; a clerk's largest is a few kilobytes.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The deepest nesting of mappings and lists; a record needs four.
pub const MAX_DEPTH: usize = 20;

/// What is wrong with a file's shape, and where (1-based line, column).
pub struct Refusal {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

/// Refuses nesting deeper than [`MAX_DEPTH`], anchors and aliases (`&a`,
/// `*a`: a few bytes can stand for gigabytes of text), and tags (`!!binary`,
/// `!x`: serde would drop or misread what they mark). A file that is not
/// YAML at all passes here: the parser that follows says what is wrong.
pub fn check(text: &str) -> Result<(), Refusal> {
    let scan = scan(text.as_bytes());
    if scan.control {
        control_characters(text)?;
    }
    // Brackets nested past the limit are refused before any parser sees
    // them: a YAML scanner keeps every open bracket on a line as a possible
    // key and rescans them all for each token, so 80,000 `[` on one line
    // cost seconds before the parser could stop at the limit.
    if let Some(at) = scan.too_deep {
        return Err(too_deep(text, at));
    }
    if scan.shallow {
        return Ok(());
    }
    let mut parser = Parser::new_from_str(text);
    let mut depth = 0usize;
    loop {
        let Ok((event, mark)) = parser.next_token() else {
            return Ok(());
        };
        let at = |message: String| Refusal {
            message,
            line: mark.line(),
            column: mark.col() + 1,
        };
        let (anchor, tag) = match &event {
            Event::StreamEnd => return Ok(()),
            Event::Alias(_) => {
                return Err(at(
                    "bản ghi không dùng bí danh YAML (`*tên`); hãy ghi thẳng giá trị".into(),
                ));
            }
            Event::Scalar(_, _, anchor, tag) => (*anchor, tag.as_ref()),
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(at(too_deep_words()));
                }
                (*anchor, tag.as_ref())
            }
            Event::SequenceEnd | Event::MappingEnd => {
                depth = depth.saturating_sub(1);
                (0, None)
            }
            _ => (0, None),
        };
        if anchor != 0 {
            return Err(at(
                "bản ghi không dùng neo YAML (`&tên`); hãy ghi thẳng giá trị ở mỗi chỗ cần".into(),
            ));
        }
        if let Some(tag) = tag {
            // The parser resolves "!!" to YAML's own prefix; say it as written.
            let handle = match tag.handle.as_str() {
                "tag:yaml.org,2002:" => "!!",
                other => other,
            };
            return Err(at(format!(
                "bản ghi không dùng thẻ YAML (`{handle}{}`); hãy bỏ thẻ, chỉ ghi giá trị",
                tag.suffix
            )));
        }
    }
}

fn too_deep_words() -> String {
    format!(
        "các khóa, danh sách lồng nhau quá {MAX_DEPTH} tầng; một bản ghi chỉ cần vài tầng, hãy \
         kiểm tra thụt lề và các dấu ngoặc [ {{"
    )
}

/// The refusal of brackets nested too deep, at the byte offset `at` of the
/// first bracket past the limit.
fn too_deep(text: &str, at: usize) -> Refusal {
    let before = &text.as_bytes()[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    Refusal {
        message: too_deep_words(),
        line,
        column,
    }
}

/// What one pass over a file's bytes tells before any parsing.
struct Scan {
    /// A control character may be there (C0 but tab and line ends, DEL,
    /// or C1, which starts with 0xC2 0x80–0x9F).
    control: bool,
    /// Nothing in it can be an anchor, alias or tag, and its nesting is
    /// bounded below the limit by its indentation, its "- " runs and its
    /// brackets: no parse is needed to know it passes.
    shallow: bool,
    /// The byte offset of a bracket opened while more than [`MAX_DEPTH`]
    /// were open (counted as brackets, in or out of quotes: no record has
    /// twenty unclosed ones in its text).
    too_deep: Option<usize>,
}

/// One pass over the bytes: a province's thousands of clerk's records then
/// cost a scan each, not a parse.
fn scan(bytes: &[u8]) -> Scan {
    let mut control = false;
    let mut marks = false;
    let mut brackets = 0usize;
    let (mut open, mut too_deep) = (0usize, None);
    let mut deepest = 0usize;
    let (mut indent, mut dashes, mut at_start, mut after_dash) = (0usize, 0usize, true, false);
    let mut previous = 0u8;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'[' | b'{' => {
                open += 1;
                if open > MAX_DEPTH && too_deep.is_none() {
                    too_deep = Some(i);
                }
            }
            b']' | b'}' => open = open.saturating_sub(1),
            _ => {}
        }
        match b {
            b'\n' => {
                deepest = deepest.max(indent + dashes);
                (indent, dashes, at_start, after_dash) = (0, 0, true, false);
            }
            b'\t' | b'\r' => at_start = false,
            0..=0x1F | 0x7F => control = true,
            0x80..=0x9F if previous == 0xC2 => control = true,
            b'&' | b'*' | b'!' => marks = true,
            b'[' | b'{' => brackets += 1,
            _ => {}
        }
        if at_start && b != b'\n' {
            match (b, after_dash) {
                (b' ', false) if dashes == 0 => indent += 1,
                (b' ', true) => after_dash = false,
                (b'-', false) => {
                    dashes += 1;
                    after_dash = true;
                }
                _ => at_start = false,
            }
        }
        previous = b;
    }
    deepest = deepest.max(indent + dashes);
    Scan {
        control,
        shallow: !marks && deepest + brackets < MAX_DEPTH,
        too_deep,
    }
}

/// A control character anywhere in the file (a NUL from a damaged copy, a
/// form feed), placed where it stands; YAML would only give a byte offset.
fn control_characters(text: &str) -> Result<(), Refusal> {
    for (i, line) in text.lines().enumerate() {
        let found = line
            .chars()
            .enumerate()
            .find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\r'));
        if let Some((column, c)) = found {
            return Err(Refusal {
                message: format!(
                    "có ký tự điều khiển U+{:04X}, không in được (tệp có thể bị hỏng khi chép); \
                     hãy xóa ký tự đó",
                    c as u32
                ),
                line: i + 1,
                column: column + 1,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> Option<(String, usize, usize)> {
        check(text).err().map(|r| (r.message, r.line, r.column))
    }

    #[test]
    fn only_what_may_be_deep_or_aliased_is_parsed() {
        let shallow = |t: &str| scan(t.as_bytes()).shallow;
        assert!(shallow(
            "ho_ten: Lan\ndang_ky:\n  noi_dung: [\"2.1\"]\n  - { a: 1 }\n"
        ));
        assert!(!shallow("a: &s x\n"));
        assert!(!shallow(&format!("{}x\n", "- ".repeat(25))));
        assert!(!shallow(&format!("a:\n{}b: 1\n", " ".repeat(30))));
        assert!(!shallow(&"[".repeat(25)));
        assert!(!scan(b"a: 1\n").control);
        assert!(scan(b"a: \x01\n").control);
        assert!(scan("a: \u{85}".as_bytes()).control);
    }

    #[test]
    fn a_plain_record_passes() {
        assert!(refused("ho_ten: Lan\ndang_ky:\n  noi_dung: [\"2.1\"]\n").is_none());
        assert!(refused("not: [valid").is_none(), "left to the parser");
    }

    #[test]
    fn a_control_character_is_placed_where_it_stands() {
        let (m, line, column) = refused("a: 1\nb: x\0y\n").expect("NUL");
        assert!(m.contains("U+0000"), "{m}");
        assert_eq!((line, column), (2, 5));
    }

    #[test]
    fn deep_nesting_is_refused_without_recursion() {
        let deep = "- ".repeat(40_000) + "x\n";
        let (message, line, _) = refused(&deep).expect("refused");
        assert!(message.contains("quá 20 tầng"), "{message}");
        assert_eq!(line, 1);
        let flow = "[".repeat(25) + &"]".repeat(25);
        assert!(refused(&flow).is_some());
        // Placed at the first bracket past the limit, found without a
        // parser: 80,000 of them on one line once cost 13 s.
        let started = std::time::Instant::now();
        let unclosed = format!("a: 1\nds: {}", "[".repeat(80_000));
        let (_, line, column) = refused(&unclosed).expect("refused");
        assert_eq!((line, column), (2, 25));
        assert!(started.elapsed() < std::time::Duration::from_millis(500));
        // Closed as they open, many brackets are no nesting.
        assert!(refused(&"[1] ".repeat(1000)).is_none());
    }

    #[test]
    fn anchors_aliases_and_tags_are_refused_where_they_stand() {
        let (m, line, column) = refused("a: &s x\nb: *s\n").expect("anchor");
        assert!(m.contains("neo YAML"), "{m}");
        assert_eq!(line, 1);
        assert!(column >= 4, "at or after the anchor: {column}");
        let (m, ..) = refused("a: !!binary aGk=\n").expect("tag");
        assert!(m.contains("`!!binary`"), "{m}");
        let (m, ..) = refused("a: !vidu x\n").expect("custom tag");
        assert!(m.contains("thẻ YAML"), "{m}");
    }
}
