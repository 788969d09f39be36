//! Units and people (`tap-the/`, `ca-nhan/`): who they are, what they
//! registered, and what the year brought them.

use serde::Deserialize;

use super::Award;
use crate::text::{Date, Id, Line, Paragraphs};
use crate::vocab::{CollectiveTitle, Discipline, Gender, PersonTitle, Rating};

/// A unit (phòng) of the body, as a collective candidate (`tap-the/`).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Collective {
    pub ten: Line,
    /// Its place in the body's lists (1 first); units without one follow,
    /// by name.
    #[serde(default)]
    pub thu_tu: Option<u32>,
    /// Short name for running text and filing lines: "TCĐ-ĐV".
    #[serde(default)]
    pub viet_tat: Option<Line>,
    pub truong_phong: Id,
    #[serde(default)]
    pub pho_truong_phong: Vec<Id>,
    pub so_thanh_vien: u32,
    #[serde(default)]
    pub dang_ky: Option<CollectiveRegistration>,
    /// The title reached at year end.
    #[serde(default)]
    pub danh_hieu_dat_duoc: Option<CollectiveTitle>,
    #[serde(default)]
    pub danh_gia: Vec<Evaluation>,
    #[serde(default)]
    pub thanh_tich: Option<Paragraphs>,
    /// Awards from before the records began.
    #[serde(default)]
    pub khen_thuong_truoc: Vec<Award>,
    /// What its achievement report says of it beyond the other keys.
    #[serde(default)]
    pub gioi_thieu: Option<UnitSketch>,
}

/// Section I of a unit's achievement report, in its own words.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitSketch {
    /// "Đặc điểm, tình hình": where it sits, how it is organised.
    #[serde(default)]
    pub dac_diem: Option<Paragraphs>,
    /// "Chức năng, nhiệm vụ".
    #[serde(default)]
    pub chuc_nang: Option<Paragraphs>,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CollectiveRegistration {
    pub ngay: Date,
    /// Content areas by code ("2.1" … "2.4"); none in a plan without
    /// contents.
    #[serde(default)]
    pub noi_dung: Vec<Line>,
    pub danh_hieu: CollectiveTitle,
    /// Has registered to follow Hồ Chí Minh's example (the seed's Mục
    /// II.1.1); absent: no.
    #[serde(default)]
    pub lam_theo_bac: bool,
    pub cam_ket: Paragraphs,
    #[serde(default)]
    pub chi_tieu: Vec<Line>,
}

/// A person (`ca-nhan/`).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub ho_ten: Line,
    /// The given name, when it is not the last word of `ho_ten` (Ê Đê "H'
    /// Luyến Niê": "Luyến"); lists sort by it.
    #[serde(default)]
    pub ten_goi: Option<Line>,
    pub gioi_tinh: Gender,
    #[serde(default)]
    pub nam_sinh: Option<u32>,
    pub chuc_vu: Line,
    /// The phòng the person works in; absent for the Ban's leaders.
    #[serde(default)]
    pub don_vi: Option<Id>,
    /// Phòng this person is in charge of as a leader of the Ban.
    #[serde(default)]
    pub phu_trach_phong: Vec<Id>,
    #[serde(default)]
    pub dang_ky: Option<PersonRegistration>,
    #[serde(default)]
    pub xep_loai: Option<Rating>,
    #[serde(default)]
    pub sang_kien: Vec<Initiative>,
    #[serde(default)]
    pub ky_luat: Vec<DisciplinaryMeasure>,
    #[serde(default)]
    pub danh_gia: Vec<Evaluation>,
    #[serde(default)]
    pub thanh_tich: Option<Paragraphs>,
    /// Awards from before the records began.
    #[serde(default)]
    pub khen_thuong_truoc: Vec<Award>,
    /// What an achievement report says of the person beyond the other keys.
    #[serde(default)]
    pub ly_lich: Option<Biography>,
}

/// Section I ("Sơ lược lý lịch") of a person's achievement report, and
/// the duties of section II.1; a key left out is a dotted line to fill in.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Biography {
    #[serde(default)]
    pub ngay_sinh: Option<Date>,
    #[serde(default)]
    pub que_quan: Option<Line>,
    #[serde(default)]
    pub tru_quan: Option<Line>,
    #[serde(default)]
    pub trinh_do: Option<Line>,
    #[serde(default)]
    pub hoc_ham: Option<Line>,
    /// "Quyền hạn, nhiệm vụ được giao hoặc đảm nhận".
    #[serde(default)]
    pub nhiem_vu: Option<Paragraphs>,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonRegistration {
    pub ngay: Date,
    /// As a unit's: none in a plan without contents.
    #[serde(default)]
    pub noi_dung: Vec<Line>,
    pub danh_hieu: PersonTitle,
    /// As a unit's registration says it; absent: no.
    #[serde(default)]
    pub lam_theo_bac: bool,
    pub cam_ket: Paragraphs,
    #[serde(default)]
    pub sang_kien_du_kien: Option<Paragraphs>,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    pub ten: Line,
    #[serde(default)]
    pub cong_nhan: Option<Recognition>,
}

/// Recognition of an initiative by the agency's initiative council.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recognition {
    pub so: Line,
    pub ngay: Date,
    pub co_quan: Line,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DisciplinaryMeasure {
    pub hinh_thuc: Discipline,
    pub ngay: Date,
    #[serde(default)]
    pub ly_do: Option<Line>,
}

/// A periodic evaluation (Mục III.2: "định kỳ tổ chức đánh giá").
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// "6 tháng đầu năm", "Quý III".
    pub ky: Line,
    pub ngay: Date,
    pub ket_qua: Paragraphs,
}

impl Person {
    /// What the person's name sorts by, in Vietnamese order.
    pub fn name_key(&self) -> crate::words::NameKey {
        crate::words::name_key_given(
            self.ho_ten.as_str(),
            self.ten_goi.as_ref().map(|g| g.as_str()),
        )
    }
}
