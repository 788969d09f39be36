//! `tdkt issue`: a document numbered, archived and registered.

use std::process::ExitCode;

use tdkt::paperwork::issue;

use super::emit;
use crate::cli::Folders;

pub fn run(
    document: String,
    folders: Folders,
    number: Option<u32>,
    date: Option<chrono::NaiveDate>,
) -> ExitCode {
    let (records, _) = folders.resolve();
    let options = issue::Options {
        records: records.clone(),
        document,
        number,
        date,
    };
    match issue::issue(&options) {
        Ok(done) => {
            if let Some(note) = &done.recovered {
                emit(&format!("{note}.\n"));
            }
            let files: Vec<String> = done
                .written
                .iter()
                .map(|f| records.join(f).display().to_string())
                .collect();
            emit(&format!(
                "Đã ban hành {} số {} ngày {}.\nĐã ghi:\n{}\nHãy lưu vào git:\n  git add {}\n  git commit -m \"Ban hành {} số {}\"\nKhi có bản ký đã quét, lưu cạnh bản lưu, tên đuôi .ban-ky.pdf.\n",
                done.document,
                done.number,
                done.date.format("%d/%m/%Y"),
                files
                    .iter()
                    .map(|f| format!("  {f}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
                files.join(" "),
                done.document,
                done.number
            ));
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("Không ban hành được: {why}");
            ExitCode::from(1)
        }
    }
}
