//! What a build may replace or remove in the output folder: only the files
//! it wrote, as it wrote them. A file at a document's name that tdkt did not
//! write (a signed scan saved over it, an edited copy) is the clerk's: the
//! new PDF goes beside it, and it is never removed.

use std::fs;
use std::path::{Path, PathBuf};

use super::{Options, Summary};
use crate::error::{Action, Error};
use crate::files;
use crate::job::Job;
use crate::manifest::{self, Manifest};

/// Where a document's new PDF goes, and what the clerk should hear of it.
pub(super) struct Target {
    pub path: PathBuf,
    /// The name written under, when not the document's own.
    pub beside: Option<String>,
    pub note: Option<String>,
}

/// Where document `key`'s new PDF, whose bytes hash to `new`, goes: its own
/// path `own` when that is free, holds the PDF tdkt wrote, or holds these
/// very bytes (a PDF tdkt wrote before its manifest was lost); otherwise the
/// name beside it, with a note saying why. Never over a file that is the
/// clerk's.
pub(super) fn target(
    manifest: &Manifest,
    out: &Path,
    key: &str,
    own: &Path,
    new: &str,
) -> Result<Target, Error> {
    let free_or_ours = |path: &Path| {
        fs::symlink_metadata(path).is_err()
            || manifest.wrote(out, key, path)
            || fs::read(path).is_ok_and(|bytes| crate::job::hash_bytes(&bytes) == new)
    };
    if free_or_ours(own) {
        return Ok(Target {
            path: own.to_owned(),
            beside: None,
            note: None,
        });
    }
    let beside = own.with_extension(format!("{}.pdf", manifest::BESIDE));
    if !free_or_ours(&beside) {
        return Err(Error::NotOurs {
            path: own.to_owned(),
            beside,
        });
    }
    let note = format!(
        "{}: tệp này không phải do tdkt ghi, hoặc đã bị sửa sau khi ghi (có thể là bản ký đã quét); \
         giữ nguyên, văn bản mới lập ở {}",
        own.display(),
        beside.display()
    );
    Ok(Target {
        path: beside,
        beside: Some(manifest::beside(key)),
        note: Some(note),
    })
}

/// The documents of plan `plan` the manifest lists but its records no
/// longer call for; another plan's are never its business.
pub(super) fn vanished(plan: &str, jobs: &[Job], manifest: &Manifest) -> Vec<String> {
    let planned: std::collections::BTreeSet<&str> = jobs.iter().map(|j| j.key.as_str()).collect();
    let folder = format!("{plan}/");
    manifest
        .documents
        .keys()
        .filter(|k| k.starts_with(&folder) && !planned.contains(k.as_str()))
        .cloned()
        .collect()
}

/// Removes the PDFs of documents the manifest lists but the records no
/// longer call for, each only if it is still the file tdkt wrote; nothing
/// else in the folder is touched.
///
/// Only when every record of the plan was read without a problem: while one
/// is broken, the documents that seem to have vanished may only be hidden by
/// it.
pub(super) fn remove_vanished(
    plan: &str,
    jobs: &[Job],
    manifest: &mut Manifest,
    options: &Options,
    summary: &mut Summary,
) {
    let out = &options.out;
    for key in vanished(plan, jobs, manifest) {
        if let Some(path) = manifest.file_of(out, &key) {
            if let Err(e) = files::check_inside(out, &path) {
                summary.io.push(e);
                continue;
            }
            if fs::symlink_metadata(&path).is_ok() && !manifest.wrote(out, &key, &path) {
                summary.notes.push(format!(
                    "{}: văn bản không còn, nhưng tệp đã khác bản tdkt ghi nên được giữ nguyên",
                    path.display()
                ));
            } else {
                match fs::remove_file(&path) {
                    Ok(()) => summary.removed.push(key.clone()),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => {
                        summary.io.push(Error::output(&path, Action::Remove, e));
                        continue;
                    }
                }
            }
        }
        manifest.documents.remove(&key);
    }
}
