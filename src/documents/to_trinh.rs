//! Tờ trình đề nghị khen thưởng: one for each proposal record, carrying the
//! choice of a year-end meeting to whoever grants the award.

use chrono::NaiveDate;
use serde::Serialize;

use super::context::{self, Common, NumberOf, SignerCtx};
use super::{Document, Draft, Output, Reader, Template};
use crate::format::RecipientLine;
use crate::format::type_code;
use crate::records::{Candidate, Kind, Meeting, Records};
use crate::ruleset;
use crate::text::Id;
use crate::vocab::MeetingKind;
use crate::words::date_numeric;

pub struct Proposal;

#[derive(Serialize)]
pub struct Row {
    ten: String,
    chuc_vu_don_vi: String,
    thanh_tich: String,
    hinh_thuc: String,
    /// May break across pages (see [`context::LONG_CELL`]).
    dai: bool,
}

impl Row {
    fn new(ten: String, chuc_vu_don_vi: String, thanh_tich: String, hinh_thuc: String) -> Row {
        let dai = context::is_long(&[&ten, &chuc_vu_don_vi, &thanh_tich, &hinh_thuc]);
        Row {
            ten,
            chuc_vu_don_vi,
            thanh_tich,
            hinh_thuc,
            dai,
        }
    }
}

#[derive(Serialize)]
pub struct Context<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    so_hieu: String,
    /// Who speaks in the text ("… kính đề nghị"): the issuer.
    nguoi_trinh: String,
    ngay: NaiveDate,
    trich_yeu: String,
    kinh_gui: Vec<&'a str>,
    can_cu: Vec<String>,
    /// By what the candidates qualify: the plan's own criteria, or, when it
    /// has none, the law in force on the proposal's date.
    tieu_chuan: String,
    lua_chon: Option<(NaiveDate, u32, u32)>,
    binh_xet: (NaiveDate, u32, u32),
    /// What the proposal asks, before "các tập thể, cá nhân sau": "tặng
    /// <the one form> cho", or "khen thưởng" when the rows' forms differ.
    de_nghi: String,
    tap_the: Vec<Row>,
    ca_nhan: Vec<Row>,
    kem_theo: Vec<&'a str>,
    nguoi_ky: SignerCtx,
    noi_nhan: Vec<RecipientLine>,
}

/// A meeting's date and how many units and people it chose.
fn counts(r: &Reader, m: &Meeting) -> (NaiveDate, u32, u32) {
    let picked = r.chosen(m);
    let n = |k: Kind| picked.iter().filter(|c| c.kind() == k).count() as u32;
    (m.bat_dau.0.date(), n(Kind::Collective), n(Kind::Person))
}

impl Document for Proposal {
    const NAME: &'static str = "to-trinh";
    const TITLE: &'static str = "Tờ trình đề nghị khen thưởng";
    const ISSUED: bool = true;
    const ONE_PER: &'static str = "mỗi tờ trình";
    const TEMPLATE: Template = template!("to-trinh.typ.j2");
    const OUTPUT: Output = Output::Each("to-trinh");
    const CODE: Option<&'static str> = Some(type_code::PROPOSAL);
    const CITES_PLAN: bool = true;
    type Context<'a> = Context<'a>;

    fn sources(records: &Records) -> Vec<Id> {
        records.proposals.keys().cloned().collect()
    }

    fn draft<'a>(r: &Reader<'a>, id: &Id) -> Option<Draft<Context<'a>>> {
        let p = r.proposal(id)?;
        let plan = r.plan();
        let format = plan.the_thuc;
        let meeting = r.meeting(&p.cuoc_hop)?;
        let signer = p.nguoi_ky.as_ref().unwrap_or(&plan.nguoi_ky);
        let selection = r.first_meeting_of(MeetingKind::Selection);
        let mut tap_the = Vec::new();
        let mut ca_nhan = Vec::new();
        let mut proposed = r.proposed(p);
        proposed.sort_by_cached_key(|(c, _)| c.listing_key());
        for (c, form) in proposed {
            match c {
                Candidate::Collective(_, x) => tap_the.push(Row::new(
                    x.ten.to_string(),
                    plan.co_quan.ten_goi.to_string(),
                    x.thanh_tich
                        .as_ref()
                        .map_or(String::new(), |t| t.to_string()),
                    form.to_string(),
                )),
                Candidate::Person(_, x) => ca_nhan.push(Row::new(
                    x.ho_ten.to_string(),
                    context::position(r, x),
                    x.thanh_tich
                        .as_ref()
                        .map_or(String::new(), |t| t.to_string()),
                    form.to_string(),
                )),
            }
        }
        let forms = p.forms();
        let single = match forms.as_slice() {
            [one] => Some(one.as_str()),
            _ => None,
        };
        let mut can_cu: Vec<String> = ruleset::legal_bases(plan, p.ngay.0);
        can_cu.push(format!("Căn cứ {}", context::plan_citation(plan)));
        can_cu.push(format!(
            "Căn cứ Biên bản họp {} ngày {}",
            plan.hoi_dong.ten,
            date_numeric(meeting.bat_dau.0.date())
        ));
        let subject = p.trich_yeu.as_ref().map_or_else(
            || match single {
                Some(form) => format!(
                    "về việc đề nghị tặng {form} cho tập thể, cá nhân {} năm {}",
                    plan.exemplars(),
                    plan.nam
                ),
                None => format!(
                    "về việc đề nghị khen thưởng tập thể, cá nhân {} năm {}",
                    plan.exemplars(),
                    plan.nam
                ),
            },
            |s| s.to_string(),
        );
        let recipients = p.noi_nhan.as_ref().unwrap_or(&plan.noi_nhan);
        let nguoi_ky = context::signer(r, signer);
        let issuer = p.issuer(plan);
        let number = NumberOf {
            kind: type_code::PROPOSAL,
            number: p.so.as_ref().map(|d| d.n),
            issuer,
        };
        let issuable = context::issuable(
            r,
            &number,
            &subject,
            nguoi_ky.signed(),
            p.kinh_gui
                .iter()
                .chain(recipients)
                .map(|k| k.to_string())
                .collect(),
            (Kind::Proposal, id),
            Some("ngay"),
        );
        let context = Context {
            common: context::common(r, issuer),
            so_hieu: number.line(plan),
            nguoi_trinh: plan.issuer(issuer).speaker,
            ngay: p.ngay.0,
            trich_yeu: format.subject_case(&subject),
            kinh_gui: p.kinh_gui.iter().map(|k| k.as_str()).collect(),
            can_cu,
            tieu_chuan: if plan.tieu_chuan.is_some() {
                "theo Kế hoạch".to_owned()
            } else {
                format!("theo quy định của {}", ruleset::in_force(p.ngay.0).law)
            },
            lua_chon: selection.map(|(_, m)| counts(r, m)),
            binh_xet: counts(r, meeting),
            de_nghi: single.map_or_else(|| "khen thưởng".to_owned(), |f| format!("tặng {f} cho")),
            tap_the,
            ca_nhan,
            kem_theo: p.kem_theo.iter().map(|k| k.as_str()).collect(),
            nguoi_ky,
            noi_nhan: format.recipient_lines(recipients),
        };
        Some(Draft {
            file: Some(id.to_string()),
            date: p.ngay.0,
            context,
            issuable: Some(issuable),
        })
    }
}
