//! The records a clerk keeps, one YAML file per thing, as typed data.
//!
//! Keys are Vietnamese words without diacritics, so a clerk can read them;
//! every struct refuses unknown keys, so a typo never silently drops data.
//! `docs/records.md` documents every key with an example.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::text::{Date, DateTime, Id, Line, Paragraphs};
use crate::vocab::{
    Authority, CollectiveTitle, Discipline, Format, Gender, MeetingKind, PersonTitle, Rating, Role,
};

/// The yearly plan (`ke-hoach.yaml`): who issues it, its criteria, quotas,
/// council and signer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub co_quan: Body,
    pub the_thuc: Format,
    pub nam: i32,
    /// The plan's own number ("Số 25-KH/BTCTU"); absent when unknown.
    #[serde(default)]
    pub so: Option<u32>,
    /// The plan's date; absent when unknown (documents then cite it without).
    #[serde(default)]
    pub ngay: Option<Date>,
    /// Subject, lower case as it follows "Kế hoạch": "xây dựng và nhân rộng …".
    pub trich_yeu: Line,
    #[serde(default)]
    pub han_dang_ky: Option<Date>,
    pub noi_dung: Vec<ContentArea>,
    #[serde(default)]
    pub tieu_chuan: Criteria,
    #[serde(default)]
    pub chi_tieu: Quotas,
    pub hoi_dong: Council,
    pub nguoi_ky: Signer,
    pub noi_nhan: Vec<Line>,
    /// Legal bases cited in proposals; absent: the rule set of the date.
    #[serde(default)]
    pub can_cu: Option<Vec<Line>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// Superior body (Party) or parent body (State): "TỈNH ỦY BẮC GIANG".
    pub cap_tren: Line,
    /// The issuing body: "BAN TỔ CHỨC".
    pub ten: Line,
    /// Its name in running text: "Ban Tổ chức Tỉnh ủy".
    pub ten_goi: Line,
    /// Abbreviation in document numbers: "BTCTU".
    pub viet_tat: Line,
    /// Place name of the date line: "Bắc Giang".
    pub dia_danh: Line,
}

/// A content area of the plan (Mục II.2): "2.1" and its title.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContentArea {
    pub ma: Line,
    pub ten: Line,
}

/// The parameters of the plan's criteria (Mục II.1).
#[derive(Debug, Clone, Deserialize)]
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

#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Quota {
    pub tap_the: u32,
    pub ca_nhan: u32,
}

/// How many the council may choose at each stage (Mục III.3).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Quotas {
    pub lua_chon: Quota,
    pub cuoi_nam: Quota,
}

impl Default for Quotas {
    fn default() -> Self {
        Quotas {
            lua_chon: Quota {
                tap_the: 2,
                ca_nhan: 3,
            },
            cuoi_nam: Quota {
                tap_the: 1,
                ca_nhan: 2,
            },
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Council {
    /// "Hội đồng Thi đua - Khen thưởng cơ quan".
    pub ten: Line,
    pub thanh_vien: Vec<CouncilMember>,
    /// Votes needed to choose, counted on the whole membership; absent: the
    /// rule set of the plan's date.
    #[serde(default)]
    pub nguong_dong_y: Option<Threshold>,
    /// Share of members who must be present, e.g. "2/3"; absent: 2/3.
    #[serde(default)]
    pub ty_le_co_mat: Option<Fraction>,
}

#[derive(Debug, Clone, Deserialize)]
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
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    /// Absent when the head signs in their own name.
    #[serde(default)]
    pub tham_quyen: Option<Authority>,
    /// Whom the signer signs for: "TRƯỞNG BAN" (ký thay), "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" (thay mặt).
    #[serde(default)]
    pub thay_cho: Option<Line>,
    /// The signer's own title: "PHÓ TRƯỞNG BAN".
    pub chuc_vu: Line,
    pub nguoi: Id,
}

/// A unit (phòng) of the body, as a collective candidate (`tap-the/`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Collective {
    pub ten: Line,
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
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollectiveRegistration {
    pub ngay: Date,
    /// Content areas by code ("2.1" … "2.4").
    pub noi_dung: Vec<Line>,
    pub danh_hieu: CollectiveTitle,
    /// Has registered to follow Hồ Chí Minh's example (Mục II.1.1).
    pub lam_theo_bac: bool,
    pub cam_ket: Paragraphs,
    #[serde(default)]
    pub chi_tieu: Vec<Line>,
}

/// A person (`ca-nhan/`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub ho_ten: Line,
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
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonRegistration {
    pub ngay: Date,
    pub noi_dung: Vec<Line>,
    pub danh_hieu: PersonTitle,
    pub lam_theo_bac: bool,
    pub cam_ket: Paragraphs,
    #[serde(default)]
    pub sang_kien_du_kien: Option<Paragraphs>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    pub ten: Line,
    #[serde(default)]
    pub cong_nhan: Option<Recognition>,
}

/// Recognition of an initiative by the agency's initiative council.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recognition {
    pub so: Line,
    pub ngay: Date,
    pub co_quan: Line,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisciplinaryMeasure {
    pub hinh_thuc: Discipline,
    pub ngay: Date,
    #[serde(default)]
    pub ly_do: Option<Line>,
}

/// A periodic evaluation (Mục III.2: "định kỳ tổ chức đánh giá").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// "6 tháng đầu năm", "Quý III".
    pub ky: Line,
    pub ngay: Date,
    pub ket_qua: Paragraphs,
}

/// A council meeting (`cuoc-hop/`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub loai: MeetingKind,
    #[serde(default)]
    pub so: Option<u32>,
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
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Absence {
    pub nguoi: Id,
    #[serde(default)]
    pub ly_do: Option<Line>,
    /// Written opinion sent to the meeting.
    #[serde(default)]
    pub y_kien: Option<Paragraphs>,
}

/// The vote on one candidate, as counted by the ballot committee.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    pub ung_vien: Id,
    pub phieu_phat_ra: u32,
    pub phieu_thu_ve: u32,
    pub phieu_hop_le: u32,
    pub dong_y: u32,
    /// The council's decision.
    pub duoc_chon: bool,
}

/// An award proposal (`to-trinh/`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    #[serde(default)]
    pub so: Option<u32>,
    pub ngay: Date,
    pub kinh_gui: Vec<Line>,
    /// Absent: "về việc đề nghị tặng <hình thức> …".
    #[serde(default)]
    pub trich_yeu: Option<Line>,
    /// Form of commendation: "Giấy khen của Trưởng Ban Tổ chức Tỉnh ủy".
    pub hinh_thuc: Line,
    /// The year-end meeting whose choice this proposal carries.
    pub cuoc_hop: Id,
    #[serde(default)]
    pub nguoi_ky: Option<Signer>,
    #[serde(default)]
    pub noi_nhan: Option<Vec<Line>>,
    #[serde(default)]
    pub kem_theo: Vec<Line>,
}

/// What kind of record a file holds, from where it lies in the folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Kind {
    #[serde(rename = "ke_hoach")]
    Plan,
    #[serde(rename = "tap_the")]
    Collective,
    #[serde(rename = "ca_nhan")]
    Person,
    #[serde(rename = "cuoc_hop")]
    Meeting,
    #[serde(rename = "to_trinh")]
    Proposal,
}

impl Kind {
    pub const PLAN_FILE: &'static str = "ke-hoach.yaml";

    /// The folder of each kind, below the records folder (the plan is a file).
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Plan => "",
            Kind::Collective => "tap-the",
            Kind::Person => "ca-nhan",
            Kind::Meeting => "cuoc-hop",
            Kind::Proposal => "to-trinh",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Plan => "kế hoạch",
            Kind::Collective => "tập thể",
            Kind::Person => "cá nhân",
            Kind::Meeting => "cuộc họp",
            Kind::Proposal => "tờ trình",
        }
    }
}

/// Every record of a folder, loaded and cross-checked. Maps are keyed by id;
/// every id a record names resolves (the loader guarantees it).
#[derive(Debug, Clone)]
pub struct Records {
    pub plan: Plan,
    pub collectives: BTreeMap<Id, Collective>,
    pub people: BTreeMap<Id, Person>,
    pub meetings: BTreeMap<Id, Meeting>,
    pub proposals: BTreeMap<Id, Proposal>,
    /// Each record's file, relative to the records folder.
    pub files: BTreeMap<(Kind, Id), PathBuf>,
    /// The plan's file, relative to the records folder.
    pub plan_file: PathBuf,
    /// Each file's text, to place problems found after loading.
    pub sources: BTreeMap<PathBuf, String>,
    /// Records whose file exists but could not be read, by id and kind: a
    /// document that might name them must wait for them.
    pub unreadable: BTreeMap<Id, Kind>,
}

/// A candidate: a collective or an individual.
#[derive(Debug, Clone, Copy)]
pub enum Candidate<'a> {
    Collective(&'a Id, &'a Collective),
    Person(&'a Id, &'a Person),
}

impl<'a> Candidate<'a> {
    pub fn id(&self) -> &'a Id {
        match self {
            Candidate::Collective(id, _) | Candidate::Person(id, _) => id,
        }
    }

    pub fn name(&self) -> &'a str {
        match self {
            Candidate::Collective(_, c) => c.ten.as_str(),
            Candidate::Person(_, p) => p.ho_ten.as_str(),
        }
    }

    pub fn kind(&self) -> Kind {
        match self {
            Candidate::Collective(..) => Kind::Collective,
            Candidate::Person(..) => Kind::Person,
        }
    }

    /// What both kinds of registration hold, if the candidate registered.
    pub fn registration(&self) -> Option<Registered<'a>> {
        match self {
            Candidate::Collective(_, c) => c.dang_ky.as_ref().map(|r| Registered {
                ngay: r.ngay,
                noi_dung: &r.noi_dung,
                lam_theo_bac: r.lam_theo_bac,
            }),
            Candidate::Person(_, p) => p.dang_ky.as_ref().map(|r| Registered {
                ngay: r.ngay,
                noi_dung: &r.noi_dung,
                lam_theo_bac: r.lam_theo_bac,
            }),
        }
    }

    pub fn is_registered(&self) -> bool {
        self.registration().is_some()
    }

    pub fn evaluations(&self) -> &'a [Evaluation] {
        match self {
            Candidate::Collective(_, c) => &c.danh_gia,
            Candidate::Person(_, p) => &p.danh_gia,
        }
    }
}

/// The part of a registration the rules read, whoever registered.
#[derive(Debug, Clone, Copy)]
pub struct Registered<'a> {
    pub ngay: Date,
    pub noi_dung: &'a [Line],
    pub lam_theo_bac: bool,
}

impl Records {
    pub fn candidate(&self, id: &Id) -> Option<Candidate<'_>> {
        if let Some((id, c)) = self.collectives.get_key_value(id) {
            return Some(Candidate::Collective(id, c));
        }
        self.people
            .get_key_value(id)
            .map(|(id, p)| Candidate::Person(id, p))
    }

    pub fn file_of(&self, kind: Kind, id: &Id) -> PathBuf {
        self.files
            .get(&(kind, id.clone()))
            .cloned()
            .unwrap_or_default()
    }

    /// Everyone and every phòng that registered: collectives, then people in
    /// Vietnamese name order.
    pub fn registrants(&self) -> Vec<Candidate<'_>> {
        let collectives = self
            .collectives
            .iter()
            .filter(|(_, c)| c.dang_ky.is_some())
            .map(|(id, c)| Candidate::Collective(id, c));
        let people = self
            .people
            .iter()
            .filter(|(_, p)| p.dang_ky.is_some())
            .map(|(id, p)| Candidate::Person(id, p));
        let mut people: Vec<Candidate> = people.collect();
        people.sort_by_cached_key(|p| crate::text::name_key(p.name()));
        collectives.chain(people).collect()
    }

    pub fn person_name<'a>(&'a self, id: &'a Id) -> &'a str {
        self.people
            .get(id)
            .map_or(id.as_str(), |p| p.ho_ten.as_str())
    }

    /// The leader of the Ban in charge of a phòng, if one is recorded.
    pub fn leader_in_charge(&self, unit: &Id) -> Option<(&Id, &Person)> {
        self.people
            .iter()
            .find(|(_, p)| p.phu_trach_phong.contains(unit))
    }

    /// The meetings of one kind, in order of time.
    pub fn meetings_of(&self, kind: MeetingKind) -> Vec<(&Id, &Meeting)> {
        let mut found: Vec<_> = self
            .meetings
            .iter()
            .filter(|(_, m)| m.loai == kind)
            .collect();
        found.sort_by_key(|(id, m)| (m.bat_dau, (*id).clone()));
        found
    }
}
