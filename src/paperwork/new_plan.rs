//! `tdkt new-plan FROM TO`: starts a plan's folder from an earlier one. The
//! people, the units and the council carry over (same files, same ids);
//! what belongs to a year — registrations, ratings, initiatives, reviews,
//! titles, meetings, proposals — stays behind. Nothing in FROM is touched.

use std::fs;
use std::path::{Path, PathBuf};

use crate::files::write_atomically;
use crate::load;
use crate::records::Kind;

/// The keys of each kind of record that belong to one year.
const YEAR_KEYS: &[(Kind, &[&str])] = &[
    (Kind::Plan, &["so", "ngay", "han_dang_ky"]),
    (
        Kind::Collective,
        &["dang_ky", "danh_hieu_dat_duoc", "danh_gia", "thanh_tich"],
    ),
    (
        Kind::Person,
        &["dang_ky", "xep_loai", "sang_kien", "danh_gia", "thanh_tich"],
    ),
];

/// The record's text without the top-level `keys` and their values; every
/// other line as the clerk wrote it.
fn without(text: &str, keys: &[&str]) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in text.lines() {
        // A comment at the margin speaks of what follows it: it ends a
        // dropped value and stays.
        if line.starts_with('#') {
            skipping = false;
        }
        let top = !(line.starts_with([' ', '\t', '-', '#']) || line.trim().is_empty());
        if top {
            skipping = keys
                .iter()
                .any(|k| line.strip_prefix(k).is_some_and(|r| r.starts_with(':')));
        }
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Sets the plan's year in its text, and moves the year its subject names
/// (`trich_yeu: … năm 2020`) with it. Returns the text and the other lines,
/// not comments, that still name the old year, for the clerk to read.
fn with_year(text: &str, year: i32) -> (String, Vec<String>) {
    let old = text
        .lines()
        .find_map(|l| l.strip_prefix("nam:"))
        .map(|y| y.trim().to_owned());
    let names_old = |l: &str| {
        old.as_deref()
            .is_some_and(|y| crate::words::years_in(l).any(|found| found == y))
    };
    let mut still = Vec::new();
    let lines: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if l.starts_with("nam:") {
                format!("nam: {year}")
            } else if l.starts_with("trich_yeu:") {
                match &old {
                    Some(y) => crate::words::replace_year(l, y, &year.to_string()),
                    None => l.to_owned(),
                }
            } else {
                if names_old(l) && !l.trim_start().starts_with('#') {
                    still.push(format!("dòng {}: {}", i + 1, l.trim()));
                }
                l.to_owned()
            }
        })
        .collect();
    (lines.join("\n") + "\n", still)
}

/// What `new_plan` wrote, and the plan's lines that still name the old
/// year (a legal basis may rightly; a date of the old year should move).
pub struct Started {
    /// Relative to the records folder.
    pub files: Vec<PathBuf>,
    pub still_old: Vec<String>,
}

/// Starts plan `to` (for `year`) from plan `from`, both folders of the
/// records folder `root`.
pub fn new_plan(root: &Path, from: &str, to: &str, year: i32) -> Result<Started, String> {
    if root.join(Kind::PLAN_FILE).is_file() {
        return Err(format!(
            "{} là thư mục của một kế hoạch; để giữ nhiều kế hoạch, hãy chuyển nó vào một thư mục \
             con (ví dụ {}/{from}/) rồi chạy lại",
            root.display(),
            root.display()
        ));
    }
    let source = root.join(from);
    if !source.join(Kind::PLAN_FILE).is_file() {
        return Err(format!(
            "không có kế hoạch {from} ({} không có {})",
            source.display(),
            Kind::PLAN_FILE
        ));
    }
    if let Some(refused) = load::plan_name_refused(to) {
        return Err(refused);
    }
    if root.join(to).exists() {
        return Err(format!(
            "{} đã có; tdkt không ghi đè một kế hoạch",
            root.join(to).display()
        ));
    }
    let mut written = Vec::new();
    let mut still_old = Vec::new();
    for (kind, keys) in YEAR_KEYS {
        let files: Vec<PathBuf> = if *kind == Kind::Plan {
            vec![PathBuf::from(Kind::PLAN_FILE)]
        } else {
            let mut names: Vec<PathBuf> = fs::read_dir(source.join(kind.folder()))
                .map(|entries| {
                    entries
                        .flatten()
                        .map(|e| e.path())
                        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
                        .filter_map(|p| p.file_name().map(|n| Path::new(kind.folder()).join(n)))
                        .collect()
                })
                .unwrap_or_default();
            names.sort();
            names
        };
        for file in files {
            let text =
                crate::read::read_bounded(&source.join(&file), crate::load::guard::MAX_FILE_BYTES)
                    .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
                    .map_err(|e| format!("{}: {e}", source.join(&file).display()))?;
            let mut text = without(&text, keys);
            if *kind == Kind::Plan {
                let (moved, still) = with_year(&text, year);
                text = moved;
                still_old = still;
            }
            let rel = Path::new(to).join(&file);
            write_atomically(&root.join(&rel), text.as_bytes()).map_err(|e| e.to_string())?;
            written.push(rel);
        }
    }
    Ok(Started {
        files: written,
        still_old,
    })
}

#[cfg(test)]
mod tests {
    use super::without;

    #[test]
    fn a_years_keys_go_with_their_values_and_nothing_else() {
        let text = "# ghi chú\nho_ten: An\ndang_ky:\n  ngay: 2020-01-01\n  noi_dung:\n    - a\nsang_kien:\n- ten: x\n# giữ\nchuc_vu: Chuyên viên\nxep_loai: hoan_thanh_tot\n";
        assert_eq!(
            without(text, &["dang_ky", "sang_kien", "xep_loai"]),
            "# ghi chú\nho_ten: An\n# giữ\nchuc_vu: Chuyên viên\n"
        );
    }
}
