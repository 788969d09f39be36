//! What the register of issued documents must hold: one document a number
//! in its series, one number a document, and each issued PDF archived.

use std::collections::BTreeMap;
use std::path::Path;

use crate::job::Job;
use crate::problem::Problem;
use crate::records::{Records, Register};

/// The register's problems, and what the clerk should know (issued
/// documents with no signed scan yet). `exists` says whether a file,
/// relative to the records folder, is there.
pub fn check(register: &Register, exists: impl Fn(&Path) -> bool) -> (Vec<Problem>, Vec<String>) {
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let mut numbers: BTreeMap<((i32, String), u32), Vec<&Path>> = BTreeMap::new();
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
    for (((year, kind), n), files) in numbers.iter().filter(|(_, f)| f.len() > 1) {
        let series = if kind.is_empty() {
            format!("năm {year}")
        } else {
            format!("loại {kind} năm {year}")
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

/// The issued documents of plan `plan` that its records would now make read
/// differently, or no longer make: each is said with its number and what
/// changed, and the way forward — a new document, never a re-render. When
/// no record it was made from changed and none was added, only tdkt writes
/// it otherwise now: a note, the issued document stands as it is.
pub fn frozen(
    register: &Register,
    plan: &str,
    jobs: &[Job],
    records: &Records,
) -> (Vec<Problem>, Vec<String>) {
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    for (file, entry) in register.issued_in(plan) {
        let issued = format!(
            "văn bản đã ban hành số {} ngày {} ({})",
            entry.so_ky_hieu,
            entry.ngay.0.format("%d/%m/%Y"),
            entry.van_ban
        );
        let Some(job) = jobs.iter().find(|j| j.key == entry.van_ban) else {
            problems.push(Problem::new(
                file,
                "van_ban",
                format!(
                    "{issued} không còn trong bản ghi; bản đã ban hành vẫn giữ ở {}. Hãy trả lại \
                     bản ghi của nó (git), hoặc nếu văn bản bị hủy, hãy ban hành văn bản mới về \
                     việc đó",
                    entry.ban_luu.display()
                ),
            ));
            continue;
        };
        let context = serde_json::to_vec(&job.context).unwrap_or_default();
        if job.content_hash(&context) == entry.bam_noi_dung {
            continue;
        }
        let now = records.hashes_of(&job.deps);
        let mut changed: Vec<String> = entry
            .nguon
            .iter()
            .filter(|(path, hash)| now.get(*path) != Some(*hash))
            .map(|(path, _)| format!("đã sửa hoặc bỏ {}", path.display()))
            .collect();
        changed.extend(
            now.keys()
                .filter(|path| !entry.nguon.contains_key(*path))
                .map(|path| format!("thêm {}", path.display())),
        );
        if changed.is_empty() {
            notes.push(format!(
                "{issued}: bản ghi không đổi, nhưng tdkt {} nay viết văn bản này khác với tdkt {} \
                 đã ban hành; bản đã ban hành ở {} vẫn là bản có giá trị, không cần làm gì",
                env!("CARGO_PKG_VERSION"),
                entry.tdkt,
                entry.ban_luu.display()
            ));
            continue;
        }
        problems.push(Problem::new(
            file,
            "bam_noi_dung",
            format!(
                "{issued} nay sẽ khác nếu lập lại: {}. Bản đã ban hành giữ nguyên ở {}, không \
                 lập lại. Nếu sửa nhầm, hãy trả bản ghi về như cũ (git); nếu văn bản đã gửi cần \
                 sửa, hãy ban hành văn bản mới (đính chính hoặc thay thế)",
                changed.join(", "),
                entry.ban_luu.display()
            ),
        ));
    }
    (problems, notes)
}
