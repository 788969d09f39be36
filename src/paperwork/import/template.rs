//! The template books `tdkt import --mau` and `--mau-dang-ky` write: the
//! columns tdkt reads, headed as the import knows them, never over an
//! existing file.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::columns::{Column, Known, PEOPLE, PEOPLE_SHEET, UNITS, UNITS_SHEET};
use super::registrations;
use crate::records::Records;

fn fail(e: XlsxError) -> String {
    e.to_string()
}

/// A sheet named `name` with the `known` columns' headers, bold, widths
/// set.
fn headed(book: &mut Workbook, name: &str, known: &Known) -> Result<(), String> {
    let bold = Format::new().set_bold().set_text_wrap();
    let sheet: &mut Worksheet = book.add_worksheet();
    sheet.set_name(name).map_err(fail)?;
    for (i, (column, header, ..)) in known.iter().enumerate() {
        sheet
            .write_with_format(0, i as u16, *header, &bold)
            .map_err(fail)?;
        sheet
            .set_column_width(i as u16, width(*column))
            .map_err(fail)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(fail)?;
    Ok(())
}

fn save(book: &mut Workbook, path: &Path) -> Result<(), String> {
    if path.exists() {
        return Err(format!("{}: tệp đã có; tdkt không ghi đè", path.display()));
    }
    let bytes = book.save_to_buffer().map_err(fail)?;
    crate::files::write_atomically(path, &bytes).map_err(|e| e.to_string())
}

/// The staff book: a "Cá nhân" and a "Tập thể" sheet with their headers.
pub fn write_template(path: &Path) -> Result<(), String> {
    let mut book = Workbook::new();
    headed(&mut book, PEOPLE_SHEET, PEOPLE)?;
    headed(&mut book, UNITS_SHEET, UNITS)?;
    save(&mut book, path)
}

/// The registration book of a plan: a "Đăng ký" sheet listing its units
/// then its people, by name, to fill in for those who register (a row left
/// without a title is skipped), and a sheet of the titles and content codes
/// to write.
pub fn write_registration_template(records: &Records, path: &Path) -> Result<(), String> {
    let mut book = Workbook::new();
    headed(&mut book, registrations::SHEET, registrations::COLUMNS)?;
    let sheet = book
        .worksheet_from_name(registrations::SHEET)
        .map_err(fail)?;
    let names = records
        .collectives
        .values()
        .map(|u| u.ten.to_string())
        .chain(records.people.values().map(|p| p.ho_ten.to_string()));
    for (row, name) in names.enumerate() {
        sheet.write(row as u32 + 1, 0, name).map_err(fail)?;
    }
    let help = book.add_worksheet();
    help.set_name(registrations::HELP_SHEET).map_err(fail)?;
    help.set_column_width(0, 30).map_err(fail)?;
    help.set_column_width(1, 60).map_err(fail)?;
    let mut lines: Vec<(String, String)> = vec![(
        "Danh hiệu cá nhân".into(),
        crate::vocab::PersonTitle::ALL
            .iter()
            .map(|t| t.label())
            .collect::<Vec<_>>()
            .join("; "),
    )];
    lines.push((
        "Danh hiệu tập thể".into(),
        crate::vocab::CollectiveTitle::ALL
            .iter()
            .map(|t| t.label())
            .collect::<Vec<_>>()
            .join("; "),
    ));
    for area in &records.plan.noi_dung {
        lines.push((format!("Mã nội dung {}", area.ma), area.ten.to_string()));
    }
    lines.push((
        "Ngày đăng ký".into(),
        "ngày/tháng/năm, như 15/01/2025".into(),
    ));
    lines.push((
        "Học tập và làm theo Bác".into(),
        "\"x\" nếu có đăng ký, để trống nếu không".into(),
    ));
    lines.push((
        "Cam kết".into(),
        "lời cam kết như bản đăng ký in; xuống dòng trong ô bằng Alt+Enter".into(),
    ));
    for (row, (what, how)) in lines.iter().enumerate() {
        help.write(row as u32, 0, what).map_err(fail)?;
        help.write(row as u32, 1, how).map_err(fail)?;
    }
    save(&mut book, path)
}

fn width(column: Column) -> f64 {
    match column {
        Column::Name | Column::UnitName | Column::Who | Column::Title => 28.0,
        Column::Position | Column::Unit => 32.0,
        Column::Pledge => 60.0,
        _ => 14.0,
    }
}
