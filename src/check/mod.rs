//! Stage 2: the plan's criteria and the law's as rules (one table, in
//! [`rules`]), applied per candidate and per stage, and the council's
//! decisions judged by them. Pure functions of the records: no I/O.

mod addressee;
pub mod citations;
pub mod coverage;
mod criteria;
pub mod decisions;
pub mod register;
pub mod rules;
mod validity;

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::locate::locate;
use crate::problem::Problem;
use crate::records::{Award, Candidate, Kind, Meeting, Records};
use crate::text::Id;
use crate::vocab::MeetingKind;
use decisions::{CouncilDecision, Failure, Failures};
pub use rules::{RULES, Rule, RuleResult, Source, Stage, Test, Verdict, citation, evaluate, rule};
pub use validity::{held_back, invalid_in, invalid_records};

#[derive(Debug, Clone, Serialize)]
pub struct VoteFigures {
    /// The ballots' "đồng ý" and the written opinions the council counts.
    pub dong_y: u32,
    pub tong_so_thanh_vien: u32,
    /// Per thousand of the whole membership, so JSON stays exact.
    pub phan_nghin: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct CandidateRow {
    pub id: Id,
    pub ten: String,
    pub loai: Kind,
    pub tep: PathBuf,
    /// The council's decision, where the candidate was voted on.
    pub duoc_chon: Option<bool>,
    pub phieu: Option<VoteFigures>,
    pub tieu_chi: Vec<RuleResult>,
    /// What the candidate was awarded before this plan.
    pub khen_thuong: Vec<Award>,
}

impl CandidateRow {
    pub fn failures(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.tieu_chi.iter().filter_map(|r| match &r.verdict {
            Verdict::KhongDat(why) => Some((r.rule, why.as_str())),
            _ => None,
        })
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct StageReport {
    pub giai_doan: Stage,
    /// The meeting or proposal the stage rests on.
    pub ban_ghi: Option<Id>,
    pub tep: Option<PathBuf>,
    pub ngay: Option<NaiveDate>,
    pub ung_vien: Vec<CandidateRow>,
    /// Rules about the council's decision as a whole (QT-2, QT-3, QT-4).
    pub quyet_dinh: Vec<RuleResult>,
}

/// A council decision the rules do not support: an error in its file.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionError {
    pub tieu_chi: &'static str,
    pub ung_vien: Option<Id>,
    #[serde(flatten)]
    pub problem: Problem,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub giai_doan: Vec<StageReport>,
    pub loi_quyet_dinh: Vec<DecisionError>,
    /// Problems of the records' data that only the check finds (text the
    /// fonts cannot print); reported beside the loader's.
    #[serde(skip)]
    pub loi_du_lieu: Vec<Problem>,
    /// What a clerk should look at that is no error: a proposed candidate
    /// whose achievements are not written (the proposal's cell stays empty).
    pub luu_y: Vec<Problem>,
    /// Every rule as this plan cites it.
    pub tieu_chi: Vec<CitedRule>,
}

/// A rule with the citation of one plan.
#[derive(Debug, Clone, Serialize)]
pub struct CitedRule {
    pub ma: &'static str,
    pub noi_dung: &'static str,
    pub nguon: String,
}

impl Report {
    /// Whether the records hold and every decision stands.
    pub fn ok(&self) -> bool {
        self.loi_quyet_dinh.is_empty() && self.loi_du_lieu.is_empty()
    }

    /// How the plan cites rule `id`.
    pub fn citation(&self, id: &str) -> &str {
        self.tieu_chi
            .iter()
            .find(|r| r.ma == id)
            .map_or("", |r| r.nguon.as_str())
    }
}

/// A citation the plan gives for a rule that does not exist.
fn unknown_citations(records: &Records) -> Vec<Problem> {
    let ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    records
        .plan
        .trich_dan
        .keys()
        .filter(|k| rule(k).is_none())
        .map(|k| {
            let field = format!("trich_dan.{k}");
            let problem = Problem::new(
                &records.plan_file,
                &field,
                format!(
                    "không có tiêu chí mã {k}; trich_dan chỉ ghi cho các mã: {}",
                    ids.join(", ")
                ),
            );
            records.placed(problem, &field)
        })
        .collect()
}

fn row(records: &Records, c: &Candidate, stage: Stage, vote: Option<(bool, u32)>) -> CandidateRow {
    let members = records.plan.hoi_dong.thanh_vien.len() as u32;
    CandidateRow {
        id: c.id().clone(),
        ten: c.name().to_owned(),
        loai: c.kind(),
        tep: records.file_of(c.kind(), c.id()),
        duoc_chon: vote.map(|(chosen, _)| chosen),
        phieu: vote.map(|(_, agree)| VoteFigures {
            dong_y: agree,
            tong_so_thanh_vien: members,
            phan_nghin: (agree * 1000 + members / 2)
                .checked_div(members)
                .unwrap_or(0),
        }),
        tieu_chi: evaluate(records, c, stage),
        khen_thuong: records.awards_of(c.id()),
    }
}

/// Before the year-end meeting a person is rated at the year's end: a rule
/// failing only for want of the rating is not judged yet, not failed. Once
/// a meeting judges, the same want is a failure.
fn not_yet_rated(mut row: CandidateRow) -> CandidateRow {
    for result in &mut row.tieu_chi {
        if let Verdict::KhongDat(why) = &result.verdict
            && why.starts_with(criteria::NOT_RATED)
        {
            result.verdict = Verdict::ChuaDanhGia(why.clone());
        }
    }
    row
}

impl CandidateRow {
    /// The rules not judged yet, and why.
    pub fn pending(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.tieu_chi.iter().filter_map(|r| match &r.verdict {
            Verdict::ChuaDanhGia(why) => Some((r.rule, why.as_str())),
            _ => None,
        })
    }
}

pub fn check(records: &Records) -> Report {
    let mut stages = Vec::new();
    let mut errors = Vec::new();
    let registrants = records.registrants();
    stages.push(StageReport {
        giai_doan: Stage::Registration,
        ban_ghi: None,
        tep: Some(records.plan_file.clone()),
        ngay: None,
        ung_vien: registrants
            .iter()
            .map(|c| row(records, c, Stage::Registration, None))
            .collect(),
        quyet_dinh: Vec::new(),
    });
    let selections = records.meetings_of(MeetingKind::Selection);
    let selected: BTreeSet<&Id> = selections
        .iter()
        .flat_map(|(_, m)| {
            m.bieu_quyet
                .iter()
                .filter(|v| v.duoc_chon)
                .map(|v| &v.ung_vien)
        })
        .collect();
    let selected = (!selections.is_empty()).then_some(&selected);
    for &(id, meeting) in &selections {
        let decision = CouncilDecision {
            meeting,
            stage: Stage::Selection,
            selected,
        };
        stages.push(meeting_stage(records, id, &decision, &mut errors));
    }
    let year_end = records.meetings_of(MeetingKind::YearEnd);
    if year_end.is_empty() {
        stages.push(StageReport {
            giai_doan: Stage::YearEnd,
            ban_ghi: None,
            tep: None,
            ngay: None,
            ung_vien: registrants
                .iter()
                .map(|c| not_yet_rated(row(records, c, Stage::YearEnd, None)))
                .collect(),
            quyet_dinh: Vec::new(),
        });
    }
    for (id, meeting) in year_end {
        let decision = CouncilDecision {
            meeting,
            stage: Stage::YearEnd,
            selected,
        };
        stages.push(meeting_stage(records, id, &decision, &mut errors));
    }
    let mut notes = coverage::names_without_marks(records);
    notes.extend(addressee::signed_by_the_addressee(records));
    for (id, proposal) in &records.proposals {
        let stage = proposal_stage(records, id, proposal, &mut errors);
        notes.extend(unwritten_achievements(records, &stage));
        stages.push(stage);
    }
    for e in &mut errors {
        let field = e.problem.field.clone();
        e.problem = records.placed(e.problem.clone(), &field);
    }
    Report {
        giai_doan: stages,
        loi_quyet_dinh: errors,
        loi_du_lieu: coverage::uncovered(records, crate::fonts::embedded())
            .into_iter()
            .chain(unknown_citations(records))
            .collect(),
        luu_y: notes,
        tieu_chi: RULES
            .iter()
            .filter(|r| r.applies_to(&records.plan))
            .map(|r| CitedRule {
                ma: r.id,
                noi_dung: r.summary,
                nguon: citation(&records.plan, r.id),
            })
            .collect(),
    }
}

/// A candidate a proposal carries whose record has no `thanh_tich`: the
/// proposal's "Tóm tắt thành tích" cell would be blank.
fn unwritten_achievements(records: &Records, stage: &StageReport) -> Vec<Problem> {
    stage
        .ung_vien
        .iter()
        .filter(|row| match records.candidate(&row.id) {
            Some(Candidate::Collective(_, c)) => c.thanh_tich.is_none(),
            Some(Candidate::Person(_, p)) => p.thanh_tich.is_none(),
            None => false,
        })
        .map(|row| {
            let mut problem = Problem::new(
                &row.tep,
                "thanh_tich",
                format!(
                    "{} được đề nghị khen thưởng ({}) nhưng chưa ghi tóm tắt thành tích; ô thành \
                     tích của tờ trình sẽ để trống — hãy ghi thanh_tich",
                    row.ten,
                    stage
                        .tep
                        .as_ref()
                        .map_or(String::new(), |f| f.display().to_string())
                ),
            );
            if let Some((line, column)) = records
                .sources
                .get(&row.tep)
                .and_then(|text| locate(text, "ho_ten").or_else(|| locate(text, "ten")))
            {
                problem = problem.at(line, column);
            }
            problem
        })
        .collect()
}

/// The candidates a proposal carries, each held to every rule; one who
/// fails is an error in the proposal's file.
fn proposal_stage(
    records: &Records,
    id: &Id,
    proposal: &crate::records::Proposal,
    errors: &mut Vec<DecisionError>,
) -> StageReport {
    let file = records.file_of(Kind::Proposal, id);
    let rows: Vec<CandidateRow> = records
        .proposed(proposal)
        .iter()
        .map(|(c, _)| row(records, c, Stage::Proposal, None))
        .collect();
    for r in &rows {
        for (rule, why) in r.failures() {
            errors.push(DecisionError {
                tieu_chi: rule,
                ung_vien: Some(r.id.clone()),
                problem: Problem::new(
                    &file,
                    "cuoc_hop",
                    format!(
                        "tờ trình đề nghị khen thưởng {}, nhưng {} ({})",
                        r.ten,
                        why,
                        citation(&records.plan, rule)
                    ),
                ),
            });
        }
    }
    StageReport {
        giai_doan: Stage::Proposal,
        ban_ghi: Some(id.clone()),
        tep: Some(file),
        ngay: Some(proposal.ngay.0),
        ung_vien: rows,
        quyet_dinh: Vec::new(),
    }
}

/// The table of one meeting — those on its ballot — and the checks of its
/// decision.
fn meeting_stage(
    records: &Records,
    id: &Id,
    decision: &CouncilDecision,
    errors: &mut Vec<DecisionError>,
) -> StageReport {
    let CouncilDecision { meeting, stage, .. } = *decision;
    let file = records.file_of(Kind::Meeting, id);
    let mut rows: Vec<CandidateRow> = records
        .ballot(meeting)
        .iter()
        .map(|c| {
            let vote = meeting.bieu_quyet.iter().find(|v| &v.ung_vien == c.id());
            let figures = vote.map(|v| (v.duoc_chon, records.agreement(meeting, v)));
            row(records, c, stage, figures)
        })
        .collect();
    rows.sort_by_key(|r| r.loai);
    let mut failures = chosen_failing(meeting, &rows);
    for rule in stage.decision_rules() {
        if let Test::Decision(test) = rule.test {
            let mut own = Failures {
                rule: rule.id,
                out: &mut failures,
            };
            test(records, decision, &mut own);
        }
    }
    let quyet_dinh = stage
        .decision_rules()
        .map(|rule| {
            let own: Vec<&str> = failures
                .iter()
                .filter(|f| f.rule == rule.id)
                .map(|f| f.message.as_str())
                .collect();
            let verdict = if own.is_empty() {
                Verdict::Dat
            } else {
                Verdict::KhongDat(own.join("; "))
            };
            RuleResult {
                rule: rule.id,
                verdict,
            }
        })
        .collect();
    errors.extend(failures.into_iter().map(|f| DecisionError {
        tieu_chi: f.rule,
        ung_vien: f.candidate,
        problem: Problem::new(
            &file,
            f.field,
            format!("{} ({})", f.message, citation(&records.plan, f.rule)),
        ),
    }));
    StageReport {
        giai_doan: stage,
        ban_ghi: Some(id.clone()),
        tep: Some(file.clone()),
        ngay: Some(meeting.bat_dau.0.date()),
        ung_vien: rows,
        quyet_dinh,
    }
}

/// Chosen candidates must meet every rule of the stage: each rule one fails
/// is a failure of the decision, under that rule's id.
fn chosen_failing(meeting: &Meeting, rows: &[CandidateRow]) -> Vec<Failure> {
    let mut failures = Vec::new();
    for (i, vote) in meeting
        .bieu_quyet
        .iter()
        .enumerate()
        .filter(|(_, v)| v.duoc_chon)
    {
        if let Some(r) = rows.iter().find(|r| r.id == vote.ung_vien) {
            for (rule, why) in r.failures() {
                failures.push(Failure {
                    rule,
                    candidate: Some(r.id.clone()),
                    field: format!("bieu_quyet[{i}].duoc_chon"),
                    message: format!("Hội đồng chọn {}, nhưng {}", r.ten, why),
                });
            }
        }
    }
    failures
}
