//! Giấy khen: one certificate for each unit and person a decision the body
//! issues gives a Giấy khen (Nghị định 98/2023, Điều 104: A4 landscape, a
//! border, the national heading or the Party's name, the issuer's title in
//! red, "TẶNG", the recipient and the reason, the decision's number and the
//! sổ vàng number, place, date and signer).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::context::{self, Common, SignerCtx};
use super::quyet_dinh::{self, Recipient};
use super::{Document, Draft, Output, Reader, Template};
use crate::records::{Decision, Granted, Position, Records};
use crate::text::Id;
use crate::vocab::Issuer;

pub struct Certificate;

#[derive(Serialize)]
pub struct Context<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    tham_quyen: String,
    nguoi_nhan: Recipient,
    ly_do: String,
    /// "Quyết định số 128-QĐ/BTCTU ngày 28/12/2020".
    quyet_dinh: String,
    so_vang: Option<&'a str>,
    ngay: NaiveDate,
    nguoi_ky: SignerCtx,
    /// Where each piece goes on the body's pre-printed blank, when it
    /// prints on one (`phoi_giay_khen`): text only.
    phoi: Option<BTreeMap<&'static str, Position>>,
}

/// Whether a form of award is a Giấy khen (titles have their own papers).
fn is_certificate(g: &Granted) -> bool {
    g.hinh_thuc.as_str().to_lowercase().starts_with("giấy khen")
}

/// The source of one certificate: the decision, the form's place in it and
/// the recipient, as "decision/2/recipient".
fn source(decision: &Id, form: usize, recipient: &Id) -> Id {
    Id(format!("{decision}/{form}/{recipient}"))
}

fn parts(source: &Id) -> Option<(Id, usize, Id)> {
    let mut it = source.as_str().splitn(3, '/');
    let decision = Id(it.next()?.to_owned());
    let form = it.next()?.parse().ok()?;
    let recipient = Id(it.next()?.to_owned());
    Some((decision, form, recipient))
}

fn issued(d: &Decision) -> bool {
    d.ban_hanh.is_some()
}

impl Document for Certificate {
    const NAME: &'static str = "giay-khen";
    const TITLE: &'static str = "Giấy khen";
    const ONE_PER: &'static str =
        "mỗi tập thể, cá nhân được tặng Giấy khen trong quyết định có `ban_hanh`";
    const TEMPLATE: Template = template!("giay-khen.typ.j2");
    const OUTPUT: Output = Output::Each("giay-khen");
    type Context<'a> = Context<'a>;

    fn sources(records: &Records) -> Vec<Id> {
        let mut out = Vec::new();
        for (id, d) in records.decisions.iter().filter(|(_, d)| issued(d)) {
            for (i, g) in d.khen_thuong.iter().enumerate() {
                if is_certificate(g) {
                    out.extend(g.nguoi_nhan.iter().map(|r| source(id, i, r)));
                }
            }
        }
        out
    }

    fn draft<'a>(r: &Reader<'a>, source: &Id) -> Option<Draft<Context<'a>>> {
        let (id, form, recipient) = parts(source)?;
        let d = r.decision(&id)?;
        let issuing = d.ban_hanh.as_ref()?;
        let g = d.khen_thuong.get(form)?;
        let mut nguoi_nhan = quyet_dinh::recipients(
            r,
            &Granted {
                nguoi_nhan: vec![recipient.clone()],
                ..g.clone()
            },
        )
        .pop()?;
        // Under the recipient, where they belong: a unit's body and place,
        // a person's post in their unit and their body.
        let body = &r.plan().co_quan;
        nguoi_nhan.mo_ta = if nguoi_nhan.tap_the {
            format!("{}, {}", body.ten_goi, body.dia_danh)
        } else {
            format!("{}, {}", nguoi_nhan.mo_ta, body.ten_goi)
        };
        let (_, so_ngay) = quyet_dinh::number_of(r, d);
        // A second Giấy khen for the same recipient in one decision gets a
        // file of its own.
        let again = d.khen_thuong[..form]
            .iter()
            .any(|earlier| is_certificate(earlier) && earlier.nguoi_nhan.contains(&recipient));
        let file = if again {
            format!("{id}/{recipient}-{}", form + 1)
        } else {
            format!("{id}/{recipient}")
        };
        let context = Context {
            common: context::common(r, Issuer::Body),
            tham_quyen: issuing.tham_quyen.as_str().to_uppercase(),
            nguoi_nhan,
            ly_do: quyet_dinh::reason(r, g),
            quyet_dinh: format!("Quyết định {so_ngay}"),
            so_vang: g.so_vang.get(&recipient).map(|s| s.as_str()),
            ngay: d.ngay.0,
            nguoi_ky: context::signer(r, &issuing.nguoi_ky),
            phoi: r.plan().phoi_giay_khen.as_ref().map(|b| b.places()),
        };
        Some(Draft {
            file: Some(file),
            date: d.ngay.0,
            context,
            issuable: None,
        })
    }
}
