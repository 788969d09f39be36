//! Báo cáo thành tích: one for each unit and person a proposal puts
//! forward, in the form of the rules in force at the proposal's date (the
//! individual's and the collective's forms of Nghị định 91/2017, 98/2023,
//! 152/2025). Every line comes from the records: the sketch of the unit or
//! the person, what they registered and what they achieved, the periodic
//! evaluations, recognised initiatives, the year's rating, and the awards
//! of earlier years. What the records do not hold is left as dotted lines
//! for the candidate to fill in; nothing is invented.

use serde::Serialize;

use super::context::{self, Common};
use super::{Document, Draft, Output, Reader, Template};
use crate::records::{Award, Biography, Candidate, Collective, Person, Records};
use crate::ruleset;
use crate::text::Id;
use crate::vocab::{CollectiveTitle, Issuer, PersonTitle};
use crate::words::{capitalised, date_numeric, two_digits};

pub struct AchievementReport;

/// A labelled line of section I; none is a dotted blank to fill in.
#[derive(Serialize)]
pub struct Field {
    nhan: &'static str,
    gia_tri: Option<String>,
}

fn field(nhan: &'static str, gia_tri: Option<String>) -> Field {
    Field { nhan, gia_tri }
}

/// A row of section III's tables.
#[derive(Serialize)]
pub struct AwardRow {
    nam: i32,
    hinh_thuc: String,
    quyet_dinh: String,
}

#[derive(Serialize)]
pub struct Context<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    /// "Mẫu số 02" and the decree whose form it is.
    mau: String,
    tap_the: bool,
    /// Whose report: the unit's name, the person's full name.
    ten: String,
    /// The unit's heading (collective reports): the body, then the unit.
    don_vi: String,
    hinh_thuc: String,
    nam_dia_danh: String,
    ly_lich: Vec<Field>,
    nhiem_vu: Option<String>,
    dang_ky: Option<String>,
    chi_tieu: Vec<String>,
    danh_gia: Vec<(String, String, String)>,
    sang_kien: Vec<String>,
    xep_loai: Option<String>,
    thanh_tich: Option<String>,
    danh_hieu: Vec<AwardRow>,
    khen_thuong: Vec<AwardRow>,
    /// Who confirms (the unit's head for a person, the body's head for a
    /// unit); none: the signature is left for the head to sign and name.
    xac_nhan: Option<String>,
    nguoi_bao_cao: String,
}

/// The source of one report: "proposal/candidate".
fn parts(source: &Id) -> Option<(Id, Id)> {
    let (proposal, candidate) = source.as_str().split_once('/')?;
    Some((Id(proposal.to_owned()), Id(candidate.to_owned())))
}

/// Whether an award is an emulation title (a danh hiệu) rather than a form
/// of commendation.
fn is_title(a: &Award) -> bool {
    let name = a.hinh_thuc.as_str().to_lowercase();
    PersonTitle::ALL
        .iter()
        .map(|t| t.label())
        .chain(CollectiveTitle::ALL.iter().map(|t| t.label()))
        .any(|label| name.starts_with(&label.to_lowercase()))
}

fn award_row(a: &Award) -> AwardRow {
    let mut decision = Vec::new();
    if let Some(so) = &a.so {
        decision.push(format!("Số {so}"));
    }
    if let Some(ngay) = &a.ngay {
        decision.push(format!("ngày {}", date_numeric(ngay.0)));
    }
    if let Some(who) = &a.co_quan {
        decision.push(format!("của {who}"));
    }
    AwardRow {
        nam: a.nam,
        hinh_thuc: a.hinh_thuc.to_string(),
        quyet_dinh: decision.join(" "),
    }
}

impl Document for AchievementReport {
    const NAME: &'static str = "bao-cao-thanh-tich";
    const TITLE: &'static str = "Báo cáo thành tích";
    const ONE_PER: &'static str = "mỗi tập thể, cá nhân được đề nghị trong một tờ trình";
    const TEMPLATE: Template = template!("bao-cao-thanh-tich.typ.j2");
    const OUTPUT: Output = Output::Each("bao-cao-thanh-tich");
    type Context<'a> = Context<'a>;

    fn sources(records: &Records) -> Vec<Id> {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for (id, p) in &records.proposals {
            for (c, _) in records.proposed(p) {
                if !seen.contains(c.id()) {
                    seen.push(c.id().clone());
                    out.push(Id(format!("{id}/{}", c.id())));
                }
            }
        }
        out
    }

    fn draft<'a>(r: &Reader<'a>, source: &Id) -> Option<Draft<Context<'a>>> {
        let (proposal_id, id) = parts(source)?;
        let proposal = r.proposal(&proposal_id)?;
        let plan = r.plan();
        let candidate = r.candidate(&id)?;
        let date = proposal.ngay.0;
        let set = ruleset::in_force(date);
        let (tap_the, form) = match candidate {
            Candidate::Collective(..) => (true, set.report_forms.0),
            Candidate::Person(..) => (false, set.report_forms.1),
        };
        let awards = r.awards_of(&id);
        let (titles, forms): (Vec<&Award>, Vec<&Award>) = awards.iter().partition(|a| is_title(a));
        let mut ctx = Context {
            common: context::common(r, Issuer::Body),
            mau: format!("Mẫu số {form} ({})", set.decree),
            tap_the,
            ten: candidate.name().to_owned(),
            don_vi: String::new(),
            hinh_thuc: proposal
                .form_of(&id)
                .map_or(String::new(), |f| f.as_str().to_uppercase()),
            nam_dia_danh: format!(
                "{}, {}",
                plan.co_quan.dia_danh,
                context::date_blank_words(plan.nam)
            ),
            ly_lich: Vec::new(),
            nhiem_vu: None,
            dang_ky: None,
            chi_tieu: Vec::new(),
            danh_gia: candidate
                .evaluations()
                .iter()
                .map(|e| {
                    (
                        e.ky.to_string(),
                        date_numeric(e.ngay.0),
                        e.ket_qua.to_string(),
                    )
                })
                .collect(),
            sang_kien: Vec::new(),
            xep_loai: None,
            thanh_tich: None,
            danh_hieu: titles.into_iter().map(award_row).collect(),
            khen_thuong: forms.into_iter().map(award_row).collect(),
            xac_nhan: None,
            nguoi_bao_cao: String::new(),
        };
        // Who confirms: the head of the body, whose seal the report takes.
        let head_of_body = plan
            .co_quan
            .thu_truong
            .as_ref()
            .and_then(|h| r.person(h))
            .map(|p| p.ho_ten.to_string());
        match candidate {
            Candidate::Collective(_, unit) => of_unit(&mut ctx, r, unit, head_of_body),
            Candidate::Person(_, person) => of_person(&mut ctx, r, person, head_of_body),
        }
        Some(Draft {
            file: Some(id.to_string()),
            date,
            context: ctx,
            issuable: None,
        })
    }
}

/// A unit's section I, its tasks, registration and results.
fn of_unit(ctx: &mut Context, r: &Reader, unit: &Collective, head_of_body: Option<String>) {
    let plan = r.plan();
    let about = unit.gioi_thieu.as_ref();
    let head = r.person_name(&unit.truong_phong).to_owned();
    ctx.don_vi = unit.ten.as_str().to_uppercase();
    ctx.ly_lich = vec![
        field("Tên đơn vị", Some(unit.ten.to_string())),
        field(
            "Trực thuộc",
            Some(format!(
                "{}, {}",
                plan.co_quan.ten_goi, plan.co_quan.dia_danh
            )),
        ),
        field(
            "Tổng số cán bộ, công chức, người lao động",
            Some(format!("{} người", two_digits(unit.so_thanh_vien))),
        ),
        field(
            "Người đứng đầu",
            Some(format!("{} ({})", head, context::head_title_of(r, unit))),
        ),
        field(
            "Đặc điểm, tình hình",
            about
                .and_then(|a| a.dac_diem.as_ref())
                .map(|t| t.to_string()),
        ),
    ];
    ctx.nhiem_vu = about
        .and_then(|a| a.chuc_nang.as_ref())
        .map(|t| t.to_string());
    if let Some(reg) = &unit.dang_ky {
        ctx.dang_ky = Some(format!(
            "đăng ký danh hiệu {}; {}",
            reg.danh_hieu.label(),
            reg.cam_ket
        ));
        ctx.chi_tieu = reg.chi_tieu.iter().map(|c| c.to_string()).collect();
    }
    ctx.xep_loai = unit
        .danh_hieu_dat_duoc
        .map(|t| format!("Danh hiệu đạt được năm {}: {}", plan.nam, t.label()));
    ctx.thanh_tich = unit.thanh_tich.as_ref().map(|t| t.to_string());
    ctx.xac_nhan = head_of_body;
    ctx.nguoi_bao_cao = head;
}

/// A person's section I, tasks, initiatives and results.
fn of_person(ctx: &mut Context, r: &Reader, person: &Person, head_of_body: Option<String>) {
    let plan = r.plan();
    let bio = person.ly_lich.as_ref();
    let text =
        |f: fn(&Biography) -> Option<&crate::text::Line>| bio.and_then(f).map(|l| l.to_string());
    ctx.ly_lich = vec![
        field("Họ tên", Some(person.ho_ten.to_string())),
        // The form's "Sinh ngày, tháng, năm" where the day is
        // known; where only the year is, "Năm sinh: 1983".
        match (bio.and_then(|b| b.ngay_sinh), person.nam_sinh) {
            (None, Some(year)) => field("Năm sinh", Some(year.to_string())),
            (born, _) => field("Sinh ngày, tháng, năm", born.map(|d| date_numeric(d.0))),
        },
        field("Giới tính", Some(capitalised(person.gioi_tinh.label()))),
        field("Quê quán", text(|b| b.que_quan.as_ref())),
        field("Trú quán", text(|b| b.tru_quan.as_ref())),
        field(
            "Đơn vị công tác",
            Some(match context::unit_name(r, person) {
                Some(unit) => format!("{unit}, {}", plan.co_quan.ten_goi),
                None => plan.co_quan.ten_goi.to_string(),
            }),
        ),
        field(
            "Chức vụ (Đảng, chính quyền, đoàn thể)",
            Some(person.chuc_vu.to_string()),
        ),
        field(
            "Trình độ chuyên môn, nghiệp vụ",
            text(|b| b.trinh_do.as_ref()),
        ),
        field(
            "Học hàm, học vị, danh hiệu, giải thưởng",
            text(|b| b.hoc_ham.as_ref()),
        ),
    ];
    ctx.nhiem_vu = bio.and_then(|b| b.nhiem_vu.as_ref()).map(|t| t.to_string());
    if let Some(reg) = &person.dang_ky {
        ctx.dang_ky = Some(format!(
            "đăng ký danh hiệu {}; {}",
            reg.danh_hieu.label(),
            reg.cam_ket
        ));
    }
    ctx.sang_kien = person
        .sang_kien
        .iter()
        .map(|s| match &s.cong_nhan {
            Some(c) => format!(
                "{} (được công nhận tại Quyết định số {} ngày {} của {})",
                s.ten,
                c.so,
                date_numeric(c.ngay.0),
                c.co_quan
            ),
            None => format!("{} (chưa được công nhận)", s.ten),
        })
        .collect();
    ctx.xep_loai = person.xep_loai.map(|x| {
        format!(
            "Kết quả đánh giá, xếp loại năm {}: {}",
            plan.nam,
            capitalised(x.label())
        )
    });
    ctx.thanh_tich = person.thanh_tich.as_ref().map(|t| t.to_string());
    ctx.xac_nhan = head_of_body;
    ctx.nguoi_bao_cao = person.ho_ten.to_string();
}
