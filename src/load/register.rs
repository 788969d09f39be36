//! Reads the register of issued documents (`so-van-ban-di/` at the top of
//! the records folder): its settings and one entry per file, each problem
//! named as a record's would be.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::{ARCHIVE_FOLDER, REGISTER_FOLDER, parse, read_guarded};
use crate::problem::Problem;
use crate::records::{Entry, Register, RegisterSettings};
use crate::text::Id;

/// The register's settings file, in its folder.
const SETTINGS_FILE: &str = "cai-dat.yaml";

/// The register below `root`, and its problems. No folder: an empty
/// register (nothing issued yet).
pub fn read(root: &Path) -> (Register, Vec<Problem>) {
    let mut register = Register::default();
    let mut problems = Vec::new();
    let folder = root.join(REGISTER_FOLDER);
    if !folder.is_dir() {
        return (register, problems);
    }
    let walk = WalkDir::new(&folder)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walk.flatten() {
        let path = entry.path();
        let is_yaml = path.extension().is_some_and(|e| e == "yaml" || e == "yml");
        if !is_yaml || entry.file_type().is_dir() {
            continue;
        }
        let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
        let text = match read_guarded(path, &rel) {
            Ok(text) => text,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let id = Id(rel
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned()));
        if entry.depth() == 1 && entry.file_name() == SETTINGS_FILE {
            match parse::<RegisterSettings>(id, rel.clone(), text) {
                Ok(parsed) => register.settings = parsed.value,
                Err(found) => problems.extend(found.problems),
            }
            continue;
        }
        match parse::<Entry>(id, rel.clone(), text) {
            Ok(parsed) if !in_an_archive(&parsed.value.ban_luu) => problems.push(Problem::new(
                &rel,
                "ban_luu",
                format!(
                    "bản lưu \"{}\" phải là một tệp .pdf trong thư mục {ARCHIVE_FOLDER}/ của một \
                     kế hoạch, ghi từ thư mục bản ghi (ví dụ 2020/{ARCHIVE_FOLDER}/to-trinh/x.pdf); \
                     mục này do tdkt issue ghi, đừng sửa tay",
                    parsed.value.ban_luu.display()
                ),
            )),
            Ok(parsed) => register.entries.push((rel, parsed.value)),
            Err(found) => problems.extend(found.problems),
        }
    }
    (register, problems)
}

/// Whether `archive` names a PDF inside a plan's archive folder, from the
/// records folder: a register entry read from the clerk's files must not
/// make a build copy, or check read, a file from anywhere else.
fn in_an_archive(archive: &Path) -> bool {
    let parts: Vec<_> = archive.components().collect();
    let plain = parts
        .iter()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    let archived = parts
        .iter()
        .position(|c| c.as_os_str() == ARCHIVE_FOLDER)
        .is_some_and(|at| at <= 1 && at + 1 < parts.len());
    plain && archived && archive.extension().is_some_and(|e| e == "pdf")
}

/// Where the signed scan of an archived PDF goes: beside it, same name,
/// `.ban-ky.pdf`.
pub fn scan_of(archived: &Path) -> PathBuf {
    archived.with_extension("ban-ky.pdf")
}

/// Beside an issued document's archived PDF: the text of every record it
/// was made from, as it was then (`tdkt issue` writes it). It proves what
/// made the document, and tells a change of the records from a change of
/// how tdkt writes it.
pub fn sources_of(archived: &Path) -> PathBuf {
    archived.with_extension("nguon.yaml")
}
