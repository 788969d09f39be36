//! Biên bản kiểm phiếu: the counting board's minutes of a council vote, for
//! each meeting whose record names the board (`ban_kiem_phieu`): the
//! ballots issued, returned and valid, and each candidate's votes for and
//! against with the share of the whole council, signed by the board.

use chrono::NaiveDate;
use serde::Serialize;

use super::bien_ban::{MemberLine, member_line};
use super::context::{self, Common};
use super::{Document, Draft, Output, Reader, Template};
use crate::records::{Candidate, Records};
use crate::ruleset;
use crate::text::Id;
use crate::vocab::MeetingKind;
use crate::words::{moment_words, percent, two_digits};

pub struct VoteCount;

#[derive(Serialize)]
pub struct Row {
    ten: String,
    tap_the: bool,
    phat_ra: u32,
    thu_ve: u32,
    hop_le: u32,
    dong_y: u32,
    khong_dong_y: u32,
    /// Of the whole council: "88,9 %".
    ty_le: String,
    /// The absent members' written "đồng ý" the council counts with the
    /// ballots, and the share of the council they make together: the
    /// table shows the ballots counted, a line below it the whole.
    van_ban: u32,
    ty_le_chung: String,
    /// Whether ballots and written opinions reach the threshold.
    dat: bool,
}

#[derive(Serialize)]
pub struct Context<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    trich_yeu: String,
    ngay: NaiveDate,
    bat_dau: String,
    dia_diem: &'a str,
    tong_so: String,
    so_thanh_vien: u32,
    co_mat: String,
    ban_kiem_phieu: Vec<MemberLine>,
    nguong: String,
    phieu: Vec<Row>,
}

impl Document for VoteCount {
    const NAME: &'static str = "bien-ban-kiem-phieu";
    const TITLE: &'static str = "Biên bản kiểm phiếu";
    const ONE_PER: &'static str = "mỗi cuộc họp có `ban_kiem_phieu` và kết quả biểu quyết";
    const TEMPLATE: Template = template!("bien-ban-kiem-phieu.typ.j2");
    const OUTPUT: Output = Output::Each("bien-ban-kiem-phieu");
    type Context<'a> = Context<'a>;

    fn sources(records: &Records) -> Vec<Id> {
        records
            .meetings
            .iter()
            // A counting board, and votes counted.
            .filter(|(_, m)| !m.ban_kiem_phieu.is_empty() && !m.bieu_quyet.is_empty())
            .map(|(id, _)| id.clone())
            .collect()
    }

    fn draft<'a>(r: &Reader<'a>, id: &Id) -> Option<Draft<Context<'a>>> {
        let m = r.meeting(id)?;
        let plan = r.plan();
        let members = plan.hoi_dong.thanh_vien.len() as u32;
        let date = m.bat_dau.0.date();
        let phieu = m
            .bieu_quyet
            .iter()
            .map(|v| {
                let candidate = r.candidate(&v.ung_vien);
                let name = candidate.as_ref().map(|c| c.name().to_owned());
                // Whether the candidate reaches the threshold counts the
                // absent members' written opinions too, as the decision does.
                let (threshold, _) = ruleset::vote_threshold(plan, m, candidate.as_ref());
                let agreed = r.agreement(m, v);
                Row {
                    ten: name.unwrap_or_else(|| v.ung_vien.to_string()),
                    tap_the: matches!(candidate, Some(Candidate::Collective(..))),
                    phat_ra: v.phieu_phat_ra,
                    thu_ve: v.phieu_thu_ve,
                    hop_le: v.phieu_hop_le,
                    dong_y: v.dong_y,
                    khong_dong_y: v.phieu_hop_le.saturating_sub(v.dong_y),
                    ty_le: percent(v.dong_y, members),
                    van_ban: agreed - v.dong_y,
                    ty_le_chung: percent(agreed, members),
                    dat: threshold.is_met(agreed, members),
                }
            })
            .collect();
        let subject = format!(
            "kiểm phiếu {}",
            plan.vote_subject(m.loai == MeetingKind::YearEnd)
        );
        let context = Context {
            common: context::common(r, m.issuer()),
            trich_yeu: plan.the_thuc.subject_case(&subject),
            ngay: date,
            bat_dau: moment_words(m.bat_dau.0),
            dia_diem: m.dia_diem.as_str(),
            tong_so: two_digits(members),
            so_thanh_vien: members,
            co_mat: two_digits(members.saturating_sub(m.vang_mat.len() as u32)),
            ban_kiem_phieu: m.ban_kiem_phieu.iter().map(|p| member_line(r, p)).collect(),
            nguong: ruleset::threshold_words(plan, m),
            phieu,
        };
        Some(Draft {
            file: Some(id.to_string()),
            date,
            context,
            issuable: None,
        })
    }
}
