//! `tdkt check` on the example records: the seed plan of 2020, valid, with the
//! candidates who fall short named with the rules they fail.

mod common;

use common::{check_json, decision_errors, example_plan, stdout, tdkt, verdict};

#[test]
fn the_example_records_are_valid_and_the_councils_choices_stand() {
    let (code, report) = check_json(&example_plan());
    assert_eq!(code, 0, "{report:#}");
    assert!(common::data_errors(&report).is_empty());
    assert!(decision_errors(&report).is_empty());
    let stages: Vec<&str> = report["ket_qua"]["giai_doan"]
        .as_array()
        .expect("stages")
        .iter()
        .filter_map(|s| s["giai_doan"].as_str())
        .collect();
    assert_eq!(stages, ["dang_ky", "lua_chon", "cuoi_nam", "de_nghi"]);
}

#[test]
fn check_names_who_fails_and_why() {
    let (_, report) = check_json(&example_plan());
    // A selected individual without a recognised initiative, left out at year end.
    let (result, why, file) = verdict(&report, "cuoi_nam", "vu-minh-duc", "CN-2");
    assert_eq!(
        (result.as_str(), file.as_str()),
        ("khong_dat", "ca-nhan/vu-minh-duc.yaml")
    );
    assert!(
        why.contains("chưa có sáng kiến được Hội đồng sáng kiến công nhận"),
        "{why}"
    );
    // Chiến sĩ thi đua cơ sở under the 2003 law needs an initiative.
    let (result, why, _) = verdict(&report, "cuoi_nam", "vu-minh-duc", "DH-1");
    assert_eq!(result, "khong_dat");
    assert!(why.contains("sáng kiến"), "{why}");

    let out = tdkt(&["check", "--records", &example_plan().to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for expected in [
        "I. ĐĂNG KÝ ĐẦU NĂM",
        "II. LỰA CHỌN ĐIỂN HÌNH TIÊN TIẾN — cuoc-hop/2020-03-10-lua-chon.yaml, ngày 10/03/2020",
        "III. BÌNH XÉT CUỐI NĂM",
        "IV. ĐỀ NGHỊ KHEN THƯỞNG",
        "- Vũ Minh Đức (ca-nhan/vu-minh-duc.yaml): CN-2 — chưa có sáng kiến được Hội đồng sáng kiến công nhận",
        "- Vũ Minh Đức (ca-nhan/vu-minh-duc.yaml): DH-1 — ",
        "Quyết định của Hội đồng: QT-2 đạt; QT-4 đạt.",
        "KẾT LUẬN: hồ sơ hợp lệ",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // Ngô Văn Khải (8 of 9 at the selection) is shown the Vietnamese way.
    assert!(
        text.lines()
            .any(|l| l.contains("Ngô Văn Khải") && l.contains("8/9 (88,9 %)")),
        "{text}"
    );
}

/// #25.5: a rule that does not apply to units is not a column of theirs:
/// where units and people are judged by different rules, `check` gives
/// each a table with its own columns.
#[test]
fn units_and_people_judged_by_different_rules_get_a_table_each() {
    let (code, text) = common::run_on(&common::example_records(), &["check"]);
    assert_eq!(code, 0, "{text}");
    let year_end = text
        .split("III. BÌNH XÉT CUỐI NĂM")
        .nth(1)
        .expect("the year-end stage");
    let headers: Vec<&str> = year_end
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.trim_start().starts_with("STT"))
        .collect();
    assert_eq!(headers.len(), 2, "{year_end}");
    assert!(
        headers[0].contains("TT-1") && !headers[0].contains("DH-1"),
        "{}",
        headers[0]
    );
    assert!(
        headers[1].contains("DH-1") && !headers[1].contains("TT-1"),
        "{}",
        headers[1]
    );
}
