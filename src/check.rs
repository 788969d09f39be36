//! Stage 2: the plan's criteria as rules, each with a stable id and the
//! section it comes from, applied per candidate and per stage. Pure functions
//! of the records: no I/O.

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::locate::locate;
use crate::problem::Problem;
use crate::records::{Candidate, Collective, Kind, Meeting, Person, Quota, Records};
use crate::ruleset;
use crate::text::Id;
use crate::vocab::MeetingKind;

/// A rule of the plan or of the law.
#[derive(Debug, Serialize)]
pub struct Rule {
    #[serde(rename = "ma")]
    pub id: &'static str,
    /// Where it comes from, as a clerk cites it.
    #[serde(rename = "nguon")]
    pub citation: &'static str,
    /// What it asks, in a few words.
    #[serde(rename = "noi_dung")]
    pub summary: &'static str,
}

pub const RULES: &[Rule] = &[
    Rule {
        id: "CHUNG-1",
        citation: "Mục II.1.1",
        summary: "đăng ký học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    },
    Rule {
        id: "ND-1",
        citation: "Mục II.2",
        summary: "chọn ít nhất một nội dung điển hình tiên tiến",
    },
    Rule {
        id: "QT-1",
        citation: "Mục III.2",
        summary: "đăng ký từ đầu năm, trong năm của kế hoạch và đúng hạn",
    },
    Rule {
        id: "TT-1",
        citation: "Mục II.1.2",
        summary: "tập thể đạt danh hiệu tối thiểu của kế hoạch",
    },
    Rule {
        id: "CN-1",
        citation: "Mục II.1.3",
        summary: "xếp loại hoàn thành xuất sắc nhiệm vụ",
    },
    Rule {
        id: "CN-2",
        citation: "Mục II.1.3",
        summary: "có sáng kiến được Hội đồng sáng kiến cơ quan công nhận",
    },
    Rule {
        id: "CN-3",
        citation: "Mục II.1.3",
        summary: "lãnh đạo phụ trách phòng: phòng đạt Tập thể lao động tiên tiến trở lên",
    },
    Rule {
        id: "KL-1",
        citation: "pháp luật về thi đua, khen thưởng",
        summary: "không bị kỷ luật trong năm",
    },
    Rule {
        id: "QT-2",
        citation: "Mục III.3",
        summary: "lựa chọn không quá chỉ tiêu, chỉ trong số đã đăng ký",
    },
    Rule {
        id: "QT-3",
        citation: "Mục III.3",
        summary: "bình xét cuối năm không quá chỉ tiêu, chỉ trong số đã được lựa chọn",
    },
    Rule {
        id: "QT-4",
        citation: "quy chế làm việc của Hội đồng; pháp luật về thi đua, khen thưởng",
        summary: "số phiếu hợp lệ, đủ số thành viên dự họp, đạt ngưỡng đồng ý",
    },
];

pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Stage {
    #[serde(rename = "dang_ky")]
    Registration,
    #[serde(rename = "lua_chon")]
    Selection,
    #[serde(rename = "cuoi_nam")]
    YearEnd,
    #[serde(rename = "de_nghi")]
    Proposal,
}

impl Stage {
    pub fn title(self) -> &'static str {
        match self {
            Stage::Registration => "ĐĂNG KÝ ĐẦU NĂM",
            Stage::Selection => "LỰA CHỌN ĐIỂN HÌNH TIÊN TIẾN",
            Stage::YearEnd => "BÌNH XÉT CUỐI NĂM",
            Stage::Proposal => "ĐỀ NGHỊ KHEN THƯỞNG",
        }
    }

    /// The rules a candidate of `kind` must meet at this stage. A registration
    /// is valid without the year-end results (the person plans an initiative);
    /// the year-end choice and the proposal need them all.
    pub fn rules(self, kind: Kind) -> &'static [&'static str] {
        match (self, kind) {
            (Stage::Registration | Stage::Selection, _) => &["CHUNG-1", "ND-1", "QT-1"],
            (_, Kind::Collective) => &["CHUNG-1", "ND-1", "QT-1", "TT-1"],
            _ => &["CHUNG-1", "ND-1", "QT-1", "CN-1", "CN-2", "CN-3", "KL-1"],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "ket_qua", content = "ly_do", rename_all = "snake_case")]
pub enum Verdict {
    Dat,
    /// Failed, with the reason in a clerk's words; the rule's citation is
    /// added wherever the reason is shown.
    KhongDat(String),
    KhongApDung,
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleResult {
    #[serde(rename = "tieu_chi")]
    pub rule: &'static str,
    #[serde(flatten)]
    pub verdict: Verdict,
}

#[derive(Debug, Clone, Serialize)]
pub struct VoteFigures {
    pub dong_y: u32,
    pub tong_so_thanh_vien: u32,
    /// Per thousand of the whole membership, so JSON stays exact.
    pub phan_nghin: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct CandidateRow {
    pub id: Id,
    pub ten: String,
    pub loai: Kind,
    pub tep: PathBuf,
    /// The council's decision, where the candidate was voted on.
    pub duoc_chon: Option<bool>,
    pub phieu: Option<VoteFigures>,
    pub tieu_chi: Vec<RuleResult>,
}

impl CandidateRow {
    pub fn failures(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.tieu_chi.iter().filter_map(|r| match &r.verdict {
            Verdict::KhongDat(why) => Some((r.rule, why.as_str())),
            _ => None,
        })
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct StageReport {
    pub giai_doan: Stage,
    /// The meeting or proposal the stage rests on.
    pub ban_ghi: Option<Id>,
    pub tep: Option<PathBuf>,
    pub ngay: Option<NaiveDate>,
    pub ung_vien: Vec<CandidateRow>,
    /// Rules about the council's decision as a whole (QT-2, QT-3, QT-4).
    pub quyet_dinh: Vec<RuleResult>,
}

/// A council decision the rules do not support: an error in its file.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionError {
    #[serde(rename = "tieu_chi")]
    pub rule: &'static str,
    #[serde(rename = "ung_vien")]
    pub candidate: Option<Id>,
    #[serde(flatten)]
    pub problem: Problem,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub giai_doan: Vec<StageReport>,
    pub loi_quyet_dinh: Vec<DecisionError>,
}

fn date_vi(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn chung_1(c: &Candidate) -> Verdict {
    match c.registration().map(|r| r.lam_theo_bac) {
        Some(true) => Verdict::Dat,
        Some(false) => Verdict::KhongDat(
            "chưa đăng ký làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh".into(),
        ),
        None => Verdict::KhongDat("chưa có bản đăng ký".into()),
    }
}

fn nd_1(c: &Candidate) -> Verdict {
    match c.registration().map(|r| r.noi_dung.len()) {
        Some(n) if n > 0 => Verdict::Dat,
        Some(_) => {
            Verdict::KhongDat("bản đăng ký chưa chọn nội dung điển hình tiên tiến nào".into())
        }
        None => Verdict::KhongDat("chưa có bản đăng ký".into()),
    }
}

fn qt_1(records: &Records, c: &Candidate) -> Verdict {
    let plan = &records.plan;
    match c.registration().map(|r| r.ngay.0) {
        None => Verdict::KhongDat("chưa có bản đăng ký".into()),
        Some(d) if d.year() != plan.nam => Verdict::KhongDat(format!(
            "ngày đăng ký {} không thuộc năm {} của kế hoạch",
            date_vi(d),
            plan.nam
        )),
        Some(d) => match plan.han_dang_ky {
            Some(deadline) if d > deadline.0 => Verdict::KhongDat(format!(
                "đăng ký ngày {}, sau hạn {}",
                date_vi(d),
                date_vi(deadline.0)
            )),
            _ => Verdict::Dat,
        },
    }
}

fn tt_1(records: &Records, x: &Collective) -> Verdict {
    let wanted = records.plan.tieu_chuan.danh_hieu_toi_thieu_phong;
    match x.danh_hieu_dat_duoc {
        Some(t) if t >= wanted => Verdict::Dat,
        Some(t) => Verdict::KhongDat(format!(
            "danh hiệu cuối năm là {}, chưa đạt {}",
            t.label(),
            wanted.label()
        )),
        None => Verdict::KhongDat(format!(
            "chưa có danh hiệu cuối năm năm {}",
            records.plan.nam
        )),
    }
}

fn cn_1(records: &Records, x: &Person) -> Verdict {
    let wanted = records.plan.tieu_chuan.xep_loai_toi_thieu;
    match x.xep_loai {
        Some(r) if r >= wanted => Verdict::Dat,
        Some(r) => Verdict::KhongDat(format!(
            "xếp loại {}, chưa đạt {}",
            r.label(),
            wanted.label()
        )),
        None => Verdict::KhongDat(format!("chưa có xếp loại năm {}", records.plan.nam)),
    }
}

fn cn_2(records: &Records, x: &Person) -> Verdict {
    let wanted = records.plan.tieu_chuan.so_sang_kien_toi_thieu;
    let recognised = x.sang_kien.iter().filter(|s| s.cong_nhan.is_some()).count() as u32;
    if recognised >= wanted {
        Verdict::Dat
    } else if recognised == 0 {
        let pending = if x.sang_kien.is_empty() {
            ""
        } else {
            " (sáng kiến đã có chưa được công nhận)"
        };
        Verdict::KhongDat(format!(
            "chưa có sáng kiến được Hội đồng sáng kiến công nhận{pending}"
        ))
    } else {
        Verdict::KhongDat(format!(
            "có {recognised} sáng kiến được công nhận, kế hoạch yêu cầu ít nhất {wanted:02}"
        ))
    }
}

/// The phòng a person answers for: the one they head and those they are in charge of.
pub fn units_led<'a>(
    records: &'a Records,
    id: &Id,
    x: &'a Person,
) -> Vec<(&'a Id, &'a Collective)> {
    let mut led: BTreeSet<&Id> = x.phu_trach_phong.iter().collect();
    led.extend(
        records
            .collectives
            .iter()
            .filter(|(_, c)| &c.truong_phong == id)
            .map(|(cid, _)| cid),
    );
    led.into_iter()
        .filter_map(|cid| records.collectives.get_key_value(cid))
        .collect()
}

fn cn_3(records: &Records, id: &Id, x: &Person) -> Verdict {
    let wanted = records.plan.tieu_chuan.danh_hieu_toi_thieu_phong;
    let led = units_led(records, id, x);
    if led.is_empty() {
        return Verdict::KhongApDung;
    }
    let short: Vec<String> = led
        .iter()
        .filter(|(_, c)| c.danh_hieu_dat_duoc.is_none_or(|t| t < wanted))
        .map(|(_, c)| match c.danh_hieu_dat_duoc {
            Some(t) => format!("{} chỉ đạt {}", c.ten, t.label()),
            None => format!("{} chưa có danh hiệu cuối năm", c.ten),
        })
        .collect();
    if short.is_empty() {
        Verdict::Dat
    } else {
        Verdict::KhongDat(format!(
            "là lãnh đạo phụ trách phòng nhưng {}; cần {} trở lên",
            short.join("; "),
            wanted.label()
        ))
    }
}

fn kl_1(records: &Records, x: &Person) -> Verdict {
    match x
        .ky_luat
        .iter()
        .find(|k| k.ngay.0.year() == records.plan.nam)
    {
        None => Verdict::Dat,
        Some(k) => Verdict::KhongDat(format!(
            "bị kỷ luật {} ngày {}",
            k.hinh_thuc.label(),
            date_vi(k.ngay.0)
        )),
    }
}

/// Every rule of `stage` for one candidate.
pub fn evaluate(records: &Records, c: &Candidate, stage: Stage) -> Vec<RuleResult> {
    stage
        .rules(c.kind())
        .iter()
        .map(|&rule| {
            let verdict = match (rule, c) {
                ("CHUNG-1", _) => chung_1(c),
                ("ND-1", _) => nd_1(c),
                ("QT-1", _) => qt_1(records, c),
                ("TT-1", Candidate::Collective(_, x)) => tt_1(records, x),
                ("CN-1", Candidate::Person(_, x)) => cn_1(records, x),
                ("CN-2", Candidate::Person(_, x)) => cn_2(records, x),
                ("CN-3", Candidate::Person(id, x)) => cn_3(records, id, x),
                ("KL-1", Candidate::Person(_, x)) => kl_1(records, x),
                _ => Verdict::KhongApDung,
            };
            RuleResult { rule, verdict }
        })
        .collect()
}

fn row(records: &Records, c: &Candidate, stage: Stage, vote: Option<(bool, u32)>) -> CandidateRow {
    let members = records.plan.hoi_dong.thanh_vien.len() as u32;
    CandidateRow {
        id: c.id().clone(),
        ten: c.name().to_owned(),
        loai: c.kind(),
        tep: records.file_of(c.kind(), c.id()),
        duoc_chon: vote.map(|(chosen, _)| chosen),
        phieu: vote.map(|(_, agree)| VoteFigures {
            dong_y: agree,
            tong_so_thanh_vien: members,
            phan_nghin: (agree * 1000 + members / 2)
                .checked_div(members)
                .unwrap_or(0),
        }),
        tieu_chi: evaluate(records, c, stage),
    }
}

/// The candidates a meeting chose, collectives first.
pub fn chosen<'a>(records: &'a Records, meeting: &'a Meeting) -> Vec<Candidate<'a>> {
    let mut found: Vec<_> = meeting
        .bieu_quyet
        .iter()
        .filter(|v| v.duoc_chon)
        .filter_map(|v| records.candidate(&v.ung_vien))
        .collect();
    found.sort_by_key(|c| c.kind());
    found
}

pub fn check(records: &Records) -> Report {
    let mut stages = Vec::new();
    let mut errors = Vec::new();
    let registrants = records.registrants();
    stages.push(StageReport {
        giai_doan: Stage::Registration,
        ban_ghi: None,
        tep: Some(records.plan_file.clone()),
        ngay: None,
        ung_vien: registrants
            .iter()
            .map(|c| row(records, c, Stage::Registration, None))
            .collect(),
        quyet_dinh: Vec::new(),
    });
    let selected: BTreeSet<&Id> = records
        .meetings_of(MeetingKind::Selection)
        .into_iter()
        .flat_map(|(_, m)| {
            m.bieu_quyet
                .iter()
                .filter(|v| v.duoc_chon)
                .map(|v| &v.ung_vien)
        })
        .collect();
    for (id, meeting) in records.meetings_of(MeetingKind::Selection) {
        let report = meeting_stage(
            records,
            id,
            meeting,
            Stage::Selection,
            &[],
            &selected,
            &mut errors,
        );
        stages.push(report);
    }
    let year_end = records.meetings_of(MeetingKind::YearEnd);
    if year_end.is_empty() {
        stages.push(StageReport {
            giai_doan: Stage::YearEnd,
            ban_ghi: None,
            tep: None,
            ngay: None,
            ung_vien: registrants
                .iter()
                .map(|c| row(records, c, Stage::YearEnd, None))
                .collect(),
            quyet_dinh: Vec::new(),
        });
    }
    for (id, meeting) in year_end {
        let report = meeting_stage(
            records,
            id,
            meeting,
            Stage::YearEnd,
            &registrants,
            &selected,
            &mut errors,
        );
        stages.push(report);
    }
    for (id, proposal) in &records.proposals {
        let file = records.file_of(Kind::Proposal, id);
        let proposed = records
            .meetings
            .get(&proposal.cuoc_hop)
            .map(|m| chosen(records, m))
            .unwrap_or_default();
        let rows: Vec<CandidateRow> = proposed
            .iter()
            .map(|c| row(records, c, Stage::Proposal, None))
            .collect();
        for r in &rows {
            for (rule, why) in r.failures() {
                errors.push(DecisionError {
                    rule,
                    candidate: Some(r.id.clone()),
                    problem: Problem::new(
                        &file,
                        "cuoc_hop",
                        format!(
                            "tờ trình đề nghị khen thưởng {}, nhưng {} ({})",
                            r.ten,
                            why,
                            rule_citation(rule)
                        ),
                    ),
                });
            }
        }
        stages.push(StageReport {
            giai_doan: Stage::Proposal,
            ban_ghi: Some(id.clone()),
            tep: Some(file),
            ngay: Some(proposal.ngay.0),
            ung_vien: rows,
            quyet_dinh: Vec::new(),
        });
    }
    for e in &mut errors {
        let place = records
            .sources
            .get(&e.problem.file)
            .and_then(|text| locate(text, &e.problem.field));
        if let Some((line, column)) = place {
            e.problem.line = Some(line);
            e.problem.column = Some(column);
        }
    }
    Report {
        giai_doan: stages,
        loi_quyet_dinh: errors,
    }
}

/// The table of one meeting and the checks of its decision. For a year-end
/// meeting, `also` lists the registrants who were not voted on, so the clerk
/// sees everyone's year-end standing.
fn meeting_stage(
    records: &Records,
    id: &Id,
    meeting: &Meeting,
    stage: Stage,
    also: &[Candidate],
    selected: &BTreeSet<&Id>,
    errors: &mut Vec<DecisionError>,
) -> StageReport {
    let file = records.file_of(Kind::Meeting, id);
    let mut rows: Vec<CandidateRow> = meeting
        .bieu_quyet
        .iter()
        .filter_map(|v| {
            records
                .candidate(&v.ung_vien)
                .map(|c| row(records, &c, stage, Some((v.duoc_chon, v.dong_y))))
        })
        .collect();
    for c in also {
        if !meeting.bieu_quyet.iter().any(|v| &v.ung_vien == c.id()) {
            rows.push(row(records, c, stage, None));
        }
    }
    rows.sort_by_key(|r| r.loai);
    // What the decision gets wrong: (rule, candidate, field, message).
    let mut failures: Vec<(&'static str, Option<Id>, String, String)> = Vec::new();
    let mut fail = |rule: &'static str, candidate: Option<&Id>, field: String, message: String| {
        failures.push((rule, candidate.cloned(), field, message));
    };

    // Chosen candidates must meet every rule of the stage.
    for (i, vote) in meeting
        .bieu_quyet
        .iter()
        .enumerate()
        .filter(|(_, v)| v.duoc_chon)
    {
        if let Some(r) = rows.iter().find(|r| r.id == vote.ung_vien) {
            for (rule, why) in r.failures() {
                fail(
                    rule,
                    Some(&r.id),
                    format!("bieu_quyet[{i}].duoc_chon"),
                    format!("Hội đồng chọn {}, nhưng {}", r.ten, why),
                );
            }
        }
    }
    // Quotas and who may be chosen (QT-2 at selection, QT-3 at year end).
    let quota_rule = if stage == Stage::Selection {
        "QT-2"
    } else {
        "QT-3"
    };
    let quota: Quota = if stage == Stage::Selection {
        records.plan.chi_tieu.lua_chon
    } else {
        records.plan.chi_tieu.cuoi_nam
    };
    let chosen_now = chosen(records, meeting);
    for (kind, limit, what) in [
        (Kind::Collective, quota.tap_the, "tập thể"),
        (Kind::Person, quota.ca_nhan, "cá nhân"),
    ] {
        let n = chosen_now.iter().filter(|c| c.kind() == kind).count() as u32;
        if n > limit {
            fail(
                quota_rule,
                None,
                "bieu_quyet".into(),
                format!(
                    "Hội đồng chọn {n:02} {what}, vượt chỉ tiêu {limit:02} {what} của kế hoạch"
                ),
            );
        }
    }
    // A candidate whose record did not load has its own data error; judging
    // the decision on it would only repeat that error in other words.
    for (i, vote) in meeting.bieu_quyet.iter().enumerate() {
        let Some(candidate) = records.candidate(&vote.ung_vien).filter(|_| vote.duoc_chon) else {
            continue;
        };
        let name = candidate.name();
        let field = format!("bieu_quyet[{i}].ung_vien");
        if stage == Stage::Selection && !candidate.is_registered() {
            fail(
                "QT-2",
                Some(&vote.ung_vien),
                field,
                format!(
                    "{name} chưa đăng ký xây dựng điển hình tiên tiến nên không thể được lựa chọn"
                ),
            );
        } else if stage == Stage::YearEnd && !selected.contains(&vote.ung_vien) {
            fail(
                "QT-3",
                Some(&vote.ung_vien),
                field,
                format!("{name} không có trong số được Hội đồng lựa chọn từ đầu năm"),
            );
        }
    }
    // The vote itself (QT-4).
    let members = records.plan.hoi_dong.thanh_vien.len() as u32;
    let present = members.saturating_sub(meeting.vang_mat.len() as u32);
    let quorum = ruleset::quorum(&records.plan);
    if !quorum.is_met(present, members) {
        fail(
            "QT-4",
            None,
            "vang_mat".into(),
            format!(
                "chỉ có {present}/{members} thành viên dự họp, chưa đủ {}/{} tổng số thành viên",
                quorum.num, quorum.den
            ),
        );
    }
    let threshold = ruleset::threshold(&records.plan, meeting.bat_dau.0.date());
    for (i, v) in meeting.bieu_quyet.iter().enumerate() {
        let name = records
            .candidate(&v.ung_vien)
            .map_or(v.ung_vien.as_str(), |c| c.name());
        let steps = [
            (
                v.dong_y,
                v.phieu_hop_le,
                "dong_y",
                "số đồng ý",
                "số phiếu hợp lệ",
            ),
            (
                v.phieu_hop_le,
                v.phieu_thu_ve,
                "phieu_hop_le",
                "số phiếu hợp lệ",
                "số phiếu thu về",
            ),
            (
                v.phieu_thu_ve,
                v.phieu_phat_ra,
                "phieu_thu_ve",
                "số phiếu thu về",
                "số phiếu phát ra",
            ),
            (
                v.phieu_phat_ra,
                present,
                "phieu_phat_ra",
                "số phiếu phát ra",
                "số thành viên dự họp",
            ),
        ];
        for (more, less, key, what, than) in steps {
            if more > less {
                fail(
                    "QT-4",
                    Some(&v.ung_vien),
                    format!("bieu_quyet[{i}].{key}"),
                    format!("{name}: {what} ({more}) lớn hơn {than} ({less})"),
                );
            }
        }
        if v.duoc_chon && !threshold.is_met(v.dong_y, members) {
            fail(
                "QT-4",
                Some(&v.ung_vien),
                format!("bieu_quyet[{i}].dong_y"),
                format!(
                    "Hội đồng chọn {name} với {}/{members} phiếu đồng ý, chưa đạt {}",
                    v.dong_y,
                    threshold.describe()
                ),
            );
        }
    }
    // A tie at the cut: the quota is full and a candidate left out has as
    // many votes as the last one chosen.
    for (kind, limit) in [
        (Kind::Collective, quota.tap_the),
        (Kind::Person, quota.ca_nhan),
    ] {
        let of_kind = |chosen: bool| {
            meeting.bieu_quyet.iter().enumerate().filter(move |(_, v)| {
                v.duoc_chon == chosen
                    && records
                        .candidate(&v.ung_vien)
                        .is_some_and(|c| c.kind() == kind)
            })
        };
        let Some(last) = of_kind(true).map(|(_, v)| v.dong_y).min() else {
            continue;
        };
        if of_kind(true).count() as u32 != limit {
            continue;
        }
        for (i, v) in
            of_kind(false).filter(|(_, v)| v.dong_y == last && threshold.is_met(v.dong_y, members))
        {
            let name = records
                .candidate(&v.ung_vien)
                .map_or(v.ung_vien.as_str(), |c| c.name());
            fail(
                "QT-4",
                Some(&v.ung_vien),
                format!("bieu_quyet[{i}].dong_y"),
                format!(
                    "{name} bằng phiếu ({last}) với người được chọn cuối cùng: hòa phiếu ở vị trí cuối, cần biểu quyết lại"
                ),
            );
        }
    }
    let decided = [quota_rule, "QT-4"];
    let quyet_dinh = decided
        .iter()
        .map(|&rule| {
            let own: Vec<&str> = failures
                .iter()
                .filter(|f| f.0 == rule)
                .map(|f| f.3.as_str())
                .collect();
            let verdict = if own.is_empty() {
                Verdict::Dat
            } else {
                Verdict::KhongDat(own.join("; "))
            };
            RuleResult { rule, verdict }
        })
        .collect();
    errors.extend(
        failures
            .into_iter()
            .map(|(rule, candidate, field, message)| DecisionError {
                rule,
                candidate,
                problem: Problem::new(&file, field, format!("{message} ({})", rule_citation(rule))),
            }),
    );
    StageReport {
        giai_doan: stage,
        ban_ghi: Some(id.clone()),
        tep: Some(file.clone()),
        ngay: Some(meeting.bat_dau.0.date()),
        ung_vien: rows,
        quyet_dinh,
    }
}

fn rule_citation(id: &str) -> &'static str {
    rule(id).map_or("", |r| r.citation)
}
