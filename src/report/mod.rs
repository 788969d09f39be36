//! How `tdkt check` and `tdkt build` show their findings: tables a clerk
//! reads, or JSON for scripts (`docs/rules.md` documents the JSON).

mod build;
mod tables;

use std::fmt::Write;

use serde::Serialize;

use crate::check::{RULES, Report, Rule, Stage};
use crate::load::{Loaded, PlanLoaded, Repository};
use crate::problem::Problem;
use crate::records::Kind;
use crate::text::Id;
pub use build::build_summary;
use tables::{awards_before, table, verdict_cell};

const ROMAN: &[&str] = &[
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
];

/// Every problem of the records' data: the loader's, then the check's.
fn data_problems<'a>(loaded: &'a Loaded, report: Option<&'a Report>) -> Vec<&'a Problem> {
    loaded
        .problems
        .iter()
        .chain(report.into_iter().flat_map(|r| &r.loi_du_lieu))
        .collect()
}

/// The unit and person files a data error kept from being read: they are
/// in no stage's table, and each table says so rather than let a clerk
/// think the person was never registered.
fn unreadable_candidates(loaded: &Loaded) -> Vec<String> {
    let Some(records) = &loaded.records else {
        return Vec::new();
    };
    let mut files: Vec<String> = loaded
        .problems
        .iter()
        .filter(|p| {
            let kind = p
                .file
                .parent()
                .and_then(|d| d.file_name())
                .and_then(|n| n.to_str())
                .and_then(Kind::of_folder);
            let id = Id(p
                .file
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned()));
            match kind {
                Some(Kind::Person) => !records.people.contains_key(&id),
                Some(Kind::Collective) => !records.collectives.contains_key(&id),
                _ => false,
            }
        })
        .map(|p| p.file.display().to_string())
        .collect();
    files.sort();
    files.dedup();
    files
}

/// Whether the records hold and every decision of the council stands.
pub fn valid(loaded: &Loaded, report: Option<&Report>) -> bool {
    loaded.problems.is_empty() && report.is_some_and(Report::ok)
}

pub fn text(loaded: &Loaded, report: Option<&Report>, verbose: bool) -> String {
    let mut out = String::new();
    if let Some(records) = &loaded.records {
        let _ = writeln!(
            out,
            "Kế hoạch {} ({}): {} tập thể, {} cá nhân, {} cuộc họp, {} tờ trình.",
            records.plan.trich_yeu,
            records.plan_file.display(),
            records.collectives.len(),
            records.people.len(),
            records.meetings.len(),
            records.proposals.len()
        );
    }
    let problems = data_problems(loaded, report);
    if !problems.is_empty() {
        let _ = writeln!(
            out,
            "\nLỖI DỮ LIỆU ({}): hãy sửa các tệp sau rồi chạy lại.",
            problems.len()
        );
        for p in problems {
            let _ = writeln!(out, "  {p}");
        }
    }
    let Some(report) = report else {
        return out;
    };
    let left_out = unreadable_candidates(loaded);
    for (i, stage) in report.giai_doan.iter().enumerate() {
        let roman = ROMAN.get(i).copied().unwrap_or("");
        let title = loaded
            .records
            .as_ref()
            .map_or_else(String::new, |r| stage.giai_doan.title(&r.plan));
        let mut title = format!("\n{roman}. {title}");
        if let (Some(file), Some(date)) = (&stage.tep, stage.ngay) {
            title.push_str(&format!(
                " — {}, ngày {}",
                file.display(),
                date.format("%d/%m/%Y")
            ));
        } else if stage.giai_doan == Stage::YearEnd {
            title.push_str(" — chưa có cuộc họp bình xét; đối chiếu theo số liệu hiện có");
        }
        let _ = writeln!(out, "{title}");
        if stage.ung_vien.is_empty() {
            let _ = writeln!(out, "  (không có ứng viên)");
        } else {
            table(&mut out, stage, report);
        }
        if !left_out.is_empty() {
            let _ = writeln!(
                out,
                "  Không có trong bảng vì bản ghi có lỗi dữ liệu (xem trên): {}.",
                left_out.join(", ")
            );
        }
        if !stage.quyet_dinh.is_empty() {
            let parts: Vec<String> = stage
                .quyet_dinh
                .iter()
                .map(|r| format!("{} {}", r.rule, verdict_cell(&r.verdict)))
                .collect();
            let _ = writeln!(out, "  Quyết định của Hội đồng: {}.", parts.join("; "));
        }
    }
    awards_before(&mut out, report);
    if !report.luu_y.is_empty() {
        let _ = writeln!(out, "\nLƯU Ý ({}):", report.luu_y.len());
        for p in &report.luu_y {
            let _ = writeln!(out, "  {p}");
        }
    }
    if !report.loi_quyet_dinh.is_empty() {
        let _ = writeln!(
            out,
            "\nQUYẾT ĐỊNH CỦA HỘI ĐỒNG KHÔNG ĐỨNG VỮNG ({}):",
            report.loi_quyet_dinh.len()
        );
        for e in &report.loi_quyet_dinh {
            let _ = writeln!(out, "  [{}] {}", e.tieu_chi, e.problem);
        }
    }
    if verbose {
        let _ = writeln!(out, "\nTiêu chí:");
        for r in &report.tieu_chi {
            let _ = writeln!(out, "  {:<8} {} ({})", r.ma, r.noi_dung, r.nguon);
        }
    } else {
        let ids: Vec<&str> = report.tieu_chi.iter().map(|r| r.ma).collect();
        let _ = writeln!(
            out,
            "\nTiêu chí {}: nội dung và căn cứ của từng tiêu chí xem bằng tdkt check -v",
            ids.join(", ")
        );
    }
    out
}

/// What `tdkt check` found in a records folder: each plan's records and
/// report, and what is wrong beyond any one plan (the folder, the register).
pub struct Findings<'a> {
    pub repository: &'a Repository,
    /// One per plan of the repository, in its order.
    pub reports: Vec<Option<Report>>,
    /// Problems of the folder and of the register of issued documents.
    pub problems: Vec<Problem>,
    /// What the clerk should know that is no error.
    pub notes: Vec<String>,
}

/// A plan without its number or date: how many documents cite it with
/// blanks to fill in by hand, and what gives them the figures.
fn blank_plan_citations(plan: &str, records: &crate::records::Records) -> Option<String> {
    let p = &records.plan;
    let missing: Vec<&str> = [("so", p.so.is_none()), ("ngay", p.ngay.is_none())]
        .into_iter()
        .filter_map(|(key, absent)| absent.then_some(key))
        .collect();
    if missing.is_empty() {
        return None;
    }
    let citing: usize = crate::documents::KINDS
        .iter()
        .filter(|k| k.cites_plan)
        .map(|k| (k.plan)(records).len())
        .sum();
    (citing > 0).then(|| {
        format!(
            "kế hoạch {plan} chưa có {} (ke-hoach.yaml): {citing} văn bản trích dẫn kế hoạch sẽ in \
             chỗ trống \"Kế hoạch số … ngày …\" để điền tay; khi kế hoạch đã có số, hãy ban hành nó \
             (tdkt issue {plan}/ke-hoach) hoặc ghi số và ngày của nó vào bản ghi",
            missing
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(" và ")
        )
    })
}

impl<'a> Findings<'a> {
    /// Checks every plan of `repository`, and the register of issued
    /// documents against them.
    pub fn of(repository: &'a Repository) -> Findings<'a> {
        let root = &repository.root;
        let (register, mut problems) = crate::load::read_register(root);
        let archive = crate::load::Archive::of(root);
        let (more, mut notes) =
            crate::check::register::check(&register, &archive, &repository.names);
        problems.extend(more);
        let mut reports = Vec::new();
        for plan in &repository.plans {
            let Some(records) = &plan.loaded.records else {
                reports.push(None);
                continue;
            };
            // Only a plan that issued something has documents to compare.
            if register.issued_in(&plan.name).next().is_some() {
                let jobs = crate::documents::plan(records);
                let (more, more_notes) = crate::build::frozen(root, &register, plan, &jobs);
                problems.extend(more);
                notes.extend(more_notes);
            }
            notes.extend(blank_plan_citations(&plan.name, records));
            notes.extend(crate::check::citations::undated_bases(records));
            notes.extend(crate::check::citations::proposed_twice(records));
            notes.extend(crate::check::citations::meetings_twice_a_day(records));
            notes.extend(crate::check::citations::plan_subject_year(records));
            reports.push(Some(crate::check::check(records)));
        }
        Findings {
            repository,
            reports,
            problems,
            notes,
        }
    }

    /// Says what recovering from a killed issue did, or why it could not.
    pub fn recovered(&mut self, recovered: Result<Option<String>, String>) {
        match recovered {
            Ok(None) => {}
            Ok(Some(note)) => self.notes.insert(0, note),
            Err(why) => self.problems.insert(
                0,
                Problem::new(std::path::Path::new(crate::load::REGISTER_FOLDER), "", why),
            ),
        }
    }

    fn plans(&self) -> impl Iterator<Item = (&PlanLoaded, Option<&Report>)> {
        self.repository
            .plans
            .iter()
            .zip(self.reports.iter().map(Option::as_ref))
    }

    fn own_problems(&self) -> impl Iterator<Item = &Problem> {
        self.repository.problems.iter().chain(&self.problems)
    }

    /// Whether every plan holds and nothing else is wrong.
    pub fn valid(&self) -> bool {
        self.own_problems().next().is_none() && self.plans().all(|(p, r)| valid(&p.loaded, r))
    }

    /// The findings, for a clerk; `verbose` adds what each rule says and
    /// where it comes from.
    pub fn text(&self, verbose: bool) -> String {
        let mut out = String::new();
        let own: Vec<&Problem> = self.own_problems().collect();
        if !own.is_empty() {
            let _ = writeln!(
                out,
                "LỖI CỦA THƯ MỤC BẢN GHI ({}): hãy sửa rồi chạy lại.",
                own.len()
            );
            for p in own {
                let _ = writeln!(out, "  {p}");
            }
            let _ = writeln!(out);
        }
        let many = self.repository.plans.len() > 1;
        for (plan, report) in self.plans() {
            if many {
                let _ = writeln!(out, "═══ KẾ HOẠCH {} ═══", plan.name);
            }
            out.push_str(&text(&plan.loaded, report, verbose));
            if many {
                let _ = writeln!(out, "{}\n", conclusion(&plan.loaded, report));
            }
        }
        for note in &self.notes {
            let _ = writeln!(out, "Lưu ý: {note}");
        }
        let (problems, decisions) = self.plans().fold(
            (self.own_problems().count(), 0),
            |(p, d), (plan, report)| {
                (
                    p + data_problems(&plan.loaded, report).len(),
                    d + report.map_or(0, |r| r.loi_quyet_dinh.len()),
                )
            },
        );
        let _ = writeln!(out, "{}", verdict(problems, decisions));
        out
    }

    /// The findings, for scripts (`docs/rules.md`).
    pub fn json(&self) -> String {
        #[derive(Serialize)]
        struct Plan<'a> {
            ten: &'a str,
            hop_le: bool,
            #[serde(skip_serializing_if = "Option::is_none")]
            ket_qua: Option<&'a Report>,
            khong_trong_bang: Vec<String>,
        }
        #[derive(Serialize)]
        struct Json<'a> {
            hop_le: bool,
            loi_du_lieu: Vec<&'a Problem>,
            #[serde(skip_serializing_if = "Option::is_none")]
            ket_qua: Option<&'a Report>,
            /// The unit and person files no stage's table shows, their
            /// data unreadable (as the text says under each table).
            khong_trong_bang: Vec<String>,
            ke_hoach: Vec<Plan<'a>>,
            luu_y: &'a [String],
            tieu_chi: &'static [Rule],
        }
        // One plan's report stands at the top, as it did before many plans.
        let one = self.reports.len() == 1;
        let plans: Vec<Plan> = self
            .plans()
            .map(|(p, r)| Plan {
                ten: &p.name,
                hop_le: valid(&p.loaded, r),
                ket_qua: r.filter(|_| !one),
                khong_trong_bang: unreadable_candidates(&p.loaded),
            })
            .collect();
        let doc = Json {
            hop_le: self.valid(),
            loi_du_lieu: self
                .own_problems()
                .chain(self.plans().flat_map(|(p, r)| data_problems(&p.loaded, r)))
                .collect(),
            ket_qua: match self.reports.as_slice() {
                [report] => report.as_ref(),
                _ => None,
            },
            khong_trong_bang: plans
                .iter()
                .flat_map(|p| p.khong_trong_bang.iter().cloned())
                .collect(),
            ke_hoach: plans,
            luu_y: &self.notes,
            tieu_chi: RULES,
        };
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"loi\": \"{e}\"}}"))
    }
}

pub fn conclusion(loaded: &Loaded, report: Option<&Report>) -> String {
    verdict(
        data_problems(loaded, report).len(),
        report.map_or(0, |r| r.loi_quyet_dinh.len()),
    )
}

fn verdict(problems: usize, decisions: usize) -> String {
    if problems == 0 && decisions == 0 {
        "KẾT LUẬN: hồ sơ hợp lệ; các quyết định của Hội đồng đều đúng tiêu chuẩn và quy trình của kế hoạch.".into()
    } else {
        format!(
            "KẾT LUẬN: chưa đạt — {} lỗi dữ liệu, {} quyết định của Hội đồng không đứng vững.",
            problems, decisions
        )
    }
}
