//! The spreadsheets of a build (`crate::sheets`), written by the rules the
//! PDFs follow: only when what they hold changed, atomically, never over a
//! file tdkt did not write (or one changed since), and removed only when
//! their document is gone and the file is still tdkt's.

use std::collections::BTreeSet;
use std::fs;

use super::{Options, Planned, Summary};
use crate::error::{Action, Error};
use crate::files::{self, write_atomically};
use crate::manifest::{Entry, Manifest, sheet_path};
use crate::sheets::{self, Book};

/// Writes the spreadsheets of every plan built: of each document written
/// or unchanged (not of one held back by a broken record), and the plan's
/// statistics while its records all read. `chosen`: only those documents.
pub(super) fn write_all(
    plans: &[Planned],
    chosen: Option<&BTreeSet<String>>,
    manifest: &mut Manifest,
    options: &Options,
    summary: &mut Summary,
) {
    for plan in plans {
        let Some(records) = &plan.plan.loaded.records else {
            continue;
        };
        let held: BTreeSet<&str> = summary.skipped.iter().map(|s| s.key.as_str()).collect();
        let mut books: Vec<Book> = plan
            .jobs
            .iter()
            .filter(|job| !held.contains(job.key.as_str()))
            .filter_map(sheets::of_job)
            .collect();
        let whole = plan.invalid.is_empty() && plan.plan.loaded.problems.is_empty();
        if whole && let Some(book) = sheets::statistics(records) {
            books.push(book);
        }
        let planned: BTreeSet<String> = books.iter().map(|b| b.key().to_owned()).collect();
        for book in books {
            if chosen.is_none_or(|c| c.contains(book.key())) {
                write_one(&book, manifest, options, summary);
            }
        }
        if chosen.is_none() && whole {
            remove_vanished(&plan.plan.name, &planned, manifest, options, summary);
        }
    }
}

fn write_one(book: &Book, manifest: &mut Manifest, options: &Options, summary: &mut Summary) {
    let out = &options.out;
    let key = book.key();
    let path = sheet_path(out, key);
    let inputs = book.hash();
    let ours = manifest.wrote_sheet(out, key);
    if !options.force && ours && manifest.sheets.get(key).is_some_and(|e| e.inputs == inputs) {
        return;
    }
    let bytes = match book.xlsx() {
        Ok(bytes) => bytes,
        Err(why) => {
            summary.notes.push(format!("{}: {why}", path.display()));
            return;
        }
    };
    let hash = crate::job::hash_bytes(&bytes);
    let free = fs::symlink_metadata(&path).is_err()
        || ours
        || fs::read(&path).is_ok_and(|old| crate::job::hash_bytes(&old) == hash);
    if !free {
        summary.notes.push(format!(
            "{}: tệp này không phải do tdkt ghi, hoặc đã bị sửa sau khi ghi; giữ nguyên, bảng tính \
             mới không được ghi (đổi tên hay chuyển tệp ấy đi rồi lập lại)",
            path.display()
        ));
        return;
    }
    if let Err(e) = files::check_inside(out, &path).and_then(|()| write_atomically(&path, &bytes)) {
        summary.io.push(e);
        return;
    }
    manifest
        .sheets
        .insert(key.to_owned(), Entry::written(&path, inputs, hash, None));
    summary.sheets.push(key.to_owned());
}

/// Removes the spreadsheets of plan `plan` the manifest lists but the
/// build no longer makes, each only while it is the file tdkt wrote.
fn remove_vanished(
    plan: &str,
    planned: &BTreeSet<String>,
    manifest: &mut Manifest,
    options: &Options,
    summary: &mut Summary,
) {
    let folder = format!("{plan}/");
    let gone: Vec<String> = manifest
        .sheets
        .keys()
        .filter(|k| k.starts_with(&folder) && !planned.contains(*k))
        .cloned()
        .collect();
    for key in gone {
        let path = sheet_path(&options.out, &key);
        // Never through a link out of the output folder, as for the PDFs.
        if let Err(e) = files::check_inside(&options.out, &path) {
            summary.io.push(e);
            continue;
        }
        if fs::symlink_metadata(&path).is_ok() && !manifest.wrote_sheet(&options.out, &key) {
            summary.notes.push(format!(
                "{}: bảng tính không còn, nhưng tệp đã khác bản tdkt ghi nên được giữ nguyên",
                path.display()
            ));
        } else if let Err(e) = fs::remove_file(&path)
            && e.kind() != std::io::ErrorKind::NotFound
        {
            summary.io.push(Error::output(&path, Action::Remove, e));
            continue;
        }
        manifest.sheets.remove(&key);
    }
}
