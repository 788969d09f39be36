//! `tdkt build DOCUMENT…`: the documents the clerk asked for, named as
//! `tdkt list` prints them, as a folder of such names, as a PDF of the
//! output folder, or as a record file (every document that reads it).

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use super::Planned;
use crate::records::Records;
use crate::text::Id;

/// The keys of the documents asked for; none asked: every document. A
/// name that is no document nor record is refused with a line saying so
/// (and the closest document name), every such name at once.
pub(super) fn chosen(
    asked: &[String],
    plans: &[Planned],
    records: &Path,
    out: &Path,
) -> Result<Option<BTreeSet<String>>, Vec<String>> {
    if asked.is_empty() {
        return Ok(None);
    }
    let mut keys = BTreeSet::new();
    let mut refused = Vec::new();
    for name in asked {
        match documents_of(name, plans, records, out) {
            Ok(found) => keys.extend(found),
            Err(why) => refused.push(why),
        }
    }
    if refused.is_empty() {
        Ok(Some(keys))
    } else {
        Err(refused)
    }
}

fn documents_of(
    asked: &str,
    plans: &[Planned],
    records: &Path,
    out: &Path,
) -> Result<Vec<String>, String> {
    let jobs = || plans.iter().flat_map(|p| &p.jobs);
    let name = asked.trim_end_matches('/').trim_end_matches(".pdf");
    let name = name.strip_prefix("./").unwrap_or(name);
    let file = Path::new(asked);
    // A document by its name, or by its PDF in the output folder.
    let pdf = inside(file, out);
    let pdf = pdf.as_deref().map(|p| p.trim_end_matches(".pdf"));
    if let Some(job) = jobs().find(|j| j.key == name || Some(j.key.as_str()) == pdf) {
        return Ok(vec![job.key.clone()]);
    }
    let below: Vec<String> = jobs()
        .filter(|j| j.key.starts_with(&format!("{name}/")))
        .map(|j| j.key.clone())
        .collect();
    if !below.is_empty() {
        return Ok(below);
    }
    // A record, as a path from here or from the records folder.
    let record = [file.to_path_buf(), records.join(file)]
        .into_iter()
        .find_map(|f| inside(&f, records).filter(|_| f.is_file()));
    if let Some(record) = record {
        return readers_of(&record, plans).ok_or_else(|| {
            format!("{asked}: không văn bản nào đọc bản ghi này (chưa đăng ký, chưa được chọn?)")
        });
    }
    let closest = jobs()
        .map(|j| (strsim::jaro_winkler(&j.key, name), &j.key))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    Err(match closest {
        Some((_, key)) => format!(
            "\"{asked}\" không phải văn bản hay bản ghi nào; có phải {key}? (tên văn bản: xem tdkt list)"
        ),
        None => format!(
            "\"{asked}\" không phải văn bản hay bản ghi nào (tên văn bản: xem tdkt list; bản ghi: tệp .yaml trong thư mục bản ghi)"
        ),
    })
}

/// `file` as a path below `folder` (`2020/ca-nhan/a.yaml`), `/` between
/// its parts; none when it is not there. Both are resolved on disk, so a
/// path from anywhere, or through a link, is placed where it is.
fn inside(file: &Path, folder: &Path) -> Option<String> {
    let file = file.canonicalize().ok()?;
    let folder = folder.canonicalize().ok()?;
    let below = file.strip_prefix(folder).ok()?;
    let parts: Vec<&str> = below
        .components()
        .map(|c| match c {
            Component::Normal(part) => part.to_str(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    Some(parts.join("/"))
}

/// The documents that read the record at `record` (below the records
/// folder); none when no document does.
fn readers_of(record: &str, plans: &[Planned]) -> Option<Vec<String>> {
    let path = PathBuf::from(record);
    // The records folder may be a plan's own (folder ""), or hold plans.
    let plan = plans
        .iter()
        .filter(|p| path.starts_with(&p.plan.folder))
        .max_by_key(|p| p.plan.folder.components().count())?;
    let id = plan
        .plan
        .loaded
        .records
        .as_ref()
        .and_then(|r| {
            if r.plan_file == path {
                return Some(Records::plan_id());
            }
            r.files
                .iter()
                .find(|(_, file)| **file == path)
                .map(|((_, id), _)| id.clone())
        })
        // A record that could not be read is named by its file, as the
        // documents that asked for it noted it.
        .or_else(|| {
            path.file_stem()
                .and_then(|s| s.to_str())
                .map(|s| Id(s.to_owned()))
        })?;
    let keys: Vec<String> = plan
        .jobs
        .iter()
        .filter(|j| j.deps.contains(&id))
        .map(|j| j.key.clone())
        .collect();
    (!keys.is_empty()).then_some(keys)
}
