//! What follows tdkt's own bytes in a PDF a signer has been at: the
//! revisions a token's software appends (PAdES signs by incremental update),
//! each signature in them — who, when, what it covers, whether it holds —
//! and whether any revision after tdkt's changed what a page shows.
//!
//! The PDF is read with `hayro-syntax` (already in the tree through Typst's
//! PDF images), the signatures with the RustCrypto CMS/X.509 crates
//! (`cms.rs`): no hand parser of either.

mod cms;

use std::path::Path;

use hayro_syntax::Pdf;
use hayro_syntax::object::{Array, Dict, Number, Object, String as PdfString};

pub use cms::{Crypto, Trust, load_roots};

/// Where the clerk puts the certificates a signer's chain must reach
/// (`.pem`, `.crt`, `.cer`, `.der`), below the register's folder.
pub const ROOTS_FOLDER: &str = "chung-thu-tin-cay";

/// One signature found in a PDF, judged.
pub struct Signature {
    /// The signer: the certificate subject's common name (or the whole
    /// subject when it has none).
    pub signer: String,
    /// The certificate's whole subject, as RFC 4514 writes it.
    pub subject: String,
    /// When it was signed, in Vietnam's time: the signed attribute, else the
    /// signature dictionary's `/M` (which the signer's software writes).
    pub time: Option<String>,
    /// Whether the signed bytes are all of the file up to its own revision,
    /// the place of the signature itself alone left out (so all of tdkt's
    /// revision, when `covered_end` is after it).
    pub contiguous: bool,
    /// The end of the bytes it signs: its revision.
    pub covered_end: usize,
    pub crypto: Crypto,
    pub trust: Trust,
}

/// What the pages show, page by page: a print of what is drawn (content,
/// resources, boxes) and the number of annotations laid on it.
#[derive(PartialEq, Eq, Clone, Debug)]
pub struct PagePrint {
    pub drawn: blake3::Hash,
    pub annotations: usize,
}

/// How a later revision differs from an earlier one, page by page.
#[derive(Debug, PartialEq, Eq)]
pub enum Change {
    None,
    /// Only annotations added or taken away (a signature's widget, a note).
    Annotations(usize),
    /// What pages show (numbered from 1), or how many there are, changed.
    Pages(Vec<usize>),
    Unreadable,
}

/// The pages of the PDF's bytes up to `end`, as printed.
pub fn page_prints(pdf: &[u8], end: usize) -> Option<Vec<PagePrint>> {
    let document = Pdf::new(pdf.get(..end)?.to_vec()).ok()?;
    Some(document.pages().iter().map(print_of).collect())
}

fn print_of(page: &hayro_syntax::page::Page<'_>) -> PagePrint {
    let mut hasher = blake3::Hasher::new();
    hasher.update(page.page_stream().unwrap_or_default());
    let raw = page.raw();
    for key in ["Resources", "MediaBox", "CropBox", "Rotate", "Group"] {
        hasher.update(key.as_bytes());
        if let Some(value) = raw.get::<Object<'_>>(key) {
            feed(&mut hasher, &value, 6);
        }
    }
    let annotations = raw
        .get::<Array<'_>>("Annots")
        .map_or(0, |a| a.raw_iter().count());
    PagePrint {
        drawn: hasher.finalize(),
        annotations,
    }
}

/// Hashes what an object holds, references followed to `depth`: two
/// revisions that draw a page alike print alike whatever their object
/// numbers.
fn feed(hasher: &mut blake3::Hasher, object: &Object<'_>, depth: u8) {
    match object {
        Object::Dict(dict) => feed_dict(hasher, dict, depth),
        Object::Stream(stream) => {
            feed_dict(hasher, stream.dict(), depth);
            hasher.update(&stream.raw_data());
        }
        Object::Array(array) if depth > 0 => {
            for item in array.iter::<Object<'_>>() {
                feed(hasher, &item, depth - 1);
            }
        }
        Object::Array(_) => {}
        Object::Name(name) => {
            hasher.update(name.as_str().as_bytes());
        }
        Object::String(text) => {
            hasher.update(text.as_bytes());
        }
        Object::Number(number) => {
            hasher.update(&number.as_f64().to_le_bytes());
        }
        Object::Boolean(value) => {
            hasher.update(&[u8::from(*value)]);
        }
        Object::Null(_) => {}
    }
}

fn feed_dict(hasher: &mut blake3::Hasher, dict: &Dict<'_>, depth: u8) {
    if depth == 0 {
        return;
    }
    for key in dict.keys() {
        hasher.update(key.as_str().as_bytes());
        if let Some(value) = dict.get::<Object<'_>>(key.as_str()) {
            feed(hasher, &value, depth - 1);
        }
    }
}

/// How `later` differs from `earlier`.
pub fn change(earlier: &[PagePrint], later: &[PagePrint]) -> Change {
    let mut pages: Vec<usize> = earlier
        .iter()
        .zip(later)
        .enumerate()
        .filter(|(_, (a, b))| a.drawn != b.drawn)
        .map(|(i, _)| i + 1)
        .collect();
    if earlier.len() != later.len() {
        pages.extend(earlier.len().min(later.len()) + 1..=earlier.len().max(later.len()));
    }
    if !pages.is_empty() {
        return Change::Pages(pages);
    }
    let added: usize = earlier
        .iter()
        .zip(later)
        .map(|(a, b)| a.annotations.abs_diff(b.annotations))
        .sum();
    if added == 0 {
        Change::None
    } else {
        Change::Annotations(added)
    }
}

/// Every signature of `pdf`, in the order they were made (by the end of
/// the bytes each signs), each judged against `roots`; None when the PDF
/// cannot be read at all.
pub fn signatures(pdf: &[u8], roots: &[x509_cert::Certificate]) -> Option<Vec<Signature>> {
    let document = Pdf::new(pdf.to_vec()).ok()?;
    let mut found: Vec<Signature> = document
        .objects()
        .into_iter()
        .filter_map(|object| match object {
            Object::Dict(dict) => Some(dict),
            _ => None,
        })
        .filter(|dict| dict.contains_key("ByteRange") && dict.contains_key("Contents"))
        .map(|dict| judge(pdf, &dict, roots))
        .collect();
    found.sort_by_key(|s| s.covered_end);
    Some(found)
}

fn judge(pdf: &[u8], dict: &Dict<'_>, roots: &[x509_cert::Certificate]) -> Signature {
    let range: Vec<i64> = dict
        .get::<Array<'_>>("ByteRange")
        .map(|a| a.iter::<Number>().map(|n| n.as_i64()).collect())
        .unwrap_or_default();
    let contents = dict
        .get::<PdfString<'_>>("Contents")
        .map(|s| s.as_bytes().to_vec())
        .unwrap_or_default();
    let pdf_time = dict
        .get::<PdfString<'_>>("M")
        .and_then(|s| pdf_date(s.as_bytes()));
    let pieces = signed_pieces(pdf, &range);
    let (contiguous, covered_end) = match range.as_slice() {
        [0, hole, after, length] => {
            // The hole must be the signature's own `<…>` and nothing more.
            let hole_ok = usize::try_from(*hole)
                .ok()
                .zip(usize::try_from(*after).ok())
                .is_some_and(|(h, a)| {
                    h < a
                        && pdf.get(h) == Some(&b'<')
                        && pdf.get(a - 1) == Some(&b'>')
                        && pdf[h + 1..a - 1].iter().all(u8::is_ascii_hexdigit)
                });
            (hole_ok && pieces.is_some(), (after + length) as usize)
        }
        _ => (false, 0),
    };
    let judged = cms::judge(&contents, pieces.as_deref().unwrap_or_default(), roots);
    Signature {
        signer: judged.signer,
        subject: judged.subject,
        time: judged.time.or(pdf_time),
        contiguous,
        covered_end,
        crypto: if pieces.is_some() {
            judged.crypto
        } else {
            Crypto::Invalid("vùng byte được ký (/ByteRange) nằm ngoài tệp".into())
        },
        trust: judged.trust,
    }
}

/// The bytes a `/ByteRange` names, when every piece lies inside the file.
fn signed_pieces<'a>(pdf: &'a [u8], range: &[i64]) -> Option<Vec<&'a [u8]>> {
    if !range.len().is_multiple_of(2) || range.is_empty() {
        return None;
    }
    range
        .chunks(2)
        .map(|pair| {
            let start = usize::try_from(pair[0]).ok()?;
            let length = usize::try_from(pair[1]).ok()?;
            pdf.get(start..start.checked_add(length)?)
        })
        .collect()
}

/// A PDF date (`D:20261208010203+07'00'`) in Vietnam's time, as `verify`
/// says times.
fn pdf_date(raw: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(raw).ok()?;
    let digits = text.strip_prefix("D:").unwrap_or(text);
    let number = |from: usize, to: usize| digits.get(from..to)?.parse::<u32>().ok();
    let date = chrono::NaiveDate::from_ymd_opt(number(0, 4)? as i32, number(4, 6)?, number(6, 8)?)?;
    let time = date.and_hms_opt(
        number(8, 10).unwrap_or(0),
        number(10, 12).unwrap_or(0),
        number(12, 14).unwrap_or(0),
    )?;
    let zone = digits.get(14..).unwrap_or("Z");
    let offset_seconds = match zone.as_bytes().first() {
        Some(sign @ (b'+' | b'-')) => {
            let hours: i32 = zone.get(1..3)?.parse().ok()?;
            let minutes: i32 = zone.get(4..6).and_then(|m| m.parse().ok()).unwrap_or(0);
            let seconds = hours * 3600 + minutes * 60;
            if *sign == b'-' { -seconds } else { seconds }
        }
        _ => 0,
    };
    let utc = time - chrono::Duration::seconds(i64::from(offset_seconds));
    Some(cms::vietnam_time(utc.and_utc().timestamp()))
}

/// The roots configured for a records folder (see [`ROOTS_FOLDER`]) and
/// what is wrong with any file there.
pub fn roots_of(records: &Path) -> (Vec<x509_cert::Certificate>, Vec<String>) {
    load_roots(
        &records
            .join(crate::load::REGISTER_FOLDER)
            .join(ROOTS_FOLDER),
    )
}
