//! Rendering many documents at once: small ones in parallel on plain
//! threads, large ones after them, alone, with the memo cache swept; each
//! document's files staged beside their places as it finishes.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use indicatif::{ProgressBar, ProgressStyle};

use super::Options;
use crate::error::Error;
use crate::files::{self, Staged};
use crate::job::Job;
use crate::manifest::Entry;
use crate::render::{CacheJanitor, Engine, RenderError};

const RENDER_STACK: usize = 64 * 1024 * 1024;

/// A document to render: its job, its inputs hash for the manifest, and
/// whether its context is large (see `render_all`).
pub(super) struct Todo<'a> {
    pub job: &'a Job,
    pub inputs: String,
    pub large: bool,
    /// An issued document's archived PDF and its hash in the register:
    /// placed as it is, never rendered.
    pub archived: Option<(PathBuf, String)>,
}

pub(super) enum Failure {
    Render(RenderError),
    Write(Error),
}

/// A document whose context is larger than this is rendered on its own,
/// after the others (see `render_all`). The province-sized registration list
/// is about 1 MB; a form about 3 KB.
pub(super) const LARGE_CONTEXT: usize = 64 * 1024;

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
pub(super) fn render_all(
    engine: &Engine,
    todo: &[Todo],
    options: &Options,
    progress: &Progress,
) -> Vec<Result<Done, Failure>> {
    let one = |i: usize| {
        // A panic inside Typst fails this document alone: the thread goes
        // on with the next one instead of taking its queue down with it.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            render_one(engine, &todo[i], options)
        }))
        .unwrap_or_else(|_| {
            Err(Failure::Write(Error::RenderPanic {
                document: todo[i].job.key.clone(),
            }))
        });
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
                Err(Failure::Write(Error::RenderThread {
                    document: job.key.clone(),
                }))
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
pub(super) struct Done {
    pub pdf: Staged,
    pub pdf_hash: String,
    pub typst: Option<Staged>,
}

impl Done {
    /// Renames the document's files into place; its manifest entry.
    /// Renames the document's files into place, its PDF at `path` (`beside`
    /// names it when that is not the document's own name); its manifest
    /// entry and where the PDF went.
    pub fn place(
        self,
        inputs: String,
        path: PathBuf,
        beside: Option<String>,
    ) -> Result<(Entry, PathBuf), Failure> {
        if let Some(typst) = self.typst {
            files::place(typst).map_err(Failure::Write)?;
        }
        let pdf = files::place_at(self.pdf, &path).map_err(Failure::Write)?;
        Ok((Entry::written(&pdf, inputs, self.pdf_hash, beside), pdf))
    }
}

/// Renders one document and stages its files.
fn render_one(engine: &Engine, todo: &Todo, options: &Options) -> Result<Done, Failure> {
    let job = todo.job;
    let pdf = options.out.join(format!("{}.pdf", job.key));
    files::check_inside(&options.out, &pdf).map_err(Failure::Write)?;
    if let Some((archived, issued)) = &todo.archived {
        let bytes =
            crate::read::read_bounded(archived, crate::read::MAX_PDF_BYTES).map_err(|why| {
                Failure::Write(Error::ArchiveUnreadable {
                    path: archived.clone(),
                    why: why.to_string(),
                })
            })?;
        // Only the PDF the register names is ever published as issued.
        if crate::job::hash_bytes(&bytes) != *issued {
            return Err(Failure::Write(Error::ArchiveChanged {
                path: archived.clone(),
            }));
        }
        return Ok(Done {
            pdf: files::stage(&pdf, &bytes).map_err(Failure::Write)?,
            pdf_hash: crate::job::hash_bytes(&bytes),
            typst: None,
        });
    }
    let rendered = engine.render(job).map_err(Failure::Render)?;
    let typst = options
        .emit_typst
        .then(|| {
            let typ = options.out.join(format!("{}.typ", job.key));
            files::stage(&typ, rendered.typst.as_bytes())
        })
        .transpose()
        .map_err(Failure::Write)?;
    Ok(Done {
        pdf: files::stage(&pdf, &rendered.pdf).map_err(Failure::Write)?,
        pdf_hash: crate::job::hash_bytes(&rendered.pdf),
        typst,
    })
}

/// A bar on a terminal; otherwise a plain line at every tenth, for logs.
pub(super) struct Progress {
    bar: Option<ProgressBar>,
    total: usize,
    done: AtomicUsize,
    plain: bool,
}

impl Progress {
    pub fn new(wanted: bool, total: usize) -> Progress {
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

    pub fn tick(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if self.plain && (done * 10 / self.total) > ((done - 1) * 10 / self.total) {
            eprintln!("Đang lập văn bản: {done}/{}", self.total);
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
