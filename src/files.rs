//! Writing output files so that none is ever seen half-written: each is
//! written under a temporary name in its own folder, its contents are made
//! durable, and only then is it renamed over its place. A failed or
//! interrupted build leaves every file as it was or wholly new.
//!
//! A build writes thousands of files. Making each durable on its own (one
//! `fsync` per file) cost about 1 ms of every document's time on two cores;
//! a build stages all its files, makes them durable together (on Linux one
//! `syncfs` per folder written to, of which only the first has much to do)
//! and renames them into place at the end.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use tempfile::TempPath;

use crate::error::{Action, Error};

/// A file written beside its place under a temporary name, not yet in place.
/// Dropped without being placed, the temporary file is removed.
pub struct Staged {
    temp: TempPath,
    path: PathBuf,
}

impl Staged {
    /// Where the file is to be placed.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Writes `bytes` to a temporary file in the folder of `path`.
pub fn stage(path: &Path, bytes: &[u8]) -> Result<Staged, Error> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| Error::output(dir, Action::CreateFolder, e))?;
    let mut temp = tempfile::Builder::new()
        .prefix(".tdkt-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::output(dir, Action::CreateTemporary, e))?;
    // tempfile creates files for the owner alone; a document is for
    // everyone who may read the folder, like any file the clerk saves.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = temp
            .as_file()
            .set_permissions(fs::Permissions::from_mode(0o644));
    }
    temp.write_all(bytes)
        .map_err(|e| Error::output(path, Action::Write, e))?;
    Ok(Staged {
        temp: temp.into_temp_path(),
        path: path.to_owned(),
    })
}

/// Refuses a path of the output folder `out` that a link leads through:
/// every folder between `out` and the file must be a real folder, so that
/// nothing tdkt writes or removes lands outside `out`. Folders that do not
/// exist yet are created real by [`stage`].
pub fn check_inside(out: &Path, path: &Path) -> Result<(), Error> {
    let Ok(rel) = path.strip_prefix(out) else {
        return Ok(());
    };
    let mut at = out.to_path_buf();
    let mut parts: Vec<_> = rel.components().collect();
    parts.pop();
    for part in parts {
        at.push(part);
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(Error::LinkInOutput {
                    path: path.to_owned(),
                    link: at,
                });
            }
            Ok(_) => {}
            Err(_) => break,
        }
    }
    Ok(())
}

/// Makes the contents of staged files durable: after a power cut, a file
/// renamed into place is whole.
pub fn make_durable(staged: &[&Staged]) -> Result<(), Error> {
    match staged {
        [] => Ok(()),
        [one] => sync_file(one),
        many => sync_all(many),
    }
}

fn sync_file(staged: &Staged) -> Result<(), Error> {
    fs::OpenOptions::new()
        .write(true)
        .open(&staged.temp)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::output(&staged.path, Action::Write, e))
}

/// One `syncfs` per folder: the first flushes the file system, those after
/// it find little left to do.
#[cfg(target_os = "linux")]
fn sync_all(staged: &[&Staged]) -> Result<(), Error> {
    let dirs: std::collections::BTreeSet<&Path> =
        staged.iter().filter_map(|s| s.path.parent()).collect();
    for dir in dirs {
        fs::File::open(dir)
            .and_then(|d| rustix::fs::syncfs(&d).map_err(std::io::Error::from))
            .map_err(|e| Error::output(dir, Action::Write, e))?;
    }
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn sync_all(staged: &[&Staged]) -> Result<(), Error> {
    staged.iter().try_for_each(|s| sync_file(s))
}

/// Renames a staged file over its place.
pub fn place(staged: Staged) -> Result<PathBuf, Error> {
    let path = staged.path.clone();
    place_at(staged, &path)
}

/// Renames a staged file to `path`, in the same folder as its place.
pub fn place_at(staged: Staged, path: &Path) -> Result<PathBuf, Error> {
    staged
        .temp
        .persist(path)
        .map_err(|e| Error::output(path, Action::Write, e.error))?;
    Ok(path.to_owned())
}

/// Writes one file: staged, made durable, placed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let staged = stage(path, bytes)?;
    make_durable(&[&staged])?;
    place(staged).map(drop)
}
