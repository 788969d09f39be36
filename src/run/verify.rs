//! `tdkt verify`: where a PDF comes from.

use std::path::PathBuf;
use std::process::ExitCode;

use tdkt::paperwork::verify;

use super::emit;
use crate::cli::Folders;

pub fn run(file: PathBuf, folders: Folders) -> ExitCode {
    let (records, _) = folders.resolve();
    let verdict = verify::verify(&records, &file);
    emit(&format!("{}\n", verdict.text));
    ExitCode::from(verdict.code)
}
