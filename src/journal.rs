//! What keeps the register whole while `tdkt issue` writes to it: one issue
//! at a time (the operating system's lock on the register's folder, held
//! while the register is read, a number chosen and every file written), and
//! a journal written before the first of those files, removed after the
//! last. A run killed between the two leaves the journal; the next command
//! that reads the records (`check`, `build`, `issue`, `list`, `verify`) takes
//! the lock and finishes the issue if every file of it was written, or else
//! puts everything back as it was before it — so no state a kill can leave
//! is one that nobody sees.

use std::fs::{self, File, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::files::write_atomically;
use crate::read::{io_words, read_bounded};

/// The register's folder, below the records folder.
const FOLDER: &str = "so-van-ban-di";

/// The journal of the issue under way, in the register's folder; hidden, so
/// the register does not read it as an entry.
const JOURNAL: &str = ".dang-ban-hanh.yaml";

/// How long an issue waits for another to finish.
const WAIT: Duration = Duration::from_secs(10);

/// The register, locked until dropped. The lock goes with the process: a
/// killed issue never leaves the register locked.
pub struct Held {
    _lock: File,
    root: PathBuf,
}

/// Takes the register's lock, waiting up to ten seconds for another issue.
pub fn hold(root: &Path) -> Result<Held, String> {
    let folder = root.join(FOLDER);
    fs::create_dir_all(&folder).map_err(|e| {
        format!(
            "{}: không tạo được thư mục ({})",
            folder.display(),
            io_words(&e)
        )
    })?;
    let lock = File::open(&folder)
        .map_err(|e| format!("{}: không mở được ({})", folder.display(), io_words(&e)))?;
    let started = Instant::now();
    loop {
        match lock.try_lock() {
            Ok(()) => {
                return Ok(Held {
                    _lock: lock,
                    root: root.to_owned(),
                });
            }
            Err(TryLockError::WouldBlock) if started.elapsed() < WAIT => {
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(TryLockError::WouldBlock) => {
                return Err(format!(
                    "một lần ban hành khác đang ghi sổ văn bản ({}); hãy chờ xong rồi chạy lại",
                    folder.display()
                ));
            }
            Err(TryLockError::Error(e)) => {
                return Err(format!(
                    "{}: không khóa được ({})",
                    folder.display(),
                    io_words(&e)
                ));
            }
        }
    }
}

/// What an issue is about to write, all relative to the records folder.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Journal {
    /// The document, and the number it is being given.
    pub van_ban: String,
    pub so_ky_hieu: String,
    /// The record that receives the number, its text before (none: the
    /// issue creates it) and after.
    pub ban_ghi: PathBuf,
    pub truoc: Option<String>,
    pub sau: String,
    /// The files the issue creates: none of them existed before.
    pub ban_luu: PathBuf,
    pub nguon: PathBuf,
    pub muc: PathBuf,
}

impl Held {
    /// Writes the journal: from here on, a kill is recovered from.
    pub fn begin(&self, journal: &Journal) -> Result<(), String> {
        let yaml = serde_yaml::to_string(journal).map_err(|e| e.to_string())?;
        let text = format!(
            "# tdkt issue đang ban hành văn bản này; nếu tệp còn lại, lệnh tdkt tiếp theo sẽ hoàn tất \
             hoặc trả lại như cũ. Không sửa tay.\n{yaml}"
        );
        let path = self.root.join(FOLDER).join(JOURNAL);
        write_atomically(&path, text.as_bytes()).map_err(|e| e.to_string())
    }

    /// Removes the journal: the issue is complete.
    pub fn commit(&self) -> Result<(), String> {
        let path = self.root.join(FOLDER).join(JOURNAL);
        fs::remove_file(&path)
            .map_err(|e| format!("{}: không xóa được ({})", path.display(), io_words(&e)))
    }

    /// Finishes or undoes an issue a killed run left; what it did, for the
    /// clerk. Also removes the temporary files a killed write left in the
    /// register's folder.
    pub fn recover(&self) -> Result<Option<String>, String> {
        let root = &self.root;
        remove_temporaries(&root.join(FOLDER));
        let path = root.join(FOLDER).join(JOURNAL);
        let bytes = match read_bounded(&path, 16 * 1024 * 1024) {
            Ok(bytes) => bytes,
            Err(crate::read::Unreadable::Missing) => return Ok(None),
            Err(why) => return Err(format!("{}: {why}", path.display())),
        };
        let journal: Journal = serde_yaml::from_slice(&bytes).map_err(|_| {
            format!(
                "{}: nhật ký ban hành bị hỏng; hãy xem các tệp ban hành gần nhất bằng git status, \
                 trả lại như cũ bằng git, rồi xóa tệp này",
                path.display()
            )
        })?;
        for file in [
            &journal.ban_ghi,
            &journal.ban_luu,
            &journal.nguon,
            &journal.muc,
        ] {
            if let Some(folder) = root.join(file).parent() {
                remove_temporaries(folder);
            }
        }
        let note = if complete(root, &journal) {
            format!(
                "lần ban hành {} số {} trước đã bị dừng sau khi ghi đủ các tệp; tdkt đã hoàn tất \
                 (hãy commit {}, {}, {}, {})",
                journal.van_ban,
                journal.so_ky_hieu,
                journal.ban_ghi.display(),
                journal.ban_luu.display(),
                journal.nguon.display(),
                journal.muc.display()
            )
        } else {
            undo(root, &journal)?
        };
        self.commit()?;
        Ok(Some(note))
    }
}

/// Recovers from an issue a killed run left, if one did: takes the lock only
/// then, so reading the records costs nothing when none did.
pub fn recover(root: &Path) -> Result<Option<String>, String> {
    if fs::symlink_metadata(root.join(FOLDER).join(JOURNAL)).is_err() {
        return Ok(None);
    }
    hold(root)?.recover()
}

/// Whether every file of the issue is there and the register entry names
/// the archive as it is.
fn complete(root: &Path, journal: &Journal) -> bool {
    let entry = read_bounded(&root.join(&journal.muc), 1024 * 1024)
        .ok()
        .and_then(|bytes| serde_yaml::from_slice::<serde_yaml::Value>(&bytes).ok());
    let archive = read_bounded(&root.join(&journal.ban_luu), crate::read::MAX_PDF_BYTES).ok();
    let (Some(entry), Some(archive)) = (entry, archive) else {
        return false;
    };
    let names = entry.get("van_ban").and_then(|v| v.as_str()) == Some(&journal.van_ban);
    let hash = entry.get("bam_tep").and_then(|v| v.as_str())
        == Some(crate::job::hash_bytes(&archive).as_str());
    let record = record_text(&root.join(&journal.ban_ghi));
    names && hash && root.join(&journal.nguon).is_file() && record.as_deref() == Some(&journal.sau)
}

/// The text of the record the issue numbered, read as every record is.
fn record_text(path: &Path) -> Option<String> {
    let bytes = read_bounded(path, crate::load::guard::MAX_FILE_BYTES).ok()?;
    String::from_utf8(bytes).ok()
}

/// Puts everything back as it was before the issue began.
fn undo(root: &Path, journal: &Journal) -> Result<String, String> {
    for file in [&journal.muc, &journal.nguon, &journal.ban_luu] {
        match fs::remove_file(root.join(file)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(format!(
                    "{}: không xóa được ({})",
                    file.display(),
                    io_words(&e)
                ));
            }
        }
    }
    let record = root.join(&journal.ban_ghi);
    let now = record_text(&record);
    let mut said = format!(
        "lần ban hành {} số {} trước đã bị dừng giữa chừng; tdkt đã trả lại như trước (số đó chưa \
         cấp)",
        journal.van_ban, journal.so_ky_hieu
    );
    if now.as_deref() == Some(journal.sau.as_str()) {
        match &journal.truoc {
            Some(text) => write_atomically(&record, text.as_bytes()).map_err(|e| e.to_string())?,
            None => fs::remove_file(&record).map_err(|e| {
                format!(
                    "{}: không xóa được ({})",
                    journal.ban_ghi.display(),
                    io_words(&e)
                )
            })?,
        }
    } else if now != journal.truoc {
        said.push_str(&format!(
            ". Bản ghi {} đã sửa sau đó nên tdkt không trả lại: hãy xem khóa `so` trong đó — số \
             {} chưa cấp, hãy bỏ khóa này",
            journal.ban_ghi.display(),
            journal.so_ky_hieu
        ));
    }
    Ok(said)
}

/// Removes the temporary files (`.tdkt-*.tmp`) a killed write left in
/// `folder`; only while the register is held, so none is another issue's.
fn remove_temporaries(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let temporary = name.starts_with(".tdkt-") && name.ends_with(".tmp");
        if temporary && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}
