//! `tdkt init`: a new body's repository.

use std::path::PathBuf;
use std::process::ExitCode;

use tdkt::paperwork::init;

use super::{asked, emit, today};
use crate::cli::{InitAnswers, NewGender};

pub fn run(
    dir: Option<PathBuf>,
    answers: InitAnswers,
    gender: Option<NewGender>,
    year: Option<i32>,
) -> ExitCode {
    let given = answers.given();
    let dir = dir.unwrap_or_else(|| std::path::PathBuf::from("."));
    let year = year.unwrap_or_else(|| chrono::Datelike::year(&today()));
    let answers = init::Answers::from(asked(given), year, gender.map(NewGender::gender));
    match answers.and_then(|a| init::init(&dir, &a)) {
        Ok(files) => {
            let mut text = String::new();
            for file in files {
                text.push_str(&format!("Đã ghi {}.\n", dir.join(file).display()));
            }
            text.push_str(
                "Tiếp theo: tdkt new tap-the, tdkt new ca-nhan, rồi tdkt check và tdkt build.\n",
            );
            emit(&text);
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("Không lập được kho bản ghi:\n  - {why}");
            ExitCode::from(1)
        }
    }
}
