//! What the register of issued documents must hold: one document a number
//! in its series, one number a document, and each issued PDF archived.

use std::collections::BTreeMap;
use std::path::Path;

use crate::problem::Problem;
use crate::records::{NumberSeries, Register};

/// The register's problems, and what the clerk should know (issued
/// documents with no signed scan yet). `exists` says whether a file,
/// relative to the records folder, is there.
pub fn check(register: &Register, exists: impl Fn(&Path) -> bool) -> (Vec<Problem>, Vec<String>) {
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let mut numbers: BTreeMap<(NumberSeries, u32), Vec<&Path>> = BTreeMap::new();
    let mut documents: BTreeMap<&str, Vec<&Path>> = BTreeMap::new();
    for (file, entry) in &register.entries {
        numbers
            .entry((register.series_of(entry), entry.so))
            .or_default()
            .push(file);
        documents.entry(&entry.van_ban).or_default().push(file);
        if !exists(&entry.ban_luu) {
            problems.push(Problem::new(
                file,
                "ban_luu",
                format!(
                    "không có bản lưu {} của văn bản đã ban hành số {}; hãy lấy lại tệp từ git \
                     (git checkout -- {}) — bản đã ban hành không lập lại được",
                    entry.ban_luu.display(),
                    entry.so_ky_hieu,
                    entry.ban_luu.display()
                ),
            ));
        } else if !exists(&crate::load::scan_of(&entry.ban_luu)) {
            notes.push(format!(
                "{} (số {}) chưa có bản ký đã quét; khi có, hãy lưu ở {}",
                entry.van_ban,
                entry.so_ky_hieu,
                crate::load::scan_of(&entry.ban_luu).display()
            ));
        }
    }
    let names = |files: &[&Path]| {
        files
            .iter()
            .map(|f| f.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (((year, kind, body), n), files) in numbers.iter().filter(|(_, f)| f.len() > 1) {
        let series = if kind.is_empty() {
            format!("của {body} năm {year}")
        } else {
            format!("loại {kind} của {body} năm {year}")
        };
        for file in files {
            problems.push(Problem::new(
                file,
                "so",
                format!(
                    "số {n} ({series}) đã cấp cho {} văn bản: {}; mỗi số chỉ cấp một lần — \
                     hãy giữ mục của văn bản đã gửi đi, văn bản kia ban hành lại với số mới \
                     (tdkt issue), rồi xóa mục sai",
                    files.len(),
                    names(files)
                ),
            ));
        }
    }
    for (name, files) in documents.iter().filter(|(_, f)| f.len() > 1) {
        for file in files {
            problems.push(Problem::new(
                file,
                "van_ban",
                format!(
                    "văn bản {name} được ghi ban hành {} lần: {}; một văn bản chỉ có một số — \
                     hãy giữ mục đã gửi đi và xóa mục kia",
                    files.len(),
                    names(files)
                ),
            ));
        }
    }
    (problems, notes)
}
