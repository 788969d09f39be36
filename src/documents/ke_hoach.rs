//! Kế hoạch: the plan itself, the first document of the year, printed from
//! the plan record's own text (`van_ban`) with the values `check` holds the
//! records to filled in from the plan's keys. A plan without text is not
//! printed (its paper was issued before the records were kept).

use chrono::NaiveDate;
use serde::Serialize;

use super::context::{self, Common, NumberOf, SignerCtx};
use super::{Document, Draft, Output, Reader, Template};
use crate::format::{RecipientLine, type_code};
use crate::records::plan_text::{AREAS, Item};
use crate::records::{Kind, Plan, Records};
use crate::text::Id;
use crate::vocab::Issuer;

pub struct PlanDocument;

/// A heading or numbered paragraph of the plan, in reading order.
#[derive(Serialize)]
pub struct Block {
    /// 0 for a part ("I- MỤC ĐÍCH, YÊU CẦU"), 1 for its items, 2 below.
    cap: usize,
    /// "I-", "1.", "1.1.", or a content area's code ("2.1.").
    so: String,
    /// The heading, with the colon that leads into its text.
    ten: Option<String>,
    /// The paragraphs: the first follows the number (or heading) on its line.
    doan: Vec<String>,
}

#[derive(Serialize)]
pub struct Context<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    so_hieu: String,
    /// "Bắc Giang, ngày 20 tháng 02 năm 2020", blanks when undated.
    dia_danh_ngay: String,
    trich_yeu: String,
    mo_dau: Vec<String>,
    khoi: Vec<Block>,
    nguoi_ky: SignerCtx,
    noi_nhan: Vec<RecipientLine>,
}

/// A text's paragraphs (one a line, as a clerk pastes them), its values
/// filled in.
fn paragraphs(plan: &Plan, text: &str) -> Vec<String> {
    let text = plan.fill(text).unwrap_or_else(|_| text.to_owned());
    text.lines()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A heading leads into the text after it with a colon.
fn heading(plan: &Plan, ten: &str, followed: bool) -> String {
    let ten = plan.fill(ten).unwrap_or_else(|_| ten.to_owned());
    if followed && !ten.ends_with(':') {
        format!("{ten}:")
    } else {
        ten
    }
}

/// The items of one list, numbered below `prefix` ("" for a part's items:
/// "1.", "2."; "1" for the items of item 1: "1.1.").
fn items(plan: &Plan, list: &[Item], prefix: &str, level: usize, out: &mut Vec<Block>) {
    let number = |n: usize| {
        if prefix.is_empty() {
            format!("{n}.")
        } else {
            format!("{prefix}.{n}.")
        }
    };
    let mut n = 0;
    for item in list {
        match item {
            Item::Text(t) if t.as_str().trim() == AREAS => {
                for area in &plan.noi_dung {
                    n += 1;
                    let doan = area
                        .mo_ta
                        .as_ref()
                        .map_or_else(Vec::new, |d| paragraphs(plan, d.as_str()));
                    out.push(Block {
                        cap: level,
                        so: format!("{}.", area.ma.as_str().trim_end_matches('.')),
                        ten: Some(heading(plan, area.ten.as_str(), !doan.is_empty())),
                        doan,
                    });
                }
            }
            Item::Text(t) => {
                n += 1;
                out.push(Block {
                    cap: level,
                    so: number(n),
                    ten: None,
                    doan: paragraphs(plan, t.as_str()),
                });
            }
            Item::Section(s) => {
                n += 1;
                let so = number(n);
                let doan = s
                    .doan
                    .as_ref()
                    .map_or_else(Vec::new, |d| paragraphs(plan, d.as_str()));
                out.push(Block {
                    cap: level,
                    so: so.clone(),
                    ten: Some(heading(plan, s.ten.as_str(), !doan.is_empty())),
                    doan,
                });
                items(plan, &s.muc, so.trim_end_matches('.'), level + 1, out);
            }
        }
    }
}

impl Document for PlanDocument {
    const NAME: &'static str = "ke-hoach";
    const TITLE: &'static str = "Kế hoạch";
    const ISSUED: bool = true;
    const ONE_PER: &'static str = "mỗi kế hoạch có `van_ban`";
    const TEMPLATE: Template = template!("ke-hoach.typ.j2");
    const OUTPUT: Output = Output::One("ke-hoach");
    const CODE: Option<&'static str> = Some(type_code::PLAN);
    type Context<'a> = Context<'a>;

    fn sources(records: &Records) -> Vec<Id> {
        if records.plan.van_ban.is_some() {
            vec![Records::plan_id()]
        } else {
            Vec::new()
        }
    }

    fn draft<'a>(r: &Reader<'a>, id: &Id) -> Option<Draft<Context<'a>>> {
        let plan = r.plan();
        let text = plan.van_ban.as_ref()?;
        let format = plan.the_thuc;
        let mut khoi = Vec::new();
        for (i, part) in text.phan.iter().enumerate() {
            khoi.push(Block {
                cap: 0,
                so: format.part_label(i as u32 + 1),
                ten: Some(heading(plan, part.ten.as_str(), false)),
                doan: Vec::new(),
            });
            items(plan, &part.muc, "", 1, &mut khoi);
        }
        // The last paragraph closes the plan as the format closes a text.
        if let Some(last) = khoi.iter_mut().rev().find_map(|b| b.doan.last_mut()) {
            *last = format!("{}{}", last.trim_end_matches(['.', '/']), format.ending());
        }
        let date = plan.ngay.map(|d| d.0);
        let dia_danh_ngay = format!(
            "{}, {}",
            plan.co_quan.dia_danh,
            date.map_or_else(
                || context::date_blank_words(plan.nam),
                crate::words::date_words
            )
        );
        let subject = plan.trich_yeu.to_string();
        let number = NumberOf {
            kind: type_code::PLAN,
            number: plan.so.as_ref().map(|n| n.n),
            issuer: Issuer::Body,
        };
        let nguoi_ky = context::signer(r, &plan.nguoi_ky);
        let issuable = context::issuable(
            r,
            &number,
            &subject,
            nguoi_ky.signed(),
            plan.noi_nhan.iter().map(|k| k.to_string()).collect(),
            (Kind::Plan, id),
            Some("ngay"),
        );
        let context = Context {
            common: context::common(r, Issuer::Body),
            so_hieu: number.line(plan),
            dia_danh_ngay,
            trich_yeu: format.subject_case(&subject),
            mo_dau: text
                .mo_dau
                .as_ref()
                .map_or_else(Vec::new, |t| paragraphs(plan, t.as_str())),
            khoi,
            nguoi_ky,
            noi_nhan: format.recipient_lines(&plan.noi_nhan),
        };
        Some(Draft {
            file: None,
            // Undated, the plan stands at the start of its year.
            date: date.or_else(|| NaiveDate::from_ymd_opt(plan.nam, 1, 1))?,
            context,
            issuable: Some(issuable),
        })
    }
}
