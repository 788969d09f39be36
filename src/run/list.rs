//! `tdkt list`: every document and its state.

use std::process::ExitCode;

use tdkt::paperwork::list;

use super::emit;
use crate::cli::{Folders, TextOrJson};

pub fn run(folders: Folders, plan: Option<String>, format: TextOrJson) -> ExitCode {
    let (records, _) = folders.resolve();
    match tdkt::journal::recover(&records) {
        Ok(None) => {}
        Ok(Some(note)) => eprintln!("Lưu ý: {note}"),
        Err(why) => eprintln!("Lỗi: {why}"),
    }
    let (listed, problems) = list::list(&records, plan.as_deref());
    match format {
        TextOrJson::Text => emit(&list::text(&listed)),
        TextOrJson::Json => emit(&format!(
            "{}\n",
            serde_json::to_string_pretty(&listed).unwrap_or_default()
        )),
    }
    for p in &problems {
        eprintln!("Lỗi: {p}");
    }
    ExitCode::from(if problems.is_empty() { 0 } else { 1 })
}
