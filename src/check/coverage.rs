//! Text the fonts cannot print. Rendering it would be an error deep in Typst
//! (fallback is off, so nothing prints a box instead), so `check` finds it
//! first and names the file, the field and the place, as `build` refuses it.
//! And text that prints but reads wrong: a name typed without its marks.

use std::collections::BTreeSet;

use crate::fonts::{FAMILY, Fonts};
use crate::locate::scalars;
use crate::problem::Problem;
use crate::records::{Kind, Records};
use crate::text::nfc;

/// Characters the fonts cannot draw, found in the records' text, each with
/// its file, field and place.
pub fn uncovered(records: &Records, fonts: &Fonts) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (file, text) in &records.sources {
        // Nearly every file is covered: only a file with a character the
        // fonts lack is walked again to name the field and place.
        let distinct: BTreeSet<char> = nfc(text).chars().filter(|c| !c.is_ascii()).collect();
        if distinct.iter().all(|&c| fonts.covers(c)) {
            continue;
        }
        for scalar in scalars(text) {
            let value = nfc(&scalar.text);
            let missing: BTreeSet<char> = value.chars().filter(|&c| !fonts.covers(c)).collect();
            if missing.is_empty() {
                continue;
            }
            let list: Vec<String> = missing
                .iter()
                .map(|c| format!("\"{c}\" (U+{:04X})", *c as u32))
                .collect();
            problems.push(
                Problem::new(
                    file,
                    scalar.field,
                    format!(
                        "ký tự {} không có trong phông chữ {FAMILY} nên không in được; hãy thay hoặc xóa",
                        list.join(", ")
                    ),
                )
                .at(scalar.line, scalar.column),
            );
        }
    }
    problems
}

/// A full name written without a single Vietnamese letter or tone mark
/// ("Hoang Van Em") is most likely typed without them: it would print so
/// on every document. A note, not an error: some names have none.
pub fn names_without_marks(records: &Records) -> Vec<Problem> {
    records
        .people
        .iter()
        .filter(|(_, p)| {
            let name = p.ho_ten.as_str();
            name.split_whitespace().count() >= 2 && name.is_ascii()
        })
        .map(|(id, p)| {
            let problem = Problem::new(
                &records.file_of(Kind::Person, id),
                "ho_ten",
                format!(
                    "họ tên \"{}\" không có dấu; nếu gõ thiếu dấu, hãy sửa (văn bản in đúng như ghi)",
                    p.ho_ten
                ),
            );
            records.placed(problem, "ho_ten")
        })
        .collect()
}
