//! `tdkt init`: a new body's repository.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use tdkt::paperwork::{init, new_record};

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
    if let Some(why) = init::refused_in(&dir) {
        eprintln!("Không lập được kho bản ghi:\n  - {why}");
        return ExitCode::from(1);
    }
    let year = year.unwrap_or_else(|| chrono::Datelike::year(&today()));
    let answers = asked(given);
    // A name whose gender tdkt cannot guess is asked about, not refused,
    // when someone is at the keyboard.
    let gender = gender.map(NewGender::gender).or_else(|| {
        let head = answers[6].as_str();
        if head.is_empty() || new_record::gender_from(head).is_some() {
            return None;
        }
        ask_gender(head)
    });
    let answers = init::Answers::from(answers, year, gender);
    match answers.and_then(|a| init::init(&dir, &a)) {
        Ok(files) => {
            let mut text = String::new();
            for file in files {
                text.push_str(&format!("Đã ghi {}.\n", dir.join(file).display()));
            }
            text.push_str(&with_git(&dir));
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

/// Records are kept in git: a folder in no repository gets one (`git
/// init`) when git is installed. The first commit is the clerk's to make:
/// tdkt says how, and commits nothing itself.
fn with_git(dir: &Path) -> String {
    let inside = dir
        .canonicalize()
        .is_ok_and(|d| d.ancestors().any(|a| a.join(".git").exists()));
    if inside {
        return String::new();
    }
    match Command::new("git").arg("init").arg("-q").arg(dir).output() {
        Ok(out) if out.status.success() => {
            "Đã lập kho git (git init). Lưu lần đầu: git add . && git commit -m \"Khởi tạo kho bản ghi\"\n"
                .to_owned()
        }
        _ => "Máy chưa có git (hay git không chạy được): hãy cài git để giữ lịch sử bản ghi, rồi chạy git init ở thư mục này.\n"
            .to_owned(),
    }
}

/// The gender of `head`, asked at the keyboard; none without one, or when
/// the answer is neither.
fn ask_gender(head: &str) -> Option<tdkt::vocab::Gender> {
    use std::io::{BufRead, IsTerminal, Write};
    if !std::io::stdin().is_terminal() {
        return None;
    }
    eprint!("Giới tính của {head} (nam hoặc nu): ");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    let _ = std::io::stdin().lock().read_line(&mut line);
    match line.trim().to_lowercase().as_str() {
        "nam" => Some(tdkt::vocab::Gender::Male),
        "nu" | "nữ" => Some(tdkt::vocab::Gender::Female),
        _ => None,
    }
}
