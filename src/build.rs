//! `tdkt build`: check, plan, render, write. Every document whose records are
//! valid is rendered; one that depends on an invalid record is not, and the
//! summary says which and why. Files are written to a temporary name in
//! their folder and renamed, so a failed or interrupted build never leaves a
//! half-written PDF nor replaces a good one.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use crate::check::{self, Report};
use crate::load::{self, Loaded};
use crate::locate::scalars;
use crate::plan::{self, Job};
use crate::problem::Problem;
use crate::records::Records;
use crate::render::fonts::{FAMILY, FILE_NAMES, Fonts};
use crate::render::{Engine, RenderError, Templates};
use crate::text::Id;

pub struct Options {
    pub records: PathBuf,
    pub out: PathBuf,
    pub emit_typst: bool,
    pub templates: Option<PathBuf>,
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
    pub skipped: Vec<Skipped>,
    pub failed: Vec<RenderError>,
    /// Problems of the records (data, coverage) and of the council's decisions.
    pub problems: Vec<Problem>,
    /// Problems writing files.
    pub io: Vec<String>,
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
        for scalar in scalars(text) {
            let value: String = scalar.text.nfc().collect();
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

/// Writes `bytes` to `path` through a temporary file in the same folder.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)
        .map_err(|e| format!("{}: không tạo được thư mục ({e})", dir.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".tdkt-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| format!("{}: không tạo được tệp tạm ({e})", dir.display()))?;
    tmp.write_all(bytes)
        .map_err(|e| format!("{}: không ghi được ({e})", path.display()))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| format!("{}: không ghi được ({e})", path.display()))?;
    tmp.persist(path)
        .map_err(|e| format!("{}: không ghi được ({})", path.display(), e.error))?;
    Ok(())
}

/// The ids whose records have a problem, with the files that say so.
fn invalid_records(
    loaded: &Loaded,
    report: Option<&Report>,
    coverage: &[Problem],
) -> BTreeMap<Id, BTreeSet<PathBuf>> {
    let mut invalid: BTreeMap<Id, BTreeSet<PathBuf>> = BTreeMap::new();
    let decisions = report
        .map(|r| r.loi_quyet_dinh.iter().map(|e| &e.problem))
        .into_iter()
        .flatten();
    for p in loaded.problems.iter().chain(coverage).chain(decisions) {
        if let Some(id) = id_of(&p.file) {
            invalid.entry(id).or_default().insert(p.file.clone());
        }
    }
    invalid
}

pub fn build(options: &Options) -> Summary {
    let mut summary = Summary::default();
    let loaded = load::load(&options.records);
    let Some(records) = &loaded.records else {
        summary.problems = loaded.problems;
        return summary;
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
            return summary;
        }
    };
    let report = check::check(records);
    let coverage = uncovered(records, engine.fonts());
    let invalid = invalid_records(&loaded, Some(&report), &coverage);
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
    if options.emit_typst {
        emit_support(&options.out, &templates, &mut summary);
    }
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
        render_one(&engine, job, options, &mut summary);
    }
    summary
}

fn render_one(engine: &Engine, job: &Job, options: &Options, summary: &mut Summary) {
    match engine.render(job) {
        Ok(rendered) => {
            let pdf = options.out.join(format!("{}.pdf", job.key));
            if options.emit_typst {
                let typ = options.out.join(format!("{}.typ", job.key));
                if let Err(e) = write_atomically(&typ, rendered.typst.as_bytes()) {
                    summary.io.push(e);
                }
            }
            match write_atomically(&pdf, &rendered.pdf) {
                Ok(()) => summary.rendered.push(job.key.clone()),
                Err(e) => summary.io.push(e),
            }
        }
        Err(e) => summary.failed.push(e),
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
    for (name, data) in FILE_NAMES.iter().zip(Fonts::files()) {
        if let Err(e) = write_atomically(&out.join("fonts").join(name), data) {
            summary.io.push(e);
        }
    }
}
