//! Broken input: each case names the file, the field and the line and column,
//! in Vietnamese, and exits 1; all problems of a folder come out together.

mod common;

use std::collections::BTreeMap;
use std::fs;

use serde_json::Value;

use common::{Folder, check_json, data_errors, message, only_error, place, stdout, tdkt, verdict};

const BINH: &str = "ca-nhan/tran-thi-binh.yaml";

#[test]
fn yaml_syntax_error() {
    let folder = Folder::small();
    folder.edit(BINH, "ho_ten: Trần Thị Bình", "ho_ten: \"Trần Thị Bình");
    let e = only_error(folder.path());
    // The unclosed quote runs on until the next quote, on line 8, where the
    // parser stops: that is the place it can name.
    assert_eq!(place(&e), (BINH.into(), String::new(), 8, 15));
    assert!(message(&e).contains("lỗi cú pháp YAML"), "{e}");

    let folder = Folder::small();
    folder.edit(BINH, "chuc_vu: Chuyên viên", "chuc_vu: \"Chuyên viên");
    folder.write(BINH, folder.read(BINH).replace('"', ""));
    folder.edit(BINH, "chuc_vu: Chuyên viên", "chuc_vu: \"Chuyên viên");
    let e = only_error(folder.path());
    assert_eq!(
        (place(&e).2, place(&e).3),
        (20, 1),
        "19 lines: an unclosed quote with no other quote after it runs to the end"
    );
    assert!(
        message(&e).contains("tệp kết thúc giữa chừng, có thể thiếu dấu ngoặc kép đóng"),
        "{e}"
    );

    let folder = Folder::small();
    folder.edit(
        BINH,
        "chuc_vu: Chuyên viên",
        "chuc_vu: Chuyên viên: văn thư",
    );
    let e = only_error(folder.path());
    assert_eq!(place(&e), (BINH.into(), String::new(), 4, 21));
    assert!(message(&e).contains("dấu hai chấm đứng sai chỗ"), "{e}");
}

#[test]
fn wrong_type() {
    let folder = Folder::small();
    folder.edit(BINH, "nam_sinh: 1985", "nam_sinh: một nghìn chín trăm");
    let e = only_error(folder.path());
    assert_eq!(place(&e), (BINH.into(), "nam_sinh".into(), 3, 1));
    assert!(
        message(&e)
            .contains("cần một số nguyên không âm, nhưng gặp văn bản \"một nghìn chín trăm\""),
        "{e}"
    );
}

#[test]
fn unknown_key() {
    let folder = Folder::small();
    folder.edit(BINH, "  cam_ket:", "  cam_kett:");
    let e = only_error(folder.path());
    assert_eq!(place(&e), (BINH.into(), "dang_ky.cam_kett".into(), 11, 3));
    assert!(
        message(&e).contains("khóa `cam_kett` không có trong mẫu bản ghi"),
        "{e}"
    );
    assert!(
        message(&e).contains("cam_ket"),
        "the valid keys are listed: {e}"
    );
}

#[test]
fn missing_required_key() {
    let folder = Folder::small();
    folder.edit(BINH, "chuc_vu: Chuyên viên\n", "");
    let e = only_error(folder.path());
    assert_eq!(place(&e), (BINH.into(), "chuc_vu".into(), 1, 1));
    assert!(message(&e).contains("thiếu khóa bắt buộc `chuc_vu`"), "{e}");
}

#[test]
fn impossible_date() {
    let folder = Folder::small();
    folder.edit(BINH, "  ngay: 2020-02-27", "  ngay: 2020-02-30");
    let e = only_error(folder.path());
    assert_eq!(place(&e), (BINH.into(), "dang_ky.ngay".into(), 7, 3));
    assert!(
        message(&e).contains("ngày \"2020-02-30\" không có trên lịch"),
        "{e}"
    );
}

/// #13: dates as clerks type them get the exact form to write.
#[test]
fn a_date_typed_day_first_gets_the_exact_form_to_write() {
    let folder = Folder::small();
    folder.edit(BINH, "  ngay: 2020-02-27", "  ngay: 27/02/2020");
    let e = only_error(folder.path());
    assert!(message(&e).ends_with("hãy ghi 2020-02-27"), "{e}");
    let folder = Folder::small();
    folder.edit(
        "cuoc-hop/binh-xet.yaml",
        "bat_dau: 2020-12-15 14:00",
        "bat_dau: 15/12/2020 14:00",
    );
    let e = only_error(folder.path());
    assert!(message(&e).ends_with("hãy ghi 2020-12-15 14:00"), "{e}");
}

/// #13: a name typed without its marks prints so everywhere: a note in
/// the person's file, not an error (some names have none).
#[test]
fn a_name_typed_without_marks_is_a_note() {
    let folder = Folder::small();
    folder.edit(BINH, "ho_ten: Trần Thị Bình", "ho_ten: Tran Thi Binh");
    let (code, report) = common::check_json(folder.path());
    assert_eq!(code, 0, "{report:#}");
    let notes = report["ket_qua"]["luu_y"].as_array().expect("notes");
    assert!(
        notes.iter().any(|n| n["tep"] == BINH
            && n["truong"] == "ho_ten"
            && n["thong_bao"]
                .as_str()
                .unwrap_or_default()
                .contains("\"Tran Thi Binh\" không có dấu")),
        "{notes:#?}"
    );
    let (_, report) = common::check_json(&common::fixtures().join("nho"));
    assert!(
        !report["ket_qua"]["luu_y"]
            .as_array()
            .expect("notes")
            .iter()
            .any(|n| n["truong"] == "ho_ten")
    );
}

#[test]
fn dangling_reference_names_the_referrer_and_the_missing_id() {
    let folder = Folder::small();
    folder.edit(BINH, "don_vi: phong-a", "don_vi: phong-c");
    let e = only_error(folder.path());
    assert_eq!(place(&e), (BINH.into(), "don_vi".into(), 5, 1));
    assert!(
        message(&e)
            .contains("không có bản ghi tập thể mã \"phong-c\" (cần tệp tap-the/phong-c.yaml)"),
        "{e}"
    );

    let folder = Folder::small();
    folder.edit(
        "cuoc-hop/lua-chon.yaml",
        "{ ung_vien: le-van-cuong",
        "{ ung_vien: le-van-cuongg",
    );
    let e = only_error(folder.path());
    assert_eq!(
        place(&e),
        (
            "cuoc-hop/lua-chon.yaml".into(),
            "bieu_quyet[4].ung_vien".into(),
            12,
            7
        )
    );
    assert!(message(&e).contains("\"le-van-cuongg\""), "{e}");
}

#[test]
fn duplicate_id() {
    let folder = Folder::small();
    folder.write("ca-nhan/cu/tran-thi-binh.yaml", folder.read(BINH));
    let e = only_error(folder.path());
    assert_eq!(e["tep"], BINH);
    assert!(
        message(&e).contains("mã \"tran-thi-binh\" trùng với tệp ca-nhan/cu/tran-thi-binh.yaml"),
        "{e}"
    );
}

#[test]
fn nfd_value_is_normalised_without_error() {
    let folder = Folder::small();
    let nfd = "Tra\u{302}\u{300}n Thi\u{323} Bi\u{300}nh";
    folder.edit(BINH, "ho_ten: Trần Thị Bình", &format!("ho_ten: {nfd}"));
    let (code, report) = check_json(folder.path());
    assert_eq!(code, 0, "{report:#}");
    let stages = report["ket_qua"]["giai_doan"][0]["ung_vien"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let row = stages
        .iter()
        .find(|r| r["id"] == "tran-thi-binh")
        .expect("Bình registered");
    assert_eq!(row["ten"], "Trần Thị Bình");
    assert_eq!(
        row["ten"].as_str().map(str::len),
        Some("Trần Thị Bình".len()),
        "NFC, not NFD"
    );
}

#[test]
fn bom_and_crlf_are_accepted() {
    let folder = Folder::small();
    let text = folder.read(BINH).replace('\n', "\r\n");
    folder.write(BINH, format!("\u{FEFF}{text}"));
    let (code, report) = check_json(folder.path());
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(
        verdict(&report, "cuoi_nam", "tran-thi-binh", "CN-2").0,
        "dat"
    );
}

#[test]
fn empty_file() {
    let folder = Folder::small();
    folder.write(BINH, "");
    let e = only_error(folder.path());
    assert_eq!(e["tep"], BINH);
    assert!(message(&e).contains("tệp rỗng"), "{e}");
}

#[test]
fn a_file_that_is_not_yaml_at_all() {
    let folder = Folder::small();
    folder.write(
        "cuoc-hop/ghi-chu.yaml",
        "Biên bản họp ngày 10/3, xem tệp Word đính kèm.\n",
    );
    let e = only_error(folder.path());
    assert_eq!(
        place(&e),
        ("cuoc-hop/ghi-chu.yaml".into(), String::new(), 1, 1)
    );
    assert!(message(&e).contains("không phải một bản ghi YAML"), "{e}");

    let folder = Folder::small();
    folder.write("cuoc-hop/bien-ban.yaml", b"PK\x03\x04\x00\xff\xfe");
    let e = only_error(folder.path());
    assert!(message(&e).contains("không phải văn bản UTF-8"), "{e}");
}

#[test]
fn legacy_encoding_is_named() {
    let folder = Folder::small();
    folder.edit(
        BINH,
        "chuc_vu: Chuyên viên",
        "chuc_vu: Chuy\u{AA}n vi\u{AA}n",
    );
    let e = only_error(folder.path());
    assert_eq!(place(&e).1, "chuc_vu");
    assert!(
        message(&e).contains(
            "bảng mã cũ TCVN3, không phải Unicode; đọc theo TCVN3 thì là \"Chuyên viên\""
        ),
        "{e}"
    );
}

#[test]
fn all_problems_at_once_and_in_the_text_output() {
    let folder = Folder::small();
    folder.edit(BINH, "  ngay: 2020-02-27", "  ngay: 2020-02-30");
    folder.edit(
        "ca-nhan/le-van-cuong.yaml",
        "nam_sinh: 1990",
        "nam_sinh: abc",
    );
    folder.edit(
        "tap-the/phong-b.yaml",
        "so_thanh_vien: 4",
        "so_thanh_vien: 4\nghi_chu: x",
    );
    let (code, report) = check_json(folder.path());
    assert_eq!(code, 1);
    let files: Vec<String> = data_errors(&report).iter().map(|e| place(e).0).collect();
    assert_eq!(
        files,
        ["ca-nhan/le-van-cuong.yaml", BINH, "tap-the/phong-b.yaml"]
    );

    let out = tdkt(&["check", "--records", &folder.path().to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("LỖI DỮ LIỆU (3)"), "{text}");
    assert!(text.contains("ca-nhan/tran-thi-binh.yaml:7:3: trường `dang_ky.ngay`: ngày \"2020-02-30\" không có trên lịch"), "{text}");
    assert!(
        text.contains("KẾT LUẬN: chưa đạt — 3 lỗi dữ liệu"),
        "{text}"
    );
}

/// Several mistakes in one file come out in one run, each at its field,
/// and a wrong reference beside them: a clerk fixes them in one go.
#[test]
fn every_mistake_of_one_file_in_one_run() {
    let folder = Folder::small();
    folder
        .edit(BINH, "gioi_tinh: nu", "gioi_tinh: nư")
        .edit(BINH, "  ngay: 2020-02-27", "  ngay: 27/02/2020")
        .edit(
            BINH,
            "xep_loai: hoan_thanh_xuat_sac",
            "xep_loai: hoan_thanh_xuat_sac\nghi_chu: x",
        )
        .edit(BINH, "ho_ten: Trần Thị Bình\n", "")
        .edit(BINH, "don_vi: phong-a", "don_vi: phong-x")
        .edit(
            BINH,
            "    cong_nhan: { so: 01-QĐ/HĐSK, ngay: 2020-11-20,",
            "    cong_nhan: { so: 01-QĐ/HĐSK, ngay: 2020-11-31,",
        );
    // A key missing is filled to read on; what is filled is never checked
    // as if the clerk wrote it.
    folder.edit("tap-the/phong-b.yaml", "truong_phong: pham-thi-dung\n", "");
    folder.edit(
        "cuoc-hop/binh-xet.yaml",
        "{ ung_vien: phong-a, phieu_phat_ra: 2, phieu_thu_ve: 2,",
        "{ ung_vien: phong-a, phieu_phat_ra: , phieu_thu_ve: ,",
    );
    let (code, report) = check_json(folder.path());
    assert_eq!(code, 1);
    let mut found: Vec<(String, String, u64)> = data_errors(&report)
        .iter()
        .map(|e| {
            let (file, field, line, _) = place(e);
            (file, field, line)
        })
        .collect();
    // Said as the clerk reads the file: top to bottom.
    let lines: Vec<u64> = found
        .iter()
        .filter(|(file, _, _)| file == BINH)
        .map(|(_, _, line)| *line)
        .collect();
    assert!(lines.is_sorted(), "{lines:?}");
    found.sort();
    let expected = [
        ("ca-nhan/tran-thi-binh.yaml", "dang_ky.ngay", 6),
        // A wrong reference is said beside the missing key.
        ("ca-nhan/tran-thi-binh.yaml", "don_vi", 4),
        ("ca-nhan/tran-thi-binh.yaml", "ghi_chu", 13),
        ("ca-nhan/tran-thi-binh.yaml", "gioi_tinh", 1),
        ("ca-nhan/tran-thi-binh.yaml", "ho_ten", 1),
        (
            "ca-nhan/tran-thi-binh.yaml",
            "sang_kien[0].cong_nhan.ngay",
            16,
        ),
        ("cuoc-hop/binh-xet.yaml", "bieu_quyet[0].phieu_phat_ra", 10),
        ("cuoc-hop/binh-xet.yaml", "bieu_quyet[0].phieu_thu_ve", 10),
        ("tap-the/phong-b.yaml", "truong_phong", 1),
    ];
    let expected: Vec<(String, String, u64)> = expected
        .iter()
        .map(|(f, k, l)| (f.to_string(), k.to_string(), *l))
        .collect();
    assert_eq!(found, expected, "{report:#}");
    let messages: Vec<String> = data_errors(&report).iter().map(message).collect();
    let all = messages.join("\n");
    for said in [
        "hãy ghi 2020-02-27",
        "giới tính \"nư\" không có trong danh mục",
        "khóa `ghi_chu` không có trong mẫu bản ghi",
        "thiếu khóa bắt buộc `ho_ten`",
        "ngày \"2020-11-31\" không có trên lịch",
        "cần một số nguyên không âm, nhưng gặp giá trị trống",
        "không có bản ghi tập thể mã \"phong-x\"",
    ] {
        assert!(all.contains(said), "{said:?} not in:\n{all}");
    }
}

#[test]
fn a_missing_plan_and_a_misplaced_file() {
    let folder = Folder::small();
    folder.remove("ke-hoach.yaml");
    folder.write("ghi-chu.yaml", "a: 1\n");
    let (code, report) = check_json(folder.path());
    assert_eq!(code, 1);
    let messages: Vec<String> = data_errors(&report).iter().map(message).collect();
    assert!(
        messages.iter().any(|m| m.contains("thiếu tệp kế hoạch")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("không rõ đây là loại bản ghi nào")),
        "{messages:#?}"
    );
}

#[test]
fn usage_errors_exit_2_in_vietnamese() {
    let out = tdkt(&["check", "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = tdkt(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("Kiểm tra bản ghi theo tiêu chuẩn của kế hoạch"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn document_numbers_as_a_clerk_writes_them() {
    let meeting = "cuoc-hop/binh-xet.yaml";
    // Minutes of the council are the council's: its abbreviation.
    for written in ["5", "05", "\"05-BB/HĐTĐKT\"", "\"Số 05-BB/HĐTĐKT\""] {
        let folder = Folder::small();
        folder.edit(
            meeting,
            "loai: cuoi_nam",
            &format!("loai: cuoi_nam\nso: {written}"),
        );
        let out = tempfile::TempDir::new().expect("temp dir");
        let run = common::build(folder.path(), out.path());
        assert!(run.status.success(), "{written}: {}", stdout(&run));
        let text = common::pdf::text(&out.path().join("2020/bien-ban/binh-xet.pdf"));
        assert!(text.contains("Số 05-BB/HĐTĐKT"), "{written}: {text}");
    }
    // A State symbol, another issuer or another type does not fit these minutes.
    for written in ["05/BB-HĐTĐKT", "05-BB/BTCTU", "05-TTr/HĐTĐKT"] {
        let folder = Folder::small();
        folder.edit(
            meeting,
            "loai: cuoi_nam",
            &format!("loai: cuoi_nam\nso: {written}"),
        );
        let e = only_error(folder.path());
        assert_eq!(place(&e), (meeting.into(), "so".into(), 2, 1), "{e}");
        assert!(message(&e).contains("\"05-BB/HĐTĐKT\""), "{written}: {e}");
    }
    let folder = Folder::small();
    folder.edit(meeting, "loai: cuoi_nam", "loai: cuoi_nam\nso: năm");
    let e = only_error(folder.path());
    assert_eq!(place(&e).1, "so", "{e}");
    assert!(message(&e).contains("không đọc được"), "{e}");
}

/// A name typed in VNI is refused with the text it reads as; the person
/// then cannot be judged, and every stage table says she is missing and
/// why instead of leaving her out in silence.
#[test]
fn a_refused_record_is_named_under_the_tables_it_is_missing_from() {
    let folder = Folder::small();
    folder.edit(
        "ca-nhan/tran-thi-binh.yaml",
        "ho_ten: Trần Thị Bình",
        "ho_ten: Traàn Thò Bình",
    );
    let run = tdkt(&["check", "--records", &folder.path().to_string_lossy()]);
    assert_eq!(run.status.code(), Some(1));
    let text = stdout(&run);
    assert!(
        text.contains("đọc theo VNI thì là \"Trần Thị Bình\""),
        "{text}"
    );
    let line =
        "Không có trong bảng vì bản ghi có lỗi dữ liệu (xem trên): ca-nhan/tran-thi-binh.yaml.";
    assert_eq!(
        text.matches(line).count(),
        4,
        "under each of the four tables: {text}"
    );
    // Scripts read the same from the JSON.
    let (code, report) = check_json(folder.path());
    assert_eq!(code, 1);
    assert_eq!(
        report["khong_trong_bang"],
        serde_json::json!(["ca-nhan/tran-thi-binh.yaml"])
    );
    assert_eq!(
        report["ke_hoach"][0]["khong_trong_bang"],
        serde_json::json!(["ca-nhan/tran-thi-binh.yaml"])
    );
    let (_, clean) = check_json(Folder::small().path());
    assert_eq!(clean["khong_trong_bang"], serde_json::json!([]));
}

/// The required keys of the object schema `schema` (its `$ref` followed),
/// with the schema of each property.
fn required_of<'a>(root: &'a Value, schema: &'a Value) -> Vec<(&'a str, &'a Value)> {
    let mut schema = schema;
    while let Some(name) = schema["$ref"]
        .as_str()
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        schema = &root["$defs"][name];
    }
    // An optional object is `anyOf: [object, null]`.
    if let Some(object) = schema["anyOf"]
        .as_array()
        .and_then(|a| a.iter().find(|s| s["type"] != "null"))
    {
        return required_of(root, object);
    }
    schema["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|k| k.as_str())
        .map(|k| (k, &schema["properties"][k]))
        .collect()
}

/// `text` without the block key `key` at `indent` spaces inside the block
/// of `parent` (a top-level key) or at the top: its line and every line
/// indented deeper after it. None when the key is not written so.
fn without_key(text: &str, parent: Option<&str>, key: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let (from, indent) = match parent {
        None => (0, 0),
        Some(p) => (
            lines.iter().position(|l| l.starts_with(&format!("{p}:")))? + 1,
            2,
        ),
    };
    let prefix = format!("{}{key}:", " ".repeat(indent));
    let at = lines[from..]
        .iter()
        .take_while(|l| parent.is_none() || l.starts_with("  ") || l.trim().is_empty())
        .position(|l| l.starts_with(&prefix))?
        + from;
    // Its value: blank lines, deeper lines, and a block list written at
    // the key's own indentation.
    let deeper = |l: &str| {
        let depth = l.len() - l.trim_start().len();
        l.trim().is_empty() || depth > indent || depth == indent && l.trim_start().starts_with("- ")
    };
    let end = at + 1 + lines[at + 1..].iter().take_while(|l| deeper(l)).count();
    let mut kept: Vec<&str> = lines[..at].to_vec();
    kept.extend(&lines[end..]);
    Some(kept.join("\n") + "\n")
}

/// #25.1: mending a record to find all its mistakes never invents one. For
/// every record of the small fixture and every required key it writes as a
/// block (at the top, or inside a top-level mapping such as `dang_ky`),
/// removing that key alone gives exactly one problem: that key, missing.
#[test]
fn one_missing_key_is_one_problem_for_every_kind_and_key() {
    let schemas: BTreeMap<String, Value> = tdkt::schema::schemas().into_iter().collect();
    let mut tried = 0;
    for file in common::files(&common::fixtures().join("nho")) {
        let file = file.to_string_lossy().into_owned();
        let schema_name = if file.contains('/') {
            format!("{}.json", file.split('/').next().unwrap_or_default())
        } else {
            file.replace(".yaml", ".json")
        };
        let Some(root) = schemas.get(schema_name.as_str()) else {
            continue;
        };
        let text = fs::read_to_string(common::fixtures().join("nho").join(&file)).expect("read");
        let mut cases: Vec<(Option<&str>, &str)> = required_of(root, root)
            .into_iter()
            .map(|(k, _)| (None, k))
            .collect();
        for (parent, property) in required_of(root, root).into_iter().chain(
            root["properties"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(k, v)| (k.as_str(), v)),
        ) {
            cases.extend(
                required_of(root, property)
                    .into_iter()
                    .map(|(k, _)| (Some(parent), k)),
            );
        }
        cases.sort();
        cases.dedup();
        for (parent, key) in cases {
            let Some(broken) = without_key(&text, parent, key) else {
                continue;
            };
            let folder = Folder::small();
            folder.write(&file, &broken);
            let (_, report) = check_json(folder.path());
            let errors = data_errors(&report);
            let field = parent.map_or(key.to_owned(), |p| format!("{p}.{key}"));
            assert_eq!(
                errors.len(),
                1,
                "{file} without {field}: expected one problem, got {errors:#?}"
            );
            assert_eq!(place(&errors[0]).1, field, "{file}: {:#}", errors[0]);
            assert!(
                message(&errors[0]).contains("thiếu khóa"),
                "{:#}",
                errors[0]
            );
            tried += 1;
        }
    }
    assert!(tried >= 20, "only {tried} keys tried");
}
