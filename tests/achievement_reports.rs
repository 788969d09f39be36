//! #12.3: an achievement report for every unit and person a proposal puts
//! forward, in the form of the rules of the proposal's date, each line from
//! the records (what they registered, the evaluations, the initiatives and
//! their recognition, the rating, earlier awards) and dotted lines where the
//! records hold nothing: nothing invented.

mod common;

use common::{Folder, assert_has, build, built, example_output, example_plan, pdf, stdout};

const KHAI: &str = "2020/bao-cao-thanh-tich/ngo-van-khai.pdf";
const UNIT: &str = "2020/bao-cao-thanh-tich/phong-to-chuc-dang-dang-vien.pdf";

#[test]
fn a_persons_report_is_their_records_in_the_decrees_sections() {
    let file = example_output().join(KHAI);
    let text = pdf::flat_text(&file);
    assert_has(
        &text,
        &[
            // 2020: Nghị định 91/2017, the individual's form.
            "Mẫu số 02 (Nghị định số 91/2017/NĐ-CP)",
            "BÁO CÁO THÀNH TÍCH",
            "ĐỀ NGHỊ TẶNG GIẤY KHEN CỦA TRƯỞNG BAN TỔ CHỨC TỈNH ỦY",
            "I. SƠ LƯỢC LÝ LỊCH",
            "- Họ tên: Ngô Văn Khải",
            "- Năm sinh: 1978",
            "- Giới tính: Nam",
            "- Đơn vị công tác: Phòng Tổ chức đảng - Đảng viên, Ban Tổ chức Tỉnh ủy",
            "- Chức vụ (Đảng, chính quyền, đoàn thể): Trưởng phòng",
            "II. THÀNH TÍCH ĐẠT ĐƯỢC",
            "1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận:",
            "2. Thành tích đạt được của cá nhân:",
            "Đầu năm 2020, đăng ký danh hiệu Chiến sĩ thi đua cơ sở; Hoàn thành xuất sắc nhiệm vụ",
            "Đánh giá 6 tháng đầu năm (30/6/2020): Chỉ đạo phòng hoàn thành đúng tiến độ",
            "Sáng kiến: Giải pháp quản lý hồ sơ đảng viên trên phần mềm Quản lý cơ sở dữ liệu đảng viên (được công nhận tại Quyết định số 01-QĐ/HĐSK ngày 20/11/2020 của Hội đồng sáng kiến cơ quan Ban Tổ chức Tỉnh ủy)",
            "Kết quả đánh giá, xếp loại năm 2020: Hoàn thành xuất sắc nhiệm vụ",
            "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
            "1. Danh hiệu thi đua:",
            "2. Hình thức khen thưởng:",
            "THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN,",
            "NGƯỜI BÁO CÁO THÀNH TÍCH",
            "Trần Quang Tuấn",
        ],
    );
    // His 2019 title, from his record, in the titles' table.
    let layout = pdf::text(&file);
    let row = layout
        .lines()
        .find(|l| l.contains("Chiến sĩ thi đua cơ sở") && l.contains("2019"))
        .unwrap_or_else(|| panic!("the 2019 title's row:\n{layout}"));
    assert!(row.trim_start().starts_with("2019"), "{row}");
    // What the records do not hold is a dotted line to fill in, not a guess.
    let place = layout
        .lines()
        .find(|l| l.contains("Quê quán:"))
        .expect("Quê quán");
    assert!(place.contains("....."), "{place}");
}

#[test]
fn what_the_record_adds_fills_the_dotted_lines() {
    let records = Folder::copy_of(&example_plan());
    records.edit(
        "ca-nhan/ngo-van-khai.yaml",
        "khen_thuong_truoc:",
        "ly_lich:\n  ngay_sinh: 1978-05-12\n  que_quan: xã Tân Dĩnh, huyện Lạng Giang, tỉnh Bắc Giang\n  nhiem_vu: Phụ trách công tác tổ chức đảng, đảng viên.\nkhen_thuong_truoc:",
    );
    let out = built(&records);
    let text = pdf::flat_text(&out.path().join(KHAI));
    assert_has(
        &text,
        &[
            "- Sinh ngày, tháng, năm: 12/5/1978",
            "- Quê quán: xã Tân Dĩnh, huyện Lạng Giang, tỉnh Bắc Giang",
            "1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận: Phụ trách công tác tổ chức đảng, đảng viên.",
        ],
    );
}

#[test]
fn a_units_report_is_signed_by_its_head_and_confirmed_above() {
    let text = pdf::flat_text(&example_output().join(UNIT));
    assert_has(
        &text,
        &[
            "Mẫu số 01 (Nghị định số 91/2017/NĐ-CP)",
            "BAN TỔ CHỨC",
            "PHÒNG TỔ CHỨC ĐẢNG - ĐẢNG VIÊN",
            "Tập thể: Phòng Tổ chức đảng - Đảng viên",
            "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH",
            "- Trực thuộc: Ban Tổ chức Tỉnh ủy, Bắc Giang",
            "1. Chức năng, nhiệm vụ:",
            "2. Kết quả thực hiện nhiệm vụ:",
            // The confirmer's title wraps beside the head's.
            "THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN",
            "TRỰC TIẾP NHẬN XÉT, XÁC NHẬN",
            "THỦ TRƯỞNG ĐƠN VỊ",
            "Ngô Văn Khải",
            "Trần Quang Tuấn",
        ],
    );
}

#[test]
fn the_form_follows_the_rules_of_the_proposals_date() {
    let records = Folder::copy_of(&example_plan());
    records
        .edit(
            "to-trinh/2020-12-18-de-nghi-khen-thuong.yaml",
            "ngay: 2020-12-18",
            "ngay: 2025-08-04",
        )
        .edit(
            "to-trinh/2020-12-18-de-nghi-khen-thuong.yaml",
            "so: 05-TTr/HĐTĐKT",
            "so: 5",
        )
        .edit("danh-sach-dang-ky.yaml", "so: 01-DS/BTCTU", "so: 1");
    let out = tempfile::TempDir::new().expect("temp dir");
    let run = build(records.path(), out.path());
    let text = stdout(&run);
    let report = out.path().join(KHAI);
    assert!(report.exists(), "{text}");
    assert_has(
        &pdf::flat_text(&report),
        &["Mẫu số 05 (Nghị định số 152/2025/NĐ-CP)"],
    );
    assert_has(
        &pdf::flat_text(&out.path().join(UNIT)),
        &["Mẫu số 04 (Nghị định số 152/2025/NĐ-CP)"],
    );
    // The proposal cites the decree of its date with its number and date.
    assert_has(
        &pdf::flat_text(
            &out.path()
                .join("2020/to-trinh/2020-12-18-de-nghi-khen-thuong.pdf"),
        ),
        &["Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ"],
    );
}

/// #11: a proposal names whom it proposes and, for each, the form — a list
/// may mix a title and a certificate — and the reports follow it.
#[test]
fn a_proposal_names_whom_it_proposes_and_the_form_for_each() {
    let records = Folder::small();
    let proposal = "to-trinh/de-nghi.yaml";
    records.edit(
        proposal,
        "hinh_thuc: Giấy khen của Trưởng Ban Tổ chức Tỉnh ủy\n",
        "de_nghi:\n  - hinh_thuc: Danh hiệu Chiến sĩ thi đua cơ sở\n    nguoi_nhan: [tran-thi-binh]\n  \
         - hinh_thuc: Giấy khen của Trưởng Ban Tổ chức Tỉnh ủy\n    nguoi_nhan: [phong-a]\n",
    );
    let out = built(&records);
    let file = out.path().join("2020/to-trinh/de-nghi.pdf");
    let text = pdf::flat_text(&file);
    assert_has(
        &text,
        &[
            "về việc đề nghị khen thưởng tập thể, cá nhân",
            "kính đề nghị xem xét, khen thưởng các tập thể, cá nhân sau:",
        ],
    );
    // Each row carries its own form; Dung, chosen but not named, is not
    // proposed.
    let layout = pdf::text(&file);
    let row = |name: &str| {
        layout
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name}'s row:\n{layout}"))
            .to_owned()
    };
    assert!(row("Trần Thị Bình").contains("Danh hiệu Chiến"), "{layout}");
    assert!(row("Phòng Tổ chức").contains("Giấy khen của"), "{layout}");
    assert!(!text.contains("Phạm Thị Dung"), "{text}");
    let reports = out.path().join("2020/bao-cao-thanh-tich");
    assert_has(
        &pdf::flat_text(&reports.join("tran-thi-binh.pdf")),
        &["ĐỀ NGHỊ TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ"],
    );
    assert!(!reports.join("pham-thi-dung.pdf").exists());

    // Only those the meeting chose, each once, and one way of saying the
    // form: all three refused at once, in the proposal's file.
    records.edit(
        proposal,
        "nguoi_nhan: [phong-a]",
        "nguoi_nhan: [phong-a, le-van-cuong, phong-a]",
    );
    records.edit(proposal, "de_nghi:", "hinh_thuc: Giấy khen\nde_nghi:");
    let (code, report) = common::check_json(records.path());
    assert_eq!(code, 1);
    let fields: Vec<String> = common::data_errors(&report)
        .iter()
        .filter(|e| e["tep"] == proposal)
        .filter_map(|e| e["truong"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(
        fields,
        [
            "de_nghi",
            "de_nghi[1].nguoi_nhan[1]",
            "de_nghi[1].nguoi_nhan[2]"
        ],
        "{report:#}"
    );
}
