//! A staff spreadsheet read as tables of text cells, each with its place
//! as the clerk finds it in the spreadsheet (`Cá nhân!B7`). calamine reads
//! xlsx, xlsm, xls and ods; the csv crate (already in the tree through
//! Typst) reads csv. Nothing here knows what a column means.

use std::path::Path;

use calamine::{Data, Reader as _, open_workbook_auto};

/// One sheet: its name, and its rows from the first (1-based row numbers
/// as the spreadsheet shows them), each cell as text.
pub struct Table {
    pub sheet: String,
    pub rows: Vec<(u32, Vec<String>)>,
    /// The column letter of the first cell of each row (0: A).
    pub first_column: u32,
}

/// Where a cell is: `Sheet!B7`.
pub fn place(sheet: &str, column: u32, row: u32) -> String {
    format!("{sheet}!{}{row}", column_letters(column))
}

/// A problem's place (`Sheet!B7: …`) as sheet, row and column, so the
/// problems of a book are said in the order a clerk reads it; a problem
/// of no cell first.
pub fn order(problem: &str) -> (String, u32, u32) {
    let place = problem.split_once(": ").map_or("", |(p, _)| p);
    let Some((sheet, cell)) = place.rsplit_once('!') else {
        return Default::default();
    };
    let letters: String = cell.chars().take_while(char::is_ascii_uppercase).collect();
    let row = cell[letters.len()..].parse().unwrap_or(0);
    let column = letters
        .bytes()
        .fold(0, |n, b| n * 26 + u32::from(b - b'A' + 1));
    (sheet.to_owned(), row, column)
}

/// 0 → A, 25 → Z, 26 → AA.
fn column_letters(mut column: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (column % 26) as u8));
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// A cell as the text a clerk sees: numbers without a trailing ".0",
/// dates as YYYY-MM-DD.
fn text_of(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "x" } else { "" }.to_owned(),
        Data::DateTime(d) => {
            let (year, month, day, ..) = d.to_ymd_hms_milli();
            format!("{year:04}-{month:02}-{day:02}")
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// Every sheet of the file, by its extension: csv as one sheet named after
/// the file.
pub fn read(path: &Path) -> Result<Vec<Table>, String> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    if extension == "csv" {
        return read_csv(path).map(|t| vec![t]);
    }
    if !["xlsx", "xlsm", "xls", "xlsb", "ods"].contains(&extension.as_str()) {
        return Err(format!(
            "{}: tdkt đọc bảng tính .xlsx, .xls, .ods hoặc .csv; hãy lưu bảng tính ở một trong \
             các dạng ấy",
            path.display()
        ));
    }
    let unreadable = |why: String| format!("{}: không đọc được bảng tính ({why})", path.display());
    crate::read::read_bounded(path, crate::read::MAX_PDF_BYTES)
        .map_err(|e| unreadable(e.to_string()))?;
    let mut book = open_workbook_auto(path).map_err(|e| unreadable(e.to_string()))?;
    let mut tables = Vec::new();
    for sheet in book.sheet_names() {
        let range = book
            .worksheet_range(&sheet)
            .map_err(|e| unreadable(e.to_string()))?;
        let Some((first_row, first_column)) = range.start() else {
            continue;
        };
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, row)| (first_row + 1 + i as u32, row.iter().map(text_of).collect()))
            .collect();
        tables.push(Table {
            sheet,
            rows,
            first_column,
        });
    }
    Ok(tables)
}

fn read_csv(path: &Path) -> Result<Table, String> {
    let bytes = crate::read::read_bounded(path, crate::read::MAX_PDF_BYTES)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    // Excel writes UTF-8 csv with a byte-order mark.
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| {
        format!(
            "{}: tệp csv không phải UTF-8; trong Excel hãy lưu bằng \"CSV UTF-8\"",
            path.display()
        )
    })?;
    // Excel in a Vietnamese locale separates with ";".
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("{}: dòng {}: {e}", path.display(), i + 1))?;
        rows.push((i as u32 + 1, record.iter().map(str::to_owned).collect()));
    }
    let sheet = path
        .file_stem()
        .map_or_else(|| "csv".into(), |s| s.to_string_lossy().into_owned());
    Ok(Table {
        sheet,
        rows,
        first_column: 0,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn columns_are_lettered_as_spreadsheets_letter_them() {
        for (n, letters) in [
            (0, "A"),
            (1, "B"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (701, "ZZ"),
        ] {
            assert_eq!(super::column_letters(n), letters);
        }
    }
}
