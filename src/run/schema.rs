//! `tdkt schema`: the records' JSON Schema for editors.

use std::path::PathBuf;
use std::process::ExitCode;

use super::emit;
use crate::cli::{self};

pub fn run(dir: Option<PathBuf>) -> ExitCode {
    let dir = cli::schema_folder(dir);
    match tdkt::schema::write(&dir) {
        Ok(files) => {
            let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            emit(&format!("Đã ghi {}.\n", names.join(", ")));
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("Không ghi được lược đồ: {why}");
            ExitCode::from(1)
        }
    }
}
