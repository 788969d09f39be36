//! `tdkt open`: a document made if needed, then opened.

use std::process::ExitCode;

use tdkt::paperwork::open;
use tdkt::{build, report};

use crate::cli::Folders;

pub fn run(document: String, folders: Folders) -> ExitCode {
    let (records, out) = folders.resolve();
    let options = build::Options {
        only: vec![document],
        ..build::Options::new(records, out)
    };
    let summary = build::build(&options);
    // What kept the document from being made now is said first:
    // a PDF opened after that is an earlier one.
    if !summary.ok() {
        eprint!("{}", report::build_summary(&summary, &options.out, false));
    }
    if summary.asked.is_empty() {
        eprintln!("Không có văn bản nào để mở.");
        return ExitCode::from(1);
    }
    if summary.asked.len() > open::AT_MOST {
        eprintln!(
            "\"{}\" là {} văn bản; hãy mở từng văn bản (tdkt open TÊN):",
            options.only.join(" "),
            summary.asked.len()
        );
        for pdf in &summary.asked {
            eprintln!("  {}", pdf.display());
        }
        return ExitCode::from(1);
    }
    let mut opened = ExitCode::SUCCESS;
    for pdf in &summary.asked {
        if let Err(why) = open::open(pdf) {
            eprintln!("{why}");
            opened = ExitCode::from(1);
        }
    }
    opened
}
