//! Awards: the decisions a plan's folder records (`quyet-dinh/`), and the
//! awards a unit or person received before the records began
//! (`khen_thuong_truoc`). Together, across plans, they are the award
//! history that later years read.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, de};

use super::Signer;
use crate::amount::Reading;
use crate::text::{Date, Id, Line};

/// A decision on awards (`quyet-dinh/`), as received from whoever granted
/// them (the body's head, a superior body): its number as printed, its date,
/// its issuer and whom it awarded what.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Number and symbol as the decision prints them: "45-QĐ/BTCTU"; on a
    /// decision the body issues itself, absent until `tdkt issue` gives it.
    #[serde(default)]
    pub so: Option<Line>,
    pub ngay: Date,
    /// Who decided, as a sentence names them: "Trưởng Ban Tổ chức Tỉnh ủy".
    pub co_quan: Line,
    /// The proposal it answers, if it answers one of this plan's.
    #[serde(default)]
    pub to_trinh: Option<Id>,
    pub khen_thuong: Vec<Granted>,
    /// Present when the body issues the decision itself (an award within
    /// its own authority): tdkt then prints it and its certificates.
    #[serde(default)]
    pub ban_hanh: Option<Issuing>,
}

/// What a decision the body issues needs beyond whom it awards what.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Issuing {
    /// The authority that decides, above "Căn cứ" and on the certificates:
    /// "TRƯỞNG BAN TỔ CHỨC TỈNH ỦY BẮC GIANG".
    pub tham_quyen: Line,
    /// "Căn cứ …" lines of the body's own (its functions and duties),
    /// between the law's lines and the proposal's.
    #[serde(default)]
    pub can_cu: Vec<Line>,
    /// Where the reward money comes from (Điều 2).
    pub nguon_tien: Line,
    /// Who carries the decision out (Điều 3).
    pub thi_hanh: Vec<Line>,
    pub nguoi_ky: Signer,
    /// Absent: "Như Điều 3", "Lưu Văn thư".
    #[serde(default)]
    pub noi_nhan: Option<Vec<Line>>,
    /// The subject; absent: "về việc khen thưởng tập thể, cá nhân …".
    #[serde(default)]
    pub trich_yeu: Option<Line>,
    /// Whether rewards are rounded up to the ten thousand đồng; absent, yes.
    #[serde(default)]
    pub lam_tron: Option<bool>,
    /// How amounts are read in words: `bac` (default) or `nam`.
    #[serde(default)]
    pub cach_doc: Reading,
}

/// One form of award (or title) and the units and people given it.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Granted {
    /// "Giấy khen của Trưởng Ban Tổ chức Tỉnh ủy", "Lao động tiên tiến".
    pub hinh_thuc: Line,
    /// Ids of units and people, as their records are named.
    pub nguoi_nhan: Vec<Id>,
    /// For what, as the decision and the certificate say it: "Đã có thành
    /// tích xuất sắc trong xây dựng điển hình tiên tiến năm 2020".
    #[serde(default)]
    pub ly_do: Option<Line>,
    /// The reward as a multiple of the base salary ("0.3"), for everyone
    /// given this form; absent: the rule set's multiple for the form.
    #[serde(default)]
    pub he_so: Option<Tenths>,
    /// Numbers in the body's sổ vàng, by recipient, printed on their
    /// certificates.
    #[serde(default)]
    pub so_vang: BTreeMap<Id, Line>,
}

/// A multiple written "0.3" or "0,3", held in tenths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tenths(pub u32);

impl<'de> Deserialize<'de> for Tenths {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(f64),
            Text(String),
        }
        let value = match Raw::deserialize(d)? {
            Raw::Number(n) => Some(n),
            Raw::Text(t) => t.trim().replace(',', ".").parse().ok(),
        };
        let tenths = value
            .map(|v| v * 10.0)
            .filter(|t| *t >= 0.0 && *t <= 1000.0 && (t - t.round()).abs() < 1e-6);
        tenths.map(|t| Tenths(t.round() as u32)).ok_or_else(|| {
            de::Error::custom(
                "hệ số phải là một số lần mức lương cơ sở, đến một chữ số thập phân, ví dụ 0,3 hoặc 1,5",
            )
        })
    }
}

/// One award in a unit's or person's history: from a decision of an earlier
/// plan, or written in their record for the years before the records.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Award {
    pub nam: i32,
    pub hinh_thuc: Line,
    /// The decision's number: "12-QĐ/BTCTU".
    #[serde(default)]
    pub so: Option<Line>,
    #[serde(default)]
    pub ngay: Option<Date>,
    /// Who decided.
    #[serde(default)]
    pub co_quan: Option<Line>,
}

impl Decision {
    /// What the decision gave `id`, as entries of its history.
    pub fn awards_of<'a>(&'a self, id: &'a Id) -> impl Iterator<Item = Award> + 'a {
        self.khen_thuong
            .iter()
            .filter(move |g| g.nguoi_nhan.contains(id))
            .map(|g| Award {
                nam: chrono::Datelike::year(&self.ngay.0),
                hinh_thuc: g.hinh_thuc.clone(),
                so: self.so.clone(),
                ngay: Some(self.ngay),
                co_quan: Some(self.co_quan.clone()),
            })
    }
}

/// Certificates printed on the body's pre-printed blanks (phôi): the border,
/// the heading, the issuer, "TẶNG" and "GIẤY KHEN" are on the blank, tdkt
/// prints only the text, each piece where the blank leaves room for it.
/// Positions in millimetres from the sheet's top-left corner (A4
/// landscape): a line's centre and top, the decision's and the book's left
/// edge; a piece not given stands where tdkt's own certificate has it.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Blank {
    /// The printer's shift, right and down, added to every position.
    #[serde(default)]
    pub lech: Option<Offset>,
    #[serde(default)]
    pub nguoi_nhan: Option<Position>,
    #[serde(default)]
    pub mo_ta: Option<Position>,
    #[serde(default)]
    pub ly_do: Option<Position>,
    #[serde(default)]
    pub noi_ngay: Option<Position>,
    /// The signer's title; their name at `ten_nguoi_ky`.
    #[serde(default)]
    pub nguoi_ky: Option<Position>,
    #[serde(default)]
    pub ten_nguoi_ky: Option<Position>,
    #[serde(default)]
    pub quyet_dinh: Option<Position>,
    #[serde(default)]
    pub so_vang: Option<Position>,
}

/// A point on an A4 landscape sheet, `[x, y]` in millimetres.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Position(pub f64, pub f64);

/// A shift of the whole print, `[right, down]` in millimetres.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Offset(pub f64, pub f64);

fn millimetres<'de, D: Deserializer<'de>>(
    d: D,
    x: std::ops::RangeInclusive<f64>,
    y: std::ops::RangeInclusive<f64>,
    what: &str,
) -> Result<(f64, f64), D::Error> {
    let [a, b] = <[f64; 2]>::deserialize(d)?;
    if x.contains(&a) && y.contains(&b) {
        Ok((a, b))
    } else {
        Err(de::Error::custom(format!(
            "{what} [{a}, {b}] nằm ngoài khoảng [{}–{}, {}–{}] mm; hãy ghi [ngang, dọc] tính bằng mm",
            x.start(),
            x.end(),
            y.start(),
            y.end()
        )))
    }
}

impl<'de> Deserialize<'de> for Position {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        millimetres(d, 0.0..=297.0, 0.0..=210.0, "vị trí trên tờ A4 ngang")
            .map(|(x, y)| Position(x, y))
    }
}

impl<'de> Deserialize<'de> for Offset {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        millimetres(d, -30.0..=30.0, -30.0..=30.0, "độ lệch").map(|(x, y)| Offset(x, y))
    }
}

impl Blank {
    /// Where each piece goes, the shift added, by the names the template
    /// reads.
    pub fn places(&self) -> BTreeMap<&'static str, Position> {
        let Offset(dx, dy) = self.lech.unwrap_or(Offset(0.0, 0.0));
        // Where tdkt's own certificate puts each piece (measured on it).
        [
            ("nguoi_nhan", self.nguoi_nhan, Position(148.5, 96.0)),
            ("mo_ta", self.mo_ta, Position(148.5, 115.0)),
            ("ly_do", self.ly_do, Position(148.5, 129.0)),
            ("noi_ngay", self.noi_ngay, Position(210.5, 148.0)),
            ("nguoi_ky", self.nguoi_ky, Position(210.5, 154.0)),
            ("ten_nguoi_ky", self.ten_nguoi_ky, Position(210.5, 186.0)),
            ("quyet_dinh", self.quyet_dinh, Position(23.0, 181.0)),
            ("so_vang", self.so_vang, Position(23.0, 186.0)),
        ]
        .into_iter()
        .map(|(name, given, own)| {
            let Position(x, y) = given.unwrap_or(own);
            (name, Position(x + dx, y + dy))
        })
        .collect()
    }
}
