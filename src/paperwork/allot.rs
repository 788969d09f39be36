//! Which document `issue` issues, and under which number and date: refused
//! before anything is written when it is not the body's to issue now, when
//! its number is taken, or when a file it would write is already there.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use super::issue::{Options, Refusal};
use super::{Desk, PlanDocuments};
use crate::check::{held_back, invalid_in};
use crate::job::{Issuable, Job, hash_bytes};
use crate::load::{self, REGISTER_FOLDER};
use crate::records::NumberSeries;

/// What `issue` settled before writing anything: the number, its date, and
/// where the archive and the register entry go (relative to the records
/// folder).
pub(super) struct Allotted<'a> {
    pub name: &'a str,
    pub number: u32,
    /// The number with its symbol: `05-TTr/BTCTU`.
    pub shown: String,
    pub date: NaiveDate,
    pub archive: PathBuf,
    /// The records' texts kept beside the archive (`load::sources_of`).
    pub kept: PathBuf,
    pub entry_file: PathBuf,
}

/// The job of the document named `name`.
pub(super) fn find<'a>(jobs: &'a [Job], name: &str) -> Result<&'a Job, Refusal> {
    jobs.iter().find(|j| j.key == name).ok_or_else(|| {
        format!(
            "không có văn bản tên \"{name}\" trong bản ghi; tên văn bản là đường dẫn của nó trong \
             thư mục ra, không có .pdf (xem tdkt list)"
        )
    })
}

/// The register entry's file: the number, the type and the document's whole
/// name, so that two documents never share one (two plans' meetings of one
/// id, two issuers' numbers) and two clerks who issue in their own clones
/// merge into two files, never one; within 100 bytes, a long name cut and
/// made unique by its hash.
fn entry_file_name(number: u32, kind: &str, document: &str) -> String {
    let slug: String = document
        .chars()
        .map(|c| if c == '/' { '.' } else { c })
        .collect();
    let head = format!("{number:03}-{}-", crate::words::id_from_name(kind));
    let room = 100 - head.len() - ".yaml".len();
    if slug.len() <= room {
        return format!("{head}{slug}.yaml");
    }
    let hash = hash_bytes(document.as_bytes());
    let cut = &slug[slug.len() - (room - 9)..];
    format!("{head}{}-{cut}.yaml", &hash[..8])
}

/// The numbers of a series already given: by the register, and by the
/// records of documents not in it (a decision numbered by hand, an issue
/// whose register entry was lost) — each with where it is written. The
/// number in the record of `issuing`, the document being issued, is its
/// own, not another's.
fn numbers_in_use(
    desk: &Desk,
    documents: &[PlanDocuments],
    series: &NumberSeries,
    issuing: &str,
) -> BTreeMap<u32, String> {
    let mut used: BTreeMap<u32, String> = desk
        .register
        .entries
        .iter()
        .filter(|(_, e)| desk.register.series_of(e) == *series)
        .map(|(f, e)| (e.so, format!("sổ văn bản: {}", f.display())))
        .collect();
    for plan in documents {
        for job in &plan.jobs {
            let Some(issuable) = &job.issuable else {
                continue;
            };
            let Some(n) = issuable.number else { continue };
            let of =
                desk.register
                    .series(job.format, job.date.year(), &issuable.kind, &issuable.body);
            let unregistered = desk.register.of(&job.key).next().is_none();
            if of == *series && unregistered && job.key != issuing {
                used.entry(n).or_insert_with(|| {
                    format!("khóa `so` của {} ({})", issuable.record.display(), job.key)
                });
            }
        }
    }
    used
}

/// The document `name` names, if it is one the body issues and may issue
/// now: not issued yet, no record it reads in error.
pub(super) fn issuable_document<'a>(
    documents: &'a [PlanDocuments<'a>],
    desk: &Desk,
    name: &str,
) -> Result<(&'a load::PlanLoaded, &'a Job, &'a Issuable), Refusal> {
    let plan_name = name.split('/').next().unwrap_or_default();
    let Some(docs) = documents.iter().find(|d| d.plan.name == plan_name) else {
        return Err(format!("không có kế hoạch \"{plan_name}\""));
    };
    let plan = docs.plan;
    if plan.loaded.records.is_none() {
        return Err("bản ghi của kế hoạch chưa đọc được; hãy chạy tdkt check rồi sửa".into());
    }
    let job = find(&docs.jobs, name)?;
    let Some(issuable) = &job.issuable else {
        return Err(format!(
            "{name} không phải văn bản cơ quan ban hành có số (chỉ những văn bản này được cấp số: {})",
            crate::documents::issued_titles()
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
    Ok((plan, job, issuable))
}

/// Its number and date, and where its archive and register entry go; refused
/// when the number is taken or a file it would write is already there.
pub(super) fn allot<'a>(
    options: &Options,
    desk: &Desk,
    documents: &[PlanDocuments],
    plan: &load::PlanLoaded,
    (job, issuable): (&Job, &Issuable),
    name: &'a str,
) -> Result<Allotted<'a>, Refusal> {
    let root = &options.records;
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
    let used = numbers_in_use(desk, documents, &series, name);
    let number = options
        .number
        .or(issuable.number)
        .unwrap_or_else(|| used.keys().max().map_or(1, |n| n + 1));
    if let Some(written) = used.get(&number) {
        let how = match options.number {
            Some(_) => "hãy để tdkt lấy số tiếp theo (bỏ --so) hoặc chọn số khác".to_owned(),
            None => format!(
                "số này ghi ở khóa `so` của {}: hãy bỏ khóa `so` trong tệp đó để tdkt lấy số tiếp \
                 theo, hoặc ghi số khác",
                issuable.record.display()
            ),
        };
        return Err(format!(
            "số {number} đã cấp năm {} ({written}); {how}",
            date.year()
        ));
    }
    let shown = job
        .format
        .number(Some(number), &issuable.kind, &issuable.body);
    let archive = Desk::archive_path(plan, name);
    let entry_file = Path::new(REGISTER_FOLDER)
        .join(date.year().to_string())
        .join(entry_file_name(number, &issuable.kind, name));
    let allotted = Allotted {
        name,
        number,
        shown,
        date,
        kept: load::sources_of(&archive),
        archive,
        entry_file,
    };
    for file in [&allotted.archive, &allotted.kept, &allotted.entry_file] {
        if fs::symlink_metadata(root.join(file)).is_ok() {
            return Err(format!(
                "{} đã có nhưng sổ văn bản không có mục nào cho nó; tdkt không ghi đè — nếu đó là \
                 bản sót lại của một lần ban hành hỏng, hãy xóa nó (git status cho biết) rồi ban \
                 hành lại",
                file.display()
            ));
        }
    }
    Ok(allotted)
}
