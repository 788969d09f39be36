//! Bản đăng ký xây dựng điển hình tiên tiến of a unit: one for each unit
//! that registered, signed by its head and confirmed by the leader of the
//! body in charge of it.

use chrono::NaiveDate;
use serde::Serialize;

use super::context::{self, AreaCtx, Common, Confirmer};
use super::{Document, Draft, Output, Reader, Template};
use crate::records::Records;
use crate::text::Id;
use crate::vocab::Issuer;

pub struct CollectiveForm;

#[derive(Serialize)]
pub struct Context<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    /// The subject under "BẢN ĐĂNG KÝ", in the format's case.
    trich_yeu: String,
    ngay: NaiveDate,
    ten: &'a str,
    so_thanh_vien: u32,
    /// The head's title in the unit: "Trưởng phòng", "Chánh Văn phòng".
    chuc_danh_truong: String,
    truong_phong: String,
    noi_dung: Vec<AreaCtx<'a>>,
    danh_hieu: &'static str,
    lam_theo_bac: bool,
    cam_ket: &'a str,
    chi_tieu: Vec<&'a str>,
    xac_nhan: Option<Confirmer>,
}

impl Document for CollectiveForm {
    const NAME: &'static str = "dang-ky-tap-the";
    const TITLE: &'static str = "Bản đăng ký — tập thể";
    const ONE_PER: &'static str = "mỗi phòng có `dang_ky`";
    const TEMPLATE: Template = template!("dang-ky-tap-the.typ.j2");
    const OUTPUT: Output = Output::Each("dang-ky/tap-the");
    const CITES_PLAN: bool = true;
    type Context<'a> = Context<'a>;

    fn sources(records: &Records) -> Vec<Id> {
        records
            .collectives
            .iter()
            .filter(|(_, c)| c.dang_ky.is_some())
            .map(|(id, _)| id.clone())
            .collect()
    }

    fn draft<'a>(r: &Reader<'a>, id: &Id) -> Option<Draft<Context<'a>>> {
        let unit = r.collective(id)?;
        let reg = unit.dang_ky.as_ref()?;
        let plan = r.plan();
        let subject = format!("{} năm {}", plan.movement(), plan.nam);
        let context = Context {
            common: context::common(r, Issuer::Body),
            trich_yeu: plan.the_thuc.subject_case(&subject),
            ngay: reg.ngay.0,
            ten: unit.ten.as_str(),
            so_thanh_vien: unit.so_thanh_vien,
            chuc_danh_truong: context::head_title_of(r, unit),
            truong_phong: r.person_name(&unit.truong_phong).to_owned(),
            noi_dung: context::areas(plan, &reg.noi_dung),
            danh_hieu: reg.danh_hieu.label(),
            lam_theo_bac: reg.lam_theo_bac,
            cam_ket: reg.cam_ket.as_str(),
            chi_tieu: reg.chi_tieu.iter().map(|s| s.as_str()).collect(),
            xac_nhan: r
                .leader_in_charge(id)
                .map(|(_, p)| Confirmer::leader_in_charge(r, p)),
        };
        Some(Draft {
            file: Some(id.to_string()),
            date: reg.ngay.0,
            context,
            issuable: None,
        })
    }
}
