//! What a build does with each planned document: keep its PDF, render it,
//! publish its archive, or hold it back and say why.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::parallel::{LARGE_CONTEXT, Todo};
use super::{ISSUED, Options, Planned, Skipped, Summary, frozen};
use crate::check::held_back;
use crate::job::Job;
use crate::manifest::{self, Manifest};
use crate::records::Register;
use crate::text::Id;

enum Step<'a> {
    /// Its PDF is current.
    Unchanged,
    Render(Todo<'a>),
    Skip(Skipped),
}

/// The documents to render, of those asked for (`chosen`; none: all); the
/// summary counts the unchanged and says why any is held back.
pub(super) fn todo<'a>(
    plans: &'a [Planned],
    chosen: Option<&BTreeSet<String>>,
    known: &Known,
    summary: &mut Summary,
) -> Vec<Todo<'a>> {
    let mut todo = Vec::new();
    for plan in plans {
        let asked = |job: &&Job| chosen.is_none_or(|keys| keys.contains(&job.key));
        for job in plan.jobs.iter().filter(asked) {
            match step(job, &plan.invalid, known) {
                Step::Unchanged => summary.unchanged += 1,
                Step::Render(next) => todo.push(next),
                Step::Skip(skipped) => summary.skipped.push(skipped),
            }
        }
    }
    todo
}

/// What every document's step is decided against.
pub(super) struct Known<'a> {
    pub options: &'a Options,
    pub register: &'a Register,
    pub manifest: &'a Manifest,
    pub template_hashes: &'a BTreeMap<String, String>,
}

/// The step of `job`, whose plan's invalid records are `invalid`.
fn step<'a>(job: &'a Job, invalid: &BTreeMap<Id, BTreeSet<PathBuf>>, known: &Known) -> Step<'a> {
    let Known {
        options,
        register,
        manifest,
        template_hashes,
    } = *known;
    // An issued document is its archived PDF, whatever its records say now
    // (check says when they differ).
    if let Some((file, entry)) = register.of(&job.key).next() {
        // An entry of another type is no entry of this document (said by
        // `frozen`): its archive is not published as it.
        if !frozen::entry_fits(job, entry) {
            return Step::Skip(Skipped {
                key: job.key.clone(),
                why: format!("mục sổ sai: {}", file.display()),
            });
        }
        let inputs = format!("{ISSUED}{}", entry.bam_tep);
        if !options.force && manifest.is_current(&options.out, &job.key, &inputs) {
            return Step::Unchanged;
        }
        return Step::Render(Todo {
            job,
            inputs,
            large: false,
            archived: Some((options.records.join(&entry.ban_luu), entry.bam_tep.clone())),
        });
    }
    if let Some(files) = held_back(job, invalid) {
        return Step::Skip(Skipped {
            key: job.key.clone(),
            why: format!("bản ghi có lỗi: {files}"),
        });
    }
    let context = serde_json::to_vec(&job.context).unwrap_or_default();
    let template_hash = template_hashes.get(job.template).map_or("", String::as_str);
    let inputs = manifest::inputs_hash(job, &context, template_hash);
    let typ_missing = options.emit_typst && !options.out.join(format!("{}.typ", job.key)).exists();
    if !options.force && !typ_missing && manifest.is_current(&options.out, &job.key, &inputs) {
        return Step::Unchanged;
    }
    Step::Render(Todo {
        job,
        inputs,
        large: context.len() > LARGE_CONTEXT,
        archived: None,
    })
}
