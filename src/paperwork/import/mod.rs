//! `tdkt import FILE`: a staff spreadsheet (units and people) made into
//! records, one a row, written as `tdkt new` writes them; a registration
//! sheet ("Đăng ký") made into their `dang_ky` blocks. Every problem of the
//! book is said at once at its cell, and then nothing is written; a row
//! whose record exists is compared, and a difference is written only when
//! asked (`--cap-nhat`), each change named. Importing twice changes
//! nothing. The columns are in `docs/records.md` and in the template sheets
//! `tdkt import --mau` writes.

mod changes;
mod columns;
mod registrations;
mod sheet;
mod template;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::new_record::{self, Request};
use crate::files::write_atomically;
use crate::records::{Kind, Records};
use crate::text::{Id, folded as fold};
use crate::words::id_from_name;
use changes::{Change, changed};
use columns::{Row, Unit};

pub use template::write_template;

/// What the import did, or would do.
#[derive(Default)]
pub struct Outcome {
    /// Records written, relative to the records folder.
    pub written: Vec<PathBuf>,
    /// Of them, records new to the folder.
    pub created: usize,
    /// Registrations written into records that had none.
    pub registered: usize,
    /// Differences between the sheet and existing records, each named;
    /// written only when `applied`.
    pub changes: Vec<String>,
    pub applied: bool,
    /// Rows whose records already say the same.
    pub unchanged: usize,
    /// What was assumed (a guessed gender, a default position).
    pub notes: Vec<String>,
}

/// What the import will write: each record's new text, by its file below
/// the records folder, and which of them are new.
#[derive(Default)]
struct Edits {
    texts: BTreeMap<PathBuf, String>,
    new: Vec<PathBuf>,
}

impl Edits {
    /// A record's text as the import has it so far.
    fn text(&self, root: &Path, file: &Path) -> Result<String, Vec<String>> {
        match self.texts.get(file) {
            Some(text) => Ok(text.clone()),
            None => std::fs::read_to_string(root.join(file))
                .map_err(|e| vec![format!("{}: {}", file.display(), crate::read::io_words(&e))]),
        }
    }
}

/// Imports `sheet_file` into the plan `plan` (default: the only or last
/// plan) of the records folder `root`. On any problem of the book, every
/// problem and nothing written.
pub fn import(
    root: &Path,
    sheet_file: &Path,
    plan: Option<&str>,
    update: bool,
) -> Result<Outcome, Vec<String>> {
    let folder = new_record::plan_folder(root, plan).map_err(|e| vec![e])?;
    let records = new_record::records_of(root, &folder).map_err(|e| vec![e])?;
    let tables = sheet::read(sheet_file).map_err(|e| vec![e])?;
    let mut problems = Vec::new();
    let read = columns::read(&tables, records.plan.nam, &mut problems);
    let registrations = registrations::read(&tables, &records.plan.noi_dung, &mut problems);
    let mut outcome = Outcome::default();
    let mut edits = Edits::default();
    let units = resolve_units(&read.units, &records, &mut problems);
    let areas = Some(records.plan.noi_dung.as_slice());
    for row in &read.people {
        let unit = match &row.unit {
            None => None,
            Some((text, at)) => match units.get(&fold(text)) {
                Some(id) => Some(id.clone()),
                None => {
                    problems.push(unknown_unit(text, at, &records, &read.units));
                    continue;
                }
            },
        };
        let id = id_from_name(&row.name);
        if let Some(person) = records.people.get(&Id(id.clone())) {
            let changes = changes::person_changes(person, row, unit.as_deref());
            let file = records.file_of(Kind::Person, &Id(id));
            changed(
                root,
                &file,
                (&row.at, &row.name),
                changes,
                update,
                &mut outcome,
                &mut edits,
            )?;
            continue;
        }
        let request = Request {
            kind: Kind::Person,
            name: row.name.clone(),
            plan: None,
            unit,
            gender: Some(row.gender),
            position: Some(row.position.clone()),
            birth_year: row.born,
            head: None,
            date: None,
            again: false,
        };
        let file = folder
            .join(Kind::Person.folder())
            .join(format!("{id}.yaml"));
        let text = new_record::person_text(&request, row.gender, &row.position, areas);
        outcome.notes.extend(row.notes.iter().cloned());
        edits.texts.insert(
            file.clone(),
            format!("{}{text}", new_record::schema_line(root, &file)),
        );
        edits.new.push(file);
    }
    for unit in &read.units {
        let Some(id) = units.get(&fold(&unit.name)) else {
            continue;
        };
        if let Some(existing) = records.collectives.get(&Id(id.clone())) {
            let changes = match unit.members {
                Some(members) if members != existing.so_thanh_vien => vec![Change::new(
                    "so_thanh_vien",
                    &existing.so_thanh_vien.to_string(),
                    &members.to_string(),
                )],
                _ => Vec::new(),
            };
            let file = records.file_of(Kind::Collective, &Id(id.clone()));
            changed(
                root,
                &file,
                (&unit.at, &unit.name),
                changes,
                update,
                &mut outcome,
                &mut edits,
            )?;
            continue;
        }
        let Some(head) = head_of(unit, &read.people) else {
            problems.push(format!(
                "{}: đơn vị \"{}\" chưa có người đứng đầu ở trang Cá nhân; hãy ghi chức vụ \
                 \"Trưởng phòng\" (hay \"Chánh Văn phòng\", \"Giám đốc\") cho người ấy",
                unit.at, unit.name
            ));
            continue;
        };
        let members = unit.members.unwrap_or_else(|| {
            read.people
                .iter()
                .filter(|p| {
                    p.unit
                        .as_ref()
                        .is_some_and(|(u, _)| fold(u) == fold(&unit.name))
                })
                .count() as u32
        });
        let request = Request {
            kind: Kind::Collective,
            name: unit.name.clone(),
            plan: None,
            unit: None,
            gender: None,
            position: None,
            birth_year: None,
            head: Some(head.clone()),
            date: None,
            again: false,
        };
        let file = folder
            .join(Kind::Collective.folder())
            .join(format!("{id}.yaml"));
        let text = new_record::collective_text(&request, &head, members, areas);
        edits.texts.insert(
            file.clone(),
            format!("{}{text}", new_record::schema_line(root, &file)),
        );
        edits.new.push(file);
    }
    for row in &registrations {
        register(
            root,
            &folder,
            row,
            &records,
            &read,
            update,
            &mut outcome,
            &mut edits,
            &mut problems,
        )?;
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| sheet::order(p));
        return Err(problems);
    }
    outcome.applied = update || outcome.changes.is_empty();
    outcome.created = edits.new.len();
    for (file, text) in edits.texts {
        write_atomically(&root.join(&file), text.as_bytes()).map_err(|e| vec![e.to_string()])?;
        outcome.written.push(file);
    }
    Ok(outcome)
}

/// Writes the registration book of the plan `plan` of `root` to `path`:
/// its units and people listed, to be filled in.
pub fn write_registration_template(
    root: &Path,
    plan: Option<&str>,
    path: &Path,
) -> Result<(), String> {
    let folder = new_record::plan_folder(root, plan)?;
    let records = new_record::records_of(root, &folder)?;
    template::write_registration_template(&records, path)
}

/// A registration row written into the record of the person or unit it
/// names — an existing record or one this import makes.
#[allow(clippy::too_many_arguments)]
fn register(
    root: &Path,
    folder: &Path,
    row: &registrations::Row,
    records: &Records,
    read: &columns::Read,
    update: bool,
    outcome: &mut Outcome,
    edits: &mut Edits,
    problems: &mut Vec<String>,
) -> Result<(), Vec<String>> {
    let wanted = fold(&row.who);
    // A person by name or id, else a unit: in the records, or new in this
    // import.
    let named = |id: &Id, name: &str| fold(name) == wanted || fold(id.as_str()) == wanted;
    let existing = records
        .people
        .iter()
        .find(|(id, p)| named(id, p.ho_ten.as_str()))
        .map(|(id, _)| id)
        .or_else(|| {
            records
                .collectives
                .iter()
                .find(|(id, u)| named(id, u.ten.as_str()))
                .map(|(id, _)| id)
        })
        .and_then(|id| records.candidate(id));
    let (kind, id, existing) = match existing {
        Some(c) => (
            c.kind(),
            c.id().clone(),
            c.registration().map(|r| registrations::shown(&r)),
        ),
        None if read.people.iter().any(|p| fold(&p.name) == wanted) => {
            (Kind::Person, Id(id_from_name(&row.who)), None)
        }
        None if read.units.iter().any(|u| fold(&u.name) == wanted) => {
            (Kind::Collective, Id(id_from_name(&row.who)), None)
        }
        None => {
            problems.push(format!(
                "{}: không có cá nhân hay tập thể \"{}\" trong bản ghi; hãy ghi đúng họ tên (tên \
                 tập thể) như bản ghi, hoặc nhập danh sách cán bộ trước",
                row.at, row.who
            ));
            return Ok(());
        }
    };
    let fields = match row.fields(kind == Kind::Person) {
        Ok(fields) => fields,
        Err(why) => {
            problems.push(why);
            return Ok(());
        }
    };
    let file = match records.files.get(&(kind, id.clone())) {
        Some(file) => file.clone(),
        None => folder
            .join(kind.folder())
            .join(format!("{}.yaml", id.as_str())),
    };
    match existing {
        None => {
            let text = edits.text(root, &file)?;
            edits
                .texts
                .insert(file, registrations::write(&text, &fields));
            outcome.registered += 1;
        }
        Some(shown) => {
            let changes: Vec<Change> = fields
                .iter()
                .filter_map(|f| {
                    let before = shown
                        .iter()
                        .find(|(k, _)| *k == f.key)
                        .map_or("", |(_, v)| v);
                    (before != f.shown)
                        .then(|| Change::new(f.key, before, &f.shown).within("dang_ky"))
                })
                .collect();
            if changes.is_empty() {
                outcome.unchanged += 1;
                return Ok(());
            }
            let named: Vec<String> = changes.iter().map(|c| c.to_string()).collect();
            outcome.changes.push(format!(
                "{} {} ({}): {}",
                row.at,
                row.who,
                file.display(),
                named.join("; ")
            ));
            if update {
                let text = edits.text(root, &file)?;
                let differing: Vec<registrations::Field> = fields
                    .into_iter()
                    .filter(|f| changes.iter().any(|c| c.key() == f.key))
                    .collect();
                edits
                    .texts
                    .insert(file, registrations::write(&text, &differing));
            }
        }
    }
    Ok(())
}

fn unknown_unit(text: &str, at: &str, records: &Records, sheet_units: &[Unit]) -> String {
    let known: Vec<String> = records
        .collectives
        .values()
        .map(|c| c.ten.to_string())
        .chain(sheet_units.iter().map(|u| u.name.clone()))
        .collect();
    format!(
        "{at}: không có đơn vị \"{text}\" trong bản ghi hay ở trang Tập thể; hãy ghi đúng tên một \
         đơn vị ({}) hoặc thêm nó vào trang Tập thể",
        known.join(", ")
    )
}

/// The id of every unit a row may name: the records' units by name and by
/// id, and the sheet's new units by the id their name gives.
fn resolve_units(
    sheet_units: &[Unit],
    records: &Records,
    problems: &mut Vec<String>,
) -> BTreeMap<String, String> {
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    for (id, unit) in &records.collectives {
        ids.insert(fold(&unit.ten.to_string()), id.as_str().to_owned());
        ids.insert(fold(id.as_str()), id.as_str().to_owned());
    }
    for unit in sheet_units {
        let id = id_from_name(&unit.name);
        if !Id::is_valid(&id) {
            problems.push(format!(
                "{}: không lập được mã từ tên \"{}\"",
                unit.at, unit.name
            ));
            continue;
        }
        ids.entry(fold(&unit.name)).or_insert(id);
    }
    ids
}

/// The person who heads a new unit: the one row of it whose position is a
/// head's ("Trưởng …", "Chánh …", "Giám đốc", "Hiệu trưởng").
fn head_of(unit: &Unit, people: &[Row]) -> Option<String> {
    people
        .iter()
        .filter(|p| {
            p.unit
                .as_ref()
                .is_some_and(|(u, _)| fold(u) == fold(&unit.name))
        })
        .find(|p| {
            let position = id_from_name(&p.position);
            ["truong", "chanh", "giam-doc", "hieu-truong"]
                .iter()
                .any(|head| position == *head || position.starts_with(&format!("{head}-")))
        })
        .map(|p| id_from_name(&p.name))
}
