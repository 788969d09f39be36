//! Sums of money as decisions write them: in figures ("1.404.000 đồng")
//! and in words ("Một triệu bốn trăm linh bốn nghìn đồng"), the northern
//! reading by default and the southern one ("lẻ", "ngàn", "tư") as an
//! option.

use serde::Deserialize;

/// How numbers are read aloud: the words that differ between regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, schemars::JsonSchema)]
pub enum Reading {
    /// "một trăm linh bốn nghìn", "hai mươi bốn".
    #[default]
    #[serde(rename = "bac")]
    North,
    /// "một trăm lẻ bốn ngàn", "hai mươi tư".
    #[serde(rename = "nam")]
    South,
}

const DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];

/// "1.404.000": thousands separated by full stops.
pub fn figures(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Three digits read as one group; `leading` when nothing stands before
/// it (a leading group drops "không trăm" and "linh").
fn group(n: u64, leading: bool, reading: Reading, out: &mut Vec<&'static str>) {
    let (hundreds, tens, units) = (
        (n / 100) as usize,
        (n / 10 % 10) as usize,
        (n % 10) as usize,
    );
    if hundreds > 0 || !leading {
        out.extend([DIGITS[hundreds], "trăm"]);
    }
    match tens {
        0 if units > 0 && (hundreds > 0 || !leading) => out.push(match reading {
            Reading::North => "linh",
            Reading::South => "lẻ",
        }),
        0 => {}
        1 => out.push("mười"),
        t => out.extend([DIGITS[t], "mươi"]),
    }
    out.push(match (units, tens) {
        (0, _) => return,
        (1, t) if t >= 2 => "mốt",
        (5, t) if t >= 1 => "lăm",
        (4, t) if t >= 2 && reading == Reading::South => "tư",
        (u, _) => DIGITS[u],
    });
}

/// The amount in words, capitalised, with "đồng": "Một triệu bốn trăm
/// linh bốn nghìn đồng". Groups of zeros are not read ("Một triệu đồng").
pub fn words(amount: u64, reading: Reading) -> String {
    let thousand = match reading {
        Reading::North => "nghìn",
        Reading::South => "ngàn",
    };
    let scales = ["", thousand, "triệu", "tỷ", thousand, "triệu"];
    let mut groups = Vec::new();
    let mut rest = amount;
    while rest > 0 {
        groups.push(rest % 1000);
        rest /= 1000;
    }
    let mut out: Vec<&'static str> = Vec::new();
    let top = groups.len();
    for (i, &g) in groups.iter().enumerate().rev() {
        if g == 0 {
            // A billion of billions still says "tỷ" once.
            if i == 3 && top > 4 {
                out.push("tỷ");
            }
            continue;
        }
        group(g, i + 1 == top, reading, &mut out);
        if !scales[i].is_empty() {
            out.push(scales[i]);
        }
    }
    if out.is_empty() {
        out.push("không");
    }
    out.push("đồng");
    crate::words::capitalised(&out.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn north(n: u64) -> String {
        words(n, Reading::North)
    }

    #[test]
    fn amounts_in_words_the_northern_way() {
        assert_eq!(north(1_404_000), "Một triệu bốn trăm linh bốn nghìn đồng");
        assert_eq!(north(447_000), "Bốn trăm bốn mươi bảy nghìn đồng");
        assert_eq!(north(2_340_000), "Hai triệu ba trăm bốn mươi nghìn đồng");
        assert_eq!(north(1_000_000), "Một triệu đồng");
        assert_eq!(north(1_005_000), "Một triệu không trăm linh năm nghìn đồng");
        assert_eq!(north(1_010_000), "Một triệu không trăm mười nghìn đồng");
        assert_eq!(north(3_510_000), "Ba triệu năm trăm mười nghìn đồng");
        assert_eq!(north(15), "Mười lăm đồng");
        assert_eq!(north(21), "Hai mươi mốt đồng");
        assert_eq!(north(24), "Hai mươi bốn đồng");
        assert_eq!(north(25), "Hai mươi lăm đồng");
        assert_eq!(north(11), "Mười một đồng");
        assert_eq!(north(105), "Một trăm linh năm đồng");
        assert_eq!(north(0), "Không đồng");
        assert_eq!(north(1_000_000_000), "Một tỷ đồng");
        assert_eq!(north(2_000_500_000), "Hai tỷ năm trăm nghìn đồng");
        assert_eq!(north(1_000_000_000_000), "Một nghìn tỷ đồng");
    }

    #[test]
    fn amounts_in_words_the_southern_way() {
        let south = |n| words(n, Reading::South);
        assert_eq!(south(1_404_000), "Một triệu bốn trăm lẻ bốn ngàn đồng");
        assert_eq!(south(24_000), "Hai mươi tư ngàn đồng");
        assert_eq!(south(14_000), "Mười bốn ngàn đồng");
    }

    #[test]
    fn figures_group_thousands_with_full_stops() {
        assert_eq!(figures(1_404_000), "1.404.000");
        assert_eq!(figures(450_000), "450.000");
        assert_eq!(figures(0), "0");
        assert_eq!(figures(1_000), "1.000");
    }
}
