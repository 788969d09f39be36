//! `tdkt import`: a staff or registration spreadsheet into records, or a
//! template book to fill in.

use std::process::ExitCode;

use tdkt::paperwork::import;

use super::emit;
use crate::cli::ImportArgs;

pub fn run(args: ImportArgs) -> ExitCode {
    let ImportArgs {
        file,
        template,
        registration_template,
        update,
        plan,
        folders,
    } = args;
    let (records, _) = folders.resolve();
    let wrote = match (&template, &registration_template) {
        (Some(path), _) => Some((
            import::write_template(path),
            path,
            "\"Cá nhân\" (và \"Tập thể\" cho các phòng mới)",
        )),
        (None, Some(path)) => Some((
            import::write_registration_template(&records, plan.as_deref(), path),
            path,
            "cột danh hiệu, ngày, cam kết của ai đăng ký ở trang \"Đăng ký\"",
        )),
        (None, None) => None,
    };
    if let Some((result, path, what)) = wrote {
        return match result {
            Ok(()) => {
                emit(&format!(
                    "Đã ghi bảng tính mẫu: {}\nĐiền {what}, rồi: tdkt import {}\n",
                    path.display(),
                    path.display()
                ));
                ExitCode::SUCCESS
            }
            Err(why) => {
                eprintln!("Lỗi: {why}");
                ExitCode::from(1)
            }
        };
    }
    let Some(file) = file else {
        eprintln!("Lỗi: hãy cho tệp bảng tính");
        return ExitCode::from(2);
    };
    match import::import(&records, &file, plan.as_deref(), update) {
        Ok(outcome) => {
            emit(&said(&outcome));
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for problem in &problems {
                eprintln!("Lỗi: {problem}");
            }
            eprintln!(
                "Không ghi gì: {} lỗi trong bảng tính; sửa rồi chạy lại.",
                problems.len()
            );
            ExitCode::from(1)
        }
    }
}

fn said(outcome: &import::Outcome) -> String {
    let mut said = String::new();
    for note in &outcome.notes {
        said.push_str(&format!("Lưu ý: {note}\n"));
    }
    for file in &outcome.written {
        said.push_str(&format!("Đã ghi {}\n", file.display()));
    }
    if !outcome.changes.is_empty() {
        said.push_str(if outcome.applied {
            "Đã sửa theo bảng tính:\n"
        } else {
            "Khác bản ghi đã có (chưa ghi; chạy lại với --cap-nhat để ghi):\n"
        });
        for change in &outcome.changes {
            said.push_str(&format!("  {change}\n"));
        }
    }
    said.push_str(&format!(
        "{} bản ghi mới, {} đăng ký mới, {} dòng giống bản ghi đã có.\n",
        outcome.created, outcome.registered, outcome.unchanged
    ));
    if !outcome.written.is_empty() {
        said.push_str("Hãy chạy tdkt check, rồi lưu vào git (git add records && git commit).\n");
    }
    said
}
