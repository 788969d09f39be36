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

/// Why a character may not stand in a record's text, if it may not: what
/// shows nothing or shows something else than it is. Bidirectional controls
/// reorder text ("(30/9/2020)" printed as "(0202/9/03)"), zero-width and
/// filler characters split or join words unseen ("Bùi Văn\u{3164}Long"
/// prints "Bùi VănLong"), a soft hyphen or a variation selector changes
/// nothing a reader sees but what a search finds. Decided by Unicode's own
/// properties, not a list, so a character added to them is refused too:
/// Default_Ignorable_Code_Point, the format, private-use, unassigned and
/// surrogate categories, line and paragraph separators, and the Specials
/// block (U+FFF0–FFFF: replacement and object characters). Vietnamese needs
/// none of them: its marks are letters or combining marks, composed by NFC.
pub fn not_text(c: char) -> Option<&'static str> {
    use icu_properties::props::{DefaultIgnorableCodePoint, GeneralCategory as G};
    use icu_properties::{CodePointMapData, CodePointSetData};
    if c.is_ascii() {
        return None;
    }
    if CodePointSetData::new::<DefaultIgnorableCodePoint>().contains(c) {
        return Some("ký tự vô hình");
    }
    if ('\u{FFF0}'..='\u{FFFF}').contains(&c) {
        return Some("ký tự thay thế (thường do chuyển mã hỏng hay chép từ tệp PDF)");
    }
    match CodePointMapData::<G>::new().get(c) {
        G::Format => Some("ký tự định dạng vô hình"),
        G::PrivateUse => Some("ký tự dùng riêng, không có chữ chung"),
        G::Unassigned | G::Surrogate => Some("mã chưa là ký tự Unicode nào"),
        G::LineSeparator | G::ParagraphSeparator => {
            Some("ký tự ngắt dòng đặc biệt; hãy xuống dòng bình thường")
        }
        _ => None,
    }
}

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

/// A name or word as two spellings of it are compared: composed (NFC),
/// trimmed, in lower case.
pub fn folded(s: &str) -> String {
    nfc(s).trim().to_lowercase()
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
    // After the legacy encodings: TCVN3 writes "ư" as the byte of a soft
    // hyphen, and the clerk is better told the text's encoding.
    if let Some((c, what)) = text.chars().find_map(|c| Some((c, not_text(c)?))) {
        return Err(format!(
            "có {what} U+{:04X}, làm chữ in ra khác chữ nhìn thấy; hãy xóa ký tự đó (thường do \
             chép từ trang web hay tệp PDF)",
            c as u32
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

impl Paragraphs {
    /// Its lines, trimmed, blank ones left out: one paragraph or item each.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        nonblank_lines(&self.0)
    }
}

/// The lines of `text`, trimmed, blank ones left out.
pub fn nonblank_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}

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
    /// or a digit, so it reads the same on every system and in a URL; at
    /// most [`Id::MAX_BYTES`], so every file named from it (an archive, its
    /// kept sources, a register entry) stays within what every system
    /// takes; and not a name Windows reserves for a device (`con.yaml`
    /// cannot be checked out there).
    pub fn is_valid(name: &str) -> bool {
        name.len() <= Id::MAX_BYTES
            && !Id::WINDOWS_DEVICES.contains(&name)
            && name
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    }

    /// The longest id, in bytes (ASCII: characters).
    pub const MAX_BYTES: usize = 60;

    /// What `is_valid` asks of a name, in the clerk's words.
    pub fn rule() -> String {
        format!(
            "chỉ dùng chữ thường không dấu, chữ số và dấu gạch nối, bắt đầu bằng chữ hoặc số, dài \
             tối đa {} ký tự, và không là tên thiết bị Windows dành riêng (con, prn, aux, nul, \
             com1…, lpt1…)",
            Id::MAX_BYTES
        )
    }

    /// Names Windows keeps for devices, with any extension.
    const WINDOWS_DEVICES: &[&str] = &[
        "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
        "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8",
        "lpt9",
    ];
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
/// "15.01.2025"): in a record, only to say exactly what to write instead;
/// in a spreadsheet's cell, read as the date it is.
pub fn day_first(raw: &str) -> Option<NaiveDate> {
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
    fn what_shows_nothing_or_something_else_is_refused_by_its_unicode_property() {
        let err = clean("(30/9/\u{202E}2020)", false).unwrap_err();
        assert!(err.contains("ký tự vô hình U+202E"), "{err}");
        // Those an adversary tried after a list of names was in place: a
        // tag, a variation selector, a soft hyphen, a combining grapheme
        // joiner, a Hangul filler, a Mongolian vowel separator, a
        // deprecated format, an object replacement, a Khmer vowel inherent,
        // private use; and the zero-width ones a list had.
        for c in [
            '\u{E0041}',
            '\u{FE0F}',
            '\u{00AD}',
            '\u{034F}',
            '\u{3164}',
            '\u{180E}',
            '\u{206A}',
            '\u{FFFC}',
            '\u{FFFD}',
            '\u{17B4}',
            '\u{E000}',
            '\u{200B}',
            '\u{FEFF}',
            '\u{2028}',
            '\u{0378}',
        ] {
            let err = clean(&format!("Bùi Văn{c}Long"), true)
                .expect_err(&format!("U+{:04X} refused", c as u32));
            assert!(err.contains(&format!("U+{:04X}", c as u32)), "{err}");
        }
        // What Vietnamese text uses stays: letters with their marks, a
        // combining mark NFC composes, a no-break space, typographic signs.
        assert_eq!(
            clean("Nguyễn Thi\u{0301} Lan, 200\u{a0}m – “ok” №", false).as_deref(),
            Ok("Nguyễn Thí Lan, 200\u{a0}m – “ok” №")
        );
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
