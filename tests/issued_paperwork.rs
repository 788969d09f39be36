//! #9: many plans in one records folder, numbers from the register, issued
//! documents frozen and archived, `list` and `verify`. Each test runs the
//! binary on a copy of the example records (2020 with its proposal issued as
//! number 05, and 2021).

mod common;

use std::fs;
use std::path::Path;

use common::{Folder, build, example_records, stdout};
use serde_json::Value;

const PROPOSAL: &str = "2020/to-trinh/2020-12-18-de-nghi-khen-thuong";
const MINUTES: &str = "2020/bien-ban/2020-12-15-binh-xet";
const LIST_2021: &str = "2021/dang-ky/danh-sach";

fn run(args: &[&str], records: &Path) -> (i32, String) {
    common::run_on(records, args)
}

fn listed(records: &Path) -> Vec<Value> {
    let (code, text) = run(&["list", "--format", "json"], records);
    assert_eq!(code, 0, "{text}");
    serde_json::from_str::<Value>(&text)
        .expect("list prints JSON")
        .as_array()
        .cloned()
        .expect("an array")
}

fn entry<'a>(list: &'a [Value], name: &str) -> &'a Value {
    list.iter()
        .find(|d| d["ten"] == name)
        .unwrap_or_else(|| panic!("{name} not listed"))
}

#[test]
fn both_example_years_build_and_the_2020_proposal_is_listed_as_issued() {
    let out = tempfile::TempDir::new().expect("temp dir");
    let run_ = build(&example_records(), out.path());
    assert!(run_.status.success(), "{}", stdout(&run_));
    for doc in [
        PROPOSAL,
        "2021/dang-ky/danh-sach",
        "2021/dang-ky/ca-nhan/hoang-thu-ha",
    ] {
        assert!(out.path().join(format!("{doc}.pdf")).is_file(), "{doc}");
    }
    // The output holds the archived PDF of the issued proposal, byte for byte.
    let archived =
        example_records().join("2020/da-ban-hanh/to-trinh/2020-12-18-de-nghi-khen-thuong.pdf");
    assert_eq!(
        fs::read(out.path().join(format!("{PROPOSAL}.pdf"))).expect("built"),
        fs::read(archived).expect("archived")
    );
    let list = listed(&example_records());
    let p = entry(&list, PROPOSAL);
    assert_eq!(p["trang_thai"], "da_ban_hanh");
    assert_eq!(p["so"], "05-TTr/HĐTĐKT");
    assert_eq!(p["ngay"], "2020-12-18");
    assert_eq!(p["ke_hoach"], "2020");
    assert_eq!(entry(&list, MINUTES)["trang_thai"], "du_thao");
    // The 2021 list names who registered that year, as a reader sees it:
    // one chosen in 2020 again, one who came in 2021; nothing of 2020.
    let list_2021 = common::pdf::raw_text(&out.path().join("2021/dang-ky/danh-sach.pdf"));
    for name in ["Ngô Văn Khải", "Hoàng Thu Hà"] {
        assert!(list_2021.contains(name), "{name} missing:\n{list_2021}");
    }
    assert!(!list_2021.contains("năm 2020"), "{list_2021}");
}

#[test]
fn a_rebuild_of_one_plan_touches_no_file_of_the_other() {
    let records = Folder::copy_of(&example_records());
    let out = tempfile::TempDir::new().expect("temp dir");
    assert!(build(records.path(), out.path()).status.success());
    let snapshot = |dir: &Path| -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
        common::files(&dir.join("2020"))
            .into_iter()
            .map(|f| {
                let path = dir.join("2020").join(&f);
                let meta = fs::metadata(&path).expect("meta");
                (
                    f.display().to_string(),
                    fs::read(&path).expect("read"),
                    meta.modified().expect("mtime"),
                )
            })
            .collect()
    };
    let before = snapshot(out.path());
    // 2021 loses a registrant and gains a typo elsewhere: 2020 is not its business.
    records.remove("2021/ca-nhan/hoang-thu-ha.yaml");
    let (_, text) = run(
        &[
            "build",
            "--ke-hoach",
            "2021",
            "--out",
            &out.path().to_string_lossy(),
        ],
        records.path(),
    );
    assert!(text.contains("xóa 1 văn bản"), "{text}");
    records.edit("2021/tap-the/van-phong-ban.yaml", "ten:", "ten_x:");
    let (code, text) = run(
        &["build", "--out", &out.path().to_string_lossy()],
        records.path(),
    );
    assert_eq!(code, 1, "{text}");
    assert_eq!(snapshot(out.path()), before, "a 2020 file was touched");
}

#[test]
fn a_number_is_given_once_and_a_document_issued_once() {
    let records = Folder::copy_of(&example_records());
    let (code, text) = run(&["issue", MINUTES, "--so", "5"], records.path());
    // Party format: one series a type; 05-BB is free though 05-TTr is taken.
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("05-BB/HĐTĐKT"), "{text}");
    let (code, text) = run(
        &["issue", "2020/bien-ban/2020-03-10-lua-chon", "--so", "5"],
        records.path(),
    );
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("số 5 đã cấp"), "{text}");
    let (code, text) = run(&["issue", MINUTES], records.path());
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("đã ban hành số 05-BB/HĐTĐKT"), "{text}");
    // The number is in the record, the archive and the register.
    assert!(
        records
            .read("2020/cuoc-hop/2020-12-15-binh-xet.yaml")
            .contains("so: 05-BB/HĐTĐKT")
    );
    assert!(
        records
            .path()
            .join("2020/da-ban-hanh/bien-ban/2020-12-15-binh-xet.pdf")
            .is_file()
    );
    // Beside the archive, the records' texts as they made it.
    let kept = records.read("2020/da-ban-hanh/bien-ban/2020-12-15-binh-xet.nguon.yaml");
    assert!(
        kept.contains("2020/cuoc-hop/2020-12-15-binh-xet.yaml: |")
            && kept.contains("so: 05-BB/HĐTĐKT"),
        "{kept}"
    );
    let (code, text) = run(&["check"], records.path());
    assert_eq!(code, 0, "{text}");
    let (code, text) = run(
        &["issue", "2020/dang-ky/ca-nhan/ngo-van-khai"],
        records.path(),
    );
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("không phải văn bản cơ quan ban hành có số")
            && text.contains("kế hoạch, danh sách tập thể, cá nhân đăng ký")
            && text.contains("quyết định khen thưởng")
            && text.contains("báo cáo kết quả thực hiện kế hoạch"),
        "{text}"
    );
}

#[test]
fn a_merge_that_gave_one_number_twice_is_reported_with_both_entries() {
    let records = Folder::copy_of(&example_records());
    let ours = "so-van-ban-di/2020/005-ttr-2020-12-18-de-nghi-khen-thuong.yaml";
    let theirs = "so-van-ban-di/2020/005-ttr-de-nghi-khac.yaml";
    let text = records
        .read(ours)
        .replace(
            "van_ban: 2020/to-trinh/2020-12-18-de-nghi-khen-thuong",
            "van_ban: 2020/to-trinh/de-nghi-khac",
        )
        .replace(
            "to-trinh/2020-12-18-de-nghi-khen-thuong.pdf",
            "to-trinh/de-nghi-khac.pdf",
        );
    records.write(theirs, text);
    let (code, text) = run(&["check"], records.path());
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("số 5 (loại TTr của HĐTĐKT năm 2020) đã cấp cho 2 văn bản"),
        "{text}"
    );
    assert!(text.contains(ours) && text.contains(theirs), "{text}");
}

#[test]
fn an_issued_document_is_frozen_and_a_change_to_its_records_is_said() {
    let records = Folder::copy_of(&example_records());
    let out = tempfile::TempDir::new().expect("temp dir");
    let archived = records
        .path()
        .join("2020/da-ban-hanh/to-trinh/2020-12-18-de-nghi-khen-thuong.pdf");
    let bytes = fs::read(&archived).expect("archived");
    common::redate_the_issued_proposal(&records);
    let (code, text) = run(&["check"], records.path());
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("đã ban hành số 05-TTr/HĐTĐKT ngày 18/12/2020")
            && text.contains("đã sửa hoặc bỏ 2020/to-trinh/2020-12-18-de-nghi-khen-thuong.yaml")
            && text.contains("ban hành văn bản mới"),
        "{text}"
    );
    let (code, _) = run(
        &["build", "--out", &out.path().to_string_lossy()],
        records.path(),
    );
    assert_eq!(code, 1);
    assert_eq!(fs::read(&archived).expect("archived"), bytes);
    assert_eq!(
        fs::read(out.path().join(format!("{PROPOSAL}.pdf"))).expect("out"),
        bytes
    );
}

#[test]
fn verify_tells_the_issued_the_draft_the_edited_and_the_foreign_pdf() {
    let records = example_records();
    let out = tempfile::TempDir::new().expect("temp dir");
    assert!(build(&records, out.path()).status.success());
    let pdf = |key: &str| out.path().join(format!("{key}.pdf"));
    let verify = |file: &Path| run(&["verify", &file.to_string_lossy()], &records);

    let (code, text) = verify(&pdf(PROPOSAL));
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("đúng bản đã ban hành số 05-TTr/HĐTĐKT"),
        "{text}"
    );
    let (code, text) = verify(&pdf(MINUTES));
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("bản dự thảo"), "{text}");

    for key in [PROPOSAL, MINUTES] {
        let mut bytes = fs::read(pdf(key)).expect("pdf");
        let at = bytes.len() / 2;
        bytes[at] = bytes[at].wrapping_add(1);
        let edited = out.path().join("sua.pdf");
        fs::write(&edited, bytes).expect("write");
        let (code, text) = verify(&edited);
        assert_eq!(code, 1, "{key}: {text}");
    }
    let foreign = out.path().join("khac.pdf");
    fs::write(&foreign, b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n").expect("write");
    let (code, text) = verify(&foreign);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("không phải văn bản do tdkt lập"), "{text}");
}

#[test]
fn new_plan_carries_people_and_leaves_the_year_behind() {
    let records = Folder::copy_of(&example_records());
    let (code, text) = run(&["new-plan", "2021", "2022"], records.path());
    assert_eq!(code, 0, "{text}");
    let person = records.read("2022/ca-nhan/ngo-van-khai.yaml");
    assert!(
        person.contains("ho_ten: Ngô Văn Khải") && !person.contains("dang_ky"),
        "{person}"
    );
    let plan = records.read("2022/ke-hoach.yaml");
    assert!(plan.contains("nam: 2022"));
    // #25.8: the subject moves with the year; check then has nothing to say
    // of it, and says it when the subject names another year.
    assert!(
        plan.contains("\ntrich_yeu: xây dựng và nhân rộng điển hình tiên tiến năm 2022\n"),
        "{plan}"
    );
    assert!(!records.path().join("2022/cuoc-hop").exists());
    let (code, text) = run(&["check", "--ke-hoach", "2022"], records.path());
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("trường `trich_yeu`"), "{text}");
    records.edit("2022/ke-hoach.yaml", "tiến năm 2022", "tiến năm 2021");
    let (_, text) = run(&["check", "--ke-hoach", "2022"], records.path());
    assert!(
        text.contains("trường `trich_yeu` (\"xây dựng và nhân rộng điển hình tiên tiến năm 2021\") ghi năm 2021, nhưng kế hoạch là năm 2022"),
        "{text}"
    );
    let (code, text) = run(&["new-plan", "2021", "2022"], records.path());
    assert_eq!(code, 1, "{text}");
}

#[test]
fn the_registration_list_has_its_own_date_signer_and_number() {
    let records = Folder::copy_of(&example_records());
    let out = tempfile::TempDir::new().expect("temp dir");
    let out_arg = out.path().to_string_lossy().into_owned();
    records.write(
        "2021/danh-sach-dang-ky.yaml",
        "ngay: 2021-03-04\n\
         nguoi_ky: { chuc_vu: CHÁNH VĂN PHÒNG, nguoi: dinh-van-tien }\n\
         noi_nhan: [Hội đồng Thi đua - Khen thưởng cơ quan, \"Lưu Văn thư, TCĐ-ĐV\"]\n",
    );
    // A selection meeting held after the list was dated does not move it.
    let meeting = records
        .read("2020/cuoc-hop/2020-03-10-lua-chon.yaml")
        .replace("2020-03-10", "2021-03-10");
    records.write("2021/cuoc-hop/2021-03-10-lua-chon.yaml", meeting);
    let (code, text) = run(&["issue", LIST_2021], records.path());
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("số 01-DS/BTCTU ngày 04/03/2021"), "{text}");
    let (_, text) = run(&["build", "--out", &out_arg], records.path());
    let pdf = out.path().join(format!("{LIST_2021}.pdf"));
    let seen = common::pdf::text(&pdf);
    for wanted in [
        "Số 01-DS/BTCTU",
        "Bắc Giang, ngày 04 tháng 3 năm 2021",
        "CHÁNH VĂN PHÒNG",
        "Đinh Văn Tiến",
        "Nơi nhận:",
        "- Lưu Văn thư, TCĐ-ĐV.",
    ] {
        assert!(seen.contains(wanted), "{wanted} missing:\n{seen}\n{text}");
    }
    assert_eq!(
        fs::read(&pdf).expect("built"),
        fs::read(
            records
                .path()
                .join("2021/da-ban-hanh/dang-ky/danh-sach.pdf")
        )
        .expect("archive")
    );
    let entry = entry(&listed(records.path()), LIST_2021).clone();
    assert_eq!(entry["so"], "01-DS/BTCTU");
    assert_eq!(entry["trang_thai"], "da_ban_hanh");

    // Someone registering after the list was issued: the list would now
    // read otherwise, and check says so, naming the new record.
    let late = records
        .read("2021/ca-nhan/hoang-thu-ha.yaml")
        .replace("Hoàng Thu Hà", "Hoàng Thu Hằng");
    records.write("2021/ca-nhan/hoang-thu-hang.yaml", late);
    let (code, text) = run(&["check", "--ke-hoach", "2021"], records.path());
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("đã ban hành số 01-DS/BTCTU")
            && text.contains("thêm 2021/ca-nhan/hoang-thu-hang.yaml"),
        "{text}"
    );
}

#[test]
fn a_list_dated_before_a_registration_or_numbered_as_another_type_is_refused() {
    let records = Folder::copy_of(&example_records());
    records.write(
        "2021/danh-sach-dang-ky.yaml",
        "so: 02-TTr/BTCTU\nngay: 2021-01-05\nnoi_nhan: []\n",
    );
    let (code, report) = common::check_json(&records.path().join("2021"));
    assert_eq!(code, 1);
    let errors = common::data_errors(&report);
    let on = |field: &str| {
        errors
            .iter()
            .find(|e| e["tep"] == "danh-sach-dang-ky.yaml" && e["truong"] == field)
            .unwrap_or_else(|| panic!("no error on {field}: {errors:?}"))["thong_bao"]
            .as_str()
            .expect("message")
            .to_owned()
    };
    assert!(on("so").contains("DS"), "{}", on("so"));
    assert!(on("ngay").contains("ca-nhan/"), "{}", on("ngay"));
    assert!(on("noi_nhan").contains("ít nhất một nơi nhận"));
}

#[test]
fn an_issued_document_that_only_tdkt_would_now_write_otherwise_stands() {
    let records = Folder::copy_of(&example_records());
    let (code, text) = run(&["issue", MINUTES, "--so", "9"], records.path());
    assert_eq!(code, 0, "{text}");
    let entry = "so-van-ban-di/2020/009-bb-2020.bien-ban.2020-12-15-binh-xet.yaml";
    let text = records.read(entry);
    let hash_line = text
        .lines()
        .find(|l| l.starts_with("bam_noi_dung:"))
        .expect("hash line")
        .to_owned();
    records.write(
        entry,
        text.replace(&hash_line, &format!("bam_noi_dung: {}", "0".repeat(64))),
    );
    let (code, text) = run(&["check"], records.path());
    assert_eq!(code, 0, "{text}");
    let note = "bản ghi không đổi nội dung văn bản, nhưng cách tdkt viết văn bản này đã đổi";
    assert!(
        text.contains(note) && text.contains("09-BB/HĐTĐKT"),
        "{text}"
    );
    // A record it was made from edited since, in a way the document does
    // not show: made again from the records kept beside the archive, it
    // reads as made from today's, so the difference is still tdkt's.
    let meeting = "2020/cuoc-hop/2020-12-15-binh-xet.yaml";
    let edited = format!("# Ghi chú của văn thư.\n{}", records.read(meeting));
    records.write(meeting, edited);
    let (code, text) = run(&["check"], records.path());
    assert_eq!(code, 0, "{text}");
    assert!(text.contains(note), "{text}");
    // A change it does show is the records', and an error.
    records.edit(
        meeting,
        "ket_thuc: 2020-12-15 16:30",
        "ket_thuc: 2020-12-15 17:00",
    );
    let (code, text) = run(&["check"], records.path());
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains(&format!("đã sửa hoặc bỏ {meeting}")),
        "{text}"
    );
}

#[test]
fn the_kept_records_cannot_write_outside_the_scratch_folder() {
    let records = Folder::copy_of(&example_records());
    let kept = "2020/da-ban-hanh/to-trinh/2020-12-18-de-nghi-khen-thuong.nguon.yaml";
    let escape = format!("tdkt-thoat-{}.yaml", std::process::id());
    let text = records.read(kept);
    records.write(kept, format!("{text}../../../../{escape}: \"bị ghi\"\n"));
    // The proposal's record changes what it shows, so check makes it again.
    common::redate_the_issued_proposal(&records);
    let (code, text) = run(&["check"], records.path());
    assert_eq!(code, 1, "{text}");
    assert!(
        !std::env::temp_dir().join(&escape).exists() && !Path::new("/").join(&escape).exists(),
        "a kept record's name wrote outside"
    );
}

#[test]
fn a_register_entry_cannot_point_the_build_at_a_file_elsewhere() {
    let records = Folder::copy_of(&example_records());
    let entry = "so-van-ban-di/2020/005-ttr-2020-12-18-de-nghi-khen-thuong.yaml";
    let secret = records.path().join("bi-mat.txt");
    fs::write(&secret, "không được chép ra").expect("write");
    records.edit(
        entry,
        "ban_luu: 2020/da-ban-hanh/to-trinh/2020-12-18-de-nghi-khen-thuong.pdf",
        "ban_luu: 2020/da-ban-hanh/../../bi-mat.txt",
    );
    let out = tempfile::TempDir::new().expect("temp dir");
    let (code, text) = run(
        &["build", "--out", &out.path().to_string_lossy()],
        records.path(),
    );
    assert_eq!(code, 1, "{text}");
    assert!(text.contains(entry) && text.contains("ban_luu"), "{text}");
    let placed = out.path().join(format!("{PROPOSAL}.pdf"));
    assert!(
        fs::read(&placed).map_or(true, |b| !String::from_utf8_lossy(&b)
            .contains("không được chép ra")),
        "the build copied a file from outside the archive"
    );
}

#[test]
fn the_year_report_is_issued_with_its_own_number_date_and_signer() {
    const REPORT: &str = "2020/bao-cao-ket-qua";
    let records = Folder::copy_of(&example_records());
    records.write(
        "2020/bao-cao-ket-qua.yaml",
        "nguoi_ky: { chuc_vu: CHÁNH VĂN PHÒNG, nguoi: dinh-van-tien }\n\
         noi_nhan: [Thường trực Tỉnh ủy, \"Lưu Văn thư\"]\n",
    );
    // A report cannot be dated before the decision it tells of (28/12).
    let (code, text) = run(&["issue", REPORT, "--ngay", "2020-12-20"], records.path());
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("ngày 20/12/2020") && text.contains("quyet-dinh/2020-12-28-khen-thuong.yaml"),
        "{text}"
    );
    assert!(!records.read("2020/bao-cao-ket-qua.yaml").contains("so:"));

    let (code, text) = run(&["issue", REPORT, "--ngay", "2020-12-30"], records.path());
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("số 01-BC/BTCTU ngày 30/12/2020"), "{text}");
    let archive = records.path().join("2020/da-ban-hanh/bao-cao-ket-qua.pdf");
    let seen = common::pdf::text(&archive);
    for wanted in [
        "Số 01-BC/BTCTU",
        "Bắc Giang, ngày 30 tháng 12 năm 2020",
        "CHÁNH VĂN PHÒNG",
        "Đinh Văn Tiến",
        "- Thường trực Tỉnh ủy,",
        "- Lưu Văn thư.",
    ] {
        assert!(seen.contains(wanted), "{wanted} missing:\n{seen}");
    }
    let entry = entry(&listed(records.path()), REPORT).clone();
    assert_eq!(entry["so"], "01-BC/BTCTU");
    assert_eq!(entry["trang_thai"], "da_ban_hanh");
}
