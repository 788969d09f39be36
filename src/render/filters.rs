//! What templates may call: the Typst escaper the environment applies to
//! every `{{ value }}`, and the helpers a clerk's documents need (date line,
//! percentage, Vietnamese name order), each a thin door onto [`crate::words`].

use chrono::NaiveDate;
use minijinja::value::Value;
use minijinja::{Error, ErrorKind, Output, State};

use crate::text::nfc;
use crate::words::{
    date_numeric, date_words, name_key, percent, quotes_alternated, sentence, two_digits,
};

/// Typst breaks lines only where Unicode allows (spaces, after "-" or "/");
/// a longer run of letters and digits with no such place would run past its
/// cell and off the page, so the escaper offers a break (a zero-width space)
/// after this many. No Vietnamese word comes near it.
const LONGEST_UNBROKEN: usize = 16;

/// A document's number ("05-TTr/HĐTĐKT", "91/2017/NĐ-CP", a date
/// "20/12/2020") is read as one word and never split at its "-" or "/",
/// where Typst would otherwise break a line. Longer tokens are not numbers
/// and keep their breaks: a box wider than its cell would run past it.
const LONGEST_NUMBER: usize = 32;

/// Escapes text for Typst markup, its quotation marks set as print sets
/// them ([`quotes_alternated`]): a backslash before every ASCII punctuation
/// character (so nothing can open code, math, a comment, a label, a heading,
/// a list or close the template's block), a newline as a forced line break,
/// other control characters dropped; a document's number is kept on one
/// line (an unbreakable box around its escaped text).
pub fn escape_markup(text: &str, out: &mut String) {
    let mut run = 0;
    for piece in quotes_alternated(&nfc(text)).split_inclusive(char::is_whitespace) {
        let core = piece.trim_matches(|c: char| !c.is_alphanumeric());
        if !is_document_number(core) {
            piece.chars().for_each(|c| escape_char(c, &mut run, out));
            continue;
        }
        let start = piece.len()
            - piece
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        let end = start + core.len();
        piece[..start]
            .chars()
            .for_each(|c| escape_char(c, &mut run, out));
        out.push_str("#box[");
        core.chars().for_each(|c| escape_char(c, &mut run, out));
        // The comment ends the box's expression: without it a ";" after
        // the value would be taken as its end, a "(" or "[" as arguments.
        out.push_str("]/**/");
        piece[end..]
            .chars()
            .for_each(|c| escape_char(c, &mut run, out));
    }
}

fn is_document_number(token: &str) -> bool {
    token.contains('/')
        && token.chars().any(|c| c.is_ascii_digit())
        && token.chars().count() <= LONGEST_NUMBER
        && token
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '.'))
}

/// One character of [`escape_markup`]; `run` counts the letters and digits
/// since the last place a line may break.
fn escape_char(c: char, run: &mut usize, out: &mut String) {
    if !c.is_alphanumeric() {
        *run = 0;
    } else {
        if *run == LONGEST_UNBROKEN {
            out.push('\u{200B}');
            *run = 0;
        }
        *run += 1;
    }
    match c {
        '\n' => out.push_str("\\\n"),
        c if c.is_ascii_punctuation() => {
            out.push('\\');
            out.push(c);
        }
        c if c.is_control() => {}
        c => out.push(c),
    }
}

/// Quotes text as a Typst string literal, for values in code positions.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in nfc(text).chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The environment's formatter: values are escaped for markup unless a
/// filter marked them safe (only this module's filters do).
pub fn format_value(out: &mut Output, _state: &State, value: &Value) -> Result<(), Error> {
    if value.is_safe() {
        return write!(out, "{value}").map_err(Error::from);
    }
    if value.is_undefined() || value.is_none() {
        return Err(Error::new(
            ErrorKind::UndefinedError,
            "a value the template prints is missing; guard it with {% if %}",
        ));
    }
    let mut escaped = String::new();
    escape_markup(&value.to_string(), &mut escaped);
    out.write_str(&escaped).map_err(Error::from)
}

/// `{{ x | typst_str }}`: a Typst string literal, for code positions.
pub fn typst_str(value: &Value) -> Value {
    Value::from_safe_string(string_literal(&value.to_string()))
}

/// `{{ [148.5, 96] | vi_tri }}` → `(148.5mm, 96mm)`: a point in
/// millimetres, for code positions; anything but two numbers is an error,
/// so no record text reaches the code.
pub fn vi_tri(value: &Value) -> Result<Value, Error> {
    let number = |i: usize| {
        value
            .get_item_by_index(i)
            .ok()
            .and_then(|v| f64::try_from(v).ok())
            .filter(|n| n.is_finite())
    };
    match (number(0), number(1), value.len()) {
        (Some(x), Some(y), Some(2)) => Ok(Value::from_safe_string(format!("({x}mm, {y}mm)"))),
        _ => Err(Error::new(
            ErrorKind::InvalidOperation,
            format!("not a position in millimetres: {value}"),
        )),
    }
}

fn parse_date(value: &str) -> Result<NaiveDate, Error> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| Error::new(ErrorKind::InvalidOperation, format!("not a date: {value}")))
}

/// `{{ ngay | ngay_thang }}` → "ngày 05 tháng 3 năm 2020".
pub fn ngay_thang(value: &str) -> Result<String, Error> {
    parse_date(value).map(date_words)
}

/// `{{ ngay | ngay_so }}` → "10/3/2020", as citations write a date.
pub fn ngay_so(value: &str) -> Result<String, Error> {
    parse_date(value).map(date_numeric)
}

/// `{{ dong_y | phan_tram(tong) }}`.
pub fn phan_tram(part: u32, whole: u32) -> String {
    percent(part, whole)
}

/// `{{ 3 | hai_so }}` → "03", as the plan writes counts ("02 tập thể").
pub fn hai_so(n: u32) -> String {
    two_digits(n)
}

/// `{{ s | cham_cau }}`: the sentence with its full stop.
pub fn cham_cau(text: &str) -> String {
    sentence(text)
}

/// `{{ cam_ket | cac_dong }}`: a text's lines, blank ones left out.
pub fn cac_dong(text: &str) -> Vec<String> {
    crate::text::nonblank_lines(text)
        .map(str::to_owned)
        .collect()
}

/// `{{ y_kien | trich_dan }}`: a quotation in double quotes, the quotes
/// inside it single (“…‘…’…”), as Vietnamese nests them.
pub fn trich_dan(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    out.push('“');
    let mut opening = true;
    for c in text.chars() {
        match c {
            '“' => out.push('‘'),
            '”' => out.push('’'),
            '"' => {
                out.push(if opening { '‘' } else { '’' });
                opening = !opening;
            }
            c => out.push(c),
        }
    }
    out.push('”');
    out
}

/// `{{ co_quan.ten | giu_cum }}`: a heading or title whose lines break
/// between words, never inside one (`words::kept_phrases`).
pub fn giu_cum(text: &str) -> String {
    crate::words::kept_phrases(text)
}

/// `{{ trich_yeu | giu_cuoi }}`: a subject whose last word never stands
/// alone on its line ("… năm / 2020"): it is bound to the word before.
pub fn giu_cuoi(text: &str) -> String {
    match text.trim_end().rsplit_once(' ') {
        Some((before, last)) if !before.is_empty() => format!("{before}\u{a0}{last}"),
        _ => text.to_owned(),
    }
}

/// `{{ people | xep_ten("ho_ten") }}`: a list sorted by the name in `key`.
pub fn xep_ten(list: Vec<Value>, key: &str) -> Result<Vec<Value>, Error> {
    let mut named: Vec<(String, Value)> = list
        .into_iter()
        .map(|item| {
            let name = item.get_attr(key)?;
            Ok((name.as_str().unwrap_or_default().to_owned(), item))
        })
        .collect::<Result<_, Error>>()?;
    named.sort_by_cached_key(|(name, _)| name_key(name));
    Ok(named.into_iter().map(|(_, v)| v).collect())
}

/// Past this many rows a table's names are not measured (`data-table` in
/// `the-thuc.typ` lays a table out twice to measure them): a province's
/// 3,000-name list would cost seconds and tens of MB for columns that a
/// long list's typical names already fill.
pub const NAMES_MEASURED: usize = 100;

/// `names: ({% for r in rows | do_rong %}…)`: the rows whose names
/// `data-table` measures to keep each on one line; none past
/// [`NAMES_MEASURED`].
pub fn do_rong(rows: Vec<Value>) -> Vec<Value> {
    if rows.len() > NAMES_MEASURED {
        Vec::new()
    } else {
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_escaping_neutralises_every_typst_marker() {
        let mut out = String::new();
        escape_markup(
            "#set page(a5) $x$ *b* _i_ <l> @r = h\n- li\n1. en // c /* d */ [x] ~ ' \" \\ `r`",
            &mut out,
        );
        for (i, c) in out.char_indices() {
            if c.is_ascii_punctuation() && c != '\\' {
                assert_eq!(&out[i - 1..i], "\\", "{c} at {i} unescaped in {out}");
            }
        }
        assert!(
            out.contains("h\\\n\\- li"),
            "newline becomes a forced break: {out}"
        );
    }

    #[test]
    fn long_runs_get_a_break_opportunity() {
        let mut out = String::new();
        escape_markup("Ddddddddddddddddddddddd ngắn", &mut out);
        assert_eq!(out, "Dddddddddddddddd\u{200B}ddddddd ngắn");
        let mut out = String::new();
        escape_markup("91/2017/NĐ-CP Nghiêngnghiêng", &mut out);
        assert!(
            !out.contains('\u{200B}'),
            "real text is never touched: {out}"
        );
    }

    #[test]
    fn a_document_number_is_one_unbreakable_word() {
        let mut out = String::new();
        escape_markup("Tờ trình số 05-TTr/HĐTĐKT; (38/2019/NĐ-CP).", &mut out);
        assert_eq!(
            out,
            "Tờ trình số #box[05\\-TTr\\/HĐTĐKT]/**/\\; \\(#box[38\\/2019\\/NĐ\\-CP]/**/\\)\\."
        );
        let mut out = String::new();
        escape_markup("Thi đua - Khen thưởng, 2.2 và/hoặc", &mut out);
        assert!(!out.contains("#box"), "not numbers: {out}");
    }

    #[test]
    fn string_literals_escape_quotes_and_backslashes() {
        assert_eq!(string_literal("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
    }
}
