//! Text values as records hold them: NFC, trimmed, free of control and
//! invisible characters, within their length, not in a legacy encoding.
//!
//! Normalising at parse time means every later stage (rules, templates, the
//! font coverage check) sees one spelling of each Vietnamese letter, whatever
//! keyboard or system typed it.

use std::borrow::Cow;
use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Deserializer, Serialize, de};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Invisible characters that change how text reads without showing
/// themselves: bidirectional controls reorder it ("(30/9/2020)" printed as
/// "(0202/9/03)"), zero-width ones split or join words unseen. Vietnamese
/// needs none of them. Each with the name a clerk can search for.
/// Sorted by code point: looked up by binary search for every character.
const INVISIBLE: &[(char, &str)] = &[
    ('\u{061C}', "ARABIC LETTER MARK, dấu chiều viết"),
    ('\u{200B}', "ZERO WIDTH SPACE, dấu cách độ rộng 0"),
    ('\u{200C}', "ZERO WIDTH NON-JOINER"),
    ('\u{200D}', "ZERO WIDTH JOINER"),
    ('\u{200E}', "LEFT-TO-RIGHT MARK, dấu chiều viết"),
    ('\u{200F}', "RIGHT-TO-LEFT MARK, dấu chiều viết"),
    ('\u{202A}', "LEFT-TO-RIGHT EMBEDDING, đổi chiều viết"),
    ('\u{202B}', "RIGHT-TO-LEFT EMBEDDING, đổi chiều viết"),
    ('\u{202C}', "POP DIRECTIONAL FORMATTING, đổi chiều viết"),
    ('\u{202D}', "LEFT-TO-RIGHT OVERRIDE, đảo chiều viết"),
    ('\u{202E}', "RIGHT-TO-LEFT OVERRIDE, đảo chiều viết"),
    ('\u{2060}', "WORD JOINER, ký tự nối vô hình"),
    ('\u{2061}', "FUNCTION APPLICATION, ký tự vô hình"),
    ('\u{2062}', "INVISIBLE TIMES, ký tự vô hình"),
    ('\u{2063}', "INVISIBLE SEPARATOR, ký tự vô hình"),
    ('\u{2064}', "INVISIBLE PLUS, ký tự vô hình"),
    ('\u{2066}', "LEFT-TO-RIGHT ISOLATE, đổi chiều viết"),
    ('\u{2067}', "RIGHT-TO-LEFT ISOLATE, đổi chiều viết"),
    ('\u{2068}', "FIRST STRONG ISOLATE, đổi chiều viết"),
    ('\u{2069}', "POP DIRECTIONAL ISOLATE, đổi chiều viết"),
    ('\u{FEFF}', "BYTE ORDER MARK / ZERO WIDTH NO-BREAK SPACE"),
];

/// The longest single-line value (a name, a position, a title), in characters.
pub const MAX_LINE_CHARS: usize = 300;
/// The longest multi-line value (a commitment, an achievement), in characters.
pub const MAX_PARAGRAPHS_CHARS: usize = 5_000;

/// `text` in NFC. Nearly all text already is, and a quick check says so
/// without composing it again.
pub fn nfc(text: &str) -> Cow<'_, str> {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        IsNormalized::No | IsNormalized::Maybe => Cow::Owned(text.nfc().collect()),
    }
}

/// Normalises a raw value: NFC, trimmed, line ends unified; refuses control
/// and invisible characters, text longer than its limit, and legacy-encoded
/// text. `multiline` allows line breaks.
pub fn clean(raw: &str, multiline: bool) -> Result<String, String> {
    let limit = if multiline {
        MAX_PARAGRAPHS_CHARS
    } else {
        MAX_LINE_CHARS
    };
    // Counted on the raw value first, so a huge one costs no normalising.
    let length = raw.chars().take(limit * 4 + 1).count();
    if length > limit * 4 {
        return Err(too_long(raw.chars().count(), limit));
    }
    let text: String = nfc(raw).replace("\r\n", "\n");
    let text = text.trim();
    let length = text.chars().count();
    if length > limit {
        return Err(too_long(length, limit));
    }
    let invisible = |c: char| {
        INVISIBLE
            .binary_search_by_key(&c, |(i, _)| *i)
            .ok()
            .map(|at| &INVISIBLE[at])
    };
    if let Some((c, name)) = text.chars().find_map(invisible) {
        return Err(format!(
            "có ký tự vô hình U+{:04X} ({name}), làm chữ in ra khác chữ nhìn thấy; hãy xóa ký tự đó \
             (thường do chép từ trang web hay tệp PDF)",
            *c as u32
        ));
    }
    if let Some(c) = text
        .chars()
        .find(|&c| c.is_control() && !(multiline && c == '\n'))
    {
        if c == '\n' {
            return Err("giá trị này phải nằm trên một dòng; hãy bỏ dấu xuống dòng".into());
        }
        return Err(format!(
            "có ký tự điều khiển không in được (U+{:04X}); hãy xóa ký tự đó",
            c as u32
        ));
    }
    if let Some(found) = crate::encoding::legacy(text) {
        return Err(format!(
            "\"{text}\" có vẻ được gõ bằng bảng mã cũ {}, không phải Unicode; đọc theo {0} thì là \
             \"{}\": hãy ghi lại như vậy (hoặc chuyển mã bằng Unikey: Công cụ chuyển mã, sang \
             Unicode dựng sẵn)",
            found.encoding, found.decoded
        ));
    }
    Ok(text.to_owned())
}

fn too_long(length: usize, limit: usize) -> String {
    format!(
        "giá trị dài {length} ký tự, quá giới hạn {limit} ký tự của trường này; hãy rút gọn \
         (giấy tờ đi kèm thì ghi vào hồ sơ, không chép vào bản ghi)"
    )
}

/// How YAML writes "no value"; a plain `~` or `null` where text is wanted is
/// an empty value, not the text "~".
const NULL_WORDS: &[&str] = &["~", "null", "Null", "NULL"];

fn deserialize_clean<'de, D: Deserializer<'de>>(d: D, multiline: bool) -> Result<String, D::Error> {
    let raw = String::deserialize(d)?;
    let text = clean(&raw, multiline).map_err(de::Error::custom)?;
    if text.is_empty() || NULL_WORDS.contains(&text.as_str()) {
        return Err(de::Error::custom("giá trị đang để trống; hãy ghi nội dung"));
    }
    Ok(text)
}

/// A single line of text: a name, a position, a title.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Line(String);

/// Text that may span several lines: commitments, achievements, conclusions.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Paragraphs(String);

macro_rules! text_type {
    ($name:ident, $multiline:expr) => {
        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                deserialize_clean(d, $multiline).map($name)
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_owned())
            }
        }
    };
}
text_type!(Line, false);
text_type!(Paragraphs, true);

/// The id of a record: its file name without `.yaml`, e.g. `nguyen-thi-lan`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `name` may be an id — a record's file name, a plan's folder:
    /// lower-case ASCII letters, digits and hyphens, starting with a letter
    /// or a digit, so it reads the same on every system and in a URL.
    pub fn is_valid(name: &str) -> bool {
        name.chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_clean(d, false).map(Id)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A calendar date written `YYYY-MM-DD` in the records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Date(pub NaiveDate);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        parse_date(raw.trim()).map(Date).map_err(de::Error::custom)
    }
}

pub fn parse_date(raw: &str) -> Result<NaiveDate, String> {
    let shaped = raw.len() == 10
        && raw.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shaped {
        if let Some(date) = day_first(raw) {
            return Err(format!(
                "\"{raw}\" viết theo kiểu ngày/tháng/năm; bản ghi viết năm-tháng-ngày: hãy ghi {}",
                date.format("%Y-%m-%d")
            ));
        }
        return Err(format!(
            "\"{raw}\" không phải ngày viết theo dạng NNNN-TT-NN; hãy ghi ví dụ 2020-03-05"
        ));
    }
    let date = NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| {
        format!("ngày \"{raw}\" không có trên lịch; hãy kiểm tra lại ngày và tháng")
    })?;
    if !YEARS.contains(&date.year()) {
        return Err(format!(
            "năm {} của ngày \"{raw}\" nằm ngoài khoảng {}–{}; hãy kiểm tra lại năm",
            date.year(),
            YEARS.start(),
            YEARS.end()
        ));
    }
    Ok(date)
}

/// A date as a clerk types it, day first ("15/01/2025", "15-01-2025",
/// "15.01.2025"): only to say exactly what to write instead.
fn day_first(raw: &str) -> Option<NaiveDate> {
    ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(raw, f).ok())
}

/// The years a record's dates and years may fall in.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// A moment written `YYYY-MM-DD HH:MM` (a meeting's start or end).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct DateTime(pub NaiveDateTime);

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        let raw = raw.trim();
        let (date, time) = raw.split_once([' ', 'T']).ok_or_else(|| {
            de::Error::custom(format!(
                "\"{raw}\" thiếu giờ; hãy ghi theo dạng NNNN-TT-NN GG:PP, ví dụ 2020-03-10 08:00"
            ))
        })?;
        let time_read = chrono::NaiveTime::parse_from_str(time.trim(), "%H:%M");
        if let (Some(day), Ok(at)) = (day_first(date), time_read) {
            return Err(de::Error::custom(format!(
                "\"{raw}\" viết theo kiểu ngày/tháng/năm; bản ghi viết năm-tháng-ngày giờ:phút: \
                 hãy ghi {}",
                day.and_time(at).format("%Y-%m-%d %H:%M")
            )));
        }
        let date = parse_date(date).map_err(de::Error::custom)?;
        let time = time_read.map_err(|_| {
            de::Error::custom(format!(
                "giờ \"{time}\" không hợp lệ; hãy ghi theo dạng GG:PP, ví dụ 08:00"
            ))
        })?;
        Ok(DateTime(date.and_time(time)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_input_becomes_nfc() {
        let nfd = "Nguye\u{302}\u{303}n Thi\u{323} Lan";
        assert_eq!(clean(nfd, false).as_deref(), Ok("Nguyễn Thị Lan"));
    }

    #[test]
    fn tcvn3_garbage_is_refused() {
        let err = clean("Ng\u{AD}êi ®¨ng ký", false).unwrap_err();
        assert!(err.contains("TCVN3"), "{err}");
        assert!(clean("Người đăng ký", false).is_ok());
    }

    #[test]
    fn single_line_refuses_newline_but_paragraph_keeps_it() {
        assert!(clean("a\nb", false).is_err());
        assert_eq!(clean("a\r\nb", true).as_deref(), Ok("a\nb"));
        assert!(clean("a\u{7}b", true).is_err());
    }

    #[test]
    fn the_invisible_characters_are_sorted_for_their_search() {
        assert!(INVISIBLE.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn invisible_characters_are_refused_by_name() {
        let err = clean("(30/9/\u{202E}2020)", false).unwrap_err();
        assert!(err.contains("U+202E (RIGHT-TO-LEFT OVERRIDE"), "{err}");
        let err = clean("Nguyễn\u{200B}Lan", false).unwrap_err();
        assert!(err.contains("U+200B"), "{err}");
        let err = clean("a\u{FEFF}b", true).unwrap_err();
        assert!(err.contains("U+FEFF"), "{err}");
        assert!(clean("Nguyễn Thị Lan, 200\u{a0}m", false).is_ok());
    }

    #[test]
    fn values_longer_than_their_limit_are_refused_quickly() {
        assert!(clean(&"a".repeat(MAX_LINE_CHARS), false).is_ok());
        let err = clean(&"a".repeat(MAX_LINE_CHARS + 1), false).unwrap_err();
        assert!(err.contains("301 ký tự, quá giới hạn 300"), "{err}");
        assert!(clean(&"đ".repeat(MAX_PARAGRAPHS_CHARS), true).is_ok());
        let huge = "x".repeat(50_000_000);
        let started = std::time::Instant::now();
        let err = clean(&huge, true).unwrap_err();
        assert!(err.contains("50000000 ký tự"), "{err}");
        assert!(started.elapsed().as_secs() < 5);
    }

    #[test]
    fn impossible_dates_are_errors() {
        assert!(
            parse_date("2020-02-30")
                .unwrap_err()
                .contains("không có trên lịch")
        );
        assert!(parse_date("30/02/2020").unwrap_err().contains("NNNN-TT-NN"));
        assert!(
            parse_date("15/01/2025")
                .unwrap_err()
                .ends_with("hãy ghi 2025-01-15")
        );
        assert!(parse_date("2020-02-29").is_ok());
        assert!(
            parse_date("0001-01-01")
                .unwrap_err()
                .contains("ngoài khoảng 1900–2100")
        );
    }

    #[test]
    fn nfc_text_is_kept_as_it_is_and_nfd_text_composed() {
        assert!(matches!(nfc("Nguyễn Thị Lan"), Cow::Borrowed(_)));
        assert_eq!(nfc("Nguye\u{302}\u{303}n"), "Nguyễn");
    }
}
