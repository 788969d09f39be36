//! Whether a document may be made now: the records with a problem (the
//! loader's, the rules') and the documents that read them. `build`, `issue`
//! and `list` ask the same question here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::Report;
use crate::job::Job;
use crate::load::Loaded;
use crate::text::Id;

fn id_of(file: &Path) -> Option<Id> {
    file.file_stem()
        .and_then(|s| s.to_str())
        .map(|s| Id(s.to_owned()))
}

/// The ids whose records have a problem, with the files that say so.
pub fn invalid_records(loaded: &Loaded, report: &Report) -> BTreeMap<Id, BTreeSet<PathBuf>> {
    let mut invalid: BTreeMap<Id, BTreeSet<PathBuf>> = BTreeMap::new();
    let decisions = report.loi_quyet_dinh.iter().map(|e| &e.problem);
    for p in loaded
        .problems
        .iter()
        .chain(&report.loi_du_lieu)
        .chain(decisions)
    {
        if let Some(id) = id_of(&p.file) {
            invalid.entry(id).or_default().insert(p.file.clone());
        }
    }
    invalid
}

/// The ids of a plan's records that have a problem (the loader's, the
/// check's), with the files that say so; none when the plan did not load.
pub fn invalid_in(loaded: &Loaded) -> BTreeMap<Id, BTreeSet<PathBuf>> {
    loaded
        .records
        .as_ref()
        .map_or_else(BTreeMap::new, |records| {
            invalid_records(loaded, &super::check(records))
        })
}

/// The files with a problem that hold `job` back, as the clerk reads them
/// ("2020/ca-nhan/a.yaml, 2020/ca-nhan/b.yaml"); none when it may be made.
pub fn held_back(job: &Job, invalid: &BTreeMap<Id, BTreeSet<PathBuf>>) -> Option<String> {
    let files: BTreeSet<&PathBuf> = job
        .deps
        .iter()
        .filter_map(|d| invalid.get(d))
        .flatten()
        .collect();
    (!files.is_empty()).then(|| {
        files
            .iter()
            .map(|f| f.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    })
}
