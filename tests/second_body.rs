//! #11: the second example body — a Sở in the State format under the 2022
//! law, with its own subject and quotas, no selection meeting, an absent
//! member's written opinion counted, a proposal its council issues with a
//! mixed list of commendations, and Ê Đê names — checked and built, and
//! read back as a clerk of that Sở would read it.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::{assert_has, build, check_json, files, pdf, second_body, stdout, verdict};
use tempfile::TempDir;

fn output() -> &'static Path {
    static OUT: OnceLock<TempDir> = OnceLock::new();
    OUT.get_or_init(|| {
        let out = TempDir::new().expect("temp dir");
        let run = build(&second_body(), out.path());
        assert!(run.status.success(), "{}", stdout(&run));
        out
    })
    .path()
}

fn doc(rel: &str) -> PathBuf {
    output().join("2024").join(rel)
}

#[test]
fn the_sos_records_are_valid_and_the_written_opinion_counts() {
    let (code, report) = check_json(&second_body());
    assert_eq!(code, 0, "{report:#}");
    let stages: Vec<&str> = report["ket_qua"]["giai_doan"]
        .as_array()
        .expect("stages")
        .iter()
        .filter_map(|s| s["giai_doan"].as_str())
        .collect();
    // No selection meeting: the year end chooses among the registrants.
    assert_eq!(stages, ["dang_ky", "cuoi_nam", "de_nghi"]);
    // Lê Thị Hồng, registered for Chiến sĩ thi đua cơ sở: 5 ballots and the
    // absent member's written opinion make 6 of 7, the law's 80 % reached.
    let stage = &report["ket_qua"]["giai_doan"][1];
    let row = stage["ung_vien"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["id"] == "le-thi-hong")
        .expect("her row");
    assert_eq!(row["phieu"]["dong_y"], 6, "{row:#}");
    assert_eq!(verdict(&report, "cuoi_nam", "h-luyen-nie", "DH-1").0, "dat");
    // Hoàn thành nhiệm vụ is below Lao động tiên tiến under the 2022 law.
    let (result, why, _) = verdict(&report, "cuoi_nam", "do-minh-tuan", "DH-1");
    assert_eq!(result, "khong_dat");
    assert!(why.contains("06/2022/QH15"), "{why}");
    // The plan states no criteria of its own: the seed's (CHUNG-1, TT-1,
    // CN-1..3) are neither listed nor a column of the tables.
    let listed: Vec<&str> = report["ket_qua"]["tieu_chi"]
        .as_array()
        .expect("rules")
        .iter()
        .filter_map(|r| r["ma"].as_str())
        .collect();
    assert_eq!(
        listed,
        ["ND-1", "QT-1", "DH-1", "KL-1", "QT-2", "QT-3", "QT-4"]
    );
    let text = stdout(&common::tdkt(&[
        "check",
        "--records",
        &second_body().to_string_lossy(),
    ]));
    for own in ["CHUNG-1", "TT-1", "CN-1", "CN-2", "CN-3"] {
        assert!(!text.contains(own), "{own}: {text}");
    }
}

#[test]
fn every_document_is_the_state_format_in_the_sos_own_words() {
    let pdfs: Vec<PathBuf> = files(output())
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "pdf"))
        .collect();
    assert!(pdfs.len() >= 20, "{pdfs:?}");
    for rel in &pdfs {
        // The counting board's head is a "Trưởng Ban kiểm phiếu" in any body.
        let text = pdf::flat_text(&output().join(rel)).replace("Trưởng Ban kiểm phiếu", "");
        assert!(
            text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            "{}",
            rel.display()
        );
        for seed in [
            "ĐẢNG CỘNG SẢN",
            "điển hình tiên tiến",
            "Ban Tổ chức",
            "Lãnh đạo Ban",
            "Trưởng Ban",
            "BAN PHỤ TRÁCH",
            "Tỉnh ủy",
        ] {
            assert!(
                !text.contains(seed),
                "{seed:?} in {}: {text}",
                rel.display()
            );
        }
    }
}

#[test]
fn the_council_proposes_mixed_commendations_and_signs_for_itself() {
    let text = pdf::flat_text(&doc("to-trinh/2024-12-12-de-nghi-khen-thuong.pdf"));
    assert_has(
        &text,
        &[
            "SỞ NỘI VỤ",
            "HỘI ĐỒNG THI ĐUA - KHEN",
            "Số: /TTr-HĐTĐKT",
            "Về việc đề nghị khen thưởng tập thể, cá nhân tiêu biểu năm 2024",
            "Kính gửi: Giám đốc Sở Nội vụ",
            "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15",
            "Căn cứ Nghị định số 98/2023/NĐ-CP",
            "Căn cứ Kế hoạch số 15/KH-SNV ngày 12/01/2024 của Sở Nội vụ",
            "Hội đồng Thi đua - Khen thưởng Sở kính đề nghị xem xét, khen thưởng các tập thể, cá nhân sau:",
            "TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
        ],
    );
    let raw = pdf::raw_text(&doc("to-trinh/2024-12-12-de-nghi-khen-thuong.pdf"));
    let flat: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    // Each row, from its name to the next row's (in content order a
    // cell's lines stay together), carries its own form.
    let rows = [
        (
            "Phòng Công chức, viên chức",
            "Giấy khen của Giám đốc Sở Nội vụ",
        ),
        ("Văn phòng Sở Sở Nội vụ", "Tập thể lao động tiên tiến"),
        ("Y Bhin Mlô", "Chiến sĩ thi đua cơ sở"),
        ("Lê Thị Hồng", "Chiến sĩ thi đua cơ sở"),
        ("H' Luyến Niê", "Chiến sĩ thi đua cơ sở"),
        ("Nguyễn Đức Minh", "Lao động tiên tiến"),
        ("Hồ sơ kèm theo", ""),
    ];
    let table = &flat[flat.find("I. TẬP THỂ").expect("the table")..];
    for pair in rows.windows(2) {
        let ((who, form), (next, _)) = (pair[0], pair[1]);
        let at = table.find(who).unwrap_or_else(|| panic!("{who}: {table}"));
        let end = at
            + table[at..]
                .find(next)
                .unwrap_or_else(|| panic!("{next}: {table}"));
        assert!(table[at..end].contains(form), "{who}: {}", &table[at..end]);
    }
    assert!(!flat.contains("Đỗ Minh Tuấn"), "not chosen, not proposed");
    // His title under the decree of the proposal's date.
    assert_has(
        &pdf::flat_text(&doc("bao-cao-thanh-tich/y-bhin-mlo.pdf")),
        &[
            "Mẫu số 03 (Nghị định số 98/2023/NĐ-CP)",
            "ĐỀ NGHỊ TẶNG CHIẾN SĨ THI ĐUA CƠ SỞ",
        ],
    );
}

#[test]
fn the_minutes_count_the_written_opinion_and_keep_their_recipients() {
    let file = doc("bien-ban/2024-12-10-binh-xet.pdf");
    let text = pdf::flat_text(&file);
    assert_has(
        &text,
        &[
            "Tỷ lệ đồng ý tính trên tổng số 07 thành viên Hội đồng",
            "từ 80 % tổng số thành viên Hội đồng trở lên (Nghị định số 98/2023/NĐ-CP, Điều 30 khoản 7)",
            "Số đồng ý gồm cả ý kiến đồng ý bằng văn bản của thành viên vắng mặt.",
        ],
    );
    // "Nơi nhận" stands on the page of the signatures, never alone.
    let pages = pdf::text(&file);
    let last = pages
        .split('\u{c}')
        .rfind(|p| !p.trim().is_empty())
        .unwrap_or_default();
    assert!(
        last.contains("Nơi nhận:") && last.contains("CHỦ TỌA"),
        "{last}"
    );
}

#[test]
fn the_vote_count_shows_the_ballots_and_adds_the_written_opinions_below() {
    // Lê Thị Hồng: 5 ballots of 7 members (71,4 %) and Võ Thị Thanh's
    // written "đồng ý" make 6/7 (85,7 %), above the 80 % of her title; the
    // table alone read 71,4 % with no "(chưa đạt)" and no word why.
    let pages = pdf::text(&doc("bien-ban-kiem-phieu/2024-12-10-binh-xet.pdf"));
    // The paragraph runs onto page 2: its page number is no part of it.
    let text = pages
        .lines()
        .filter(|l| l.trim().parse::<u32>().is_err())
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ");
    assert_has(
        &text,
        &[
            "Cộng ý kiến đồng ý bằng văn bản của thành viên vắng mặt, số đồng ý trên tổng số thành viên Hội đồng là: Phòng Công chức, viên chức 7/7 (100 %); Văn phòng Sở 6/7 (85,7 %); Lê Thị Hồng 6/7 (85,7 %); H' Luyến Niê 7/7 (100 %); Y Bhin Mlô 6/7 (85,7 %); Nguyễn Đức Minh 7/7 (100 %).",
        ],
    );
    assert!(
        !text.contains("Đỗ Minh Tuấn 1/7"),
        "no written opinion for him"
    );
    assert!(!text.contains("71,4 % (chưa đạt)"), "{text}");
}

#[test]
fn ede_names_sort_by_the_given_name_and_the_deputy_head_is_confirmed_by_the_head() {
    let list = pdf::raw_text(&doc("dang-ky/danh-sach.pdf"));
    let flat: String = list.split_whitespace().collect::<Vec<_>>().join(" ");
    let at = |name: &str| flat.rfind(name).unwrap_or_else(|| panic!("{name}: {flat}"));
    // Within the Phòng Công chức, viên chức: its head before its deputy.
    assert!(at("H' Luyến Niê") < at("Võ Thị Thanh"), "{flat}");
    let form = pdf::flat_text(&doc("dang-ky/ca-nhan/le-thi-hong.pdf"));
    assert_has(
        &form,
        &[
            "BẢN ĐĂNG KÝ Thi đua thực hiện thắng lợi nhiệm vụ năm 2024",
            "XÁC NHẬN CỦA GIÁM ĐỐC SỞ",
            "Trần Văn Hải",
        ],
    );
    // Điều 1 of the decision lists people by their given names: Bhin,
    // Hồng, Luyến.
    let decision = pdf::flat_text(&doc("quyet-dinh/2024-12-20-khen-thuong.pdf"));
    let pos = |n: &str| {
        decision
            .find(n)
            .unwrap_or_else(|| panic!("{n}: {decision}"))
    };
    assert!(pos("Y Bhin Mlô") < pos("Lê Thị Hồng"), "{decision}");
    assert!(pos("Lê Thị Hồng") < pos("H' Luyến Niê"), "{decision}");
    assert_has(
        &decision,
        &[
            "Tặng danh hiệu Chiến sĩ thi đua cơ sở cho 03 cá nhân",
            "được thưởng 1 lần mức lương cơ sở, là 2.340.000 đồng",
            "được thưởng 0,8 lần mức lương cơ sở",
        ],
    );
}

#[test]
fn the_year_report_of_a_plan_without_a_selection_skips_that_section() {
    let text = pdf::flat_text(&doc("bao-cao-ket-qua.pdf"));
    assert_has(
        &text,
        &[
            "1. Đăng ký thi đua thực hiện thắng lợi nhiệm vụ: có 03 tập thể và 07 cá nhân",
            "2. Đánh giá định kỳ:",
            "3. Bình xét cuối năm: ngày 10/12/2024",
            "4. Đề nghị khen thưởng và kết quả khen thưởng:",
            "đề nghị tặng Chiến sĩ thi đua cơ sở, Lao động tiên tiến, Tập thể lao động tiên tiến và \
             Giấy khen của Giám đốc Sở Nội vụ",
        ],
    );
    assert!(!text.contains("Lựa chọn"), "{text}");
}

#[test]
fn the_minutes_say_why_each_one_not_chosen_was_not() {
    let text = pdf::flat_text(&doc("bien-ban/2024-12-10-binh-xet.pdf"));
    assert_has(
        &text,
        &[
            "Lý do không được chọn:",
            // #24.11: the standard he fails first, then the vote share.
            "- Đỗ Minh Tuấn: xếp loại hoàn thành nhiệm vụ; theo Luật Thi đua, khen thưởng số \
             06/2022/QH15, danh hiệu Lao động tiên tiến cần hoàn thành tốt nhiệm vụ trở lên; đạt \
             1/7 ý kiến đồng ý, chưa đạt quá bán tổng số thành viên Hội đồng.",
            "- Võ Thị Thanh: ngoài chỉ tiêu 04 cá nhân của kế hoạch.",
        ],
    );
    // The council's own words replace tdkt's.
    let records = common::Folder::copy_of(&second_body());
    records.edit(
        "2024/cuoc-hop/2024-12-10-binh-xet.yaml",
        "dong_y: 1, duoc_chon: false }",
        "dong_y: 1, duoc_chon: false, ly_do: xếp loại hoàn thành nhiệm vụ }",
    );
    let out = common::built(&records);
    let text = pdf::flat_text(&out.path().join("2024/bien-ban/2024-12-10-binh-xet.pdf"));
    assert_has(&text, &["- Đỗ Minh Tuấn: xếp loại hoàn thành nhiệm vụ."]);
    assert!(!text.contains("đạt 1/7"), "{text}");
}

#[test]
fn quotes_inside_quotes_alternate_as_print_sets_them() {
    let records = common::Folder::copy_of(&second_body());
    records.edit(
        "2024/ca-nhan/h-luyen-nie.yaml",
        "thanh_tich: Tham mưu tổ chức kỳ tuyển dụng",
        "thanh_tich: Hưởng ứng phong trào \"Thi đua \"Dân vận khéo\"\"; tham mưu tổ chức kỳ tuyển dụng",
    );
    let out = common::built(&records);
    let raw = pdf::raw_text(
        &out.path()
            .join("2024/to-trinh/2024-12-12-de-nghi-khen-thuong.pdf"),
    );
    let text: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_has(&text, &["“Thi đua ‘Dân vận khéo’”"]);
    assert!(!text.contains('"'), "{text}");
    // An apostrophe is no quotation mark.
    assert_has(&text, &["H' Luyến Niê"]);
}

#[test]
fn full_names_are_never_split_over_two_lines_in_a_table() {
    // "Nguyễn Đức Minh" wrapped in the proposal's 1fr column; the column
    // is widened to the widest name, the others share what is left.
    let words = pdf::words(&doc("to-trinh/2024-12-12-de-nghi-khen-thuong.pdf"));
    for name in [
        "Nguyễn Đức Minh",
        "H' Luyến Niê",
        "Lê Thị Hồng",
        "Y Bhin Mlô",
    ] {
        assert!(pdf::on_one_line(&words, name), "{name}");
    }
    // A head's name after the title in the list's "Chức vụ, đơn vị".
    let list = pdf::words(&doc("dang-ky/danh-sach.pdf"));
    for name in ["Lê Thị Hồng", "Phạm Quốc Việt"] {
        assert!(pdf::on_one_line(&list, name), "{name}");
    }
    for rel in [
        "phieu-bau/2024-12-10-binh-xet.pdf",
        "bien-ban/2024-12-10-binh-xet.pdf",
        "phieu-xet/2024-12-10-binh-xet.pdf",
    ] {
        let words = pdf::words(&doc(rel));
        assert!(pdf::on_one_line(&words, "Nguyễn Đức Minh"), "{rel}");
    }
}
