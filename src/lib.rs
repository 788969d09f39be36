//! tdkt: the paperwork of emulation and commendation (thi đua – khen thưởng),
//! from YAML records to documents ready to sign.
//!
//! The pipeline runs one way, one module per stage: [`load`] reads records,
//! [`check`] applies the plan's rules, and later stages plan and render the
//! documents.

pub mod build;
pub mod check;
pub mod files;
pub mod load;
pub mod locate;
pub mod manifest;
pub mod plan;
pub mod problem;
pub mod records;
pub mod render;
pub mod report;
pub mod ruleset;
pub mod text;
pub mod vocab;
