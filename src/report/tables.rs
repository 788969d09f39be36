//! The tables of `tdkt check`: each stage's candidates against the rules,
//! and what they were awarded before.

use std::fmt::Write;

use crate::check::{CandidateRow, Report, StageReport, Verdict};
use crate::records::{Award, Kind};

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

pub(super) fn verdict_cell(v: &Verdict) -> &'static str {
    match v {
        Verdict::Dat => "đạt",
        Verdict::KhongDat(_) => "KHÔNG",
        Verdict::KhongApDung => "—",
        Verdict::ChuaDanhGia(_) => "chưa đánh giá",
    }
}

pub(super) fn table(out: &mut String, stage: &StageReport, report: &Report) {
    // The plan's rules only: its own criteria when it states them.
    let rules_of = |kinds: &[Kind]| -> Vec<&'static str> {
        kinds
            .iter()
            .flat_map(|k| stage.giai_doan.rules(*k).map(|r| r.id))
            .filter(|id| report.tieu_chi.iter().any(|c| c.ma == *id))
            .fold(Vec::new(), |mut acc, r| {
                if !acc.contains(&r) {
                    acc.push(r);
                }
                acc
            })
    };
    let voted = stage.ung_vien.iter().any(|r| r.phieu.is_some());
    let rows: Vec<(usize, &CandidateRow)> = stage.ung_vien.iter().enumerate().collect();
    let (units, people): (Vec<_>, Vec<_>) =
        rows.iter().partition(|(_, r)| r.loai == Kind::Collective);
    let (unit_rules, person_rules) = (rules_of(&[Kind::Collective]), rules_of(&[Kind::Person]));
    // A rule that does not apply to units is not a column of theirs: when
    // the two kinds are judged by different rules, a table for each.
    if !units.is_empty() && !people.is_empty() && unit_rules != person_rules {
        rows_table(out, &units, &unit_rules, voted);
        rows_table(out, &people, &person_rules, voted);
    } else {
        rows_table(
            out,
            &rows,
            &rules_of(&[Kind::Collective, Kind::Person]),
            voted,
        );
    }
    let failing: Vec<&CandidateRow> = stage
        .ung_vien
        .iter()
        .filter(|r| r.failures().next().is_some())
        .collect();
    // Not judged yet: one line, the names and what they wait for.
    let waiting: Vec<&CandidateRow> = stage
        .ung_vien
        .iter()
        .filter(|r| r.pending().next().is_some())
        .collect();
    if let Some(first) = waiting.first() {
        let rules: Vec<&str> = first.pending().map(|(rule, _)| rule).collect();
        let names: Vec<&str> = waiting.iter().map(|r| r.ten.as_str()).collect();
        let _ = writeln!(
            out,
            "  Chưa đánh giá ({}): {} — ghi xep_loai của từng người khi có kết quả xếp loại cuối năm",
            rules.join(", "),
            names.join(", ")
        );
    }
    if !failing.is_empty() {
        let _ = writeln!(out, "  Không đạt:");
        for row in failing {
            for (rule, why) in row.failures() {
                let _ = writeln!(
                    out,
                    "  - {} ({}): {rule} — {why} ({})",
                    row.ten,
                    row.tep.display(),
                    report.citation(rule)
                );
            }
        }
    }
}

/// The rows of one table (numbered as in their stage) against `rules`.
fn rows_table(
    out: &mut String,
    rows: &[(usize, &CandidateRow)],
    rules: &[&'static str],
    voted: bool,
) {
    let name_w = rows
        .iter()
        .map(|(_, r)| r.ten.chars().count())
        .max()
        .unwrap_or(8)
        .max(8);
    let mut header = format!(
        "  {}  {}  {}",
        pad("STT", 3),
        pad("Ứng viên", name_w),
        pad("Loại", 7)
    );
    if voted {
        header.push_str(&format!("  {}  {}", pad("Đồng ý", 13), pad("Chọn", 5)));
    }
    // A column as wide as its widest cell ("chưa đánh giá").
    let widths: Vec<usize> = rules
        .iter()
        .map(|r| {
            rows.iter()
                .flat_map(|(_, row)| row.tieu_chi.iter().filter(|x| x.rule == *r))
                .map(|x| verdict_cell(&x.verdict).chars().count())
                .fold(7, usize::max)
        })
        .collect();
    for (r, w) in rules.iter().zip(&widths) {
        header.push_str(&format!("  {}", pad(r, *w)));
    }
    let _ = writeln!(out, "{}", header.trim_end());
    for (i, row) in rows {
        let mut line = format!(
            "  {}  {}  {}",
            pad(&(i + 1).to_string(), 3),
            pad(&row.ten, name_w),
            pad(row.loai.label(), 7)
        );
        if voted {
            // More votes than members is an error said below; no percentage
            // over a hundred stands beside it.
            let votes = row.phieu.as_ref().map_or(String::new(), |p| {
                let share = if p.dong_y > p.tong_so_thanh_vien {
                    "quá số".to_owned()
                } else {
                    crate::words::percent(p.dong_y, p.tong_so_thanh_vien)
                };
                format!("{}/{} ({share})", p.dong_y, p.tong_so_thanh_vien)
            });
            let chosen = match row.duoc_chon {
                Some(true) => "có",
                Some(false) => "không",
                None => "",
            };
            line.push_str(&format!("  {}  {}", pad(&votes, 13), pad(chosen, 5)));
        }
        for (r, w) in rules.iter().zip(&widths) {
            let cell = row
                .tieu_chi
                .iter()
                .find(|x| x.rule == *r)
                .map_or("", |x| verdict_cell(&x.verdict));
            line.push_str(&format!("  {}", pad(cell, *w)));
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// "2020: Giấy khen của … (số 45-QĐ/BTCTU ngày 28/12/2020 của Trưởng Ban …)".
fn award_line(a: &Award) -> String {
    let mut by = Vec::new();
    if let Some(so) = &a.so {
        by.push(format!("số {so}"));
    }
    if let Some(d) = a.ngay {
        by.push(format!("ngày {}", crate::words::date_numeric(d.0)));
    }
    if let Some(c) = &a.co_quan {
        by.push(format!("của {c}"));
    }
    if by.is_empty() {
        format!("{}: {}", a.nam, a.hinh_thuc)
    } else {
        format!("{}: {} ({})", a.nam, a.hinh_thuc, by.join(" "))
    }
}

/// Each candidate of any stage who was awarded before the plan, once, with
/// what they received: the council weighs it when it chooses.
pub(super) fn awards_before(out: &mut String, report: &Report) {
    let mut seen = std::collections::BTreeSet::new();
    let awarded: Vec<&CandidateRow> = report
        .giai_doan
        .iter()
        .flat_map(|s| &s.ung_vien)
        .filter(|r| !r.khen_thuong.is_empty() && seen.insert(&r.id))
        .collect();
    if awarded.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nĐÃ ĐƯỢC KHEN THƯỞNG TRƯỚC KẾ HOẠCH NÀY");
    for row in awarded {
        let awards: Vec<String> = row.khen_thuong.iter().map(award_line).collect();
        let _ = writeln!(
            out,
            "  - {} ({}): {}",
            row.ten,
            row.tep.display(),
            awards.join("; ")
        );
    }
}
