//! Pieces of context that several kinds of document share: the heading, the
//! plan as cited, a signer, a person's position. Each reads the records
//! through the document's [`Reader`].

use serde::Serialize;

use super::reader::Reader;
use crate::format::{Format, type_code};
use crate::job::Issuable;
use crate::records::{Collective, Kind as RecordKind, Person, Plan, Signer};
use crate::text::{Id, Line};
use crate::vocab::Issuer;
use crate::words::position_in;

/// The issuer as the heading names it (`cap_tren`, `ten`), and the body as
/// the running text does.
#[derive(Serialize)]
pub struct BodyCtx<'a> {
    cap_tren: String,
    ten: String,
    ten_goi: &'a str,
    viet_tat: &'a str,
    dia_danh: &'a str,
}

/// What every template reads.
#[derive(Serialize)]
pub struct Common<'a> {
    pub the_thuc: &'static str,
    /// The national heading's lines, in the format's wording.
    pub quoc_hieu: &'static [&'static str],
    pub co_quan: BodyCtx<'a>,
    pub nam: i32,
    /// The plan as a document cites it: "Kế hoạch số 25-KH/BTCTU ngày …".
    pub ke_hoach: String,
    pub hoi_dong: &'a str,
    /// What units and people register for ("xây dựng điển hình tiên
    /// tiến", "thi đua"), and what those chosen are called.
    pub phong_trao: &'a str,
    pub danh_xung: &'a str,
    /// What closes a document's body: "./." (State) or "." (Party).
    pub ket: &'static str,
}

/// What every template reads, headed by `issuer`: the body's documents
/// stand under its superior's name, the council's under the body's.
pub fn common<'a>(r: &Reader<'a>, issuer: Issuer) -> Common<'a> {
    let plan = r.plan();
    let heading = plan.issuer(issuer);
    Common {
        the_thuc: plan.the_thuc.code(),
        quoc_hieu: plan.the_thuc.national_heading(),
        co_quan: BodyCtx {
            cap_tren: heading.superior,
            ten: heading.name,
            ten_goi: plan.co_quan.ten_goi.as_str(),
            viet_tat: plan.co_quan.viet_tat.as_str(),
            dia_danh: plan.co_quan.dia_danh.as_str(),
        },
        nam: plan.nam,
        ke_hoach: plan_citation(plan),
        hoi_dong: plan.hoi_dong.ten.as_str(),
        phong_trao: plan.movement(),
        danh_xung: plan.exemplars(),
        ket: plan.the_thuc.ending(),
    }
}

/// A document's number: its type's code, the number its record gives (none
/// on a draft), and who issues it (whose abbreviation the symbol carries).
pub struct NumberOf<'a> {
    pub kind: &'a str,
    pub number: Option<u32>,
    pub issuer: Issuer,
}

impl NumberOf<'_> {
    /// "Số 05-TTr/HĐTĐKT", "Số: 05/TTr-SNV"; a blank on a draft.
    pub fn line(&self, plan: &Plan) -> String {
        let body = plan.issuer(self.issuer).abbreviation;
        plan.the_thuc.number_line(self.number, self.kind, &body)
    }
}

/// The plan as cited: "Kế hoạch số 25-KH/BTCTU ngày 20/02/2020 của Ban Tổ
/// chức Tỉnh ủy về xây dựng …"; a number or date not known is a blank the
/// clerk fills in by hand ("số      -KH/BTCTU ngày    /    /2020").
pub fn plan_citation(plan: &Plan) -> String {
    let number = plan.the_thuc.number(
        plan.so.as_ref().map(|n| n.n),
        type_code::PLAN,
        plan.co_quan.viet_tat.as_str(),
    );
    let date = plan.ngay.map_or_else(
        || format!("{DATE_BLANK}/{DATE_BLANK}/{}", plan.nam),
        |d| crate::words::date_numeric(d.0),
    );
    format!(
        "Kế hoạch số {number} ngày {date} của {} về {}",
        plan.co_quan.ten_goi, plan.trich_yeu
    )
}

/// A day's or month's blank in a date to fill in by hand.
const DATE_BLANK: &str = "\u{a0}\u{a0}\u{a0}\u{a0}";

/// The date line's words for a date not yet known: "ngày    tháng    năm
/// 2020", the blanks filled in by hand when the document is signed.
pub fn date_blank_words(year: i32) -> String {
    format!("ngày {DATE_BLANK} tháng {DATE_BLANK} năm {year}")
}

#[derive(Serialize)]
pub struct SignerCtx {
    /// "K/T TRƯỞNG BAN", "KT. TRƯỞNG BAN", or none when the head signs;
    /// "TM. HỘI ĐỒNG …" and "KT. CHỦ TỊCH" on two lines for a deputy of a
    /// collective's head.
    tham_quyen: Option<String>,
    chuc_vu: String,
    pub ho_ten: String,
    /// The position as the record writes it, for the register.
    #[serde(skip)]
    pub position: String,
}

impl SignerCtx {
    /// Who signs, as the register keeps it: name and position.
    pub fn signed(&self) -> Option<(String, String)> {
        Some((self.ho_ten.clone(), self.position.clone()))
    }
}

pub fn signer(r: &Reader, signer: &Signer) -> SignerCtx {
    let format: Format = r.plan().the_thuc;
    let own = signer.tham_quyen.map(|a| {
        let whom = signer
            .thay_cho
            .as_ref()
            .map_or(String::new(), |w| w.as_str().to_uppercase());
        format!("{} {whom}", format.authority_prefix(a))
            .trim()
            .to_owned()
    });
    // A deputy of a collective's head: the collective's line first, each
    // on its own line.
    let collective = signer.thay_mat_tap_the.as_ref().map(|c| {
        format!(
            "{} {}",
            format.authority_prefix(crate::vocab::Authority::OnBehalf),
            c.as_str().to_uppercase()
        )
    });
    SignerCtx {
        tham_quyen: match (collective, own) {
            (Some(c), Some(o)) => Some(format!("{c}\n{o}")),
            (c, o) => c.or(o),
        },
        chuc_vu: signer.chuc_vu.as_str().to_uppercase(),
        ho_ten: r.person_name(&signer.nguoi).to_owned(),
        position: signer.chuc_vu.as_str().to_owned(),
    }
}

/// Who confirms a registration: "XÁC NHẬN CỦA" and their title, which the
/// form keeps whole on its line ("CHÁNH VĂN PHÒNG").
#[derive(Serialize)]
pub struct Confirmer {
    pub chuc_danh: String,
    pub ho_ten: String,
}

impl Confirmer {
    /// The leader of the body in charge of a unit: "LÃNH ĐẠO BAN PHỤ
    /// TRÁCH", "LÃNH ĐẠO SỞ PHỤ TRÁCH", by the body's short name.
    pub fn leader_in_charge(r: &Reader, leader: &Person) -> Confirmer {
        Confirmer {
            chuc_danh: format!(
                "LÃNH ĐẠO {} PHỤ TRÁCH",
                r.plan().co_quan.short_name().to_uppercase()
            ),
            ho_ten: leader.ho_ten.to_string(),
        }
    }

    /// Someone by the title of their position: a unit's head, the body's.
    pub fn by_title(person: &Person) -> Confirmer {
        Confirmer {
            chuc_danh: head_title(person).to_uppercase(),
            ho_ten: person.ho_ten.to_string(),
        }
    }
}

/// A content area of the plan, as a registration names it.
#[derive(Serialize)]
pub struct AreaCtx<'a> {
    ma: &'a str,
    ten: &'a str,
}

pub fn areas<'a>(plan: &'a Plan, codes: &[Line]) -> Vec<AreaCtx<'a>> {
    codes
        .iter()
        .filter_map(|code| plan.noi_dung.iter().find(|a| a.ma == *code))
        .map(|a| AreaCtx {
            ma: a.ma.as_str(),
            ten: a.ten.as_str(),
        })
        .collect()
}

/// The name of a person's unit, if they belong to one.
pub fn unit_name<'a>(r: &Reader<'a>, person: &Person) -> Option<&'a str> {
    person
        .don_vi
        .as_ref()
        .and_then(|u| r.collective(u))
        .map(|c| c.ten.as_str())
}

/// The title a unit's head holds there, from their recorded position: the
/// head of a phòng is "Trưởng phòng", of the Văn phòng "Chánh Văn phòng".
/// A position with further duties ("Chánh Văn phòng, Bí thư Chi bộ") gives
/// its first part.
pub fn head_title(head: &Person) -> String {
    head.chuc_vu
        .as_str()
        .split(',')
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned()
}

pub fn head_title_of(r: &Reader, unit: &Collective) -> String {
    r.person(&unit.truong_phong)
        .map_or_else(|| "Trưởng phòng".to_owned(), head_title)
}

/// "Trưởng phòng Tổ chức cán bộ", "Chuyên viên, Phòng Tổ chức cán bộ"
/// ([`position_in`]); a leader of the body has no unit.
pub fn position(r: &Reader, person: &Person) -> String {
    match unit_name(r, person) {
        Some(unit) => position_in(person.chuc_vu.as_str(), unit),
        None => person.chuc_vu.to_string(),
    }
}

/// A table row whose longest cell holds more than this many characters may
/// break across pages, the header repeated: held whole it could be taller
/// than a page, and what ran off the page would be lost. Every shorter row
/// stays whole. A page holds about 1,100 characters in the narrowest column
/// that carries long text (the achievements of a proposal).
pub const LONG_CELL: usize = 600;

/// Whether a row with these cells may break across pages.
pub fn is_long(cells: &[&str]) -> bool {
    cells.iter().any(|c| c.chars().count() > LONG_CELL)
}

/// What the register needs of a document the body (or its council) issues:
/// its number, its subject, signer and recipients, and the record that
/// holds its number.
pub fn issuable(
    r: &Reader,
    number: &NumberOf,
    subject: &str,
    signer: Option<(String, String)>,
    recipients: Vec<String>,
    record: (RecordKind, &Id),
    date_key: Option<&'static str>,
) -> Issuable {
    let plan = r.plan();
    let body = plan.issuer(number.issuer).abbreviation;
    Issuable {
        kind: number.kind.to_owned(),
        number: number.number,
        shown: number
            .number
            .map(|n| plan.the_thuc.number(Some(n), number.kind, &body)),
        body,
        subject: plan.the_thuc.subject_case(subject),
        signer_title: signer.as_ref().map(|(_, title)| title.clone()),
        signer: signer.map(|(name, _)| name),
        recipients,
        record: r.file_of(record.0, record.1),
        date_key,
    }
}
