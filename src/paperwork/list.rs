//! `tdkt list`: every document of the plans, with its number, date and
//! state — draft, issued, signed scan or digitally signed copy archived,
//! or not rendered and why.

use std::path::Path;

use serde::Serialize;

use super::Desk;
use crate::check::{held_back, invalid_in};
use crate::load::{scan_of, signed_of};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum State {
    #[serde(rename = "du_thao")]
    Draft,
    #[serde(rename = "da_ban_hanh")]
    Issued,
    #[serde(rename = "da_luu_ban_ky")]
    Signed,
    /// Its digitally signed copy kept beside it (`tdkt verify --luu`).
    #[serde(rename = "da_ky_so")]
    DigitallySigned,
    #[serde(rename = "chua_lap")]
    NotRendered,
}

impl State {
    fn words(self) -> &'static str {
        match self {
            State::Draft => "dự thảo",
            State::Issued => "đã ban hành",
            State::Signed => "đã ban hành, đã lưu bản ký",
            State::DigitallySigned => "đã ban hành, đã lưu bản ký số",
            State::NotRendered => "chưa lập",
        }
    }
}

/// One document, as `list` shows it (`docs/records.md` documents the JSON).
#[derive(Debug, Serialize)]
pub struct Listed {
    /// Its name: its path below the output folder, without `.pdf`.
    pub ten: String,
    /// Its kind's name (`to-trinh`).
    pub loai: &'static str,
    pub ke_hoach: String,
    pub so: Option<String>,
    /// YYYY-MM-DD.
    pub ngay: String,
    pub trang_thai: State,
    /// Why it is not rendered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ly_do: Option<String>,
}

/// Every document of the plans of `records` (one plan: `plan`).
pub fn list(records: &Path, plan: Option<&str>) -> (Vec<Listed>, Vec<String>) {
    let desk = Desk::open(records, plan);
    let mut listed = Vec::new();
    let mut problems: Vec<String> = desk.repository.problems().map(|p| p.to_string()).collect();
    for docs in desk.documents() {
        let loaded = &docs.plan.loaded;
        let invalid = invalid_in(loaded);
        if loaded.records.is_none() {
            problems.push(format!(
                "kế hoạch {}: bản ghi kế hoạch chưa đọc được, không liệt kê được văn bản",
                docs.plan.name
            ));
        }
        for job in &docs.jobs {
            let mut item = Listed {
                ten: job.key.clone(),
                loai: job.kind,
                ke_hoach: docs.plan.name.clone(),
                so: job.issuable.as_ref().and_then(|i| i.shown.clone()),
                ngay: job.date.format("%Y-%m-%d").to_string(),
                trang_thai: State::Draft,
                ly_do: None,
            };
            if let Some((_, entry)) = desk.register.of(&job.key).next() {
                item.so = Some(entry.so_ky_hieu.clone());
                item.ngay = entry.ngay.0.format("%Y-%m-%d").to_string();
                item.trang_thai = if records.join(signed_of(&entry.ban_luu)).exists() {
                    State::DigitallySigned
                } else if records.join(scan_of(&entry.ban_luu)).exists() {
                    State::Signed
                } else {
                    State::Issued
                };
            } else if let Some(files) = held_back(job, &invalid) {
                item.trang_thai = State::NotRendered;
                item.ly_do = Some(format!("bản ghi có lỗi: {files}"));
            }
            listed.push(item);
        }
        // Issued documents the records no longer call for stay listed: what
        // was sent out does not vanish.
        for (_, entry) in desk.register.issued_in(&docs.plan.name) {
            if !docs.jobs.iter().any(|j| j.key == entry.van_ban) {
                listed.push(Listed {
                    ten: entry.van_ban.clone(),
                    loai: "",
                    ke_hoach: docs.plan.name.clone(),
                    so: Some(entry.so_ky_hieu.clone()),
                    ngay: entry.ngay.0.format("%Y-%m-%d").to_string(),
                    trang_thai: State::Issued,
                    ly_do: Some("không còn trong bản ghi; bản đã ban hành vẫn lưu".into()),
                });
            }
        }
    }
    (listed, problems)
}

/// The list, for a clerk: one line a document.
pub fn text(listed: &[Listed]) -> String {
    const HEADERS: [&str; 5] = ["VĂN BẢN", "LOẠI", "SỐ", "NGÀY", "TRẠNG THÁI"];
    let width = listed
        .iter()
        .map(|l| l.ten.chars().count())
        .chain([HEADERS[0].chars().count()])
        .max()
        .unwrap_or(0);
    let kind_width = listed
        .iter()
        .map(|l| l.loai.chars().count())
        .chain([HEADERS[1].chars().count()])
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    if !listed.is_empty() {
        let [name, kind, number, date, status] = HEADERS;
        let pad = " ".repeat(width - name.chars().count());
        out.push_str(&format!(
            "{name}{pad}  {kind:<kind_width$}  {number:<14}  {date:<10}  {status}\n"
        ));
    }
    for l in listed {
        let date = chrono::NaiveDate::parse_from_str(&l.ngay, "%Y-%m-%d")
            .map_or(l.ngay.clone(), |d| d.format("%d/%m/%Y").to_string());
        let pad = " ".repeat(width - l.ten.chars().count());
        let mut line = format!(
            "{}{pad}  {:<kind_width$}  {:<14}  {date}  {}",
            l.ten,
            l.loai,
            l.so.as_deref().unwrap_or("—"),
            l.trang_thai.words()
        );
        if let Some(why) = &l.ly_do {
            line.push_str(&format!(" ({why})"));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
