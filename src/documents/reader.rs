//! The only way a document reads the records: every record handed out (and
//! every one asked for that could not be read) is remembered, and those are
//! the document's dependencies — for whether it may be rendered while a
//! record has a problem, and for which documents a change touches. As the
//! typst program's world records each file it serves, nobody lists them.

use std::cell::RefCell;
use std::collections::BTreeSet;

use crate::records::{
    Candidate, Collective, Decision, Kind, Meeting, Person, Plan, Proposal, Query, Records,
    RegistrationList, Vote, YearReport,
};
use crate::text::{Id, Line};
use crate::vocab::MeetingKind;

/// A plan's proposals and decisions, each with its id.
pub type ProposalsAndDecisions<'a> = (Vec<(&'a Id, &'a Proposal)>, Vec<(&'a Id, &'a Decision)>);

pub struct Reader<'a> {
    records: &'a Records,
    used: RefCell<BTreeSet<Id>>,
}

impl<'a> Reader<'a> {
    pub fn new(records: &'a Records) -> Reader<'a> {
        Reader {
            records,
            used: RefCell::new(BTreeSet::new()),
        }
    }

    /// The ids of every record read so far.
    pub fn into_used(self) -> BTreeSet<Id> {
        self.used.into_inner()
    }

    fn note(&self, id: &Id) {
        let mut used = self.used.borrow_mut();
        if !used.contains(id) {
            used.insert(id.clone());
        }
    }

    /// A query over every record of a kind depends on those that could not
    /// be read: any of them might have answered it.
    fn note_unreadable(&self, kinds: &[Kind]) {
        for (id, kind) in &self.records.unreadable {
            if kinds.contains(kind) {
                self.note(id);
            }
        }
    }

    /// The file of a record, relative to the records folder: where a
    /// document's number is written when it is issued. Not a dependency: a
    /// file's name is no record's content.
    pub fn file_of(&self, kind: Kind, id: &Id) -> std::path::PathBuf {
        self.records.file_of(kind, id)
    }

    pub fn plan(&self) -> &'a Plan {
        self.note(&Records::plan_id());
        &self.records.plan
    }

    pub fn person(&self, id: &Id) -> Option<&'a Person> {
        self.note(id);
        self.records.people.get(id)
    }

    pub fn collective(&self, id: &Id) -> Option<&'a Collective> {
        self.note(id);
        self.records.collectives.get(id)
    }

    pub fn meeting(&self, id: &Id) -> Option<&'a Meeting> {
        self.note(id);
        self.records.meetings.get(id)
    }

    /// The rules of `stage` judged for a candidate, as `check` judges them,
    /// through this reader: whatever the rules read is recorded.
    pub fn verdicts(
        &self,
        c: &Candidate<'a>,
        stage: crate::check::Stage,
    ) -> Vec<crate::check::RuleResult> {
        self.note(c.id());
        crate::check::evaluate(self, c, stage)
    }

    /// The awards of a unit or person before this plan (its record's and
    /// the other plans' decisions').
    pub fn awards_of(&self, id: &Id) -> Vec<crate::records::Award> {
        self.note(id);
        self.records.awards_of(id)
    }

    pub fn decision(&self, id: &Id) -> Option<&'a Decision> {
        self.note(id);
        self.records.decisions.get(id)
    }

    pub fn proposal(&self, id: &Id) -> Option<&'a Proposal> {
        self.note(id);
        self.records.proposals.get(id)
    }

    /// The registration list's record; none when the plan has none (a
    /// file that could not be read still holds the list back).
    pub fn registration_list(&self) -> Option<&'a RegistrationList> {
        self.note(&Records::top_id(Kind::RegistrationList));
        self.records.registration_list.as_ref()
    }

    /// The year report's record; none when the plan has none.
    pub fn year_report(&self) -> Option<&'a YearReport> {
        self.note(&Records::top_id(Kind::YearReport));
        self.records.year_report.as_ref()
    }

    pub fn candidate(&self, id: &Id) -> Option<Candidate<'a>> {
        self.note(id);
        self.records.candidate(id)
    }

    /// A person's name; their id when their record could not be read (the
    /// document then waits for it anyway).
    pub fn person_name<'b>(&self, id: &'b Id) -> &'b str
    where
        'a: 'b,
    {
        self.person(id).map_or(id.as_str(), |p| p.ho_ten.as_str())
    }

    /// The leader of the body in charge of a unit, if one is recorded.
    pub fn leader_in_charge(&self, unit: &Id) -> Option<(&'a Id, &'a Person)> {
        self.note_unreadable(&[Kind::Person]);
        let found = self.records.leader_in_charge(unit);
        if let Some((id, _)) = found {
            self.note(id);
        }
        found
    }

    /// Everyone and every unit that registered (see [`Records::registrants`]).
    pub fn registrants(&self) -> Vec<Candidate<'a>> {
        self.note_unreadable(&[Kind::Person, Kind::Collective]);
        let found = self.records.registrants();
        for c in &found {
            self.note(c.id());
        }
        found
    }

    /// Every meeting of a kind, in time.
    pub fn meetings_of(&self, kind: MeetingKind) -> Vec<(&'a Id, &'a Meeting)> {
        self.note_unreadable(&[Kind::Meeting]);
        let found = self.records.meetings_of(kind);
        for (id, _) in &found {
            self.note(id);
        }
        found
    }

    /// Every proposal and every decision the plan's folder records.
    pub fn proposals_and_decisions(&self) -> ProposalsAndDecisions<'a> {
        self.note_unreadable(&[Kind::Proposal, Kind::Decision]);
        let proposals: Vec<_> = self.records.proposals.iter().collect();
        let decisions: Vec<_> = self.records.decisions.iter().collect();
        for id in proposals
            .iter()
            .map(|p| p.0)
            .chain(decisions.iter().map(|d| d.0))
        {
            self.note(id);
        }
        (proposals, decisions)
    }

    /// Those a proposal proposes, with their forms (see
    /// [`Records::proposed`]).
    pub fn proposed(&self, p: &'a Proposal) -> Vec<(Candidate<'a>, &'a Line)> {
        self.meeting(&p.cuoc_hop)
            .map(|m| crate::records::proposed_of(p, self.chosen(m)))
            .unwrap_or_default()
    }

    /// Who a meeting votes on (see [`Records::ballot`]). Before the vote
    /// the answer rests on every meeting and every registration, read or
    /// not.
    pub fn vote_candidates(&self, m: &'a Meeting) -> Vec<Candidate<'a>> {
        if m.bieu_quyet.is_empty() {
            self.note_unreadable(&[Kind::Meeting, Kind::Person, Kind::Collective]);
            if let Some((id, _)) = self.records.meetings_of(MeetingKind::Selection).first() {
                self.note(id);
            }
        }
        for v in &m.bieu_quyet {
            self.note(&v.ung_vien);
        }
        let found = self.records.ballot(m);
        for c in &found {
            self.note(c.id());
        }
        found
    }

    /// A candidate's "đồng ý" at a meeting, written opinions included as
    /// the council counts them (by the plan's setting).
    pub fn agreement(&self, m: &Meeting, v: &Vote) -> u32 {
        self.note(&Records::plan_id());
        self.records.agreement(m, v)
    }

    /// The first meeting of a kind in time.
    pub fn first_meeting_of(&self, kind: MeetingKind) -> Option<(&'a Id, &'a Meeting)> {
        self.note_unreadable(&[Kind::Meeting]);
        let first = self.records.meetings_of(kind).into_iter().next();
        if let Some((id, _)) = first {
            self.note(id);
        }
        first
    }

    /// The candidates a meeting chose, collectives first; each one chosen is
    /// read, found or not.
    pub fn chosen(&self, meeting: &'a Meeting) -> Vec<Candidate<'a>> {
        for vote in meeting.bieu_quyet.iter().filter(|v| v.duoc_chon) {
            self.note(&vote.ung_vien);
        }
        self.records.chosen(meeting)
    }
}

/// The rules' questions, answered through the reader: each record an answer
/// rests on is recorded, and a question over a whole kind (which units a
/// person heads) rests on every record of that kind that could not be read.
impl Query for Reader<'_> {
    fn plan(&self) -> &Plan {
        Reader::plan(self)
    }

    fn candidate(&self, id: &Id) -> Option<Candidate<'_>> {
        Reader::candidate(self, id)
    }

    fn units_led<'s>(&'s self, id: &Id, person: &'s Person) -> Vec<&'s Collective> {
        self.note_unreadable(&[Kind::Collective]);
        for unit in &person.phu_trach_phong {
            self.note(unit);
        }
        let led = self.records.units_led(id, person);
        for (cid, c) in &self.records.collectives {
            if &c.truong_phong == id {
                self.note(cid);
            }
        }
        led
    }

    fn chosen<'s>(&'s self, meeting: &'s Meeting) -> Vec<Candidate<'s>> {
        for vote in meeting.bieu_quyet.iter().filter(|v| v.duoc_chon) {
            self.note(&vote.ung_vien);
        }
        self.records.chosen(meeting)
    }

    fn agreement(&self, meeting: &Meeting, vote: &Vote) -> u32 {
        Reader::agreement(self, meeting, vote)
    }
}
