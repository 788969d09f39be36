//! `tdkt so-van-ban-di [NĂM]`: the register of documents issued in a year,
//! printed in the paper book's columns (NĐ 30/2020 Điều 16.2.b: a register
//! kept in a system is printed and bound), or exported with the fields
//! Phụ lục VI fixes for an outgoing document (`--format json`), for a
//! body's document-management system to take in.

use std::path::{Path, PathBuf};

use chrono::Datelike;
use serde::Serialize;

use super::Desk;
use crate::job::Job;
use crate::load::{REGISTER_FOLDER, signed_of};
use crate::records::{Entry, Plan, Register};
use crate::render::{Engine, Templates};

/// The register book's template: not a kind of the plans' documents, one
/// book a year for the whole body.
pub const TEMPLATE: &str = "so-van-ban-di.typ.j2";

/// One line of the book, as its columns print it.
#[derive(Serialize)]
struct Line {
    /// (1) Số, ký hiệu văn bản.
    so_ky_hieu: String,
    /// (2) Ngày tháng văn bản: dd/mm/yyyy.
    ngay: String,
    /// (3) Tên loại và trích yếu nội dung.
    loai_trich_yeu: String,
    /// (4) Người ký.
    nguoi_ky: String,
    /// (5) Nơi nhận: the recipients but the filing lines.
    noi_nhan: Vec<String>,
    /// (6) Đơn vị, người nhận bản lưu: the filing lines' units.
    ban_luu: String,
    /// (8) Ghi chú.
    ghi_chu: String,
}

#[derive(Serialize)]
struct BookContext {
    the_thuc: &'static str,
    cap_tren: String,
    ten: String,
    nam: i32,
    tu_ngay: String,
    den_ngay: String,
    /// "Từ số … đến số …" when the year's documents share one series.
    tu_so: Option<String>,
    den_so: Option<String>,
    dong: Vec<Line>,
}

/// An outgoing document with the fields of NĐ 30/2020 Phụ lục VI
/// (docs/records.md maps each to its register key).
#[derive(Serialize)]
pub struct Exchanged {
    /// Số văn bản (CodeNumber).
    pub so: u32,
    /// Ký hiệu văn bản (CodeNotation): what follows the number.
    pub ky_hieu: String,
    pub so_ky_hieu: String,
    /// Ngày, tháng, năm văn bản: YYYY-MM-DD.
    pub ngay: String,
    /// Tên cơ quan, tổ chức ban hành văn bản.
    pub co_quan_ban_hanh: String,
    /// Tên loại văn bản.
    pub ten_loai: String,
    pub trich_yeu: String,
    /// Chức vụ người ký; none in entries written before tdkt kept it.
    pub chuc_vu_nguoi_ky: Option<String>,
    pub nguoi_ky: Option<String>,
    /// Số trang văn bản: counted in the archived PDF.
    pub so_trang: Option<usize>,
    pub noi_nhan: Vec<String>,
    /// Ngôn ngữ.
    pub ngon_ngu: &'static str,
    /// Độ khẩn: tdkt issues no urgent documents.
    pub do_khan: &'static str,
    /// Số lượng bản: not kept by tdkt (the clerk knows how many were printed).
    pub so_luong_ban: Option<u32>,
    /// The archived PDF, relative to the records folder, and its hash.
    pub ban_luu: PathBuf,
    pub bam_tep: String,
}

/// The type's name of a type code ("TTr" → "Tờ trình").
fn type_name(code: &str) -> &'static str {
    use crate::format::type_code as c;
    match code {
        c::PLAN => "Kế hoạch",
        c::PROPOSAL => "Tờ trình",
        c::MINUTES => "Biên bản",
        c::LIST => "Danh sách",
        c::DECISION => "Quyết định",
        c::REPORT => "Báo cáo",
        _ => "Văn bản",
    }
}

/// The type's name and the subject, as column (3) prints them: the name
/// once, whether or not the subject begins with it.
fn type_and_subject(entry: &Entry) -> String {
    let name = type_name(&entry.loai);
    let lower = entry.trich_yeu.to_lowercase();
    if lower.starts_with(&name.to_lowercase()) {
        let mut chars = entry.trich_yeu.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars).collect()
        })
    } else if let Some(rest) = entry.trich_yeu.strip_prefix("Về ") {
        // The State format capitalises a subject on its own line.
        format!("{name} về {rest}")
    } else {
        format!("{name} {}", entry.trich_yeu)
    }
}

/// The filing lines of a recipients list ("Lưu: VT, TCĐ-ĐV", "Lưu Văn
/// thư") apart from the others.
fn split_filing(recipients: &[String]) -> (Vec<String>, String) {
    let (filing, others): (Vec<&String>, Vec<&String>) = recipients
        .iter()
        .partition(|r| r.trim_start().starts_with("Lưu"));
    let kept: Vec<String> = filing
        .iter()
        .map(|f| {
            let rest = f.trim_start().trim_start_matches("Lưu");
            rest.trim_start_matches([':', ' ']).to_owned()
        })
        .collect();
    (others.into_iter().cloned().collect(), kept.join("; "))
}

/// The entries issued in `year`, in the order of their dates and numbers.
fn of_year(register: &Register, year: i32) -> Vec<&Entry> {
    let mut entries: Vec<&Entry> = register
        .entries
        .iter()
        .map(|(_, e)| e)
        .filter(|e| e.ngay.0.year() == year)
        .collect();
    entries.sort_by_key(|e| (e.ngay.0, e.so));
    entries
}

/// The year asked for, or the year of the latest issued document.
fn year_of(register: &Register, year: Option<i32>) -> Result<i32, String> {
    year.or_else(|| register.entries.iter().map(|(_, e)| e.ngay.0.year()).max())
        .ok_or_else(|| {
            format!(
                "sổ văn bản đi ({REGISTER_FOLDER}/) chưa có văn bản nào; văn bản vào sổ khi \
                 ban hành (tdkt issue)"
            )
        })
}

/// The plan whose body heads the book: the year's own, else the latest
/// one before it, else any.
fn plan_for(desk: &Desk, year: i32) -> Option<&Plan> {
    let plans: Vec<&Plan> = desk
        .repository
        .plans
        .iter()
        .filter_map(|p| p.loaded.records.as_ref().map(|r| &r.plan))
        .collect();
    plans
        .iter()
        .filter(|p| p.nam <= year)
        .max_by_key(|p| p.nam)
        .or_else(|| plans.first())
        .copied()
}

/// The register book of `year` (default: the latest year with an issued
/// document) rendered: where it goes below the output folder, and its PDF.
pub fn book(records: &Path, year: Option<i32>) -> Result<Printed, String> {
    let desk = Desk::open(records, None);
    let year = year_of(&desk.register, year)?;
    let entries = of_year(&desk.register, year);
    if entries.is_empty() {
        return Err(format!(
            "sổ văn bản đi không có văn bản nào ban hành năm {year}"
        ));
    }
    let plan = plan_for(&desk, year).ok_or_else(|| {
        "không đọc được kế hoạch nào để lấy tên cơ quan; hãy chạy tdkt check".to_owned()
    })?;
    let series: Vec<_> = entries.iter().map(|e| desk.register.series_of(e)).collect();
    let one_series = series.windows(2).all(|w| w[0] == w[1]);
    let numbers = entries.iter().map(|e| e.so);
    let (first, last) = (entries[0], entries[entries.len() - 1]);
    let context = BookContext {
        the_thuc: plan.the_thuc.code(),
        cap_tren: plan.co_quan.cap_tren.to_string(),
        ten: plan.co_quan.ten.to_string(),
        nam: year,
        tu_ngay: first.ngay.0.format("%d/%m/%Y").to_string(),
        den_ngay: last.ngay.0.format("%d/%m/%Y").to_string(),
        tu_so: one_series
            .then(|| numbers.clone().min().map(|n| format!("{n:02}")))
            .flatten(),
        den_so: one_series
            .then(|| numbers.max().map(|n| format!("{n:02}")))
            .flatten(),
        dong: entries
            .iter()
            .map(|e| {
                let (noi_nhan, ban_luu) = split_filing(&e.noi_nhan);
                Line {
                    so_ky_hieu: e.so_ky_hieu.clone(),
                    ngay: e.ngay.0.format("%d/%m/%Y").to_string(),
                    loai_trich_yeu: type_and_subject(e),
                    nguoi_ky: e.nguoi_ky.clone().unwrap_or_default(),
                    noi_nhan,
                    ban_luu,
                    ghi_chu: if records.join(signed_of(&e.ban_luu)).exists() {
                        "Đã ký số".into()
                    } else {
                        String::new()
                    },
                }
            })
            .collect(),
    };
    let job = Job {
        key: format!("{REGISTER_FOLDER}/{year}"),
        kind: "so-van-ban-di",
        template: TEMPLATE,
        format: plan.the_thuc,
        date: last.ngay.0,
        context: serde_json::to_value(&context).map_err(|e| e.to_string())?,
        deps: Default::default(),
        issuable: None,
    };
    let templates = Templates::embedded();
    let engine = Engine::new(&templates).map_err(|e| e.to_string())?;
    let pdf = engine.render(&job).map_err(|e| e.to_string())?.pdf;
    let sheet = crate::sheets::of_job(&job)
        .ok_or_else(|| "sổ không có bảng tính".to_owned())?
        .xlsx()?;
    Ok(Printed {
        pdf_file: PathBuf::from(format!("{}.pdf", job.key)),
        pdf,
        sheet_file: PathBuf::from(format!("{}.xlsx", job.key)),
        sheet,
        key: job.key,
    })
}

/// The year's book, printed: its PDF to bind and its spreadsheet, each
/// with its file below the output folder.
pub struct Printed {
    pub pdf_file: PathBuf,
    pub pdf: Vec<u8>,
    pub sheet_file: PathBuf,
    pub sheet: Vec<u8>,
    /// The name tdkt knows the book by (`crate::sheets::is_ours`).
    pub key: String,
}

/// The year's issued documents with the fields of Phụ lục VI.
pub fn exchanged(records: &Path, year: Option<i32>) -> Result<Vec<Exchanged>, String> {
    let desk = Desk::open(records, None);
    let year = year_of(&desk.register, year)?;
    let plan = plan_for(&desk, year);
    Ok(of_year(&desk.register, year)
        .into_iter()
        .map(|e| {
            let symbol = crate::records::number::parse(&e.so_ky_hieu)
                .ok()
                .and_then(|n| n.symbol);
            let issuer = plan.map(|p| {
                let council = p.issuer(crate::vocab::Issuer::Council);
                match &symbol {
                    Some(s) if s.body == council.abbreviation => council.speaker,
                    _ => p.co_quan.ten_goi.to_string(),
                }
            });
            Exchanged {
                so: e.so,
                ky_hieu: e
                    .so_ky_hieu
                    .split_once('-')
                    .map_or_else(String::new, |(_, s)| s.to_owned()),
                so_ky_hieu: e.so_ky_hieu.clone(),
                ngay: e.ngay.0.format("%Y-%m-%d").to_string(),
                co_quan_ban_hanh: issuer.unwrap_or_default(),
                ten_loai: type_name(&e.loai).to_owned(),
                trich_yeu: e.trich_yeu.clone(),
                chuc_vu_nguoi_ky: e.chuc_vu_nguoi_ky.clone(),
                nguoi_ky: e.nguoi_ky.clone(),
                so_trang: page_count(&records.join(&e.ban_luu)),
                noi_nhan: e.noi_nhan.clone(),
                ngon_ngu: "Tiếng Việt",
                do_khan: "Thường",
                so_luong_ban: None,
                ban_luu: e.ban_luu.clone(),
                bam_tep: e.bam_tep.clone(),
            }
        })
        .collect())
}

fn page_count(pdf: &Path) -> Option<usize> {
    let bytes = crate::read::read_bounded(pdf, crate::read::MAX_PDF_BYTES).ok()?;
    hayro_syntax::Pdf::new(bytes).ok().map(|p| p.pages().len())
}
