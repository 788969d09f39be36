//! The rules about a council's decision as a whole (QT-2, QT-3, QT-4): who
//! may be chosen, how many, and whether the vote holds. Each adds what the
//! decision gets wrong to a list of failures, in the meeting's file.

use std::collections::BTreeSet;

use crate::records::{Kind, Meeting, Query, Quota, Vote};
use crate::ruleset;
use crate::text::Id;

use super::rules::Stage;

/// A council meeting's decision, as the decision rules see it.
pub struct CouncilDecision<'a> {
    pub meeting: &'a Meeting,
    pub stage: Stage,
    /// Everyone chosen at a selection meeting of the plan; none when the
    /// council holds no selection meeting (the year end then chooses among
    /// those who registered).
    pub selected: Option<&'a BTreeSet<&'a Id>>,
}

/// What a decision gets wrong: the rule, the candidate if one, the field of
/// the meeting's file and the reason.
pub struct Failure {
    pub rule: &'static str,
    pub candidate: Option<Id>,
    pub field: String,
    pub message: String,
}

/// The failures of one decision rule: each is filed under the rule the
/// table runs, so no test writes its rule's id.
pub struct Failures<'a> {
    pub rule: &'static str,
    pub out: &'a mut Vec<Failure>,
}

impl Failures<'_> {
    fn add(&mut self, candidate: Option<&Id>, field: String, message: String) {
        self.out.push(Failure {
            rule: self.rule,
            candidate: candidate.cloned(),
            field,
            message,
        });
    }
}

/// How many the council may choose at a stage; none when the plan sets no
/// quota for it.
fn quota(q: &dyn Query, stage: Stage) -> Option<Quota> {
    q.plan().chi_tieu.at(stage != Stage::Selection)
}

/// No more chosen of a kind than the plan's quota.
fn within_quota(q: &dyn Query, d: &CouncilDecision, out: &mut Failures) {
    let Some(quota) = quota(q, d.stage) else {
        return;
    };
    let chosen_now = q.chosen(d.meeting);
    for (kind, limit, what) in [
        (Kind::Collective, quota.tap_the, "tập thể"),
        (Kind::Person, quota.ca_nhan, "cá nhân"),
    ] {
        let n = chosen_now.iter().filter(|c| c.kind() == kind).count() as u32;
        if n > limit {
            out.add(
                None,
                "bieu_quyet".into(),
                format!(
                    "Hội đồng chọn {n:02} {what}, vượt chỉ tiêu {limit:02} {what} của kế hoạch"
                ),
            );
        }
    }
}

/// Each chosen candidate whose record loaded, with its index in the votes.
/// A candidate whose record did not load has its own data error; judging
/// the decision on it would only repeat that error in other words.
fn chosen_loaded<'a>(
    q: &'a dyn Query,
    meeting: &'a Meeting,
) -> impl Iterator<Item = (usize, &'a Id, &'a str)> {
    meeting
        .bieu_quyet
        .iter()
        .enumerate()
        .filter(|(_, v)| v.duoc_chon)
        .filter_map(move |(i, v)| q.candidate(&v.ung_vien).map(|c| (i, &v.ung_vien, c.name())))
}

/// QT-2: at selection, within the quota and only among those registered.
pub fn qt_2(q: &dyn Query, d: &CouncilDecision, out: &mut Failures) {
    within_quota(q, d, out);
    for (i, id, name) in chosen_loaded(q, d.meeting) {
        let registered = q.candidate(id).is_some_and(|c| c.is_registered());
        if !registered {
            out.add(
                Some(id),
                format!("bieu_quyet[{i}].ung_vien"),
                format!(
                    "{name} chưa đăng ký {} nên không thể được lựa chọn",
                    q.plan().movement()
                ),
            );
        }
    }
}

/// QT-3: at year end, within the quota and only among those selected — or,
/// in a plan whose council holds no selection meeting, among those who
/// registered.
pub fn qt_3(q: &dyn Query, d: &CouncilDecision, out: &mut Failures) {
    within_quota(q, d, out);
    for (i, id, name) in chosen_loaded(q, d.meeting) {
        let refused = match d.selected {
            Some(selected) if !selected.contains(id) => {
                format!("{name} không có trong số được Hội đồng lựa chọn từ đầu năm")
            }
            None if !q.candidate(id).is_some_and(|c| c.is_registered()) => format!(
                "{name} chưa đăng ký {} nên không thể được bình xét",
                q.plan().movement()
            ),
            _ => continue,
        };
        out.add(Some(id), format!("bieu_quyet[{i}].ung_vien"), refused);
    }
}

/// QT-4: enough members present, ballots that add up, the threshold reached
/// on the whole membership, and no tie at the cut.
pub fn qt_4(q: &dyn Query, d: &CouncilDecision, out: &mut Failures) {
    let meeting = d.meeting;
    let members = q.plan().hoi_dong.thanh_vien.len() as u32;
    let present = members.saturating_sub(meeting.vang_mat.len() as u32);
    let quorum = ruleset::quorum(q.plan());
    if !quorum.is_met(present, members) {
        out.add(
            None,
            "vang_mat".into(),
            format!(
                "chỉ có {present}/{members} thành viên dự họp, chưa đủ {}/{} tổng số thành viên",
                quorum.num, quorum.den
            ),
        );
    }
    for (i, v) in meeting.bieu_quyet.iter().enumerate() {
        let name = name_of(q, &v.ung_vien);
        ballots_add_up(v, i, present, &name, out);
        if v.duoc_chon {
            threshold_reached(q, meeting, (i, v), members, &name, out);
        }
    }
    no_tie_at_the_cut(q, d, members, out);
}

fn name_of(q: &dyn Query, id: &Id) -> String {
    q.candidate(id)
        .map_or(id.as_str().to_owned(), |c| c.name().to_owned())
}

/// Each figure of a vote at most the one it is counted from: agreeing ≤
/// valid ≤ returned ≤ handed out ≤ members present.
fn ballots_add_up(v: &Vote, i: usize, present: u32, name: &str, out: &mut Failures) {
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
            out.add(
                Some(&v.ung_vien),
                format!("bieu_quyet[{i}].{key}"),
                format!("{name}: {what} ({more}) lớn hơn {than} ({less})"),
            );
        }
    }
}

/// One chosen reaches the threshold of the date on the whole membership,
/// counting absent members' written opinions.
fn threshold_reached(
    q: &dyn Query,
    meeting: &Meeting,
    (i, v): (usize, &Vote),
    members: u32,
    name: &str,
    out: &mut Failures,
) {
    let agreed = q.agreement(meeting, v);
    let (threshold, cited) =
        ruleset::vote_threshold(q.plan(), meeting, q.candidate(&v.ung_vien).as_ref());
    if threshold.is_met(agreed, members) {
        return;
    }
    let written = agreed - v.dong_y;
    let with = if written > 0 {
        format!(" (gồm {written} ý kiến bằng văn bản của thành viên vắng mặt)")
    } else {
        String::new()
    };
    let by = cited.map_or_else(String::new, |c| format!(" theo {c}"));
    out.add(
        Some(&v.ung_vien),
        format!("bieu_quyet[{i}].dong_y"),
        format!(
            "Hội đồng chọn {name} với {agreed}/{members} ý kiến đồng ý{with}, chưa đạt {}{by}",
            threshold.describe()
        ),
    );
}

/// No tie at the cut: when the quota of a kind is full, no one left out
/// who reaches the threshold has as many votes as the last one chosen.
fn no_tie_at_the_cut(q: &dyn Query, d: &CouncilDecision, members: u32, out: &mut Failures) {
    let Some(quota) = quota(q, d.stage) else {
        return;
    };
    let meeting = d.meeting;
    let agree = |v: &Vote| q.agreement(meeting, v);
    for (kind, limit) in [
        (Kind::Collective, quota.tap_the),
        (Kind::Person, quota.ca_nhan),
    ] {
        let of_kind = |chosen: bool| {
            meeting.bieu_quyet.iter().enumerate().filter(move |(_, v)| {
                v.duoc_chon == chosen && q.candidate(&v.ung_vien).is_some_and(|c| c.kind() == kind)
            })
        };
        let Some(last) = of_kind(true).map(|(_, v)| agree(v)).min() else {
            continue;
        };
        if of_kind(true).count() as u32 != limit {
            continue;
        }
        let reaches = |v: &Vote| {
            let (threshold, _) =
                ruleset::vote_threshold(q.plan(), meeting, q.candidate(&v.ung_vien).as_ref());
            threshold.is_met(agree(v), members)
        };
        for (i, v) in of_kind(false).filter(|(_, v)| agree(v) == last && reaches(v)) {
            out.add(
                Some(&v.ung_vien),
                format!("bieu_quyet[{i}].dong_y"),
                format!(
                    "{} bằng phiếu ({last}) với người được chọn cuối cùng: hòa phiếu ở vị trí cuối, \
                     cần biểu quyết lại",
                    name_of(q, &v.ung_vien)
                ),
            );
        }
    }
}
