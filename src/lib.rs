//! tdkt: the paperwork of emulation and commendation (thi đua – khen thưởng),
//! from YAML records to documents ready to sign.
//!
//! The pipeline runs one way, one module per stage: [`load`] reads records,
//! [`check`] applies the rules, [`documents`] decides which documents exist,
//! [`render`] turns each into a PDF and [`build`] does it all and writes the
//! files; [`paperwork`] issues, lists and verifies documents. Below them: the records' types ([`records`], [`text`], [`vocab`]),
//! how Vietnamese paperwork writes things ([`words`], [`amount`], [`format`]), and what
//! passes between stages ([`job`], [`problem`], [`error`]).
//! `docs/architecture.md` says where each kind of change is made.

pub mod amount;
pub mod build;
pub mod check;
pub mod documents;
pub mod encoding;
pub mod error;
pub mod files;
pub mod fonts;
pub mod format;
pub mod job;
pub mod journal;
pub mod load;
pub mod locate;
pub mod manifest;
pub mod paperwork;
pub mod problem;
pub mod read;
pub mod records;
pub mod render;
pub mod report;
pub mod ruleset;
pub mod schema;
pub mod sheets;
pub mod text;
pub mod vocab;
pub mod words;
