//! `tdkt build`: check, plan, render, write. Every document whose records are
//! valid is rendered; one that depends on an invalid record is not, and the
//! summary says which and why. Files are written to a temporary name in
//! their folder and renamed, so a failed or interrupted build never leaves a
//! half-written PDF nor replaces a good one.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

use crate::check::{self, Report};
use crate::files::{self, Staged, write_atomically};
use crate::load::{self, Loaded};
use crate::locate::scalars;
use crate::manifest::{self, Entry, Manifest};
use crate::plan::{self, Job};
use crate::problem::Problem;
use crate::records::Records;
use crate::render::fonts::{self, FAMILY, Fonts};
use crate::render::{CacheJanitor, Engine, RenderError, Templates};
use crate::text::{Id, nfc};

pub struct Options {
    pub records: PathBuf,
    pub out: PathBuf,
    pub emit_typst: bool,
    pub templates: Option<PathBuf>,
    /// Render every document, changed or not.
    pub force: bool,
    /// Threads to render on; none: one per core.
    pub jobs: Option<usize>,
    /// Show progress on standard error.
    pub progress: bool,
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
    pub skipped: Vec<Skipped>,
    pub failed: Vec<RenderError>,
    /// Problems of the records (data, coverage) and of the council's decisions.
    pub problems: Vec<Problem>,
    /// Problems writing files.
    pub io: Vec<String>,
    pub elapsed: Duration,
}

impl Summary {
    pub fn ok(&self) -> bool {
        self.skipped.is_empty()
            && self.failed.is_empty()
            && self.problems.is_empty()
            && self.io.is_empty()
    }
}

/// Characters the fonts cannot draw, found in the records' text, each with
/// its file, field and place: rendering them would be an error deep in
/// Typst, so the clerk hears of it here, in their own words.
pub fn uncovered(records: &Records, fonts: &Fonts) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (file, text) in &records.sources {
        // Nearly every file is covered: only a file with a character the
        // fonts lack is walked again to name the field and place.
        let distinct: BTreeSet<char> = nfc(text).chars().filter(|c| !c.is_ascii()).collect();
        if distinct.iter().all(|&c| fonts.covers(c)) {
            continue;
        }
        for scalar in scalars(text) {
            let value = nfc(&scalar.text);
            let missing: BTreeSet<char> = value.chars().filter(|&c| !fonts.covers(c)).collect();
            if missing.is_empty() {
                continue;
            }
            let list: Vec<String> = missing
                .iter()
                .map(|c| format!("\"{c}\" (U+{:04X})", *c as u32))
                .collect();
            problems.push(
                Problem::new(
                    file,
                    scalar.field,
                    format!(
                        "ký tự {} không có trong phông chữ {FAMILY} nên không in được; hãy thay hoặc xóa",
                        list.join(", ")
                    ),
                )
                .at(scalar.line, scalar.column),
            );
        }
    }
    problems
}

fn id_of(file: &Path) -> Option<Id> {
    file.file_stem()
        .and_then(|s| s.to_str())
        .map(|s| Id(s.to_owned()))
}

/// The ids whose records have a problem, with the files that say so.
fn invalid_records(
    loaded: &Loaded,
    report: &Report,
    coverage: &[Problem],
) -> BTreeMap<Id, BTreeSet<PathBuf>> {
    let mut invalid: BTreeMap<Id, BTreeSet<PathBuf>> = BTreeMap::new();
    let decisions = report.loi_quyet_dinh.iter().map(|e| &e.problem);
    for p in loaded.problems.iter().chain(coverage).chain(decisions) {
        if let Some(id) = id_of(&p.file) {
            invalid.entry(id).or_default().insert(p.file.clone());
        }
    }
    invalid
}

pub fn build(options: &Options) -> Summary {
    let started = Instant::now();
    let mut summary = Summary::default();
    run(options, &mut summary);
    summary.elapsed = started.elapsed();
    summary
}

fn run(options: &Options, summary: &mut Summary) {
    let loaded = load::load(&options.records);
    let Some(records) = &loaded.records else {
        summary.problems = loaded.problems;
        return;
    };
    let templates = match &options.templates {
        Some(dir) => Templates::from_dir(dir),
        None => Ok(Templates::embedded()),
    };
    let built = templates.and_then(|t| Engine::new(&t).map(|e| (t, e)));
    let (templates, engine) = match built {
        Ok(built) => built,
        Err(message) => {
            summary.io.push(message);
            return;
        }
    };
    let report = check::check(records);
    let coverage = uncovered(records, engine.fonts());
    let invalid = invalid_records(&loaded, &report, &coverage);
    summary.problems = loaded.problems.clone();
    summary.problems.extend(coverage);
    summary
        .problems
        .extend(report.loi_quyet_dinh.iter().map(|e| {
            let mut p = e.problem.clone();
            p.message = format!("[{}] {}", e.rule, p.message);
            p
        }));

    let jobs = plan::plan(records);
    let mut manifest = Manifest::read(&options.out);
    manifest.tdkt = env!("CARGO_PKG_VERSION").to_owned();
    let template_hashes = templates.hashes();
    if options.emit_typst {
        emit_support(&options.out, &templates, summary);
    }
    let mut todo: Vec<Todo> = Vec::new();
    for job in &jobs {
        let blocking: BTreeSet<&PathBuf> = job
            .deps
            .iter()
            .filter_map(|d| invalid.get(d))
            .flatten()
            .collect();
        if !blocking.is_empty() {
            let files: Vec<String> = blocking.iter().map(|f| f.display().to_string()).collect();
            summary.skipped.push(Skipped {
                key: job.key.clone(),
                why: format!("bản ghi có lỗi: {}", files.join(", ")),
            });
            continue;
        }
        let context = serde_json::to_vec(&job.context).unwrap_or_default();
        let template_hash = template_hashes
            .get(job.kind.template())
            .map_or("", String::as_str);
        let inputs = manifest::inputs_hash(job, &context, template_hash);
        let typ_missing =
            options.emit_typst && !options.out.join(format!("{}.typ", job.key)).exists();
        if !options.force && !typ_missing && manifest.is_current(&options.out, &job.key, &inputs) {
            summary.unchanged += 1;
        } else {
            todo.push(Todo {
                job,
                inputs,
                large: context.len() > LARGE_CONTEXT,
            });
        }
    }

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
    for (Todo { job, inputs, .. }, result) in todo.into_iter().zip(results) {
        match result.and_then(|done| done.place(inputs)) {
            Ok(entry) => {
                manifest.record(&job.key, entry);
                summary.rendered.push(job.key.clone());
            }
            Err(Failure::Render(e)) => summary.failed.push(e),
            Err(Failure::Write(e)) => summary.io.push(e),
        }
    }
    remove_vanished(&jobs, &mut manifest, options, summary);
    if let Err(e) = write_atomically(&options.out.join(manifest::FILE), &manifest.to_bytes()) {
        summary.io.push(e);
    }
}

const RENDER_STACK: usize = 64 * 1024 * 1024;

/// A document to render: its job, its inputs hash for the manifest, and
/// whether its context is large (see `render_all`).
struct Todo<'a> {
    job: &'a Job,
    inputs: String,
    large: bool,
}

enum Failure {
    Render(RenderError),
    Write(String),
}

/// A document whose context is larger than this is rendered on its own,
/// after the others (see `render_all`). The province-sized registration list
/// is about 1 MB; a form about 3 KB.
const LARGE_CONTEXT: usize = 64 * 1024;

/// Renders each job and stages its files; the results come back in the
/// order of `todo`.
///
/// Small documents render in parallel, each worker a plain thread taking the
/// next job. Not rayon: Typst parallelises inside a document on rayon's pool,
/// and a rayon worker waiting there would steal another whole document and
/// compile it nested on the same stack — many documents in flight, each one's
/// cache eviction throwing away the others' work.
///
/// Large documents (a list of thousands) render afterwards, one at a time:
/// Typst's memo cache is global, so a concurrent eviction would discard a
/// large document's work in progress, and the cache keeps the capacity a large
/// document gave it (comemo 0.5 clears without shrinking), which would slow
/// every document after it. While they compile, a janitor empties the cache
/// of what they no longer use, which halves their peak memory.
fn render_all(
    engine: &Engine,
    todo: &[Todo],
    options: &Options,
    progress: &Progress,
) -> Vec<Result<Done, Failure>> {
    let one = |i: usize| {
        let result = render_one(engine, todo[i].job, options);
        progress.tick();
        (i, result)
    };
    let (big, small): (Vec<usize>, Vec<usize>) = (0..todo.len()).partition(|&i| todo[i].large);
    let threads = options
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, small.len().max(1));
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, Result<Done, Failure>)> = Vec::with_capacity(todo.len());
    std::thread::scope(|scope| {
        let small_worker = || {
            let mut done = Vec::new();
            loop {
                let k = next.fetch_add(1, Ordering::Relaxed);
                let Some(&i) = small.get(k) else { break };
                done.push(one(i));
            }
            done
        };
        let workers: Vec<_> = (0..threads).map(|_| spawn(scope, small_worker)).collect();
        for worker in workers {
            results.extend(join(worker));
        }
        if big.is_empty() {
            return;
        }
        // What the small documents freed goes back to the system before a
        // large one takes its share.
        crate::render::return_freed_memory();
        let big_worker = spawn(scope, || {
            let _janitor = CacheJanitor::start(CacheJanitor::PERIOD);
            big.iter().map(|&i| one(i)).collect::<Vec<_>>()
        });
        results.extend(join(big_worker));
    });
    let mut slots: Vec<Option<Result<Done, Failure>>> = (0..todo.len()).map(|_| None).collect();
    for (i, result) in results {
        slots[i] = Some(result);
    }
    slots
        .into_iter()
        .zip(todo)
        .map(|(slot, Todo { job, .. })| {
            slot.unwrap_or_else(|| {
                Err(Failure::Write(format!(
                    "{}: luồng lập văn bản dừng bất thường; hãy chạy lại",
                    job.key
                )))
            })
        })
        .collect()
}

type Finished = Vec<(usize, Result<Done, Failure>)>;

/// A render thread. Typst recurses deeply on a long document (a province's
/// registration list runs to two hundred pages): it gets a main thread's
/// stack, not a spawned thread's default.
fn spawn<'scope, 'env, F>(
    scope: &'scope std::thread::Scope<'scope, 'env>,
    f: F,
) -> Option<std::thread::ScopedJoinHandle<'scope, Finished>>
where
    F: FnOnce() -> Finished + Send + 'scope,
{
    std::thread::Builder::new()
        .stack_size(RENDER_STACK)
        .spawn_scoped(scope, f)
        .ok()
}

/// The results of a render thread; one that could not start or panicked
/// leaves its jobs' slots empty, and they are reported as failed.
fn join(handle: Option<std::thread::ScopedJoinHandle<'_, Finished>>) -> Finished {
    handle.and_then(|h| h.join().ok()).unwrap_or_default()
}

/// A rendered document: its files staged beside their places, and the hash
/// of its PDF for the manifest. No PDF stays in memory once staged.
struct Done {
    pdf: Staged,
    pdf_hash: String,
    typst: Option<Staged>,
}

impl Done {
    /// Renames the document's files into place; its manifest entry.
    fn place(self, inputs: String) -> Result<Entry, Failure> {
        if let Some(typst) = self.typst {
            files::place(typst).map_err(Failure::Write)?;
        }
        let pdf = files::place(self.pdf).map_err(Failure::Write)?;
        Ok(Entry::written(&pdf, inputs, self.pdf_hash))
    }
}

/// Renders one document and stages its files.
fn render_one(engine: &Engine, job: &Job, options: &Options) -> Result<Done, Failure> {
    let rendered = engine.render(job).map_err(Failure::Render)?;
    let typst = options
        .emit_typst
        .then(|| {
            let typ = options.out.join(format!("{}.typ", job.key));
            files::stage(&typ, rendered.typst.as_bytes())
        })
        .transpose()
        .map_err(Failure::Write)?;
    let pdf = options.out.join(format!("{}.pdf", job.key));
    Ok(Done {
        pdf: files::stage(&pdf, &rendered.pdf).map_err(Failure::Write)?,
        pdf_hash: manifest::hash_bytes(&rendered.pdf),
        typst,
    })
}

/// Removes the PDFs of documents the manifest lists but the records no
/// longer call for; nothing else in the folder is touched.
fn remove_vanished(
    jobs: &[Job],
    manifest: &mut Manifest,
    options: &Options,
    summary: &mut Summary,
) {
    let planned: BTreeSet<&str> = jobs.iter().map(|j| j.key.as_str()).collect();
    let gone: Vec<String> = manifest
        .documents
        .keys()
        .filter(|k| !planned.contains(k.as_str()))
        .cloned()
        .collect();
    for key in gone {
        if let Some(path) = manifest::pdf_path(&options.out, &key) {
            match fs::remove_file(&path) {
                Ok(()) => summary.removed.push(key.clone()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    summary
                        .io
                        .push(format!("{}: không xóa được ({e})", path.display()));
                    continue;
                }
            }
        }
        manifest.documents.remove(&key);
    }
}

/// A bar on a terminal; otherwise a plain line at every tenth, for logs.
struct Progress {
    bar: Option<ProgressBar>,
    total: usize,
    done: AtomicUsize,
    plain: bool,
}

impl Progress {
    fn new(wanted: bool, total: usize) -> Progress {
        let terminal = std::io::stderr().is_terminal();
        let bar = (wanted && terminal && total > 0).then(|| {
            let bar = ProgressBar::new(total as u64);
            if let Ok(style) =
                ProgressStyle::with_template("Đang lập văn bản {bar:40} {pos}/{len} ({eta})")
            {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            total,
            done: AtomicUsize::new(0),
            plain: wanted && !terminal && total >= 100,
        }
    }

    fn tick(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if self.plain && (done * 10 / self.total) > ((done - 1) * 10 / self.total) {
            eprintln!("Đang lập văn bản: {done}/{}", self.total);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
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
