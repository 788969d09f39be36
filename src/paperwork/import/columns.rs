//! What the columns of a staff sheet mean: the headers tdkt knows (in
//! Vietnamese, any case, with or without marks), each row read and checked
//! at its cell.

use super::registrations;
use super::sheet::{Table, place};
use crate::paperwork::new_record::gender_from;
use crate::vocab::Gender;
use crate::words::id_from_name;

/// The people's sheet and the units' sheet, as a clerk names them.
pub const PEOPLE_SHEET: &str = "Cá nhân";
pub const UNITS_SHEET: &str = "Tập thể";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Column {
    Name,
    Gender,
    Born,
    Position,
    Unit,
    UnitName,
    Members,
    Who,
    Title,
    Day,
    Areas,
    Follows,
    Pledge,
}

/// A sheet's columns: the header of each in the template, the headers it
/// is known by (as ids: "Họ và tên" is `ho-va-ten`), and whether a sheet
/// must have it.
pub type Known = [(Column, &'static str, &'static [&'static str], bool)];

pub const PEOPLE: &Known = &[
    (Column::Name, "Họ và tên", &["ho-va-ten", "ho-ten"], true),
    (Column::Gender, "Giới tính", &["gioi-tinh"], false),
    (Column::Born, "Năm sinh", &["nam-sinh"], false),
    (
        Column::Position,
        "Chức vụ",
        &["chuc-vu", "chuc-danh"],
        false,
    ),
    (
        Column::Unit,
        "Đơn vị",
        &["don-vi", "phong", "don-vi-cong-tac", "tap-the"],
        false,
    ),
];
pub const UNITS: &Known = &[
    (
        Column::UnitName,
        "Tên tập thể",
        &[
            "ten-tap-the",
            "tap-the",
            "ten-don-vi",
            "don-vi",
            "ten-phong",
            "phong",
        ],
        true,
    ),
    (
        Column::Members,
        "Số thành viên",
        &["so-thanh-vien", "so-nguoi", "so-can-bo"],
        false,
    ),
];

/// A person's row, read and checked.
pub struct Row {
    pub at: String,
    pub name: String,
    pub gender: Gender,
    pub born: Option<u32>,
    pub position: String,
    /// The unit as written, and its cell.
    pub unit: Option<(String, String)>,
    pub notes: Vec<String>,
}

/// A unit's row.
pub struct Unit {
    pub at: String,
    pub name: String,
    pub members: Option<u32>,
}

pub struct Read {
    pub people: Vec<Row>,
    pub units: Vec<Unit>,
}

/// A table's header row (the first row naming every required column) and
/// where each known column is; none when it has none.
fn header(table: &Table, known: &Known) -> Option<(usize, Vec<(Column, usize)>)> {
    table.rows.iter().enumerate().find_map(|(i, (_, cells))| {
        let found: Vec<(Column, usize)> = cells
            .iter()
            .enumerate()
            .filter_map(|(at, cell)| {
                let id = id_from_name(cell);
                known
                    .iter()
                    .find(|(_, _, names, _)| names.contains(&id.as_str()))
                    .map(|(column, ..)| (*column, at))
            })
            .collect();
        let complete = known
            .iter()
            .filter(|(.., required)| *required)
            .all(|(c, ..)| found.iter().any(|(f, _)| f == c));
        complete.then_some((i, found))
    })
}

/// One row below the header: each known column's text, trimmed, and its
/// place.
pub struct Cells(Vec<(Column, String, String)>);

impl Cells {
    /// The column's text and place, empty text included.
    pub fn get(&self, column: Column) -> Option<(String, String)> {
        self.0
            .iter()
            .find(|(c, ..)| *c == column)
            .map(|(_, text, at)| (text.clone(), at.clone()))
    }

    /// The column's text and place when it says something.
    pub fn filled(&self, column: Column) -> Option<(String, String)> {
        self.get(column).filter(|(text, _)| !text.is_empty())
    }
}

/// The rows of `table` below its header row, empty rows left out; or what
/// the sheet lacks.
pub fn data_rows(table: &Table, known: &Known) -> Result<Vec<Cells>, String> {
    let Some((head_row, columns)) = header(table, known) else {
        let required: Vec<String> = known
            .iter()
            .filter(|(.., required)| *required)
            .map(|(_, h, ..)| format!("\"{h}\""))
            .collect();
        let all: Vec<String> = known.iter().map(|(_, h, ..)| format!("\"{h}\"")).collect();
        return Err(format!(
            "{}: không thấy dòng tiêu đề có cột {}; dòng tiêu đề ghi các cột {} (tdkt import \
             --mau TỆP.xlsx lập bảng mẫu)",
            table.sheet,
            required.join(", "),
            all.join(", ")
        ));
    };
    Ok(table
        .rows
        .iter()
        .skip(head_row + 1)
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .map(|(row_no, cells)| {
            Cells(
                columns
                    .iter()
                    .map(|&(column, at)| {
                        let text = cells.get(at).map_or("", |s| s.trim()).to_owned();
                        let place = place(&table.sheet, table.first_column + at as u32, *row_no);
                        (column, text, place)
                    })
                    .collect(),
            )
        })
        .collect())
}

pub fn sheet_named<'a>(tables: &'a [Table], name: &str) -> Option<&'a Table> {
    tables
        .iter()
        .find(|t| id_from_name(&t.sheet) == id_from_name(name))
}

/// Every good row of the people's and the units' sheets, and the
/// problems of the others (a sheet without headers: no rows, its problem).
pub fn read(tables: &[Table], year: i32, problems: &mut Vec<String>) -> Read {
    let mut read = Read {
        people: Vec::new(),
        units: Vec::new(),
    };
    // A book of one's own (a csv, "Sheet1") is a staff list; a
    // registration book has none.
    let others = [UNITS_SHEET, registrations::SHEET, registrations::HELP_SHEET];
    let people_table = sheet_named(tables, PEOPLE_SHEET).or_else(|| {
        sheet_named(tables, registrations::SHEET)
            .is_none()
            .then(|| {
                tables.iter().find(|t| {
                    !others
                        .iter()
                        .any(|other| id_from_name(&t.sheet) == id_from_name(other))
                })
            })
            .flatten()
    });
    if let Some(table) = people_table {
        match data_rows(table, PEOPLE) {
            Err(why) => problems.push(why),
            Ok(rows) => read.people = people(&rows, year, problems),
        }
    }
    if let Some(table) = sheet_named(tables, UNITS_SHEET) {
        match data_rows(table, UNITS) {
            Err(why) => problems.push(why),
            Ok(rows) => read.units = rows.iter().filter_map(|row| unit(row, problems)).collect(),
        }
    }
    read
}

/// The people's rows read; a name seen before is a duplicate whether or not
/// either row has other problems.
fn people(rows: &[Cells], year: i32, problems: &mut Vec<String>) -> Vec<Row> {
    let mut people = Vec::new();
    let mut seen: Vec<(String, String)> = Vec::new();
    for cells in rows {
        if let Some((name, at)) = cells.filled(Column::Name) {
            let id = id_from_name(&name);
            if let Some((_, first)) = seen.iter().find(|(seen, _)| *seen == id) {
                problems.push(format!(
                    "{at}: \"{name}\" đã có ở {first}; mỗi người một dòng (hai người trùng họ \
                     tên: nhập một người, người kia lập bằng tdkt new ca-nhan --trung)"
                ));
                continue;
            }
            seen.push((id, at));
        }
        if let Some(row) = person(cells, year, problems) {
            people.push(row);
        }
    }
    people
}

/// A unit's row read, or its problems said.
fn unit(cells: &Cells, problems: &mut Vec<String>) -> Option<Unit> {
    let (name, at) = cells.filled(Column::UnitName)?;
    let name = crate::text::clean(&name, false)
        .map_err(|why| problems.push(format!("{at}: {why}")))
        .ok()?;
    let members = match cells.filled(Column::Members) {
        None => None,
        Some((m, at)) => match m.parse::<u32>() {
            Ok(n) if n > 0 => Some(n),
            _ => {
                problems.push(format!(
                    "{at}: số thành viên \"{m}\" không phải số nguyên dương; hãy ghi số người, \
                     ví dụ 12"
                ));
                // Still a unit its people may name.
                None
            }
        },
    };
    Some(Unit { at, name, members })
}

/// A person's row read, or its problems said.
fn person(cells: &Cells, year: i32, problems: &mut Vec<String>) -> Option<Row> {
    let before = problems.len();
    let (raw, at) = cells.get(Column::Name)?;
    let mut notes = Vec::new();
    let name = match crate::text::clean(&raw, false) {
        Ok(name) if name.is_empty() => {
            problems.push(format!(
                "{at}: dòng có dữ liệu mà thiếu họ và tên; hãy ghi họ và tên"
            ));
            return None;
        }
        Ok(name) if name.is_ascii() => {
            problems.push(format!(
                "{at}: họ và tên \"{name}\" không có dấu; hãy gõ tiếng Việt có dấu (Unicode), như \
                 văn bản sẽ in"
            ));
            name
        }
        Ok(name) if name.split_whitespace().count() < 2 => {
            problems.push(format!("{at}: \"{name}\" chưa đủ họ và tên"));
            name
        }
        Ok(name) => name,
        Err(why) => {
            problems.push(format!("{at}: {why}"));
            raw
        }
    };
    let gender = match cells.filled(Column::Gender) {
        Some((g, at)) => match id_from_name(&g).as_str() {
            "nam" | "m" => Some(Gender::Male),
            "nu" | "f" => Some(Gender::Female),
            _ => {
                problems.push(format!(
                    "{at}: giới tính \"{g}\" không đọc được; hãy ghi Nam hoặc Nữ"
                ));
                None
            }
        },
        None => {
            let guessed = gender_from(&name);
            match guessed {
                Some(g) => notes.push(format!("{at}: giới tính của {name} đoán theo tên đệm ({}); sửa nếu sai", g.label())),
                None => problems.push(format!(
                    "{at}: không đoán được giới tính của \"{name}\"; hãy ghi Nam hoặc Nữ ở cột \"Giới tính\""
                )),
            }
            guessed
        }
    };
    let born = match cells.filled(Column::Born) {
        None => None,
        Some((b, at)) => match b.parse::<i32>() {
            Ok(y) if (year - 75..=year - 15).contains(&y) => Some(y as u32),
            Ok(y) => {
                problems.push(format!(
                    "{at}: năm sinh {y} không hợp với kế hoạch năm {year} (người đang công tác \
                     sinh trong khoảng {}–{}); hãy kiểm tra lại",
                    year - 75,
                    year - 15
                ));
                None
            }
            Err(_) => {
                problems.push(format!(
                    "{at}: năm sinh \"{b}\" không phải một năm; hãy ghi như 1985"
                ));
                None
            }
        },
    };
    let position = match cells.filled(Column::Position) {
        Some((p, at)) => crate::text::clean(&p, false).unwrap_or_else(|why| {
            problems.push(format!("{at}: {why}"));
            p
        }),
        None => {
            notes.push(format!(
                "{at}: chức vụ của {name} ghi \"Chuyên viên\"; sửa nếu khác"
            ));
            "Chuyên viên".to_owned()
        }
    };
    let unit = cells.filled(Column::Unit);
    if let Some((u, at)) = &unit
        && let Err(why) = crate::text::clean(u, false)
    {
        problems.push(format!("{at}: {why}"));
    }
    (problems.len() == before).then_some(Row {
        at,
        name,
        gender: gender?,
        born,
        position,
        unit,
        notes,
    })
}
