//! The example records rendered to real PDFs, read back as a reader sees
//! them: text, positions, faces and sizes, fonts, metadata.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::pdf::{self, face_and_size, word, words};
use common::{
    Folder, assert_has, build, built, example_output, example_plan, example_records, files,
    state_example, stdout,
};

fn doc(rel: &str) -> PathBuf {
    let path = example_output().join(rel);
    assert!(
        path.exists(),
        "{rel} was not rendered; have: {:?}",
        files(example_output())
    );
    path
}

/// The line of `text` that contains `needle`.
fn line_with<'a>(text: &'a str, needle: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle:?} in:\n{text}"))
}

/// The line of the vote table that names `name`.
fn vote_row<'a>(text: &'a str, name: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(name) && l.contains("/9"))
        .unwrap_or_else(|| panic!("no vote row for {name} in:\n{text}"))
}

const PROPOSAL: &str = "2020/to-trinh/2020-12-18-de-nghi-khen-thuong.pdf";
const SELECTION: &str = "2020/bien-ban/2020-03-10-lua-chon.pdf";
const YEAR_END: &str = "2020/bien-ban/2020-12-15-binh-xet.pdf";
const KHAI: &str = "2020/dang-ky/ca-nhan/ngo-van-khai.pdf";
const TCCB: &str = "2020/dang-ky/tap-the/phong-to-chuc-can-bo.pdf";
const LIST: &str = "2020/dang-ky/danh-sach.pdf";

#[test]
fn every_registrant_meeting_and_proposal_has_its_document() {
    let all = files(example_output());
    let count = |prefix: &str| all.iter().filter(|f| f.starts_with(prefix)).count();
    assert_eq!(count("2020/dang-ky/ca-nhan"), 18, "{all:?}");
    assert_eq!(count("2020/dang-ky/tap-the"), 5);
    assert_eq!(count("2020/bien-ban"), 2);
    assert_eq!(
        count("2020/to-trinh"),
        2,
        "the proposal's PDF and spreadsheet"
    );
    assert!(all.contains(&PathBuf::from(LIST)));
    let others: Vec<_> = all.iter().filter(|f| !is_pdf(f)).collect();
    assert_eq!(
        others,
        [
            &PathBuf::from(".tdkt-manifest.json"),
            &PathBuf::from("2020/dang-ky/danh-sach.xlsx"),
            &PathBuf::from("2020/thong-ke-khen-thuong.xlsx"),
            &PathBuf::from("2020/to-trinh/2020-12-18-de-nghi-khen-thuong.xlsx"),
            &PathBuf::from("2021/dang-ky/danh-sach.xlsx"),
        ],
        "only PDFs, the lists' spreadsheets and the manifest, no temporary files"
    );
}

fn is_pdf(f: &Path) -> bool {
    f.extension().is_some_and(|e| e == "pdf")
}

#[test]
fn the_proposal_reads_as_the_party_body_writes_it() {
    let text = pdf::text(&doc(PROPOSAL));
    let flat = pdf::flat_text(&doc(PROPOSAL));
    assert_has(
        &text,
        &[
            "BAN TỔ CHỨC TỈNH ỦY",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "HỘI ĐỒNG THI ĐUA - KHEN",
            "TỜ TRÌNH",
            "Nơi nhận:",
        ],
    );
    // Signed for the council, issued by it: its heading under the Ban, its
    // number series.
    let number = line_with(&text, "-TTr/HĐTĐKT");
    assert!(number.contains("Số") && !number.contains("Số:"), "{number}");
    assert!(
        number.contains("Bắc Giang, ngày 18 tháng 12 năm 2020"),
        "number and date share a line: {number}"
    );
    assert_has(
        &flat,
        &[
            "về việc đề nghị tặng Giấy khen của Trưởng Ban Tổ chức Tỉnh ủy cho tập thể, cá nhân điển hình tiên tiến năm 2020",
            "Kính gửi: Đồng chí Trưởng Ban Tổ chức Tỉnh ủy",
            "Căn cứ Luật Thi đua, khen thưởng năm 2003;",
            "Hội đồng Thi đua - Khen thưởng cơ quan kính đề nghị xem xét",
            "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ",
            "Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng cơ quan ngày 15/12/2020.",
            "Ngày 10/3/2020, Hội đồng Thi đua - Khen thưởng cơ quan đã họp, lựa chọn 02 tập thể và 03 cá nhân",
            "Ngày 15/12/2020, Hội đồng Thi đua - Khen thưởng cơ quan đã họp bình xét, lựa chọn 01 tập thể và 02 cá nhân",
            "I. TẬP THỂ (01)",
            "II. CÁ NHÂN (02)",
            "Kính trình xem xét, quyết định.",
            "T/M HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
            "CHỦ TỊCH",
            "Nguyễn Văn Hanh",
            "- Như trên,",
            "- Lưu Văn thư, TCĐ-ĐV.",
        ],
    );
    // Proposed: the year-end meeting's choice, individuals by given name.
    // The year-end meeting opens a paragraph of its own.
    let year_end = line_with(&text, "Ngày 15/12/2020, Hội đồng");
    assert!(
        year_end.trim_start().starts_with("Ngày 15/12/2020"),
        "{year_end}"
    );
    let huong = text.find("Lê Thị Thu").expect("Hương proposed");
    let khai = text.find("Ngô Văn Khải").expect("Khải proposed");
    assert!(huong < khai, "Hương before Khải (H < K)");
    assert!(
        !flat.contains("Vũ Minh Đức"),
        "not chosen at year end, not proposed"
    );
    assert!(
        !flat.contains("./."),
        "the Party format ends with a plain full stop"
    );
}

#[test]
fn the_individual_registration_form() {
    let flat = pdf::flat_text(&doc(KHAI));
    assert_has(
        &flat,
        &[
            "Bắc Giang, ngày 27 tháng 02 năm 2020",
            "BẢN ĐĂNG KÝ xây dựng điển hình tiên tiến năm 2020",
            "Kính gửi: Hội đồng Thi đua - Khen thưởng cơ quan",
            "Họ và tên: Ngô Văn Khải",
            "Năm sinh: 1978",
            "Chức vụ: Trưởng phòng",
            "Đơn vị: Phòng Tổ chức đảng - Đảng viên",
            "- 2.1. Điển hình tiên tiến trong học tập và làm theo tư tưởng, tấm gương đạo đức, phong cách Hồ Chí Minh;",
            "- 2.3. Điển hình trong phong trào xây dựng các tổ chức đoàn thể trong sạch, vững mạnh.",
            "2. Danh hiệu thi đua đăng ký: Chiến sĩ thi đua cơ sở.",
            "4. Sáng kiến, giải pháp dự kiến: Hướng dẫn nghiệp vụ lập và quản lý hồ sơ đảng viên trên phần mềm.",
            "Tôi đăng ký học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        ],
    );
    let text = pdf::text(&doc(KHAI));
    // He heads his phòng: the Ban leader in charge of it confirms.
    let titles = line_with(&text, "NGƯỜI ĐĂNG KÝ");
    assert!(titles.contains("XÁC NHẬN CỦA"), "{titles}");
    assert!(text.contains("LÃNH ĐẠO BAN PHỤ TRÁCH"), "{text}");
    let names = line_with(&text, "Nguyễn Văn Hanh");
    assert!(
        names.contains("Ngô Văn Khải"),
        "the two signers' names stand level: {names}"
    );
    // A form has no number.
    assert!(!flat.contains("Số "), "{flat}");
}

#[test]
fn the_collective_registration_form() {
    let flat = pdf::flat_text(&doc(TCCB));
    assert_has(
        &flat,
        &[
            "BẢN ĐĂNG KÝ xây dựng điển hình tiên tiến năm 2020",
            "Phòng Tổ chức cán bộ đăng ký xây dựng điển hình tiên tiến năm 2020 như sau:",
            "Tên tập thể: Phòng Tổ chức cán bộ",
            "Số cán bộ, công chức, người lao động: 05",
            "Trưởng phòng: Bùi Văn Long",
            "2. Danh hiệu thi đua đăng ký: Tập thể lao động tiên tiến.",
            "4. Chỉ tiêu phấn đấu:",
        ],
    );
    let text = pdf::text(&doc(TCCB));
    assert!(
        line_with(&text, "TRƯỞNG PHÒNG").contains("XÁC NHẬN CỦA"),
        "{text}"
    );
    assert!(text.contains("LÃNH ĐẠO BAN PHỤ TRÁCH"), "{text}");
    let names = line_with(&text, "Đỗ Thị Minh Nguyệt");
    assert!(
        names.contains("Bùi Văn Long"),
        "the two signers' names stand level: {names}"
    );
}

/// A plan that says neither what is registered for nor what those chosen
/// are called speaks the law's words, never the seed's.
#[test]
fn a_plan_that_names_no_movement_speaks_of_emulation_not_the_seeds_exemplars() {
    let records = Folder::small();
    records
        .edit(
            "ke-hoach.yaml",
            "xây dựng và nhân rộng điển hình tiên tiến năm 2020",
            "tổ chức phong trào thi đua năm 2020",
        )
        .edit(
            "ke-hoach.yaml",
            "phong_trao: xây dựng điển hình tiên tiến\n",
            "",
        )
        .edit("ke-hoach.yaml", "danh_xung: điển hình tiên tiến\n", "")
        .edit(
            "ke-hoach.yaml",
            "Điển hình tiên tiến trong học tập",
            "Gương mẫu trong học tập",
        )
        .edit(
            "ke-hoach.yaml",
            "Điển hình tiên tiến trong thực hiện",
            "Xuất sắc trong thực hiện",
        );
    let out = built(&records);
    let pdfs: Vec<PathBuf> = files(out.path())
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "pdf"))
        .collect();
    assert!(pdfs.len() > 10, "{pdfs:?}");
    for rel in &pdfs {
        let flat = pdf::flat_text(&out.path().join(rel));
        assert!(
            !flat.contains("điển hình tiên tiến"),
            "{}: {flat}",
            rel.display()
        );
    }
    let form = pdf::flat_text(&out.path().join("2020/dang-ky/ca-nhan/le-van-cuong.pdf"));
    assert_has(
        &form,
        &[
            "BẢN ĐĂNG KÝ thi đua năm 2020",
            "tôi đăng ký thi đua năm 2020 như sau:",
        ],
    );
    let list = pdf::flat_text(&out.path().join("2020/dang-ky/danh-sach.pdf"));
    assert_has(&list, &["tập thể, cá nhân đăng ký thi đua năm 2020"]);
    let minutes = pdf::flat_text(&out.path().join("2020/bien-ban/binh-xet.pdf"));
    assert_has(&minutes, &["bình xét tập thể, cá nhân tiêu biểu năm 2020"]);
}

/// Where each name stands in the individuals' section of a list (the
/// collectives' rows name heads too).
fn positions(list: &Path, names: &[&str]) -> Vec<usize> {
    let full = pdf::text(list);
    let text = &full[full.find("II. CÁ NHÂN").expect("individuals' section")..];
    names
        .iter()
        .map(|n| {
            text.find(n)
                .unwrap_or_else(|| panic!("{n} missing:\n{text}"))
        })
        .collect()
}

fn in_order(list: &Path, names: &[&str]) {
    let at = positions(list, names);
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{names:?} at {at:?}");
}

#[test]
fn the_registration_list_orders_people_by_unit_and_position() {
    let flat = pdf::flat_text(&doc(LIST));
    assert_has(
        &flat,
        &[
            "DANH SÁCH",
            "I. TẬP THỂ (05)",
            "II. CÁ NHÂN (18)",
            "Danh sách có 05 tập thể và 18 cá nhân.",
            "K/T TRƯỞNG BAN",
            "PHÓ TRƯỞNG BAN",
        ],
    );
    assert!(!flat.contains("Đào Thị Lan"), "not registered, not listed");
    // The Ban's deputy head first; then the units in name order, each by
    // its head (Bảo vệ … < Chính sách … < Tổ chức cán bộ < Tổ chức đảng …
    // < Văn phòng); within a unit the head, the deputy, then the others
    // by given name (Ánh < Đức), though by name alone Khải and Hương
    // would come after them.
    in_order(
        &doc(LIST),
        &[
            "Đỗ Thị Minh Nguyệt",
            "Lại Văn Sơn",
            "Giáp Văn Hưng",
            "Bùi Văn Long",
            "Ngô Văn Khải",
            "Lê Thị Thu Hương",
            "Phạm Thị Ngọc Ánh",
            "Vũ Minh Đức",
            "Đinh Văn Tiến",
        ],
    );
}

#[test]
fn a_unit_placed_first_and_the_order_by_name_are_the_body_s_choice() {
    let records = Folder::copy_of(&example_plan());
    records.edit(
        "tap-the/van-phong-ban.yaml",
        "ten: Văn phòng Ban",
        "ten: Văn phòng Ban\nthu_tu: 1",
    );
    let out = tempfile::TempDir::new().expect("temp dir");
    let run = build(records.path(), out.path());
    assert!(run.status.success(), "{}", stdout(&run));
    let list = out.path().join(LIST);
    in_order(
        &list,
        &["Đỗ Thị Minh Nguyệt", "Đinh Văn Tiến", "Lại Văn Sơn"],
    );

    // By name: the given name, the Vietnamese way, where a record says
    // which word it is (Ê Đê "H' Luyến Niê" under "Luyến").
    let list_record = records.read("danh-sach-dang-ky.yaml");
    records.write(
        "danh-sach-dang-ky.yaml",
        format!("{list_record}sap_xep: theo_ten\n"),
    );
    records.edit(
        "ca-nhan/kieu-thi-ngan.yaml",
        "ho_ten: Kiều Thị Ngân",
        "ho_ten: H' Luyến Niê\nten_goi: Luyến",
    );
    let run = build(records.path(), out.path());
    assert!(run.status.success(), "{}", stdout(&run));
    in_order(
        &list,
        &[
            "Phạm Thị Ngọc Ánh",
            "Trịnh Quốc Bảo",
            "Vũ Minh Đức",
            "Giáp Văn Hưng",
            "Lê Thị Thu Hương",
            "Ngô Văn Khải",
            "Bùi Văn Long",
            "H' Luyến Niê",
            "Trần Thị Mai",
            "Chu Đức Mạnh",
            "Nguyễn Hoàng Nam",
            "Đỗ Thị Minh Nguyệt",
            "Lại Văn Sơn",
            "Đinh Văn Tiến",
            "Dương Thu Trang",
            "Mạc Thị Yến",
        ],
    );
}

#[test]
fn the_selection_minutes_with_the_vote_table() {
    let text = pdf::text(&doc(SELECTION));
    let flat = pdf::flat_text(&doc(SELECTION));
    let number = line_with(&text, "-BB/HĐTĐKT");
    assert!(
        number.contains("Bắc Giang, ngày 10 tháng 3 năm 2020"),
        "{number}"
    );
    assert_has(
        &flat,
        &[
            "BIÊN BẢN họp Hội đồng Thi đua - Khen thưởng cơ quan lựa chọn tập thể, cá nhân xây dựng điển hình tiên tiến năm 2020",
            "Thời gian bắt đầu: 08 giờ 00 phút, ngày 10 tháng 3 năm 2020.",
            "Địa điểm: Phòng họp tầng 3, trụ sở Ban Tổ chức Tỉnh ủy.",
            "Thành phần tham dự: 08/09 thành viên Hội đồng Thi đua - Khen thưởng cơ quan",
            "Vắng mặt: 01 đồng chí:",
            "Lại Văn Sơn (đi công tác tại huyện Lục Ngạn), có ý kiến bằng văn bản.",
            "Chủ trì: đồng chí Nguyễn Văn Hanh, Phó Trưởng Ban, Chủ tịch Hội đồng.",
            "Thư ký: đồng chí Phạm Thị Ngọc Ánh, Chuyên viên, Phòng Tổ chức đảng - Đảng viên, Ủy viên, Thư ký Hội đồng.",
            // A title and its unit share their common words, as a clerk writes them.
            "Bùi Văn Long, Trưởng phòng Tổ chức cán bộ, Ủy viên;",
            "Đinh Văn Tiến, Chánh Văn phòng Ban, Phó Chủ tịch Hội đồng;",
            "Ý kiến bằng văn bản của đồng chí Lại Văn Sơn",
            "quá bán tổng số thành viên Hội đồng",
            "Hội đồng thống nhất lựa chọn 02 tập thể và 03 cá nhân",
            "Cuộc họp kết thúc vào 10 giờ 30 phút, ngày 10 tháng 3 năm 2020.",
            "THƯ KÝ",
            "CHỦ TRÌ",
        ],
    );
    for (name, votes, share, result) in [
        ("Ngô Văn Khải", "8/9", "88,9 %", "Được chọn"),
        ("Vũ Minh Đức", "6/9", "66,7 %", "Được chọn"),
        ("Bùi Văn Long", "5/9", "55,6 %", "Không được chọn"),
        ("Giáp Văn Hưng", "2/9", "22,2 %", "Không được chọn"),
    ] {
        let row = vote_row(&text, name);
        assert!(
            row.contains(votes) && row.contains(share) && row.contains(result),
            "row of {name}: {row}"
        );
    }
    assert!(
        !flat.contains("Lại Văn Sơn, Trưởng phòng"),
        "absent: not among those present"
    );
}

#[test]
fn the_year_end_minutes_carry_the_periodic_evaluations() {
    let text = pdf::text(&doc(YEAR_END));
    let flat = pdf::flat_text(&doc(YEAR_END));
    assert_has(
        &flat,
        &[
            "bình xét tập thể, cá nhân điển hình tiên tiến năm 2020",
            "Thành phần tham dự: 09/09 thành viên",
            "+ 6 tháng đầu năm (30/6/2020): Hoàn thành khảo sát thực trạng hồ sơ đảng viên tại 12 chi bộ.",
            "3. Kết luận: Hội đồng thống nhất đề nghị Trưởng Ban tặng Giấy khen cho 01 tập thể và 02 cá nhân",
            "Cuộc họp kết thúc vào 16 giờ 30 phút, ngày 15 tháng 12 năm 2020.",
        ],
    );
    // The record's conclusion is the conclusion: the sentence made from the
    // vote is not printed beside it.
    assert!(
        !flat.contains("Hội đồng thống nhất bình xét, đề nghị"),
        "{flat}"
    );
    assert_eq!(flat.matches("Kết luận").count(), 1, "{flat}");
    let row = vote_row(&text, "Vũ Minh Đức");
    assert!(
        row.contains("3/9") && row.contains("33,3 %") && row.contains("Không được chọn"),
        "{row}"
    );
    assert!(!flat.contains("Vắng mặt"), "nobody absent");
}

fn all_pdfs() -> Vec<PathBuf> {
    files(example_output())
        .into_iter()
        .filter(|f| is_pdf(f))
        .map(|f| example_output().join(f))
        .collect()
}

#[test]
fn a4_pages_text_inside_the_margins_and_only_embedded_fonts() {
    let left_margin = 30.0 / 25.4 * 72.0;
    let right_edge = 595.276 - 15.0 / 25.4 * 72.0;
    for file in all_pdfs() {
        let info = pdf::info(&file);
        let ws = words(&file);
        let left = ws.iter().map(|w| w.x0).fold(f64::MAX, f64::min);
        let right = ws.iter().map(|w| w.x1).fold(0.0, f64::max);
        let fonts = pdf::fonts(&file);
        assert!(!fonts.is_empty());
        assert!(
            fonts.iter().all(|(_, embedded)| *embedded),
            "{}",
            file.display()
        );
        // A certificate is landscape, its text inside the inner frame of
        // its border (11 mm from each edge).
        if file.to_string_lossy().contains("/giay-khen/") {
            assert!(
                info.contains("Page size:       841.89 x 595.276 pts (A4)"),
                "{}: {info}",
                file.display()
            );
            let frame = 11.0 / 25.4 * 72.0;
            assert!(left > frame && right < 841.89 - frame, "{}", file.display());
            continue;
        }
        assert!(
            info.contains("Page size:       595.276 x 841.89 pts (A4)"),
            "{}: {info}",
            file.display()
        );
        assert!(
            (left - left_margin).abs() < 0.5,
            "{}: text starts at {left}, margin is {left_margin}",
            file.display()
        );
        assert!(
            right <= right_edge + 0.5,
            "{}: text reaches {right}, beyond {right_edge}",
            file.display()
        );
        for (name, embedded) in fonts {
            assert!(embedded, "{}: {name} not embedded", file.display());
            assert!(
                name.contains("LiberationSerif"),
                "{}: unexpected font {name}",
                file.display()
            );
        }
    }
}

#[test]
fn pdf_a_2b_and_fixed_metadata() {
    let file = doc(PROPOSAL);
    let meta = pdf::metadata(&file);
    assert!(meta.contains("<pdfaid:part>2</pdfaid:part>"), "{meta}");
    assert!(
        meta.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "{meta}"
    );
    let info = pdf::info(&file);
    assert!(info.contains("Creator:         tdkt "), "{info}");
    assert!(
        info.contains("CreationDate:    Fri Dec 18 00:00:00 2020 UTC"),
        "the document's own date: {info}"
    );
}

#[test]
fn party_heading_sizes_and_weights() {
    // A document the Ban issues: its superior above its name.
    let ws = words(&doc(LIST));
    let sizes = [12.0, 13.0, 14.0, 15.0, 16.0];
    assert_eq!(face_and_size(word(&ws, "ĐẢNG"), &sizes), ("bold", 15.0));
    assert_eq!(face_and_size(word(&ws, "TỈNH"), &sizes), ("regular", 14.0));
    assert_eq!(face_and_size(word(&ws, "CHỨC"), &sizes), ("bold", 14.0));
    assert_eq!(face_and_size(word(&ws, "SÁCH"), &sizes), ("bold", 16.0));
    assert_eq!(face_and_size(word(&ws, "Giang,"), &sizes), ("italic", 14.0));
    assert_eq!(face_and_size(word(&ws, "Số"), &sizes), ("regular", 14.0));
    // The rule under "ĐẢNG CỘNG SẢN VIỆT NAM" and the star under the body.
    let star = word(&ws, "*");
    let body = word(&ws, "CHỨC");
    assert!(star.y0 > body.y1, "the star stands below the body's name");
}

/// The example records switched to the State format.
fn state_output() -> (Folder, tempfile::TempDir) {
    let records = state_example();
    let out = built(&records);
    (records, out)
}

#[test]
fn the_same_records_as_a_state_body() {
    let (_records, out) = state_output();
    // The list's subject in the State format's case, as every subject.
    let list = pdf::flat_text(&out.path().join(LIST));
    assert_has(
        &list,
        &["DANH SÁCH Tập thể, cá nhân đăng ký xây dựng điển hình tiên tiến năm 2020"],
    );
    assert_has(
        &pdf::flat_text(&doc(LIST)),
        &["DANH SÁCH tập thể, cá nhân đăng ký"],
    );
    let proposal = out.path().join(PROPOSAL);
    let text = pdf::text(&proposal);
    let flat = pdf::flat_text(&proposal);
    assert_has(
        &flat,
        &[
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
            "quyết định./.",
            "- Như trên;",
            // The filing line in the State format's form.
            "- Lưu: VT, TCĐ-ĐV.",
        ],
    );
    assert!(!flat.contains("ĐẢNG CỘNG SẢN"), "{flat}");
    let number = line_with(&text, "Số: 05/TTr-HĐTĐKT");
    assert!(
        number.contains("Bắc Giang, ngày 18 tháng 12 năm 2020"),
        "{number}"
    );
    let ws = words(&proposal);
    let sizes = [12.0, 13.0, 14.0, 15.0, 16.0];
    assert_eq!(face_and_size(word(&ws, "CỘNG"), &sizes), ("bold", 13.0));
    assert_eq!(face_and_size(word(&ws, "Hạnh"), &sizes), ("bold", 14.0));
    assert_eq!(face_and_size(word(&ws, "TỈNH"), &sizes), ("regular", 13.0));
    assert_eq!(face_and_size(word(&ws, "TRÌNH"), &sizes), ("bold", 14.0));
    assert_eq!(
        face_and_size(word(&ws, "Nơi"), &sizes),
        ("bold-italic", 12.0)
    );

    let list = pdf::flat_text(&out.path().join(LIST));
    assert!(list.contains("KT. TRƯỞNG BAN"), "{list}");
    // Minutes (Mẫu 1.9): no place-and-date line, "Số:", CHỦ TỌA.
    let minutes = pdf::flat_text(&out.path().join(SELECTION));
    assert!(
        minutes.contains("Số:") && minutes.contains("/BB-HĐTĐKT"),
        "{minutes}"
    );
    assert!(!minutes.contains("Bắc Giang, ngày"), "{minutes}");
    assert!(
        minutes.contains("CHỦ TỌA") && minutes.contains("2020./."),
        "{minutes}"
    );
    // Registrations close with "./." too, and their subject is capitalised
    // as the State format writes it (the Party's is lower case).
    for form in [KHAI, TCCB] {
        let text = pdf::flat_text(&out.path().join(form));
        assert!(text.contains("đã đăng ký./."), "{form}: {text}");
        assert!(text.contains("BẢN ĐĂNG KÝ Xây dựng"), "{form}: {text}");
    }
}

#[test]
fn two_builds_give_identical_bytes() {
    let again = tempfile::TempDir::new().expect("temp dir");
    let run = build(&example_records(), again.path());
    assert!(run.status.success());
    // Every PDF, byte for byte (the manifest records file times, not content).
    let pdfs = |dir: &Path| {
        files(dir)
            .into_iter()
            .filter(|f| is_pdf(f))
            .collect::<Vec<_>>()
    };
    let first = pdfs(example_output());
    assert_eq!(first, pdfs(again.path()));
    for f in first {
        let a = fs::read(example_output().join(&f)).expect("read");
        let b = fs::read(again.path().join(&f)).expect("read");
        assert!(a == b, "{} differs between two builds", f.display());
    }
}

#[test]
fn a_unit_head_signs_with_the_title_the_unit_gives() {
    // The head of the Văn phòng is its Chánh Văn phòng, not a Trưởng phòng.
    let text = pdf::text(&doc("2020/dang-ky/tap-the/van-phong-ban.pdf"));
    assert!(text.contains("Chánh Văn phòng: Đinh Văn Tiến"), "{text}");
    assert!(
        line_with(&text, "XÁC NHẬN CỦA").contains("CHÁNH VĂN PHÒNG"),
        "{text}"
    );
    assert!(
        !text.contains("Trưởng phòng") && !text.contains("TRƯỞNG PHÒNG"),
        "{text}"
    );
    let staff = pdf::text(&doc("2020/dang-ky/ca-nhan/mac-thi-yen.pdf"));
    assert!(
        line_with(&staff, "NGƯỜI ĐĂNG KÝ").contains("XÁC NHẬN CỦA"),
        "{staff}"
    );
    assert!(
        line_with(&staff, "CHÁNH VĂN PHÒNG")
            .trim()
            .starts_with("CHÁNH VĂN PHÒNG"),
        "{staff}"
    );
}

#[test]
fn an_achievement_longer_than_a_page_breaks_across_pages_and_nothing_is_lost() {
    // 4,000 characters of achievement: held whole, the row ran off the
    // bottom of the page and its last part was not on paper.
    let records = Folder::small();
    let sentences: Vec<String> = (1..=60)
        .map(|k| format!("Nhiệm vụ mục{k:03} hoàn thành đúng hạn, chất lượng tốt."))
        .collect();
    let long = sentences.join(" ");
    assert!(long.chars().count() > 3_000);
    records.edit(
        "ca-nhan/tran-thi-binh.yaml",
        "thanh_tich: Biên soạn sổ tay nghiệp vụ được công nhận là sáng kiến.",
        &format!("thanh_tich: {long}"),
    );
    let out = tempfile::TempDir::new().expect("temp dir");
    let run = build(records.path(), out.path());
    assert!(run.status.success(), "{}", stdout(&run));
    let file = out.path().join("2020/to-trinh/de-nghi.pdf");
    let text = pdf::raw_text(&file);
    for k in 1..=60 {
        assert!(
            text.contains(&format!("mục{k:03}")),
            "mục{k:03} is not on paper:\n{text}"
        );
    }
    let pages = text.matches('\u{c}').count();
    assert!(pages >= 2, "{pages} pages");
    assert!(
        text.matches("Thành tích tiêu biểu").count() >= 2,
        "the header repeats over the row's continuation:\n{text}"
    );
    // Every word stays on its page, above the bottom margin.
    let bottom = 841.89 - 20.0 / 25.4 * 72.0;
    for w in words(&file) {
        assert!(w.y1 <= bottom + 0.5, "{w:?} runs into the bottom margin");
    }
}

#[test]
fn a_confirmation_speaks_of_the_body_and_keeps_its_title_whole() {
    // The Văn phòng's head is "Chánh Văn phòng": the title stays on one line.
    let ws = words(&doc("2020/dang-ky/ca-nhan/kieu-thi-ngan.pdf"));
    let (chanh, phong) = (word(&ws, "CHÁNH"), word(&ws, "PHÒNG"));
    assert!(
        (chanh.y0 - phong.y0).abs() < 1.0,
        "CHÁNH VĂN PHÒNG split over lines"
    );

    // Another kind of body: its short name in the leader's confirmation;
    // and its head, once named, confirms a deputy head's registration.
    let records = Folder::copy_of(&example_plan());
    records.edit(
        "ke-hoach.yaml",
        "  thu_truong: tran-quang-tuan",
        "  ten_ngan: Sở\n  thu_truong: truong-ban",
    );
    records.write(
        "ca-nhan/truong-ban.yaml",
        "ho_ten: Hoàng Văn Tâm\ngioi_tinh: nam\nchuc_vu: Giám đốc Sở\n",
    );
    let out = tempfile::TempDir::new().expect("temp dir");
    let run = build(records.path(), out.path());
    assert!(run.status.success(), "{}", stdout(&run));
    let unit = pdf::flat_text(
        &out.path()
            .join("2020/dang-ky/tap-the/phong-to-chuc-can-bo.pdf"),
    );
    // Two columns side by side: each line of the left one stands apart.
    assert_has(
        &unit,
        &[
            "XÁC NHẬN CỦA",
            "LÃNH ĐẠO SỞ PHỤ TRÁCH",
            "Đỗ Thị Minh Nguyệt",
        ],
    );
    assert!(!unit.contains("LÃNH ĐẠO BAN"), "{unit}");
    let deputy = pdf::flat_text(
        &out.path()
            .join("2020/dang-ky/ca-nhan/do-thi-minh-nguyet.pdf"),
    );
    assert_has(&deputy, &["XÁC NHẬN CỦA", "GIÁM ĐỐC SỞ", "Hoàng Văn Tâm"]);
}

#[test]
fn state_minutes_end_with_their_recipients_and_count_the_ballots_returned() {
    let (_records, out) = state_output();
    let state = pdf::flat_text(&out.path().join(YEAR_END));
    assert_has(&state, &["Nơi nhận:", "- Lưu: VT, Hồ sơ."]);
    // Party minutes (Hướng dẫn 36) name no recipients unless the record does.
    let party = pdf::flat_text(&doc(YEAR_END));
    assert!(!party.contains("Nơi nhận"), "{party}");
    // The header "Phiếu thu về" wraps in its narrow column between its
    // words, never inside one: "thu về" stands whole under "Phiếu", between
    // the columns of "phát" and "hợp".
    for file in [out.path().join(YEAR_END), doc(YEAR_END)] {
        let ws = words(&file);
        let thu = word(&ws, "thu");
        let level = |text: &str| {
            ws.iter()
                .find(|w| w.text == text && w.page == thu.page && (w.y0 - thu.y0).abs() < 1.0)
                .unwrap_or_else(|| panic!("no {text} beside thu in {}", file.display()))
        };
        let (phat, hop, ve) = (level("phát"), level("hợp"), level("về"));
        assert!(phat.x1 < thu.x0 && ve.x1 < hop.x0, "{}", file.display());
        assert!(pdf::on_one_line(&ws, "thu về"), "{}", file.display());
    }
}

#[test]
fn the_plan_is_cited_with_its_number_and_date_or_blanks_to_fill_in() {
    // The seed's plan: number and date unknown, blanks where they go.
    let blank = pdf::text(&doc(KHAI));
    let cited = line_with(&blank, "Căn cứ Kế hoạch số");
    assert!(
        cited.contains("-KH/BTCTU ngày") && cited.contains("/2020 của Ban Tổ chức"),
        "{cited}"
    );
    let records = Folder::copy_of(&example_plan());
    records.edit(
        "ke-hoach.yaml",
        "nam: 2020",
        "nam: 2020\nso: 25\nngay: 2020-02-20",
    );
    let out = tempfile::TempDir::new().expect("temp dir");
    let run = build(records.path(), out.path());
    assert!(run.status.success(), "{}", stdout(&run));
    let known = pdf::flat_text(&out.path().join(KHAI));
    assert_has(
        &known,
        &["Căn cứ Kế hoạch số 25-KH/BTCTU ngày 20/02/2020 của Ban Tổ chức Tỉnh ủy"],
    );
}

#[test]
fn a_proposal_the_body_issues_is_headed_numbered_and_spoken_by_the_body() {
    let records = Folder::copy_of(&example_plan());
    let file = "to-trinh/2020-12-18-de-nghi-khen-thuong.yaml";
    let text = records.read(file);
    let start = text.find("nguoi_ky:").expect("signer");
    let end = text.find("noi_nhan:").expect("recipients");
    let signer = "nguoi_ky:\n  tham_quyen: ky_thay\n  thay_cho: TRƯỞNG BAN\n  chuc_vu: PHÓ TRƯỞNG BAN\n  nguoi: nguyen-van-hanh\n";
    let text = format!("{}{signer}{}", &text[..start], &text[end..])
        .replace("so: 05-TTr/HĐTĐKT", "so: 05-TTr/BTCTU")
        .replace(
            "kinh_gui: [Đồng chí Trưởng Ban Tổ chức Tỉnh ủy]",
            "kinh_gui: [Ban Thường vụ Tỉnh ủy]",
        );
    records.write(file, text);
    let out = tempfile::TempDir::new().expect("temp dir");
    let run = build(records.path(), out.path());
    assert!(run.status.success(), "{}", stdout(&run));
    let flat = pdf::flat_text(&out.path().join(PROPOSAL));
    assert_has(
        &flat,
        &[
            "TỈNH ỦY BẮC GIANG",
            "Số 05-TTr/BTCTU",
            "Ban Tổ chức Tỉnh ủy kính đề nghị xem xét",
            "K/T TRƯỞNG BAN",
        ],
    );
    assert!(
        !flat.contains("HĐTĐKT") && !flat.contains("T/M HỘI ĐỒNG"),
        "{flat}"
    );
    // The council's number on a document the body issues is refused.
    records.edit(file, "so: 05-TTr/BTCTU", "so: 05-TTr/HĐTĐKT");
    let (code, report) = common::check_json(records.path());
    assert_eq!(code, 1);
    assert!(
        common::data_errors(&report)
            .iter()
            .any(|e| e["tep"] == file && e["truong"] == "so"),
        "{report}"
    );
}

#[test]
fn a_registration_form_that_fits_on_one_page_is_not_split() {
    // These forms once ran onto a second page holding only the closing
    // paragraph and the signatures, with room left on the first.
    for form in [KHAI, TCCB, "2020/dang-ky/tap-the/van-phong-ban.pdf"] {
        let info = pdf::info(&doc(form));
        assert!(info.contains("Pages:           1\n"), "{form}: {info}");
    }
}

#[test]
fn the_state_rule_under_the_subject_is_a_third_to_a_half_of_its_line() {
    // Nghị định 30/2020, Phụ lục I: the rule under the subject is 1/3 to 1/2
    // of the subject's line, not a fixed 3 cm. The proposal's subject runs
    // over two lines: its line is the text's width.
    let (_records, out) = state_output();
    let proposal = out.path().join(PROPOSAL);
    let ws = words(&proposal);
    let (start, below) = (word(&ws, "Về"), word(&ws, "Kính"));
    let subject: Vec<_> = ws
        .iter()
        .filter(|w| w.page == 1 && w.y0 >= start.y0 - 1.0 && w.y1 < below.y0)
        .collect();
    let width = |y: f64| {
        let on: Vec<_> = subject.iter().filter(|w| (w.y0 - y).abs() < 1.0).collect();
        let left = on.iter().map(|w| w.x0).fold(f64::MAX, f64::min);
        let right = on.iter().map(|w| w.x1).fold(0.0, f64::max);
        right - left
    };
    let line = subject.iter().map(|w| width(w.y0)).fold(0.0, f64::max);
    let bottom = subject.iter().map(|w| w.y1).fold(0.0, f64::max);
    let rule = pdf::longest_rule(&proposal, bottom + 1.0, below.y0 - 1.0) as f64;
    assert!(
        rule >= line / 3.0 && rule <= line / 2.0,
        "rule {rule} pt under a subject line of {line} pt"
    );
}

#[test]
fn a_group_row_never_stands_alone_at_the_foot_of_a_page() {
    // In the State proposal "II. CÁ NHÂN (02)" fell on the last line of
    // page 1, its rows on page 2; a group row now goes with its rows.
    let (_records, out) = state_output();
    let text = pdf::text(&out.path().join(PROPOSAL));
    let page = text
        .split('\u{c}')
        .find(|p| p.contains("II. CÁ NHÂN (02)"))
        .expect("the individuals' group row");
    assert!(
        page.contains("Lê Thị Thu") && page.contains("Ngô Văn Khải"),
        "{page}"
    );
}
