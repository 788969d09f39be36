//! `tdkt issue DOCUMENT`: gives a document its number from the register,
//! writes number and date into its record, renders the final PDF, archives
//! it in the plan's folder and records the issue in the register. Nothing is
//! written unless everything can be: the record is put back as it was if
//! rendering fails, and no file is ever overwritten.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::Desk;
use super::allot::{Allotted, allot, find, issuable_document};
use crate::files::write_atomically;
use crate::job::{Issuable, hash_bytes};
use crate::journal::{self, Journal};
use crate::load;
use crate::records::Entry;
use crate::render::{Engine, Templates};
use crate::text::Date;

pub struct Options {
    pub records: PathBuf,
    /// The document's name: its path below the output folder, without `.pdf`.
    pub document: String,
    pub number: Option<u32>,
    pub date: Option<NaiveDate>,
}

/// What an issue did: the files written, to be committed.
#[derive(Debug)]
pub struct Issued {
    pub document: String,
    pub number: String,
    pub date: NaiveDate,
    /// Relative to the records folder.
    pub written: Vec<PathBuf>,
    /// What was done first about an issue a killed run had left.
    pub recovered: Option<String>,
}

/// The opening of a record `issue` writes for a document that had none.
const NEW_RECORD: &str = "# Số và ngày ban hành do tdkt issue ghi (sổ văn bản đi); các khóa khác xem tdkt help records.\n";

/// Why a document could not be issued, in the clerk's words.
pub type Refusal = String;

/// Sets the top-level `key` of a YAML record to `value`, keeping every
/// other line as the clerk wrote it; a key not there goes first, after the
/// opening comments.
fn set_key(text: &str, key: &str, value: &str) -> String {
    let line = format!("{key}: {value}");
    let prefix = format!("{key}:");
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    if let Some(at) = lines.iter().position(|l| l.starts_with(&prefix)) {
        lines[at] = line;
    } else {
        let at = lines
            .iter()
            .position(|l| !(l.starts_with('#') || l.trim().is_empty()))
            .unwrap_or(lines.len());
        lines.insert(at, line);
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// A point of an issue's writes, for the tests that kill it there: with
/// `TDKT_TEST_ABORT_AT=N` in its environment, tdkt aborts at point N as a
/// killed process stops, with no clean-up of its own.
fn step(n: u32) {
    if std::env::var("TDKT_TEST_ABORT_AT").is_ok_and(|at| at == n.to_string()) {
        std::process::abort();
    }
}

pub fn issue(options: &Options) -> Result<Issued, Refusal> {
    let name = options.document.trim_end_matches(".pdf").trim_matches('/');
    // One issue at a time, from reading the register to its last file.
    let held = journal::hold(&options.records)?;
    let recovered = held.recover()?;
    let said = |why: Refusal| match &recovered {
        Some(note) => format!("{note}.\n{why}"),
        None => why,
    };
    let issued = issue_held(options, name, &held).map_err(said)?;
    Ok(Issued {
        recovered,
        ..issued
    })
}

/// The issue, once the register is held.
fn issue_held(options: &Options, name: &str, held: &journal::Held) -> Result<Issued, Refusal> {
    let root = &options.records;
    let desk = Desk::open(root, None);
    if let Some(p) = desk.repository.problems.first() {
        return Err(p.to_string());
    }
    // The register as check holds it: its entries, and the archives and
    // kept records they name.
    let archive = load::Archive::of(root);
    let (wrong, _) =
        crate::check::register::check(&desk.register, &archive, &desk.repository.names);
    if desk.register_problems + wrong.len() > 0 {
        return Err("sổ văn bản có lỗi; hãy chạy tdkt check, sửa, rồi ban hành".into());
    }
    let documents = desk.documents();
    let (plan, job, issuable) = issuable_document(&documents, &desk, name)?;
    let allotted = allot(options, &desk, &documents, plan, (job, issuable), name)?;
    write_issue(options, held, issuable, allotted)
}

/// Writes the number and date into the record, then the archive and the
/// register entry, under a journal that undoes a failure or a kill.
fn write_issue(
    options: &Options,
    held: &journal::Held,
    issuable: &Issuable,
    allotted: Allotted,
) -> Result<Issued, Refusal> {
    let root = &options.records;
    let (name, date) = (allotted.name, allotted.date);
    // Number and date into the record, then the document from the records
    // as they now are. A record a document may go without (the
    // registration list's) is written anew. The journal, written first,
    // names every file: a failure or a kill from here on is undone.
    let record = root.join(&issuable.record);
    let before = match crate::read::read_bounded(&record, load::guard::MAX_FILE_BYTES) {
        Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
        Err(crate::read::Unreadable::Missing) => None,
        Err(e) => return Err(format!("{}: {e}", issuable.record.display())),
    };
    let mut after = set_key(
        before.as_deref().unwrap_or(NEW_RECORD),
        "so",
        &allotted.shown,
    );
    if let Some(key) = issuable.date_key {
        after = set_key(&after, key, &date.format("%Y-%m-%d").to_string());
    }
    held.begin(&Journal {
        van_ban: name.to_owned(),
        so_ky_hieu: allotted.shown.clone(),
        ban_ghi: issuable.record.clone(),
        truoc: before,
        sau: after.clone(),
        ban_luu: allotted.archive.clone(),
        nguon: allotted.kept.clone(),
        muc: allotted.entry_file.clone(),
    })?;
    step(1);
    let finished = write_atomically(&record, after.as_bytes())
        .map_err(|e| e.to_string())
        .and_then(|()| {
            step(2);
            finish(&options.records, &allotted)
        })
        .and_then(|written| held.commit().map(|()| written));
    let mut written = match finished {
        Ok(written) => written,
        Err(why) => {
            let undone = held
                .recover()
                .err()
                .map_or_else(String::new, |e| format!(" ({e})"));
            return Err(format!("{why}{undone}"));
        }
    };
    step(6);
    written.insert(0, issuable.record.clone());
    Ok(Issued {
        document: name.to_owned(),
        number: allotted.shown,
        date,
        written,
        recovered: None,
    })
}

/// Renders the document from its records as they now are (number and date
/// written in), archives it and writes its register entry.
fn finish(root: &Path, allotted: &Allotted) -> Result<Vec<PathBuf>, Refusal> {
    let Allotted {
        name,
        number,
        shown,
        date,
        archive,
        kept: sources_file,
        entry_file,
    } = allotted;
    let (name, number, date) = (*name, *number, *date);
    let plan_name = name.split('/').next().unwrap_or_default();
    let again = load::repository(root, Some(plan_name));
    // The number and date written may themselves be refused (a report
    // dated before what it tells): the clerk reads why.
    let problems: Vec<String> = again
        .plans
        .iter()
        .flat_map(|p| &p.loaded.problems)
        .map(ToString::to_string)
        .collect();
    let records = again
        .plans
        .first()
        .and_then(|p| p.loaded.records.as_ref())
        .filter(|_| problems.is_empty())
        .ok_or_else(|| {
            format!(
                "với số và ngày này, bản ghi có lỗi; đã trả lại như cũ:\n{}",
                problems.join("\n")
            )
        })?;
    let jobs = crate::documents::plan(records);
    let job = find(&jobs, name)?;
    let issuable = job
        .issuable
        .as_ref()
        .ok_or("văn bản không còn cấp số được")?;
    if issuable.number != Some(number) || job.date != date {
        return Err(
            "số hoặc ngày ghi vào bản ghi không được đọc lại đúng; đã trả lại như cũ".into(),
        );
    }
    let templates = Templates::embedded();
    let engine = Engine::new(&templates).map_err(|e| e.to_string())?;
    let pdf = engine.render(job).map_err(|e| e.to_string())?.pdf;
    let context = serde_json::to_vec(&job.context).unwrap_or_default();
    let entry = Entry {
        so: number,
        so_ky_hieu: shown.to_owned(),
        loai: issuable.kind.clone(),
        ngay: Date(date),
        van_ban: name.to_owned(),
        trich_yeu: issuable.subject.clone(),
        nguoi_ky: issuable.signer.clone(),
        chuc_vu_nguoi_ky: issuable.signer_title.clone(),
        noi_nhan: issuable.recipients.clone(),
        ban_luu: archive.to_owned(),
        bam_noi_dung: job.content_hash(&context),
        bam_tep: hash_bytes(&pdf),
        nguon: records.hashes_of(&job.deps),
        tdkt: env!("CARGO_PKG_VERSION").to_owned(),
    };
    let yaml = serde_yaml::to_string(&entry).map_err(|e| e.to_string())?;
    let yaml = format!(
        "# Sổ đăng ký văn bản đi: mục do tdkt issue ghi; không sửa tay (xem tdkt help nam-cong-tac).\n{yaml}"
    );
    // The records' texts as they made the document, kept beside it.
    let kept: BTreeMap<&PathBuf, &String> = entry
        .nguon
        .keys()
        .filter_map(|f| Some((f, records.sources.get(f)?)))
        .collect();
    let kept = serde_yaml::to_string(&kept).map_err(|e| e.to_string())?;
    let kept = format!(
        "# Bản ghi đã lập văn bản {name} khi ban hành (tdkt issue ghi); không sửa tay.\n{kept}"
    );
    write_atomically(&root.join(archive), &pdf).map_err(|e| e.to_string())?;
    step(3);
    write_atomically(&root.join(sources_file), kept.as_bytes()).map_err(|e| e.to_string())?;
    step(4);
    write_atomically(&root.join(entry_file), yaml.as_bytes()).map_err(|e| e.to_string())?;
    step(5);
    Ok(vec![
        archive.to_owned(),
        sources_file.to_owned(),
        entry_file.to_owned(),
    ])
}
