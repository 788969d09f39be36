//! Council meetings and award proposals (`cuoc-hop/`, `to-trinh/`).

use serde::Deserialize;

use super::DocNumber;
use crate::text::{Date, DateTime, Id, Line, Paragraphs};
use crate::vocab::{Authority, Issuer, MeetingKind};

use super::Signer;

/// A council meeting (`cuoc-hop/`).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub loai: MeetingKind,
    #[serde(default)]
    pub so: Option<DocNumber>,
    pub bat_dau: DateTime,
    pub ket_thuc: DateTime,
    pub dia_diem: Line,
    pub chu_tri: Id,
    pub thu_ky: Id,
    #[serde(default)]
    pub vang_mat: Vec<Absence>,
    pub bieu_quyet: Vec<Vote>,
    #[serde(default)]
    pub ket_luan: Option<Paragraphs>,
    /// What the council assigns after its conclusion ("Giao Phòng … theo
    /// dõi, đôn đốc"): printed after the list of those chosen, which
    /// follows the conclusion itself.
    #[serde(default)]
    pub giao_nhiem_vu: Option<Paragraphs>,
    /// Recipients of the minutes; absent: "Lưu: VT, Hồ sơ" in the State
    /// format, none in the Party format.
    #[serde(default)]
    pub noi_nhan: Option<Vec<Line>>,
    /// Who issues the minutes; absent: the council that met.
    #[serde(default)]
    pub ban_hanh: Option<Issuer>,
    /// How many ballots to print: one per council member when absent, or
    /// `1` for one to copy.
    #[serde(default)]
    pub so_phieu_in: Option<u32>,
    /// The counting board (ban kiểm phiếu), its head first: with it, tdkt
    /// prints the vote-count minutes they sign.
    #[serde(default)]
    pub ban_kiem_phieu: Vec<Id>,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Absence {
    pub nguoi: Id,
    #[serde(default)]
    pub ly_do: Option<Line>,
    /// Written opinion sent to the meeting.
    #[serde(default)]
    pub y_kien: Option<Paragraphs>,
    /// The candidates that written opinion agrees to: counted with the
    /// ballots' "đồng ý" unless the council says it does not count them.
    #[serde(default)]
    pub dong_y: Vec<Id>,
}

/// The vote on one candidate, as counted by the ballot committee.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    pub ung_vien: Id,
    pub phieu_phat_ra: u32,
    pub phieu_thu_ve: u32,
    pub phieu_hop_le: u32,
    pub dong_y: u32,
    /// The council's decision.
    pub duoc_chon: bool,
    /// Why the council did not choose the candidate, as the minutes say
    /// it; absent: the minutes give the reason tdkt finds (a vote below
    /// the threshold, a criterion not met), if any.
    #[serde(default)]
    pub ly_do: Option<Line>,
}

/// An award proposal (`to-trinh/`).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    #[serde(default)]
    pub so: Option<DocNumber>,
    pub ngay: Date,
    pub kinh_gui: Vec<Line>,
    /// Absent: "về việc đề nghị tặng <hình thức> …".
    #[serde(default)]
    pub trich_yeu: Option<Line>,
    /// One form of commendation for everyone the meeting chose: "Giấy
    /// khen của Trưởng Ban Tổ chức Tỉnh ủy". Absent when `de_nghi` says
    /// whom and with which forms.
    #[serde(default)]
    pub hinh_thuc: Option<Line>,
    /// Whom the proposal proposes, in groups by form (as a decision's
    /// `khen_thuong`): a list that mixes Giấy khen, Lao động tiên tiến,
    /// Chiến sĩ thi đua cơ sở…; each must be among those the meeting chose.
    #[serde(default)]
    pub de_nghi: Vec<ProposedGroup>,
    /// The year-end meeting whose choice this proposal carries.
    pub cuoc_hop: Id,
    #[serde(default)]
    pub nguoi_ky: Option<Signer>,
    #[serde(default)]
    pub noi_nhan: Option<Vec<Line>>,
    #[serde(default)]
    pub kem_theo: Vec<Line>,
    /// Who issues it; absent: the council when its signer signs on the
    /// council's behalf ("T/M HỘI ĐỒNG …"), else the body.
    #[serde(default)]
    pub ban_hanh: Option<Issuer>,
}

/// Those a proposal proposes for one form of commendation.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposedGroup {
    pub hinh_thuc: Line,
    pub nguoi_nhan: Vec<Id>,
}

impl Meeting {
    pub fn issuer(&self) -> Issuer {
        self.ban_hanh.unwrap_or(Issuer::Council)
    }
}

impl Proposal {
    /// The forms the proposal proposes, each once, in its order.
    pub fn forms(&self) -> Vec<&Line> {
        let mut forms: Vec<&Line> = self.hinh_thuc.iter().collect();
        for g in &self.de_nghi {
            if !forms.contains(&&g.hinh_thuc) {
                forms.push(&g.hinh_thuc);
            }
        }
        forms
    }

    /// The form proposed for `id`; none when the proposal does not name it.
    pub fn form_of(&self, id: &Id) -> Option<&Line> {
        if self.de_nghi.is_empty() {
            return self.hinh_thuc.as_ref();
        }
        self.de_nghi
            .iter()
            .find(|g| g.nguoi_nhan.contains(id))
            .map(|g| &g.hinh_thuc)
    }

    /// Who issues the proposal is who signs it (see `ban_hanh`).
    pub fn issuer(&self, plan: &super::Plan) -> Issuer {
        self.ban_hanh.unwrap_or_else(|| {
            let signer = self.nguoi_ky.as_ref().unwrap_or(&plan.nguoi_ky);
            let council = |w: &crate::text::Line| w.as_str().to_uppercase().contains("HỘI ĐỒNG");
            let for_council = (signer.tham_quyen == Some(Authority::OnBehalf)
                && signer.thay_cho.as_ref().is_some_and(council))
                || signer.thay_mat_tap_the.as_ref().is_some_and(council);
            if for_council {
                Issuer::Council
            } else {
                Issuer::Body
            }
        })
    }
}
