//! The format a body writes in — Party (Hướng dẫn 36-HD/VPTW) or State
//! (Nghị định 30/2020/NĐ-CP) — and every decision of wording and numbering
//! that depends on it. The documents and the templates' filters ask here;
//! the Typst layout library receives the format once, as an input of the
//! compilation, and takes only sizes and shapes from it.

use serde::Serialize;

use crate::text::Line;
use crate::vocab::Authority;
pub use crate::vocab::Format;
use crate::words::{capitalised, uncapitalised};

/// A "Nơi nhận" line with its punctuation, and whether it is a sub-item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecipientLine {
    pub sub: bool,
    pub text: String,
}

/// The abbreviations of document types in a number's symbol (Nghị định
/// 30/2020, Phụ lục III; the Party uses the same for these): "05-TTr/BTCTU".
pub mod type_code {
    pub const PLAN: &str = "KH";
    pub const PROPOSAL: &str = "TTr";
    pub const MINUTES: &str = "BB";
    /// Unverified for the Party format: a list's record may set its own.
    pub const LIST: &str = "DS";
    pub const DECISION: &str = "QĐ";
    pub const REPORT: &str = "BC";
}

/// The blank a clerk fills in by hand on a draft: no-break spaces, which
/// Typst keeps (plain spaces would collapse into one).
pub const DRAFT_BLANK: &str = "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}";

/// The State form of a filing line: "Lưu Văn thư, X" or "Lưu VT, X" is
/// "Lưu: VT, X"; none when the line is not one.
fn filing_line(body: &str) -> Option<String> {
    let rest = body.strip_prefix("Lưu")?;
    let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
    let rest = rest
        .strip_prefix("Văn thư")
        .or_else(|| rest.strip_prefix("VT"))?
        .trim_start_matches([',', ' ']);
    Some(if rest.is_empty() {
        "Lưu: VT".to_owned()
    } else {
        format!("Lưu: VT, {rest}")
    })
}

impl Format {
    /// The written prefix of an authority: `K/T` (Party) or `KT.` (State).
    pub fn authority_prefix(self, authority: Authority) -> &'static str {
        match (self, authority) {
            (Format::Party, Authority::OnBehalf) => "T/M",
            (Format::Party, Authority::ForHead) => "K/T",
            (Format::Party, Authority::ByOrder) => "T/L",
            (Format::Party, Authority::ByDelegation) => "T/UQ",
            (Format::State, Authority::OnBehalf) => "TM.",
            (Format::State, Authority::ForHead) => "KT.",
            (Format::State, Authority::ByOrder) => "TL.",
            (Format::State, Authority::ByDelegation) => "TUQ.",
            (_, Authority::Acting) => "Q.",
        }
    }

    /// "Nơi nhận" lines with their punctuation: Party "- …," State "- …;",
    /// the last ending "."; a line ending ":" keeps it; "+ …" is a sub-item.
    /// In the State format the filing line takes its form (Nghị định
    /// 30/2020, Phụ lục I): "Lưu Văn thư, TCĐ-ĐV" is "Lưu: VT, TCĐ-ĐV".
    pub fn recipient_lines(self, items: &[Line]) -> Vec<RecipientLine> {
        let sep = match self {
            Format::State => ";",
            Format::Party => ",",
        };
        let n = items.len();
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let raw = item.as_str();
                let (sub, body) = match raw.strip_prefix('+') {
                    Some(rest) => (true, rest.trim()),
                    None => (false, raw.trim_start_matches('-').trim()),
                };
                let body = body.trim_end_matches([',', ';', '.']);
                let filed = (self == Format::State).then(|| filing_line(body)).flatten();
                let body = filed.as_deref().unwrap_or(body);
                let end = if body.ends_with(':') {
                    ""
                } else if i + 1 == n {
                    "."
                } else {
                    sep
                };
                RecipientLine {
                    sub,
                    text: format!("{} {body}{end}", if sub { "+" } else { "-" }),
                }
            })
            .collect()
    }

    /// What closes a document's body: "./." (State) or "." (Party).
    pub fn ending(self) -> &'static str {
        match self {
            Format::State => "./.",
            Format::Party => ".",
        }
    }

    /// A document's number and symbol: Party "05-TTr/BTCTU", State
    /// "05/TTr-SNV"; without a number, the blank for the clerk.
    pub fn number(self, number: Option<u32>, kind: &str, body: &str) -> String {
        let n = number.map_or(DRAFT_BLANK.to_owned(), |n| format!("{n:02}"));
        format!("{n}{}", self.symbol(kind, body))
    }

    /// The symbol after a document's number: Party "-TTr/BTCTU", State
    /// "/TTr-SNV".
    pub fn symbol(self, kind: &str, body: &str) -> String {
        match self {
            Format::Party => format!("-{kind}/{body}"),
            Format::State => format!("/{kind}-{body}"),
        }
    }

    /// The number line of a document's heading: Party "Số 05-TTr/BTCTU",
    /// State "Số: 05/TTr-SNV".
    pub fn number_line(self, number: Option<u32>, kind: &str, body: &str) -> String {
        let label = match self {
            Format::Party => "Số",
            Format::State => "Số:",
        };
        format!("{label} {}", self.number(number, kind, body))
    }

    /// The label of a document's part: "I-" (Party, as the Party's plans
    /// write it; unverified as a rule), "I." (State).
    pub fn part_label(self, n: u32) -> String {
        let mark = match self {
            Format::Party => "-",
            Format::State => ".",
        };
        format!("{}{mark}", crate::words::roman(n))
    }

    /// How a decision's list names a person before their name: "đồng chí"
    /// in the Party's papers; none in the State's, which would need "Ông" or
    /// "Bà" and the records keep no sex.
    pub fn honorific(self) -> Option<&'static str> {
        match self {
            Format::Party => Some("Đồng chí"),
            Format::State => None,
        }
    }

    /// Who presides over a meeting, as minutes sign: "CHỦ TRÌ" (Party),
    /// "CHỦ TỌA" (State, Mẫu 1.9).
    pub fn chair(self) -> &'static str {
        match self {
            Format::Party => "CHỦ TRÌ",
            Format::State => "CHỦ TỌA",
        }
    }

    /// The chair's position as the register keeps who signed minutes.
    pub fn chair_title(self) -> &'static str {
        match self {
            Format::Party => "Chủ trì",
            Format::State => "Chủ tọa",
        }
    }

    /// A subject in the format's case: Party "về việc …" lower case, State
    /// capitalised.
    pub fn subject_case(self, text: &str) -> String {
        match self {
            Format::Party => uncapitalised(text),
            Format::State => capitalised(text),
        }
    }

    /// The national heading (box 1 of the State format, the Party's name in
    /// the Party format), one line each.
    pub fn national_heading(self) -> &'static [&'static str] {
        match self {
            Format::Party => &["ĐẢNG CỘNG SẢN VIỆT NAM"],
            Format::State => &[
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authority_prefixes_by_format() {
        assert_eq!(Format::Party.authority_prefix(Authority::ForHead), "K/T");
        assert_eq!(Format::Party.authority_prefix(Authority::OnBehalf), "T/M");
        assert_eq!(Format::State.authority_prefix(Authority::ForHead), "KT.");
        assert_eq!(Format::State.authority_prefix(Authority::OnBehalf), "TM.");
    }

    #[test]
    fn recipients_take_the_formats_punctuation() {
        let items: Vec<Line> = [
            "Hội đồng TĐ-KT tỉnh",
            "BTCTU:",
            "+ Lãnh đạo Ban",
            "+ Lưu Văn thư, TCĐ-ĐV",
        ]
        .into_iter()
        .map(Line::from)
        .collect();
        let lines = |format: Format| -> Vec<String> {
            format
                .recipient_lines(&items)
                .into_iter()
                .map(|l| l.text)
                .collect()
        };
        assert_eq!(
            lines(Format::Party),
            [
                "- Hội đồng TĐ-KT tỉnh,",
                "- BTCTU:",
                "+ Lãnh đạo Ban,",
                "+ Lưu Văn thư, TCĐ-ĐV."
            ]
        );
        assert_eq!(
            lines(Format::State),
            [
                "- Hội đồng TĐ-KT tỉnh;",
                "- BTCTU:",
                "+ Lãnh đạo Ban;",
                "+ Lưu: VT, TCĐ-ĐV."
            ]
        );
        let filing = |line: &str| {
            Format::State.recipient_lines(&[Line::from(line)])[0]
                .text
                .clone()
        };
        assert_eq!(filing("Lưu VT"), "- Lưu: VT.");
        assert_eq!(filing("Lưu: VT, Hồ sơ"), "- Lưu: VT, Hồ sơ.");
        assert_eq!(filing("Lưu trữ cơ quan"), "- Lưu trữ cơ quan.");
    }

    #[test]
    fn subjects_take_the_formats_case() {
        assert_eq!(
            Format::Party.subject_case("Về việc đề nghị"),
            "về việc đề nghị"
        );
        assert_eq!(
            Format::State.subject_case("về việc đề nghị"),
            "Về việc đề nghị"
        );
    }

    #[test]
    fn document_numbers_in_both_formats_and_as_a_draft() {
        assert_eq!(
            Format::Party.number_line(Some(5), "TTr", "BTCTU"),
            "Số 05-TTr/BTCTU"
        );
        assert_eq!(
            Format::State.number_line(Some(12), "BB", "SNV"),
            "Số: 12/BB-SNV"
        );
        assert_eq!(
            Format::Party.number_line(None, "TTr", "BTCTU"),
            format!("Số {DRAFT_BLANK}-TTr/BTCTU")
        );
        assert_eq!(
            Format::State.number_line(None, "TTr", "SNV"),
            format!("Số: {DRAFT_BLANK}/TTr-SNV")
        );
        assert_eq!(Format::Party.number(Some(25), "KH", "BTCTU"), "25-KH/BTCTU");
    }
}
