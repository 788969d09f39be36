//! `tdkt check`: every plan and the register checked, for a clerk or as JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use tdkt::{load, report};

use super::emit;
use crate::cli::{self, TextOrJson};

pub fn run(
    records: Option<PathBuf>,
    plan: Option<String>,
    format: TextOrJson,
    verbose: bool,
) -> ExitCode {
    let records = cli::records_folder(records);
    // An issue a killed run left is finished or undone first: the
    // records are read as they then are.
    let recovered = tdkt::journal::recover(&records);
    let repository = load::repository(&records, plan.as_deref());
    let mut findings = report::Findings::of(&repository);
    findings.recovered(recovered);
    match format {
        TextOrJson::Text => emit(&findings.text(verbose)),
        TextOrJson::Json => emit(&format!("{}\n", findings.json())),
    }
    ExitCode::from(if findings.valid() { 0 } else { 1 })
}
