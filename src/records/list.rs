//! The registration list's own record (`danh-sach-dang-ky.yaml`, beside the
//! plan): what the body issues the list with. Every key may be left out; a
//! plan without the file still gets its list, as a draft.

use serde::Deserialize;

use super::{DocNumber, Signer};
use crate::text::{Date, Line};
use crate::vocab::ListOrder;

#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegistrationList {
    /// Written by `tdkt issue`, or by the clerk: `5`, `05-DS/BTCTU`.
    #[serde(default)]
    pub so: Option<DocNumber>,
    /// The issue date; absent, the draft is dated the day of the first
    /// selection meeting (or of the last registration without one).
    #[serde(default)]
    pub ngay: Option<Date>,
    /// The type code in the number's symbol; "DS" when absent (the code is
    /// the usual one, not verified in the Party guidance).
    #[serde(default)]
    pub ky_hieu: Option<Line>,
    /// The subject after "DANH SÁCH"; absent: "tập thể, cá nhân đăng ký …".
    #[serde(default)]
    pub trich_yeu: Option<Line>,
    /// Absent: the plan's signer.
    #[serde(default)]
    pub nguoi_ky: Option<Signer>,
    /// Absent: the council and the archive.
    #[serde(default)]
    pub noi_nhan: Option<Vec<Line>>,
    /// Absent: by unit and position, as a clerk orders a list.
    #[serde(default)]
    pub sap_xep: Option<ListOrder>,
}
