//! `tdkt register`: the year's outgoing register printed in the paper
//! book's columns (read back from the PDF), and its entries with the fields
//! of NĐ 30/2020 Phụ lục VI.

mod common;

use std::fs;

use common::pdf::{info, on_one_line, raw_text, words};
use common::{Folder, example_records, run_on};
use serde_json::Value;

const DECISION: &str = "2020/quyet-dinh/2020-12-28-khen-thuong";

#[test]
fn the_years_register_prints_as_a_book_with_the_paper_books_columns() {
    let records = Folder::copy_of(&example_records());
    let (code, text) = run_on(records.path(), &["issue", DECISION]);
    assert_eq!(code, 0, "{text}");
    let out = tempfile::TempDir::new().expect("temp dir");
    let out_s = out.path().to_string_lossy().into_owned();
    let (code, text) = run_on(records.path(), &["register", "2020", "--out", &out_s]);
    assert_eq!(code, 0, "{text}");
    let book = out.path().join("so-van-ban-di/2020.pdf");
    assert!(info(&book).contains("841.89 x 595.276"), "A4 landscape");

    // In content order, each cell's lines together.
    let text = raw_text(&book)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for said in [
        "TỈNH ỦY BẮC GIANG",
        "BAN TỔ CHỨC",
        "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
        "Năm 2020",
        "Từ ngày 05/03/2020 đến ngày 28/12/2020",
        "Số, ký hiệu văn bản",
        "Ngày tháng văn bản",
        "Tên loại và trích yếu nội dung văn bản",
        "Người ký",
        "Nơi nhận văn bản",
        "Đơn vị, người nhận bản lưu",
        "Số lượng bản",
        "Ghi chú",
        "Danh sách tập thể, cá nhân đăng ký",
        "Tờ trình về việc đề nghị tặng Giấy khen",
        "Quyết định về việc tặng Giấy khen",
    ] {
        assert!(text.contains(said), "missing {said:?} in:\n{text}");
    }
    // Party numbering: a series a type, so no "Từ số … đến số …".
    assert!(!text.contains("Từ số"), "{text}");
    let words = words(&book);
    for number in ["01-DS/BTCTU", "05-TTr/HĐTĐKT", "128-QĐ/BTCTU", "(8)"] {
        assert!(on_one_line(&words, number), "{number} broken or missing");
    }
    // One line a document, in the order of their dates; the filing line in
    // its own column, not among the recipients.
    let y = |w: &str| common::pdf::word(&words, w).y0;
    assert!(y("01-DS/BTCTU") < y("05-TTr/HĐTĐKT") && y("05-TTr/HĐTĐKT") < y("128-QĐ/BTCTU"));
    let filing = words.iter().filter(|w| w.text == "TCĐ-ĐV").count();
    assert_eq!(filing, 3, "{text}");
    assert!(!text.contains("Lưu Văn thư"), "{text}");

    // Its spreadsheet, read back by openpyxl: the same columns, a row a
    // document, dates as dates.
    let sheet = out.path().join("so-van-ban-di/2020.xlsx");
    let read = common::read_book(&sheet);
    let rows = read["Sổ văn bản đi"].as_array().expect("the sheet");
    assert_eq!(
        rows[2],
        serde_json::json!([
            "Số, ký hiệu văn bản",
            "Ngày tháng văn bản",
            "Tên loại và trích yếu nội dung",
            "Người ký",
            "Nơi nhận văn bản",
            "Đơn vị, người nhận bản lưu",
            "Số lượng bản",
            "Ghi chú"
        ])
    );
    let lines: Vec<(&str, &str)> = rows[3..]
        .iter()
        .map(|r| (r[0].as_str().unwrap_or(""), r[1].as_str().unwrap_or("")))
        .collect();
    assert_eq!(
        lines,
        [
            ("01-DS/BTCTU", "date:2020-03-05"),
            ("05-TTr/HĐTĐKT", "date:2020-12-18"),
            ("128-QĐ/BTCTU", "date:2020-12-28")
        ]
    );

    // Printed again: the same book, written over its earlier self; a
    // spreadsheet the clerk saved there is kept, the book printed anyway.
    fs::write(&sheet, b"bang cua van thu").expect("write");
    let (code, text) = run_on(records.path(), &["register", "2020", "--out", &out_s]);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("2020.xlsx không phải sổ do tdkt in"),
        "{text}"
    );
    assert_eq!(fs::read(&sheet).expect("kept"), b"bang cua van thu");
    fs::remove_file(&sheet).expect("remove");
    let (code, text) = run_on(records.path(), &["register", "2020", "--out", &out_s]);
    assert_eq!(code, 0, "{text}");
    let first = fs::read(&sheet).expect("sheet");
    let (code, text) = run_on(records.path(), &["register", "2020", "--out", &out_s]);
    assert_eq!(code, 0, "{text}");
    assert_eq!(
        fs::read(&sheet).expect("sheet"),
        first,
        "its own, written again alike"
    );
    // Never over a file tdkt did not print there.
    fs::write(&book, b"ban cua van thu").expect("write");
    let (code, text) = run_on(records.path(), &["register", "2020", "--out", &out_s]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("không ghi đè"), "{text}");
    assert_eq!(fs::read(&book).expect("book"), b"ban cua van thu");

    let (code, text) = run_on(records.path(), &["register", "2019", "--out", &out_s]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("không có văn bản nào ban hành năm 2019"),
        "{text}"
    );
}

#[test]
fn each_entry_exports_with_the_fields_of_phu_luc_vi() {
    let records = Folder::copy_of(&example_records());
    let (code, text) = run_on(records.path(), &["issue", DECISION]);
    assert_eq!(code, 0, "{text}");
    let (code, text) = run_on(records.path(), &["register", "--format", "json"]);
    assert_eq!(code, 0, "{text}");
    let entries: Value = serde_json::from_str(&text).expect("json");
    let entries = entries.as_array().expect("an array");
    assert_eq!(entries.len(), 3, "{text}");
    let proposal = &entries[1];
    assert_eq!(proposal["so"], 5);
    assert_eq!(proposal["ky_hieu"], "TTr/HĐTĐKT");
    assert_eq!(proposal["ngay"], "2020-12-18");
    assert_eq!(proposal["ten_loai"], "Tờ trình");
    assert_eq!(
        proposal["co_quan_ban_hanh"],
        "Hội đồng Thi đua - Khen thưởng cơ quan"
    );
    assert_eq!(entries[0]["co_quan_ban_hanh"], "Ban Tổ chức Tỉnh ủy");
    // The page count is the archived PDF's, as poppler counts it.
    let archived = records
        .path()
        .join(proposal["ban_luu"].as_str().expect("path"));
    let pages = info(&archived)
        .lines()
        .find_map(|l| {
            l.strip_prefix("Pages:")
                .map(|n| n.trim().parse::<u64>().expect("n"))
        })
        .expect("pages");
    assert_eq!(proposal["so_trang"], pages);
    // Issued from now on, the register keeps the signer's position.
    let decision = &entries[2];
    assert_eq!(decision["ten_loai"], "Quyết định");
    assert_eq!(decision["nguoi_ky"], "Trần Quang Tuấn");
    assert!(
        decision["chuc_vu_nguoi_ky"]
            .as_str()
            .is_some_and(|p| p.to_lowercase() == "trưởng ban"),
        "{decision}"
    );
    assert!(
        proposal["chuc_vu_nguoi_ky"].is_null(),
        "entries before it have none"
    );
}

#[test]
fn a_state_bodys_book_numbers_one_series_and_heads_as_the_state_format() {
    let records = Folder::copy_of(&common::second_body());
    // The body's own series (the council numbers apart from it).
    for document in [
        "2024/dang-ky/danh-sach",
        "2024/quyet-dinh/2024-12-20-khen-thuong",
    ] {
        let (code, text) = run_on(records.path(), &["issue", document]);
        assert_eq!(code, 0, "{text}");
    }
    let out = tempfile::TempDir::new().expect("temp dir");
    let out_s = out.path().to_string_lossy().into_owned();
    let (code, text) = run_on(records.path(), &["register", "--out", &out_s]);
    assert_eq!(code, 0, "{text}");
    let book = out.path().join("so-van-ban-di/2024.pdf");
    let text = raw_text(&book)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for said in [
        "UBND TỈNH ĐẮK LẮK",
        "SỞ NỘI VỤ",
        "Năm 2024",
        "Từ số 01 đến số 02",
        "Quyết định về việc",
    ] {
        assert!(text.contains(said), "missing {said:?} in:\n{text}");
    }
    assert!(
        !text.contains('*'),
        "the State format marks its name with a rule: {text}"
    );
}
