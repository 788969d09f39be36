//! Spreadsheets beside the PDFs, as the level above asks for its lists: the
//! registration list and each proposal's candidates, made from the very
//! context their PDF is made from (not a second source of truth), and the
//! plan's award statistics from its decisions. One row per candidate,
//! Vietnamese headers, the printed table's columns, widths set, numbers as
//! numbers and dates as dates. The bytes depend on the content alone (the
//! document's date stands for the creation time), so a rebuild gives the
//! same file.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};
use serde::Serialize;
use serde_json::Value;

use crate::job::Job;
use crate::records::{Kind, Records};

#[derive(Serialize)]
pub enum Cell {
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

#[derive(Serialize)]
pub struct Table {
    /// The sheet's name, as Excel shows it on its tab.
    name: &'static str,
    /// The line above the table: what it lists.
    title: String,
    /// Each column's header and width (in characters).
    columns: Vec<(&'static str, f64)>,
    rows: Vec<Vec<Cell>>,
}

/// A spreadsheet: its tables and its date, and the name tdkt knows it by
/// (its document's key), written into its properties so that tdkt knows
/// its own file again.
#[derive(Serialize)]
pub struct Book {
    key: String,
    date: NaiveDate,
    tables: Vec<Table>,
}

/// The file the plan's award statistics go to, below its output folder.
pub const STATISTICS: &str = "thong-ke-khen-thuong";

/// What a row of the printed table says, as the template reads it.
fn text(row: &Value, key: &str) -> String {
    // A name is kept on one line in print with no-break spaces.
    row[key].as_str().unwrap_or_default().replace('\u{a0}', " ")
}

/// The units' then the people's rows of a list context, numbered through,
/// each with the columns `keys` names.
fn candidates(context: &Value, keys: &[&str]) -> Vec<Vec<Cell>> {
    let groups = [("tap_the", "Tập thể"), ("ca_nhan", "Cá nhân")];
    groups
        .iter()
        .flat_map(|(group, label)| {
            context[*group]
                .as_array()
                .into_iter()
                .flatten()
                .map(move |row| (*label, row))
        })
        .enumerate()
        .map(|(i, (label, row))| {
            let mut cells = vec![Cell::Number((i + 1) as f64), Cell::Text(label.to_owned())];
            cells.extend(keys.iter().map(|k| Cell::Text(text(row, k))));
            cells
        })
        .collect()
}

/// The spreadsheet of a document whose PDF lists candidates; none for the
/// other kinds.
pub fn of_job(job: &Job) -> Option<Book> {
    let c = &job.context;
    let subject = c["trich_yeu"].as_str().unwrap_or_default();
    let table = match job.kind {
        "danh-sach-dang-ky" => {
            // The content column only when the plan has contents, as printed.
            let with_areas = ["tap_the", "ca_nhan"].iter().any(|g| {
                c[*g]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|r| !text(r, "noi_dung").is_empty())
            });
            let mut columns = vec![
                ("STT", 6.0),
                ("Tập thể, cá nhân", 12.0),
                ("Tên", 32.0),
                ("Chức vụ, đơn vị", 40.0),
            ];
            let mut keys = vec!["ten", "chuc_vu_don_vi"];
            if with_areas {
                columns.push(("Nội dung đăng ký", 20.0));
                keys.push("noi_dung");
            }
            columns.push(("Danh hiệu đăng ký", 30.0));
            keys.push("danh_hieu");
            Table {
                name: "Danh sách đăng ký",
                title: format!("Danh sách {subject}"),
                columns,
                rows: candidates(c, &keys),
            }
        }
        "to-trinh" => Table {
            name: "Đề nghị khen thưởng",
            title: format!("Tờ trình {subject}"),
            columns: vec![
                ("STT", 6.0),
                ("Tập thể, cá nhân", 12.0),
                ("Tên", 32.0),
                ("Chức vụ, đơn vị", 40.0),
                ("Thành tích", 50.0),
                ("Hình thức đề nghị", 32.0),
            ],
            rows: candidates(c, &["ten", "chuc_vu_don_vi", "thanh_tich", "hinh_thuc"]),
        },
        "so-van-ban-di" => register(c),
        _ => return None,
    };
    Some(Book {
        key: job.key.clone(),
        date: job.date,
        tables: vec![table],
    })
}

/// The register book's lines in the paper book's columns (NĐ 30/2020
/// Điều 16), one row per document.
fn register(c: &Value) -> Table {
    let rows = c["dong"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|line| {
            let recipients: Vec<&str> = line["noi_nhan"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            let day = text(line, "ngay");
            vec![
                Cell::Text(text(line, "so_ky_hieu")),
                NaiveDate::parse_from_str(&day, "%d/%m/%Y").map_or(Cell::Text(day), Cell::Date),
                Cell::Text(text(line, "loai_trich_yeu")),
                Cell::Text(text(line, "nguoi_ky")),
                Cell::Text(recipients.join("\n")),
                Cell::Text(text(line, "ban_luu")),
                Cell::Text(String::new()),
                Cell::Text(text(line, "ghi_chu")),
            ]
        })
        .collect();
    Table {
        name: "Sổ văn bản đi",
        title: format!(
            "Sổ đăng ký văn bản đi năm {} — {}",
            c["nam"],
            c["ten"].as_str().unwrap_or_default()
        ),
        columns: vec![
            ("Số, ký hiệu văn bản", 18.0),
            ("Ngày tháng văn bản", 12.0),
            ("Tên loại và trích yếu nội dung", 50.0),
            ("Người ký", 22.0),
            ("Nơi nhận văn bản", 30.0),
            ("Đơn vị, người nhận bản lưu", 20.0),
            ("Số lượng bản", 9.0),
            ("Ghi chú", 14.0),
        ],
        rows,
    }
}

/// The mark in a spreadsheet's properties that tdkt wrote it for `key`.
fn mark(key: &str) -> String {
    format!("tdkt: {key}")
}

/// Whether `bytes` are a spreadsheet tdkt wrote for `key`, as its
/// properties say: such a file tdkt may write again; any other is the
/// clerk's.
pub fn is_ours(bytes: &[u8], key: &str) -> bool {
    use std::io::Read;
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return false;
    };
    let Ok(core) = zip.by_name("docProps/core.xml") else {
        return false;
    };
    let mut text = String::new();
    core.take(64 * 1024).read_to_string(&mut text).is_ok()
        && text.contains(&format!(">{}<", mark(key)))
}

/// The plan's awards, from its decisions: a count per form and decision,
/// and one row per unit or person awarded. None without decisions.
pub fn statistics(records: &Records) -> Option<Book> {
    let key = format!("{}/{STATISTICS}", records.name);
    let decisions: Vec<_> = records.decisions.values().collect();
    let date = decisions.iter().map(|d| d.ngay.0).max()?;
    let mut counts = Vec::new();
    let mut awarded = Vec::new();
    for decision in &decisions {
        let number = decision
            .so
            .as_ref()
            .map_or_else(String::new, |s| s.to_string());
        for granted in &decision.khen_thuong {
            let kinds: Vec<Option<Kind>> = granted
                .nguoi_nhan
                .iter()
                .map(|id| records.candidate(id).map(|c| c.kind()))
                .collect();
            let units = kinds
                .iter()
                .filter(|k| **k == Some(Kind::Collective))
                .count();
            let people = kinds.iter().filter(|k| **k == Some(Kind::Person)).count();
            counts.push(vec![
                Cell::Text(granted.hinh_thuc.to_string()),
                Cell::Text(number.clone()),
                Cell::Date(decision.ngay.0),
                Cell::Text(decision.co_quan.to_string()),
                Cell::Number(units as f64),
                Cell::Number(people as f64),
                Cell::Number((units + people) as f64),
            ]);
            for id in &granted.nguoi_nhan {
                let Some(candidate) = records.candidate(id) else {
                    continue;
                };
                let label = match candidate.kind() {
                    Kind::Collective => "Tập thể",
                    _ => "Cá nhân",
                };
                awarded.push(vec![
                    Cell::Number((awarded.len() + 1) as f64),
                    Cell::Text(label.to_owned()),
                    Cell::Text(candidate.name().to_owned()),
                    Cell::Text(crate::documents::position_of(records, candidate)),
                    Cell::Text(granted.hinh_thuc.to_string()),
                    Cell::Text(number.clone()),
                    Cell::Date(decision.ngay.0),
                ]);
            }
        }
    }
    let year = records.plan.nam;
    Some(Book {
        key,
        date,
        tables: vec![
            Table {
                name: "Thống kê",
                title: format!("Thống kê khen thưởng năm {year}"),
                columns: vec![
                    ("Hình thức khen thưởng", 40.0),
                    ("Số quyết định", 18.0),
                    ("Ngày quyết định", 14.0),
                    ("Cấp quyết định", 36.0),
                    ("Tập thể", 9.0),
                    ("Cá nhân", 9.0),
                    ("Cộng", 9.0),
                ],
                rows: counts,
            },
            Table {
                name: "Danh sách",
                title: format!("Danh sách tập thể, cá nhân được khen thưởng năm {year}"),
                columns: vec![
                    ("STT", 6.0),
                    ("Tập thể, cá nhân", 12.0),
                    ("Tên", 32.0),
                    ("Chức vụ, đơn vị", 40.0),
                    ("Hình thức khen thưởng", 40.0),
                    ("Số quyết định", 18.0),
                    ("Ngày quyết định", 14.0),
                ],
                rows: awarded,
            },
        ],
    })
}

/// A day as Excel holds it (the records' years are within Excel's).
fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(
        d.year().clamp(1900, 9999) as u16,
        d.month() as u8,
        d.day() as u8,
    )
}

impl Book {
    /// Its file below the output folder, without `.xlsx`: its document's
    /// key, or the plan's statistics.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// What the spreadsheet holds, hashed: a rebuild writes it only when
    /// this changes.
    pub fn hash(&self) -> String {
        let mut hasher = blake3::Hasher::new();
        hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
        hasher.update(&serde_json::to_vec(self).unwrap_or_default());
        hasher.finalize().to_hex().to_string()
    }

    /// The `.xlsx` bytes.
    pub fn xlsx(&self) -> Result<Vec<u8>, String> {
        self.write()
            .map_err(|e| format!("không lập được bảng tính ({e})"))
    }

    fn write(&self) -> Result<Vec<u8>, XlsxError> {
        let mut book = Workbook::new();
        let created = excel_date(self.date)?;
        book.set_properties(
            &DocProperties::new()
                .set_creation_datetime(&created)
                .set_comment(mark(&self.key)),
        );
        let title = Format::new().set_bold().set_font_size(13);
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_border(FormatBorder::Thin);
        let body = Format::new().set_text_wrap().set_border(FormatBorder::Thin);
        let date = body.clone().set_num_format("dd/mm/yyyy");
        for table in &self.tables {
            let sheet = book.add_worksheet();
            sheet.set_name(table.name)?;
            sheet.write_with_format(0, 0, &table.title, &title)?;
            for (i, (name, width)) in table.columns.iter().enumerate() {
                sheet.write_with_format(2, i as u16, *name, &header)?;
                sheet.set_column_width(i as u16, *width)?;
            }
            for (r, row) in table.rows.iter().enumerate() {
                let r = r as u32 + 3;
                for (c, cell) in row.iter().enumerate() {
                    let c = c as u16;
                    match cell {
                        Cell::Text(t) => sheet.write_with_format(r, c, t, &body)?,
                        Cell::Number(n) => sheet.write_number_with_format(r, c, *n, &body)?,
                        Cell::Date(d) => {
                            sheet.write_datetime_with_format(r, c, &excel_date(*d)?, &date)?
                        }
                    };
                }
            }
            sheet.set_freeze_panes(3, 0)?;
            sheet.set_repeat_rows(2, 2)?;
            sheet.set_landscape();
            sheet.set_paper_size(9);
        }
        book.save_to_buffer()
    }
}
