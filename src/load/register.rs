//! Reads the register of issued documents (`so-van-ban-di/` at the top of
//! the records folder): its settings and one entry per file, each problem
//! named as a record's would be.

use std::collections::BTreeMap;
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
            Ok(parsed) => {
                let wrong = entry_problems(&rel, &parsed.value);
                if wrong.is_empty() {
                    register.entries.push((rel, parsed.value));
                } else {
                    // An entry not as tdkt writes it is trusted with nothing:
                    // no archive placed, no number counted as given.
                    problems.extend(wrong);
                }
            }
            Err(found) => problems.extend(found.problems),
        }
    }
    (register, problems)
}

/// What is wrong with an entry as tdkt writes none: each field checked
/// against the others and against the file's place, so that a hand edit
/// (or a colleague's bad merge) cannot make the register name one
/// document's archive as another's, or count a number it never gave.
fn entry_problems(file: &Path, entry: &Entry) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut wrong = |field: &str, what: String| {
        problems.push(Problem::new(
            file,
            field,
            format!(
                "{what}; mục sổ do tdkt issue ghi, đừng sửa tay (nếu đã sửa, hãy trả lại bằng git)"
            ),
        ));
    };
    if entry.so == 0 {
        wrong("so", "số văn bản phải từ 1 trở lên".into());
    }
    match crate::records::number::parse(&entry.so_ky_hieu) {
        Ok(n) if n.n != entry.so => wrong(
            "so_ky_hieu",
            format!("số \"{}\" khác số {} của mục", entry.so_ky_hieu, entry.so),
        ),
        Ok(n) if n.symbol.as_ref().is_none_or(|s| s.kind != entry.loai) => wrong(
            "loai",
            format!(
                "loại \"{}\" không phải loại trong ký hiệu \"{}\"",
                entry.loai, entry.so_ky_hieu
            ),
        ),
        Ok(_) => {}
        Err(why) => wrong("so_ky_hieu", why),
    }
    let year = file
        .components()
        .nth(1)
        .and_then(|c| c.as_os_str().to_str())
        .and_then(|y| y.parse::<i32>().ok());
    if year.is_some_and(|y| y != chrono::Datelike::year(&entry.ngay.0)) || year.is_none() {
        wrong(
            "ngay",
            format!(
                "mục sổ nằm trong thư mục năm của ngày ban hành ({REGISTER_FOLDER}/{}/); ngày {} \
                 không thuộc năm của thư mục",
                chrono::Datelike::year(&entry.ngay.0),
                entry.ngay.0.format("%d/%m/%Y")
            ),
        );
    }
    let document_ok =
        entry.van_ban.split('/').count() >= 2 && entry.van_ban.split('/').all(Id::is_valid);
    if !document_ok {
        wrong(
            "van_ban",
            format!(
                "\"{}\" không phải tên một văn bản (kế hoạch/thư mục/mã)",
                entry.van_ban
            ),
        );
    } else if !in_an_archive(&entry.ban_luu) || !archive_fits(&entry.van_ban, &entry.ban_luu) {
        let (plan, below) = entry.van_ban.split_once('/').unwrap_or_default();
        wrong(
            "ban_luu",
            format!(
                "bản lưu của {} phải là {plan}/{ARCHIVE_FOLDER}/{below}.pdf (tệp .pdf trong thư mục \
                 {ARCHIVE_FOLDER}/ của kế hoạch, cùng tên văn bản), không phải \"{}\"",
                entry.van_ban,
                entry.ban_luu.display()
            ),
        );
    }
    let hash = |h: &str| h.len() == 64 && h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    for (field, value) in [
        ("bam_noi_dung", &entry.bam_noi_dung),
        ("bam_tep", &entry.bam_tep),
    ] {
        if !hash(value) {
            wrong(field, "mã băm phải là 64 chữ số thập lục phân".into());
        }
    }
    if entry.nguon.iter().any(|(f, h)| !plain(f) || !hash(h)) {
        wrong(
            "nguon",
            "mỗi nguồn là một tệp bản ghi trong thư mục bản ghi với mã băm 64 chữ số thập lục phân"
                .into(),
        );
    }
    problems
}

/// Whether `archive` is where tdkt archives the issued document `document`
/// (its name below the output folder): in its plan's folder, `da-ban-hanh/`,
/// at its name below the plan — the plan's folder being the records folder
/// itself where it holds one plan.
fn archive_fits(document: &str, archive: &Path) -> bool {
    let (plan, below) = document.split_once('/').unwrap_or(("", document));
    let own = Path::new(ARCHIVE_FOLDER).join(format!("{below}.pdf"));
    archive == own || archive == Path::new(plan).join(own)
}

fn plain(path: &Path) -> bool {
    path.components()
        .all(|c| matches!(c, std::path::Component::Normal(_)))
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

/// Where the digitally signed copy of an archived PDF goes: beside it, same
/// name, `.ky-so.pdf` (`tdkt verify TỆP --luu` puts it there).
pub fn signed_of(archived: &Path) -> PathBuf {
    archived.with_extension("ky-so.pdf")
}

/// The length of the document whose bytes hash to `hash` at the head of
/// `pdf`, when `pdf` is it or it followed by the revisions a signer's
/// software appends (each ends after a `%%EOF`, with or without its end of
/// line).
pub fn issued_revision(pdf: &[u8], hash: &str) -> Option<usize> {
    let mut ends = Vec::new();
    let mut from = 0;
    while let Some(at) = pdf[from..].windows(5).position(|w| w == b"%%EOF") {
        let end = from + at + 5;
        ends.push(end);
        let rest = &pdf[end..];
        if rest.starts_with(b"\r\n") {
            ends.push(end + 2);
        } else if rest.starts_with(b"\n") || rest.starts_with(b"\r") {
            ends.push(end + 1);
        }
        from = end;
    }
    ends.push(pdf.len());
    ends.into_iter()
        .find(|&end| crate::job::hash_bytes(&pdf[..end]) == hash)
}

/// Beside an issued document's archived PDF: the text of every record it
/// was made from, as it was then (`tdkt issue` writes it). It proves what
/// made the document, and tells a change of the records from a change of
/// how tdkt writes it.
pub fn sources_of(archived: &Path) -> PathBuf {
    archived.with_extension("nguon.yaml")
}

/// An issued document's archived PDF as it is on disk.
pub enum Archived {
    Missing,
    /// Not read: a link, a pipe, too large; why.
    Refused(String),
    /// The hash of its bytes.
    Hash(String),
}

/// The archive of issued documents on disk, as the register's check asks
/// about it.
pub struct Archive {
    root: PathBuf,
    /// Every issued document's PDF in the plans' archive folders (not the
    /// signed scans beside them), relative to the records folder: each
    /// must be a register entry's.
    pub files: Vec<PathBuf>,
}

impl Archive {
    pub fn of(root: &Path) -> Archive {
        Archive {
            root: root.to_owned(),
            files: archive_files(root),
        }
    }

    /// Reads the archived PDF `file` and hashes it: the whole file every
    /// time, since a size-and-time cache is fooled by `touch` and blake3
    /// reads the archive of a body's year (tens of megabytes) in
    /// milliseconds.
    pub fn archived(&self, file: &Path) -> Archived {
        match crate::read::read_bounded(&self.root.join(file), crate::read::MAX_PDF_BYTES) {
            Ok(bytes) => Archived::Hash(crate::job::hash_bytes(&bytes)),
            Err(crate::read::Unreadable::Missing) => Archived::Missing,
            Err(why) => Archived::Refused(why.to_string()),
        }
    }

    /// Whether the signed copy beside the archived PDF `archived` (see
    /// [`signed_of`]) is the issued document (hashing to `hash`) followed by
    /// what signers appended; None when there is none.
    pub fn signed_copy_holds(&self, archived: &Path, hash: &str) -> Option<bool> {
        let file = self.root.join(signed_of(archived));
        match crate::read::read_bounded(&file, crate::read::MAX_PDF_BYTES) {
            Err(crate::read::Unreadable::Missing) => None,
            Ok(bytes) => Some(issued_revision(&bytes, hash).is_some()),
            Err(_) => Some(false),
        }
    }

    /// The records' texts kept beside an archived PDF (see [`sources_of`]),
    /// or why they cannot be read.
    pub fn kept(&self, archived: &Path) -> Result<BTreeMap<PathBuf, String>, String> {
        let file = sources_of(archived);
        read_kept(&self.root, archived).map_err(|why| match why {
            Kept::Unreadable(why) => format!("{}: {why}", file.display()),
            Kept::Damaged => format!(
                "{}: không đọc được như tdkt đã ghi (tệp bị hỏng)",
                file.display()
            ),
        })
    }

    /// Whether the records folder has a register at all.
    pub fn has_register(&self) -> bool {
        self.root.join(REGISTER_FOLDER).is_dir()
    }

    /// Whether a file (relative to the records folder) is there.
    pub fn has(&self, file: &Path) -> bool {
        std::fs::symlink_metadata(self.root.join(file)).is_ok()
    }
}

fn archive_files(root: &Path) -> Vec<PathBuf> {
    let mut folders = vec![root.join(ARCHIVE_FOLDER)];
    if let Ok(entries) = std::fs::read_dir(root) {
        folders.extend(entries.flatten().map(|e| e.path().join(ARCHIVE_FOLDER)));
    }
    let mut found = Vec::new();
    for folder in folders.iter().filter(|f| f.is_dir()) {
        for entry in WalkDir::new(folder)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            let name = entry.file_name().to_string_lossy();
            let issued = name.ends_with(".pdf")
                && !name.ends_with(".ban-ky.pdf")
                && !name.ends_with(".ky-so.pdf");
            if issued && !entry.file_type().is_dir() {
                found.push(
                    entry
                        .path()
                        .strip_prefix(root)
                        .unwrap_or(entry.path())
                        .to_path_buf(),
                );
            }
        }
    }
    found
}

/// Why the records kept beside an archive could not be had.
pub enum Kept {
    Unreadable(crate::read::Unreadable),
    /// Read, but not the map of files to texts tdkt writes.
    Damaged,
}

/// The records' texts kept beside the archived PDF `archived` (relative to
/// `root`), by file: what `check` holds to the register's hashes and
/// `frozen` makes the document again from.
pub fn read_kept(root: &Path, archived: &Path) -> Result<BTreeMap<PathBuf, String>, Kept> {
    let bytes = crate::read::read_bounded(&root.join(sources_of(archived)), KEPT_MAX_BYTES)
        .map_err(Kept::Unreadable)?;
    serde_yaml::from_slice(&bytes).map_err(|_| Kept::Damaged)
}

/// The largest kept-records file read: the texts of every record one
/// document read, each at most a record's size.
const KEPT_MAX_BYTES: u64 = super::guard::MAX_FILE_BYTES * 16;
