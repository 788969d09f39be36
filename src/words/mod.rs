//! Words: how dates, times, counts, percentages and names are written in
//! Vietnamese paperwork. Below every stage that writes text (check, the
//! documents, the templates' filters, the reports), so each form has one home.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

mod names;
mod phrases;

pub use names::{NameKey, id_from_name, name_key, name_key_given, unbroken_name, word_key};
pub use phrases::kept_phrases;

/// A date's month as paperwork writes it: January and February with a
/// leading zero, the others without (Nghị định 30/2020, Hướng dẫn
/// 36-HD/VPTW).
fn month(date: NaiveDate) -> String {
    if date.month() <= 2 {
        format!("{:02}", date.month())
    } else {
        date.month().to_string()
    }
}

/// "ngày 05 tháng 3 năm 2020": days below 10 and months 1 and 2 get a
/// leading zero.
pub fn date_words(date: NaiveDate) -> String {
    format!(
        "ngày {:02} tháng {} năm {}",
        date.day(),
        month(date),
        date.year()
    )
}

/// "10/3/2020", "05/3/2020", "20/02/2020": a date in a document's running
/// text and citations, padded as the date line pads it (the day to two
/// digits, January and February too), so a document writes every date one
/// way.
pub fn date_numeric(date: NaiveDate) -> String {
    format!("{:02}/{}/{}", date.day(), month(date), date.year())
}

/// "10/03/2020", as `check`'s tables write a date.
pub fn date_padded(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// "08 giờ 00 phút, ngày 10 tháng 3 năm 2020".
pub fn moment_words(t: NaiveDateTime) -> String {
    format!(
        "{:02} giờ {:02} phút, {}",
        t.hour(),
        t.minute(),
        date_words(t.date())
    )
}

/// "88,9 %": one decimal, comma, a space before the sign; a whole number
/// without decimals ("100 %").
pub fn percent(part: u32, whole: u32) -> String {
    if whole == 0 {
        return "0 %".into();
    }
    let tenths = (u64::from(part) * 1000 + u64::from(whole) / 2) / u64::from(whole);
    match tenths % 10 {
        0 => format!("{} %", tenths / 10),
        d => format!("{},{d} %", tenths / 10),
    }
}

/// "03", as the plan writes counts ("02 tập thể").
pub fn two_digits(n: u32) -> String {
    format!("{n:02}")
}

/// "I", "IV", "XII": the number of a document's part.
pub fn roman(mut n: u32) -> String {
    const DIGITS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// "Nam", "Một triệu đồng": a text with its first letter capitalised.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// "tặng Giấy khen…" of "Tặng Giấy khen…": a text with its first letter in
/// lower case, to run on after other words.
pub fn uncapitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// "a, b và c": the items of a list in running text, `last` before the
/// last one.
pub fn in_words(items: &[String], last: &str) -> String {
    match items.split_last() {
        Some((end, [])) => end.clone(),
        Some((end, rest)) => format!("{} {last} {end}", rest.join(", ")),
        None => String::new(),
    }
}

/// A sentence that ends with its full stop: one is added when missing.
pub fn sentence(text: &str) -> String {
    let t = text.trim_end();
    if t.ends_with(['.', '!', '?', '…']) {
        t.to_owned()
    } else {
        format!("{t}.")
    }
}

/// A position in a unit as a clerk writes it. Where the title ends with the
/// words the unit's name begins with, they are written once: "Trưởng phòng"
/// in "Phòng Tổ chức cán bộ" is "Trưởng phòng Tổ chức cán bộ", "Chánh Văn
/// phòng" of "Văn phòng Ban" is "Chánh Văn phòng Ban"; a title with further
/// duties merges its first part ("Phó Chánh Văn phòng Ban, Chủ tịch Công
/// đoàn"). Otherwise the two are joined by a comma: "Chuyên viên, Phòng Tổ
/// chức cán bộ".
pub fn position_in(title: &str, unit: &str) -> String {
    let (head, duties) = match title.split_once(',') {
        Some((head, rest)) => (head.trim(), format!(",{rest}")),
        None => (title.trim(), String::new()),
    };
    match merged(head, unit) {
        Some(merged) => format!("{merged}{duties}"),
        None => format!("{title}, {unit}"),
    }
}

/// `title` and `unit` written as one where the title ends with the words
/// the unit's name begins with ("Trưởng Ban" and "Ban Tổ chức Tỉnh ủy":
/// "Trưởng Ban Tổ chức Tỉnh ủy"); none where it does not.
fn merged(title: &str, unit: &str) -> Option<String> {
    let title_words: Vec<&str> = title.split_whitespace().collect();
    let unit_words: Vec<&str> = unit.split_whitespace().collect();
    let same = |a: &[&str], b: &[&str]| {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(x, y)| x.to_lowercase() == y.to_lowercase())
    };
    (1..=title_words.len().min(unit_words.len()))
        .rev()
        .find(|&k| same(&title_words[title_words.len() - k..], &unit_words[..k]))
        .map(|k| {
            let rest = unit_words[k..].join(" ");
            if rest.is_empty() {
                title.to_owned()
            } else {
                format!("{title} {rest}")
            }
        })
}

/// The head of a body as a proposal addresses them and a certificate names
/// them: of their duties (comma-separated, "Ủy viên Ban Thường vụ Tỉnh ủy,
/// Trưởng Ban") the one that is the body's ("Trưởng Ban Tổ chức Tỉnh ủy"),
/// or the first followed by the body's name ("Giám đốc Sở Nội vụ").
pub fn head_of(position: &str, body: &str) -> String {
    let duties: Vec<&str> = position.split(',').map(str::trim).collect();
    duties
        .iter()
        .find_map(|duty| merged(duty, body))
        .unwrap_or_else(|| format!("{} {body}", duties.first().copied().unwrap_or_default()))
}

/// Quotation marks as Vietnamese print sets them: double quotes outside,
/// single inside, alternating with each level (“… ‘… “…” …’ …”). A
/// straight `"` opens after a space or an opening bracket and closes
/// elsewhere; apostrophes (Ê Đê "H' Luyến") are left alone.
pub fn quotes_alternated(text: &str) -> Cow<'_, str> {
    if !text.contains(['"', '“', '”']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut previous: Option<char> = None;
    for c in text.chars() {
        let opens = match c {
            '“' => Some(true),
            '”' => Some(false),
            '"' => Some(previous.is_none_or(|p| p.is_whitespace() || "([{–—-/".contains(p))),
            _ => None,
        };
        match opens {
            Some(true) => {
                out.push(if depth.is_multiple_of(2) {
                    '“'
                } else {
                    '‘'
                });
                depth += 1;
            }
            Some(false) if depth > 0 => {
                depth -= 1;
                out.push(if depth.is_multiple_of(2) {
                    '”'
                } else {
                    '’'
                });
            }
            Some(false) => out.push('”'),
            None => out.push(c),
        }
        previous = Some(c);
    }
    Cow::Owned(out)
}

/// The four-digit numbers of a text standing alone (not part of a longer
/// number): the years it names.
pub fn years_in(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| run.len() == 4)
}

/// `text` with each year `old` standing alone written `new`.
pub fn replace_year(text: &str, old: &str, new: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        out.push_str(if digits == old { new } else { digits });
        digits.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn date_line_pads_days_below_ten_and_the_first_two_months() {
        assert_eq!(date_words(day(2020, 3, 5)), "ngày 05 tháng 3 năm 2020");
        assert_eq!(date_words(day(2020, 1, 5)), "ngày 05 tháng 01 năm 2020");
        assert_eq!(date_words(day(2020, 2, 29)), "ngày 29 tháng 02 năm 2020");
        assert_eq!(date_words(day(2020, 12, 18)), "ngày 18 tháng 12 năm 2020");
        assert_eq!(date_numeric(day(2020, 3, 10)), "10/3/2020");
        assert_eq!(date_numeric(day(2020, 3, 5)), "05/3/2020");
        assert_eq!(date_numeric(day(2020, 2, 20)), "20/02/2020");
        assert_eq!(date_numeric(day(2020, 12, 15)), "15/12/2020");
        assert_eq!(date_padded(day(2020, 3, 10)), "10/03/2020");
    }

    #[test]
    fn parts_are_numbered_in_roman() {
        let got: Vec<String> = [1, 2, 3, 4, 9, 14, 40].into_iter().map(roman).collect();
        assert_eq!(got, ["I", "II", "III", "IV", "IX", "XIV", "XL"]);
    }

    #[test]
    fn moments_are_hours_minutes_then_the_date() {
        let t = day(2020, 3, 10).and_hms_opt(8, 5, 0).unwrap();
        assert_eq!(moment_words(t), "08 giờ 05 phút, ngày 10 tháng 3 năm 2020");
    }

    #[test]
    fn percentages_the_vietnamese_way() {
        assert_eq!(percent(8, 9), "88,9 %");
        assert_eq!(percent(9, 9), "100 %");
        assert_eq!(percent(2, 3), "66,7 %");
        assert_eq!(percent(1, 2), "50 %");
        assert_eq!(percent(0, 0), "0 %");
    }

    #[test]
    fn a_title_and_its_unit_share_their_common_words() {
        let cases = [
            (
                "Trưởng phòng",
                "Phòng Tổ chức cán bộ",
                "Trưởng phòng Tổ chức cán bộ",
            ),
            (
                "Phó Trưởng phòng",
                "Phòng Chính sách cán bộ",
                "Phó Trưởng phòng Chính sách cán bộ",
            ),
            ("Chánh Văn phòng", "Văn phòng Ban", "Chánh Văn phòng Ban"),
            (
                "Phó Chánh Văn phòng, Chủ tịch Công đoàn cơ quan",
                "Văn phòng Ban",
                "Phó Chánh Văn phòng Ban, Chủ tịch Công đoàn cơ quan",
            ),
            (
                "Chuyên viên",
                "Phòng Tổ chức cán bộ",
                "Chuyên viên, Phòng Tổ chức cán bộ",
            ),
            (
                "Chuyên viên, văn thư",
                "Văn phòng Ban",
                "Chuyên viên, văn thư, Văn phòng Ban",
            ),
        ];
        for (title, unit, written) in cases {
            assert_eq!(position_in(title, unit), written);
        }
    }

    #[test]
    fn a_body_s_head_is_named_by_the_duty_that_is_the_body_s() {
        let cases = [
            (
                "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban",
                "Ban Tổ chức Tỉnh ủy",
                "Trưởng Ban Tổ chức Tỉnh ủy",
            ),
            ("Giám đốc Sở", "Sở Nội vụ", "Giám đốc Sở Nội vụ"),
            ("Giám đốc", "Sở Nội vụ", "Giám đốc Sở Nội vụ"),
            (
                "Hiệu trưởng",
                "Trường THPT Ngô Sĩ Liên",
                "Hiệu trưởng Trường THPT Ngô Sĩ Liên",
            ),
        ];
        for (position, body, written) in cases {
            assert_eq!(head_of(position, body), written);
        }
    }

    #[test]
    fn a_year_moves_only_where_it_stands_alone() {
        assert_eq!(
            replace_year(
                "trich_yeu: thi đua năm 2021 (20210, 2021-2025)",
                "2021",
                "2022"
            ),
            "trich_yeu: thi đua năm 2022 (20210, 2022-2025)"
        );
        let years: Vec<&str> = years_in("Luật 2022, Nghị định 98/2023, số 12345").collect();
        assert_eq!(years, ["2022", "2023"]);
    }

    #[test]
    fn sentences_end_with_one_full_stop() {
        assert_eq!(sentence("Hoàn thành"), "Hoàn thành.");
        assert_eq!(sentence("Hoàn thành. "), "Hoàn thành.");
        assert_eq!(sentence("Thật sao?"), "Thật sao?");
    }

    #[test]
    fn quotes_alternate_by_level_and_straight_ones_turn() {
        assert_eq!(
            quotes_alternated("Phong trào “Thi đua “Dân vận khéo”” năm 2024"),
            "Phong trào “Thi đua ‘Dân vận khéo’” năm 2024"
        );
        assert_eq!(
            quotes_alternated("phong trào \"Thi đua \"Dân vận khéo\"\" (\"a\")"),
            "phong trào “Thi đua ‘Dân vận khéo’” (“a”)"
        );
        assert_eq!(quotes_alternated("“a ‘b’ c”"), "“a ‘b’ c”");
        assert_eq!(quotes_alternated("H' Luyến Niê"), "H' Luyến Niê");
        assert_eq!(quotes_alternated("a” b"), "a” b");
    }
}
