//! Vietnamese typed in a legacy encoding and pasted as Unicode: TCVN3 (ABC,
//! one Latin-1 character per Vietnamese letter: "Ng­êi" for "Người") and VNI
//! (a letter then a Latin-1 mark character: "Traàn Thò" for "Trần Thị").
//!
//! Decided by statistics over the whole value, not by a character alone:
//! the value is legacy text when decoding it turns words that are not
//! Vietnamese syllables into words that are. So "Köln", "Peña", "200 m²",
//! "§ 3", "½", "©" and a lone « or » stay as written, and real Vietnamese
//! ("Hoàng", whose "oà" VNI would read as "ồ") is never touched.

use unicode_normalization::UnicodeNormalization;

/// What a legacy value says in Unicode, and which encoding it was typed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Legacy {
    pub encoding: &'static str,
    pub decoded: String,
}

/// TCVN3: the Latin-1 character each Vietnamese letter was typed as.
const TCVN3: &[(char, char)] = &[
    ('\u{B5}', 'à'),
    ('\u{B6}', 'ả'),
    ('\u{B7}', 'ã'),
    ('\u{B8}', 'á'),
    ('\u{B9}', 'ạ'),
    ('\u{A8}', 'ă'),
    ('\u{BB}', 'ằ'),
    ('\u{BC}', 'ẳ'),
    ('\u{BD}', 'ẵ'),
    ('\u{BE}', 'ắ'),
    ('\u{C6}', 'ặ'),
    ('\u{A9}', 'â'),
    ('\u{C7}', 'ầ'),
    ('\u{C8}', 'ẩ'),
    ('\u{C9}', 'ẫ'),
    ('\u{CA}', 'ấ'),
    ('\u{CB}', 'ậ'),
    ('\u{CC}', 'è'),
    ('\u{CE}', 'ẻ'),
    ('\u{CF}', 'ẽ'),
    ('\u{D0}', 'é'),
    ('\u{D1}', 'ẹ'),
    ('\u{AA}', 'ê'),
    ('\u{D2}', 'ề'),
    ('\u{D3}', 'ể'),
    ('\u{D4}', 'ễ'),
    ('\u{D5}', 'ế'),
    ('\u{D6}', 'ệ'),
    ('\u{D7}', 'ì'),
    ('\u{D8}', 'ỉ'),
    ('\u{DC}', 'ĩ'),
    ('\u{DD}', 'í'),
    ('\u{DE}', 'ị'),
    ('\u{DF}', 'ò'),
    ('\u{E1}', 'ỏ'),
    ('\u{E2}', 'õ'),
    ('\u{E3}', 'ó'),
    ('\u{E4}', 'ọ'),
    ('\u{AB}', 'ô'),
    ('\u{E5}', 'ồ'),
    ('\u{E6}', 'ổ'),
    ('\u{E7}', 'ỗ'),
    ('\u{E8}', 'ố'),
    ('\u{E9}', 'ộ'),
    ('\u{AC}', 'ơ'),
    ('\u{EA}', 'ờ'),
    ('\u{EB}', 'ở'),
    ('\u{EC}', 'ỡ'),
    ('\u{ED}', 'ớ'),
    ('\u{EE}', 'ợ'),
    ('\u{EF}', 'ù'),
    ('\u{F1}', 'ủ'),
    ('\u{F2}', 'ũ'),
    ('\u{F3}', 'ú'),
    ('\u{F4}', 'ụ'),
    ('\u{AD}', 'ư'),
    ('\u{F5}', 'ừ'),
    ('\u{F6}', 'ử'),
    ('\u{F7}', 'ữ'),
    ('\u{F8}', 'ứ'),
    ('\u{F9}', 'ự'),
    ('\u{FA}', 'ỳ'),
    ('\u{FB}', 'ỷ'),
    ('\u{FC}', 'ỹ'),
    ('\u{FD}', 'ý'),
    ('\u{FE}', 'ỵ'),
    ('\u{AE}', 'đ'),
    ('\u{A1}', 'Ă'),
    ('\u{A2}', 'Â'),
    ('\u{A3}', 'Ê'),
    ('\u{A4}', 'Ô'),
    ('\u{A5}', 'Ơ'),
    ('\u{A6}', 'Ư'),
    ('\u{A7}', 'Đ'),
];

const ACUTE: char = '\u{301}';
const GRAVE: char = '\u{300}';
const HOOK: char = '\u{309}';
const TILDE: char = '\u{303}';
const DOT: char = '\u{323}';
const CIRCUMFLEX: char = '\u{302}';
const BREVE: char = '\u{306}';
const HORN: char = '\u{31B}';

/// VNI: the mark characters typed after a vowel, as the combining marks
/// they stand for (lower and upper case alike).
const VNI_MARKS: &[(char, &[char])] = &[
    ('ù', &[ACUTE]),
    ('ø', &[GRAVE]),
    ('û', &[HOOK]),
    ('õ', &[TILDE]),
    ('ï', &[DOT]),
    ('â', &[CIRCUMFLEX]),
    ('ê', &[BREVE]),
    ('ô', &[HORN]),
    ('ö', &[HORN]),
    ('á', &[CIRCUMFLEX, ACUTE]),
    ('à', &[CIRCUMFLEX, GRAVE]),
    ('å', &[CIRCUMFLEX, HOOK]),
    ('ã', &[CIRCUMFLEX, TILDE]),
    ('ä', &[CIRCUMFLEX, DOT]),
    ('é', &[BREVE, ACUTE]),
    ('è', &[BREVE, GRAVE]),
    ('ú', &[BREVE, HOOK]),
    ('ü', &[BREVE, TILDE]),
    ('ë', &[BREVE, DOT]),
];

/// VNI: letters typed as one Latin-1 character of their own.
const VNI_LETTERS: &[(char, char)] = &[
    ('ñ', 'đ'),
    ('Ñ', 'Đ'),
    ('í', 'í'),
    ('ì', 'ì'),
    ('æ', 'ỉ'),
    ('ó', 'ĩ'),
    ('ò', 'ị'),
    ('Í', 'Í'),
    ('Ì', 'Ì'),
    ('Æ', 'Ỉ'),
    ('Ó', 'Ĩ'),
    ('Ò', 'Ị'),
];

fn decode_tcvn3(text: &str) -> String {
    text.chars()
        .map(|c| {
            TCVN3
                .iter()
                .find(|(from, _)| *from == c)
                .map_or(c, |(_, to)| *to)
        })
        .collect()
}

fn decode_vni(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut after_vowel = false;
    for c in text.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let mark = VNI_MARKS.iter().find(|(m, _)| *m == lower);
        match mark {
            Some((_, combining)) if after_vowel => out.extend(combining.iter()),
            _ => {
                let letter = VNI_LETTERS
                    .iter()
                    .find(|(from, _)| *from == c)
                    .map_or(c, |(_, to)| *to);
                out.push(letter);
                after_vowel = "aeiouy".contains(c.to_ascii_lowercase());
                continue;
            }
        }
    }
    out.nfc().collect()
}

const INITIALS: &[&str] = &[
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];
const FINALS: &[&str] = &["ng", "nh", "ch", "c", "m", "n", "p", "t", ""];
/// The vowel groups of a syllable, glides included.
const VOWELS: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "oo", "ôi", "ơi", "ua", "uâ", "uê", "ui",
    "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê", "iêu", "oai", "oao", "oay", "oeo", "uây",
    "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "yêu", "uyê", "uai", "uay",
];

/// Whether a word is a Vietnamese syllable: an initial, a vowel group, a
/// final, and at most one tone mark.
pub fn is_syllable(word: &str) -> bool {
    let decomposed: String = word.to_lowercase().nfd().collect();
    let tones = decomposed
        .chars()
        .filter(|c| [ACUTE, GRAVE, HOOK, TILDE, DOT].contains(c))
        .count();
    if tones > 1 {
        return false;
    }
    let bare: String = decomposed
        .chars()
        .filter(|c| ![ACUTE, GRAVE, HOOK, TILDE, DOT].contains(c))
        .collect::<String>()
        .nfc()
        .collect();
    INITIALS.iter().any(|initial| {
        bare.strip_prefix(initial).is_some_and(|rest| {
            FINALS.iter().any(|fin| {
                rest.strip_suffix(fin)
                    .is_some_and(|vowels| VOWELS.contains(&vowels) && fits(vowels, fin))
            })
        })
    })
}

/// Vowel groups that take only some finals: "ch" and "nh" follow a, ê, i,
/// y ("sách", "bệnh", "Quỳnh"); "oo" only closes with "ng" or "c" ("xoong").
fn fits(vowels: &str, fin: &str) -> bool {
    match (vowels, fin) {
        (_, "ch" | "nh") => ["a", "ê", "i", "y", "oa", "uy", "uê"].contains(&vowels),
        ("oo", _) => ["ng", "c"].contains(&fin),
        _ => true,
    }
}

/// The words of a value: runs of letters and of the characters legacy text
/// uses for letters.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphabetic() || ('\u{A1}'..='\u{FF}').contains(&c)))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `decoded` reads as Vietnamese where `raw` does not: among the
/// words decoding changed, more are syllables after than before, at least
/// half are, and the change is more than one lone symbol.
fn reads_better(raw: &str, decoded: &str) -> bool {
    let (raw_words, decoded_words) = (words(raw), words(decoded));
    if raw_words.len() != decoded_words.len() {
        return false;
    }
    // A word that was only a symbol ("«", "½") says nothing either way.
    let changed: Vec<(&str, &str)> = raw_words
        .into_iter()
        .zip(decoded_words)
        .filter(|(r, d)| r != d && r.chars().any(char::is_alphabetic))
        .collect();
    let before = changed.iter().filter(|(r, _)| is_syllable(r)).count();
    let after = changed.iter().filter(|(_, d)| is_syllable(d)).count();
    let more_than_a_symbol = changed.len() > 1
        || changed
            .iter()
            .any(|(r, _)| r.chars().any(|c| c.is_ascii_alphabetic()));
    after > before && after * 2 >= changed.len() && more_than_a_symbol
}

/// The value in Unicode, if it was typed in TCVN3 or VNI.
pub fn legacy(text: &str) -> Option<Legacy> {
    // Legacy text is ASCII and Latin-1 only: a letter beyond them (ư, ơ, đ,
    // ă, any letter with a tone mark but the few Latin-1 has) shows text
    // typed in Unicode. Nearly every Vietnamese value has one, and this
    // keeps the statistics below off the path of a province's records.
    if text.is_ascii() || text.chars().any(|c| c > '\u{FF}' && c.is_alphabetic()) {
        return None;
    }
    [("TCVN3", decode_tcvn3(text)), ("VNI", decode_vni(text))]
        .into_iter()
        .find(|(_, decoded)| decoded != text && reads_better(text, decoded))
        .map(|(encoding, decoded)| Legacy { encoding, decoded })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcvn3_and_vni_are_caught_and_decoded() {
        let found = legacy("Ng\u{AD}êi ®¨ng ký").expect("TCVN3");
        assert_eq!(
            (found.encoding, found.decoded.as_str()),
            ("TCVN3", "Người đăng ký")
        );
        for (raw, unicode) in [
            ("Voõ Thò Dung", "Võ Thị Dung"),
            ("Traàn Thò Thuùy", "Trần Thị Thúy"),
            ("Chuyeân vieân", "Chuyên viên"),
        ] {
            let found = legacy(raw).unwrap_or_else(|| panic!("{raw} is VNI"));
            assert_eq!((found.encoding, found.decoded.as_str()), ("VNI", unicode));
        }
    }

    #[test]
    fn real_text_is_left_as_written() {
        for text in [
            "200 m²",
            "§ 3",
            "½",
            "Köln",
            "Müller",
            "Peña",
            "©",
            "«",
            "»",
            "« trích »",
            "Nguyễn Văn Hoàng",
            "Hoàng Thị Thúy",
            "Lê Văn Bê",
            "Café Hà Nội",
            "Phòng Tổ chức",
            "Trần Thị Ánh",
            "Đỗ Văn Toàn",
            "Ủy viên, Thư ký Hội đồng",
        ] {
            assert_eq!(legacy(text), None, "{text}");
        }
    }

    #[test]
    fn syllables() {
        for w in [
            "người", "nghiêng", "khuya", "quyết", "giữa", "tỉnh", "ủy", "hoàng", "đăng",
        ] {
            assert!(is_syllable(w), "{w}");
        }
        for w in [
            "köln", "traàn", "kửln", "mỹller", "đ", "ng\u{AD}", "voõ", "trớch",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
    }
}
