//! `tdkt build --watch`: a build, then another after every save, until the
//! clerk stops it (Ctrl-C). Each is an ordinary build, so a record saved
//! half-typed holds its documents back and never costs a good PDF.
//!
//! The folders are polled (each file's size and time, twice a second)
//! rather than followed through the system's file events: polling sees
//! every way an editor saves (in place, by rename, through a shared or
//! network folder) with no new dependency, and a body's few thousand
//! records are read in milliseconds.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::{Options, Summary, build};

/// How often the folders are looked at.
const TICK: Duration = Duration::from_millis(500);

/// Each file of the watched folders with its size and last change.
type Seen = BTreeMap<PathBuf, (u64, Option<SystemTime>)>;

/// An editor's own files (`.x.yaml.swp`, `x.yaml~`) are not records, as
/// hidden files are not to the loader: saving them starts no build.
fn editor_s(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~')
}

fn look(folders: &[&Path]) -> Seen {
    folders
        .iter()
        .flat_map(|folder| {
            walkdir::WalkDir::new(folder)
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !editor_s(&e.file_name().to_string_lossy()))
                .flatten()
        })
        .filter(|entry| entry.file_type().is_file())
        .filter_map(|entry| {
            let meta = entry.metadata().ok()?;
            Some((entry.into_path(), (meta.len(), meta.modified().ok())))
        })
        .collect()
}

/// The files added, removed or changed between two looks.
fn changed(before: &Seen, now: &Seen) -> Vec<PathBuf> {
    let files: BTreeSet<&PathBuf> = before.keys().chain(now.keys()).collect();
    files
        .into_iter()
        .filter(|f| before.get(*f) != now.get(*f))
        .cloned()
        .collect()
}

/// Builds, then builds again whenever a record (or a template of
/// `--templates`) changes; `each` hears of every build with the files
/// whose change started it (none for the first). Never returns.
pub fn watch(options: &Options, mut each: impl FnMut(&Summary, &[PathBuf])) -> ! {
    let folders: Vec<&Path> = std::iter::once(options.records.as_path())
        .chain(options.templates.as_deref())
        .collect();
    let mut seen = look(&folders);
    let mut cause = Vec::new();
    loop {
        each(&build(options), &cause);
        loop {
            std::thread::sleep(TICK);
            let now = look(&folders);
            if now == seen {
                continue;
            }
            // An editor may write a file in steps: build once it is still.
            let mut settled = now;
            loop {
                std::thread::sleep(TICK);
                let again = look(&folders);
                if again == settled {
                    break;
                }
                settled = again;
            }
            cause = changed(&seen, &settled);
            seen = settled;
            break;
        }
    }
}
