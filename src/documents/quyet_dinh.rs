//! Quyết định khen thưởng: one for each decision the body issues itself
//! (`ban_hanh` in its record) — the law's and the body's "Căn cứ", the
//! proposal it answers, Điều 1 whom it awards what (a list attached when
//! long), Điều 2 the money in figures and in words, Điều 3 who carries it
//! out. A decision received from above is recorded, not printed.

use chrono::NaiveDate;
use serde::Serialize;

use super::context::{self, Common, NumberOf, SignerCtx};
use super::{Document, Draft, Output, Reader, Template};
use crate::amount::{figures, words};
use crate::format::{RecipientLine, type_code};
use crate::records::{Candidate, Decision, Granted, Kind, Records};
use crate::ruleset;
use crate::text::{Id, Line};
use crate::vocab::Issuer;
use crate::words::{date_numeric, in_words, two_digits, uncapitalised};

pub struct AwardDecision;

/// More recipients than this and Điều 1 refers to a list attached after
/// the signature, as decisions do.
const INLINE_RECIPIENTS: usize = 10;

/// A unit or person as a decision lists them and a certificate names them.
#[derive(Serialize)]
pub struct Recipient {
    /// "Phòng Tổ chức cán bộ", "Đồng chí Ngô Văn Khải".
    pub ten: String,
    /// Position and unit of a person, the body of a unit.
    pub mo_ta: String,
    pub tap_the: bool,
}

/// The units of a form of award (as written), then its people by name.
pub fn recipients(r: &Reader, g: &Granted) -> Vec<Recipient> {
    let plan = r.plan();
    let mut named: Vec<Candidate> = g
        .nguoi_nhan
        .iter()
        .filter_map(|id| r.candidate(id))
        .collect();
    named.sort_by_cached_key(Candidate::listing_key);
    named
        .into_iter()
        .map(|c| match c {
            Candidate::Collective(_, x) => Recipient {
                ten: x.ten.to_string(),
                mo_ta: plan.co_quan.ten_goi.to_string(),
                tap_the: true,
            },
            Candidate::Person(_, p) => Recipient {
                ten: match plan.the_thuc.honorific() {
                    Some(h) => format!("{h} {}", p.ho_ten),
                    None => p.ho_ten.to_string(),
                },
                mo_ta: context::position(r, p),
                tap_the: false,
            },
        })
        .collect()
}

/// What a form of award gives the units or the people named under it.
#[derive(Serialize)]
pub struct Reward {
    /// "tập thể", "cá nhân".
    doi_tuong: &'static str,
    so_luong: String,
    /// "0,3": the multiple of the base salary.
    he_so: String,
    /// Each one's reward: "450.000" and "Bốn trăm năm mươi nghìn đồng".
    so_tien: String,
    bang_chu: String,
    #[serde(skip)]
    total: u64,
}

#[derive(Serialize)]
pub struct GrantCtx {
    hinh_thuc: String,
    /// What "Tặng" names: "danh hiệu Chiến sĩ thi đua cơ sở" for a title.
    tang: String,
    /// For what, as Điều 1 continues the sentence ("đã có thành tích …").
    ly_do: String,
    /// "01 tập thể và 02 cá nhân", "03 cá nhân".
    so_luong: String,
    nguoi_nhan: Vec<Recipient>,
    thuong: Vec<Reward>,
}

#[derive(Serialize)]
pub struct Context<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    so_hieu: String,
    /// The number and date as the attached list and certificates cite it.
    so_ngay: String,
    ngay: NaiveDate,
    trich_yeu: String,
    tham_quyen: String,
    can_cu: Vec<String>,
    khen_thuong: Vec<GrantCtx>,
    kem_danh_sach: bool,
    luong_co_so: String,
    nghi_dinh_luong: &'static str,
    tong_tien: String,
    tong_bang_chu: String,
    nguon_tien: &'a str,
    thi_hanh: String,
    nguoi_ky: SignerCtx,
    noi_nhan: Vec<RecipientLine>,
}

/// "0,3", "1", "1,5".
fn multiple(tenths: u32) -> String {
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{},{}", tenths / 10, tenths % 10)
    }
}

/// The reason a certificate prints: the record's, or the plan's subject.
pub fn reason(r: &Reader, g: &Granted) -> String {
    g.ly_do.as_ref().map_or_else(
        || format!("Đã có thành tích trong {}", r.plan().trich_yeu),
        Line::to_string,
    )
}

/// The decision's number and date as what it issues cites them: "Quyết
/// định số 128-QĐ/BTCTU ngày 28/12/2020".
pub fn number_of(r: &Reader, d: &Decision) -> (NumberOf<'static>, String) {
    let plan = r.plan();
    let n =
        d.so.as_ref()
            .and_then(|s| crate::records::number::parse(s.as_str()).ok())
            .map(|n| n.n);
    let number = NumberOf {
        kind: type_code::DECISION,
        number: n,
        issuer: Issuer::Body,
    };
    let shown = plan
        .the_thuc
        .number(n, type_code::DECISION, plan.co_quan.viet_tat.as_str());
    (
        number,
        format!("số {shown} ngày {}", date_numeric(d.ngay.0)),
    )
}

fn grant(r: &Reader, d: &Decision, g: &Granted, round: bool) -> GrantCtx {
    let nguoi_nhan = recipients(r, g);
    let count = |unit: bool| nguoi_nhan.iter().filter(|x| x.tap_the == unit).count() as u64;
    let mut thuong = Vec::new();
    for (unit, doi_tuong) in [(true, "tập thể"), (false, "cá nhân")] {
        let n = count(unit);
        let tenths = g
            .he_so
            .map(|t| t.0)
            .or_else(|| ruleset::reward_tenths(g.hinh_thuc.as_str(), unit));
        if let (true, Some(tenths)) = (n > 0, tenths) {
            let each = ruleset::reward_amount(tenths, d.ngay.0, round);
            let reading = d.ban_hanh.as_ref().map(|b| b.cach_doc).unwrap_or_default();
            thuong.push(Reward {
                doi_tuong,
                so_luong: two_digits(n as u32),
                he_so: multiple(tenths),
                so_tien: figures(each),
                bang_chu: words(each, reading),
                total: each * n,
            });
        }
    }
    GrantCtx {
        hinh_thuc: g.hinh_thuc.to_string(),
        tang: ruleset::awarded_as(g.hinh_thuc.as_str()),
        ly_do: uncapitalised(&reason(r, g)),
        so_luong: in_words(
            &[(count(true), "tập thể"), (count(false), "cá nhân")]
                .iter()
                .filter(|(n, _)| *n > 0)
                .map(|(n, what)| format!("{} {what}", two_digits(*n as u32)))
                .collect::<Vec<_>>(),
            "và",
        ),
        nguoi_nhan,
        thuong,
    }
}

impl Document for AwardDecision {
    const NAME: &'static str = "quyet-dinh";
    const TITLE: &'static str = "Quyết định khen thưởng";
    const ISSUED: bool = true;
    const ONE_PER: &'static str = "mỗi quyết định có `ban_hanh`";
    const TEMPLATE: Template = template!("quyet-dinh.typ.j2");
    const OUTPUT: Output = Output::Each("quyet-dinh");
    const CODE: Option<&'static str> = Some(type_code::DECISION);
    type Context<'a> = Context<'a>;

    fn sources(records: &Records) -> Vec<Id> {
        records
            .decisions
            .iter()
            .filter(|(_, d)| d.ban_hanh.is_some())
            .map(|(id, _)| id.clone())
            .collect()
    }

    fn draft<'a>(r: &Reader<'a>, id: &Id) -> Option<Draft<Context<'a>>> {
        let d = r.decision(id)?;
        let issuing = d.ban_hanh.as_ref()?;
        let plan = r.plan();
        let format = plan.the_thuc;
        let mut can_cu = ruleset::legal_bases(plan, d.ngay.0);
        can_cu.extend(issuing.can_cu.iter().map(|c| c.to_string()));
        if let Some(p) = d.to_trinh.as_ref().and_then(|p| r.proposal(p)) {
            let issuer = plan.issuer(p.issuer(plan));
            let number = format.number(
                p.so.as_ref().map(|n| n.n),
                type_code::PROPOSAL,
                &issuer.abbreviation,
            );
            can_cu.push(format!(
                "Xét đề nghị của {} tại Tờ trình số {number} ngày {}",
                issuer.speaker,
                date_numeric(p.ngay.0)
            ));
        }
        let round = issuing.lam_tron.unwrap_or(true);
        let khen_thuong: Vec<GrantCtx> = d
            .khen_thuong
            .iter()
            .map(|g| grant(r, d, g, round))
            .collect();
        let total: u64 = khen_thuong
            .iter()
            .flat_map(|g| &g.thuong)
            .map(|t| t.total)
            .sum();
        let named: usize = khen_thuong.iter().map(|g| g.nguoi_nhan.len()).sum();
        let subject = issuing.trich_yeu.as_ref().map_or_else(
            || match d.khen_thuong.as_slice() {
                [one] => format!(
                    "về việc tặng {}",
                    ruleset::awarded_as(one.hinh_thuc.as_str())
                ),
                _ => format!("về việc khen thưởng tập thể, cá nhân năm {}", plan.nam),
            },
            |s| s.to_string(),
        );
        let recipients = issuing
            .noi_nhan
            .clone()
            .unwrap_or_else(|| vec![Line::from("Như Điều 3"), Line::from("Lưu Văn thư")]);
        let (number, so_ngay) = number_of(r, d);
        let nguoi_ky = context::signer(r, &issuing.nguoi_ky);
        let issuable = context::issuable(
            r,
            &number,
            &subject,
            nguoi_ky.signed(),
            recipients.iter().map(|k| k.to_string()).collect(),
            (Kind::Decision, id),
            Some("ngay"),
        );
        let salary = ruleset::base_salary(d.ngay.0);
        let reading = issuing.cach_doc;
        let context = Context {
            common: context::common(r, Issuer::Body),
            so_hieu: number.line(plan),
            so_ngay,
            ngay: d.ngay.0,
            trich_yeu: format.subject_case(&subject),
            tham_quyen: issuing.tham_quyen.as_str().to_uppercase(),
            can_cu,
            khen_thuong,
            kem_danh_sach: named > INLINE_RECIPIENTS,
            luong_co_so: figures(salary.amount),
            nghi_dinh_luong: salary.decree,
            tong_tien: figures(total),
            tong_bang_chu: words(total, reading),
            nguon_tien: issuing.nguon_tien.as_str(),
            thi_hanh: issuing
                .thi_hanh
                .iter()
                .map(|t| t.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            nguoi_ky,
            noi_nhan: format.recipient_lines(&recipients),
        };
        Some(Draft {
            file: Some(id.to_string()),
            date: d.ngay.0,
            context,
            issuable: Some(issuable),
        })
    }
}
