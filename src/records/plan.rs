//! The plan record (`ke-hoach.yaml`) and what it holds: the issuing body,
//! its criteria, quotas, council and signer.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::DocNumber;
use super::plan_text::PlanText;
use crate::text::{Date, Id, Line, Paragraphs};
use crate::vocab::{Authority, CollectiveTitle, Format, Issuer, Rating, Role};

/// The yearly plan (`ke-hoach.yaml`): who issues it, its criteria, quotas,
/// council and signer.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub co_quan: Body,
    pub the_thuc: Format,
    pub nam: i32,
    /// The plan's own number ("Số 25-KH/BTCTU"); absent when unknown.
    #[serde(default)]
    pub so: Option<DocNumber>,
    /// The plan's date; absent when unknown (documents then cite it without).
    #[serde(default)]
    pub ngay: Option<Date>,
    /// Subject, lower case as it follows "Kế hoạch": "xây dựng và nhân rộng …".
    pub trich_yeu: Line,
    /// What units and people register for, as forms say it after "đăng
    /// ký": "xây dựng điển hình tiên tiến"; absent: "thi đua".
    #[serde(default)]
    pub phong_trao: Option<Line>,
    /// What the plan calls those it chooses at year end: "điển hình tiên
    /// tiến"; absent: "tiêu biểu".
    #[serde(default)]
    pub danh_xung: Option<Line>,
    #[serde(default)]
    pub han_dang_ky: Option<Date>,
    pub noi_dung: Vec<ContentArea>,
    /// The plan's own criteria (the seed's Mục II.1); none when the plan
    /// states none: then only the law's criteria of each title apply.
    #[serde(default)]
    pub tieu_chuan: Option<Criteria>,
    #[serde(default)]
    pub chi_tieu: Quotas,
    pub hoi_dong: Council,
    pub nguoi_ky: Signer,
    pub noi_nhan: Vec<Line>,
    /// Legal bases cited in proposals; absent: the rule set of the date.
    #[serde(default)]
    pub can_cu: Option<Vec<Line>>,
    /// How the plan cites a rule, by the rule's id: its own sections
    /// ("CN-1: Mục II.1.3"), or a law's article the clerk corrects.
    #[serde(default)]
    pub trich_dan: BTreeMap<String, Line>,
    /// The plan's own text; absent, tdkt does not print the plan.
    #[serde(default)]
    pub van_ban: Option<PlanText>,
    /// Certificates printed on the body's pre-printed blanks: text only,
    /// placed for the blank.
    #[serde(default)]
    pub phoi_giay_khen: Option<super::Blank>,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// Superior body (Party) or parent body (State): "TỈNH ỦY BẮC GIANG".
    /// Headings only: it may be written as the lines a clerk wants in the
    /// heading's column (tdkt breaks a one-line name between words).
    pub cap_tren: Paragraphs,
    /// The issuing body: "BAN TỔ CHỨC"; may be written as lines, as
    /// `cap_tren`.
    pub ten: Paragraphs,
    /// Its name in running text: "Ban Tổ chức Tỉnh ủy".
    pub ten_goi: Line,
    /// Abbreviation in document numbers: "BTCTU".
    pub viet_tat: Line,
    /// Place name of the date line: "Bắc Giang".
    pub dia_danh: Line,
    /// What fixed phrases call the body: "Ban", "Sở", "Ủy ban", "Trường";
    /// absent: the first word of `ten_goi`.
    #[serde(default)]
    pub ten_ngan: Option<Line>,
    /// The body's head (a person's id): confirms what the body's deputy
    /// heads register.
    #[serde(default)]
    pub thu_truong: Option<Id>,
}

impl Body {
    /// "Ban" of "Ban Tổ chức Tỉnh ủy", unless the record says otherwise.
    pub fn short_name(&self) -> &str {
        self.ten_ngan.as_ref().map_or_else(
            || {
                self.ten_goi
                    .as_str()
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
            },
            |s| s.as_str(),
        )
    }
}

/// A content area of the plan (Mục II.2): "2.1" and its title.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContentArea {
    pub ma: Line,
    pub ten: Line,
    /// What the area asks, as the printed plan states it after the title.
    #[serde(default)]
    pub mo_ta: Option<Paragraphs>,
}

/// The parameters of the plan's criteria (Mục II.1); a key left out takes
/// the seed plan's value.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Criteria {
    pub xep_loai_toi_thieu: Rating,
    pub so_sang_kien_toi_thieu: u32,
    pub danh_hieu_toi_thieu_phong: CollectiveTitle,
}

impl Default for Criteria {
    fn default() -> Self {
        Criteria {
            xep_loai_toi_thieu: Rating::CompletedExcellently,
            so_sang_kien_toi_thieu: 1,
            danh_hieu_toi_thieu_phong: CollectiveTitle::Advanced,
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quota {
    pub tap_the: u32,
    pub ca_nhan: u32,
}

/// How many the council may choose at each stage (the seed's Mục III.3); a
/// stage the plan sets no quota for has none.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quotas {
    #[serde(default)]
    pub lua_chon: Option<Quota>,
    #[serde(default)]
    pub cuoi_nam: Option<Quota>,
}

impl Quotas {
    /// The quota of the year-end choice, or of the selection.
    pub fn at(&self, year_end: bool) -> Option<Quota> {
        if year_end {
            self.cuoi_nam
        } else {
            self.lua_chon
        }
    }
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Council {
    /// "Hội đồng Thi đua - Khen thưởng cơ quan".
    pub ten: Line,
    /// Its abbreviation in the numbers of what it issues; absent "HĐTĐKT".
    #[serde(default)]
    pub viet_tat: Option<Line>,
    /// Its name in the heading of what it issues; absent, `ten` in capitals.
    /// May be written as lines, as `co_quan.ten`.
    #[serde(default)]
    pub tieu_de: Option<Paragraphs>,
    pub thanh_vien: Vec<CouncilMember>,
    /// Votes needed to choose, counted on the whole membership; absent: more
    /// than half. The law's own threshold for a title (80 % for "Chiến sĩ
    /// thi đua cơ sở" from 2024) applies on top.
    #[serde(default)]
    pub nguong_dong_y: Option<Threshold>,
    /// Whether the written opinions of absent members count with the
    /// ballots (`vang_mat[].dong_y`); absent: they count (NĐ 91/2017 Điều
    /// 45, NĐ 98/2023 Điều 30 ask for them; how they count is believed).
    #[serde(default)]
    pub tinh_y_kien_vang_mat: Option<bool>,
    /// Share of members who must be present, e.g. "2/3"; absent: 2/3.
    #[serde(default)]
    pub ty_le_co_mat: Option<Fraction>,
}

impl Council {
    /// The member who holds `role` (the first, should two).
    pub fn member(&self, role: Role) -> Option<&Id> {
        self.thanh_vien
            .iter()
            .find(|m| m.vai_tro == role)
            .map(|m| &m.nguoi)
    }
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CouncilMember {
    pub nguoi: Id,
    pub vai_tro: Role,
}

/// The share of the whole membership a candidate's "đồng ý" must reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Threshold {
    /// More than half ("quá bán").
    Majority,
    /// At least this many per cent.
    AtLeastPercent(u32),
}

impl<'de> Deserialize<'de> for Threshold {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Percent(u32),
            Word(String),
        }
        let bad = || {
            serde::de::Error::custom(
                "ngưỡng đồng ý phải là \"qua_ban\" (quá bán) hoặc một số phần trăm từ 1 đến 100, ví dụ 80",
            )
        };
        match Raw::deserialize(d).map_err(|_| bad())? {
            Raw::Percent(p) if (1..=100).contains(&p) => Ok(Threshold::AtLeastPercent(p)),
            Raw::Word(w) if matches!(w.trim(), "qua_ban" | "quá bán") => Ok(Threshold::Majority),
            _ => Err(bad()),
        }
    }
}

impl Threshold {
    pub fn is_met(self, agree: u32, members: u32) -> bool {
        match self {
            Threshold::Majority => agree * 2 > members,
            Threshold::AtLeastPercent(p) => agree * 100 >= p * members,
        }
    }

    /// The stricter of two thresholds.
    pub fn stricter(self, other: Threshold) -> Threshold {
        // Per mille of the membership each needs: "quá bán" is just over 500.
        let need = |t: Threshold| match t {
            Threshold::Majority => 501,
            Threshold::AtLeastPercent(p) => p * 10,
        };
        if need(other) > need(self) {
            other
        } else {
            self
        }
    }

    pub fn describe(self) -> String {
        match self {
            Threshold::Majority => "quá bán tổng số thành viên Hội đồng".into(),
            Threshold::AtLeastPercent(p) => format!("từ {p} % tổng số thành viên Hội đồng trở lên"),
        }
    }
}

/// A share such as "2/3".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Fraction {
    pub num: u32,
    pub den: u32,
}

impl<'de> Deserialize<'de> for Fraction {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        let parsed = raw.trim().split_once('/').and_then(|(n, d)| {
            let (num, den) = (n.trim().parse().ok()?, d.trim().parse().ok()?);
            (den > 0 && num <= den).then_some(Fraction { num, den })
        });
        parsed.ok_or_else(|| {
            serde::de::Error::custom(format!(
                "tỷ lệ \"{raw}\" không hợp lệ; hãy ghi dạng tử/mẫu, ví dụ \"2/3\""
            ))
        })
    }
}

impl Fraction {
    /// Whether `part` of `whole` reaches this share.
    pub fn is_met(self, part: u32, whole: u32) -> bool {
        part * self.den >= self.num * whole
    }
}

/// Who signs, and in what capacity.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    /// Absent when the head signs in their own name.
    #[serde(default)]
    pub tham_quyen: Option<Authority>,
    /// Whom the signer signs for: "TRƯỞNG BAN" (ký thay), "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" (thay mặt).
    #[serde(default)]
    pub thay_cho: Option<Line>,
    /// The collective authority a deputy signs within: "HỘI ĐỒNG THI ĐUA -
    /// KHEN THƯỞNG" prints "TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" above "KT.
    /// CHỦ TỊCH" (Nghị định 30/2020, Phụ lục I; the Party's "T/M", "K/T").
    #[serde(default)]
    pub thay_mat_tap_the: Option<Line>,
    /// The signer's own title: "PHÓ TRƯỞNG BAN".
    pub chuc_vu: Line,
    pub nguoi: Id,
}

/// The heading and number symbol of a document's issuer.
pub struct IssuerNames {
    /// The line above the issuer's name: the body above it.
    pub superior: String,
    /// The issuer's name in the heading.
    pub name: String,
    /// In the number's symbol: "BTCTU", "HĐTĐKT".
    pub abbreviation: String,
    /// In running text, as the subject of a sentence: "Ban Tổ chức Tỉnh
    /// ủy", "Hội đồng Thi đua - Khen thưởng cơ quan".
    pub speaker: String,
}

impl Plan {
    /// What units and people register for: "xây dựng điển hình tiên tiến"
    /// in the seed's plan, "thi đua" in any plan that does not say.
    pub fn movement(&self) -> &str {
        self.phong_trao.as_ref().map_or("thi đua", |m| m.as_str())
    }

    /// What those chosen at year end are called: "điển hình tiên tiến" in
    /// the seed's plan, "tiêu biểu" in any plan that does not say.
    pub fn exemplars(&self) -> &str {
        self.danh_xung.as_ref().map_or("tiêu biểu", |d| d.as_str())
    }

    /// The subject of what a council meeting does and votes on: "lựa chọn
    /// tập thể, cá nhân xây dựng điển hình tiên tiến năm 2020", "bình xét
    /// tập thể, cá nhân tiêu biểu năm 2025".
    pub fn vote_subject(&self, year_end: bool) -> String {
        if year_end {
            format!(
                "bình xét tập thể, cá nhân {} năm {}",
                self.exemplars(),
                self.nam
            )
        } else {
            format!(
                "lựa chọn tập thể, cá nhân {} năm {}",
                self.movement(),
                self.nam
            )
        }
    }

    /// How `issuer` heads, numbers and speaks in a document: the body under
    /// its superior; the council under the body.
    pub fn issuer(&self, issuer: Issuer) -> IssuerNames {
        let body = &self.co_quan;
        match issuer {
            Issuer::Body => IssuerNames {
                superior: body.cap_tren.to_string(),
                name: body.ten.to_string(),
                abbreviation: body.viet_tat.to_string(),
                speaker: body.ten_goi.to_string(),
            },
            Issuer::Council => IssuerNames {
                superior: body.ten_goi.as_str().to_uppercase(),
                name: self.hoi_dong.tieu_de.as_ref().map_or_else(
                    || self.hoi_dong.ten.as_str().to_uppercase(),
                    |t| t.to_string(),
                ),
                abbreviation: self
                    .hoi_dong
                    .viet_tat
                    .as_ref()
                    .map_or_else(|| "HĐTĐKT".to_owned(), |v| v.to_string()),
                speaker: self.hoi_dong.ten.to_string(),
            },
        }
    }
}
