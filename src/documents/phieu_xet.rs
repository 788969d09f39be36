//! Phiếu tổng hợp tiêu chuẩn: the council's worksheet for a meeting — each
//! candidate of the vote with the criteria of the stage held or not, and
//! why, as `check` judges them — so that the members vote with the evidence
//! in front of them. Not issued: a working paper of the meeting.

use chrono::NaiveDate;
use serde::Serialize;

use super::context::{self, Common};
use super::{Document, Draft, Output, Reader, Template};
use crate::check::{Stage, Verdict, citation, rule};
use crate::records::{Candidate, Records};
use crate::text::Id;
use crate::vocab::MeetingKind;

pub struct Worksheet;

#[derive(Serialize)]
pub struct Row {
    ten: String,
    tap_the: bool,
    mo_ta: String,
    /// The ids of the criteria held.
    dat: Vec<&'static str>,
    /// Each criterion not held, with the reason.
    khong_dat: Vec<(&'static str, String)>,
}

/// A criterion of the stage, as the legend explains it.
#[derive(Serialize)]
pub struct Criterion {
    ma: &'static str,
    noi_dung: &'static str,
    nguon: String,
}

#[derive(Serialize)]
pub struct Context<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    trich_yeu: String,
    ngay: NaiveDate,
    ung_vien: Vec<Row>,
    tieu_chi: Vec<Criterion>,
}

impl Document for Worksheet {
    const NAME: &'static str = "phieu-xet";
    const TITLE: &'static str = "Phiếu tổng hợp tiêu chuẩn của ứng viên";
    const ONE_PER: &'static str = "mỗi cuộc họp";
    const TEMPLATE: Template = template!("phieu-xet.typ.j2");
    const OUTPUT: Output = Output::Each("phieu-xet");
    type Context<'a> = Context<'a>;

    fn sources(records: &Records) -> Vec<Id> {
        records.meetings.keys().cloned().collect()
    }

    fn draft<'a>(r: &Reader<'a>, id: &Id) -> Option<Draft<Context<'a>>> {
        let m = r.meeting(id)?;
        let plan = r.plan();
        let year_end = m.loai == MeetingKind::YearEnd;
        let stage = if year_end {
            Stage::YearEnd
        } else {
            Stage::Selection
        };
        let candidates = r.vote_candidates(m);
        let mut used: Vec<&'static str> = Vec::new();
        let ung_vien = candidates
            .iter()
            .map(|c| {
                let mut dat = Vec::new();
                let mut khong_dat = Vec::new();
                for result in r.verdicts(c, stage) {
                    match result.verdict {
                        Verdict::Dat => dat.push(result.rule),
                        Verdict::KhongDat(why) | Verdict::ChuaDanhGia(why) => {
                            khong_dat.push((result.rule, why))
                        }
                        Verdict::KhongApDung => continue,
                    }
                    if !used.contains(&result.rule) {
                        used.push(result.rule);
                    }
                }
                let mo_ta = match c {
                    Candidate::Collective(..) => "Tập thể".to_owned(),
                    Candidate::Person(_, p) => context::position(r, p),
                };
                Row {
                    ten: c.name().to_owned(),
                    tap_the: matches!(c, Candidate::Collective(..)),
                    mo_ta,
                    dat,
                    khong_dat,
                }
            })
            .collect();
        let subject = format!(
            "tiêu chuẩn của ứng viên, họp {}",
            plan.vote_subject(year_end)
        );
        let context = Context {
            common: context::common(r, m.issuer()),
            trich_yeu: plan.the_thuc.subject_case(&subject),
            ngay: m.bat_dau.0.date(),
            ung_vien,
            tieu_chi: used
                .iter()
                .filter_map(|id| rule(id))
                .map(|rule| Criterion {
                    ma: rule.id,
                    noi_dung: rule.summary,
                    nguon: citation(plan, rule.id),
                })
                .collect(),
        };
        Some(Draft {
            file: Some(id.to_string()),
            date: m.bat_dau.0.date(),
            context,
            issuable: None,
        })
    }
}
