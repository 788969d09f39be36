//! What the documents stage hands to rendering, and what the build records
//! of it: below both, so neither depends on the other's insides.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::text::Id;
use crate::vocab::Format;

/// One document to render.
#[derive(Debug, Clone)]
pub struct Job {
    /// Where it goes below the output folder, without `.pdf`:
    /// `2020/dang-ky/ca-nhan/ngo-van-khai`. Also its stable identity.
    pub key: String,
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
}
