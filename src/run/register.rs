//! `tdkt register [NĂM]`: the year's register book as a PDF, or its
//! entries with the fields of Phụ lục VI.

use std::path::Path;
use std::process::ExitCode;

use tdkt::paperwork::{register_book, verify};

use super::emit;
use crate::cli::{Folders, TextOrJson};

pub fn run(year: Option<i32>, folders: Folders, format: TextOrJson) -> ExitCode {
    let (records, out) = folders.resolve();
    let done = match format {
        TextOrJson::Json => register_book::exchanged(&records, year).map(|entries| {
            format!(
                "{}\n",
                serde_json::to_string_pretty(&entries).unwrap_or_default()
            )
        }),
        TextOrJson::Text => register_book::book(&records, year).and_then(|printed| {
            let said = write_book(&out.join(&printed.pdf_file), &printed.pdf)?;
            let sheet = out.join(&printed.sheet_file);
            Ok(said + &write_sheet(&sheet, &printed.sheet, &printed.key)?)
        }),
    };
    match done {
        Ok(said) => {
            emit(&said);
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("Lỗi: {why}");
            ExitCode::from(1)
        }
    }
}

/// Whether tdkt may write at `path`: nothing is there, or a file `ours`
/// says tdkt printed (never a link, a folder or an oversized file).
fn free_or_ours(path: &Path, ours: impl Fn(&[u8]) -> bool) -> bool {
    use tdkt::read::{MAX_PDF_BYTES, Unreadable, read_bounded};
    match read_bounded(path, MAX_PDF_BYTES) {
        Ok(before) => ours(&before),
        Err(Unreadable::TooLarge { .. } | Unreadable::Link | Unreadable::NotAFile(_)) => false,
        Err(_) => true,
    }
}

/// Writes the book over an earlier book tdkt wrote, never over another file.
fn write_book(path: &Path, pdf: &[u8]) -> Result<String, String> {
    let book = verify::provenance(pdf);
    if !free_or_ours(path, |before| {
        verify::provenance(before).get("van_ban") == book.get("van_ban")
    }) {
        return Err(refused(path));
    }
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)
            .map_err(|e| format!("{}: {}", folder.display(), tdkt::read::io_words(&e)))?;
    }
    tdkt::files::write_atomically(path, pdf).map_err(|e| e.to_string())?;
    Ok(format!("Đã in sổ đăng ký văn bản đi: {}\n", path.display()))
}

/// Writes the book's spreadsheet over one tdkt wrote, never over another
/// file; the PDF is written either way.
fn write_sheet(path: &Path, bytes: &[u8], key: &str) -> Result<String, String> {
    if !free_or_ours(path, |before| tdkt::sheets::is_ours(before, key)) {
        return Ok(format!("Lưu ý: {}\n", refused(path)));
    }
    tdkt::files::write_atomically(path, bytes).map_err(|e| e.to_string())?;
    Ok(format!("Đã ghi bảng tính của sổ: {}\n", path.display()))
}

fn refused(path: &Path) -> String {
    format!(
        "đã có tệp {} không phải sổ do tdkt in; tdkt không ghi đè — hãy đổi tên hay chuyển tệp \
         ấy rồi chạy lại",
        path.display()
    )
}
