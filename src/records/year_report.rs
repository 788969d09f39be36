//! The year report's own record (`bao-cao-ket-qua.yaml`, beside the plan):
//! what the body issues its report with. Every key may be left out; a plan
//! without the file still gets its report, as a draft with blanks.

use serde::Deserialize;

use super::{DocNumber, Signer};
use crate::text::{Date, Line, Paragraphs};

#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearReport {
    /// Written by `tdkt issue`, or by the clerk: `12`, `12-BC/BTCTU`.
    #[serde(default)]
    pub so: Option<DocNumber>,
    /// The issue date, in the plan's year or the next; absent, the date
    /// line is left blank to fill in.
    #[serde(default)]
    pub ngay: Option<Date>,
    /// The subject after "BÁO CÁO"; absent: "kết quả thực hiện Kế hoạch …".
    #[serde(default)]
    pub trich_yeu: Option<Line>,
    /// "Đánh giá chung": what went well and what did not, one paragraph
    /// a line; absent, the report has no such section.
    #[serde(default)]
    pub danh_gia_chung: Option<Paragraphs>,
    /// "Kiến nghị, đề xuất" to the body above, one paragraph a line.
    #[serde(default)]
    pub kien_nghi: Option<Paragraphs>,
    /// Absent: the plan's signer.
    #[serde(default)]
    pub nguoi_ky: Option<Signer>,
    /// Absent: the plan's recipients.
    #[serde(default)]
    pub noi_nhan: Option<Vec<Line>>,
}
