//! What the documents stage hands to rendering, and what the build records
//! of it: below both, so neither depends on the other's insides.

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::text::Id;
use crate::vocab::Format;

/// One document to render.
#[derive(Debug, Clone)]
pub struct Job {
    /// Where it goes below the output folder, without `.pdf`:
    /// `2020/dang-ky/ca-nhan/ngo-van-khai`. Also its stable identity.
    pub key: String,
    /// Its kind's name in the table of kinds (`to-trinh`).
    pub kind: &'static str,
    /// The minijinja template it is made from (`to-trinh.typ.j2`).
    pub template: &'static str,
    /// The format, handed to the layout library once per document.
    pub format: Format,
    /// Its date: the PDF's timestamp and Typst's `today`.
    pub date: NaiveDate,
    /// What the template reads, from the kind's typed context.
    pub context: serde_json::Value,
    /// Every record the document read while it was drafted, recorded by the
    /// reader that handed them out (never listed by hand).
    pub deps: BTreeSet<Id>,
    /// What the register needs of a document the body issues in its own
    /// name; none for the others (a person's registration form).
    pub issuable: Option<Issuable>,
}

/// A document the body numbers and issues (a proposal, minutes).
#[derive(Debug, Clone)]
pub struct Issuable {
    /// The type's code in its symbol: `TTr`, `BB`.
    pub kind: String,
    /// Its number as its record gives it, if any.
    pub number: Option<u32>,
    /// Its number and symbol as the document shows them: `05-TTr/BTCTU`.
    pub shown: Option<String>,
    /// The body's abbreviation in the symbol.
    pub body: String,
    /// Its subject (*trích yếu*), as the register writes it.
    pub subject: String,
    pub signer: Option<String>,
    /// The signer's position, as the register keeps it ("Phó Trưởng ban").
    pub signer_title: Option<String>,
    pub recipients: Vec<String>,
    /// The record holding its number (and date), relative to the records
    /// folder.
    pub record: PathBuf,
    /// The key of that record holding the issue date, when the document
    /// has a date of its own (`ngay` of a proposal); none when its date is
    /// another fact's (the minutes': the meeting's day).
    pub date_key: Option<&'static str>,
}

/// The hash tdkt keeps of bytes (a PDF, a record's text): blake3, in hex.
pub fn hash_bytes(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

impl Job {
    /// The hash of what the document shows (its template, date and
    /// context), whatever tdkt version or layout renders it: what the
    /// register keeps of an issued document, and its PDF's provenance.
    pub fn content_hash(&self, context: &[u8]) -> String {
        let mut hasher = blake3::Hasher::new();
        hasher.update(self.template.as_bytes());
        hasher.update(self.date.to_string().as_bytes());
        hasher.update(context);
        hasher.finalize().to_hex().to_string()
    }
}
