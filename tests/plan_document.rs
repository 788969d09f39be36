//! #12.1: the plan itself, printed from the plan record. The example 2020
//! plan must read as the body's own copy does (`tests/fixtures/seed`, the
//! text of the seed plan), section by section; the values `check` holds the
//! records to come from the plan's keys, so the printed plan changes with
//! them; a text that leaves one out, or names one the plan does not have, is
//! refused with the file and field.

mod common;

use std::path::Path;

use common::{
    Folder, build, built, example_output, example_plan, fixtures, only_error, pdf, state_example,
    stdout,
};

const PLAN: &str = "2020/ke-hoach.pdf";

/// The page's text without its page numbers, every run of white space one
/// space, curly quotes straight: a paragraph that crosses a page reads whole.
fn reading(pdf_file: &Path) -> String {
    pdf::text(pdf_file)
        .lines()
        .filter(|l| !l.trim().chars().all(|c| c.is_ascii_digit()) || l.trim().is_empty())
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['“', '”'], "\"")
}

/// The seed's paragraphs from the opening to the last of part III, with the
/// typing slips the example record corrects (as its comment says) and the
/// Party format's full stop at the end.
fn seed_paragraphs() -> Vec<String> {
    let seed =
        std::fs::read_to_string(fixtures().join("seed/ke-hoach-dien-hinh-tien-tien-2020.txt"))
            .expect("seed text");
    let start = seed.find("Hưởng ứng").expect("opening");
    let end = seed.find("Nơi nhận:").expect("recipients");
    let corrections = [
        ("Khổi", "Khối"),
        ("HỒ Chí Minh", "Hồ Chí Minh"),
        ("chỉ ủy, chỉ bộ", "chi ủy, chi bộ"),
        ("số 2- Ngành", "số 2 - Ngành"),
        ("đảng- Đảng", "đảng - Đảng"),
        ("giải quyết./.", "giải quyết."),
    ];
    let mut text = seed[start..end].to_owned();
    for (slip, right) in corrections {
        assert!(text.contains(slip), "the seed has {slip:?}");
        text = text.replace(slip, right);
    }
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn the_example_plan_reads_as_the_seed_section_by_section() {
    let plan = example_output().join(PLAN);
    let text = reading(&plan);
    let mut from = 0;
    for paragraph in seed_paragraphs() {
        match text[from..].find(&paragraph) {
            Some(at) => from += at + paragraph.len(),
            None => panic!(
                "the printed plan lacks, at its place, the seed's paragraph\n  {paragraph}\n\
                 after\n  {}",
                &text[..from]
                    .chars()
                    .rev()
                    .take(200)
                    .collect::<String>()
                    .chars()
                    .rev()
                    .collect::<String>()
            ),
        }
    }
    for heading in [
        "KẾ HOẠCH",
        "xây dựng và nhân rộng điển hình tiên tiến năm 2020",
    ] {
        assert!(text.contains(heading), "{heading}: {text}");
    }
    // The heading of a Party document, the number left blank for the clerk,
    // the signer and the recipients of the record.
    let layout = pdf::text(&plan);
    for line in [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "-KH/BTCTU",
        "K/T TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN",
        "Nguyễn Văn Hanh",
        "- Hội đồng TĐ-KT tỉnh,",
        "+ Lưu Văn thư, TCĐ-ĐV.",
    ] {
        assert!(layout.contains(line), "{line}:\n{layout}");
    }
}

#[test]
fn the_checked_values_are_printed_from_the_plans_keys() {
    let records = state_example();
    records
        .edit(
            "ke-hoach.yaml",
            "lua_chon: { tap_the: 2, ca_nhan: 3 }",
            "lua_chon: { tap_the: 4, ca_nhan: 6 }",
        )
        .edit(
            "ke-hoach.yaml",
            "cuoi_nam: { tap_the: 1, ca_nhan: 2 }",
            "cuoi_nam: { tap_the: 3, ca_nhan: 5 }",
        );
    let out = built(&records);
    let text = reading(&out.path().join(PLAN));
    for phrase in [
        "đề xuất 04 tập thể và 06 cá nhân điển hình nhất",
        "lựa chọn 03 tập thể và 05 cá nhân tiêu biểu",
        "phải có ít nhất 01 sáng kiến hoặc giải pháp",
        "xếp loại hoàn thành xuất sắc nhiệm vụ được giao",
        "phải đạt danh hiệu tập thể lao động tiên tiến trở lên",
        // The State format: parts "I.", the text closed with "./.".
        "I. MỤC ĐÍCH, YÊU CẦU",
        "III. TỔ CHỨC THỰC HIỆN",
        "để kịp thời giải quyết./.",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ] {
        assert!(text.contains(phrase), "{phrase}: {text}");
    }
    assert!(!text.contains("{"), "no placeholder is left: {text}");
}

/// The single data error of the example plan after `from` becomes `to`.
fn error_after(from: &str, to: &str) -> (String, String) {
    let records = Folder::copy_of(&example_plan());
    records.edit("ke-hoach.yaml", from, to);
    let error = only_error(records.path());
    let s = |k: &str| error[k].as_str().unwrap_or_default().to_owned();
    assert!(s("tep").ends_with("ke-hoach.yaml"), "{error}");
    (s("truong"), s("thong_bao"))
}

#[test]
fn a_text_that_leaves_out_a_checked_value_is_refused() {
    let (field, message) = error_after("{so_sang_kien} sáng kiến", "01 sáng kiến");
    assert_eq!(field, "van_ban");
    assert!(
        message.contains("tieu_chuan.so_sang_kien_toi_thieu"),
        "{message}"
    );
    assert!(message.contains("{so_sang_kien}"), "{message}");
}

#[test]
fn a_text_naming_an_unknown_value_is_refused() {
    let (field, message) = error_after(
        "{cuoi_nam_ca_nhan} cá nhân",
        "{cuoi_nam_ca_nhan} cá nhân {so_phong}",
    );
    assert_eq!(field, "van_ban.phan[2].muc[2]");
    assert!(message.contains("{so_phong}"), "{message}");
    assert!(
        message.contains("{lua_chon_tap_the}"),
        "lists what may be named: {message}"
    );
}

#[test]
fn a_text_without_the_content_areas_is_refused() {
    let (field, message) = error_after("- \"{noi_dung}\"", "- Xem các nội dung đã đăng ký.");
    assert_eq!(field, "van_ban");
    assert!(message.contains("{noi_dung}"), "{message}");
}

#[test]
fn a_plan_without_text_is_not_printed() {
    let records = Folder::small();
    let out = tempfile::TempDir::new().expect("temp dir");
    let run = build(records.path(), out.path());
    assert!(run.status.success(), "{}", stdout(&run));
    let plans: Vec<_> = common::files(out.path())
        .into_iter()
        .filter(|f| f.ends_with("ke-hoach.pdf"))
        .collect();
    assert!(plans.is_empty(), "{plans:?}");
}
