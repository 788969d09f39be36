//! Phiếu bầu: the ballots of a council meeting's secret vote, one page per
//! ballot — as many as the council has members, or the number the meeting
//! record asks (`so_phieu_in: 1` for one to copy). The candidates are those
//! the record's vote lists; before the vote, those the stage puts to it
//! (the registrants at a selection, the units and people chosen then at the
//! year's end).

use chrono::NaiveDate;
use serde::Serialize;

use super::context::{self, Common};
use super::{Document, Draft, Output, Reader, Template};
use crate::records::{Candidate, Records};
use crate::ruleset;
use crate::text::Id;
use crate::vocab::MeetingKind;

pub struct Ballot;

#[derive(Serialize)]
pub struct Row {
    ten: String,
    mo_ta: String,
}

#[derive(Serialize)]
pub struct Context<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    trich_yeu: String,
    ngay: NaiveDate,
    tap_the: Vec<Row>,
    ca_nhan: Vec<Row>,
    /// How many the council may choose, by kind, when the plan says.
    /// The stage's quota (units, people); none when the plan sets none.
    chon_toi_da: Option<(u32, u32)>,
    nguong: String,
    so_ban: u32,
}

impl Document for Ballot {
    const NAME: &'static str = "phieu-bau";
    const TITLE: &'static str = "Phiếu bầu";
    const ONE_PER: &'static str = "mỗi cuộc họp (mỗi trang một phiếu)";
    const TEMPLATE: Template = template!("phieu-bau.typ.j2");
    const OUTPUT: Output = Output::Each("phieu-bau");
    type Context<'a> = Context<'a>;

    fn sources(records: &Records) -> Vec<Id> {
        records.meetings.keys().cloned().collect()
    }

    fn draft<'a>(r: &Reader<'a>, id: &Id) -> Option<Draft<Context<'a>>> {
        let m = r.meeting(id)?;
        let plan = r.plan();
        let year_end = m.loai == MeetingKind::YearEnd;
        let mut candidates = r.vote_candidates(m);
        candidates.sort_by_cached_key(Candidate::listing_key);
        let mut tap_the = Vec::new();
        let mut ca_nhan = Vec::new();
        for c in candidates {
            match c {
                // A unit has no post: its "Chức vụ, đơn vị" is left empty,
                // not filled with the body it belongs to.
                Candidate::Collective(_, x) => tap_the.push(Row {
                    ten: x.ten.to_string(),
                    mo_ta: String::new(),
                }),
                Candidate::Person(_, x) => ca_nhan.push(Row {
                    ten: x.ho_ten.to_string(),
                    mo_ta: context::position(r, x),
                }),
            }
        }
        let quota = if year_end {
            plan.chi_tieu.cuoi_nam
        } else {
            plan.chi_tieu.lua_chon
        };
        let subject = plan.vote_subject(year_end);
        let date = m.bat_dau.0.date();
        let context = Context {
            common: context::common(r, m.issuer()),
            trich_yeu: plan.the_thuc.subject_case(&subject),
            ngay: date,
            tap_the,
            ca_nhan,
            chon_toi_da: quota.map(|q| (q.tap_the, q.ca_nhan)),
            nguong: ruleset::threshold_words(plan, m),
            so_ban: m
                .so_phieu_in
                .unwrap_or(plan.hoi_dong.thanh_vien.len() as u32)
                .max(1),
        };
        Some(Draft {
            file: Some(id.to_string()),
            date,
            context,
            issuable: None,
        })
    }
}
