//! Rules that change with the date: which law and decree a document cites and
//! the default vote threshold (`docs/rules.md`). The plan record overrides
//! both (`can_cu`, `hoi_dong.nguong_dong_y`); wordings marked unverified in
//! the docs are exactly why.

use chrono::NaiveDate;

use crate::records::{Candidate, Fraction, Meeting, Plan, Threshold};
use crate::vocab::{MeetingKind, PersonTitle};

pub struct RuleSet {
    /// First day the set is in force.
    pub from: (i32, u32, u32),
    /// The emulation law as cited in a rule's citation.
    pub law: &'static str,
    /// The decree that details it.
    pub decree: &'static str,
    /// "Căn cứ …" lines of a proposal, without the plan's own line.
    pub legal_bases: &'static [&'static str],
    /// The share of the whole council a year-end vote on "Chiến sĩ thi đua
    /// cơ sở" must reach, with its citation; none where the law sets none
    /// (2020: the plan's threshold alone).
    pub title_threshold: Option<(u32, &'static str)>,
    /// Whether "Chiến sĩ thi đua cơ sở" needs a recognised initiative (Luật
    /// 2003, Điều 23), or an initiative or "hoàn thành xuất sắc nhiệm vụ"
    /// suffices (Luật 06/2022/QH15, Điều 23).
    pub initiative_required: bool,
    /// The numbers of the achievement report forms in the decree's
    /// appendix: (collective, individual).
    pub report_forms: (&'static str, &'static str),
}

const SETS: &[RuleSet] = &[
    RuleSet {
        from: (2017, 7, 31),
        law: "Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2009, 2013)",
        decree: "Nghị định số 91/2017/NĐ-CP",
        legal_bases: &[
            "Căn cứ Luật Thi đua, khen thưởng năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng năm 2005, 2009 và 2013",
            "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        ],
        title_threshold: None,
        initiative_required: true,
        report_forms: ("01", "02"),
    },
    RuleSet {
        from: (2024, 1, 1),
        law: "Luật Thi đua, khen thưởng số 06/2022/QH15",
        decree: "Nghị định số 98/2023/NĐ-CP",
        // Believed (the forms of Nghị định 91/2017 moved one on), unread.
        report_forms: ("02", "03"),
        legal_bases: &[
            "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022",
            "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        ],
        title_threshold: Some((80, "Nghị định số 98/2023/NĐ-CP, Điều 30 khoản 7")),
        initiative_required: false,
    },
    RuleSet {
        from: (2025, 7, 1),
        law: "Luật Thi đua, khen thưởng số 06/2022/QH15",
        decree: "Nghị định số 152/2025/NĐ-CP",
        // The individual's 05 is read (QĐ 638/QĐ-BNV); the collective's 04
        // is believed.
        report_forms: ("04", "05"),
        legal_bases: &[
            "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022",
            "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        ],
        // NĐ 152/2025's own figure is unread: 98/2023's is kept.
        title_threshold: Some((80, "Nghị định số 98/2023/NĐ-CP, Điều 30 khoản 7")),
        initiative_required: false,
    },
];

/// Quorum for a council meeting when the plan sets none (unverified at this level).
pub const DEFAULT_QUORUM: Fraction = Fraction { num: 2, den: 3 };

/// The last day of the plan's year: titles are awarded by the law then.
pub fn year_end(plan: &Plan) -> NaiveDate {
    NaiveDate::from_ymd_opt(plan.nam, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// The rule set in force on `date` (the earliest set for dates before it).
pub fn in_force(date: NaiveDate) -> &'static RuleSet {
    SETS.iter()
        .rev()
        .find(|set| {
            let (y, m, d) = set.from;
            NaiveDate::from_ymd_opt(y, m, d).is_some_and(|from| date >= from)
        })
        .unwrap_or(&SETS[0])
}

/// The vote threshold a plan's council applies to every vote: its own, or
/// more than half of the whole membership.
fn threshold(plan: &Plan) -> Threshold {
    plan.hoi_dong.nguong_dong_y.unwrap_or(Threshold::Majority)
}

/// The law's threshold for a year-end vote on a person registered for
/// "Chiến sĩ thi đua cơ sở", with its citation, where it is stricter than
/// the council's own (`own`) at `meeting`.
fn law_over(own: Threshold, meeting: &Meeting) -> Option<(Threshold, &'static str)> {
    let (percent, cited) = in_force(meeting.bat_dau.0.date()).title_threshold?;
    let law = Threshold::AtLeastPercent(percent);
    (meeting.loai == MeetingKind::YearEnd && own.stricter(law) != own).then_some((law, cited))
}

/// What a vote on `candidate` at `meeting` must reach: the council's
/// threshold, or the law's for the title the candidate registered for when
/// stricter, with the law's citation.
pub fn vote_threshold(
    plan: &Plan,
    meeting: &Meeting,
    candidate: Option<&Candidate>,
) -> (Threshold, Option<&'static str>) {
    let own = threshold(plan);
    let for_title = candidate.is_some_and(|c| match c {
        Candidate::Person(_, p) => p
            .dang_ky
            .as_ref()
            .is_some_and(|r| r.danh_hieu == PersonTitle::GrassrootsEmulationFighter),
        Candidate::Collective(..) => false,
    });
    match law_over(own, meeting) {
        Some((law, cited)) if for_title => (law, Some(cited)),
        _ => (own, None),
    }
}

/// The thresholds of a meeting in words, for the minutes and the ballots.
pub fn threshold_words(plan: &Plan, meeting: &Meeting) -> String {
    let own = threshold(plan);
    match law_over(own, meeting) {
        Some((law, cited)) => format!(
            "{}; cá nhân đề nghị danh hiệu Chiến sĩ thi đua cơ sở phải đạt {} ({cited})",
            own.describe(),
            law.describe()
        ),
        None => own.describe(),
    }
}

pub fn quorum(plan: &Plan) -> Fraction {
    plan.hoi_dong.ty_le_co_mat.unwrap_or(DEFAULT_QUORUM)
}

/// The "Căn cứ" lines of a document dated `date`: the plan's own list if it
/// has one, else the rule set's.
pub fn legal_bases(plan: &Plan, date: NaiveDate) -> Vec<String> {
    match &plan.can_cu {
        Some(lines) => lines.iter().map(|l| l.as_str().to_owned()).collect(),
        None => in_force(date)
            .legal_bases
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
    }
}

/// The base salary (mức lương cơ sở) from a date, which rewards multiply.
pub struct BaseSalary {
    pub from: (i32, u32, u32),
    pub amount: u64,
    /// The decree that set it, as Điều 2 of a decision cites it.
    pub decree: &'static str,
}

const BASE_SALARIES: &[BaseSalary] = &[
    BaseSalary {
        from: (2019, 7, 1),
        amount: 1_490_000,
        decree: "Nghị định số 38/2019/NĐ-CP",
    },
    BaseSalary {
        from: (2023, 7, 1),
        amount: 1_800_000,
        decree: "Nghị định số 24/2023/NĐ-CP",
    },
    BaseSalary {
        from: (2024, 7, 1),
        amount: 2_340_000,
        decree: "Nghị định số 73/2024/NĐ-CP",
    },
];

/// The base salary in force on `date` (the earliest known before it).
pub fn base_salary(date: NaiveDate) -> &'static BaseSalary {
    BASE_SALARIES
        .iter()
        .rev()
        .find(|b| {
            let (y, m, d) = b.from;
            NaiveDate::from_ymd_opt(y, m, d).is_some_and(|from| date >= from)
        })
        .unwrap_or(&BASE_SALARIES[0])
}

/// A form of award, by the words its name begins with, and the multiples
/// of the base salary (in tenths) it carries for a person and for a
/// collective (Nghị định 91/2017, Nghị định 98/2023 Điều 54, Nghị định
/// 152/2025 Điều 50; the person's Giấy khen at 0,3 is believed, not read:
/// a decision's `he_so` overrides every value here).
pub struct RewardRate {
    pub name: &'static str,
    /// A title of emulation (danh hiệu thi đua: Luật Thi đua, khen thưởng
    /// 2022, Điều 23), which a decision awards as "danh hiệu …"; otherwise a
    /// form of commendation (Giấy khen).
    pub title: bool,
    pub person: Option<u32>,
    pub collective: Option<u32>,
}

pub const REWARD_RATES: &[RewardRate] = &[
    RewardRate {
        name: "Tập thể lao động xuất sắc",
        title: true,
        person: None,
        collective: Some(15),
    },
    RewardRate {
        name: "Tập thể lao động tiên tiến",
        title: true,
        person: None,
        collective: Some(8),
    },
    RewardRate {
        name: "Chiến sĩ thi đua cơ sở",
        title: true,
        person: Some(10),
        collective: None,
    },
    RewardRate {
        name: "Lao động tiên tiến",
        title: true,
        person: Some(3),
        collective: None,
    },
    RewardRate {
        name: "Giấy khen",
        title: false,
        person: Some(3),
        collective: Some(6),
    },
];

/// The multiple (in tenths of the base salary) a form of award carries for
/// a person or a collective; none when tdkt does not know the form.
pub fn reward_tenths(form: &str, collective: bool) -> Option<u32> {
    let form = form.to_lowercase();
    let rate = REWARD_RATES
        .iter()
        .find(|r| form.starts_with(&r.name.to_lowercase()))?;
    if collective {
        rate.collective
    } else {
        rate.person
    }
}

/// Whether `form` names a title of emulation ("Chiến sĩ thi đua cơ sở"),
/// which paperwork awards as "danh hiệu Chiến sĩ thi đua cơ sở".
pub fn is_title(form: &str) -> bool {
    let form = form.to_lowercase();
    !form.starts_with("danh hiệu")
        && REWARD_RATES
            .iter()
            .any(|r| r.title && form.starts_with(&r.name.to_lowercase()))
}

/// A form as an award names it: "danh hiệu Chiến sĩ thi đua cơ sở",
/// "Giấy khen của Trưởng Ban".
pub fn awarded_as(form: &str) -> String {
    if is_title(form) {
        format!("danh hiệu {form}")
    } else {
        form.to_owned()
    }
}

/// The money of a reward of `tenths` of the base salary on `date`, rounded
/// up to the ten thousand đồng when `round` (Nghị định 91/2017 Điều 70,
/// Nghị định 98/2023 Điều 53: believed, a decision's setting).
pub fn reward_amount(tenths: u32, date: NaiveDate, round: bool) -> u64 {
    let exact = base_salary(date).amount * u64::from(tenths) / 10;
    if round {
        exact.div_ceil(10_000) * 10_000
    } else {
        exact
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn rewards_multiply_the_base_salary_of_the_date() {
        assert_eq!(base_salary(day(2020, 12, 28)).amount, 1_490_000);
        assert_eq!(base_salary(day(2024, 6, 30)).amount, 1_800_000);
        assert_eq!(base_salary(day(2024, 7, 1)).amount, 2_340_000);
        assert_eq!(reward_tenths("Giấy khen của Trưởng Ban", true), Some(6));
        assert_eq!(reward_tenths("giấy khen của Giám đốc Sở", false), Some(3));
        assert_eq!(reward_tenths("Tập thể lao động tiên tiến", true), Some(8));
        assert_eq!(reward_tenths("Bằng khen của Chủ tịch", false), None);
        assert_eq!(reward_amount(6, day(2024, 7, 1), false), 1_404_000);
        assert_eq!(reward_amount(6, day(2024, 7, 1), true), 1_410_000);
        assert_eq!(reward_amount(3, day(2020, 12, 28), true), 450_000);
        assert_eq!(reward_amount(3, day(2020, 12, 28), false), 447_000);
    }

    #[test]
    fn the_date_chooses_the_law() {
        assert_eq!(
            in_force(day(2020, 12, 20)).decree,
            "Nghị định số 91/2017/NĐ-CP"
        );
        assert_eq!(
            in_force(day(2024, 1, 1)).decree,
            "Nghị định số 98/2023/NĐ-CP"
        );
        assert_eq!(
            in_force(day(2025, 6, 30)).decree,
            "Nghị định số 98/2023/NĐ-CP"
        );
        assert_eq!(
            in_force(day(2025, 7, 1)).decree,
            "Nghị định số 152/2025/NĐ-CP"
        );
    }

    #[test]
    fn thresholds_count_on_the_whole_membership() {
        assert!(Threshold::Majority.is_met(5, 9));
        assert!(!Threshold::Majority.is_met(4, 8));
        assert!(Threshold::AtLeastPercent(80).is_met(8, 10));
        assert!(!Threshold::AtLeastPercent(80).is_met(7, 9));
        assert!(DEFAULT_QUORUM.is_met(6, 9));
        assert!(!DEFAULT_QUORUM.is_met(5, 9));
    }
}
