//! What the body does with its paperwork beyond building it: issue a
//! document (a number from the register, the archived PDF), list every
//! document with its state, verify where a PDF comes from, start next
//! year's plan from this one's.

mod allot;
pub mod import;
pub mod init;
pub mod issue;
pub mod list;
mod new_meeting;
pub mod new_plan;
pub mod new_record;
pub mod open;
pub mod register_book;
mod signed;
pub mod verify;

use std::path::PathBuf;

use crate::job::Job;
use crate::load::{self, PlanLoaded, Repository};
use crate::records::Register;

/// One plan's documents, as the records call for them now.
pub(crate) struct PlanDocuments<'a> {
    pub plan: &'a PlanLoaded,
    pub jobs: Vec<Job>,
}

/// A records folder read for one of these commands: its plans, their
/// documents and the register.
pub(crate) struct Desk {
    pub repository: Repository,
    pub register: Register,
    /// Problems of the register's own files, said by `check`.
    pub register_problems: usize,
    /// What was done about an issue a killed run had left, or why nothing
    /// could be.
    pub recovered: Option<String>,
}

impl Desk {
    /// Reads the records, once an issue a killed run left is finished or
    /// undone (`recovered` says what was done).
    pub fn open(records: &std::path::Path, plan: Option<&str>) -> Desk {
        let recovered = crate::journal::recover(records).unwrap_or_else(Some);
        let repository = load::repository(records, plan);
        let (register, problems) = load::read_register(records);
        Desk {
            repository,
            register,
            register_problems: problems.len(),
            recovered,
        }
    }

    pub fn documents(&self) -> Vec<PlanDocuments<'_>> {
        self.repository
            .plans
            .iter()
            .map(|plan| PlanDocuments {
                plan,
                jobs: plan
                    .loaded
                    .records
                    .as_ref()
                    .map(crate::documents::plan)
                    .unwrap_or_default(),
            })
            .collect()
    }

    /// Where an issued document's PDF is archived: in its plan's folder,
    /// `da-ban-hanh/`, at its name below the plan.
    pub fn archive_path(plan: &PlanLoaded, key: &str) -> PathBuf {
        let below = key.strip_prefix(&format!("{}/", plan.name)).unwrap_or(key);
        plan.folder
            .join(load::ARCHIVE_FOLDER)
            .join(format!("{below}.pdf"))
    }
}
