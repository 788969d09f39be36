//! Biên bản họp Hội đồng: one for each council meeting, the selection at the
//! start of the year or the year-end review, with the vote of each candidate.

use chrono::NaiveDate;
use serde::Serialize;

use super::context::{self, Common, NumberOf};
use super::{Document, Draft, Output, Reader, Template};
use crate::check::{Stage, Verdict};
use crate::format::{RecipientLine, type_code};
use crate::records::{Candidate, Kind, Meeting, Records};
use crate::ruleset;
use crate::text::{Id, Line};
use crate::vocab::{Format, MeetingKind};
use crate::words::moment_words;

pub struct Minutes;

#[derive(Serialize)]
pub struct MemberLine {
    pub ho_ten: String,
    pub mo_ta: String,
}

#[derive(Serialize)]
pub struct AbsentLine {
    ho_ten: String,
    ly_do: Option<String>,
    y_kien: Option<String>,
}

#[derive(Serialize)]
pub struct VoteRow {
    ten: String,
    tap_the: bool,
    phieu_phat_ra: u32,
    phieu_thu_ve: u32,
    phieu_hop_le: u32,
    /// Ballots' "đồng ý" and the written opinions that count with them.
    dong_y: u32,
    duoc_chon: bool,
    /// Why one not chosen was not: the record's words, or the reason the
    /// votes and the criteria give.
    ly_do: Option<String>,
}

#[derive(Serialize)]
pub struct EvaluationBlock {
    ten: String,
    danh_gia: Vec<(String, NaiveDate, String)>,
}

#[derive(Serialize)]
pub struct Context<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    so_hieu: String,
    ngay: NaiveDate,
    cuoi_nam: bool,
    /// Whether the council met to select at the year's start: only then
    /// were those it rates "đã được lựa chọn".
    lua_chon: bool,
    trich_yeu: String,
    bat_dau: String,
    ket_thuc: String,
    dia_diem: &'a str,
    tong_so: u32,
    co_mat: Vec<MemberLine>,
    vang_mat: Vec<AbsentLine>,
    chu_tri: MemberLine,
    thu_ky: MemberLine,
    chu_tri_nhan: &'static str,
    nguong: String,
    danh_gia: Vec<EvaluationBlock>,
    bieu_quyet: Vec<VoteRow>,
    /// Whether written opinions of absent members count in "đồng ý".
    y_kien_van_ban: bool,
    duoc_chon_tap_the: Vec<String>,
    duoc_chon_ca_nhan: Vec<String>,
    ket_luan: Option<&'a str>,
    giao_nhiem_vu: Option<&'a str>,
    /// State minutes end with "Nơi nhận" (Nghị định 30/2020, Mẫu 1.9);
    /// Party minutes only when the record names recipients.
    noi_nhan: Vec<RecipientLine>,
}

/// A member as the minutes name them: position, unit and role in the council.
pub fn member_line(r: &Reader, id: &Id) -> MemberLine {
    let role = r
        .plan()
        .hoi_dong
        .thanh_vien
        .iter()
        .find(|m| &m.nguoi == id)
        .map(|m| m.vai_tro.label());
    let mut parts: Vec<String> = Vec::new();
    if let Some(p) = r.person(id) {
        parts.push(context::position(r, p));
    }
    parts.extend(role.map(str::to_owned));
    MemberLine {
        ho_ten: r.person_name(id).to_owned(),
        mo_ta: parts.join(", "),
    }
}

/// Why the council could not choose `c`: the criteria of the stage it
/// fails and its agreement below the threshold of the vote, in that order;
/// else the plan's quota filled by others; none when the plan sets no
/// quota.
fn not_chosen_because(r: &Reader, m: &Meeting, c: &Candidate, agreed: u32) -> Option<String> {
    let plan = r.plan();
    let year_end = m.loai == MeetingKind::YearEnd;
    let stage = if year_end {
        Stage::YearEnd
    } else {
        Stage::Selection
    };
    // The standard a candidate fails comes first (disciplined, no
    // initiative, the unit not titled): it is why the council could not
    // choose them, whatever the vote; then the vote share.
    let mut reasons: Vec<String> = r
        .verdicts(c, stage)
        .into_iter()
        .filter_map(|v| match v.verdict {
            Verdict::KhongDat(why) => Some(why),
            _ => None,
        })
        .collect();
    let members = plan.hoi_dong.thanh_vien.len() as u32;
    let (threshold, _) = ruleset::vote_threshold(plan, m, Some(c));
    if !threshold.is_met(agreed, members) {
        reasons.push(format!(
            "đạt {agreed}/{members} ý kiến đồng ý, chưa đạt {}",
            threshold.describe()
        ));
    }
    if !reasons.is_empty() {
        return Some(reasons.join("; "));
    }
    let quota = plan.chi_tieu.at(year_end)?;
    let (limit, what) = match c.kind() {
        Kind::Collective => (quota.tap_the, "tập thể"),
        _ => (quota.ca_nhan, "cá nhân"),
    };
    Some(format!("ngoài chỉ tiêu {limit:02} {what} của kế hoạch"))
}

impl Document for Minutes {
    const NAME: &'static str = "bien-ban";
    const TITLE: &'static str = "Biên bản họp Hội đồng (lựa chọn hoặc bình xét cuối năm)";
    const ISSUED: bool = true;
    const ONE_PER: &'static str = "mỗi cuộc họp đã ghi kết quả biểu quyết (`bieu_quyet`)";
    const TEMPLATE: Template = template!("bien-ban.typ.j2");
    const OUTPUT: Output = Output::Each("bien-ban");
    const CODE: Option<&'static str> = Some(type_code::MINUTES);
    const CITES_PLAN: bool = true;
    type Context<'a> = Context<'a>;

    /// Before its votes are written a meeting has its ballots, not minutes
    /// of a vote that has not happened.
    fn sources(records: &Records) -> Vec<Id> {
        records
            .meetings
            .iter()
            .filter(|(_, m)| !m.bieu_quyet.is_empty())
            .map(|(id, _)| id.clone())
            .collect()
    }

    fn draft<'a>(r: &Reader<'a>, id: &Id) -> Option<Draft<Context<'a>>> {
        let m = r.meeting(id)?;
        let plan = r.plan();
        let format = plan.the_thuc;
        let year_end = m.loai == MeetingKind::YearEnd;
        let absent: Vec<&Id> = m.vang_mat.iter().map(|a| &a.nguoi).collect();
        let co_mat: Vec<MemberLine> = plan
            .hoi_dong
            .thanh_vien
            .iter()
            .filter(|mem| !absent.contains(&&mem.nguoi))
            .map(|mem| member_line(r, &mem.nguoi))
            .collect();
        let vang_mat = m
            .vang_mat
            .iter()
            .map(|a| AbsentLine {
                ho_ten: r.person_name(&a.nguoi).to_owned(),
                ly_do: a.ly_do.as_ref().map(|s| s.to_string()),
                y_kien: a.y_kien.as_ref().map(|s| s.to_string()),
            })
            .collect();
        let mut bieu_quyet = Vec::new();
        let mut y_kien_van_ban = false;
        let mut danh_gia = Vec::new();
        for v in &m.bieu_quyet {
            // Read even when its record could not be: the minutes wait for it.
            let Some(c) = r.candidate(&v.ung_vien) else {
                continue;
            };
            let agreed = r.agreement(m, v);
            y_kien_van_ban |= agreed > v.dong_y;
            let ly_do = if v.duoc_chon {
                None
            } else {
                v.ly_do
                    .as_ref()
                    .map(|l| l.to_string())
                    .or_else(|| not_chosen_because(r, m, &c, agreed))
            };
            bieu_quyet.push(VoteRow {
                ten: c.name().to_owned(),
                tap_the: c.kind() == Kind::Collective,
                phieu_phat_ra: v.phieu_phat_ra,
                phieu_thu_ve: v.phieu_thu_ve,
                phieu_hop_le: v.phieu_hop_le,
                dong_y: agreed,
                duoc_chon: v.duoc_chon,
                ly_do,
            });
            let evaluations = c.evaluations();
            if year_end && !evaluations.is_empty() {
                danh_gia.push(EvaluationBlock {
                    ten: c.name().to_owned(),
                    danh_gia: evaluations
                        .iter()
                        .map(|e| (e.ky.to_string(), e.ngay.0, e.ket_qua.to_string()))
                        .collect(),
                });
            }
        }
        let picked = r.chosen(m);
        let names = |kind: Kind| {
            picked
                .iter()
                .filter(|c| c.kind() == kind)
                .map(|c| c.name().to_owned())
                .collect()
        };
        let subject = format!("họp {} {}", plan.hoi_dong.ten, plan.vote_subject(year_end));
        let date = m.bat_dau.0.date();
        let number = NumberOf {
            kind: type_code::MINUTES,
            number: m.so.as_ref().map(|d| d.n),
            issuer: m.issuer(),
        };
        let issuable = context::issuable(
            r,
            &number,
            &subject,
            Some((
                r.person_name(&m.chu_tri).to_owned(),
                r.plan().the_thuc.chair_title().to_owned(),
            )),
            Vec::new(),
            (Kind::Meeting, id),
            None,
        );
        let context = Context {
            common: context::common(r, m.issuer()),
            so_hieu: number.line(plan),
            ngay: date,
            cuoi_nam: year_end,
            lua_chon: !r.meetings_of(MeetingKind::Selection).is_empty(),
            trich_yeu: format.subject_case(&subject),
            bat_dau: moment_words(m.bat_dau.0),
            ket_thuc: moment_words(m.ket_thuc.0),
            dia_diem: m.dia_diem.as_str(),
            tong_so: plan.hoi_dong.thanh_vien.len() as u32,
            co_mat,
            vang_mat,
            chu_tri: member_line(r, &m.chu_tri),
            thu_ky: member_line(r, &m.thu_ky),
            chu_tri_nhan: format.chair(),
            nguong: ruleset::threshold_words(plan, m),
            danh_gia,
            y_kien_van_ban,
            bieu_quyet,
            duoc_chon_tap_the: names(Kind::Collective),
            duoc_chon_ca_nhan: names(Kind::Person),
            ket_luan: m.ket_luan.as_ref().map(|s| s.as_str()),
            giao_nhiem_vu: m.giao_nhiem_vu.as_ref().map(|s| s.as_str()),
            noi_nhan: match (&m.noi_nhan, format) {
                (Some(items), _) => format.recipient_lines(items),
                (None, Format::State) => format.recipient_lines(&[Line::from("Lưu VT, Hồ sơ")]),
                (None, Format::Party) => Vec::new(),
            },
        };
        Some(Draft {
            file: Some(id.to_string()),
            date,
            context,
            issuable: Some(issuable),
        })
    }
}
