//! Stage 1: read a records folder into typed [`Records`], collecting every
//! problem of every file before reporting. Here the folder is walked and
//! each file parsed; [`explain`] puts serde's complaints into a clerk's
//! words; [`resolve`] checks what records say of each other.

mod explain;
mod files;
pub mod guard;
mod mend;
mod register;
mod repository;
mod resolve;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::locate::{locate, locate_exact, locate_last};
use crate::problem::Problem;
use crate::read;
use crate::records::{Kind, Records};
use crate::text::Id;
use explain::explain;
use mend::Mistake;
pub use register::{
    Archive, Archived, Kept, issued_revision, read as read_register, read_kept, scan_of, signed_of,
    sources_of,
};
pub use repository::{
    ARCHIVE_FOLDER, PlanLoaded, REGISTER_FOLDER, Repository, plan_name_refused, repository,
};

/// What loading a folder gives: the records that could be read (none without
/// a valid plan) and every problem found, each naming its file, so later
/// stages can leave out whatever depends on a record with a problem.
#[derive(Debug)]
pub struct Loaded {
    pub records: Option<Records>,
    pub problems: Vec<Problem>,
}

/// A file read and parsed, before cross-references are resolved.
struct Parsed<T> {
    id: Id,
    file: PathBuf,
    text: String,
    value: T,
}

#[derive(Default)]
struct Files {
    plans: Vec<Parsed<crate::records::Plan>>,
    collectives: Vec<Parsed<crate::records::Collective>>,
    people: Vec<Parsed<crate::records::Person>>,
    meetings: Vec<Parsed<crate::records::Meeting>>,
    proposals: Vec<Parsed<crate::records::Proposal>>,
    lists: Vec<Parsed<crate::records::RegistrationList>>,
    reports: Vec<Parsed<crate::records::YearReport>>,
    decisions: Vec<Parsed<crate::records::Decision>>,
    /// Every id seen, parsed or not, with its file: a reference to a file that
    /// failed to parse is not also reported as dangling.
    seen: BTreeMap<Id, (PathBuf, Kind)>,
    mended: Mended,
}

/// The records that did not read, as mended to find all their mistakes:
/// never records, but what they name is checked, so a wrong reference is
/// said in the same run as the missing key beside it.
#[derive(Default)]
struct Mended {
    collectives: Vec<Parsed<crate::records::Collective>>,
    people: Vec<Parsed<crate::records::Person>>,
    meetings: Vec<Parsed<crate::records::Meeting>>,
    proposals: Vec<Parsed<crate::records::Proposal>>,
    decisions: Vec<Parsed<crate::records::Decision>>,
    /// The fields each was mended at: what is there is the mend's, and
    /// what its references say of them is not the clerk's to hear.
    fields: BTreeMap<PathBuf, Vec<String>>,
}

/// Loads a folder holding one plan, as [`repository`] would.
pub fn load(dir: &Path) -> Loaded {
    let mut repository = repository(dir, None);
    match repository.plans.pop() {
        Some(mut plan) if repository.plans.is_empty() => {
            plan.loaded.problems.extend(repository.problems);
            plan.loaded.problems.sort();
            plan.loaded
        }
        _ => Loaded {
            records: None,
            problems: repository.problems,
        },
    }
}

/// Loads one plan's folder `plan_dir` inside the records folder `root`
/// (the same folder for a records folder holding one plan); files are named
/// relative to `root`, as the clerk finds them, and documents go below
/// `name` (none: the plan's year).
pub fn load_plan(root: &Path, plan_dir: &Path, name: Option<&str>) -> Loaded {
    let mut problems = Vec::new();
    let mut files = Files::default();
    let mut admitted = Vec::new();
    // Hidden files and folders (.git, .github, .gitlab-ci.yml, editor
    // settings) belong to the repository, not to the records; the register
    // and the archive of issued documents are not a plan's records.
    let walk = WalkDir::new(plan_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            e.depth() == 0
                || !(name.starts_with('.')
                    || e.depth() == 1 && [REGISTER_FOLDER, ARCHIVE_FOLDER].contains(&&*name))
        });
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().unwrap_or(plan_dir);
                let path = path.strip_prefix(root).unwrap_or(path).to_path_buf();
                problems.push(Problem::new(
                    &path,
                    "",
                    format!(
                        "không đọc được: {}",
                        crate::read::io_words(&std::io::Error::from(err))
                    ),
                ));
                continue;
            }
        };
        let path = entry.path();
        let is_yaml = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        );
        let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
        // A linked record file is read (and refused) below, by its name.
        if entry.path_is_symlink() && !is_yaml {
            problems.push(Problem::new(&rel, "", repository::LINK_NOT_READ));
            continue;
        }
        // A pipe or a device named like a record is read, and refused, as one.
        if entry.file_type().is_dir() || !is_yaml {
            continue;
        }
        let in_plan = path.strip_prefix(plan_dir).unwrap_or(path);
        match files::admit(in_plan, &rel, &mut files) {
            Ok((kind, id)) => admitted.push(files::Admitted {
                path: path.to_path_buf(),
                rel,
                kind,
                id,
            }),
            Err(found) => problems.extend(found),
        }
    }
    // Reading and parsing each file is its own work: on every core.
    for read in files::read_all(admitted) {
        if let Err(found) = files::store(read, &mut files) {
            problems.extend(found);
        }
    }
    let plan_file = plan_dir.join(Kind::PLAN_FILE);
    let plan_file = plan_file.strip_prefix(root).unwrap_or(&plan_file);
    let records = resolve::resolve(files, plan_file, name, &mut problems);
    problems.sort();
    Loaded { records, problems }
}

fn kind_of(rel: &Path) -> Option<Kind> {
    let parts: Vec<_> = rel.components().collect();
    if parts.len() == 1 {
        return Kind::of_top_file(rel.to_str()?);
    }
    Kind::of_folder(parts.first()?.as_os_str().to_str()?)
}

/// A record's text: a real file (not a link), within the size limit, UTF-8,
/// without a byte-order mark, with Unix line ends.
fn read_text(path: &Path, rel: &Path) -> Result<String, Problem> {
    let bytes = read::read_bounded(path, guard::MAX_FILE_BYTES).map_err(|why| {
        let message = match why {
            read::Unreadable::TooLarge { size, limit } => format!(
                "tệp lớn {size} byte, quá giới hạn {limit} byte của một bản ghi; bản ghi chỉ gồm \
                 chữ, hãy kiểm tra xem có dán nhầm nội dung khác vào không"
            ),
            other => format!("không đọc được tệp: {other}"),
        };
        Problem::new(rel, "", message)
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Problem::new(
            rel,
            "",
            "tệp không phải văn bản UTF-8 (có thể là tệp Word, Excel hay bảng mã cũ); \
             hãy lưu lại dưới dạng văn bản UTF-8",
        )
    })?;
    Ok(text
        .strip_prefix('\u{FEFF}')
        .unwrap_or(&text)
        .replace("\r\n", "\n"))
}

/// Refuses a record's text the guard refuses (`guard::check`), placed at
/// the character at fault.
fn guarded(text: &str, rel: &Path) -> Result<(), Problem> {
    guard::check(text)
        .map_err(|refusal| Problem::new(rel, "", refusal.message).at(refusal.line, refusal.column))
}

/// A file outside the plans' walk (the register, another plan's
/// decisions): its text read and guarded as a record's is.
fn read_guarded(path: &Path, rel: &Path) -> Result<String, Problem> {
    let text = read_text(path, rel)?;
    guarded(&text, rel)?;
    Ok(text)
}

/// The first tab in a line's indentation, 1-based.
fn first_indenting_tab(text: &str) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(i, line)| {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        line[..indent].find('\t').map(|col| (i + 1, col + 1))
    })
}

/// A record that did not read: its problems, and the record as mended to
/// find them all (see `mend`) when mending reached the end.
struct Broken<T> {
    problems: Vec<Problem>,
    mended: Option<Parsed<T>>,
}

impl<T> From<Broken<T>> for Vec<Problem> {
    fn from(broken: Broken<T>) -> Self {
        broken.problems
    }
}

fn parse<T: DeserializeOwned + JsonSchema>(
    id: Id,
    file: PathBuf,
    text: String,
) -> Result<Parsed<T>, Broken<T>> {
    let de = serde_yaml::Deserializer::from_str(&text);
    let err = match serde_path_to_error::deserialize::<_, T>(de) {
        Ok(value) => {
            return Ok(Parsed {
                id,
                file,
                text,
                value,
            });
        }
        Err(err) => err,
    };
    // serde_yaml places a value it rejects, but places our own
    // deserializers' errors (dates, vocabularies) at the enclosing
    // mapping: where the field is written out is the better place.
    let serde_place = err.inner().location().map(|l| (l.line(), l.column()));
    let first = Mistake::of(&err);
    let mut problems = vec![problem_of(&file, &text, &first, serde_place)];
    // A mistake of the YAML itself (a tab, a key written twice) is not in
    // the tree to mend: it is the one said.
    let in_the_tree = !first.path.contains('?')
        && !first.raw.contains("found a tab character")
        && !first.raw.contains("duplicate field");
    if !in_the_tree {
        return Err(Broken {
            problems,
            mended: None,
        });
    }
    let (further, mended) = mend::further::<T>(&text, first);
    problems.extend(further.iter().map(|m| problem_of(&file, &text, m, None)));
    Err(Broken {
        problems,
        mended: mended.map(|value| Parsed {
            id,
            file,
            text,
            value,
        }),
    })
}

/// A mistake serde found, as a problem placed at its field.
fn problem_of(
    file: &Path,
    text: &str,
    mistake: &Mistake,
    serde_place: Option<(usize, usize)>,
) -> Problem {
    let raw = &mistake.raw;
    let (field, message) = explain(&mistake.path, raw);
    let (field, place) = if raw.contains("found a tab character") {
        // libyaml places a tab at the key before it; the tab itself
        // is where the clerk must look.
        (String::new(), first_indenting_tab(text).or(serde_place))
    } else if raw.contains("duplicate field") {
        (field.clone(), locate_last(text, &field).or(serde_place))
    } else {
        let place = locate_exact(text, &field)
            .filter(|_| !field.is_empty())
            .or(serde_place)
            .or_else(|| locate(text, &field))
            .or_else(|| {
                // A missing key is placed where its mapping begins, as
                // serde places it when it is the first mistake.
                raw.starts_with("missing field")
                    .then(|| match mistake.path.as_str() {
                        "." | "" => Some((1, 1)),
                        parent => locate(text, parent),
                    })
                    .flatten()
            });
        (field, place)
    };
    let problem = Problem::new(file, field, message);
    match place {
        Some((line, column)) => problem.at(line, column),
        None => problem,
    }
}
