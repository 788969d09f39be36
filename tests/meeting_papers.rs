//! #12.2: what a council's vote needs on paper besides its minutes: the
//! ballots (one page each, as many as the council has members or as the
//! record asks), with the candidates the vote is on; and the counting
//! board's minutes, with the record's figures, signed by the board.

mod common;

use std::path::Path;

use common::{Folder, built, example_output, example_plan, only_error, pdf};

const YEAR_END: &str = "cuoc-hop/2020-12-15-binh-xet.yaml";

fn pages(file: &Path) -> Vec<String> {
    let text = pdf::text(file);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

#[test]
fn one_ballot_a_member_each_listing_the_candidates_of_the_vote() {
    let file = example_output().join("2020/phieu-bau/2020-12-15-binh-xet.pdf");
    let pages = pages(&file);
    // The council has nine members.
    assert_eq!(pages.len(), 9);
    for page in &pages {
        let flat = page.split_whitespace().collect::<Vec<_>>().join(" ");
        for phrase in [
            "PHIẾU BẦU",
            "bình xét tập thể, cá nhân điển hình tiên tiến năm 2020",
            "HỘI ĐỒNG THI ĐUA - KHEN",
            "Đồng ý",
            "Không đồng ý",
            "Hội đồng chọn không quá 01 tập thể và 02 cá nhân",
            "Phòng Tổ chức đảng - Đảng viên",
            "Phòng Tổ chức cán bộ",
            "Vũ Minh Đức",
        ] {
            assert!(flat.contains(phrase), "{phrase}: {flat}");
        }
        // The people by given name: Đức, Hương, Khải.
        let (duc, huong, khai) = (
            flat.find("Vũ Minh Đức").expect("Đức"),
            flat.find("Lê Thị Thu Hương").expect("Hương"),
            flat.find("Ngô Văn Khải").expect("Khải"),
        );
        assert!(duc < huong && huong < khai, "{flat}");
        // A secret ballot: nobody's vote, no signature, no page number.
        assert!(!flat.contains("Nguyễn Văn Hanh"), "{flat}");
        assert!(!page.lines().any(|l| l.trim() == "2"), "{page}");
    }
}

#[test]
fn one_ballot_to_copy_and_before_the_vote_the_stage_gives_the_candidates() {
    let records = Folder::copy_of(&example_plan());
    let meeting = records.read(YEAR_END);
    let (head, _) = meeting.split_once("bieu_quyet:").expect("votes");
    records.write(YEAR_END, format!("{head}so_phieu_in: 1\nbieu_quyet: []\n"));
    // The year-end vote is not recorded yet: its ballot is printed.
    let out = built(&records);
    let file = out.path().join("2020/phieu-bau/2020-12-15-binh-xet.pdf");
    let pages = pages(&file);
    assert_eq!(pages.len(), 1);
    let flat = pages[0].split_whitespace().collect::<Vec<_>>().join(" ");
    // Those chosen at the selection in March, the year-end candidates.
    for name in [
        "Phòng Tổ chức đảng - Đảng viên",
        "Phòng Tổ chức cán bộ",
        "Ngô Văn Khải",
        "Lê Thị Thu Hương",
        "Vũ Minh Đức",
    ] {
        assert!(flat.contains(name), "{name}: {flat}");
    }
    assert!(
        !flat.contains("Văn phòng Ban"),
        "not chosen in March: {flat}"
    );
}

#[test]
fn the_counting_board_signs_the_figures_of_the_record() {
    let file = example_output().join("2020/bien-ban-kiem-phieu/2020-12-15-binh-xet.pdf");
    let text = pdf::text(&file);
    let flat = pdf::flat_text(&file);
    for phrase in [
        "BIÊN BẢN",
        "kiểm phiếu bình xét tập thể, cá nhân điển hình tiên tiến năm 2020",
        "Bùi Văn Long, Trưởng phòng Tổ chức cán bộ, Ủy viên, Trưởng Ban kiểm phiếu;",
        // A member of the board is said to be one, after their role in the council.
        "Lại Văn Sơn, Trưởng phòng Bảo vệ chính trị nội bộ, Ủy viên, thành viên Ban kiểm phiếu;",
        "Tổng số thành viên Hội đồng: 09; có mặt: 09",
        "TRƯỞNG BAN KIỂM PHIẾU",
        "THÀNH VIÊN",
        "Nguyễn Thị Thùy Linh",
    ] {
        assert!(flat.contains(phrase), "{phrase}: {flat}");
    }
    let row = text
        .lines()
        .find(|l| l.contains("Vũ Minh Đức"))
        .expect("Vũ Minh Đức's row");
    let cells: Vec<&str> = row.split_whitespace().collect();
    // 9 issued, 9 returned, 9 valid, 3 for, 6 against, 3 of 9 members.
    let figures: Vec<&str> = cells
        .iter()
        .copied()
        .filter(|c| c.chars().all(|ch| ch.is_ascii_digit() || ch == ','))
        .collect();
    assert_eq!(figures, ["5", "9", "9", "9", "3", "6", "33,3"], "{row}");
    assert!(flat.contains("33,3 % (chưa đạt)"), "{flat}");
    // Every signature on the page of the last paragraph.
    let last = pages(&file).pop().expect("a page");
    for name in [
        "Bùi Văn Long",
        "Lại Văn Sơn",
        "Nguyễn Thị Thùy Linh",
        "Biên bản lập xong",
    ] {
        assert!(last.contains(name), "{name}: {last}");
    }
}

#[test]
fn an_absent_member_cannot_count_the_votes() {
    let records = Folder::copy_of(&example_plan());
    records.edit(
        YEAR_END,
        "bieu_quyet:",
        "vang_mat:\n  - { nguoi: lai-van-son, ly_do: ốm }\nbieu_quyet:",
    );
    let error = only_error(records.path());
    assert_eq!(error["truong"], "ban_kiem_phieu[1]", "{error}");
}

#[test]
fn no_board_no_vote_count_minutes() {
    let records = Folder::copy_of(&example_plan());
    records.edit(
        YEAR_END,
        "ban_kiem_phieu: [bui-van-long, lai-van-son, nguyen-thi-thuy-linh]\n",
        "",
    );
    let out = built(&records);
    assert!(!out.path().join("2020/bien-ban-kiem-phieu").exists());
}

#[test]
fn the_worksheet_puts_each_candidates_criteria_before_the_council() {
    let file = example_output().join("2020/phieu-xet/2020-12-15-binh-xet.pdf");
    let text = pdf::raw_text(&file);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for phrase in [
        "PHIẾU TỔNG HỢP",
        "tiêu chuẩn của ứng viên, họp bình xét tập thể, cá nhân điển hình tiên tiến năm 2020",
        "Tiêu chí chưa đạt và lý do",
        // Vũ Minh Đức has no recognised initiative: CN-2 and the law's DH-1.
        "CN-2: chưa có sáng kiến được Hội đồng sáng kiến công nhận",
        "Các tiêu chí:",
        "CN-2: có sáng kiến được Hội đồng sáng kiến cơ quan công nhận (Mục II.1.3).",
    ] {
        assert!(flat.contains(phrase), "{phrase}: {flat}");
    }
    // Each candidate of the vote once, in its order; the one who fails is
    // the only row with a reason.
    let rows: Vec<&str> = [
        "Phòng Tổ chức đảng",
        "Phòng Tổ chức cán bộ",
        "Ngô Văn Khải",
        "Lê Thị Thu Hương",
        "Vũ Minh Đức",
    ]
    .into_iter()
    .collect();
    let mut at = 0;
    for name in rows {
        at += flat[at..]
            .find(name)
            .unwrap_or_else(|| panic!("{name} after {at}: {flat}"));
    }
    assert_eq!(flat.matches("Không có").count(), 4, "{flat}");
}

#[test]
fn the_year_report_counts_and_names_each_stage_from_the_records() {
    let file = example_output().join("2020/bao-cao-ket-qua.pdf");
    let flat = pdf::flat_text(&file);
    for phrase in [
        "BÁO CÁO",
        "-BC/BTCTU",
        // 5 units and 18 people have a registration in the example.
        "1. Đăng ký xây dựng điển hình tiên tiến: có 05 tập thể và 18 cá nhân đăng ký (danh sách đăng ký kèm theo).",
        "2. Lựa chọn: ngày 10/3/2020, Hội đồng Thi đua - Khen thưởng cơ quan họp, lựa chọn 02 tập thể và 03 cá nhân",
        "Ngô Văn Khải, 6 tháng đầu năm (30/6/2020): Chỉ đạo phòng hoàn thành đúng tiến độ",
        "4. Bình xét cuối năm: ngày 15/12/2020",
        "chọn 01 tập thể và 02 cá nhân tiêu biểu, xuất sắc nhất: Phòng Tổ chức đảng - Đảng viên, Lê Thị Thu Hương, Ngô Văn Khải.",
        "Tờ trình số 05-TTr/HĐTĐKT ngày 18/12/2020 của Hội đồng Thi đua - Khen thưởng cơ quan đề nghị tặng Giấy khen của Trưởng Ban Tổ chức Tỉnh ủy.",
        "Quyết định số 128-QĐ/BTCTU ngày 28/12/2020 của Trưởng Ban Tổ chức Tỉnh ủy: tặng Giấy khen của Trưởng Ban Tổ chức Tỉnh ủy cho Phòng Tổ chức đảng - Đảng viên, Ngô Văn Khải, Lê Thị Thu Hương.",
        "Nguyễn Văn Hanh",
    ] {
        assert!(flat.contains(phrase), "{phrase}: {flat}");
    }
}

/// #24.11: one not chosen who fails a standard has that reason first, the
/// vote share after it.
#[test]
fn the_minutes_give_the_failed_standard_before_the_vote_share() {
    let file = example_output().join("2020/bien-ban/2020-12-15-binh-xet.pdf");
    let flat = pdf::raw_text(&file)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // After the evaluations, which name him first, the reasons.
    let reasons = flat
        .split("Lý do không được chọn:")
        .nth(1)
        .expect("reasons");
    let line = reasons
        .split("- Vũ Minh Đức: ")
        .nth(1)
        .unwrap_or_else(|| panic!("no reason for Vũ Minh Đức: {reasons}"));
    let standard = line
        .find("chưa có sáng kiến được Hội đồng sáng kiến công nhận")
        .expect("the initiative standard");
    let vote = line
        .find("đạt 3/9 ý kiến đồng ý, chưa đạt quá bán")
        .expect("the vote share");
    assert!(standard < vote, "{line}");
}

/// #24.11: "Cụ thể:" and the list of those chosen follow the conclusion;
/// what the council assigns (`giao_nhiem_vu`) comes after the list.
#[test]
fn the_chosen_follow_the_conclusion_and_the_assignment_follows_them() {
    let file = example_output().join("2020/bien-ban/2020-03-10-lua-chon.pdf");
    let flat = pdf::raw_text(&file)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let at = |phrase: &str| {
        flat.find(phrase)
            .unwrap_or_else(|| panic!("no {phrase:?} in {flat}"))
    };
    assert!(
        flat.contains("để xây dựng điển hình tiên tiến năm 2020. Cụ thể: - Tập thể:"),
        "{flat}"
    );
    assert!(
        at("- Cá nhân: đồng chí Vũ Minh Đức.") < at("Giao Phòng Tổ chức đảng - Đảng viên theo dõi")
    );
}

/// The small fixture with `extra` more people registered and its
/// selection meeting not yet held (nor what follows it): the selection
/// ballot lists them all.
fn ballot_for(extra: usize) -> (Folder, tempfile::TempDir) {
    let records = Folder::small();
    records
        .remove("cuoc-hop/binh-xet.yaml")
        .remove("to-trinh/de-nghi.yaml");
    let family = [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô",
    ];
    let given = [
        "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hòa", "Hùng", "Khánh",
    ];
    for i in 0..extra {
        let (f, g) = (family[i % 10], given[(i / 10) % 10]);
        let middle = ["Văn", "Thị", "Minh", "Quốc", "Thu"][i / 100];
        let gender = if middle == "Thị" { "nu" } else { "nam" };
        records.write(
            &format!("ca-nhan/them-{i}.yaml"),
            format!(
                "ho_ten: {f} {middle} {g}\ngioi_tinh: {gender}\nchuc_vu: Chuyên viên chính\n\
                 don_vi: phong-b\ndang_ky:\n  ngay: 2020-03-02\n  noi_dung: [\"2.2\"]\n  \
                 danh_hieu: lao_dong_tien_tien\n  lam_theo_bac: true\n  cam_ket: Hoàn thành tốt.\n"
            ),
        );
    }
    let meeting = records.read("cuoc-hop/lua-chon.yaml");
    let before_votes = meeting.split("bieu_quyet:").next().expect("head");
    records.write(
        "cuoc-hop/lua-chon.yaml",
        format!("{before_votes}bieu_quyet: []\n"),
    );
    let out = built(&records);
    (records, out)
}

/// #24.10: a member's ballot is one sheet for a realistic number of
/// candidates (the text set smaller as needed); past what a sheet holds at
/// the smallest size, each page of a ballot says "Trang i/n" and the pages
/// after the first carry the title with "(tiếp theo)".
#[test]
fn a_ballot_is_one_sheet_and_a_longer_one_numbers_its_pages() {
    let (_records, out) = ballot_for(22);
    let ballots = out.path().join("2020/phieu-bau/lua-chon.pdf");
    let sheets = pages(&ballots);
    // Three members, one sheet each, every registrant on it.
    assert_eq!(sheets.len(), 3, "{sheets:?}");
    for page in &sheets {
        assert!(
            page.contains("PHIẾU BẦU") && page.contains("Hoàng Văn Bình"),
            "{page}"
        );
        assert!(!page.contains("Trang"), "{page}");
    }

    let (_records, out) = ballot_for(160);
    let pages = pages(&out.path().join("2020/phieu-bau/lua-chon.pdf"));
    assert!(
        pages.len() > 3 && pages.len().is_multiple_of(3),
        "{}",
        pages.len()
    );
    let each = pages.len() / 3;
    for (i, page) in pages.iter().enumerate() {
        let n = i % each + 1;
        let flat = page.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(&format!("Trang {n}/{each}")),
            "page {i}: {flat}"
        );
        assert_eq!(
            flat.contains("PHIẾU BẦU (tiếp theo)"),
            n > 1,
            "page {i}: {flat}"
        );
        // The table's header on every page of it.
        assert!(flat.contains("Không đồng ý"), "page {i}: {flat}");
    }
}
