//! Bản đăng ký xây dựng điển hình tiên tiến of a person: one for each person
//! who registered, confirmed by the head of their unit (or, for the head,
//! by the leader in charge of it).

use chrono::NaiveDate;
use serde::Serialize;

use super::context::{self, AreaCtx, Common, Confirmer};
use super::{Document, Draft, Output, Reader, Template};
use crate::records::{Person, Records};
use crate::text::Id;
use crate::vocab::Issuer;

pub struct PersonForm;

#[derive(Serialize)]
pub struct Context<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    /// The subject under "BẢN ĐĂNG KÝ", in the format's case.
    trich_yeu: String,
    ngay: NaiveDate,
    ho_ten: &'a str,
    nam_sinh: Option<u32>,
    chuc_vu: &'a str,
    don_vi: String,
    noi_dung: Vec<AreaCtx<'a>>,
    danh_hieu: &'static str,
    lam_theo_bac: bool,
    cam_ket: &'a str,
    sang_kien_du_kien: Option<&'a str>,
    xac_nhan: Option<Confirmer>,
}

/// Who confirms a person's registration: the head of their unit; for the
/// head, the leader of the body in charge of the unit; for the body's
/// deputy heads (in no unit), the body's head: the one the plan names, or
/// else the plan's signer when they sign in their own name (the head).
fn confirmer(r: &Reader, id: &Id, person: &Person) -> Option<Confirmer> {
    let Some(unit_id) = person.don_vi.as_ref() else {
        let plan = r.plan();
        let head_id = plan
            .co_quan
            .thu_truong
            .as_ref()
            .or_else(|| {
                plan.nguoi_ky
                    .tham_quyen
                    .is_none()
                    .then_some(&plan.nguoi_ky.nguoi)
            })
            .filter(|h| *h != id)?;
        return r.person(head_id).map(Confirmer::by_title);
    };
    let unit = r.collective(unit_id)?;
    if &unit.truong_phong != id {
        return r.person(&unit.truong_phong).map(Confirmer::by_title);
    }
    r.leader_in_charge(unit_id)
        .map(|(_, leader)| Confirmer::leader_in_charge(r, leader))
}

impl Document for PersonForm {
    const NAME: &'static str = "dang-ky-ca-nhan";
    const TITLE: &'static str = "Bản đăng ký — cá nhân";
    const ONE_PER: &'static str = "mỗi người có `dang_ky`";
    const TEMPLATE: Template = template!("dang-ky-ca-nhan.typ.j2");
    const OUTPUT: Output = Output::Each("dang-ky/ca-nhan");
    const CITES_PLAN: bool = true;
    type Context<'a> = Context<'a>;

    fn sources(records: &Records) -> Vec<Id> {
        records
            .people
            .iter()
            .filter(|(_, p)| p.dang_ky.is_some())
            .map(|(id, _)| id.clone())
            .collect()
    }

    fn draft<'a>(r: &Reader<'a>, id: &Id) -> Option<Draft<Context<'a>>> {
        let person = r.person(id)?;
        let reg = person.dang_ky.as_ref()?;
        let plan = r.plan();
        let subject = format!("{} năm {}", plan.movement(), plan.nam);
        let context = Context {
            common: context::common(r, Issuer::Body),
            trich_yeu: plan.the_thuc.subject_case(&subject),
            ngay: reg.ngay.0,
            ho_ten: person.ho_ten.as_str(),
            nam_sinh: person.nam_sinh,
            chuc_vu: person.chuc_vu.as_str(),
            don_vi: context::unit_name(r, person)
                .map_or_else(|| plan.co_quan.ten_goi.to_string(), str::to_owned),
            noi_dung: context::areas(plan, &reg.noi_dung),
            danh_hieu: reg.danh_hieu.label(),
            lam_theo_bac: reg.lam_theo_bac,
            cam_ket: reg.cam_ket.as_str(),
            sang_kien_du_kien: reg.sang_kien_du_kien.as_ref().map(|s| s.as_str()),
            xac_nhan: confirmer(r, id, person),
        };
        Some(Draft {
            file: Some(id.to_string()),
            date: reg.ngay.0,
            context,
            issuable: None,
        })
    }
}
