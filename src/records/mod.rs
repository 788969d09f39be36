//! The records a clerk keeps, one YAML file per thing, as typed data.
//!
//! Keys are Vietnamese words without diacritics, so a clerk can read them;
//! every struct refuses unknown keys, so a typo never silently drops data.
//! `docs/records.md` documents every key with an example.

mod award;
mod kind;
mod list;
mod meeting;
pub mod number;
mod people;
mod plan;
pub mod plan_text;
mod query;
mod register;
mod year_report;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use crate::job::hash_bytes;
use crate::problem::Problem;
use crate::text::{Date, Id, Line};
use crate::vocab::MeetingKind;
pub use award::{Award, Blank, Decision, Granted, Issuing, Offset, Position, Tenths};
pub use kind::Kind;
pub use list::RegistrationList;
pub use meeting::{Absence, Meeting, Proposal, ProposedGroup, Vote};
pub use number::{DocNumber, Symbol};
pub use people::{
    Biography, Collective, CollectiveRegistration, DisciplinaryMeasure, Evaluation, Initiative,
    Person, PersonRegistration, Recognition, UnitSketch,
};
pub use plan::{
    Body, ContentArea, Council, CouncilMember, Criteria, Fraction, IssuerNames, Plan, Quota,
    Quotas, Signer, Threshold,
};
pub use query::Query;
pub use register::{Entry, NumberSeries, Register, RegisterSettings, Series};
pub use year_report::YearReport;

/// Every record of a folder, loaded and cross-checked. Maps are keyed by id;
/// every id a record names resolves (the loader guarantees it).
#[derive(Debug, Clone)]
pub struct Records {
    /// The plan's name: its folder in a records folder holding many plans,
    /// its year when the records folder is the plan's own. Its documents go
    /// below the output folder's folder of that name.
    pub name: String,
    pub plan: Plan,
    pub collectives: BTreeMap<Id, Collective>,
    pub people: BTreeMap<Id, Person>,
    pub meetings: BTreeMap<Id, Meeting>,
    pub proposals: BTreeMap<Id, Proposal>,
    /// Decisions on awards received in this plan (`quyet-dinh/`).
    pub decisions: BTreeMap<Id, Decision>,
    /// Awards from the decisions of the repository's other plans, up to
    /// this plan's year, by recipient: the history this plan reads.
    pub earlier_awards: BTreeMap<Id, Vec<Award>>,
    /// The registration list's record; none when the plan has no such file.
    pub registration_list: Option<RegistrationList>,
    /// The year report's record; none when the plan has no such file.
    pub year_report: Option<YearReport>,
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
    /// How a document lists candidates when no other order is asked for:
    /// units first, as they came (a stable sort keeps them), then people by
    /// name, the Vietnamese way.
    pub fn listing_key(&self) -> Option<crate::words::NameKey> {
        match self {
            Candidate::Collective(..) => None,
            Candidate::Person(_, p) => Some(p.name_key()),
        }
    }

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
                danh_hieu: r.danh_hieu.code(),
                lam_theo_bac: r.lam_theo_bac,
                cam_ket: r.cam_ket.as_str(),
            }),
            Candidate::Person(_, p) => p.dang_ky.as_ref().map(|r| Registered {
                ngay: r.ngay,
                noi_dung: &r.noi_dung,
                danh_hieu: r.danh_hieu.code(),
                lam_theo_bac: r.lam_theo_bac,
                cam_ket: r.cam_ket.as_str(),
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
    /// The title's code, a unit's or a person's.
    pub danh_hieu: &'static str,
    pub lam_theo_bac: bool,
    pub cam_ket: &'a str,
}

impl Records {
    /// The plan's id, as a document's dependencies name it.
    pub fn plan_id() -> Id {
        Id("ke-hoach".into())
    }

    /// The id of the one record of a kind kept at the top of the plan's
    /// folder (the list's, the report's), from its file's name.
    pub fn top_id(kind: Kind) -> Id {
        let file = kind.top_file().unwrap_or_default();
        Id(file.trim_end_matches(".yaml").into())
    }

    pub fn candidate(&self, id: &Id) -> Option<Candidate<'_>> {
        if let Some((id, c)) = self.collectives.get_key_value(id) {
            return Some(Candidate::Collective(id, c));
        }
        self.people
            .get_key_value(id)
            .map(|(id, p)| Candidate::Person(id, p))
    }

    /// The file of each of the records `ids`, with the hash of its text:
    /// what the register keeps of a document's sources, to say later which
    /// of them changed.
    pub fn hashes_of(&self, ids: &BTreeSet<Id>) -> BTreeMap<PathBuf, String> {
        let mut files: BTreeSet<&PathBuf> = self
            .files
            .iter()
            .filter(|((_, id), _)| ids.contains(id))
            .map(|(_, file)| file)
            .collect();
        if ids.contains(&Records::plan_id()) {
            files.insert(&self.plan_file);
        }
        files
            .into_iter()
            .filter_map(|f| Some((f.clone(), hash_bytes(self.sources.get(f)?.as_bytes()))))
            .collect()
    }

    /// `problem` with the line and column of `field` in its file, where
    /// the file's text has it.
    pub fn placed(&self, problem: Problem, field: &str) -> Problem {
        match self
            .sources
            .get(&problem.file)
            .and_then(|text| crate::locate::locate(text, field))
        {
            Some((line, column)) => problem.at(line, column),
            None => problem,
        }
    }

    /// A record's file; for a record kept beside the plan and not yet
    /// written (the list's, the report's), where `tdkt issue` writes it.
    pub fn file_of(&self, kind: Kind, id: &Id) -> PathBuf {
        match (self.files.get(&(kind, id.clone())), kind.top_file()) {
            (Some(file), _) => file.clone(),
            (None, Some(top)) => self.plan_file.with_file_name(top),
            (None, None) => PathBuf::new(),
        }
    }

    /// What a unit or person was awarded before this plan: the awards
    /// written in their record for the years before the records, and those
    /// of earlier plans' decisions; by year, each once.
    pub fn awards_of(&self, id: &Id) -> Vec<Award> {
        let own = match self.candidate(id) {
            Some(Candidate::Collective(_, c)) => c.khen_thuong_truoc.as_slice(),
            Some(Candidate::Person(_, p)) => p.khen_thuong_truoc.as_slice(),
            None => &[],
        };
        let mut all: Vec<Award> = own
            .iter()
            .chain(self.earlier_awards.get(id).into_iter().flatten())
            .cloned()
            .collect();
        all.sort_by_key(|a| (a.nam, a.ngay));
        let mut seen = Vec::new();
        all.retain(|a| {
            let new = !seen.contains(a);
            seen.push(a.clone());
            new
        });
        all
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
        people.sort_by_cached_key(|p| match p {
            Candidate::Person(_, x) => x.name_key(),
            Candidate::Collective(_, x) => crate::words::name_key(x.ten.as_str()),
        });
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

    /// Those a proposal proposes, each with the form proposed: the ones
    /// its meeting chose that it names (all of them under one `hinh_thuc`),
    /// collectives first.
    pub fn proposed<'a>(&'a self, p: &'a Proposal) -> Vec<(Candidate<'a>, &'a Line)> {
        self.meetings
            .get(&p.cuoc_hop)
            .map(|m| proposed_of(p, self.chosen(m)))
            .unwrap_or_default()
    }

    /// Who a meeting votes on: the candidates of its recorded vote, or,
    /// before the vote, those its stage puts to it (the registrants at a
    /// selection; at the year's end, those chosen at the first selection,
    /// or the registrants when the council holds none).
    pub fn ballot<'a>(&'a self, m: &'a Meeting) -> Vec<Candidate<'a>> {
        if m.bieu_quyet.is_empty() {
            self.put_to(m.loai)
        } else {
            m.bieu_quyet
                .iter()
                .filter_map(|v| self.candidate(&v.ung_vien))
                .collect()
        }
    }

    /// Who a meeting of this kind votes on before its vote is recorded:
    /// the registrants at a selection; at the year's end, those chosen at
    /// the first selection, or the registrants when the council held none.
    pub fn put_to(&self, kind: MeetingKind) -> Vec<Candidate<'_>> {
        match self.meetings_of(MeetingKind::Selection).first() {
            Some((_, s)) if kind == MeetingKind::YearEnd => self.chosen(s),
            _ => self.registrants(),
        }
    }

    /// The candidates a meeting chose, collectives first.
    pub fn chosen<'a>(&'a self, meeting: &'a Meeting) -> Vec<Candidate<'a>> {
        let mut found: Vec<_> = meeting
            .bieu_quyet
            .iter()
            .filter(|v| v.duoc_chon)
            .filter_map(|v| self.candidate(&v.ung_vien))
            .collect();
        found.sort_by_key(|c| c.kind());
        found
    }

    /// A candidate's "đồng ý" at a meeting: the ballots', and the written
    /// opinions of absent members that agree, unless the council does not
    /// count them.
    pub fn agreement(&self, meeting: &Meeting, vote: &Vote) -> u32 {
        let written = if self.plan.hoi_dong.tinh_y_kien_vang_mat.unwrap_or(true) {
            meeting
                .vang_mat
                .iter()
                .filter(|a| a.dong_y.contains(&vote.ung_vien))
                .count() as u32
        } else {
            0
        };
        vote.dong_y + written
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

/// Of those a meeting chose, the ones a proposal names, with their forms.
pub fn proposed_of<'a>(
    p: &'a Proposal,
    chosen: Vec<Candidate<'a>>,
) -> Vec<(Candidate<'a>, &'a Line)> {
    chosen
        .into_iter()
        .filter_map(|c| p.form_of(c.id()).map(|form| (c, form)))
        .collect()
}
