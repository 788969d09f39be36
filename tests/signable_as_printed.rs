//! #24: documents a senior officer signs as printed. Each test reads the
//! PDFs as a reader sees them (word boxes, lines, sizes), for the Party
//! example and for a State body whose names are longer.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::pdf::{self, Word};
use common::{Folder, built, example_output, files};

/// A State body with long names, a district's Phòng Giáo dục và Đào tạo,
/// built once per test binary: its plan's folder (2024) in the output.
fn long_named_body() -> &'static Path {
    static OUT: OnceLock<tempfile::TempDir> = OnceLock::new();
    let out = OUT.get_or_init(|| {
        let records = Folder::copy_of(&common::second_body());
        records.edit(
            "2024/ke-hoach.yaml",
            "  cap_tren: UBND TỈNH ĐẮK LẮK\n  ten: SỞ NỘI VỤ",
            "  cap_tren: ỦY BAN NHÂN DÂN HUYỆN KRÔNG PẮC\n  ten: PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
        );
        built(&records)
    });
    out.path()
}

/// Whether `phrase` is on one line among `words`, where all its words are
/// there at all.
fn whole_where_present(words: &[Word], phrase: &str) -> bool {
    let present = phrase.split(' ').all(|p| words.iter().any(|w| w.text == p));
    !present || pdf::on_one_line(words, phrase)
}

/// The PDFs below `out` whose first page opens with the two-column
/// heading (not a certificate, not a person's achievement report).
fn headed(out: &Path) -> Vec<PathBuf> {
    files(out)
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "pdf"))
        .filter(|f| {
            let key = f.to_string_lossy();
            !key.contains("giay-khen") && !key.contains("bao-cao-thanh-tich")
        })
        .map(|f| out.join(f))
        .collect()
}

/// The words of the heading block: page 1, above the document's type.
fn heading_words(pdf: &Path) -> Vec<Word> {
    let words = pdf::words(pdf);
    // The heading ends where the national heading's last line does, well
    // above the title; 45 mm from the top holds both columns.
    words
        .into_iter()
        .filter(|w| w.page == 1 && w.y1 < 45.0 / 25.4 * 72.0 + 57.0)
        .collect()
}

#[test]
fn a_heading_line_never_breaks_inside_a_word() {
    // The example's issued list and proposal are their issued copies, as
    // printed then: what is issued never changes.
    let issued = [
        "dang-ky/danh-sach.pdf",
        "to-trinh/2020-12-18-de-nghi-khen-thuong.pdf",
    ];
    let party: Vec<PathBuf> = headed(&example_output().join("2020"))
        .into_iter()
        .filter(|p| !issued.iter().any(|i| p.ends_with(i)))
        .collect();
    let council = party
        .iter()
        .filter(|p| {
            let k = p.to_string_lossy();
            k.contains("phieu-bau") || k.contains("phieu-xet") || k.contains("bien-ban")
        })
        .count();
    assert!(council >= 5, "the council's papers are built: {party:?}");
    for pdf in &party {
        let words = heading_words(pdf);
        let text: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        assert!(pdf::on_one_line(&words, "TỔ CHỨC"), "{pdf:?}: {text:?}");
        for phrase in [
            "TỈNH ỦY",
            "BẮC GIANG",
            "HỘI ĐỒNG",
            "THI ĐUA -",
            "KHEN THƯỞNG",
            "CƠ QUAN",
        ] {
            assert!(
                whole_where_present(&words, phrase),
                "{phrase} in {pdf:?}: {text:?}"
            );
        }
    }

    let state = headed(&long_named_body().join("2024"));
    let mut body_named = 0;
    for pdf in &state {
        let words = heading_words(pdf);
        let text: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        for phrase in [
            "ỦY BAN",
            "NHÂN DÂN",
            "KRÔNG PẮC",
            "GIÁO DỤC",
            "VÀ ĐÀO TẠO",
            "KHEN THƯỞNG",
        ] {
            assert!(
                whole_where_present(&words, phrase),
                "{phrase} in {pdf:?}: {text:?}"
            );
        }
        if text.contains(&"GIÁO") {
            body_named += 1;
        }
    }
    assert!(
        body_named >= 10,
        "the body's own papers carry its name: {state:?}"
    );
}

#[test]
fn a_name_written_as_lines_is_printed_as_those_lines() {
    let records = Folder::copy_of(&common::second_body());
    records.edit(
        "2024/ke-hoach.yaml",
        "  ten: SỞ NỘI VỤ",
        "  ten: \"SỞ NỘI VỤ THỬ\\nXUỐNG DÒNG\"",
    );
    let out = built(&records);
    let words = heading_words(&out.path().join("2024/dang-ky/danh-sach.pdf"));
    let (thu, xuong) = (pdf::word(&words, "THỬ"), pdf::word(&words, "XUỐNG"));
    assert!(xuong.y0 > thu.y1, "{words:?}");
    assert!(pdf::on_one_line(&words, "SỞ NỘI VỤ THỬ"), "{words:?}");
    assert!(pdf::on_one_line(&words, "XUỐNG DÒNG"), "{words:?}");
}

#[test]
fn a_signers_title_breaks_between_phrases_only() {
    let out = example_output().join("2020");
    let count = pdf::words(&out.join("bien-ban-kiem-phieu/2020-12-15-binh-xet.pdf"));
    assert!(
        pdf::on_one_line(&count, "TRƯỞNG BAN KIỂM PHIẾU") || {
            pdf::on_one_line(&count, "TRƯỞNG BAN") && pdf::on_one_line(&count, "KIỂM PHIẾU")
        }
    );
    let report = pdf::words(&out.join("bao-cao-thanh-tich/le-thi-thu-huong.pdf"));
    for phrase in [
        "THỦ TRƯỞNG",
        "ĐƠN VỊ",
        "XÁC NHẬN,",
        "ĐỀ NGHỊ",
        "BÁO CÁO",
        "THÀNH TÍCH",
    ] {
        assert!(pdf::on_one_line(&report, phrase), "{phrase}");
    }
}

/// The header row of the first table: the words level with "STT".
fn header_row(words: &[Word]) -> Vec<Word> {
    let stt = pdf::word(words, "STT");
    words
        .iter()
        .filter(|w| w.page == stt.page && w.y0 > stt.y0 - 20.0 && w.y1 < stt.y1 + 20.0)
        .cloned()
        .collect()
}

#[test]
fn table_headers_keep_their_words_and_number_cells_are_centred() {
    // The example's list and proposal are issued: their PDFs are the
    // issued copies, as printed then. The State body's are drafts.
    let out = long_named_body().join("2024");
    for (file, phrases) in [
        (
            "phieu-bau/2024-12-10-binh-xet.pdf",
            &["Chức vụ, đơn vị", "Không đồng ý"][..],
        ),
        (
            "to-trinh/2024-12-12-de-nghi-khen-thuong.pdf",
            &[
                "Chức vụ, đơn vị",
                "Hình thức đề nghị",
                "Thành tích tiêu biểu",
            ][..],
        ),
        (
            "dang-ky/danh-sach.pdf",
            &["Chức vụ, đơn vị", "Danh hiệu đăng ký"][..],
        ),
    ] {
        let words = pdf::words(&out.join(file));
        let header = header_row(&words);
        for phrase in phrases {
            // A phrase too wide for its cell may break, but between words
            // that are each whole: every two-syllable word on one line.
            let words: Vec<&str> = phrase.split(' ').collect();
            let last = words.len() - 1;
            let whole = pdf::on_one_line(&header, phrase)
                || pdf::on_one_line(&header, &words[last - 1..].join(" "));
            assert!(whole, "{phrase} in {file}: {header:?}");
        }
        // The number "1" of the first row stands under the middle of "STT".
        let stt = pdf::word(&words, "STT");
        let one = words
            .iter()
            .find(|w| w.text == "1" && w.y0 > stt.y1 && w.page == stt.page)
            .expect("row 1");
        let middle = |w: &Word| (w.x0 + w.x1) / 2.0;
        assert!(
            (middle(one) - middle(stt)).abs() < 2.0,
            "{file}: STT at {}, 1 at {}",
            middle(stt),
            middle(one)
        );
    }
}

#[test]
fn a_certificate_says_giay_khen_large() {
    for pdf in [
        example_output().join("2020/giay-khen/2020-12-28-khen-thuong/ngo-van-khai.pdf"),
        example_output()
            .join("2020/giay-khen/2020-12-28-khen-thuong/phong-to-chuc-dang-dang-vien.pdf"),
    ] {
        let words = pdf::words(&pdf);
        assert!(words.iter().all(|w| w.page == 1), "one sheet: {pdf:?}");
        assert!(pdf::on_one_line(&words, "GIẤY KHEN"), "{pdf:?}");
        let title = pdf::word(&words, "GIẤY");
        let tang = pdf::word(&words, "TẶNG");
        assert!(title.y0 > tang.y1, "under TẶNG: {pdf:?}");
        // Taller than any other word of the sheet.
        let tallest = words
            .iter()
            .filter(|w| w.text != "GIẤY" && w.text != "KHEN")
            .map(|w| w.y1 - w.y0)
            .fold(0.0, f64::max);
        assert!(title.y1 - title.y0 > tallest, "{pdf:?}");
    }
}

#[test]
fn a_units_row_on_the_ballot_leaves_its_post_empty() {
    let pdf = example_output().join("2020/phieu-bau/2020-12-15-binh-xet.pdf");
    let words = pdf::words(&pdf);
    let post = pdf::word(&words, "Chức");
    let yes = words
        .iter()
        .find(|w| w.text == "Đồng" && (w.y0 - post.y0).abs() < 3.0)
        .expect("the Đồng ý column");
    let unit = words
        .iter()
        .find(|w| w.text == "cán" && w.y0 > post.y1)
        .expect("Phòng Tổ chức cán bộ");
    let in_post_column: Vec<&Word> = words
        .iter()
        .filter(|w| {
            w.page == unit.page
                && (w.y0 - unit.y0).abs() < 3.0
                && w.x0 >= post.x0 - 2.0
                && w.x1 <= yes.x0
        })
        .collect();
    assert!(in_post_column.is_empty(), "{in_post_column:?}");
}

#[test]
fn a_birth_year_alone_is_said_as_a_year() {
    let text = pdf::text(&example_output().join("2020/bao-cao-thanh-tich/le-thi-thu-huong.pdf"));
    assert!(text.contains("Năm sinh: 1983"), "{text}");
    assert!(!text.contains("năm 1983"), "{text}");
}

#[test]
fn a_deputy_signing_for_a_collective_prints_both_lines() {
    // The second example's proposal: its director chairs the council and
    // receives the proposal, so the vice chair signs for the chair (#24.6).
    let records = Folder::copy_of(&common::second_body());
    let out = built(&records);
    let pdf = out
        .path()
        .join("2024/to-trinh/2024-12-12-de-nghi-khen-thuong.pdf");
    let words = pdf::words(&pdf);
    let lines = [
        "TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    ];
    for line in lines {
        assert!(pdf::on_one_line(&words, line), "{line}: {words:?}");
    }
    let top = |text: &str| {
        words
            .iter()
            .filter(|w| w.text == text)
            .map(|w| w.y0)
            .fold(f64::MIN, f64::max)
    };
    // In that order, top to bottom (the last "TM.", "KT.", "PHÓ" of the page).
    assert!(
        top("TM.") < top("KT.") && top("KT.") < top("PHÓ"),
        "{words:?}"
    );
    // Signed within the council: the council issues it.
    assert!(pdf::text(&pdf).contains("/TTr-HĐTĐKT"));
}

#[test]
fn the_year_report_names_each_decision_once_and_ends_as_its_format_ends() {
    let text = pdf::flat_text(&long_named_body().join("2024/bao-cao-ket-qua.pdf"));
    // One decision of 20/12/2024 awarding four forms: one line.
    assert_eq!(text.matches("ngày 20/12/2024 của").count(), 1, "{text}");
    for form in [
        "Chiến sĩ thi đua cơ sở cho",
        "Lao động tiên tiến cho",
        "Giấy khen của Giám đốc Sở Nội vụ cho",
    ] {
        assert!(text.contains(form), "{form}: {text}");
    }
    // The record's assessment and recommendations, the last ending "./.".
    for section in ["Đánh giá chung:", "Kiến nghị, đề xuất:"] {
        assert!(text.contains(section), "{section}: {text}");
    }
    assert!(
        text.contains("theo Nghị định số 152/2025/NĐ-CP./."),
        "the State's ending closes the last sentence: {text}"
    );
    assert_eq!(text.matches("./.").count(), 1, "{text}");
    // The last paragraph travels with the signatures: no page holds them
    // alone.
    let words = pdf::words(&long_named_body().join("2024/bao-cao-ket-qua.pdf"));
    let signer = words
        .iter()
        .rev()
        .find(|w| w.text == "Hải")
        .expect("the signer's name");
    let last = words
        .iter()
        .find(|w| w.text.ends_with("152/2025/NĐ-CP./."))
        .expect("the last sentence");
    assert_eq!(last.page, signer.page, "{words:?}");
    // A section's heading stands with its first paragraph.
    let heading = words.iter().find(|w| w.text == "Kiến").expect("Kiến nghị");
    let first = words
        .iter()
        .find(|w| w.text == "Đề" && (w.page, w.y0) > (heading.page, heading.y1))
        .expect("its paragraph");
    assert_eq!(heading.page, first.page, "{words:?}");
}

#[test]
fn the_minutes_say_only_what_happened_and_nest_quotes() {
    let records = Folder::copy_of(&common::second_body());
    records.edit(
        "2024/cuoc-hop/2024-12-10-binh-xet.yaml",
        "    y_kien: Nhất trí đề nghị khen thưởng các tập thể, cá nhân do Hội đồng dự kiến.",
        "    y_kien: Nhất trí đề nghị “Chiến sĩ thi đua cơ sở” cho các cá nhân do Hội đồng dự kiến.",
    );
    let out = built(&records);
    let text = pdf::flat_text(&out.path().join("2024/bien-ban/2024-12-10-binh-xet.pdf"));
    // No selection at the year's start, no evaluation: no placeholder, and
    // nobody "đã được lựa chọn".
    assert!(!text.contains("Không có kết quả đánh giá"), "{text}");
    assert!(!text.contains("đã được lựa chọn"), "{text}");
    assert!(
        text.contains("của các tập thể, cá nhân đã đăng ký"),
        "{text}"
    );
    assert!(
        text.contains(
            "“Nhất trí đề nghị ‘Chiến sĩ thi đua cơ sở’ cho các cá nhân do Hội đồng dự kiến.”"
        ),
        "{text}"
    );
}

#[test]
fn a_registration_leaves_out_what_is_empty_and_lists_a_numbered_commitment() {
    let records = Folder::copy_of(&common::second_body());
    records.edit(
        "2024/ca-nhan/le-thi-hong.yaml",
        "  cam_ket: Hoàn thành xuất sắc nhiệm vụ; chỉ đạo các phòng phụ trách hoàn thành chỉ tiêu năm 2024.",
        "  cam_ket: |\n    1. Hoàn thành xuất sắc nhiệm vụ được giao, chỉ đạo các phòng phụ trách hoàn thành mọi chỉ tiêu năm 2024 đúng tiến độ;\n    2. Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
    );
    let out = built(&records);
    let pdf = out.path().join("2024/dang-ky/ca-nhan/le-thi-hong.pdf");
    let words = pdf::words(&pdf);
    // The commitment's items, after its heading.
    let heading = pdf::word(&words, "kết:");
    let after = |text: &str| {
        words
            .iter()
            .find(|w| w.text == text && (w.page, w.y0) > (heading.page, heading.y1))
            .unwrap_or_else(|| panic!("no {text} after the commitment's heading"))
    };
    let (one, two) = (after("1."), after("2."));
    assert!(two.y0 > one.y1, "item 2 on its own line");
    assert!(
        (one.x0 - two.x0).abs() < 1.0,
        "indented alike: {} {}",
        one.x0,
        two.x0
    );

    // A plan without contents: no section, no column, and no key needed.
    let records = Folder::copy_of(&common::second_body());
    let plan = records.read("2024/ke-hoach.yaml");
    let start = plan.find("noi_dung:").expect("contents");
    let end = plan[start..].find("\n\n").map_or(plan.len(), |e| start + e);
    records.write(
        "2024/ke-hoach.yaml",
        format!("{}noi_dung: []{}", &plan[..start], &plan[end..]),
    );
    records
        .drop_key("2024/ca-nhan", "noi_dung")
        .drop_key("2024/tap-the", "noi_dung");
    let out = built(&records);
    let form = pdf::text(&out.path().join("2024/dang-ky/ca-nhan/le-thi-hong.pdf"));
    assert!(!form.contains("Nội dung đăng ký"), "{form}");
    assert!(form.contains("1. Danh hiệu thi đua đăng ký:"), "{form}");
    let list = pdf::text(&out.path().join("2024/dang-ky/danh-sach.pdf"));
    assert!(!list.contains("Nội dung"), "{list}");
}

#[test]
fn a_registration_without_contents_in_a_plan_with_contents_names_the_codes() {
    let records = Folder::copy_of(&common::second_body());
    records.edit(
        "2024/ca-nhan/le-thi-hong.yaml",
        "  noi_dung: [\"1\", \"2\"]\n",
        "",
    );
    let (code, text) = common::run_on(records.path(), &["check"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("ca-nhan/le-thi-hong.yaml"), "{text}");
    assert!(
        text.contains(
            "chưa ghi nội dung đăng ký; hãy ghi một hoặc nhiều mã nội dung của kế hoạch: 1, 2, 3"
        ),
        "{text}"
    );
}

#[test]
fn check_counts_the_documents_that_will_print_a_blank_plan_citation() {
    let (code, text) = common::run_on(&common::example_records(), &["check"]);
    assert_eq!(code, 0, "{text}");
    let line = text
        .lines()
        .find(|l| l.contains("kế hoạch 2020 chưa có `so` và `ngay`"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.contains("văn bản trích dẫn kế hoạch sẽ in chỗ trống"),
        "{line}"
    );
    // A plan with its number and date: nothing to say.
    let (_, state) = common::run_on(&common::second_body(), &["check"]);
    assert!(!state.contains("chỗ trống \"Kế hoạch số"), "{state}");
}

#[test]
fn a_decision_names_the_title_it_awards_and_check_asks_for_undated_bases() {
    let text =
        pdf::flat_text(&long_named_body().join("2024/quyet-dinh/2024-12-20-khen-thuong.pdf"));
    for phrase in [
        "Tặng danh hiệu Chiến sĩ thi đua cơ sở cho 03 cá nhân",
        "Tặng danh hiệu Lao động tiên tiến cho",
        "Tặng danh hiệu Tập thể lao động tiên tiến cho",
        "Tặng Giấy khen của Giám đốc Sở Nội vụ cho",
        "được tặng danh hiệu Chiến sĩ thi đua cơ sở được thưởng",
    ] {
        assert!(text.contains(phrase), "{phrase}: {text}");
    }
    assert!(!text.contains("danh hiệu Giấy khen"), "{text}");
    let (_, check) = common::run_on(&common::second_body(), &["check"]);
    assert!(
        check.contains("2024/quyet-dinh/2024-12-20-khen-thuong.yaml: trường `ban_hanh.can_cu[0]`"),
        "{check}"
    );
    assert!(
        check.contains("không có số và ngày của văn bản được căn cứ"),
        "{check}"
    );
}

#[test]
fn the_year_report_orders_names_the_vietnamese_way() {
    let records = Folder::copy_of(&common::example_plan());
    records
        .edit(
            "ca-nhan/ngo-van-khai.yaml",
            "ho_ten: Ngô Văn Khải",
            "ho_ten: Bùi Văn Khải",
        )
        .edit(
            "ca-nhan/le-thi-thu-huong.yaml",
            "ho_ten: Lê Thị Thu Hương",
            "ho_ten: Âu Thị Thu Hương",
        );
    let out = built(&records);
    let text = pdf::flat_text(&out.path().join("2020/bao-cao-ket-qua.pdf"));
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s}: {text}"));
    // Same period, same date: "Âu" before "Bùi" (A, Ă, Â, B), which code
    // points would reverse.
    assert!(
        at("Âu Thị Thu Hương, 6 tháng đầu năm") < at("Bùi Văn Khải, 6 tháng đầu năm"),
        "{text}"
    );
}

/// #25.5: before the year-end meeting nobody is rated yet; check says the
/// rules that read the rating are not judged yet, not failed.
#[test]
fn before_the_year_end_a_missing_rating_is_not_yet_judged() {
    let records = Folder::small();
    records
        .remove("cuoc-hop/binh-xet.yaml")
        .remove("to-trinh/de-nghi.yaml");
    records.drop_key("ca-nhan", "xep_loai");
    let (code, text) = common::run_on(records.path(), &["check"]);
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("KHÔNG"), "{text}");
    assert!(text.contains("chưa đánh giá"), "{text}");
    assert!(text.contains("Chưa đánh giá (CN-1, DH-1):"), "{text}");
    let (_, json) = common::run_on(records.path(), &["check", "--format", "json"]);
    assert!(json.contains("\"chua_danh_gia\""), "{json}");
}

/// #24.6: the same candidate proposed twice for the same form is said.
#[test]
fn a_candidate_proposed_twice_for_one_form_is_said() {
    let records = Folder::small();
    let first = records.read("to-trinh/de-nghi.yaml");
    records.write(
        "to-trinh/de-nghi-lan-hai.yaml",
        first.replace("ngay: 2020-12-18", "ngay: 2020-12-20"),
    );
    let (_, text) = common::run_on(records.path(), &["check"]);
    assert!(text.contains("to-trinh/de-nghi-lan-hai.yaml:"), "{text}");
    assert!(
        text.contains("lần thứ hai (đã có trong to-trinh/de-nghi.yaml)"),
        "{text}"
    );
    let (_, alone) = common::run_on(&common::fixtures().join("nho"), &["check"]);
    assert!(!alone.contains("lần thứ hai"), "{alone}");
}

/// #24.12: no word alone on a subject's last line ("… tiên tiến / 2020"):
/// the subject's last two words stand together.
#[test]
fn a_subjects_last_word_never_stands_alone() {
    for (file, subject_end) in [
        ("2020/bao-cao-ket-qua.pdf", "điển hình tiên tiến năm 2020"),
        (
            "2020/phieu-xet/2020-12-15-binh-xet.pdf",
            "điển hình tiên tiến năm 2020",
        ),
    ] {
        let text = pdf::text(&example_output().join(file));
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(subject_end), "{file}: {flat}");
        let lone = text
            .lines()
            .map(str::trim)
            .any(|l| l == "2020" || l == "năm" || l == "tiến");
        assert!(!lone, "{file}: a word alone on a line:\n{text}");
    }
}

/// #24.6: a proposal says by what its candidates qualify: the plan's own
/// criteria, or the law in force when the plan has none of its own.
#[test]
fn a_proposal_cites_the_standard_its_candidates_meet() {
    let state = pdf::flat_text(
        &built(&Folder::copy_of(&common::second_body()))
            .path()
            .join("2024/to-trinh/2024-12-12-de-nghi-khen-thuong.pdf"),
    );
    assert!(
        state
            .contains("đủ tiêu chuẩn theo quy định của Luật Thi đua, khen thưởng số 06/2022/QH15."),
        "{state}"
    );
    assert!(!state.contains("theo Kế hoạch."), "{state}");
    let party =
        pdf::flat_text(&example_output().join("2020/to-trinh/2020-12-18-de-nghi-khen-thuong.pdf"));
    assert!(party.contains("đủ tiêu chuẩn theo Kế hoạch."), "{party}");
}
