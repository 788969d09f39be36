//! A plan's record files read: each named and admitted in the walk's order
//! (its kind from where it lies, its id from its name, once), then read,
//! guarded and parsed on every core, then stored in the walk's order.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{Broken, Files, Mended, Parsed, guarded, kind_of, parse, read_text};
use crate::problem::Problem;
use crate::records::{
    Collective, Decision, Kind, Meeting, Person, Plan, Proposal, RegistrationList, YearReport,
};
use crate::text::Id;
use crate::words::in_words;

/// A file admitted as a record of `kind` and `id`.
pub(super) struct Admitted {
    pub path: PathBuf,
    pub rel: PathBuf,
    pub kind: Kind,
    pub id: Id,
}

/// A file read and parsed, as its kind's record or what is wrong with it.
pub(super) enum Read {
    /// Boxed: a plan's record is several times a person's, and one a plan.
    Plan(Box<Result<Parsed<Plan>, Broken<Plan>>>),
    Collective(Result<Parsed<Collective>, Broken<Collective>>),
    Person(Result<Parsed<Person>, Broken<Person>>),
    Meeting(Result<Parsed<Meeting>, Broken<Meeting>>),
    Proposal(Result<Parsed<Proposal>, Broken<Proposal>>),
    List(Result<Parsed<RegistrationList>, Broken<RegistrationList>>),
    Report(Result<Parsed<YearReport>, Broken<YearReport>>),
    Decision(Result<Parsed<Decision>, Broken<Decision>>),
    /// Unreadable, empty or refused before parsing.
    Refused(Vec<Problem>),
}

/// The kind and id of the file at `in_plan` (below the plan's folder), or
/// why it is no record: a place no kind lives, a name no id can be, an id
/// another file has.
pub(super) fn admit(
    in_plan: &Path,
    rel: &Path,
    files: &mut Files,
) -> Result<(Kind, Id), Vec<Problem>> {
    let kind = kind_of(in_plan).ok_or_else(|| {
        let top: Vec<String> = Kind::top_files()
            .map(|kind| format!("{} ({})", kind.label(), kind.top_file().unwrap_or_default()))
            .collect();
        let folders: Vec<String> = Kind::in_folders()
            .map(|k| format!("{}/", k.folder()))
            .collect();
        vec![Problem::new(
            rel,
            "",
            format!(
                "không rõ đây là loại bản ghi nào; ở gốc thư mục chỉ có {}, các bản ghi khác đặt \
                 trong thư mục {}",
                in_words(&top, "và"),
                in_words(&folders, "hoặc")
            ),
        )]
    })?;
    let stem = rel.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    if !Id::is_valid(stem) {
        return Err(vec![Problem::new(
            rel,
            "",
            format!(
                "tên tệp là mã của bản ghi: {}; hãy đổi tên, ví dụ nguyen-thi-lan.yaml",
                Id::rule()
            ),
        )]);
    }
    let id = Id(stem.to_owned());
    if let Some((first, _)) = files.seen.get(&id) {
        return Err(vec![Problem::new(
            rel,
            "",
            format!(
                "mã \"{id}\" trùng với tệp {}; mỗi bản ghi cần một tên tệp riêng",
                first.display()
            ),
        )]);
    }
    files.seen.insert(id.clone(), (rel.to_path_buf(), kind));
    Ok((kind, id))
}

/// Every admitted file read, in their order; the work shared by as many
/// threads as cores, each taking the next file.
pub(super) fn read_all(admitted: Vec<Admitted>) -> Vec<Read> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, admitted.len().max(1));
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<Read>>> = admitted.iter().map(|_| Mutex::new(None)).collect();
    let work = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(file) = admitted.get(i) else { break };
            let read = read_one(file);
            if let Ok(mut slot) = slots[i].lock() {
                *slot = Some(read);
            }
        }
    };
    std::thread::scope(|scope| {
        // Helpers that cannot start leave their share to this thread, which
        // works too.
        for _ in 1..threads {
            let _ = std::thread::Builder::new().spawn_scoped(scope, work);
        }
        work();
    });
    slots
        .into_iter()
        .zip(&admitted)
        .map(|(slot, file)| {
            slot.into_inner().ok().flatten().unwrap_or_else(|| {
                Read::Refused(vec![Problem::new(
                    &file.rel,
                    "",
                    "không đọc được tệp (luồng đọc dừng giữa chừng); hãy chạy lại",
                )])
            })
        })
        .collect()
}

/// One file read, guarded and parsed as its kind's record.
fn read_one(file: &Admitted) -> Read {
    let rel = &file.rel;
    let text = match read_text(&file.path, rel) {
        Ok(text) => text,
        Err(problem) => return Read::Refused(vec![problem]),
    };
    if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Read::Refused(vec![Problem::new(
            rel,
            "",
            format!(
                "tệp rỗng; hãy ghi nội dung bản ghi {} (xem tdkt help records)",
                file.kind.label()
            ),
        )]);
    }
    if let Err(problem) = guarded(text.as_str(), rel) {
        return Read::Refused(vec![problem]);
    }
    let (id, rel) = (file.id.clone(), rel.clone());
    match file.kind {
        Kind::Plan => Read::Plan(Box::new(parse(id, rel, text))),
        Kind::Collective => Read::Collective(parse(id, rel, text)),
        Kind::Person => Read::Person(parse(id, rel, text)),
        Kind::Meeting => Read::Meeting(parse(id, rel, text)),
        Kind::Proposal => Read::Proposal(parse(id, rel, text)),
        Kind::RegistrationList => Read::List(parse(id, rel, text)),
        Kind::YearReport => Read::Report(parse(id, rel, text)),
        Kind::Decision => Read::Decision(parse(id, rel, text)),
    }
}

/// A file read, into its kind's list; a record that did not parse gives its
/// problems, and its mended self goes aside for its references.
pub(super) fn store(read: Read, files: &mut Files) -> Result<(), Vec<Problem>> {
    let m = &mut files.mended;
    match read {
        Read::Refused(problems) => return Err(problems),
        Read::Plan(parsed) => files.plans.push((*parsed)?),
        Read::Collective(parsed) => files
            .collectives
            .push(kept(parsed, m, |m| &mut m.collectives)?),
        Read::Person(parsed) => files.people.push(kept(parsed, m, |m| &mut m.people)?),
        Read::Meeting(parsed) => files.meetings.push(kept(parsed, m, |m| &mut m.meetings)?),
        Read::Proposal(parsed) => files.proposals.push(kept(parsed, m, |m| &mut m.proposals)?),
        Read::List(parsed) => files.lists.push(parsed?),
        Read::Report(parsed) => files.reports.push(parsed?),
        Read::Decision(parsed) => files.decisions.push(kept(parsed, m, |m| &mut m.decisions)?),
    }
    Ok(())
}

/// A record read; or its problems, its mended self kept aside in `mended`
/// (in the list `of` picks) for its references to be checked.
fn kept<T>(
    parsed: Result<Parsed<T>, Broken<T>>,
    mended: &mut Mended,
    of: impl FnOnce(&mut Mended) -> &mut Vec<Parsed<T>>,
) -> Result<Parsed<T>, Vec<Problem>> {
    parsed.map_err(|broken| {
        if let Some(record) = broken.mended {
            let fields = broken.problems.iter().map(|p| p.field.clone()).collect();
            mended.fields.insert(record.file.clone(), fields);
            of(mended).push(record);
        }
        broken.problems
    })
}
