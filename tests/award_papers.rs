//! #12.4–5: the decision the body issues itself and its certificates. The
//! money is the base salary of the decision's date times the form's
//! multiple, in figures and in words (worked out here by hand, not by
//! tdkt); a long list goes to an attached page; each recipient gets a
//! landscape Giấy khen with the issuer's title in red.

mod common;

use std::path::Path;
use std::process::Command;

use common::{
    Folder, assert_has, built, example_output, example_plan, only_error, pdf, state_example,
};

const DECISION: &str = "2020/quyet-dinh/2020-12-28-khen-thuong.pdf";
const RECORD: &str = "quyet-dinh/2020-12-28-khen-thuong.yaml";

#[test]
fn the_decision_states_whom_what_and_the_money_in_figures_and_words() {
    let text = pdf::flat_text(&example_output().join(DECISION));
    assert_has(
        &text,
        &[
            "Số 128-QĐ/BTCTU",
            "Bắc Giang, ngày 28 tháng 12 năm 2020",
            "QUYẾT ĐỊNH về việc tặng Giấy khen của Trưởng Ban Tổ chức Tỉnh ủy",
            "TRƯỞNG BAN TỔ CHỨC TỈNH ỦY BẮC GIANG",
            "Căn cứ Nghị định số 91/2017/NĐ-CP",
            "Căn cứ Quy định của Ban Thường vụ Tỉnh ủy về chức năng",
            // The proposal it answers, by its issuer, number and date.
            "Xét đề nghị của Hội đồng Thi đua - Khen thưởng cơ quan tại Tờ trình số 05-",
            "ngày 18/12/2020.",
            "QUYẾT ĐỊNH:",
            "Điều 1. Tặng Giấy khen của Trưởng Ban Tổ chức Tỉnh ủy cho 01 tập thể và 02 cá nhân đã có thành tích xuất sắc",
            "1. Phòng Tổ chức đảng - Đảng viên;",
            "Đồng chí Ngô Văn Khải, Trưởng phòng Tổ chức đảng - Đảng viên",
            // 2020-12-28: 1,490,000 đ (Nghị định 38/2019); 0.6 and 0.3 of
            // it, rounded up to the ten thousand: 894,000 → 900,000 and
            // 447,000 → 450,000; 900,000 + 2 × 450,000 = 1,800,000.
            "Điều 2.",
            "được thưởng 0,6 lần mức lương cơ sở, là 900.000 đồng (Chín trăm nghìn đồng)",
            "được thưởng 0,3 lần mức lương cơ sở, là 450.000 đồng (Bốn trăm năm mươi nghìn đồng)",
            "Tổng số tiền thưởng là 1.800.000 đồng (Một triệu tám trăm nghìn đồng), trích từ quỹ thi đua, khen thưởng của cơ quan",
            "1.490.000 đồng (theo Nghị định số 38/2019/NĐ-CP)",
            "Điều 3. Quyết định có hiệu lực kể từ ngày ký. Chánh Văn phòng Ban, các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
            "- Như Điều 3,",
            "TRƯỞNG BAN",
            "Trần Quang Tuấn",
        ],
    );
}

#[test]
fn exact_amounts_and_the_southern_reading_when_the_record_asks() {
    let records = Folder::copy_of(&example_plan());
    records.edit(
        RECORD,
        "  nguon_tien:",
        "  lam_tron: false\n  cach_doc: nam\n  nguon_tien:",
    );
    let out = built(&records);
    let text = pdf::flat_text(&out.path().join(DECISION));
    // 0.6 × 1,490,000 = 894,000; 0.3 × 1,490,000 = 447,000; total
    // 894,000 + 2 × 447,000 = 1,788,000.
    assert_has(
        &text,
        &[
            "là 894.000 đồng (Tám trăm chín mươi tư ngàn đồng)",
            "là 447.000 đồng (Bốn trăm bốn mươi bảy ngàn đồng)",
            "Tổng số tiền thưởng là 1.788.000 đồng (Một triệu bảy trăm tám mươi tám ngàn đồng)",
        ],
    );
}

#[test]
fn a_long_list_is_attached_after_the_signature() {
    let records = Folder::copy_of(&example_plan());
    let many = [
        "bui-van-long",
        "chu-duc-manh",
        "dao-thi-lan",
        "dinh-van-tien",
        "duong-thu-trang",
        "giap-van-hung",
        "ha-thi-thanh-xuan",
        "kieu-thi-ngan",
        "lai-van-son",
        "ly-thi-phuong",
        "mac-thi-yen",
    ];
    records.edit(
        RECORD,
        "nguoi_nhan: [phong-to-chuc-dang-dang-vien, ngo-van-khai, le-thi-thu-huong]",
        &format!("nguoi_nhan: [{}]", many.join(", ")),
    );
    let out = built(&records);
    let file = out.path().join(DECISION);
    let text = pdf::flat_text(&file);
    assert_has(
        &text,
        &[
            "cho 11 cá nhân đã có thành tích xuất sắc trong xây dựng điển hình tiên tiến năm 2020 (có danh sách kèm theo).",
            "DANH SÁCH",
            "(Kèm theo Quyết định số 128-QĐ/BTCTU ngày 28/12/2020)",
            "Mạc Thị Yến",
            "Bùi Văn Long",
            // 11 × 450,000.
            "Tổng số tiền thưởng là 4.950.000 đồng (Bốn triệu chín trăm năm mươi nghìn đồng)",
        ],
    );
    // The list stands on a page of its own, after the signature.
    let layout = pdf::text(&file);
    let signed = layout.find("Trần Quang Tuấn").expect("signer");
    let list = layout.find("DANH SÁCH").expect("list");
    assert!(list > signed, "{layout}");
    assert!(
        layout[signed..list].contains('\u{c}'),
        "a page break between: {layout}"
    );
}

#[test]
fn a_form_without_a_known_reward_needs_its_multiple() {
    let records = Folder::copy_of(&example_plan());
    records.edit(
        RECORD,
        "hinh_thuc: Giấy khen của Trưởng Ban Tổ chức Tỉnh ủy",
        "hinh_thuc: Bằng khen của Ban Thường vụ Tỉnh ủy",
    );
    let error = only_error(records.path());
    assert_eq!(error["truong"], "khen_thuong[0].hinh_thuc", "{error}");
    let message = error["thong_bao"].as_str().unwrap_or_default();
    assert!(message.contains("he_so"), "{message}");
}

#[test]
fn a_decision_received_from_above_needs_its_number() {
    let records = Folder::copy_of(&example_plan());
    let text = records.read(RECORD);
    let received: String = text
        .split("\nban_hanh:")
        .next()
        .expect("head")
        .replace("so: 128-QĐ/BTCTU\n", "");
    records.write(RECORD, received);
    let error = only_error(records.path());
    assert_eq!(error["truong"], "so", "{error}");
}

/// The first page as RGB pixels at 72 dpi: its width and 3 bytes a pixel.
fn colour_pixels(file: &Path) -> (usize, Vec<u8>) {
    let out = Command::new("pdftoppm")
        .args(["-r", "72", "-f", "1", "-l", "1"])
        .arg(file)
        .output()
        .expect("pdftoppm (poppler-utils) runs");
    assert!(out.status.success());
    // "P6\n<width> <height>\n255\n" then the pixels.
    let bytes = out.stdout;
    let fields: Vec<&[u8]> = bytes.splitn(5, |b| b.is_ascii_whitespace()).collect();
    assert_eq!(fields[0], b"P6", "a binary colour map");
    let width: usize = String::from_utf8_lossy(fields[1]).parse().expect("width");
    (width, fields[4].to_vec())
}

#[test]
fn each_recipient_gets_a_landscape_certificate_with_the_issuers_title_in_red() {
    let records = Folder::copy_of(&example_plan());
    records.edit(
        RECORD,
        "    ly_do:",
        "    so_vang: { ngo-van-khai: \"125\" }\n    ly_do:",
    );
    let out = built(&records);
    let folder = out.path().join("2020/giay-khen/2020-12-28-khen-thuong");
    let mut made: Vec<String> = std::fs::read_dir(&folder)
        .expect("certificates")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    made.sort();
    assert_eq!(
        made,
        [
            "le-thi-thu-huong.pdf",
            "ngo-van-khai.pdf",
            "phong-to-chuc-dang-dang-vien.pdf"
        ]
    );
    let file = folder.join("ngo-van-khai.pdf");
    let info = pdf::info(&file);
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_owned())
            .unwrap_or_default()
    };
    assert_eq!(
        field("Page size:"),
        "841.89 x 595.276 pts (A4)",
        "landscape A4"
    );
    assert_eq!(field("Pages:"), "1");
    let text = pdf::flat_text(&file);
    assert_has(
        &text,
        &[
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "TRƯỞNG BAN TỔ CHỨC TỈNH ỦY BẮC GIANG",
            "TẶNG",
            "Đồng chí Ngô Văn Khải",
            "GIẤY KHEN",
            "Trưởng phòng Tổ chức đảng - Đảng viên, Ban Tổ chức Tỉnh ủy",
            "Đã có thành tích xuất sắc trong xây dựng điển hình tiên tiến năm 2020",
            "Quyết định số 128-QĐ/BTCTU ngày 28/12/2020",
            "Số sổ: 125",
            "Bắc Giang, ngày 28 tháng 12 năm 2020",
            "Trần Quang Tuấn",
        ],
    );
    let unit = pdf::flat_text(&folder.join("phong-to-chuc-dang-dang-vien.pdf"));
    assert_has(
        &unit,
        &[
            "Phòng Tổ chức đảng - Đảng viên",
            "Ban Tổ chức Tỉnh ủy, Bắc Giang",
        ],
    );
    // The issuer's title is red; "TẶNG" and the recipient are not.
    let words = pdf::words(&file);
    let (width, pixels) = colour_pixels(&file);
    let red_in = |w: &pdf::Word| {
        let mut red = 0;
        for y in w.y0.ceil() as usize..w.y1.floor() as usize {
            for x in w.x0.ceil() as usize..w.x1.floor() as usize {
                let p = &pixels[(y * width + x) * 3..][..3];
                if p[0] > 150 && p[1] < 90 && p[2] < 90 {
                    red += 1;
                }
            }
        }
        red
    };
    assert!(
        red_in(pdf::word(&words, "TRƯỞNG")) > 5,
        "the issuer's title is red"
    );
    assert_eq!(red_in(pdf::word(&words, "TẶNG")), 0, "TẶNG is black");
    assert_eq!(red_in(pdf::word(&words, "Khải")), 0, "the name is black");
}

#[test]
fn the_same_decision_as_a_state_body() {
    let records = state_example();
    let out = built(&records);
    let text = pdf::flat_text(&out.path().join(DECISION));
    assert_has(
        &text,
        &[
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Số: 128/QĐ-BTCTU",
            "Về việc tặng Giấy khen",
            "2. Lê Thị Thu Hương, Phó Trưởng phòng",
            "thi hành Quyết định này./.",
            "- Như Điều 3;",
        ],
    );
    assert!(!text.contains("Đồng chí"), "{text}");
    let certificate = pdf::flat_text(
        &out.path()
            .join("2020/giay-khen/2020-12-28-khen-thuong/ngo-van-khai.pdf"),
    );
    assert_has(
        &certificate,
        &[
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
        ],
    );
}

#[test]
fn a_document_number_is_never_split_at_its_hyphen_or_slash() {
    // The proposal's number fell at the end of a line: Typst broke it after
    // "05-" before tdkt kept numbers whole.
    let words = pdf::words(&example_output().join(DECISION));
    assert!(pdf::on_one_line(&words, "05-TTr/HĐTĐKT"));
    assert!(pdf::on_one_line(&words, "38/2019/NĐ-CP)."));
    // A template's ";" right after a number stays in the text.
    let sheet = example_output().join("2020/phieu-xet/2020-03-10-lua-chon.pdf");
    assert_has(
        &pdf::flat_text(&sheet),
        &["ngày 10/3/2020; kết quả đối chiếu"],
    );
}

/// Millimetres from a PDF's points.
fn mm(points: f64) -> f64 {
    points * 25.4 / 72.0
}

/// #24.9: on the body's pre-printed blank (`phoi_giay_khen`), the
/// certificate is its text alone, each piece where the plan record places
/// it (the printer's shift added); what the blank carries is not printed.
#[test]
fn a_certificate_for_a_pre_printed_blank_is_its_text_where_the_plan_places_it() {
    let records = Folder::copy_of(&example_plan());
    let plan = records.read("ke-hoach.yaml");
    records.write(
        "ke-hoach.yaml",
        format!(
            "{plan}\nphoi_giay_khen:\n  lech: [2, -1.5]\n  nguoi_nhan: [150, 90]\n  \
             quyet_dinh: [30, 175]\n"
        ),
    );
    let out = built(&records);
    let file = out
        .path()
        .join("2020/giay-khen/2020-12-28-khen-thuong/ngo-van-khai.pdf");
    let text = pdf::flat_text(&file);
    assert_has(
        &text,
        &[
            "Đồng chí Ngô Văn Khải",
            "Đã có thành tích xuất sắc",
            "Quyết định số 128-QĐ/BTCTU ngày 28/12/2020",
            "TRƯỞNG BAN",
            "Trần Quang Tuấn",
        ],
    );
    for printed_on_the_blank in [
        "GIẤY KHEN",
        "TẶNG",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "TỔ CHỨC TỈNH ỦY BẮC",
    ] {
        assert!(
            !text.contains(printed_on_the_blank),
            "{printed_on_the_blank}: {text}"
        );
    }
    let words = pdf::words(&file);
    // The recipient's line centred on 150 + 2 mm, its top at 90 − 1.5 mm.
    let first = pdf::word(&words, "Đồng");
    let last = pdf::word(&words, "Khải");
    let centre = mm((first.x0 + last.x1) / 2.0);
    assert!((centre - 152.0).abs() < 1.0, "centre at {centre} mm");
    assert!(
        (mm(first.y0) - 88.5).abs() < 2.0,
        "top at {} mm",
        mm(first.y0)
    );
    // The decision's line from its left edge.
    let decision = pdf::word(&words, "Quyết");
    assert!(
        (mm(decision.x0) - 32.0).abs() < 0.5,
        "left at {} mm",
        mm(decision.x0)
    );
    assert!(
        (mm(decision.y0) - 173.5).abs() < 2.0,
        "top at {} mm",
        mm(decision.y0)
    );

    // A place off the sheet is refused at its field, in the clerk's words.
    records.write(
        "ke-hoach.yaml",
        format!("{plan}\nphoi_giay_khen:\n  nguoi_nhan: [350, 90]\n"),
    );
    let error = only_error(records.path());
    assert!(
        common::message(&error).contains("nằm ngoài khoảng [0–297, 0–210] mm"),
        "{error}"
    );
}
