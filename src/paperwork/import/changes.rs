//! How a row differs from the record it names, and that record's text
//! with the difference written: each key's line replaced, the rest as the
//! clerk left it.

use std::path::Path;

use super::columns::Row;
use super::{Edits, Outcome};
use crate::paperwork::new_record::scalar;
use crate::records::Person;

/// One key of a record the sheet says otherwise.
pub struct Change {
    /// The block the key is in (`dang_ky`), or none for a top-level key.
    scope: Option<&'static str>,
    key: &'static str,
    before: String,
    after: String,
}

impl Change {
    pub fn new(key: &'static str, before: &str, after: &str) -> Change {
        Change {
            scope: None,
            key,
            before: before.to_owned(),
            after: after.to_owned(),
        }
    }

    pub fn within(self, scope: &'static str) -> Change {
        Change {
            scope: Some(scope),
            ..self
        }
    }

    pub fn key(&self) -> &'static str {
        self.key
    }
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A long value (a commitment) shown by its beginning.
        let short = |value: &str| {
            let line = value.lines().next().unwrap_or_default();
            if line.chars().count() > 60 || value.contains('\n') {
                format!("{}…", line.chars().take(57).collect::<String>())
            } else if value.is_empty() {
                "(chưa ghi)".to_owned()
            } else {
                line.to_owned()
            }
        };
        if let Some(scope) = self.scope {
            write!(f, "{scope}.")?;
        }
        write!(
            f,
            "{} \"{}\" → \"{}\"",
            self.key,
            short(&self.before),
            short(&self.after)
        )
    }
}

/// How the record `person` differs from `row` (a key the sheet leaves
/// empty is no difference).
pub fn person_changes(person: &Person, row: &Row, unit: Option<&str>) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut differ = |key, before: String, after: String| {
        if before != after {
            changes.push(Change::new(key, &before, &after));
        }
    };
    differ("ho_ten", person.ho_ten.to_string(), row.name.clone());
    differ(
        "gioi_tinh",
        person.gioi_tinh.code().to_owned(),
        row.gender.code().to_owned(),
    );
    if let Some(born) = row.born {
        differ(
            "nam_sinh",
            person.nam_sinh.map_or_else(String::new, |y| y.to_string()),
            born.to_string(),
        );
    }
    differ("chuc_vu", person.chuc_vu.to_string(), row.position.clone());
    if let Some(unit) = unit {
        differ(
            "don_vi",
            person
                .don_vi
                .as_ref()
                .map_or_else(String::new, |u| u.as_str().to_owned()),
            unit.to_owned(),
        );
    }
    changes
}

/// The keys a sheet sets, in the order `tdkt new` writes them.
const KEY_ORDER: [&str; 6] = [
    "ho_ten",
    "gioi_tinh",
    "nam_sinh",
    "chuc_vu",
    "don_vi",
    "so_thanh_vien",
];

/// A record's text with each changed top-level key written anew, the rest
/// as the clerk left it: the key's line replaced, or (absent) added where
/// `tdkt new` leaves its placeholder, else at the end.
pub fn apply(text: &str, changes: &[Change]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    for change in changes {
        let line = format!("{}: {}", change.key, scalar(&change.after));
        let placeholder = format!("# {}:", change.key);
        if let Some(at) = lines
            .iter()
            .position(|l| l.starts_with(&format!("{}:", change.key)))
        {
            lines[at] = line;
        } else if let Some(at) = lines.iter().position(|l| l.starts_with(&placeholder)) {
            lines[at] = line;
        } else {
            // After the key `tdkt new` writes before it, so the record
            // reads in its usual order.
            let earlier =
                &KEY_ORDER[..KEY_ORDER.iter().position(|k| *k == change.key).unwrap_or(0)];
            let after = lines
                .iter()
                .rposition(|l| earlier.iter().any(|k| l.starts_with(&format!("{k}:"))));
            match after {
                Some(at) => lines.insert(at + 1, line),
                None => lines.push(line),
            }
        }
    }
    lines.join("\n") + "\n"
}

/// A row whose record exists: the same → counted; different → named, and
/// the record's text changed when `update`.
pub fn changed(
    root: &Path,
    file: &Path,
    (at, name): (&str, &str),
    changes: Vec<Change>,
    update: bool,
    outcome: &mut Outcome,
    edits: &mut Edits,
) -> Result<(), Vec<String>> {
    if changes.is_empty() {
        outcome.unchanged += 1;
        return Ok(());
    }
    let named: Vec<String> = changes.iter().map(|c| c.to_string()).collect();
    outcome.changes.push(format!(
        "{at} {name} ({}): {}",
        file.display(),
        named.join("; ")
    ));
    if update {
        let text = edits.text(root, file)?;
        edits.texts.insert(file.to_owned(), apply(&text, &changes));
    }
    Ok(())
}
