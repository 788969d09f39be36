//! Every rule in one table: its id, citation, summary, the stages it applies
//! at and its test. The stage tables, the council's decisions, the text and
//! JSON reports and `docs/rules.md` all read this table; a rule's id is
//! written once, here.

use serde::Serialize;

use super::criteria::{chung_1, cn_1, cn_2, cn_3, dh_1, kl_1, nd_1, qt_1, tt_1};
use super::decisions::{self, CouncilDecision, Failures};
use crate::records::{Candidate, Collective, Kind, Person, Plan, Query};
use crate::ruleset;
use crate::text::Id;

/// A rule of the plan or of the law.
#[derive(Debug, Serialize)]
pub struct Rule {
    #[serde(rename = "ma")]
    pub id: &'static str,
    /// Where it comes from; a plan cites it as [`citation`] says.
    #[serde(rename = "nguon")]
    pub source: Source,
    /// What it asks, in a few words.
    #[serde(rename = "noi_dung")]
    pub summary: &'static str,
    /// The stages it is checked at.
    #[serde(skip)]
    pub stages: &'static [Stage],
    /// What the plan must state for the rule to be one of its rules.
    #[serde(skip)]
    pub needs: Needs,
    #[serde(skip)]
    pub test: Test,
}

/// What a plan must state for a rule to be one of its rules: a plan that
/// states no criteria of its own (the seed's Mục II.1) or no contents to
/// register for (its Mục II.2) is judged by the rest.
#[derive(Debug, Clone, Copy)]
pub enum Needs {
    Nothing,
    OwnCriteria,
    Contents,
}

/// What a rule looks at, and how.
#[derive(Debug, Clone, Copy)]
pub enum Test {
    /// A criterion every candidate must meet.
    Candidate(fn(&dyn Query, &Candidate) -> Verdict),
    /// A criterion for units only.
    Collective(fn(&dyn Query, &Collective) -> Verdict),
    /// A criterion for people only.
    Person(fn(&dyn Query, &Id, &Person) -> Verdict),
    /// A rule about a council's decision as a whole.
    Decision(fn(&dyn Query, &CouncilDecision, &mut Failures)),
}

/// Where a rule comes from. A plan's `trich_dan` overrides any citation:
/// its own sections ("Mục II.1.3") are the plan's to state, and a law-based
/// citation marked believed in `docs/rules.md` is the clerk's to correct.
#[derive(Debug, Clone, Copy)]
pub enum Source {
    /// The plan itself: cited by the section the plan names, else as
    /// "Kế hoạch".
    Plan,
    /// Articles of the emulation law in force at the plan's year end.
    Law(&'static str),
    /// The council's working rules, and the decree's vote threshold where
    /// the rule set in force has one.
    Council,
}

const COUNCIL_RULES: &str = "quy chế làm việc của Hội đồng";

impl Source {
    /// The citation in a plan of `plan`'s year, without its own words.
    fn cite(self, plan: &Plan) -> String {
        let set = ruleset::in_force(ruleset::year_end(plan));
        match self {
            Source::Plan => "Kế hoạch".to_owned(),
            Source::Law(articles) => format!("{}, {articles}", set.law),
            Source::Council => match set.title_threshold {
                Some((_, decree)) => format!("{COUNCIL_RULES}; {decree}"),
                None => COUNCIL_RULES.to_owned(),
            },
        }
    }
}

/// Serialised for scripts as the words of any year: which law is the
/// plan's to say.
impl Serialize for Source {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Source::Plan => s.serialize_str("Kế hoạch"),
            Source::Law(articles) => {
                s.serialize_str(&format!("Luật Thi đua, khen thưởng, {articles}"))
            }
            Source::Council => s.serialize_str(COUNCIL_RULES),
        }
    }
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

/// A registration is valid without the year-end results (the person plans an
/// initiative); the year-end choice and the proposal need them all.
const EVERY_STAGE: &[Stage] = &[
    Stage::Registration,
    Stage::Selection,
    Stage::YearEnd,
    Stage::Proposal,
];
const YEAR_END: &[Stage] = &[Stage::YearEnd, Stage::Proposal];

pub const RULES: &[Rule] = &[
    Rule {
        id: "CHUNG-1",
        source: Source::Plan,
        summary: "đăng ký học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        stages: EVERY_STAGE,
        needs: Needs::OwnCriteria,
        test: Test::Candidate(chung_1),
    },
    Rule {
        id: "ND-1",
        source: Source::Plan,
        summary: "chọn ít nhất một nội dung của kế hoạch",
        stages: EVERY_STAGE,
        needs: Needs::Contents,
        test: Test::Candidate(nd_1),
    },
    Rule {
        id: "QT-1",
        source: Source::Plan,
        summary: "đăng ký từ đầu năm, trong năm của kế hoạch và đúng hạn",
        stages: EVERY_STAGE,
        needs: Needs::Nothing,
        test: Test::Candidate(qt_1),
    },
    Rule {
        id: "TT-1",
        source: Source::Plan,
        summary: "tập thể đạt danh hiệu tối thiểu của kế hoạch",
        stages: YEAR_END,
        needs: Needs::OwnCriteria,
        test: Test::Collective(tt_1),
    },
    Rule {
        id: "CN-1",
        source: Source::Plan,
        summary: "xếp loại hoàn thành xuất sắc nhiệm vụ",
        stages: YEAR_END,
        needs: Needs::OwnCriteria,
        test: Test::Person(cn_1),
    },
    Rule {
        id: "CN-2",
        source: Source::Plan,
        summary: "có sáng kiến được Hội đồng sáng kiến cơ quan công nhận",
        stages: YEAR_END,
        needs: Needs::OwnCriteria,
        test: Test::Person(cn_2),
    },
    Rule {
        id: "CN-3",
        source: Source::Plan,
        summary: "lãnh đạo phụ trách phòng: phòng đạt Tập thể lao động tiên tiến trở lên",
        stages: YEAR_END,
        needs: Needs::OwnCriteria,
        test: Test::Person(cn_3),
    },
    Rule {
        id: "DH-1",
        source: Source::Law("Điều 23 (Chiến sĩ thi đua cơ sở), Điều 24 (Lao động tiên tiến)"),
        summary: "đạt tiêu chuẩn của danh hiệu đã đăng ký theo luật có hiệu lực cuối năm",
        stages: YEAR_END,
        needs: Needs::Nothing,
        test: Test::Person(dh_1),
    },
    Rule {
        id: "KL-1",
        source: Source::Law("Điều 24 (tiêu chuẩn Lao động tiên tiến)"),
        summary: "không bị kỷ luật trong năm",
        stages: YEAR_END,
        needs: Needs::Nothing,
        test: Test::Person(kl_1),
    },
    Rule {
        id: "QT-2",
        source: Source::Plan,
        summary: "lựa chọn không quá chỉ tiêu, chỉ trong số đã đăng ký",
        stages: &[Stage::Selection],
        needs: Needs::Nothing,
        test: Test::Decision(decisions::qt_2),
    },
    Rule {
        id: "QT-3",
        source: Source::Plan,
        summary: "bình xét cuối năm không quá chỉ tiêu, chỉ trong số đã được lựa chọn (hay đã đăng ký, khi Hội đồng không họp lựa chọn)",
        stages: &[Stage::YearEnd],
        needs: Needs::Nothing,
        test: Test::Decision(decisions::qt_3),
    },
    Rule {
        id: "QT-4",
        source: Source::Council,
        summary: "số phiếu hợp lệ, đủ số thành viên dự họp, đạt ngưỡng đồng ý",
        stages: &[Stage::Selection, Stage::YearEnd],
        needs: Needs::Nothing,
        test: Test::Decision(decisions::qt_4),
    },
];

pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// The citation of a rule in `plan`, as a reason quotes it: the plan's
/// own (`trich_dan`), else the rule's source in the plan's year.
pub fn citation(plan: &Plan, id: &str) -> String {
    match (plan.trich_dan.get(id), rule(id)) {
        (Some(own), _) => own.to_string(),
        (None, Some(r)) => r.source.cite(plan),
        (None, None) => String::new(),
    }
}

impl Rule {
    /// Whether the rule is one of `plan`'s.
    pub fn applies_to(&self, plan: &Plan) -> bool {
        match self.needs {
            Needs::Nothing => true,
            Needs::OwnCriteria => plan.tieu_chuan.is_some(),
            Needs::Contents => !plan.noi_dung.is_empty(),
        }
    }

    /// Whether the rule judges a candidate of `kind` (decision rules judge none).
    pub fn judges(&self, kind: Kind) -> bool {
        match self.test {
            Test::Candidate(_) => true,
            Test::Collective(_) => kind == Kind::Collective,
            Test::Person(_) => kind == Kind::Person,
            Test::Decision(_) => false,
        }
    }

    fn verdict(&self, q: &dyn Query, c: &Candidate) -> Verdict {
        match (self.test, c) {
            (Test::Candidate(test), _) => test(q, c),
            (Test::Collective(test), Candidate::Collective(_, x)) => test(q, x),
            (Test::Person(test), Candidate::Person(id, x)) => test(q, id, x),
            _ => Verdict::KhongApDung,
        }
    }
}

impl Stage {
    /// The stage's heading in `check`'s text: the selection by what the
    /// plan calls those it chooses, when it says ("LỰA CHỌN ĐIỂN HÌNH TIÊN
    /// TIẾN"), else by its time of year.
    pub fn title(self, plan: &Plan) -> String {
        match self {
            Stage::Registration => "ĐĂNG KÝ ĐẦU NĂM".into(),
            Stage::Selection => match &plan.danh_xung {
                Some(named) => format!("LỰA CHỌN {}", named.as_str().to_uppercase()),
                None => "LỰA CHỌN ĐẦU NĂM".into(),
            },
            Stage::YearEnd => "BÌNH XÉT CUỐI NĂM".into(),
            Stage::Proposal => "ĐỀ NGHỊ KHEN THƯỞNG".into(),
        }
    }

    /// The rules a candidate of `kind` must meet at this stage.
    pub fn rules(self, kind: Kind) -> impl Iterator<Item = &'static Rule> {
        RULES
            .iter()
            .filter(move |r| r.stages.contains(&self) && r.judges(kind))
    }

    /// The rules about the council's decision at this stage.
    pub fn decision_rules(self) -> impl Iterator<Item = &'static Rule> {
        RULES
            .iter()
            .filter(move |r| r.stages.contains(&self) && matches!(r.test, Test::Decision(_)))
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
    /// Not judged yet: what the rule reads does not exist before the
    /// year-end meeting (a person's rating), and no meeting has judged.
    ChuaDanhGia(String),
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleResult {
    #[serde(rename = "tieu_chi")]
    pub rule: &'static str,
    #[serde(flatten)]
    pub verdict: Verdict,
}

/// Every rule of `stage` for one candidate: the plan's own criteria only
/// when the plan states them.
pub fn evaluate(q: &dyn Query, c: &Candidate, stage: Stage) -> Vec<RuleResult> {
    stage
        .rules(c.kind())
        .filter(|rule| rule.applies_to(q.plan()))
        .map(|rule| RuleResult {
            rule: rule.id,
            verdict: rule.verdict(q, c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn ids_are_unique_and_every_rule_applies_somewhere() {
        let ids: BTreeSet<&str> = RULES.iter().map(|r| r.id).collect();
        assert_eq!(ids.len(), RULES.len(), "a rule id is written twice");
        for r in RULES {
            assert!(!r.stages.is_empty(), "{} applies at no stage", r.id);
        }
    }

    #[test]
    fn stages_take_the_rules_of_the_table_in_its_order() {
        let ids =
            |stage: Stage, kind: Kind| -> Vec<&str> { stage.rules(kind).map(|r| r.id).collect() };
        assert_eq!(
            ids(Stage::Registration, Kind::Person),
            ["CHUNG-1", "ND-1", "QT-1"]
        );
        assert_eq!(
            ids(Stage::YearEnd, Kind::Collective),
            ["CHUNG-1", "ND-1", "QT-1", "TT-1"]
        );
        assert_eq!(
            ids(Stage::Proposal, Kind::Person),
            [
                "CHUNG-1", "ND-1", "QT-1", "CN-1", "CN-2", "CN-3", "DH-1", "KL-1"
            ]
        );
        let decided: Vec<&str> = Stage::Selection.decision_rules().map(|r| r.id).collect();
        assert_eq!(decided, ["QT-2", "QT-4"]);
    }
}
