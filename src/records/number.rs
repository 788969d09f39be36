//! A document's number as a clerk writes it in a record: `5`, `05`, or the
//! number with its symbol in either format's form — Party `05-TTr/BTCTU`
//! (Hướng dẫn 36-HD/VPTW), State `05/TTr-SNV` (Nghị định 30/2020, Điều 15),
//! a leading "Số" or "Số:" allowed. Whether the symbol fits the document it
//! numbers (its type, the body, the format) is checked when records are
//! resolved, where the document is known.

use serde::{Deserialize, Deserializer, de};

use crate::vocab::Format;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocNumber {
    pub n: u32,
    /// The symbol as written: its format, the document type ("TTr") and the
    /// body ("BTCTU"); none when only the number was written.
    pub symbol: Option<Symbol>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    pub format: Format,
    pub kind: String,
    pub body: String,
}

fn bad(raw: &str) -> String {
    format!(
        "số văn bản \"{raw}\" không đọc được; hãy ghi số (ví dụ 5 hoặc 05), hoặc số và ký hiệu \
         (ví dụ 05-TTr/BTCTU theo thể thức Đảng, 05/TTr-SNV theo thể thức nhà nước)"
    )
}

fn number(digits: &str) -> Option<u32> {
    let ok = !digits.is_empty() && digits.len() <= 6 && digits.chars().all(|c| c.is_ascii_digit());
    ok.then(|| digits.parse().ok()).flatten().filter(|&n| n > 0)
}

/// Parses a number as written (see the module's doc).
pub fn parse(raw: &str) -> Result<DocNumber, String> {
    let text = raw.trim();
    let text = text
        .strip_prefix("Số:")
        .or_else(|| text.strip_prefix("Số"))
        .unwrap_or(text)
        .trim();
    if let Some(n) = number(text) {
        return Ok(DocNumber { n, symbol: None });
    }
    let plain = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
    };
    // Party: NN-KIND/BODY; State: NN/KIND-BODY. The body may hold a hyphen
    // in the Party form ("BTC-TU"), the kind never does.
    let party = text.split_once('-').and_then(|(n, rest)| {
        let (kind, body) = rest.split_once('/')?;
        Some((number(n)?, kind, body))
    });
    let state = text.split_once('/').and_then(|(n, rest)| {
        let (kind, body) = rest.split_once('-')?;
        Some((number(n)?, kind, body))
    });
    let (format, (n, kind, body)) = match (party, state) {
        (Some(p), _) => (Format::Party, p),
        (None, Some(s)) => (Format::State, s),
        (None, None) => return Err(bad(raw)),
    };
    if !plain(kind) || kind.contains('-') || !plain(body) {
        return Err(bad(raw));
    }
    Ok(DocNumber {
        n,
        symbol: Some(Symbol {
            format,
            kind: kind.to_owned(),
            body: body.to_owned(),
        }),
    })
}

impl<'de> Deserialize<'de> for DocNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(u64),
            Text(String),
        }
        let unreadable = || {
            de::Error::custom(
                "số văn bản phải là một số (ví dụ 5 hoặc 05), hoặc số và ký hiệu \
                 (ví dụ 05-TTr/BTCTU theo thể thức Đảng, 05/TTr-SNV theo thể thức nhà nước)",
            )
        };
        match Raw::deserialize(d).map_err(|_| unreadable())? {
            Raw::Number(n) => u32::try_from(n)
                .ok()
                .filter(|&n| n > 0)
                .map(|n| DocNumber { n, symbol: None })
                .ok_or_else(|| de::Error::custom(bad(&n.to_string()))),
            Raw::Text(text) => parse(&text).map_err(de::Error::custom),
        }
    }
}

impl DocNumber {
    /// Why the symbol written does not fit a document of type `kind`,
    /// issued by `body`, in `format`; none when it fits or none was written.
    pub fn mismatch(&self, format: Format, kind: &str, body: &str) -> Option<String> {
        let symbol = self.symbol.as_ref()?;
        let fits = symbol.format == format && symbol.kind == kind && symbol.body == body;
        (!fits).then(|| {
            format!(
                "ký hiệu \"{}\" không khớp văn bản này: theo {} văn bản này mang ký hiệu \"{}\"; \
                 hãy ghi {} hoặc chỉ ghi số {}",
                symbol.format.symbol(&symbol.kind, &symbol.body),
                format.label(),
                format.number(Some(self.n), kind, body),
                format.number(Some(self.n), kind, body),
                self.n
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_clerks_write_them() {
        assert_eq!(parse("5"), Ok(DocNumber { n: 5, symbol: None }));
        assert_eq!(parse("05").map(|d| d.n), Ok(5));
        assert_eq!(parse("Số 05").map(|d| d.n), Ok(5));
        let party = parse("05-TTr/BTCTU").expect("party");
        assert_eq!(
            party.symbol,
            Some(Symbol {
                format: Format::Party,
                kind: "TTr".into(),
                body: "BTCTU".into()
            })
        );
        let state = parse("Số: 05/BB-SNV").expect("state");
        assert_eq!(
            (state.n, state.symbol.map(|s| s.format)),
            (5, Some(Format::State))
        );
        for wrong in [
            "",
            "năm",
            "0",
            "05-",
            "05/TTr",
            "-TTr/BTCTU",
            "05 TTr BTCTU",
            "1234567",
        ] {
            assert!(parse(wrong).is_err(), "{wrong:?}");
        }
    }

    #[test]
    fn a_symbol_must_fit_its_document() {
        let n = parse("05/BB-SNV").expect("state");
        assert_eq!(n.mismatch(Format::State, "BB", "SNV"), None);
        let why = n.mismatch(Format::Party, "TTr", "BTCTU").expect("mismatch");
        assert!(why.contains("\"05-TTr/BTCTU\""), "{why}");
        assert_eq!(
            parse("7")
                .expect("plain")
                .mismatch(Format::Party, "BB", "X"),
            None
        );
    }
}
