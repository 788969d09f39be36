//! #27.4: beside the PDFs, the lists the level above asks for as `.xlsx`:
//! read back with a real spreadsheet library (openpyxl), held to the
//! printed table, and written by the PDFs' rules (only when changed, never
//! over a clerk's file, the same bytes for the same records).

mod common;

use std::fs;
use std::path::Path;

use common::{Folder, build, example_records, read_book, stdout};
use serde_json::{Value, json};
use tempfile::TempDir;

const LIST: &str = "2020/dang-ky/danh-sach";
const PROPOSAL: &str = "2020/to-trinh/2020-12-18-de-nghi-khen-thuong";
const STATISTICS: &str = "2020/thong-ke-khen-thuong";

fn built(records: &Path) -> TempDir {
    let out = TempDir::new().expect("temp dir");
    let run = build(records, out.path());
    assert!(run.status.success(), "{}", stdout(&run));
    out
}

/// A PDF's text in content order, white space made one space: a cell's
/// wrapped lines read back whole.
fn printed(pdf: &Path) -> String {
    common::pdf::raw_text(pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A candidates' table's header row: the columns every list begins with,
/// then its own.
fn assert_headers(row: &Value, own: &[&str]) {
    let mut expected = vec!["STT", "Tập thể, cá nhân", "Tên", "Chức vụ, đơn vị"];
    expected.extend(own);
    assert_eq!(*row, json!(expected));
}

fn sheet<'a>(book: &'a Value, sheet: &str) -> &'a [Value] {
    book[sheet]
        .as_array()
        .unwrap_or_else(|| panic!("no sheet {sheet} in {book}"))
}

#[test]
fn the_registration_list_is_a_spreadsheet_of_the_printed_table() {
    let out = built(&example_records());
    let book = read_book(&out.path().join(format!("{LIST}.xlsx")));
    let rows = sheet(&book, "Danh sách đăng ký");
    assert!(
        rows[0][0]
            .as_str()
            .is_some_and(|t| t.starts_with("Danh sách tập thể, cá nhân đăng ký")),
        "{:?}",
        rows[0]
    );
    assert_headers(&rows[2], &["Nội dung đăng ký", "Danh hiệu đăng ký"]);
    let candidates = &rows[3..];
    // One row per candidate, numbered as numbers; units first.
    for (i, row) in candidates.iter().enumerate() {
        assert_eq!(row[0], json!(i + 1), "{row}");
    }
    let pdf = printed(&out.path().join(format!("{LIST}.pdf")));
    for row in candidates {
        let name = row[2].as_str().expect("a name");
        let title = row[5].as_str().expect("a title");
        assert!(pdf.contains(name) && pdf.contains(title), "{name} {title}");
    }
    let units = candidates.iter().filter(|r| r[1] == "Tập thể").count();
    let people = candidates.iter().filter(|r| r[1] == "Cá nhân").count();
    assert!(
        pdf.contains(&format!("TẬP THỂ ({units:02})"))
            && pdf.contains(&format!("CÁ NHÂN ({people:02})")),
        "{units} units, {people} people:\n{pdf}"
    );
    assert!(
        candidates
            .iter()
            .any(|r| r[2] == "Ngô Văn Khải" && r[3] == "Trưởng phòng Tổ chức đảng - Đảng viên"),
        "names with ordinary spaces, positions as printed"
    );
}

#[test]
fn a_proposal_and_the_years_awards_are_spreadsheets_with_numbers_and_dates() {
    let out = built(&example_records());
    let book = read_book(&out.path().join(format!("{PROPOSAL}.xlsx")));
    let rows = sheet(&book, "Đề nghị khen thưởng");
    assert_headers(&rows[2], &["Thành tích", "Hình thức đề nghị"]);
    let pdf = printed(&out.path().join(format!("{PROPOSAL}.pdf")));
    for row in &rows[3..] {
        assert!(pdf.contains(row[2].as_str().expect("name")), "{row}");
        assert_eq!(row[5], "Giấy khen của Trưởng Ban Tổ chức Tỉnh ủy");
    }

    let book = read_book(&out.path().join(format!("{STATISTICS}.xlsx")));
    let counts = sheet(&book, "Thống kê");
    assert_eq!(counts[0][0], "Thống kê khen thưởng năm 2020");
    assert_eq!(
        counts[3],
        json!([
            "Giấy khen của Trưởng Ban Tổ chức Tỉnh ủy",
            "128-QĐ/BTCTU",
            "date:2020-12-28",
            "Trưởng Ban Tổ chức Tỉnh ủy",
            1,
            2,
            3
        ])
    );
    let awarded = sheet(&book, "Danh sách");
    let names: Vec<&str> = awarded[3..].iter().filter_map(|r| r[2].as_str()).collect();
    assert_eq!(
        names,
        [
            "Phòng Tổ chức đảng - Đảng viên",
            "Ngô Văn Khải",
            "Lê Thị Thu Hương"
        ]
    );
    assert!(awarded[3..].iter().all(|r| r[6] == "date:2020-12-28"));
}

/// The same records give the same bytes; a rebuild with nothing changed
/// writes no spreadsheet; a changed record rewrites its list; a file the
/// clerk put at a spreadsheet's name is kept; a spreadsheet whose
/// document is gone goes.
#[test]
fn spreadsheets_follow_the_rules_of_the_pdfs() {
    let records = Folder::copy_of(&example_records());
    let first = built(records.path());
    let second = built(records.path());
    let list = |out: &Path| out.join(format!("{LIST}.xlsx"));
    assert_eq!(
        fs::read(list(first.path())).expect("list"),
        fs::read(list(second.path())).expect("list"),
        "the same records gave different bytes"
    );

    let out = first.path();
    let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).expect("time");
    let before = modified(&list(out));
    let again = build(records.path(), out);
    assert!(!stdout(&again).contains("bảng tính"), "{}", stdout(&again));
    assert_eq!(modified(&list(out)), before);

    records.edit(
        "2020/ca-nhan/mac-thi-yen.yaml",
        "danh_hieu: lao_dong_tien_tien",
        "danh_hieu: chien_si_thi_dua_co_so",
    );
    let changed = build(records.path(), out);
    assert!(
        stdout(&changed).contains(&format!("{LIST}.xlsx")),
        "{}",
        stdout(&changed)
    );
    let book = read_book(&list(out));
    assert!(
        sheet(&book, "Danh sách đăng ký")
            .iter()
            .any(|r| r[2] == "Mạc Thị Yến" && r[5] == "Chiến sĩ thi đua cơ sở")
    );

    // The clerk's own file at the statistics' name.
    let statistics = out.join(format!("{STATISTICS}.xlsx"));
    fs::write(&statistics, b"the clerk's own table").expect("write");
    records.edit(
        "2020/quyet-dinh/2020-12-28-khen-thuong.yaml",
        "ly_do: Đã có thành tích",
        "ly_do: Có thành tích",
    );
    let kept = build(records.path(), out);
    assert!(
        stdout(&kept).contains("thong-ke-khen-thuong.xlsx: tệp này không phải do tdkt ghi"),
        "{}",
        stdout(&kept)
    );
    assert_eq!(
        fs::read(&statistics).expect("kept"),
        b"the clerk's own table"
    );
}

/// A spreadsheet whose document is gone goes with its PDF.
#[test]
fn a_vanished_proposal_takes_its_spreadsheet_along() {
    let records = Folder::small();
    let out = built(records.path());
    let proposal = out.path().join("2020/to-trinh/de-nghi.xlsx");
    assert!(proposal.exists());
    records.remove("to-trinh/de-nghi.yaml");
    let run = build(records.path(), out.path());
    assert!(run.status.success(), "{}", stdout(&run));
    assert!(!proposal.exists());
    assert!(!out.path().join("2020/to-trinh/de-nghi.pdf").exists());
    assert!(out.path().join("2020/dang-ky/danh-sach.xlsx").exists());
}
