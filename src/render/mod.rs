//! Stage 4: a job becomes a PDF. minijinja turns the template and context
//! into Typst source, escaping every value; Typst compiles it in a world that
//! sees only the templates' own files and the embedded fonts; typst-pdf
//! writes PDF/A-2b with fixed metadata, so the bytes depend on the records
//! alone.

pub mod filters;
mod janitor;
mod templates;
pub mod world;

use std::fmt;

use chrono::Datelike;
use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};

use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Datetime, Smart};
use typst::syntax::Source;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::error::Error;
use crate::job::Job;
pub use janitor::{CacheJanitor, limit_arenas, return_freed_memory};
pub use templates::Templates;
use world::{DocumentWorld, Shared, main_id};

/// What rendering a job gives.
pub struct Rendered {
    pub pdf: Vec<u8>,
    /// The generated Typst source, for `--emit-typ`.
    pub typst: String,
}

/// Why a document could not be rendered: a template bug, said with the
/// template, the line and the document.
#[derive(Debug, Clone)]
pub struct RenderError {
    pub document: String,
    pub template: String,
    pub message: String,
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: lỗi mẫu {}: {}",
            self.document, self.template, self.message
        )
    }
}

/// The process-wide state: built once, shared by every document and thread.
pub struct Engine {
    env: Environment<'static>,
    /// The same templates with each content line marked with its file and
    /// line, rendered only to say where a Typst error comes from.
    marked: Environment<'static>,
    shared: Shared,
    creator: String,
}

impl Engine {
    pub fn new(templates: &Templates) -> Result<Engine, Error> {
        Ok(Engine {
            env: environment(templates, false)?,
            marked: environment(templates, true)?,
            shared: Shared::new(&templates.typst_files()),
            creator: format!("tdkt {}", env!("CARGO_PKG_VERSION")),
        })
    }

    /// The Typst source of a job.
    pub fn source(&self, job: &Job) -> Result<String, RenderError> {
        let template = job.template;
        let error = |message: String| RenderError {
            document: job.key.clone(),
            template: template.to_owned(),
            message,
        };
        let tmpl = self
            .env
            .get_template(template)
            .map_err(|e| error(e.to_string()))?;
        tmpl.render(Value::from_serialize(&job.context))
            .map_err(|e| {
                // An error in a shared template names it: the job's own
                // template is already in the message.
                let file = e
                    .name()
                    .filter(|name| *name != template)
                    .map_or(String::new(), |name| format!("{name}, "));
                let line = e
                    .line()
                    .map_or(String::new(), |l| format!("{file}dòng {l}: "));
                error(format!("{line}{}", e.detail().unwrap_or(&e.to_string())))
            })
    }

    pub fn render(&self, job: &Job) -> Result<Rendered, RenderError> {
        let typst = self.source(job)?;
        let pdf = self.compile(job, &typst);
        // The memo cache grows with every distinct document: empty it after
        // each, on success and on error alike.
        typst::comemo::evict(0);
        Ok(Rendered { pdf: pdf?, typst })
    }

    /// The template and its line that produced `line` of the job's Typst
    /// source: the marked templates render the same lines, each ending with
    /// the marker of the line it came from. A line a shared macro wrote
    /// carries the macro's marker first, then the caller's.
    fn template_line(&self, job: &Job, line: usize) -> Option<(String, usize)> {
        let marked = self.marked.get_template(job.template).ok()?;
        let text = marked.render(Value::from_serialize(&job.context)).ok()?;
        let generated = text.lines().nth(line.checked_sub(1)?)?;
        let start = generated.find(MARK)? + MARK.len();
        let marker = &generated[start..generated[start..].find("*/")? + start];
        let (file, line) = marker.rsplit_once(':')?;
        Some((file.to_owned(), line.parse().ok()?))
    }

    fn compile(&self, job: &Job, typst: &str) -> Result<Vec<u8>, RenderError> {
        let template = job.template;
        let today = Datetime::from_ymd(
            job.date.year(),
            job.date.month() as u8,
            job.date.day() as u8,
        )
        .ok_or_else(|| RenderError {
            document: job.key.clone(),
            template: template.to_owned(),
            message: format!("ngày {} nằm ngoài khoảng Typst xử lý được", job.date),
        })?;
        let world = DocumentWorld {
            shared: &self.shared,
            format: job.format,
            main: Source::new(main_id(), typst.to_owned()),
            today,
        };
        let template_line = |line: usize| self.template_line(job, line);
        let error = |diags: &[SourceDiagnostic]| RenderError {
            document: job.key.clone(),
            template: template.to_owned(),
            message: describe(&world, diags, template, &template_line),
        };
        let warned = typst::compile::<PagedDocument>(&world);
        let mut document = warned.output.map_err(|diags| error(diags.as_slice()))?;
        document.info_mut().keywords = provenance(job).into_iter().map(Into::into).collect();
        // An unknown font or any other warning would change the page silently.
        if !warned.warnings.is_empty() {
            return Err(error(&warned.warnings));
        }
        let options = PdfOptions {
            ident: Smart::Custom(job.key.clone()),
            creator: Smart::Custom(Some(self.creator.clone())),
            timestamp: Some(Timestamp::new_utc(today)),
            standards: PdfStandards::new(&[PdfStandard::A_2b]).map_err(|e| RenderError {
                document: job.key.clone(),
                template: template.to_owned(),
                message: e.message().to_string(),
            })?,
            // Untagged: no structure tree. Neither NĐ 30/2020 nor PDF/A-2b asks
            // for one, and for a table it is most of the file and of the
            // export's memory: the province-sized list is 0.5 MB untagged,
            // 4.0 MB tagged, and its export took 70 MB more (benchmarks.md).
            tagged: false,
            ..PdfOptions::default()
        };
        typst_pdf::pdf(&document, &options).map_err(|diags| error(diags.as_slice()))
    }
}

/// What a PDF says of where it comes from, in its metadata (XMP
/// `pdf:Keywords`, and the document information dictionary PDF/A keeps
/// equal to it): `tdkt verify` reads it back. Each entry is `tdkt:KEY=VALUE`.
pub fn provenance(job: &Job) -> Vec<String> {
    let context = serde_json::to_vec(&job.context).unwrap_or_default();
    let mut entries = vec![
        format!("{}{}={}", PROVENANCE, "van_ban", job.key),
        format!(
            "{}{}={}",
            PROVENANCE,
            "ke_hoach",
            job.key.split('/').next().unwrap_or_default()
        ),
    ];
    if let Some(shown) = job.issuable.as_ref().and_then(|i| i.shown.as_ref()) {
        entries.push(format!("{PROVENANCE}so={shown}"));
    }
    entries.push(format!("{PROVENANCE}bam={}", job.content_hash(&context)));
    entries.push(format!(
        "{PROVENANCE}phien_ban={}",
        env!("CARGO_PKG_VERSION")
    ));
    entries
}

/// The prefix of every provenance entry.
pub const PROVENANCE: &str = "tdkt:";

/// A Typst comment that no escaped value can contain (the escaper puts a
/// backslash before every "/" and "*").
const MARK: &str = "/*@dong ";

/// The environment of the templates: every value escaped for Typst, a
/// missing value an error. `marked`: each template's content lines end with
/// their marker (see `mark_lines`).
fn environment(templates: &Templates, marked: bool) -> Result<Environment<'static>, Error> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Custom("typst"));
    env.set_formatter(filters::format_value);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.add_filter("typst_str", filters::typst_str);
    env.add_filter("ngay_thang", filters::ngay_thang);
    env.add_filter("ngay_so", filters::ngay_so);
    env.add_filter("phan_tram", filters::phan_tram);
    env.add_filter("hai_so", filters::hai_so);
    env.add_filter("xep_ten", filters::xep_ten);
    env.add_filter("cham_cau", filters::cham_cau);
    env.add_filter("giu_cum", filters::giu_cum);
    env.add_filter("giu_cuoi", filters::giu_cuoi);
    env.add_filter("trich_dan", filters::trich_dan);
    env.add_filter("cac_dong", filters::cac_dong);
    env.add_filter("do_rong", filters::do_rong);
    env.add_filter("vi_tri", filters::vi_tri);
    for (name, text) in templates.minijinja() {
        let text = if marked {
            mark_lines(name, text)
        } else {
            text.clone()
        };
        env.add_template_owned(name.clone(), text)
            .map_err(|e| Error::TemplateInvalid {
                template: name.clone(),
                message: e.to_string(),
            })?;
    }
    Ok(env)
}

/// The template with a comment naming its file and line at the end of
/// every content line. Lines that are only a tag or a comment stay as they
/// are: the environment drops them whole (trim_blocks, lstrip_blocks), and a
/// marker would keep them. Every rendered line then ends with the marker of
/// the template line it came from.
fn mark_lines(name: &str, template: &str) -> String {
    let mut out = String::with_capacity(template.len() * 2);
    for (i, line) in template.lines().enumerate() {
        let t = line.trim();
        let tag_only = (t.starts_with("{%") && t.ends_with("%}"))
            || (t.starts_with("{#") && t.ends_with("#}"));
        out.push_str(line);
        if !t.is_empty() && !tag_only && !t.ends_with("%}") {
            out.push_str(&format!("{MARK}{name}:{}*/", i + 1));
        }
        out.push('\n');
    }
    out
}

/// Diagnostics with the file and line they point at: for the document's own
/// source, the template's line and the generated line (see `--emit-typ`);
/// otherwise the file of the templates.
fn describe(
    world: &DocumentWorld,
    diags: &[SourceDiagnostic],
    template: &str,
    template_line: &dyn Fn(usize) -> Option<(String, usize)>,
) -> String {
    diags
        .iter()
        .map(|d| {
            let kind = if d.severity == Severity::Warning {
                "cảnh báo"
            } else {
                "lỗi"
            };
            let place = d.span.id().and_then(|id| {
                let source = typst::World::source(world, id).ok()?;
                let range = world.range(d.span)?;
                let line = source.lines().byte_to_line(range.start)? + 1;
                let text = source
                    .text()
                    .lines()
                    .nth(line - 1)
                    .unwrap_or("")
                    .trim()
                    .to_owned();
                if id != main_id() {
                    return Some(format!("{:?}, dòng {line} (`{text}`)", id.vpath()));
                }
                Some(match template_line(line) {
                    Some((file, t)) => {
                        let file = if file == template {
                            String::new()
                        } else {
                            format!(" {file}")
                        };
                        format!(
                            "dòng {t} của mẫu{file} (dòng {line} của mã Typst sinh ra: `{text}`)"
                        )
                    }
                    None => format!("dòng {line} của mã Typst sinh ra (`{text}`)"),
                })
            });
            match place {
                Some(p) => format!("{kind} Typst ở {p}: {}", d.message),
                None => format!("{kind} Typst: {}", d.message),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents;
    use std::time::Duration;

    #[test]
    fn generated_lines_map_back_to_template_lines() {
        let mut templates = Templates::embedded();
        let form = "{# a comment #}\n#let x = 1\n{% for i in items %}\n#item[{{ i }}]\n{% endfor %}\n{% if flag %}\nyes {{ flag }}\n{% endif %}\n\n#oops\n";
        for (name, text) in &mut templates.files {
            if name == "dang-ky-ca-nhan.typ.j2" {
                *text = form.to_owned();
            }
        }
        let engine = Engine::new(&templates).expect("engine");
        let job = Job {
            key: "x".into(),
            kind: "dang-ky-ca-nhan",
            template: "dang-ky-ca-nhan.typ.j2",
            format: crate::vocab::Format::Party,
            date: chrono::NaiveDate::from_ymd_opt(2020, 3, 5).expect("date"),
            context: serde_json::json!({ "items": ["a", "b"], "flag": "có" }),
            deps: Default::default(),
            issuable: None,
        };
        let source = engine.source(&job).expect("source");
        let lines: Vec<&str> = source.lines().collect();
        assert_eq!(
            lines,
            ["#let x = 1", "#item[a]", "#item[b]", "yes có", "", "#oops"]
        );
        let mapped: Vec<Option<usize>> = (1..=6)
            .map(|l| engine.template_line(&job, l).map(|(_, line)| line))
            .collect();
        assert_eq!(mapped, [Some(2), Some(4), Some(4), Some(7), None, Some(10)]);
    }

    #[test]
    fn sweeping_the_cache_while_a_long_document_compiles_changes_no_byte() {
        let records = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("records/2020");
        let loaded = crate::load::load(&records);
        let records = loaded.records.expect("the example records load");
        let mut job = documents::plan(&records)
            .into_iter()
            .find(|j| j.key.ends_with("/dang-ky/danh-sach"))
            .expect("a registration list");
        // The example's 25 people, 8 times over: a list of nine pages.
        let people = job.context["ca_nhan"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert!(!people.is_empty());
        let many = std::iter::repeat_n(people, 8).flatten().collect();
        job.context["ca_nhan"] = serde_json::Value::Array(many);
        let engine = Engine::new(&Templates::embedded()).expect("engine");

        let calm = engine.render(&job).expect("render").pdf;
        let janitor = CacheJanitor::start(Duration::from_millis(1));
        let swept = engine.render(&job).expect("render").pdf;
        let sweeps = janitor.sweeps();
        drop(janitor);

        assert!(sweeps >= 10, "the janitor swept only {sweeps} times");
        assert!(calm == swept, "the PDF changed when the cache was swept");
    }
}
