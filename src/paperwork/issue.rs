//! `tdkt issue DOCUMENT`: gives a document its number from the register,
//! writes number and date into its record, renders the final PDF, archives
//! it in the plan's folder and records the issue in the register. Nothing is
//! written unless everything can be: the record is put back as it was if
//! rendering fails, and no file is ever overwritten.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use super::Desk;
use crate::build::{held_back, invalid_in};
use crate::files::write_atomically;
use crate::job::{Job, hash_bytes};
use crate::load::{self, REGISTER_FOLDER};
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
}

/// What `issue` settled before writing anything: the number, its date, and
/// where the archive and the register entry go (relative to the records
/// folder).
struct Allotted<'a> {
    name: &'a str,
    number: u32,
    /// The number with its symbol: `05-TTr/BTCTU`.
    shown: String,
    date: NaiveDate,
    archive: PathBuf,
    entry_file: PathBuf,
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

fn find<'a>(jobs: &'a [Job], name: &str) -> Result<&'a Job, Refusal> {
    jobs.iter().find(|j| j.key == name).ok_or_else(|| {
        format!(
            "không có văn bản tên \"{name}\" trong bản ghi; tên văn bản là đường dẫn của nó trong \
             thư mục ra, không có .pdf (xem tdkt list)"
        )
    })
}

pub fn issue(options: &Options) -> Result<Issued, Refusal> {
    let name = options.document.trim_end_matches(".pdf").trim_matches('/');
    let plan_name = name.split('/').next().unwrap_or_default();
    let root = &options.records;
    let desk = Desk::open(root, Some(plan_name));
    if let Some(p) = desk.repository.problems.first() {
        return Err(p.to_string());
    }
    if desk.register_problems > 0 {
        return Err("sổ văn bản có lỗi; hãy chạy tdkt check, sửa, rồi ban hành".into());
    }
    let Some(plan) = desk.repository.plans.first() else {
        return Err(format!("không có kế hoạch \"{plan_name}\""));
    };
    let Some(records) = &plan.loaded.records else {
        return Err("bản ghi của kế hoạch chưa đọc được; hãy chạy tdkt check rồi sửa".into());
    };
    let jobs = crate::documents::plan(records);
    let job = find(&jobs, name)?;
    let Some(issuable) = &job.issuable else {
        return Err(format!(
            "{name} không phải văn bản cơ quan ban hành có số (chỉ danh sách đăng ký, biên bản, tờ trình được cấp số)"
        ));
    };
    if let Some((file, entry)) = desk.register.of(name).next() {
        return Err(format!(
            "{name} đã ban hành số {} ngày {} ({}); văn bản đã ban hành không ban hành lại — \
             nếu cần sửa, hãy lập văn bản mới (đính chính hoặc thay thế)",
            entry.so_ky_hieu,
            entry.ngay.0.format("%d/%m/%Y"),
            file.display()
        ));
    }
    if let Some(files) = held_back(job, &invalid_in(&plan.loaded)) {
        return Err(format!(
            "{name} dựa vào bản ghi có lỗi: {files}; hãy sửa (tdkt check) rồi ban hành"
        ));
    }
    let date = match (issuable.date_key, options.date) {
        (None, Some(d)) if d != job.date => {
            return Err(format!(
                "ngày của {name} là ngày của sự việc nó ghi ({}); không đổi bằng --ngay",
                job.date.format("%d/%m/%Y")
            ));
        }
        (_, Some(d)) => d,
        (_, None) => job.date,
    };
    let series = desk
        .register
        .series(job.format, date.year(), &issuable.kind, &issuable.body);
    let used: BTreeMap<u32, &PathBuf> = desk
        .register
        .entries
        .iter()
        .filter(|(_, e)| desk.register.series_of(e) == series)
        .map(|(f, e)| (e.so, f))
        .collect();
    let number = options
        .number
        .or(issuable.number)
        .unwrap_or_else(|| used.keys().max().map_or(1, |n| n + 1));
    if let Some(file) = used.get(&number) {
        return Err(format!(
            "số {number} đã cấp năm {} ({}); hãy để tdkt lấy số tiếp theo (bỏ --so) hoặc chọn số \
             khác",
            date.year(),
            file.display()
        ));
    }
    let shown = job
        .format
        .number(Some(number), &issuable.kind, &issuable.body);
    let archive = Desk::archive_path(plan, name);
    let entry_file = Path::new(REGISTER_FOLDER)
        .join(date.year().to_string())
        .join(format!(
            "{number:03}-{}-{}.yaml",
            issuable.kind.to_lowercase(),
            name.rsplit('/').next().unwrap_or(name)
        ));
    let allotted = Allotted {
        name,
        number,
        shown,
        date,
        archive,
        entry_file,
    };
    let kept = load::sources_of(&allotted.archive);
    for file in [&allotted.archive, &kept, &allotted.entry_file] {
        if fs::symlink_metadata(root.join(file)).is_ok() {
            return Err(format!(
                "{} đã có; tdkt không ghi đè — hãy xem lại sổ văn bản (tdkt check)",
                file.display()
            ));
        }
    }

    // Number and date into the record, then the document from the records
    // as they now are; the record goes back as it was on any failure.
    // A record a document may go without (the registration list's) is
    // written anew, and removed again on failure.
    let record = root.join(&issuable.record);
    let before = match fs::read_to_string(&record) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("{}: {e}", record.display())),
    };
    let mut after = set_key(
        before.as_deref().unwrap_or(NEW_RECORD),
        "so",
        &allotted.shown,
    );
    if let Some(key) = issuable.date_key {
        after = set_key(&after, key, &date.format("%Y-%m-%d").to_string());
    }
    write_atomically(&record, after.as_bytes()).map_err(|e| e.to_string())?;
    let finished = finish(&options.records, &allotted);
    if finished.is_err() {
        match &before {
            Some(text) => drop(write_atomically(&record, text.as_bytes())),
            None => drop(fs::remove_file(&record)),
        }
    }
    let mut written = finished?;
    written.insert(0, issuable.record.clone());
    Ok(Issued {
        document: name.to_owned(),
        number: allotted.shown,
        date,
        written,
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
    let sources_file = load::sources_of(archive);
    write_atomically(&root.join(archive), &pdf).map_err(|e| e.to_string())?;
    let written = write_atomically(&root.join(&sources_file), kept.as_bytes())
        .and_then(|()| write_atomically(&root.join(entry_file), yaml.as_bytes()));
    if let Err(e) = written {
        let _ = fs::remove_file(root.join(archive));
        let _ = fs::remove_file(root.join(&sources_file));
        return Err(e.to_string());
    }
    Ok(vec![
        archive.to_owned(),
        sources_file,
        entry_file.to_owned(),
    ])
}
