//! What the register of issued documents must hold: one document a number
//! in its series, one number a document, and each issued PDF archived.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::job::hash_bytes;
use crate::load::{Archive, Archived};
use crate::problem::Problem;
use crate::records::{Entry, NumberSeries, Register};

/// The register's problems, and what the clerk should know (issued
/// documents with no signed scan yet), against the archive on disk and the
/// plans of the records folder.
pub fn check(
    register: &Register,
    archive: &Archive,
    plans: &[String],
) -> (Vec<Problem>, Vec<String>) {
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let mut numbers: BTreeMap<(NumberSeries, u32), Vec<&Path>> = BTreeMap::new();
    let mut documents: BTreeMap<&str, Vec<&Path>> = BTreeMap::new();
    let mut unscanned = 0;
    let mut unsigned = 0;
    for (file, entry) in &register.entries {
        numbers
            .entry((register.series_of(entry), entry.so))
            .or_default()
            .push(file);
        documents.entry(&entry.van_ban).or_default().push(file);
        let plan = entry.van_ban.split('/').next().unwrap_or_default();
        // A single plan whose plan file did not read has no name to match.
        let known = plans.iter().any(|p| p == plan || p.is_empty());
        if !known {
            problems.push(Problem::new(
                file,
                "van_ban",
                format!(
                    "văn bản {} đã ban hành số {} thuộc kế hoạch \"{plan}\", nhưng thư mục bản ghi \
                     không có kế hoạch đó; hãy trả lại thư mục kế hoạch (git) — văn bản đã ban hành \
                     không bỏ được",
                    entry.van_ban, entry.so_ky_hieu
                ),
            ));
        }
        let restore = format!(
            "hãy lấy lại tệp từ git (git checkout -- {}) — bản đã ban hành không lập lại được",
            entry.ban_luu.display()
        );
        match archive.archived(&entry.ban_luu) {
            Archived::Missing => problems.push(Problem::new(
                file,
                "ban_luu",
                format!(
                    "không có bản lưu {} của văn bản đã ban hành số {}; {restore}",
                    entry.ban_luu.display(),
                    entry.so_ky_hieu,
                ),
            )),
            Archived::Refused(why) => problems.push(Problem::new(
                file,
                "ban_luu",
                format!(
                    "bản lưu {} của văn bản đã ban hành số {} không đọc được: {why}; {restore}",
                    entry.ban_luu.display(),
                    entry.so_ky_hieu,
                ),
            )),
            Archived::Hash(hash) if hash != entry.bam_tep => problems.push(Problem::new(
                file,
                "ban_luu",
                format!(
                    "bản lưu {} không còn là văn bản đã ban hành số {} (nội dung tệp khác mã băm \
                     trong sổ: đã bị sửa, chép đè hay thay bằng bản khác); tdkt không dùng tệp này. \
                     {restore}",
                    entry.ban_luu.display(),
                    entry.so_ky_hieu,
                ),
            )),
            Archived::Hash(_) if !kept_problems(file, entry, archive, &mut problems) => {}
            Archived::Hash(_) => match archive.signed_copy_holds(&entry.ban_luu, &entry.bam_tep) {
                Some(true) => {}
                Some(false) => problems.push(Problem::new(
                    file,
                    "ban_luu",
                    format!(
                        "bản ký số {} không phải văn bản đã ban hành số {} có thêm chữ ký (phần \
                         đầu của nó khác bản lưu); tdkt verify {} nói rõ — hãy lấy lại bản đúng \
                         từ git, hay bỏ nó rồi lưu lại bản ký bằng tdkt verify TỆP --luu",
                        crate::load::signed_of(&entry.ban_luu).display(),
                        entry.so_ky_hieu,
                        crate::load::signed_of(&entry.ban_luu).display(),
                    ),
                )),
                None if register.settings.ky_so => unsigned += 1,
                None if !archive.has(&crate::load::scan_of(&entry.ban_luu)) => unscanned += 1,
                None => {}
            },
        }
    }
    // Said once, as a count: a reminder on every check, build and save of
    // a watched folder, line by line, would bury what is wrong.
    if unscanned > 0 {
        notes.push(format!(
            "{unscanned} văn bản đã ban hành chưa có bản ký đã quét (tdkt list ghi \"đã ban hành\" \
             ở các văn bản ấy, \"đã lưu bản ký\" khi có); khi có bản quét, hãy lưu cạnh bản lưu, \
             cùng tên, đuôi .ban-ky.pdf"
        ));
    }
    if unsigned > 0 {
        notes.push(format!(
            "{unsigned} văn bản đã ban hành chưa lưu bản ký số (cơ quan ký số: ky_so trong \
             so-van-ban-di/cai-dat.yaml); ký bản lưu trong thư mục da-ban-hanh bằng chữ ký số, \
             rồi chạy tdkt verify TỆP_ĐÃ_KÝ --luu để lưu cạnh bản lưu (đuôi .ky-so.pdf)"
        ));
    }
    let registered: BTreeSet<&Path> = register
        .entries
        .iter()
        .map(|(_, e)| e.ban_luu.as_path())
        .collect();
    let orphans: Vec<&PathBuf> = archive
        .files
        .iter()
        .filter(|a| !registered.contains(a.as_path()))
        .collect();
    // A plan's folder read alone has its archive but not the register,
    // which is the repository's: said once, as a note.
    if !archive.has_register() {
        if !orphans.is_empty() {
            notes.push(format!(
                "thư mục bản ghi này có {} bản đã ban hành nhưng không có sổ văn bản ({}/): nếu là \
                 một kế hoạch của kho, hãy chạy tdkt ở thư mục bản ghi của kho để các văn bản đó \
                 được giữ như đã ban hành",
                orphans.len(),
                crate::load::REGISTER_FOLDER
            ));
        }
        return (problems, notes);
    }
    for file in orphans {
        problems.push(Problem::new(
            file,
            "",
            "bản lưu này không có mục nào trong sổ văn bản: không phải văn bản đã ban hành. Nếu là \
             phần sót lại của một lần ban hành hỏng, hãy xóa nó; nếu là mục sổ bị mất, hãy lấy lại \
             mục đó từ git",
        ));
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
            let Some((_, entry)) = register.entries.iter().find(|(f, _)| f == file) else {
                continue;
            };
            problems.push(Problem::new(
                file,
                "so",
                format!(
                    "số {n} ({series}) đã cấp cho {} văn bản: {}; mỗi số chỉ cấp một lần. Giữ mục \
                     của văn bản đã gửi đi. Nếu văn bản của mục này ({}) chưa gửi đi: xóa mục này, \
                     bản lưu {} và {}, bỏ khóa `so` trong bản ghi của nó, rồi chạy tdkt issue {} \
                     để lấy số mới",
                    files.len(),
                    names(files),
                    entry.van_ban,
                    entry.ban_luu.display(),
                    crate::load::sources_of(&entry.ban_luu).display(),
                    entry.van_ban
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

/// Says what is wrong with the records' texts kept beside an entry's archive
/// (missing, unreadable, or not the texts whose hashes the entry holds);
/// whether they are right.
fn kept_problems(
    file: &Path,
    entry: &Entry,
    archive: &Archive,
    problems: &mut Vec<Problem>,
) -> bool {
    let kept_file = crate::load::sources_of(&entry.ban_luu);
    let wrong = match archive.kept(&entry.ban_luu) {
        Err(why) => Some(format!(
            "không đọc được các bản ghi lưu khi ban hành: {why}"
        )),
        Ok(kept) => {
            let changed: Vec<String> = entry
                .nguon
                .iter()
                .filter(|(f, hash)| {
                    kept.get(*f).map(|t| hash_bytes(t.as_bytes())).as_ref() != Some(*hash)
                })
                .map(|(f, _)| f.display().to_string())
                .collect();
            (!changed.is_empty()).then(|| {
                format!(
                    "các bản ghi lưu khi ban hành ở {} không còn đúng như sổ ghi ({}): đã bị sửa hay \
                     thay",
                    kept_file.display(),
                    changed.join(", ")
                )
            })
        }
    };
    let Some(wrong) = wrong else {
        return true;
    };
    problems.push(Problem::new(
        file,
        "nguon",
        format!(
            "văn bản đã ban hành số {}: {wrong}; hãy lấy lại tệp từ git (git checkout -- {})",
            entry.so_ky_hieu,
            kept_file.display()
        ),
    ));
    false
}
