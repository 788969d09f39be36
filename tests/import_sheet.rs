//! #27.1–3: a body's staff spreadsheet and its registration sheet made into
//! records with `tdkt import`. The books are written by a real spreadsheet
//! library (openpyxl, installed by `.ci/run`) as a clerk's Excel writes
//! them, and the template books tdkt writes are read back by it.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::{read_book, run_on, tool};
use serde_json::{Value, json};
use tempfile::TempDir;

/// Writes the workbook `spec` describes (`{"sheets": [[name, rows]]}`,
/// a cell "date:YYYY-MM-DD" as a date cell) with openpyxl.
const WRITE_BOOK: &str = r#"
import datetime, json, sys, openpyxl
spec = json.load(open(sys.argv[1], encoding="utf-8"))
book = openpyxl.Workbook()
book.remove(book.active)
def cell(v):
    if isinstance(v, str) and v.startswith("date:"):
        return datetime.date.fromisoformat(v[5:])
    return v
for name, rows in spec["sheets"]:
    sheet = book.create_sheet(name)
    for row in rows:
        sheet.append([cell(v) for v in row])
book.save(sys.argv[2])
"#;

fn write_book(dir: &Path, name: &str, spec: &Value) -> PathBuf {
    let spec_file = dir.join(format!("{name}.json"));
    fs::write(&spec_file, spec.to_string()).expect("spec");
    let book = dir.join(name);
    tool(
        "python3",
        &[
            "-c",
            WRITE_BOOK,
            &spec_file.to_string_lossy(),
            &book.to_string_lossy(),
        ],
    );
    book
}

/// A new Sở made with `tdkt init`, its head Phạm Thị Lan: its records
/// folder.
fn new_body(dir: &Path) -> PathBuf {
    let init = common::init_so_y_te(dir);
    assert_eq!(init.status.code(), Some(0), "{}", common::stdout(&init));
    dir.join("records")
}

/// Every file below `dir` and its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    common::files(dir)
        .into_iter()
        .map(|f| {
            let bytes = fs::read(dir.join(&f)).expect("read");
            (f, bytes)
        })
        .collect()
}

const UNITS: [(&str, &str, &str); 5] = [
    ("Văn phòng Sở", "Lê Thị Thu Hà", "Chánh Văn phòng"),
    ("Phòng Kế hoạch - Tài chính", "Bùi Văn Khải", "Trưởng phòng"),
    ("Phòng Nghiệp vụ Y", "Dương Quang Vinh", "Trưởng phòng"),
    ("Thanh tra Sở", "Kiều Văn Lộc", "Chánh Thanh tra"),
    ("Phòng Tổ chức cán bộ", "Đinh Công Tuấn", "Trưởng phòng"),
];

const STAFF: [&str; 24] = [
    "Nguyễn Văn Bình",
    "Đỗ Thị Ngọc Ánh",
    "Hoàng Minh Đức",
    "Vũ Thị Hằng",
    "Phan Thị Mỹ Linh",
    "Ngô Đức Thắng",
    "Đặng Thị Huyền",
    "Lý Văn Toàn",
    "Trịnh Thị Nguyệt",
    "Mai Thị Phương",
    "Tạ Văn Hiếu",
    "Lương Thị Yến",
    "Hồ Sỹ Nguyên",
    "Cao Thị Diệu",
    "Âu Thị Xuân",
    "Quách Văn Sơn",
    "Tô Thị Hạnh",
    "Lâm Thị Kim Oanh",
    "Võ Văn Phúc",
    "Huỳnh Thị Thảo",
    "Triệu Thị Bích",
    "Ông Văn Lực",
    "Trần Quốc Hưng",
    "Châu Minh Quân",
];

/// The body's 30 people as its staff spreadsheet has them: a title and a
/// blank row above the header, a "STT" column tdkt does not read, genders
/// in any case, the head (already a record) among them, two deputies
/// without a unit; and its five units.
fn staff_book() -> Value {
    let mut people = vec![
        json!(["DANH SÁCH CÁN BỘ, CÔNG CHỨC SỞ Y TẾ NĂM 2025"]),
        json!([]),
        json!([
            "STT",
            "Họ và tên",
            "Giới tính",
            "Năm sinh",
            "Chức vụ",
            "Đơn vị"
        ]),
        json!([1, "Phạm Thị Lan", "Nữ", 1972, "Giám đốc", null]),
    ];
    for (unit, head, position) in UNITS {
        let gender = if head.contains(" Thị ") {
            "Nữ"
        } else {
            "Nam"
        };
        people.push(json!([
            people.len() - 2,
            head,
            gender,
            1978,
            position,
            unit
        ]));
    }
    for (i, name) in STAFF.iter().enumerate() {
        let gender = if name.contains(" Thị ") {
            "nữ"
        } else {
            "NAM"
        };
        let (position, unit) = if i >= STAFF.len() - 2 {
            ("Phó Giám đốc", None)
        } else {
            ("Chuyên viên", Some(UNITS[i % UNITS.len()].0))
        };
        people.push(json!([
            people.len() - 2,
            name,
            gender,
            1980 + i,
            position,
            unit
        ]));
    }
    let units: Vec<Value> = std::iter::once(json!(["Tên tập thể", "Số thành viên"]))
        .chain(UNITS.iter().map(|(unit, ..)| json!([unit, 6])))
        .collect();
    json!({"sheets": [["Cá nhân", people], ["Tập thể", units]]})
}

/// The 30-person sheet becomes valid records in one command; a second
/// run changes nothing; a row that differs from its record is named and
/// written only with --cap-nhat.
#[test]
fn a_staff_sheet_becomes_valid_records_and_importing_twice_changes_nothing() {
    let dir = TempDir::new().expect("temp dir");
    let records = new_body(dir.path());
    let book = write_book(dir.path(), "can-bo.xlsx", &staff_book());
    let (code, said) = run_on(&records, &["import", &book.to_string_lossy()]);
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("34 bản ghi mới"), "{said}");
    let people = fs::read_dir(records.join("2025/ca-nhan"))
        .expect("ca-nhan")
        .count();
    let units = fs::read_dir(records.join("2025/tap-the"))
        .expect("tap-the")
        .count();
    assert_eq!((people, units), (30, 5));
    let (code, checked) = run_on(&records, &["check"]);
    assert_eq!(code, 0, "{checked}");

    let person: serde_yaml::Value = serde_yaml::from_str(
        &fs::read_to_string(records.join("2025/ca-nhan/do-thi-ngoc-anh.yaml")).expect("record"),
    )
    .expect("yaml");
    assert_eq!(person["ho_ten"].as_str(), Some("Đỗ Thị Ngọc Ánh"));
    assert_eq!(person["gioi_tinh"].as_str(), Some("nu"));
    assert_eq!(person["nam_sinh"].as_u64(), Some(1981));
    assert_eq!(person["chuc_vu"].as_str(), Some("Chuyên viên"));
    assert_eq!(person["don_vi"].as_str(), Some("phong-ke-hoach-tai-chinh"));
    let deputy = fs::read_to_string(records.join("2025/ca-nhan/chau-minh-quan.yaml")).expect("r");
    assert!(!deputy.contains("\ndon_vi:"), "{deputy}");
    let unit: serde_yaml::Value = serde_yaml::from_str(
        &fs::read_to_string(records.join("2025/tap-the/thanh-tra-so.yaml")).expect("record"),
    )
    .expect("yaml");
    assert_eq!(unit["ten"].as_str(), Some("Thanh tra Sở"));
    assert_eq!(unit["truong_phong"].as_str(), Some("kieu-van-loc"));
    assert_eq!(unit["so_thanh_vien"].as_u64(), Some(6));

    // The head's record (from init) has no birth year: named, not written.
    let head = "2025/ca-nhan/pham-thi-lan.yaml";
    assert!(
        said.contains(&format!(
            "Cá nhân!B4 Phạm Thị Lan ({head}): nam_sinh \"(chưa ghi)\" → \"1972\""
        )) && said.contains("--cap-nhat"),
        "{said}"
    );
    assert!(
        !fs::read_to_string(records.join(head))
            .expect("head")
            .contains("nam_sinh")
    );

    let before = snapshot(&records);
    let (code, again) = run_on(&records, &["import", &book.to_string_lossy()]);
    assert_eq!(code, 0, "{again}");
    assert!(
        again.contains("0 bản ghi mới") && again.contains("34 dòng giống"),
        "{again}"
    );
    assert_eq!(
        snapshot(&records),
        before,
        "a second import changed records"
    );

    let (code, updated) = run_on(&records, &["import", &book.to_string_lossy(), "--cap-nhat"]);
    assert_eq!(code, 0, "{updated}");
    let text = fs::read_to_string(records.join(head)).expect("head");
    assert!(
        text.contains("gioi_tinh: nu\nnam_sinh: 1972\n"),
        "the birth year goes where tdkt new writes it:\n{text}"
    );
    let changed: Vec<PathBuf> = snapshot(&records)
        .into_iter()
        .filter(|(f, bytes)| before.get(f) != Some(bytes))
        .map(|(f, _)| f)
        .collect();
    assert_eq!(changed, [PathBuf::from(head)]);
    let (code, checked) = run_on(&records, &["check"]);
    assert_eq!(code, 0, "{checked}");
}

/// Every problem of a sheet at its cell, at once, in the order of the
/// sheet; nothing written.
#[test]
fn every_problem_of_a_sheet_is_said_at_its_cell_and_nothing_is_written() {
    let dir = TempDir::new().expect("temp dir");
    let records = new_body(dir.path());
    let book = write_book(
        dir.path(),
        "loi.xlsx",
        &json!({"sheets": [["Cá nhân", [
            ["Họ và tên", "Giới tính", "Năm sinh", "Chức vụ", "Đơn vị"],
            ["Trần Văn Tâm", "Nam", 1980, "Trưởng phòng", "Văn phòng Sở"],
            ["Nguyen Van An", "Nam", 1980, "Chuyên viên", "Văn phòng Sở"],
            ["Trần Thị Bé", "X", 1985, "Chuyên viên", "Văn phòng Sở"],
            ["Lê Văn Cường", "Nam", 1890, "Chuyên viên", "Văn phòng Sở"],
            ["Lê Văn Cường", "Nam", 1980, "Chuyên viên", "Văn phòng Sở"],
            ["Hoàng Văn Dũng", "Nam", 1980, "Chuyên viên", "Phòng Không Có"],
            ["Ph¹m V¨n Giang", "Nam", 1980, "Chuyên viên", "Văn phòng Sở"],
            ["Nguyễn Văn Hùng", "Nam", "năm 80", "Chuyên viên", "Văn phòng Sở"]
        ]], ["Tập thể", [
            ["Tên tập thể", "Số thành viên"],
            ["Văn phòng Sở", "mười"]
        ]]]}),
    );
    let before = snapshot(&records);
    let (code, said) = run_on(&records, &["import", &book.to_string_lossy()]);
    assert_eq!(code, 1, "{said}");
    let expected = [
        ("Cá nhân!A3:", "không có dấu"),
        (
            "Cá nhân!B4:",
            "giới tính \"X\" không đọc được; hãy ghi Nam hoặc Nữ",
        ),
        (
            "Cá nhân!C5:",
            "năm sinh 1890 không hợp với kế hoạch năm 2025",
        ),
        ("Cá nhân!A6:", "\"Lê Văn Cường\" đã có ở Cá nhân!A5"),
        ("Cá nhân!E7:", "không có đơn vị \"Phòng Không Có\""),
        ("Cá nhân!A8:", "bảng mã cũ TCVN3"),
        ("Cá nhân!C9:", "năm sinh \"năm 80\" không phải một năm"),
        (
            "Tập thể!B2:",
            "số thành viên \"mười\" không phải số nguyên dương",
        ),
    ];
    let mut last = 0;
    for (place, words) in expected {
        let at = said
            .lines()
            .position(|l| l.contains(place) && l.contains(words))
            .unwrap_or_else(|| panic!("no {place} {words} in:\n{said}"));
        assert!(at >= last, "{place} said out of the sheet's order:\n{said}");
        last = at;
    }
    assert!(said.contains("Không ghi gì: 8 lỗi"), "{said}");
    assert_eq!(
        snapshot(&records),
        before,
        "a sheet with problems wrote records"
    );
}

/// The registration template lists the plan's units and people; filled in
/// as a clerk fills it, it becomes their registrations, which the build
/// prints; a second run changes nothing, a changed title waits for
/// --cap-nhat, and the keys the sheet does not know are kept.
#[test]
fn registrations_come_in_from_the_template_book_and_print() {
    let dir = TempDir::new().expect("temp dir");
    let records = new_body(dir.path());
    let staff = write_book(dir.path(), "can-bo.xlsx", &staff_book());
    let (code, said) = run_on(&records, &["import", &staff.to_string_lossy()]);
    assert_eq!(code, 0, "{said}");

    let template = dir.path().join("dang-ky.xlsx");
    let (code, said) = run_on(
        &records,
        &["import", "--mau-dang-ky", &template.to_string_lossy()],
    );
    assert_eq!(code, 0, "{said}");
    let read = read_book(&template);
    let rows = read["Đăng ký"].as_array().expect("the Đăng ký sheet");
    assert_eq!(
        rows[0],
        json!([
            "Cá nhân, tập thể",
            "Danh hiệu đăng ký",
            "Ngày đăng ký",
            "Mã nội dung",
            "Học tập và làm theo Bác",
            "Cam kết"
        ])
    );
    let listed: Vec<&str> = rows[1..].iter().filter_map(|r| r[0].as_str()).collect();
    assert_eq!(listed.len(), 35, "{listed:?}");
    assert!(listed.contains(&"Thanh tra Sở") && listed.contains(&"Ông Văn Lực"));
    let again = run_on(
        &records,
        &["import", "--mau-dang-ky", &template.to_string_lossy()],
    );
    assert!(
        again.0 == 1 && again.1.contains("tdkt không ghi đè"),
        "{again:?}"
    );

    let pledge = "1. Hoàn thành tốt nhiệm vụ được giao.\n2. Chấp hành nghiêm kỷ luật hành chính.";
    let mut filled = vec![rows[0].clone()];
    for name in &listed {
        let unit = UNITS.iter().any(|(u, ..)| u == name);
        let title = match (unit, *name) {
            (true, _) => "Tập thể lao động tiên tiến",
            (false, "Lê Thị Thu Hà") => "Chiến sĩ thi đua cơ sở",
            (false, "Ông Văn Lực") => "",
            (false, _) => "lao động tiên tiến",
        };
        filled.push(json!([name, title, "date:2025-01-15", null, "x", pledge]));
    }
    let book = write_book(
        dir.path(),
        "da-dien.xlsx",
        &json!({"sheets": [["Đăng ký", filled.clone()]]}),
    );
    let (code, said) = run_on(&records, &["import", &book.to_string_lossy()]);
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("34 đăng ký mới"), "{said}");
    let (code, checked) = run_on(&records, &["check"]);
    assert_eq!(code, 0, "{checked}");
    let head = records.join("2025/ca-nhan/le-thi-thu-ha.yaml");
    let text = fs::read_to_string(&head).expect("record");
    assert!(
        text.contains(
            "dang_ky:\n  ngay: 2025-01-15\n  danh_hieu: chien_si_thi_dua_co_so\n  \
             lam_theo_bac: true\n  cam_ket: |\n    1. Hoàn thành"
        ) && !text.contains("# dang_ky:"),
        "{text}"
    );

    let out = dir.path().join("output");
    let built = common::build(&records, &out);
    assert!(built.status.success(), "{}", common::stdout(&built));
    let list = common::pdf::flat_text(&out.join("2025/dang-ky/danh-sach.pdf"));
    common::assert_has(
        &list,
        &[
            "TẬP THỂ (05)",
            "CÁ NHÂN (29)",
            "Lê Thị Thu Hà",
            "Chiến sĩ thi đua cơ sở",
        ],
    );
    assert!(!list.contains("Ông Văn Lực"), "{list}");
    let form = common::pdf::flat_text(&out.join("2025/dang-ky/ca-nhan/le-thi-thu-ha.pdf"));
    common::assert_has(
        &form,
        &["Năm sinh: 1978", "Chấp hành nghiêm kỷ luật hành chính"],
    );

    let before = snapshot(&records);
    let (code, again) = run_on(&records, &["import", &book.to_string_lossy()]);
    assert_eq!(code, 0, "{again}");
    assert_eq!(
        snapshot(&records),
        before,
        "a second import changed records"
    );

    // A key the sheet does not know stays; a changed title waits.
    fs::write(
        &head,
        text.replace(
            "  lam_theo_bac: true\n",
            "  lam_theo_bac: true\n  sang_kien_du_kien: Số hóa hồ sơ\n",
        ),
    )
    .expect("edit");
    let at = listed
        .iter()
        .position(|n| *n == "Lê Thị Thu Hà")
        .expect("row")
        + 1;
    filled[at][1] = json!("Lao động tiên tiến");
    let changed = write_book(
        dir.path(),
        "doi.xlsx",
        &json!({"sheets": [["Đăng ký", filled]]}),
    );
    let (code, said) = run_on(&records, &["import", &changed.to_string_lossy()]);
    assert_eq!(code, 0, "{said}");
    assert!(
        said.contains(&format!(
            "Đăng ký!A{} Lê Thị Thu Hà (2025/ca-nhan/le-thi-thu-ha.yaml): dang_ky.danh_hieu \
             \"chien_si_thi_dua_co_so\" → \"lao_dong_tien_tien\"",
            at + 1
        )),
        "{said}"
    );
    assert!(
        fs::read_to_string(&head)
            .expect("r")
            .contains("chien_si_thi_dua_co_so")
    );
    let (code, said) = run_on(
        &records,
        &["import", &changed.to_string_lossy(), "--cap-nhat"],
    );
    assert_eq!(code, 0, "{said}");
    let text = fs::read_to_string(&head).expect("record");
    assert!(
        text.contains("  danh_hieu: lao_dong_tien_tien\n")
            && text.contains("  sang_kien_du_kien: Số hóa hồ sơ\n"),
        "{text}"
    );
    let (code, checked) = run_on(&records, &["check"]);
    assert_eq!(code, 0, "{checked}");
}

/// A registration that cannot be one is said at its cell.
#[test]
fn a_registration_sheet_names_its_problems_at_their_cells() {
    let dir = TempDir::new().expect("temp dir");
    let records = new_body(dir.path());
    let book = write_book(
        dir.path(),
        "dk.xlsx",
        &json!({"sheets": [["Đăng ký", [
            ["Cá nhân, tập thể", "Danh hiệu đăng ký", "Ngày đăng ký", "Mã nội dung", "Học tập và làm theo Bác", "Cam kết"],
            ["Phạm Thị Lan", "Tập thể lao động tiên tiến", "date:2025-01-15", null, "x", "Cam kết."],
            ["Người Không Có", "Lao động tiên tiến", "date:2025-01-15", null, "x", "Cam kết."],
            ["Phạm Thị Lan", "Lao động tiên tiến", "32/01/2025", "1.1", "có lẽ", null]
        ]]]}),
    );
    let before = snapshot(&records);
    let (code, said) = run_on(&records, &["import", &book.to_string_lossy()]);
    assert_eq!(code, 1, "{said}");
    for (place, words) in [
        ("Đăng ký!B2:", "không phải danh hiệu cá nhân đăng ký được"),
        (
            "Đăng ký!A3:",
            "không có cá nhân hay tập thể \"Người Không Có\"",
        ),
        ("Đăng ký!A4:", "đã đăng ký ở Đăng ký!A2"),
    ] {
        assert!(
            said.lines().any(|l| l.contains(place) && l.contains(words)),
            "no {place} {words} in:\n{said}"
        );
    }
    assert_eq!(snapshot(&records), before);

    let book = write_book(
        dir.path(),
        "dk2.xlsx",
        &json!({"sheets": [["Đăng ký", [
            ["Cá nhân, tập thể", "Danh hiệu đăng ký", "Ngày đăng ký", "Mã nội dung", "Học tập và làm theo Bác", "Cam kết"],
            ["Phạm Thị Lan", "Lao động tiên tiến", "32/01/2025", "1.1", "có lẽ", null]
        ]]]}),
    );
    let (code, said) = run_on(&records, &["import", &book.to_string_lossy()]);
    assert_eq!(code, 1, "{said}");
    for (place, words) in [
        ("Đăng ký!C2:", "không phải một ngày"),
        ("Đăng ký!D2:", "kế hoạch không có nội dung đăng ký"),
        ("Đăng ký!E2:", "\"có lẽ\" không đọc được"),
        ("Đăng ký!F2:", "thiếu lời cam kết"),
    ] {
        assert!(
            said.lines().any(|l| l.contains(place) && l.contains(words)),
            "no {place} {words} in:\n{said}"
        );
    }
    assert_eq!(snapshot(&records), before);
}

/// A csv saved by Excel in a Vietnamese locale (UTF-8 with a byte-order
/// mark, ";" between cells) imports as a sheet does; a csv in another
/// encoding is refused with what to do.
#[test]
fn a_csv_from_excel_imports_and_a_non_utf8_one_is_refused() {
    let dir = TempDir::new().expect("temp dir");
    let records = new_body(dir.path());
    let csv = dir.path().join("can-bo.csv");
    fs::write(
        &csv,
        "\u{feff}Họ và tên;Giới tính;Năm sinh;Chức vụ\r\nTrần Quốc Hưng;Nam;1975;Phó Giám đốc\r\n",
    )
    .expect("csv");
    let (code, said) = run_on(&records, &["import", &csv.to_string_lossy()]);
    assert_eq!(code, 0, "{said}");
    let text = fs::read_to_string(records.join("2025/ca-nhan/tran-quoc-hung.yaml")).expect("r");
    assert!(
        text.contains("chuc_vu: Phó Giám đốc\n") && text.contains("nam_sinh: 1975\n"),
        "{text}"
    );

    let latin = dir.path().join("cu.csv");
    fs::write(&latin, b"H\xe4 v\xe0 t\xean\r\n").expect("csv");
    let (code, said) = run_on(&records, &["import", &latin.to_string_lossy()]);
    assert_eq!(code, 1, "{said}");
    assert!(
        said.contains("không phải UTF-8") && said.contains("CSV UTF-8"),
        "{said}"
    );
}

/// The staff template is a book a spreadsheet opens, with the headers
/// the import reads.
#[test]
fn the_staff_template_opens_with_the_columns_the_import_reads() {
    let dir = TempDir::new().expect("temp dir");
    let template = dir.path().join("mau.xlsx");
    let (code, said) = run_on(
        dir.path(),
        &["import", "--mau", &template.to_string_lossy()],
    );
    assert_eq!(code, 0, "{said}");
    let read = read_book(&template);
    assert_eq!(
        read["Cá nhân"],
        json!([["Họ và tên", "Giới tính", "Năm sinh", "Chức vụ", "Đơn vị"]])
    );
    assert_eq!(read["Tập thể"], json!([["Tên tập thể", "Số thành viên"]]));
}
