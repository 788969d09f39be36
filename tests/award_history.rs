//! #9: the award history reads across plans. A decision recorded in 2020's
//! folder is known to 2021 (whether every plan or 2021 alone is checked),
//! with the awards a record keeps from before the records began; a later
//! year's decision is not, and a decision that cannot be read is said.

mod common;

use std::path::Path;

use common::{Folder, example_records, stdout, tdkt};
use serde_json::Value;

const DECISION: &str = "2020/quyet-dinh/2020-12-28-khen-thuong.yaml";

fn check(records: &Path, extra: &[&str]) -> (i32, Value, String) {
    let records = records.to_string_lossy().into_owned();
    let mut args = vec!["check", "--records", &records, "--format", "json"];
    args.extend(extra);
    let out = tdkt(&args);
    let text = stdout(&out);
    let json = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    (out.status.code().expect("exit code"), json, text)
}

/// The awards of `id` as the registration stage of plan `plan` lists them.
fn awards(report: &Value, plan: &str, id: &str) -> Vec<(i64, String, Option<String>)> {
    // One plan checked: its result at the top, as before many plans.
    let result = match report.get("ket_qua") {
        Some(result) => result,
        None => &report["ke_hoach"]
            .as_array()
            .expect("plans")
            .iter()
            .find(|p| p["ten"] == plan)
            .unwrap_or_else(|| panic!("no plan {plan}"))["ket_qua"],
    };
    let row = result["giai_doan"][0]["ung_vien"]
        .as_array()
        .expect("candidates")
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("{id} not a candidate"));
    row["khen_thuong"]
        .as_array()
        .expect("awards")
        .iter()
        .map(|a| {
            (
                a["nam"].as_i64().expect("year"),
                a["hinh_thuc"].as_str().expect("form").to_owned(),
                a["so"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

#[test]
fn a_decision_of_2020_is_in_the_history_of_2021() {
    let records = example_records();
    let expected = vec![
        (2019, "Chiến sĩ thi đua cơ sở".to_owned(), None),
        (
            2020,
            "Giấy khen của Trưởng Ban Tổ chức Tỉnh ủy".to_owned(),
            Some("128-QĐ/BTCTU".to_owned()),
        ),
    ];
    let (code, report, text) = check(&records, &[]);
    assert_eq!(code, 0, "{text}");
    assert_eq!(awards(&report, "2021", "ngo-van-khai"), expected);
    // 2020 knows only what came before it.
    assert_eq!(
        awards(&report, "2020", "ngo-van-khai"),
        expected[..1].to_vec()
    );
    // Checked alone, 2021 still reads 2020's decision.
    let (code, report, text) = check(&records, &["--ke-hoach", "2021"]);
    assert_eq!(code, 0, "{text}");
    assert_eq!(awards(&report, "2021", "ngo-van-khai"), expected);
    // And the text a clerk reads says it.
    let out = tdkt(&[
        "check",
        "--records",
        &records.to_string_lossy(),
        "--ke-hoach",
        "2021",
    ]);
    let text = stdout(&out);
    assert!(
        text.contains(
            "Ngô Văn Khải (2021/ca-nhan/ngo-van-khai.yaml): 2019: Chiến sĩ thi đua cơ sở; 2020: \
             Giấy khen của Trưởng Ban Tổ chức Tỉnh ủy (số 128-QĐ/BTCTU ngày 28/12/2020"
        ),
        "{text}"
    );
}

#[test]
fn a_later_decision_is_not_history_and_a_broken_one_is_said() {
    let records = Folder::copy_of(&example_records());
    // The same decision dated 2022 from a plan of that year: not 2021's past.
    let later = records.read(DECISION).replace("2020-12-28", "2022-01-10");
    records.write(
        "2021/quyet-dinh/2022-01-10-khen-thuong.yaml",
        later.replace("to_trinh: 2020-12-18-de-nghi-khen-thuong\n", ""),
    );
    let (code, report, text) = check(records.path(), &["--ke-hoach", "2021"]);
    assert_eq!(code, 0, "{text}");
    assert_eq!(awards(&report, "2021", "ngo-van-khai").len(), 2, "{text}");

    // A 2020 decision with a typo: checking 2021 alone names it, since
    // 2021's history would miss it.
    records.edit(DECISION, "nguoi_nhan:", "nguoi_nhn:");
    let (code, report, text) = check(records.path(), &["--ke-hoach", "2021"]);
    assert_eq!(code, 1, "{text}");
    let errors = common::data_errors(&report);
    assert!(errors.iter().any(|e| e["tep"] == DECISION), "{errors:?}");
}

#[test]
fn a_decision_names_the_plans_own_units_and_people() {
    let records = Folder::copy_of(&example_records());
    records.edit(DECISION, "le-thi-thu-huong]", "le-thi-thu-huog]");
    records.edit(
        DECISION,
        "to_trinh: 2020-12-18-de-nghi-khen-thuong",
        "to_trinh: de-nghi",
    );
    let (code, report, text) = check(records.path(), &["--ke-hoach", "2020"]);
    assert_eq!(code, 1, "{text}");
    let errors = common::data_errors(&report);
    let on = |field: &str| {
        errors
            .iter()
            .any(|e| e["tep"] == DECISION && e["truong"] == field)
    };
    assert!(on("khen_thuong[0].nguoi_nhan[2]"), "{errors:?}");
    assert!(on("to_trinh"), "{errors:?}");
}
