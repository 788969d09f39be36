//! The output folder as a build holds it: one build at a time, never inside
//! the records (or around them), and no temporary file of an interrupted
//! build left behind.

use std::fs::{self, File, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::{Action, Error};

/// How long a build waits for another one to finish with the folder.
const WAIT: Duration = Duration::from_secs(10);

/// The output folder, locked for this build until dropped. The lock is the
/// operating system's (flock on the folder itself): it goes with the process,
/// so a killed build never leaves the folder locked, and no lock file is
/// left among the clerk's documents.
pub struct Held {
    _lock: File,
}

pub fn hold(out: &Path, records: &Path) -> Result<Held, Error> {
    refuse_nesting(out, records)?;
    fs::create_dir_all(out).map_err(|e| Error::output(out, Action::CreateFolder, e))?;
    let lock = File::open(out).map_err(|e| Error::output(out, Action::Write, e))?;
    let started = Instant::now();
    loop {
        match lock.try_lock() {
            Ok(()) => return Ok(Held { _lock: lock }),
            Err(TryLockError::WouldBlock) if started.elapsed() < WAIT => {
                std::thread::sleep(Duration::from_millis(100));
            }
            Err(TryLockError::WouldBlock) => {
                return Err(Error::OutputBusy {
                    path: out.to_owned(),
                });
            }
            Err(TryLockError::Error(e)) => return Err(Error::output(out, Action::Write, e)),
        }
    }
}

/// The folder as an absolute path with links resolved, as far as it exists.
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut out = fs::canonicalize(existing).unwrap_or_else(|_| existing.to_owned());
    out.extend(rest.iter().rev());
    out
}

/// A build writing into the records folder would put documents among the
/// records (and a later `check` would read them); records inside the output
/// folder would sit where documents are removed.
fn refuse_nesting(out: &Path, records: &Path) -> Result<(), Error> {
    let (o, r) = (resolved(out), resolved(records));
    if o.starts_with(&r) || r.starts_with(&o) {
        return Err(Error::OutputNestsRecords {
            out: out.to_owned(),
            records: records.to_owned(),
        });
    }
    Ok(())
}

/// Whether a file name is one of the temporary names a build writes under
/// (`files::stage`: ".tdkt-" + six characters + ".tmp").
fn is_leftover(name: &str) -> bool {
    name.strip_prefix(".tdkt-")
        .and_then(|rest| rest.strip_suffix(".tmp"))
        .is_some_and(|middle| {
            middle.len() == 6 && middle.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

/// Removes the temporary files an interrupted build left in `folders` (only
/// those: a name that is not exactly tdkt's is never touched). Run while
/// the folder is held, so no other build is writing them.
pub fn remove_leftovers<'a>(folders: impl IntoIterator<Item = &'a Path>) -> (usize, Vec<Error>) {
    let mut removed = 0;
    let mut errors = Vec::new();
    for folder in folders {
        let Ok(entries) = fs::read_dir(folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let leftover = entry.file_name().to_str().is_some_and(is_leftover)
                && entry.file_type().is_ok_and(|t| t.is_file());
            if !leftover {
                continue;
            }
            match fs::remove_file(entry.path()) {
                Ok(()) => removed += 1,
                Err(e) => errors.push(Error::output(entry.path(), Action::Remove, e)),
            }
        }
    }
    (removed, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tdkt_temporary_names_are_leftovers() {
        assert!(is_leftover(".tdkt-a1B2c3.tmp"));
        assert!(!is_leftover(".tdkt-a1B2c3.tmp.pdf"));
        assert!(!is_leftover("tdkt-a1B2c3.tmp"));
        assert!(!is_leftover(".tdkt-manifest.json"));
        assert!(!is_leftover(".tdkt-toolong1.tmp"));
    }

    #[test]
    fn output_and_records_may_not_nest() {
        let dir = tempfile::TempDir::new().expect("temp");
        let records = dir.path().join("records");
        fs::create_dir_all(&records).expect("mkdir");
        assert!(refuse_nesting(&records.join("output"), &records).is_err());
        assert!(refuse_nesting(dir.path(), &records).is_err());
        assert!(refuse_nesting(&dir.path().join("output"), &records).is_ok());
    }
}
