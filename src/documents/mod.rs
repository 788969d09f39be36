//! Stage 3: which documents exist. Each kind of document lives in one file
//! of this folder — which records give how many documents, where each goes,
//! its typed context and its template — and [`KINDS`] lists them all: the
//! planner, the embedded templates, the docs and the tests iterate it.
//! Adding a kind is one file, one template, one row here, and its tests; a
//! kind missing a piece does not compile.

#[macro_use]
mod template;
mod context;
mod reader;

mod bao_cao_ket_qua;
mod bao_cao_thanh_tich;
mod bien_ban;
mod bien_ban_kiem_phieu;
mod dang_ky_ca_nhan;
mod dang_ky_tap_the;
mod danh_sach_dang_ky;
mod giay_khen;
mod ke_hoach;
mod phieu_bau;
mod phieu_xet;
mod quyet_dinh;
mod to_trinh;

use chrono::NaiveDate;
use serde::Serialize;

use crate::job::{Issuable, Job};
use crate::records::Records;
use crate::text::Id;
pub use reader::Reader;
pub use template::Template;

/// One kind of document.
pub trait Document {
    /// Its stable name, as the docs and tests call it.
    const NAME: &'static str;
    /// What it is, in the clerk's words.
    const TITLE: &'static str;
    /// What gives one document of this kind, in the clerk's words.
    const ONE_PER: &'static str;
    const TEMPLATE: Template;
    /// Where its documents go below the plan's folder of the output.
    const OUTPUT: Output;
    /// Whether the body issues it with a number from its register (its
    /// draft then says how: `Draft::issuable`).
    const ISSUED: bool = false;
    /// The type's code in its number ("TTr" of "05-TTr/BTCTU"), for a kind
    /// issued with a number. The codes themselves live in `format::type_code`:
    /// the loader, a stage below this one, checks a number's symbol too.
    const CODE: Option<&'static str> = None;
    /// Whether it cites the plan by number and date ("Thực hiện Kế hoạch số
    /// …"): a plan without them prints blanks there (`check` counts them).
    const CITES_PLAN: bool = false;
    /// What its template reads.
    type Context<'a>: Serialize;

    /// The records that each may give one document, in order.
    fn sources(records: &Records) -> Vec<Id>;

    /// The document of `source`, reading the records only through `reader`;
    /// none when the records do not call for it.
    fn draft<'a>(reader: &Reader<'a>, source: &Id) -> Option<Draft<Self::Context<'a>>>;
}

/// A document before rendering: where it goes, its date, its context.
pub struct Draft<C> {
    /// Its file in its kind's folder (`Output::Each`), without `.pdf`; none
    /// for a kind with one document per plan.
    pub file: Option<String>,
    pub date: NaiveDate,
    pub context: C,
    /// What the register needs, for a document the body issues.
    pub issuable: Option<Issuable>,
}

/// Where a kind's documents go below the plan's folder of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// One document per plan: its path, without `.pdf`.
    One(&'static str),
    /// A folder holding one document per source.
    Each(&'static str),
}

/// A kind of document, as the table holds it.
pub struct DocumentKind {
    pub name: &'static str,
    pub title: &'static str,
    pub one_per: &'static str,
    pub template: Template,
    pub output: Output,
    /// Whether the body issues it with a number.
    pub issued: bool,
    /// The type's code in its number, for a kind issued with one.
    pub code: Option<&'static str>,
    pub cites_plan: bool,
    /// Every document of this kind the records call for.
    pub plan: fn(&Records) -> Vec<Job>,
}

const fn kind<D: Document>() -> DocumentKind {
    DocumentKind {
        name: D::NAME,
        title: D::TITLE,
        one_per: D::ONE_PER,
        template: D::TEMPLATE,
        output: D::OUTPUT,
        issued: D::ISSUED,
        code: D::CODE,
        cites_plan: D::CITES_PLAN,
        plan: plan_kind::<D>,
    }
}

/// Every kind, in the order a build plans them.
pub const KINDS: &[DocumentKind] = &[
    kind::<ke_hoach::PlanDocument>(),
    kind::<dang_ky_tap_the::CollectiveForm>(),
    kind::<dang_ky_ca_nhan::PersonForm>(),
    kind::<danh_sach_dang_ky::RegistrationListDocument>(),
    kind::<phieu_bau::Ballot>(),
    kind::<phieu_xet::Worksheet>(),
    kind::<bien_ban::Minutes>(),
    kind::<bien_ban_kiem_phieu::VoteCount>(),
    kind::<to_trinh::Proposal>(),
    kind::<bao_cao_thanh_tich::AchievementReport>(),
    kind::<quyet_dinh::AwardDecision>(),
    kind::<giay_khen::Certificate>(),
    kind::<bao_cao_ket_qua::YearReportDocument>(),
];

/// What every kind's template shares: the Typst layout library each
/// imports, and the minijinja macros that write its calls alike.
pub const SHARED: [Template; 2] = [template!("the-thuc.typ"), template!("chung.typ.j2")];

/// The templates of what the body keeps rather than issues: the register
/// book of a year (`tdkt so-van-ban-di`).
pub const BOOKS: [Template; 1] = [template!("so-van-ban-di.typ.j2")];

/// Every template: the shared ones, then each kind's.
pub fn templates() -> impl Iterator<Item = Template> {
    SHARED
        .into_iter()
        .chain(KINDS.iter().map(|k| k.template))
        .chain(BOOKS)
}

fn plan_kind<D: Document>(records: &Records) -> Vec<Job> {
    D::sources(records)
        .iter()
        .filter_map(|source| {
            let reader = Reader::new(records);
            let draft = D::draft(&reader, source)?;
            debug_assert!(
                D::ISSUED || draft.issuable.is_none(),
                "{} is not issued",
                D::NAME
            );
            let context = serde_json::to_value(&draft.context).unwrap_or(serde_json::Value::Null);
            let key = match (D::OUTPUT, &draft.file) {
                (Output::Each(folder), Some(file)) => format!("{}/{folder}/{file}", records.name),
                (Output::One(path), None) => format!("{}/{path}", records.name),
                _ => {
                    debug_assert!(false, "{}: a draft's file must fit its output", D::NAME);
                    return None;
                }
            };
            Some(Job {
                key,
                kind: D::NAME,
                template: D::TEMPLATE.name,
                format: records.plan.the_thuc,
                date: draft.date,
                context,
                deps: reader.into_used(),
                issuable: draft.issuable,
            })
        })
        .collect()
}

/// The titles of the kinds the body issues with a number, in the clerk's
/// words ("kế hoạch, danh sách …").
pub fn issued_titles() -> String {
    let titles: Vec<String> = KINDS
        .iter()
        .filter(|k| k.issued)
        .map(|k| {
            let mut chars = k.title.chars();
            chars
                .next()
                .map(|c| c.to_lowercase().chain(chars).collect())
                .unwrap_or_default()
        })
        .collect();
    titles.join(", ")
}

/// Every document the records call for, in a stable order.
pub fn plan(records: &Records) -> Vec<Job> {
    KINDS.iter().flat_map(|k| (k.plan)(records)).collect()
}

/// A unit's or person's position as the documents print it beside their
/// name: "Chuyên viên, Phòng Tổ chức cán bộ"; nothing for a unit.
pub fn position_of(records: &Records, candidate: crate::records::Candidate) -> String {
    match candidate {
        crate::records::Candidate::Person(_, person) => {
            context::position(&Reader::new(records), person)
        }
        crate::records::Candidate::Collective(..) => String::new(),
    }
}
