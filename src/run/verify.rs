//! `tdkt verify`: where a PDF comes from.

use std::path::PathBuf;
use std::process::ExitCode;

use tdkt::paperwork::verify;

use super::emit;
use crate::cli::Folders;

pub fn run(file: PathBuf, keep: bool, folders: Folders) -> ExitCode {
    let (records, _) = folders.resolve();
    let verdict = verify::verify(&records, &file);
    emit(&format!("{}\n", verdict.text));
    if !keep {
        return ExitCode::from(verdict.code);
    }
    let kept = match &verdict.signed_copy {
        Some(copy) => verify::keep_signed(&records, copy),
        None => Err(
            "không lưu: --luu chỉ lưu văn bản đã ban hành có chữ ký số hợp lệ phủ \
                     toàn bộ bản đã ban hành"
                .to_owned(),
        ),
    };
    match kept {
        Ok(said) => {
            emit(&format!("{said}\n"));
            ExitCode::from(verdict.code)
        }
        Err(why) => {
            eprintln!("Lỗi: {why}");
            ExitCode::from(verdict.code.max(1))
        }
    }
}
