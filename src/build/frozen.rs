//! Issued documents are frozen: a build places the archived PDF and never
//! renders them again. Here each is compared with what its records would now
//! make, and a difference is told apart: a change of the records (an error,
//! and the way forward is a new document) or only of how tdkt writes it (a
//! note; the issued document stands).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::job::Job;
use crate::load::{self, PlanLoaded};
use crate::problem::Problem;
use crate::records::{Entry, Records, Register};

/// The issued documents of `plan` that its records would now make read
/// differently, or no longer make: each is said with its number and what
/// changed. `root` is the records folder.
pub fn frozen(
    root: &Path,
    register: &Register,
    plan: &PlanLoaded,
    jobs: &[Job],
) -> (Vec<Problem>, Vec<String>) {
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let Some(records) = &plan.loaded.records else {
        return (problems, notes);
    };
    for (file, entry) in register.issued_in(&plan.name) {
        let issued = format!(
            "văn bản đã ban hành số {} ngày {} ({})",
            entry.so_ky_hieu,
            entry.ngay.0.format("%d/%m/%Y"),
            entry.van_ban
        );
        let Some(job) = jobs.iter().find(|j| j.key == entry.van_ban) else {
            problems.push(Problem::new(
                file,
                "van_ban",
                format!(
                    "{issued} không còn trong bản ghi; bản đã ban hành vẫn giữ ở {}. Hãy trả lại \
                     bản ghi của nó (git), hoặc nếu văn bản bị hủy, hãy ban hành văn bản mới về \
                     việc đó",
                    entry.ban_luu.display()
                ),
            ));
            continue;
        };
        if !entry_fits(job, entry) {
            problems.push(Problem::new(
                file,
                "loai",
                format!(
                    "{issued}: mục sổ ghi loại {}, nhưng văn bản {} {}; mục này không phải của nó — \
                     hãy trả lại mục sổ như tdkt issue đã ghi (git)",
                    entry.loai,
                    entry.van_ban,
                    job.issuable
                        .as_ref()
                        .map_or("không cấp số".to_owned(), |i| format!("là loại {}", i.kind))
                ),
            ));
            continue;
        }
        let context = serde_json::to_vec(&job.context).unwrap_or_default();
        let now_hash = job.content_hash(&context);
        if now_hash == entry.bam_noi_dung {
            continue;
        }
        let now = records.hashes_of(&job.deps);
        let changed = changed_sources(&now, entry);
        // Made again from the records as they were, by this tdkt: the same
        // as from today's records means the records changed nothing.
        let then = if changed.is_empty() {
            Ok(now_hash.clone())
        } else {
            then_made(root, plan, records, &now, entry)
        };
        if let Err(Some(missing)) = &then {
            problems.push(Problem::new(
                file,
                "nguon",
                format!(
                    "{issued}: {missing}, nên không biết văn bản nay khác vì bản ghi đổi ({}) hay \
                     vì cách tdkt viết đổi. Hãy lấy lại tệp đó từ git (git checkout -- {})",
                    changed.join(", "),
                    load::sources_of(&entry.ban_luu).display()
                ),
            ));
            continue;
        }
        let tool_only = then.is_ok_and(|then| then == now_hash);
        if tool_only {
            let version = env!("CARGO_PKG_VERSION");
            let since = if entry.tdkt == version {
                String::new()
            } else {
                format!(" (ban hành bằng tdkt {}, nay là {version})", entry.tdkt)
            };
            notes.push(format!(
                "{issued}: bản ghi không đổi nội dung văn bản, nhưng cách tdkt viết văn bản này đã \
                 đổi{since}; bản đã ban hành ở {} vẫn là bản có giá trị, không cần làm gì",
                entry.ban_luu.display()
            ));
            continue;
        }
        problems.push(Problem::new(
            file,
            "bam_noi_dung",
            format!(
                "{issued} nay sẽ khác nếu lập lại: {}. Bản đã ban hành giữ nguyên ở {}, không \
                 lập lại. Nếu sửa nhầm, hãy trả bản ghi về như cũ (git); nếu văn bản đã gửi cần \
                 sửa, hãy ban hành văn bản mới (đính chính hoặc thay thế)",
                changed.join(", "),
                entry.ban_luu.display()
            ),
        ));
    }
    (problems, notes)
}

/// Whether a register entry can be the document's: the document is one
/// that is issued, of the entry's type.
pub fn entry_fits(job: &Job, entry: &Entry) -> bool {
    job.issuable.as_ref().is_some_and(|i| i.kind == entry.loai)
}

/// The records the document was made from that differ now, and those it
/// reads now (`now`: each with its hash) that it did not then (a late
/// registrant), in the clerk's words.
fn changed_sources(now: &BTreeMap<PathBuf, String>, entry: &Entry) -> Vec<String> {
    let mut changed: Vec<String> = entry
        .nguon
        .iter()
        .filter(|(path, hash)| now.get(*path) != Some(*hash))
        .map(|(path, _)| format!("đã sửa hoặc bỏ {}", path.display()))
        .collect();
    changed.extend(
        now.keys()
            .filter(|path| !entry.nguon.contains_key(*path))
            .map(|path| format!("thêm {}", path.display())),
    );
    changed
}

/// The content hash this tdkt gives the document from its records as they
/// were when it was issued (the texts kept beside the archive), with every
/// other record as it is now and none it did not read then. `Err(Some)`:
/// the kept texts are missing or unreadable, said so; `Err(None)`: they do
/// not make the document (a document issued before they were kept).
/// `read_now`: the records it reads today.
fn then_made(
    root: &Path,
    plan: &PlanLoaded,
    records: &Records,
    read_now: &BTreeMap<PathBuf, String>,
    entry: &Entry,
) -> Result<String, Option<String>> {
    let kept_file = load::sources_of(&entry.ban_luu);
    let then = load::read_kept(root, &entry.ban_luu).map_err(|why| {
        Some(match why {
            load::Kept::Unreadable(why) => format!(
                "tệp bản ghi đã lưu khi ban hành {} không đọc được ({why})",
                kept_file.display()
            ),
            load::Kept::Damaged => format!(
                "tệp bản ghi đã lưu khi ban hành {} bị hỏng (không đọc được như tdkt đã ghi)",
                kept_file.display()
            ),
        })
    })?;
    made_from(plan, records, read_now, entry, &then).ok_or(None)
}

fn made_from(
    plan: &PlanLoaded,
    records: &Records,
    read_now: &BTreeMap<PathBuf, String>,
    entry: &Entry,
    then: &BTreeMap<PathBuf, String>,
) -> Option<String> {
    // The kept file is the clerk's to edit: a name that climbs out of the
    // records folder is no record's, and nothing is made of it.
    let plain = |f: &Path| {
        f.components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
    };
    if !then.keys().all(|f| plain(f)) {
        return None;
    }
    let scratch = tempfile::TempDir::new().ok()?;
    // Today's records, but none the document reads now that it did not then.
    let now = records
        .sources
        .iter()
        .filter(|(file, _)| !read_now.contains_key(*file) || then.contains_key(*file));
    for (file, text) in now.chain(then) {
        let text = then.get(file).unwrap_or(text);
        let path = scratch.path().join(file);
        fs::create_dir_all(path.parent()?).ok()?;
        fs::write(&path, text).ok()?;
    }
    let loaded = load::load_plan(
        scratch.path(),
        &scratch.path().join(&plan.folder),
        Some(&plan.name),
    );
    let mut old = loaded.records?;
    old.name.clone_from(&records.name);
    old.earlier_awards.clone_from(&records.earlier_awards);
    let again = crate::documents::plan(&old);
    let job = again.into_iter().find(|j| j.key == entry.van_ban)?;
    let context = serde_json::to_vec(&job.context).ok()?;
    Some(job.content_hash(&context))
}
