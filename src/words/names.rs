//! How names sort: the Vietnamese alphabet's order, letters then tones,
//! and full names by the given name.

use unicode_normalization::UnicodeNormalization;

const ALPHABET: &str = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

/// Letters in the Vietnamese alphabet's order, then tones (none, huyền,
/// sắc, hỏi, ngã, nặng), as a dictionary sorts words.
/// Text in Vietnamese alphabetical order (letters, then tones): a unit's
/// name sorts by this as a whole.
pub fn word_key(word: &str) -> (Vec<u32>, Vec<u8>) {
    let mut letters: Vec<u32> = Vec::new();
    let mut tones: Vec<u8> = Vec::new();
    for c in word.to_lowercase().nfd() {
        let modify = |letters: &mut Vec<u32>, from: char, to: char| {
            if let Some(last) = letters.last_mut() {
                let rank = |c: char| {
                    ALPHABET
                        .chars()
                        .position(|a| a == c)
                        .map_or(0, |p| p as u32)
                };
                if *last == rank(from) {
                    *last = rank(to);
                }
            }
        };
        match c {
            '\u{306}' => modify(&mut letters, 'a', 'ă'),
            '\u{302}' => {
                modify(&mut letters, 'a', 'â');
                modify(&mut letters, 'e', 'ê');
                modify(&mut letters, 'o', 'ô');
            }
            '\u{31b}' => {
                modify(&mut letters, 'o', 'ơ');
                modify(&mut letters, 'u', 'ư');
            }
            '\u{300}' => tones.push(1),
            '\u{301}' => tones.push(2),
            '\u{309}' => tones.push(3),
            '\u{303}' => tones.push(4),
            '\u{323}' => tones.push(5),
            c => {
                let rank = ALPHABET
                    .chars()
                    .position(|a| a == c)
                    .map_or(1000 + c as u32, |p| p as u32);
                letters.push(rank);
                tones.push(0);
            }
        }
    }
    tones.retain(|&t| t != 0);
    (letters, tones)
}

/// What full names sort by, in Vietnamese order: the given name (the last
/// word), then the rest from the family name on.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct NameKey {
    given: (Vec<u32>, Vec<u8>),
    rest: (Vec<u32>, Vec<u8>),
}

/// Sorting many names, `sort_by_cached_key` computes each key once.
pub fn name_key(name: &str) -> NameKey {
    name_key_given(name, None)
}

/// The key of a name whose given name is not its last word (Ê Đê "H' Luyến
/// Niê" sorts under "Luyến"): `given` is that word, and the rest is the
/// other words in their order. A `given` the name does not hold is ignored.
pub fn name_key_given(name: &str, given: Option<&str>) -> NameKey {
    let name = name.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let at = given
        .and_then(|g| words.iter().rposition(|w| *w == g.trim()))
        .unwrap_or(words.len().saturating_sub(1));
    let rest: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != at)
        .map(|(_, w)| *w)
        .collect();
    NameKey {
        given: word_key(words.get(at).copied().unwrap_or_default()),
        rest: word_key(&rest.join(" ")),
    }
}

/// A record's id made from a name: Vietnamese letters to ASCII ("đ" to
/// "d", marks dropped), lower case, words joined by hyphens: "Nguyễn Thị
/// Lan" is "nguyen-thi-lan", "H' Luyến Niê" is "h-luyen-nie".
pub fn id_from_name(name: &str) -> String {
    let mut id = String::new();
    for c in name.nfd() {
        let c = match c {
            'đ' => 'd',
            'Đ' => 'd',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if c.is_ascii() && !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    // A longer id is cut after its last whole word that fits.
    let most = crate::text::Id::MAX_BYTES;
    if id.len() > most {
        let cut = id[..=most].rfind('-').unwrap_or(most);
        id.truncate(cut);
    }
    id.trim_end_matches('-').to_owned()
}

/// Past this length a name is not kept on one line: a person's full name
/// is shorter, and a longer run with no break would run past its cell.
const LONGEST_UNBROKEN_NAME: usize = 30;

/// A person's full name written inside other text ("Trưởng phòng: Lại Văn
/// Sơn"), its spaces made no-break spaces so a line never ends inside it.
/// Read back from the PDF they are ordinary spaces.
pub fn unbroken_name(name: &str) -> String {
    if name.chars().count() > LONGEST_UNBROKEN_NAME {
        return name.to_owned();
    }
    name.replace(' ', "\u{a0}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_names_in_ascii() {
        assert_eq!(id_from_name("Nguyễn Thị Lan"), "nguyen-thi-lan");
        assert_eq!(id_from_name("H' Luyến Niê"), "h-luyen-nie");
        assert_eq!(id_from_name("Đỗ Văn Đức"), "do-van-duc");
        assert_eq!(
            id_from_name("Phòng Tổ chức, biên chế"),
            "phong-to-chuc-bien-che"
        );
    }

    #[test]
    fn a_given_name_that_is_not_the_last_word_sorts_the_name() {
        let mut names = vec!["Nguyễn Văn Mạnh", "H' Luyến Niê", "Trần Thị Lan"];
        names.sort_by_key(|n| name_key_given(n, n.contains("Niê").then_some("Luyến")));
        assert_eq!(names, ["Trần Thị Lan", "H' Luyến Niê", "Nguyễn Văn Mạnh"]);
        // Without the key the last word decides: "Niê" after "Mạnh".
        names.sort_by_key(|n| name_key(n));
        assert_eq!(names, ["Trần Thị Lan", "Nguyễn Văn Mạnh", "H' Luyến Niê"]);
        assert_eq!(
            name_key_given("Lê Văn An", Some("Bình")),
            name_key("Lê Văn An")
        );
    }

    #[test]
    fn names_sort_by_given_name_in_the_vietnamese_alphabet() {
        let mut names = vec![
            "Trần Văn Đức",
            "Nguyễn Thị Lan",
            "Lê Văn Dũng",
            "Phạm Thị Ánh",
            "Vũ Minh Anh",
            "Bùi Thị Ân",
            "Ngô Văn Ăn",
            "Đỗ Văn Lan",
            "Hoàng Văn Lân",
        ];
        names.sort_by_cached_key(|n| name_key(n));
        assert_eq!(
            names,
            [
                "Vũ Minh Anh",
                "Phạm Thị Ánh",
                "Ngô Văn Ăn",
                "Bùi Thị Ân",
                "Lê Văn Dũng",
                "Trần Văn Đức",
                "Đỗ Văn Lan",
                "Nguyễn Thị Lan",
                "Hoàng Văn Lân",
            ]
        );
    }

    #[test]
    fn nfd_names_sort_like_nfc() {
        let nfd = "Nguye\u{302}\u{303}n Thi\u{323} Lan";
        assert_eq!(name_key(nfd), name_key("Nguyễn Thị Lan"));
    }
}
