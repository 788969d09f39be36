//! `tdkt build`: check, plan, render, write. Every document whose records are
//! valid is rendered; one that depends on an invalid record is not, and the
//! summary says which and why. Files are written to a temporary name in
//! their folder and renamed, so a failed or interrupted build never leaves a
//! half-written PDF nor replaces a good one.

mod decide;
mod frozen;
mod output;
mod ownership;
mod parallel;
mod select;
mod spreadsheets;
mod watch;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::check;
use crate::documents;
use crate::error::{Action, Error};
use crate::files::{self, Staged, write_atomically};
use crate::fonts;
use crate::job::Job;
use crate::load::{self, Repository};
use crate::manifest::{self, Manifest};
use crate::problem::Problem;
use crate::records::Register;
use crate::render::{Engine, RenderError, Templates};
use crate::text::Id;
pub use frozen::frozen;
use ownership::{remove_vanished, target, vanished};
use parallel::{Done, Failure, Progress, Todo, render_all};
pub use watch::watch;

pub struct Options {
    pub records: PathBuf,
    /// Build only the plan of this name; none: every plan.
    pub plan: Option<String>,
    pub out: PathBuf,
    pub emit_typst: bool,
    pub templates: Option<PathBuf>,
    /// Render every document, changed or not.
    pub force: bool,
    /// Threads to render on; none: one per core.
    pub jobs: Option<usize>,
    /// Show progress on standard error.
    pub progress: bool,
    /// Build only these documents (names, folders of names, PDFs, record
    /// files; see `select`); none: every document.
    pub only: Vec<String>,
}

impl Options {
    /// Every document of `records` into `out`, as a plain `tdkt build`
    /// would: unchanged ones kept, every core used, no progress shown.
    pub fn new(records: PathBuf, out: PathBuf) -> Options {
        Options {
            records,
            plan: None,
            out,
            emit_typst: false,
            templates: None,
            force: false,
            jobs: None,
            progress: false,
            only: Vec::new(),
        }
    }
}

/// A document that was not rendered, and why.
#[derive(Debug)]
pub struct Skipped {
    pub key: String,
    pub why: String,
}

#[derive(Debug, Default)]
pub struct Summary {
    pub rendered: Vec<String>,
    /// Documents whose PDF is already the one their inputs give.
    pub unchanged: usize,
    /// PDFs of documents that no longer exist, removed.
    pub removed: Vec<String>,
    /// PDFs of documents the records no longer call for, kept because a
    /// record has a problem: a typo must never cost a good PDF.
    pub kept: Vec<String>,
    /// Spreadsheets written (`<key>.xlsx`), by key.
    pub sheets: Vec<String>,
    pub skipped: Vec<Skipped>,
    pub failed: Vec<RenderError>,
    /// Problems of the records (data, coverage) and of the council's decisions.
    pub problems: Vec<Problem>,
    /// What the clerk should know that is no error (a damaged manifest).
    pub notes: Vec<String>,
    /// Temporary files of interrupted builds, removed.
    pub leftovers: usize,
    /// Problems with the templates or writing files.
    pub io: Vec<Error>,
    /// Names asked for that are no document nor record, each with why:
    /// then nothing is built.
    pub unknown: Vec<String>,
    /// The PDFs of the documents asked for by name, as they are after the
    /// build (for `tdkt open`); only those that exist.
    pub asked: Vec<PathBuf>,
    pub elapsed: Duration,
}

impl Summary {
    pub fn ok(&self) -> bool {
        self.skipped.is_empty()
            && self.failed.is_empty()
            && self.problems.is_empty()
            && self.io.is_empty()
            && self.unknown.is_empty()
    }
}

pub fn build(options: &Options) -> Summary {
    crate::render::limit_arenas();
    let started = Instant::now();
    let mut summary = Summary::default();
    run(options, &mut summary);
    summary.elapsed = started.elapsed();
    summary
}

/// How the manifest's inputs of an issued document begin: its PDF is the
/// archived one, of this hash.
const ISSUED: &str = "da-ban-hanh:";

/// One plan's part of a build: its documents and what holds any back.
struct Planned<'a> {
    plan: &'a load::PlanLoaded,
    jobs: Vec<Job>,
    /// The ids of its records that have a problem, with the files saying so.
    invalid: BTreeMap<Id, BTreeSet<PathBuf>>,
}

/// Checks and plans one plan; its problems go to the summary.
fn plan_one<'a>(plan: &'a load::PlanLoaded, summary: &mut Summary) -> Planned<'a> {
    let loaded = &plan.loaded;
    summary.problems.extend(loaded.problems.iter().cloned());
    let Some(records) = &loaded.records else {
        return Planned {
            plan,
            jobs: Vec::new(),
            invalid: BTreeMap::new(),
        };
    };
    let report = check::check(records);
    summary.problems.extend(report.loi_du_lieu.iter().cloned());
    summary
        .problems
        .extend(report.loi_quyet_dinh.iter().map(|e| {
            let mut p = e.problem.clone();
            p.message = format!("[{}] {}", e.tieu_chi, p.message);
            p
        }));
    Planned {
        plan,
        jobs: documents::plan(records),
        invalid: check::invalid_records(loaded, &report),
    }
}

fn run(options: &Options, summary: &mut Summary) {
    let _held = match output::hold(&options.out, &options.records) {
        Ok(held) => held,
        Err(e) => {
            summary.io.push(e);
            return;
        }
    };
    let Some((repository, register)) = read_records(options, summary) else {
        return;
    };
    let (templates, engine) = match engine(options) {
        Ok(built) => built,
        Err(message) => {
            summary.io.push(message);
            return;
        }
    };
    let plans: Vec<Planned> = repository
        .plans
        .iter()
        .map(|p| plan_one(p, summary))
        .collect();
    for plan in &plans {
        let (problems, notes) = frozen(&options.records, &register, plan.plan, &plan.jobs);
        summary.problems.extend(problems);
        summary.notes.extend(notes);
    }
    let chosen = match select::chosen(&options.only, &plans, &options.records, &options.out) {
        Ok(chosen) => chosen,
        Err(unknown) => {
            summary.unknown = unknown;
            return;
        }
    };

    let (mut manifest, notes) = Manifest::read(&options.out);
    summary.notes.extend(notes);
    manifest.tdkt = env!("CARGO_PKG_VERSION").to_owned();
    remove_leftovers(&plans, &manifest, options, summary);
    if options.emit_typst {
        emit_support(&options.out, &templates, summary);
    }
    let known = decide::Known {
        options,
        register: &register,
        manifest: &manifest,
        template_hashes: &templates.hashes(),
    };
    let todo = decide::todo(&plans, chosen.as_ref(), &known, summary);

    let progress = Progress::new(options.progress, todo.len());
    let results = render_all(&engine, &todo, options, &progress);
    progress.finish();
    let staged: Vec<&Staged> = results
        .iter()
        .flatten()
        .flat_map(|done| done.typst.iter().chain([&done.pdf]))
        .collect();
    if let Err(e) = files::make_durable(&staged) {
        // Nothing is placed: every PDF stays as it was.
        summary.io.push(e);
        return;
    }
    place_rendered(todo, results, &mut manifest, options, summary);
    if chosen.is_none() {
        settle_vanished(&plans, &mut manifest, options, summary);
    }
    spreadsheets::write_all(&plans, chosen.as_ref(), &mut manifest, options, summary);
    for key in chosen.iter().flatten() {
        summary
            .asked
            .extend(manifest.file_of(&options.out, key).filter(|f| f.exists()));
    }
    // A build with nothing to do writes nothing, so it works on a folder it
    // may only read.
    if let Some(bytes) = manifest.changed_bytes()
        && let Err(e) = write_atomically(&options.out.join(manifest::FILE), &bytes)
    {
        summary.io.push(e);
    }
}

/// The records, the register and the archives, as a build reads them
/// under its hold; none when no plan loaded (every problem said).
fn read_records(options: &Options, summary: &mut Summary) -> Option<(Repository, Register)> {
    match crate::journal::recover(&options.records) {
        Ok(None) => {}
        Ok(Some(note)) => summary.notes.push(note),
        Err(why) => summary
            .problems
            .push(Problem::new(Path::new(load::REGISTER_FOLDER), "", why)),
    }
    let repository = load::repository(&options.records, options.plan.as_deref());
    summary.problems.extend(repository.problems.iter().cloned());
    let (register, problems) = load::read_register(&options.records);
    summary.problems.extend(problems);
    let archive = load::Archive::of(&options.records);
    let (problems, notes) = check::register::check(&register, &archive, &repository.names);
    summary.problems.extend(problems);
    summary.notes.extend(notes);
    if repository.plans.iter().all(|p| p.loaded.records.is_none()) {
        summary.problems.extend(
            repository
                .plans
                .iter()
                .flat_map(|p| p.loaded.problems.clone()),
        );
        return None;
    }
    Some((repository, register))
}

/// Removes what an interrupted build left. Only the folders a build writes
/// into can hold its temporary files: the output folder and those of the
/// documents' keys, each once.
fn remove_leftovers(
    plans: &[Planned],
    manifest: &Manifest,
    options: &Options,
    summary: &mut Summary,
) {
    let jobs = || plans.iter().flat_map(|p| &p.jobs);
    let folders: BTreeSet<&str> = std::iter::once("")
        .chain(
            manifest
                .documents
                .keys()
                .chain(jobs().map(|j| &j.key))
                .filter_map(|key| key.rsplit_once('/').map(|(folder, _)| folder)),
        )
        .collect();
    let folders: Vec<PathBuf> = folders.iter().map(|f| options.out.join(f)).collect();
    let (leftovers, errors) = output::remove_leftovers(folders.iter().map(PathBuf::as_path));
    summary.leftovers = leftovers;
    summary.io.extend(errors);
}

/// The templates a build uses and the engine compiled from them.
fn engine(options: &Options) -> Result<(Templates, Engine), Error> {
    let templates = match &options.templates {
        Some(dir) => Templates::from_dir(dir)?,
        None => Templates::embedded(),
    };
    let engine = Engine::new(&templates)?;
    Ok((templates, engine))
}

/// Each plan's vanished documents are its own: a plan with a broken record
/// keeps them all, and a plan not built (another's folder, one left out by
/// --plan) is not touched. Only a build of every document settles them.
fn settle_vanished(
    plans: &[Planned],
    manifest: &mut Manifest,
    options: &Options,
    summary: &mut Summary,
) {
    for plan in plans {
        if plan.plan.loaded.problems.is_empty() {
            remove_vanished(&plan.plan.name, &plan.jobs, manifest, options, summary);
        } else {
            summary
                .kept
                .extend(vanished(&plan.plan.name, &plan.jobs, manifest));
        }
    }
}

/// Puts each rendered PDF in place and records it in the manifest; a PDF of
/// the same document written earlier elsewhere goes once the new one is in.
fn place_rendered(
    todo: Vec<Todo>,
    results: Vec<Result<Done, Failure>>,
    manifest: &mut Manifest,
    options: &Options,
    summary: &mut Summary,
) {
    for (Todo { job, inputs, .. }, result) in todo.into_iter().zip(results) {
        // Written earlier elsewhere: beside a foreign file since removed.
        let earlier = manifest
            .file_of(&options.out, &job.key)
            .filter(|f| manifest.wrote(&options.out, &job.key, f));
        let placed = result.and_then(|done| {
            let to = target(
                manifest,
                &options.out,
                &job.key,
                done.pdf.path(),
                &done.pdf_hash,
            )
            .map_err(Failure::Write)?;
            summary.notes.extend(to.note);
            done.place(inputs, to.path, to.beside)
        });
        match placed {
            Ok((entry, placed)) => {
                if let Some(old) = earlier.filter(|old| *old != placed)
                    && let Err(e) = fs::remove_file(&old)
                {
                    summary.io.push(Error::output(&old, Action::Remove, e));
                }
                manifest.record(&job.key, entry);
                summary.rendered.push(job.key.clone());
            }
            Err(Failure::Render(e)) => summary.failed.push(e),
            Err(Failure::Write(e)) => summary.io.push(e),
        }
    }
}

/// What a generated `.typ` needs to compile with the typst program: the
/// layout library at the output root and the fonts in `fonts/`.
fn emit_support(out: &Path, templates: &Templates, summary: &mut Summary) {
    for (name, text) in templates.files.iter().filter(|(n, _)| n.ends_with(".typ")) {
        if let Err(e) = write_atomically(&out.join(name), text.as_bytes()) {
            summary.io.push(e);
        }
    }
    for (name, data) in fonts::FILES {
        if let Err(e) = write_atomically(&out.join("fonts").join(name), data) {
            summary.io.push(e);
        }
    }
}
