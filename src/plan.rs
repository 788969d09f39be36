//! Stage 3: which documents exist — one job per document, with its template,
//! the context the template reads, and exactly the records it depends on.

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime, Timelike};
use serde::Serialize;

use crate::check::chosen;
use crate::records::{Candidate, Kind, Meeting, Person, Records, Signer};
use crate::render::filters::date_words;
use crate::ruleset;
use crate::text::Id;
use crate::vocab::{Authority, Format, MeetingKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum DocKind {
    RegistrationPerson,
    RegistrationCollective,
    RegistrationList,
    Minutes,
    Proposal,
}

impl DocKind {
    pub fn template(self) -> &'static str {
        match self {
            DocKind::RegistrationPerson => "dang-ky-ca-nhan.typ.j2",
            DocKind::RegistrationCollective => "dang-ky-tap-the.typ.j2",
            DocKind::RegistrationList => "danh-sach-dang-ky.typ.j2",
            DocKind::Minutes => "bien-ban.typ.j2",
            DocKind::Proposal => "to-trinh.typ.j2",
        }
    }
}

/// One document to render.
#[derive(Debug, Clone)]
pub struct Job {
    /// Where it goes below the output folder, without `.pdf`:
    /// `2020/dang-ky/ca-nhan/ngo-van-khai`. Also its stable identity.
    pub key: String,
    pub kind: DocKind,
    /// Its date: the PDF's timestamp and Typst's `today`.
    pub date: NaiveDate,
    pub context: serde_json::Value,
    /// The ids of every record the document reads.
    pub deps: BTreeSet<Id>,
}

/// The plan's id among the dependencies.
pub fn plan_id() -> Id {
    Id("ke-hoach".into())
}

// ---- Pieces of context shared by several documents ----

#[derive(Serialize)]
struct BodyCtx<'a> {
    cap_tren: &'a str,
    ten: &'a str,
    ten_goi: &'a str,
    viet_tat: &'a str,
    dia_danh: &'a str,
}

/// What every template reads.
#[derive(Serialize)]
struct Common<'a> {
    the_thuc: &'static str,
    co_quan: BodyCtx<'a>,
    nam: i32,
    /// The plan as a document cites it: "Kế hoạch số 25-KH/BTCTU ngày …".
    ke_hoach: String,
    hoi_dong: &'a str,
    /// What closes a document's body: "./." (State) or "." (Party).
    ket: &'static str,
}

#[derive(Serialize)]
struct SignerCtx {
    /// "K/T TRƯỞNG BAN", "KT. TRƯỞNG BAN", or none when the head signs.
    tham_quyen: Option<String>,
    chuc_vu: String,
    ho_ten: String,
}

#[derive(Serialize)]
struct RecipientLine {
    sub: bool,
    text: String,
}

#[derive(Serialize)]
struct AreaCtx<'a> {
    ma: &'a str,
    ten: &'a str,
}

/// The written prefix of an authority: `K/T` (Party) or `KT.` (State).
pub fn authority_prefix(authority: Authority, format: Format) -> &'static str {
    match (format, authority) {
        (Format::Party, Authority::OnBehalf) => "T/M",
        (Format::Party, Authority::ForHead) => "K/T",
        (Format::Party, Authority::ByOrder) => "T/L",
        (Format::Party, Authority::ByDelegation) => "T/UQ",
        (Format::State, Authority::OnBehalf) => "TM.",
        (Format::State, Authority::ForHead) => "KT.",
        (Format::State, Authority::ByOrder) => "TL.",
        (Format::State, Authority::ByDelegation) => "TUQ.",
        (_, Authority::Acting) => "Q.",
    }
}

fn upper(s: &str) -> String {
    s.to_uppercase()
}

fn signer_ctx(records: &Records, signer: &Signer) -> SignerCtx {
    let format = records.plan.the_thuc;
    SignerCtx {
        tham_quyen: signer.tham_quyen.map(|a| {
            let whom = signer
                .thay_cho
                .as_ref()
                .map_or(String::new(), |w| upper(w.as_str()));
            format!("{} {whom}", authority_prefix(a, format))
                .trim()
                .to_owned()
        }),
        chuc_vu: upper(signer.chuc_vu.as_str()),
        ho_ten: records.person_name(&signer.nguoi).to_owned(),
    }
}

/// "Nơi nhận" lines with their punctuation: Party "- …," State "- …;",
/// the last ending "."; a line ending ":" keeps it; "+ …" is a sub-item.
fn recipient_lines(items: &[crate::text::Line], format: Format) -> Vec<RecipientLine> {
    let sep = if format == Format::State { ";" } else { "," };
    let n = items.len();
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let raw = item.as_str();
            let (sub, body) = match raw.strip_prefix('+') {
                Some(rest) => (true, rest.trim()),
                None => (false, raw.trim_start_matches('-').trim()),
            };
            let body = body.trim_end_matches([',', ';', '.']);
            let end = if body.ends_with(':') {
                ""
            } else if i + 1 == n {
                "."
            } else {
                sep
            };
            RecipientLine {
                sub,
                text: format!("{} {body}{end}", if sub { "+" } else { "-" }),
            }
        })
        .collect()
}

fn ending(format: Format) -> &'static str {
    match format {
        Format::State => "./.",
        Format::Party => ".",
    }
}

/// The plan as cited: "Kế hoạch số 25-KH/BTCTU ngày 20/02/2020 của Ban Tổ
/// chức Tỉnh ủy về xây dựng …"; number and date only when known.
fn plan_citation(records: &Records) -> String {
    let plan = &records.plan;
    let mut s = String::from("Kế hoạch");
    if let Some(n) = plan.so {
        let number = match plan.the_thuc {
            Format::Party => format!(" số {n:02}-KH/{}", plan.co_quan.viet_tat),
            Format::State => format!(" số {n:02}/KH-{}", plan.co_quan.viet_tat),
        };
        s.push_str(&number);
    }
    if let Some(d) = plan.ngay {
        s.push_str(&format!(" ngày {}", d.0.format("%d/%m/%Y")));
    }
    s.push_str(&format!(
        " của {} về {}",
        plan.co_quan.ten_goi, plan.trich_yeu
    ));
    s
}

fn common(records: &Records) -> Common<'_> {
    let plan = &records.plan;
    Common {
        the_thuc: plan.the_thuc.code(),
        co_quan: BodyCtx {
            cap_tren: plan.co_quan.cap_tren.as_str(),
            ten: plan.co_quan.ten.as_str(),
            ten_goi: plan.co_quan.ten_goi.as_str(),
            viet_tat: plan.co_quan.viet_tat.as_str(),
            dia_danh: plan.co_quan.dia_danh.as_str(),
        },
        nam: plan.nam,
        ke_hoach: plan_citation(records),
        hoi_dong: plan.hoi_dong.ten.as_str(),
        ket: ending(plan.the_thuc),
    }
}

fn areas<'a>(records: &'a Records, codes: &[crate::text::Line]) -> Vec<AreaCtx<'a>> {
    codes
        .iter()
        .filter_map(|code| records.plan.noi_dung.iter().find(|a| a.ma == *code))
        .map(|a| AreaCtx {
            ma: a.ma.as_str(),
            ten: a.ten.as_str(),
        })
        .collect()
}

fn unit_name<'a>(records: &'a Records, person: &'a Person) -> Option<&'a str> {
    person
        .don_vi
        .as_ref()
        .and_then(|u| records.collectives.get(u))
        .map(|c| c.ten.as_str())
}

/// The title a unit's head holds there, from their recorded position: the
/// head of a phòng is "Trưởng phòng", of the Văn phòng "Chánh Văn phòng".
/// A position with further duties ("Chánh Văn phòng, Bí thư Chi bộ") gives
/// its first part.
fn head_title(head: &Person) -> String {
    head.chuc_vu
        .as_str()
        .split(',')
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned()
}

fn head_title_of(records: &Records, unit: &crate::records::Collective) -> String {
    records
        .people
        .get(&unit.truong_phong)
        .map_or_else(|| "Trưởng phòng".to_owned(), head_title)
}

/// "Trưởng phòng, Phòng Tổ chức cán bộ"; a Ban leader has no phòng.
fn position(records: &Records, person: &Person) -> String {
    match unit_name(records, person) {
        Some(unit) => format!("{}, {unit}", person.chuc_vu),
        None => person.chuc_vu.to_string(),
    }
}

/// A person's id and, if any, their phòng's: what a line naming them reads.
fn person_deps(id: &Id, person: &Person) -> Vec<Id> {
    std::iter::once(id.clone())
        .chain(person.don_vi.clone())
        .collect()
}

fn to_json<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

fn job(
    kind: DocKind,
    key: String,
    date: NaiveDate,
    context: serde_json::Value,
    deps: impl IntoIterator<Item = Id>,
) -> Job {
    let mut deps: BTreeSet<Id> = deps.into_iter().collect();
    deps.insert(plan_id());
    Job {
        key,
        kind,
        date,
        context,
        deps,
    }
}

// ---- Registration forms ----

#[derive(Serialize)]
struct Confirmer {
    chuc_danh: String,
    ho_ten: String,
}

#[derive(Serialize)]
struct PersonForm<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    ngay: NaiveDate,
    ho_ten: &'a str,
    nam_sinh: Option<u32>,
    chuc_vu: &'a str,
    don_vi: String,
    noi_dung: Vec<AreaCtx<'a>>,
    danh_hieu: &'static str,
    lam_theo_bac: bool,
    cam_ket: &'a str,
    sang_kien_du_kien: Option<&'a str>,
    xac_nhan: Option<Confirmer>,
}

/// Who confirms a person's registration: the head of their phòng, or, for
/// the head, the Ban leader in charge of the phòng.
fn confirmer<'a>(
    records: &'a Records,
    id: &Id,
    person: &Person,
) -> Option<(&'a Id, &'a Person, String)> {
    let unit_id = person.don_vi.as_ref()?;
    let unit = records.collectives.get(unit_id)?;
    if &unit.truong_phong != id {
        let (hid, head) = records.people.get_key_value(&unit.truong_phong)?;
        return Some((
            hid,
            head,
            format!("XÁC NHẬN CỦA {}", upper(&head_title(head))),
        ));
    }
    records
        .leader_in_charge(unit_id)
        .map(|(lid, leader)| (lid, leader, "XÁC NHẬN CỦA LÃNH ĐẠO BAN PHỤ TRÁCH".into()))
}

fn person_form(records: &Records, id: &Id, person: &Person) -> Option<Job> {
    let reg = person.dang_ky.as_ref()?;
    let confirm = confirmer(records, id, person);
    let mut deps = person_deps(id, person);
    if let Some((cid, _, _)) = &confirm {
        deps.push((*cid).clone());
    }
    let ctx = PersonForm {
        common: common(records),
        ngay: reg.ngay.0,
        ho_ten: person.ho_ten.as_str(),
        nam_sinh: person.nam_sinh,
        chuc_vu: person.chuc_vu.as_str(),
        don_vi: unit_name(records, person)
            .map_or_else(|| records.plan.co_quan.ten_goi.to_string(), str::to_owned),
        noi_dung: areas(records, &reg.noi_dung),
        danh_hieu: reg.danh_hieu.label(),
        lam_theo_bac: reg.lam_theo_bac,
        cam_ket: reg.cam_ket.as_str(),
        sang_kien_du_kien: reg.sang_kien_du_kien.as_ref().map(|s| s.as_str()),
        xac_nhan: confirm.map(|(_, p, title)| Confirmer {
            chuc_danh: title,
            ho_ten: p.ho_ten.to_string(),
        }),
    };
    let key = format!("{}/dang-ky/ca-nhan/{id}", records.plan.nam);
    Some(job(
        DocKind::RegistrationPerson,
        key,
        reg.ngay.0,
        to_json(&ctx),
        deps,
    ))
}

#[derive(Serialize)]
struct CollectiveForm<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    ngay: NaiveDate,
    ten: &'a str,
    so_thanh_vien: u32,
    /// The head's title in the unit: "Trưởng phòng", "Chánh Văn phòng".
    chuc_danh_truong: String,
    truong_phong: String,
    noi_dung: Vec<AreaCtx<'a>>,
    danh_hieu: &'static str,
    lam_theo_bac: bool,
    cam_ket: &'a str,
    chi_tieu: Vec<&'a str>,
    xac_nhan: Option<Confirmer>,
}

fn collective_form(records: &Records, id: &Id, c: &crate::records::Collective) -> Option<Job> {
    let reg = c.dang_ky.as_ref()?;
    let leader = records.leader_in_charge(id);
    let mut deps = vec![id.clone(), c.truong_phong.clone()];
    deps.extend(leader.map(|(lid, _)| lid.clone()));
    let ctx = CollectiveForm {
        common: common(records),
        ngay: reg.ngay.0,
        ten: c.ten.as_str(),
        so_thanh_vien: c.so_thanh_vien,
        chuc_danh_truong: head_title_of(records, c),
        truong_phong: records.person_name(&c.truong_phong).to_owned(),
        noi_dung: areas(records, &reg.noi_dung),
        danh_hieu: reg.danh_hieu.label(),
        lam_theo_bac: reg.lam_theo_bac,
        cam_ket: reg.cam_ket.as_str(),
        chi_tieu: reg.chi_tieu.iter().map(|s| s.as_str()).collect(),
        xac_nhan: leader.map(|(_, p)| Confirmer {
            chuc_danh: "XÁC NHẬN CỦA LÃNH ĐẠO BAN PHỤ TRÁCH".into(),
            ho_ten: p.ho_ten.to_string(),
        }),
    };
    let key = format!("{}/dang-ky/tap-the/{id}", records.plan.nam);
    Some(job(
        DocKind::RegistrationCollective,
        key,
        reg.ngay.0,
        to_json(&ctx),
        deps,
    ))
}

// ---- Registration list ----

#[derive(Serialize)]
struct ListRow {
    ten: String,
    chuc_vu_don_vi: String,
    noi_dung: String,
    danh_hieu: &'static str,
}

#[derive(Serialize)]
struct ListDoc<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    ngay: NaiveDate,
    tap_the: Vec<ListRow>,
    ca_nhan: Vec<ListRow>,
    nguoi_ky: SignerCtx,
}

fn registration_list(records: &Records) -> Option<Job> {
    let registrants = records.registrants();
    let last = registrants
        .iter()
        .filter_map(|c| c.registration().map(|r| r.ngay.0))
        .max()?;
    // The list goes to the council before it selects: dated the day of the
    // first selection meeting, or of the last registration without one.
    let date = records
        .meetings_of(MeetingKind::Selection)
        .first()
        .map_or(last, |(_, m)| m.bat_dau.0.date());
    let mut deps: Vec<Id> = vec![records.plan.nguoi_ky.nguoi.clone()];
    let codes = |areas: &[crate::text::Line]| {
        areas
            .iter()
            .map(|a| a.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut tap_the = Vec::new();
    let mut ca_nhan = Vec::new();
    for c in &registrants {
        match c {
            Candidate::Collective(id, x) => {
                deps.push((*id).clone());
                let reg = x.dang_ky.as_ref()?;
                tap_the.push(ListRow {
                    ten: x.ten.to_string(),
                    chuc_vu_don_vi: format!(
                        "{}: {}",
                        head_title_of(records, x),
                        records.person_name(&x.truong_phong)
                    ),
                    noi_dung: codes(&reg.noi_dung),
                    danh_hieu: reg.danh_hieu.label(),
                });
                deps.push(x.truong_phong.clone());
            }
            Candidate::Person(id, x) => {
                deps.extend(person_deps(id, x));
                let reg = x.dang_ky.as_ref()?;
                ca_nhan.push(ListRow {
                    ten: x.ho_ten.to_string(),
                    chuc_vu_don_vi: position(records, x),
                    noi_dung: codes(&reg.noi_dung),
                    danh_hieu: reg.danh_hieu.label(),
                });
            }
        }
    }
    // A phòng or person whose file could not be read may have registered:
    // the list waits for them rather than leave anyone out.
    deps.extend(
        records
            .unreadable
            .iter()
            .filter(|(_, kind)| matches!(kind, Kind::Person | Kind::Collective))
            .map(|(id, _)| id.clone()),
    );
    let ctx = ListDoc {
        common: common(records),
        ngay: date,
        tap_the,
        ca_nhan,
        nguoi_ky: signer_ctx(records, &records.plan.nguoi_ky),
    };
    let key = format!("{}/dang-ky/danh-sach", records.plan.nam);
    let deps_meeting = records
        .meetings_of(MeetingKind::Selection)
        .first()
        .map(|(id, _)| (*id).clone());
    Some(job(
        DocKind::RegistrationList,
        key,
        date,
        to_json(&ctx),
        deps.into_iter().chain(deps_meeting),
    ))
}

// ---- Minutes ----

#[derive(Serialize)]
struct MemberLine {
    ho_ten: String,
    mo_ta: String,
}

#[derive(Serialize)]
struct AbsentLine {
    ho_ten: String,
    ly_do: Option<String>,
    y_kien: Option<String>,
}

#[derive(Serialize)]
struct VoteRow {
    ten: String,
    tap_the: bool,
    phieu_phat_ra: u32,
    phieu_hop_le: u32,
    dong_y: u32,
    duoc_chon: bool,
}

#[derive(Serialize)]
struct EvaluationBlock {
    ten: String,
    danh_gia: Vec<(String, NaiveDate, String)>,
}

#[derive(Serialize)]
struct MinutesDoc<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    so: Option<u32>,
    ngay: NaiveDate,
    cuoi_nam: bool,
    trich_yeu: String,
    bat_dau: String,
    ket_thuc: String,
    dia_diem: &'a str,
    tong_so: u32,
    co_mat: Vec<MemberLine>,
    vang_mat: Vec<AbsentLine>,
    chu_tri: MemberLine,
    thu_ky: MemberLine,
    chu_tri_nhan: &'static str,
    nguong: String,
    danh_gia: Vec<EvaluationBlock>,
    bieu_quyet: Vec<VoteRow>,
    duoc_chon_tap_the: Vec<String>,
    duoc_chon_ca_nhan: Vec<String>,
    ket_luan: Option<&'a str>,
}

/// "08 giờ 00 phút, ngày 10 tháng 3 năm 2020".
fn moment_words(t: NaiveDateTime) -> String {
    format!(
        "{:02} giờ {:02} phút, {}",
        t.hour(),
        t.minute(),
        date_words(t.date())
    )
}

fn member_line(records: &Records, id: &Id) -> MemberLine {
    let role = records
        .plan
        .hoi_dong
        .thanh_vien
        .iter()
        .find(|m| &m.nguoi == id)
        .map(|m| m.vai_tro.label());
    let person = records.people.get(id);
    let mut parts: Vec<String> = Vec::new();
    if let Some(p) = person {
        parts.push(position(records, p));
    }
    parts.extend(role.map(str::to_owned));
    MemberLine {
        ho_ten: records.person_name(id).to_owned(),
        mo_ta: parts.join(", "),
    }
}

/// The subject in the format's case: Party "về việc …"/"họp …" lower case,
/// State capitalised.
fn subject_case(format: Format, text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let first: String = match format {
        Format::Party => first.to_lowercase().collect(),
        Format::State => first.to_uppercase().collect(),
    };
    first + chars.as_str()
}

fn minutes(records: &Records, id: &Id, m: &Meeting) -> Job {
    let plan = &records.plan;
    let year_end = m.loai == MeetingKind::YearEnd;
    let mut deps: Vec<Id> = vec![id.clone()];
    let absent: Vec<&Id> = m.vang_mat.iter().map(|a| &a.nguoi).collect();
    let co_mat: Vec<MemberLine> = plan
        .hoi_dong
        .thanh_vien
        .iter()
        .filter(|mem| !absent.contains(&&mem.nguoi))
        .map(|mem| {
            deps.extend(
                records
                    .people
                    .get(&mem.nguoi)
                    .map_or(vec![mem.nguoi.clone()], |p| person_deps(&mem.nguoi, p)),
            );
            member_line(records, &mem.nguoi)
        })
        .collect();
    let vang_mat = m
        .vang_mat
        .iter()
        .map(|a| {
            deps.push(a.nguoi.clone());
            AbsentLine {
                ho_ten: records.person_name(&a.nguoi).to_owned(),
                ly_do: a.ly_do.as_ref().map(|s| s.to_string()),
                y_kien: a.y_kien.as_ref().map(|s| s.to_string()),
            }
        })
        .collect();
    let mut bieu_quyet = Vec::new();
    let mut danh_gia = Vec::new();
    for v in &m.bieu_quyet {
        // Named by the vote even when its record could not be read.
        deps.push(v.ung_vien.clone());
        let Some(c) = records.candidate(&v.ung_vien) else {
            continue;
        };
        bieu_quyet.push(VoteRow {
            ten: c.name().to_owned(),
            tap_the: c.kind() == Kind::Collective,
            phieu_phat_ra: v.phieu_phat_ra,
            phieu_hop_le: v.phieu_hop_le,
            dong_y: v.dong_y,
            duoc_chon: v.duoc_chon,
        });
        let evaluations = c.evaluations();
        if year_end && !evaluations.is_empty() {
            danh_gia.push(EvaluationBlock {
                ten: c.name().to_owned(),
                danh_gia: evaluations
                    .iter()
                    .map(|e| (e.ky.to_string(), e.ngay.0, e.ket_qua.to_string()))
                    .collect(),
            });
        }
    }
    let picked = chosen(records, m);
    let names = |kind: Kind| {
        picked
            .iter()
            .filter(|c| c.kind() == kind)
            .map(|c| c.name().to_owned())
            .collect()
    };
    let subject = if year_end {
        format!(
            "họp {} bình xét tập thể, cá nhân điển hình tiên tiến năm {}",
            plan.hoi_dong.ten, plan.nam
        )
    } else {
        format!(
            "họp {} lựa chọn tập thể, cá nhân xây dựng điển hình tiên tiến năm {}",
            plan.hoi_dong.ten, plan.nam
        )
    };
    let threshold = ruleset::threshold(plan, m.bat_dau.0.date());
    let ctx = MinutesDoc {
        common: common(records),
        so: m.so,
        ngay: m.bat_dau.0.date(),
        cuoi_nam: year_end,
        trich_yeu: subject_case(plan.the_thuc, &subject),
        bat_dau: moment_words(m.bat_dau.0),
        ket_thuc: moment_words(m.ket_thuc.0),
        dia_diem: m.dia_diem.as_str(),
        tong_so: plan.hoi_dong.thanh_vien.len() as u32,
        co_mat,
        vang_mat,
        chu_tri: member_line(records, &m.chu_tri),
        thu_ky: member_line(records, &m.thu_ky),
        chu_tri_nhan: if plan.the_thuc == Format::State {
            "CHỦ TỌA"
        } else {
            "CHỦ TRÌ"
        },
        nguong: threshold.describe(),
        danh_gia,
        bieu_quyet,
        duoc_chon_tap_the: names(Kind::Collective),
        duoc_chon_ca_nhan: names(Kind::Person),
        ket_luan: m.ket_luan.as_ref().map(|s| s.as_str()),
    };
    let key = format!("{}/bien-ban/{id}", plan.nam);
    job(
        DocKind::Minutes,
        key,
        m.bat_dau.0.date(),
        to_json(&ctx),
        deps,
    )
}

// ---- Proposal ----

#[derive(Serialize)]
struct ProposedRow {
    ten: String,
    chuc_vu_don_vi: String,
    thanh_tich: String,
}

#[derive(Serialize)]
struct ProposalDoc<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    so: Option<u32>,
    ngay: NaiveDate,
    trich_yeu: String,
    kinh_gui: Vec<&'a str>,
    can_cu: Vec<String>,
    lua_chon: Option<(NaiveDate, u32, u32)>,
    binh_xet: (NaiveDate, u32, u32),
    hinh_thuc: &'a str,
    tap_the: Vec<ProposedRow>,
    ca_nhan: Vec<ProposedRow>,
    kem_theo: Vec<&'a str>,
    nguoi_ky: SignerCtx,
    noi_nhan: Vec<RecipientLine>,
}

fn proposal(records: &Records, id: &Id, p: &crate::records::Proposal) -> Option<Job> {
    let plan = &records.plan;
    let meeting = records.meetings.get(&p.cuoc_hop)?;
    let signer = p.nguoi_ky.as_ref().unwrap_or(&plan.nguoi_ky);
    let mut deps: Vec<Id> = vec![id.clone(), p.cuoc_hop.clone(), signer.nguoi.clone()];
    // Those the meeting chose, including any whose record could not be read.
    deps.extend(
        meeting
            .bieu_quyet
            .iter()
            .filter(|v| v.duoc_chon)
            .map(|v| v.ung_vien.clone()),
    );
    let counts = |m: &Meeting| {
        let picked = chosen(records, m);
        let n = |k: Kind| picked.iter().filter(|c| c.kind() == k).count() as u32;
        (m.bat_dau.0.date(), n(Kind::Collective), n(Kind::Person))
    };
    let selection = records
        .meetings_of(MeetingKind::Selection)
        .into_iter()
        .next();
    if let Some((sid, _)) = selection {
        deps.push(sid.clone());
    }
    let mut tap_the = Vec::new();
    let mut ca_nhan = Vec::new();
    for c in chosen(records, meeting) {
        match c {
            Candidate::Collective(cid, x) => {
                deps.push(cid.clone());
                tap_the.push(ProposedRow {
                    ten: x.ten.to_string(),
                    chuc_vu_don_vi: plan.co_quan.ten_goi.to_string(),
                    thanh_tich: x
                        .thanh_tich
                        .as_ref()
                        .map_or(String::new(), |t| t.to_string()),
                });
            }
            Candidate::Person(pid, x) => {
                deps.extend(person_deps(pid, x));
                ca_nhan.push(ProposedRow {
                    ten: x.ho_ten.to_string(),
                    chuc_vu_don_vi: position(records, x),
                    thanh_tich: x
                        .thanh_tich
                        .as_ref()
                        .map_or(String::new(), |t| t.to_string()),
                });
            }
        }
    }
    let mut can_cu: Vec<String> = ruleset::legal_bases(plan, p.ngay.0);
    can_cu.push(format!("Căn cứ {}", plan_citation(records)));
    can_cu.push(format!(
        "Căn cứ Biên bản họp {} ngày {}",
        plan.hoi_dong.ten,
        meeting.bat_dau.0.date().format("%d/%m/%Y")
    ));
    let subject = p.trich_yeu.as_ref().map_or_else(
        || {
            format!(
                "về việc đề nghị tặng {} cho tập thể, cá nhân điển hình tiên tiến năm {}",
                p.hinh_thuc, plan.nam
            )
        },
        |s| s.to_string(),
    );
    let recipients = p.noi_nhan.as_ref().unwrap_or(&plan.noi_nhan);
    let ctx = ProposalDoc {
        common: common(records),
        so: p.so,
        ngay: p.ngay.0,
        trich_yeu: subject_case(plan.the_thuc, &subject),
        kinh_gui: p.kinh_gui.iter().map(|k| k.as_str()).collect(),
        can_cu,
        lua_chon: selection.map(|(_, m)| counts(m)),
        binh_xet: counts(meeting),
        hinh_thuc: p.hinh_thuc.as_str(),
        tap_the,
        ca_nhan,
        kem_theo: p.kem_theo.iter().map(|k| k.as_str()).collect(),
        nguoi_ky: signer_ctx(records, signer),
        noi_nhan: recipient_lines(recipients, plan.the_thuc),
    };
    let key = format!("{}/to-trinh/{id}", plan.nam);
    Some(job(DocKind::Proposal, key, p.ngay.0, to_json(&ctx), deps))
}

/// Every document the records call for, in a stable order.
pub fn plan(records: &Records) -> Vec<Job> {
    let mut jobs = Vec::new();
    jobs.extend(
        records
            .collectives
            .iter()
            .filter_map(|(id, c)| collective_form(records, id, c)),
    );
    jobs.extend(
        records
            .people
            .iter()
            .filter_map(|(id, p)| person_form(records, id, p)),
    );
    jobs.extend(registration_list(records));
    jobs.extend(
        records
            .meetings
            .iter()
            .map(|(id, m)| minutes(records, id, m)),
    );
    jobs.extend(
        records
            .proposals
            .iter()
            .filter_map(|(id, p)| proposal(records, id, p)),
    );
    jobs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Line;

    #[test]
    fn authority_prefixes_by_format() {
        assert_eq!(authority_prefix(Authority::ForHead, Format::Party), "K/T");
        assert_eq!(authority_prefix(Authority::OnBehalf, Format::Party), "T/M");
        assert_eq!(authority_prefix(Authority::ForHead, Format::State), "KT.");
        assert_eq!(authority_prefix(Authority::OnBehalf, Format::State), "TM.");
    }

    #[test]
    fn recipients_take_the_formats_punctuation() {
        let items: Vec<Line> = [
            "Hội đồng TĐ-KT tỉnh",
            "BTCTU:",
            "+ Lãnh đạo Ban",
            "+ Lưu Văn thư, TCĐ-ĐV",
        ]
        .into_iter()
        .map(Line::from)
        .collect();
        let party: Vec<String> = recipient_lines(&items, Format::Party)
            .into_iter()
            .map(|l| l.text)
            .collect();
        assert_eq!(
            party,
            [
                "- Hội đồng TĐ-KT tỉnh,",
                "- BTCTU:",
                "+ Lãnh đạo Ban,",
                "+ Lưu Văn thư, TCĐ-ĐV."
            ]
        );
        let state: Vec<String> = recipient_lines(&items, Format::State)
            .into_iter()
            .map(|l| l.text)
            .collect();
        assert_eq!(
            state,
            [
                "- Hội đồng TĐ-KT tỉnh;",
                "- BTCTU:",
                "+ Lãnh đạo Ban;",
                "+ Lưu Văn thư, TCĐ-ĐV."
            ]
        );
    }

    #[test]
    fn subjects_take_the_formats_case() {
        assert_eq!(
            subject_case(Format::Party, "Về việc đề nghị"),
            "về việc đề nghị"
        );
        assert_eq!(
            subject_case(Format::State, "về việc đề nghị"),
            "Về việc đề nghị"
        );
    }
}
