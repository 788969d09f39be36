//! Danh sách tập thể, cá nhân đăng ký: one for the plan, listing every unit
//! and person who registered, for the council before it selects.

use chrono::NaiveDate;
use serde::Serialize;

use super::context::{self, Common, NumberOf, SignerCtx};
use super::{Document, Draft, Output, Reader, Template};
use crate::format::{RecipientLine, type_code};
use crate::records::{Candidate, Collective, Kind, Records};
use crate::text::{Id, Line};
use crate::vocab::{Issuer, ListOrder, MeetingKind};
use crate::words::{NameKey, name_key, unbroken_name, word_key};

pub struct RegistrationListDocument;

#[derive(Serialize)]
pub struct Row {
    ten: String,
    chuc_vu_don_vi: String,
    noi_dung: String,
    danh_hieu: &'static str,
    /// May break across pages (see [`context::LONG_CELL`]).
    dai: bool,
}

impl Row {
    fn new(ten: String, chuc_vu_don_vi: String, noi_dung: String, danh_hieu: &'static str) -> Row {
        let dai = context::is_long(&[&ten, &chuc_vu_don_vi, &noi_dung]);
        Row {
            ten,
            chuc_vu_don_vi,
            noi_dung,
            danh_hieu,
            dai,
        }
    }
}

#[derive(Serialize)]
pub struct Context<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    so_hieu: String,
    ngay: NaiveDate,
    trich_yeu: String,
    tap_the: Vec<Row>,
    ca_nhan: Vec<Row>,
    nguoi_ky: SignerCtx,
    noi_nhan: Vec<RecipientLine>,
}

/// Where a unit stands in the body's lists: its `thu_tu`, then its name.
type UnitKey = (u32, (Vec<u32>, Vec<u8>));

fn unit_key(unit: &Collective) -> UnitKey {
    (unit.thu_tu.unwrap_or(u32::MAX), word_key(unit.ten.as_str()))
}

/// The list's order: units before people; by name, or as a clerk orders a
/// list — units in the body's order; the body's leaders first (the head
/// before deputies), then each unit's people, its head, its deputies, then
/// the others, each group by name.
fn list_key(r: &Reader, c: &Candidate, order: ListOrder) -> (u8, Option<UnitKey>, u8, NameKey) {
    match (c, order) {
        (Candidate::Collective(_, x), ListOrder::ByUnit) => (0, Some(unit_key(x)), 0, name_key("")),
        (Candidate::Collective(_, x), ListOrder::ByName) => {
            (0, Some((0, word_key(x.ten.as_str()))), 0, name_key(""))
        }
        (Candidate::Person(_, x), ListOrder::ByName) => (1, None, 0, x.name_key()),
        (Candidate::Person(id, x), ListOrder::ByUnit) => {
            let unit = x.don_vi.as_ref().and_then(|u| r.collective(u));
            let rank = match unit {
                Some(u) if u.truong_phong == **id => 0,
                Some(u) if u.pho_truong_phong.contains(id) => 1,
                Some(_) => 2,
                None if x.chuc_vu.as_str().starts_with("Phó") => 1,
                None => 0,
            };
            (1, unit.map(unit_key), rank, x.name_key())
        }
    }
}

fn codes(areas: &[Line]) -> String {
    areas
        .iter()
        .map(|a| a.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

impl Document for RegistrationListDocument {
    const NAME: &'static str = "danh-sach-dang-ky";
    const TITLE: &'static str = "Danh sách tập thể, cá nhân đăng ký";
    const ISSUED: bool = true;
    const ONE_PER: &'static str = "kế hoạch";
    const TEMPLATE: Template = template!("danh-sach-dang-ky.typ.j2");
    const OUTPUT: Output = Output::One("dang-ky/danh-sach");
    const CODE: Option<&'static str> = Some(type_code::LIST);
    const CITES_PLAN: bool = true;
    type Context<'a> = Context<'a>;

    fn sources(_: &Records) -> Vec<Id> {
        vec![Records::plan_id()]
    }

    fn draft<'a>(r: &Reader<'a>, _: &Id) -> Option<Draft<Context<'a>>> {
        let plan = r.plan();
        let own = r.registration_list().cloned().unwrap_or_default();
        // A unit or person whose file could not be read may have registered:
        // the reader makes the list wait for them rather than leave anyone out.
        let registrants = r.registrants();
        let last = registrants
            .iter()
            .filter_map(|c| c.registration().map(|reg| reg.ngay.0))
            .max()?;
        // Until the list is dated in its record, it goes to the council
        // before it selects: dated the day of the first selection meeting,
        // or of the last registration without one.
        let date = match own.ngay {
            Some(d) => d.0,
            None => r
                .first_meeting_of(MeetingKind::Selection)
                .map_or(last, |(_, m)| m.bat_dau.0.date()),
        };
        let order = own.sap_xep.unwrap_or(ListOrder::ByUnit);
        let mut registrants = registrants;
        registrants.sort_by_cached_key(|c| list_key(r, c, order));
        let mut tap_the = Vec::new();
        let mut ca_nhan = Vec::new();
        for c in &registrants {
            match c {
                Candidate::Collective(_, x) => {
                    let reg = x.dang_ky.as_ref()?;
                    tap_the.push(Row::new(
                        x.ten.to_string(),
                        format!(
                            "{}: {}",
                            context::head_title_of(r, x),
                            unbroken_name(r.person_name(&x.truong_phong))
                        ),
                        codes(&reg.noi_dung),
                        reg.danh_hieu.label(),
                    ));
                }
                Candidate::Person(_, x) => {
                    let reg = x.dang_ky.as_ref()?;
                    ca_nhan.push(Row::new(
                        x.ho_ten.to_string(),
                        context::position(r, x),
                        codes(&reg.noi_dung),
                        reg.danh_hieu.label(),
                    ));
                }
            }
        }
        let format = plan.the_thuc;
        let code = own.ky_hieu.as_ref().map_or(type_code::LIST, |k| k.as_str());
        let number = own.so.as_ref().map(|d| d.n);
        let subject = own.trich_yeu.as_ref().map_or_else(
            || {
                format!(
                    "tập thể, cá nhân đăng ký {} năm {}",
                    plan.movement(),
                    plan.nam
                )
            },
            |s| s.to_string(),
        );
        let recipients: Vec<Line> = own
            .noi_nhan
            .clone()
            .unwrap_or_else(|| vec![plan.hoi_dong.ten.clone(), Line::from("Lưu Văn thư")]);
        let nguoi_ky = context::signer(r, own.nguoi_ky.as_ref().unwrap_or(&plan.nguoi_ky));
        let number = NumberOf {
            kind: code,
            number,
            issuer: Issuer::Body,
        };
        let issuable = context::issuable(
            r,
            &number,
            &format!("Danh sách {subject}"),
            nguoi_ky.signed(),
            recipients.iter().map(|k| k.to_string()).collect(),
            (
                Kind::RegistrationList,
                &Records::top_id(Kind::RegistrationList),
            ),
            Some("ngay"),
        );
        let context = Context {
            common: context::common(r, Issuer::Body),
            so_hieu: number.line(plan),
            ngay: date,
            trich_yeu: format.subject_case(&subject),
            tap_the,
            ca_nhan,
            nguoi_ky,
            noi_nhan: format.recipient_lines(&recipients),
        };
        Some(Draft {
            file: None,
            date,
            context,
            issuable: Some(issuable),
        })
    }
}
