//! The "Đăng ký" sheet: who registered for which title, on which day,
//! with what commitment — written into each person's or unit's record as
//! the `dang_ky` block a clerk would type, in place of the commented one
//! `tdkt new` leaves.

use chrono::NaiveDate;

use super::columns::{Cells, Column, Known, data_rows};
use super::sheet::Table;
use crate::records::ContentArea;
use crate::vocab::{CollectiveTitle, PersonTitle};
use crate::words::id_from_name;

pub const SHEET: &str = "Đăng ký";
/// The template's sheet of titles and codes, not read.
pub const HELP_SHEET: &str = "Hướng dẫn";

pub const COLUMNS: &Known = &[
    (
        Column::Who,
        "Cá nhân, tập thể",
        &[
            "ca-nhan-tap-the",
            "ho-va-ten-ten-tap-the",
            "ho-va-ten",
            "ho-ten",
            "ten-tap-the",
            "ten",
        ],
        true,
    ),
    (
        Column::Title,
        "Danh hiệu đăng ký",
        &["danh-hieu-dang-ky", "danh-hieu"],
        true,
    ),
    (Column::Day, "Ngày đăng ký", &["ngay-dang-ky", "ngay"], true),
    (
        Column::Areas,
        "Mã nội dung",
        &["ma-noi-dung", "noi-dung", "noi-dung-dang-ky"],
        false,
    ),
    (
        Column::Follows,
        "Học tập và làm theo Bác",
        &[
            "hoc-tap-va-lam-theo-bac",
            "lam-theo-bac",
            "hoc-tap-va-lam-theo-tu-tuong-dao-duc-phong-cach-ho-chi-minh",
        ],
        false,
    ),
    (
        Column::Pledge,
        "Cam kết",
        &["cam-ket", "loi-cam-ket", "noi-dung-cam-ket"],
        true,
    ),
];

/// A row of the sheet, its title still words: whether it is a person's
/// or a unit's title depends on whom the row names.
pub struct Row {
    pub who: String,
    pub at: String,
    title: (String, String),
    day: NaiveDate,
    areas: Vec<String>,
    follows: bool,
    pledge: String,
}

/// One key of the block: as compared (`shown`) and as written (`yaml`,
/// what follows `key:` on its line and the lines under it).
pub struct Field {
    pub key: &'static str,
    pub shown: String,
    yaml: String,
}

/// The registration rows of the "Đăng ký" sheet, if the book has one.
pub fn read(tables: &[Table], areas: &[ContentArea], problems: &mut Vec<String>) -> Vec<Row> {
    let Some(table) = tables
        .iter()
        .find(|t| id_from_name(&t.sheet) == id_from_name(SHEET))
    else {
        return Vec::new();
    };
    let rows = match data_rows(table, COLUMNS) {
        Ok(rows) => rows,
        Err(why) => {
            problems.push(why);
            return Vec::new();
        }
    };
    let mut read = Vec::new();
    let mut seen: Vec<(String, String)> = Vec::new();
    for cells in &rows {
        let Some((who, at)) = cells.filled(Column::Who) else {
            continue;
        };
        // A row without a title is someone who has not registered: the
        // template lists everyone.
        let Some(title) = cells.filled(Column::Title) else {
            continue;
        };
        if let Some((_, first)) = seen.iter().find(|(w, _)| *w == id_from_name(&who)) {
            problems.push(format!(
                "{at}: \"{who}\" đã đăng ký ở {first}; mỗi cá nhân, tập thể một dòng"
            ));
            continue;
        }
        seen.push((id_from_name(&who), at.clone()));
        if let Some(row) = row(cells, who, at, title, areas, problems) {
            read.push(row);
        }
    }
    read
}

fn row(
    cells: &Cells,
    who: String,
    at: String,
    title: (String, String),
    areas: &[ContentArea],
    problems: &mut Vec<String>,
) -> Option<Row> {
    let before = problems.len();
    let day = match cells.filled(Column::Day) {
        None => {
            let place = cells
                .get(Column::Day)
                .map_or_else(|| at.clone(), |(_, p)| p);
            problems.push(format!(
                "{place}: thiếu ngày đăng ký; hãy ghi như 15/01/2025"
            ));
            None
        }
        Some((text, place)) => day_of(&text)
            .map_err(|why| problems.push(format!("{place}: {why}")))
            .ok(),
    };
    let codes: Vec<String> = cells
        .filled(Column::Areas)
        .map(|(text, place)| {
            let codes: Vec<String> = text
                .split([',', ';', ' '])
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect();
            for code in &codes {
                if !areas.iter().any(|a| a.ma.as_str() == code) {
                    let known: Vec<&str> = areas.iter().map(|a| a.ma.as_str()).collect();
                    problems.push(if known.is_empty() {
                        format!("{place}: kế hoạch không có nội dung đăng ký; hãy để trống ô này")
                    } else {
                        format!(
                            "{place}: kế hoạch không có nội dung mã \"{code}\"; các mã: {}",
                            known.join(", ")
                        )
                    });
                }
            }
            codes
        })
        .unwrap_or_default();
    if codes.is_empty() && !areas.is_empty() {
        let place = cells
            .get(Column::Areas)
            .map_or_else(|| at.clone(), |(_, p)| p);
        problems.push(format!(
            "{place}: thiếu mã nội dung đăng ký; hãy ghi một hay nhiều mã của kế hoạch, cách \
             nhau dấu phẩy ({})",
            areas
                .iter()
                .map(|a| a.ma.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let follows = match cells.filled(Column::Follows) {
        None => false,
        Some((text, place)) => match id_from_name(&text).as_str() {
            "x" | "co" | "dang-ky" | "true" | "1" => true,
            "khong" | "false" | "0" => false,
            _ => {
                problems.push(format!(
                    "{place}: \"{text}\" không đọc được; hãy ghi \"x\" (có đăng ký) hoặc để trống"
                ));
                false
            }
        },
    };
    let pledge = match cells.filled(Column::Pledge) {
        None => {
            let place = cells
                .get(Column::Pledge)
                .map_or_else(|| at.clone(), |(_, p)| p);
            problems.push(format!(
                "{place}: thiếu lời cam kết; bản đăng ký in lời cam kết, hãy ghi nó (xuống dòng \
                 trong ô bằng Alt+Enter)"
            ));
            String::new()
        }
        Some((text, place)) => crate::text::clean(&text, true).unwrap_or_else(|why| {
            problems.push(format!("{place}: {why}"));
            text
        }),
    };
    let who = crate::text::clean(&who, false)
        .map_err(|why| problems.push(format!("{at}: {why}")))
        .ok()?;
    (problems.len() == before).then_some(Row {
        who,
        at,
        title,
        day: day?,
        areas: codes,
        follows,
        pledge,
    })
}

/// A day as a clerk types it in a sheet (15/01/2025, 15-1-2025) or as the
/// spreadsheet stores it (2025-01-15).
fn day_of(text: &str) -> Result<NaiveDate, String> {
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .or_else(|| crate::text::day_first(text))
        .ok_or_else(|| format!("\"{text}\" không phải một ngày; hãy ghi như 15/01/2025"))?;
    crate::text::parse_date(&date.format("%Y-%m-%d").to_string())
}

impl Row {
    /// The block's keys, for a person (`person`) or a unit; or why the title
    /// is not one they can register for.
    pub fn fields(&self, person: bool) -> Result<Vec<Field>, String> {
        let (text, place) = &self.title;
        let title = if person {
            PersonTitle::from_text(text).map(|t| t.code())
        } else {
            CollectiveTitle::from_text(text).map(|t| t.code())
        };
        let Some(title) = title else {
            let labels: Vec<&str> = if person {
                PersonTitle::ALL.iter().map(|t| t.label()).collect()
            } else {
                CollectiveTitle::ALL.iter().map(|t| t.label()).collect()
            };
            return Err(format!(
                "{place}: \"{text}\" không phải danh hiệu {} đăng ký được; hãy ghi một trong: {}",
                if person { "cá nhân" } else { "tập thể" },
                labels.join(", ")
            ));
        };
        let day = self.day.format("%Y-%m-%d").to_string();
        let mut fields = vec![Field {
            key: "ngay",
            yaml: format!(" {day}"),
            shown: day,
        }];
        if !self.areas.is_empty() {
            let quoted: Vec<String> = self
                .areas
                .iter()
                .map(|a| serde_json::to_string(a).unwrap_or_default())
                .collect();
            fields.push(Field {
                key: "noi_dung",
                yaml: format!(" [{}]", quoted.join(", ")),
                shown: self.areas.join(", "),
            });
        }
        fields.push(Field {
            key: "danh_hieu",
            yaml: format!(" {title}"),
            shown: title.to_owned(),
        });
        fields.push(Field {
            key: "lam_theo_bac",
            yaml: format!(" {}", self.follows),
            shown: self.follows.to_string(),
        });
        let pledge: String = self
            .pledge
            .lines()
            .map(|l| format!("\n    {l}").trim_end().to_owned())
            .collect();
        fields.push(Field {
            key: "cam_ket",
            yaml: format!(" |{pledge}"),
            shown: self.pledge.clone(),
        });
        Ok(fields)
    }
}

/// The keys of a registration already in a record, as `Row::fields`
/// shows them.
pub fn shown(r: &crate::records::Registered) -> Vec<(&'static str, String)> {
    let mut shown = vec![("ngay", r.ngay.0.format("%Y-%m-%d").to_string())];
    if !r.noi_dung.is_empty() {
        let codes: Vec<&str> = r.noi_dung.iter().map(|c| c.as_str()).collect();
        shown.push(("noi_dung", codes.join(", ")));
    }
    shown.push(("danh_hieu", r.danh_hieu.to_owned()));
    shown.push(("lam_theo_bac", r.lam_theo_bac.to_string()));
    shown.push(("cam_ket", r.cam_ket.to_owned()));
    shown
}

/// A record's text with `fields` written as its `dang_ky` block: each key
/// of an existing block replaced (keys the sheet does not know, like
/// `sang_kien_du_kien`, kept), or a new block where `tdkt new` left the
/// commented one, else at the end.
pub fn write(text: &str, fields: &[Field]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    match lines.iter().position(|l| l.trim_end() == "dang_ky:") {
        Some(start) => {
            for field in fields {
                let end = block_end(&lines, start + 1, 0);
                let new: Vec<String> = format!("  {}:{}", field.key, field.yaml)
                    .lines()
                    .map(str::to_owned)
                    .collect();
                let prefix = format!("  {}:", field.key);
                match (start + 1..end).find(|&i| lines[i].starts_with(&prefix)) {
                    Some(at) => {
                        let until = block_end(&lines, at + 1, 2);
                        lines.splice(at..until, new);
                    }
                    None => {
                        lines.splice(end..end, new);
                    }
                }
            }
        }
        None => {
            let mut block = vec!["dang_ky:".to_owned()];
            for field in fields {
                block.extend(
                    format!("  {}:{}", field.key, field.yaml)
                        .lines()
                        .map(str::to_owned),
                );
            }
            match lines.iter().position(|l| l.starts_with("# dang_ky:")) {
                Some(at) => {
                    // The commented block: its heading comment above, and
                    // every "#   " line below.
                    let from = if at > 0 && lines[at - 1].starts_with("# Đăng ký thi đua") {
                        at - 1
                    } else {
                        at
                    };
                    let until = (at + 1..lines.len())
                        .find(|&i| !lines[i].starts_with("#   "))
                        .unwrap_or(lines.len());
                    lines.splice(from..until, block);
                }
                None => {
                    lines.push(String::new());
                    lines.extend(block);
                }
            }
        }
    }
    lines.join("\n") + "\n"
}

/// The first line from `from` that is not inside a value indented more
/// than `indent` spaces (blank lines inside it included).
fn block_end(lines: &[String], from: usize, indent: usize) -> usize {
    let mut end = from;
    for (i, line) in lines.iter().enumerate().skip(from) {
        let depth = line.len() - line.trim_start().len();
        if line.trim().is_empty() {
            continue;
        }
        if depth <= indent {
            break;
        }
        end = i + 1;
    }
    end
}
