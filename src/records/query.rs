//! The questions a rule or a document asks of a plan's records, as one
//! interface. [`Records`] answers them as they are; the documents' `Reader`
//! answers them and records every record each answer rests on, as the typst
//! program's world records each file it serves. The criteria and the
//! council's decision rules take this interface, so whatever they read
//! while a document is made is a dependency of that document, and nobody
//! lists dependencies by hand.

use std::collections::BTreeSet;

use super::{Candidate, Collective, Meeting, Person, Plan, Records, Vote};
use crate::text::Id;

pub trait Query {
    fn plan(&self) -> &Plan;
    /// The unit or person of this id, if its record was read.
    fn candidate(&self, id: &Id) -> Option<Candidate<'_>>;
    /// The units a person answers for: the one they head and those they are
    /// in charge of.
    fn units_led<'s>(&'s self, id: &Id, person: &'s Person) -> Vec<&'s Collective>;
    /// Those a meeting chose, collectives first.
    fn chosen<'s>(&'s self, meeting: &'s Meeting) -> Vec<Candidate<'s>>;
    /// A candidate's "đồng ý" at a meeting, written opinions included as
    /// the council counts them.
    fn agreement(&self, meeting: &Meeting, vote: &Vote) -> u32;
}

impl Query for Records {
    fn plan(&self) -> &Plan {
        &self.plan
    }

    fn candidate(&self, id: &Id) -> Option<Candidate<'_>> {
        Records::candidate(self, id)
    }

    fn units_led<'s>(&'s self, id: &Id, person: &'s Person) -> Vec<&'s Collective> {
        let mut led: BTreeSet<&Id> = person.phu_trach_phong.iter().collect();
        led.extend(
            self.collectives
                .iter()
                .filter(|(_, c)| &c.truong_phong == id)
                .map(|(cid, _)| cid),
        );
        led.into_iter()
            .filter_map(|cid| self.collectives.get(cid))
            .collect()
    }

    fn chosen<'s>(&'s self, meeting: &'s Meeting) -> Vec<Candidate<'s>> {
        Records::chosen(self, meeting)
    }

    fn agreement(&self, meeting: &Meeting, vote: &Vote) -> u32 {
        Records::agreement(self, meeting, vote)
    }
}
