//! Reads the register of issued documents (`so-van-ban-di/` at the top of
//! the records folder): its settings and one entry per file, each problem
//! named as a record's would be.

use std::fs;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::{REGISTER_FOLDER, guard, parse};
use crate::problem::Problem;
use crate::records::{Entry, Register, RegisterSettings};
use crate::text::Id;

/// The register's settings file, in its folder.
pub const SETTINGS_FILE: &str = "cai-dat.yaml";

fn read_text(path: &Path, rel: &Path) -> Result<String, Problem> {
    let meta = fs::symlink_metadata(path)
        .map_err(|err| Problem::new(rel, "", format!("không đọc được tệp: {err}")))?;
    if meta.file_type().is_symlink() || meta.len() > guard::MAX_FILE_BYTES {
        return Err(Problem::new(
            rel,
            "",
            "mục sổ văn bản phải là một tệp thật, nhỏ hơn 1 MiB; hãy lấy lại tệp do tdkt issue ghi \
             (git checkout)",
        ));
    }
    let text = fs::read_to_string(path).map_err(|_| {
        Problem::new(
            rel,
            "",
            "tệp không phải văn bản UTF-8; hãy lấy lại tệp do tdkt issue ghi (git checkout)",
        )
    })?;
    if let Err(refusal) = guard::check(&text) {
        return Err(Problem::new(rel, "", refusal.message).at(refusal.line, refusal.column));
    }
    Ok(text)
}

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
        let text = match read_text(path, &rel) {
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
                Err(problem) => problems.push(problem),
            }
            continue;
        }
        match parse::<Entry>(id, rel.clone(), text) {
            Ok(parsed) => register.entries.push((rel, parsed.value)),
            Err(problem) => problems.push(problem),
        }
    }
    (register, problems)
}

/// Where the signed scan of an archived PDF goes: beside it, same name,
/// `.ban-ky.pdf`.
pub fn scan_of(archived: &Path) -> PathBuf {
    archived.with_extension("ban-ky.pdf")
}
