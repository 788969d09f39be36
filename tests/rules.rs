//! Every rule of the plan, holding on the small fixture and failing after one
//! edit, with the rule id, the candidate and the file named.

mod common;

use common::{Folder, check_json, decision_errors, example_plan, verdict};

const BINH: &str = "ca-nhan/tran-thi-binh.yaml";
const DUNG: &str = "ca-nhan/pham-thi-dung.yaml";
const SELECTION: &str = "cuoc-hop/lua-chon.yaml";
const YEAR_END: &str = "cuoc-hop/binh-xet.yaml";

#[test]
fn the_small_fixture_is_valid_and_every_rule_holds_there() {
    let folder = Folder::small();
    let (code, report) = check_json(folder.path());
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["hop_le"], true);
    for rule in ["CHUNG-1", "ND-1", "QT-1"] {
        assert_eq!(
            verdict(&report, "dang_ky", "tran-thi-binh", rule).0,
            "dat",
            "{rule}"
        );
    }
    assert_eq!(verdict(&report, "cuoi_nam", "phong-a", "TT-1").0, "dat");
    for rule in ["CN-1", "CN-2", "CN-3", "KL-1"] {
        assert_eq!(
            verdict(&report, "cuoi_nam", "pham-thi-dung", rule).0,
            "dat",
            "{rule}"
        );
    }
    // Bình leads no phòng: CN-3 does not apply to her.
    assert_eq!(
        verdict(&report, "cuoi_nam", "tran-thi-binh", "CN-3").0,
        "khong_ap_dung"
    );
}

type Errors = Vec<(String, String, String, String)>;

/// Applies one edit and returns why `rule` fails for `candidate`, with the
/// council-decision errors it causes; the exit code must match them.
fn failing(
    file: &str,
    from: &str,
    to: &str,
    stage: &str,
    candidate: &str,
    rule: &str,
) -> (String, Errors) {
    let folder = Folder::small();
    folder.edit(file, from, to);
    let (code, report) = check_json(folder.path());
    let (result, why, named) = verdict(&report, stage, candidate, rule);
    assert_eq!(result, "khong_dat", "{rule} should fail for {candidate}");
    assert_eq!(named, file);
    let errors = decision_errors(&report);
    assert_eq!(code, if errors.is_empty() { 0 } else { 1 }, "{report:#}");
    (why, errors)
}

/// Lê Văn Cường was chosen at the selection only: a flaw in his registration
/// makes that decision fall, in the selection meeting's file.
fn falls_at_selection(errors: &Errors, rule: &str) {
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = &errors[0];
    assert_eq!(
        (e.0.as_str(), e.1.as_str(), e.2.as_str()),
        (rule, "le-van-cuong", SELECTION)
    );
}

/// What a failing rule does to the council's decisions.
enum Falls {
    /// No decision falls (the candidate was not chosen at that stage).
    Nothing,
    /// Lê Văn Cường's selection falls, under the rule.
    AtSelection,
    /// Only decisions on this candidate fall, all under this rule.
    Only(&'static str, &'static str),
}

/// One edit that makes one rule fail for one candidate: the file, the text
/// replaced and its replacement, the stage and candidate, the reason's words
/// and which decisions fall.
struct Case {
    rule: &'static str,
    file: &'static str,
    from: &'static str,
    to: &'static str,
    stage: &'static str,
    candidate: &'static str,
    why: &'static str,
    falls: Falls,
}

const CASES: &[Case] = &[
    Case {
        rule: "CHUNG-1",
        file: "ca-nhan/le-van-cuong.yaml",
        from: "lam_theo_bac: true",
        to: "lam_theo_bac: false",
        stage: "dang_ky",
        candidate: "le-van-cuong",
        why: "chưa đăng ký làm theo",
        falls: Falls::AtSelection,
    },
    Case {
        rule: "ND-1",
        file: "ca-nhan/le-van-cuong.yaml",
        from: "noi_dung: [\"2.2\"]",
        to: "noi_dung: []",
        stage: "dang_ky",
        candidate: "le-van-cuong",
        why: "chưa chọn nội dung",
        falls: Falls::AtSelection,
    },
    Case {
        rule: "QT-1",
        file: "ca-nhan/le-van-cuong.yaml",
        from: "ngay: 2020-03-02",
        to: "ngay: 2019-12-30",
        stage: "dang_ky",
        candidate: "le-van-cuong",
        why: "30/12/2019 không thuộc năm 2020",
        falls: Falls::AtSelection,
    },
    // Phòng B was not chosen at year end; its head, who was, fails CN-3.
    Case {
        rule: "TT-1",
        file: "tap-the/phong-b.yaml",
        from: "danh_hieu_dat_duoc: tap_the_lao_dong_tien_tien\n",
        to: "",
        stage: "cuoi_nam",
        candidate: "phong-b",
        why: "chưa có danh hiệu cuối năm",
        falls: Falls::Only("CN-3", "pham-thi-dung"),
    },
    Case {
        rule: "CN-1",
        file: "ca-nhan/le-van-cuong.yaml",
        from: "xep_loai: hoan_thanh_xuat_sac",
        to: "xep_loai: hoàn thành tốt nhiệm vụ",
        stage: "cuoi_nam",
        candidate: "le-van-cuong",
        why: "xếp loại hoàn thành tốt nhiệm vụ, chưa đạt hoàn thành xuất sắc nhiệm vụ",
        falls: Falls::Nothing,
    },
    // Cường was not chosen at year end.
    Case {
        rule: "CN-2",
        file: "ca-nhan/le-van-cuong.yaml",
        from: "    cong_nhan: { so: 02-QĐ/HĐSK, ngay: 2020-11-20, co_quan: Hội đồng sáng kiến cơ quan }\n",
        to: "",
        stage: "cuoi_nam",
        candidate: "le-van-cuong",
        why: "chưa có sáng kiến được Hội đồng sáng kiến công nhận",
        falls: Falls::Nothing,
    },
    Case {
        rule: "KL-1",
        file: "ca-nhan/le-van-cuong.yaml",
        from: "xep_loai:",
        to: "ky_luat:\n  - { hinh_thuc: khien_trach, ngay: 2020-08-14 }\nxep_loai:",
        stage: "cuoi_nam",
        candidate: "le-van-cuong",
        why: "khiển trách ngày 14/08/2020",
        falls: Falls::Nothing,
    },
];

/// Each edit of `CASES`, alone on the small fixture: the rule fails for the
/// candidate, in the file edited, for the reason given, and exactly the
/// decisions named fall (the exit code says whether any did).
#[test]
fn each_edit_fails_its_rule_and_the_decisions_resting_on_it() {
    for case in CASES {
        let (why, errors) = failing(
            case.file,
            case.from,
            case.to,
            case.stage,
            case.candidate,
            case.rule,
        );
        assert!(why.contains(case.why), "{}: {why}", case.rule);
        match case.falls {
            Falls::Nothing => assert!(errors.is_empty(), "{}: {errors:#?}", case.rule),
            Falls::AtSelection => falls_at_selection(&errors, case.rule),
            Falls::Only(rule, candidate) => assert!(
                !errors.is_empty() && errors.iter().all(|e| e.0 == rule && e.1 == candidate),
                "{}: {errors:#?}",
                case.rule
            ),
        }
    }
}

#[test]
fn qt_1_fails_after_the_plan_s_deadline() {
    let folder = Folder::small();
    folder.edit(
        "ke-hoach.yaml",
        "nam: 2020",
        "nam: 2020\nhan_dang_ky: 2020-03-01",
    );
    let (_, report) = check_json(folder.path());
    let (result, why, _) = verdict(&report, "dang_ky", "le-van-cuong", "QT-1");
    assert_eq!(result, "khong_dat");
    assert!(why.contains("sau hạn 01/03/2020"), "{why}");
    assert_eq!(
        verdict(&report, "dang_ky", "tran-thi-binh", "QT-1").0,
        "dat"
    );
}

#[test]
fn cn_3_fails_when_the_leaders_phong_falls_short() {
    // Phạm Thị Dung heads phòng B; the phòng was left out at year end.
    let folder = Folder::small();
    folder.edit(
        "tap-the/phong-b.yaml",
        "danh_hieu_dat_duoc: tap_the_lao_dong_tien_tien\n",
        "",
    );
    let (code, report) = check_json(folder.path());
    let (result, why, file) = verdict(&report, "cuoi_nam", "pham-thi-dung", "CN-3");
    assert_eq!((result.as_str(), file.as_str()), ("khong_dat", DUNG));
    assert!(
        why.contains("Phòng Tổ chức cán bộ chưa có danh hiệu cuối năm"),
        "{why}"
    );
    // She was chosen at year end and proposed: both decisions fall.
    assert_eq!(code, 1);
    let errors = decision_errors(&report);
    assert!(
        errors
            .iter()
            .any(|e| e.0 == "CN-3" && e.1 == "pham-thi-dung" && e.2 == YEAR_END),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.0 == "CN-3" && e.2 == "to-trinh/de-nghi.yaml"),
        "{errors:#?}"
    );

    // A Ban leader in charge of a phòng counts too.
    let folder = Folder::small();
    folder.edit(
        "tap-the/phong-b.yaml",
        "danh_hieu_dat_duoc: tap_the_lao_dong_tien_tien\n",
        "",
    );
    folder.edit(
        "ca-nhan/le-van-cuong.yaml",
        "don_vi: phong-b",
        "don_vi: phong-b\nphu_trach_phong: [phong-b]",
    );
    let (_, report) = check_json(folder.path());
    assert_eq!(
        verdict(&report, "cuoi_nam", "le-van-cuong", "CN-3").0,
        "khong_dat"
    );
}

#[test]
fn a_chosen_individual_without_a_recognised_initiative_is_an_error_in_the_meeting() {
    let folder = Folder::small();
    folder.edit(BINH, "    cong_nhan: { so: 01-QĐ/HĐSK, ngay: 2020-11-20, co_quan: Hội đồng sáng kiến cơ quan }\n", "");
    let (code, report) = check_json(folder.path());
    assert_eq!(code, 1);
    let errors = decision_errors(&report);
    let e = errors
        .iter()
        .find(|e| e.2 == YEAR_END)
        .expect("error in the year-end meeting");
    assert_eq!((e.0.as_str(), e.1.as_str()), ("CN-2", "tran-thi-binh"));
    assert!(e.3.contains("Hội đồng chọn Trần Thị Bình"), "{}", e.3);
    // Placed on her line of the vote table: `bieu_quyet[2]` is line 12.
    let placed = report["ket_qua"]["loi_quyet_dinh"]
        .as_array()
        .expect("errors")
        .iter()
        .find(|e| e["tep"] == YEAR_END)
        .cloned();
    assert_eq!(
        placed.map(|e| (e["truong"].clone(), e["dong"].clone())),
        Some(("bieu_quyet[2].duoc_chon".into(), 12.into()))
    );
    // At the selection her registration was enough: no error there.
    assert!(!errors.iter().any(|e| e.2 == SELECTION), "{errors:#?}");
}

#[test]
fn qt_2_quota_and_registration_at_selection() {
    let folder = Folder::small();
    folder.edit(
        "ke-hoach.yaml",
        "lua_chon: { tap_the: 2, ca_nhan: 3 }",
        "lua_chon: { tap_the: 1, ca_nhan: 3 }",
    );
    let (code, report) = check_json(folder.path());
    assert_eq!(code, 1);
    let errors = decision_errors(&report);
    assert!(
        errors
            .iter()
            .any(|e| e.0 == "QT-2" && e.2 == SELECTION && e.3.contains("vượt chỉ tiêu 01 tập thể")),
        "{errors:#?}"
    );

    let folder = Folder::small();
    folder.edit("ca-nhan/le-van-cuong.yaml", "dang_ky:", "dang_ky_cu:").edit(
        "ca-nhan/le-van-cuong.yaml",
        "dang_ky_cu:\n  ngay: 2020-03-02\n  noi_dung: [\"2.2\"]\n  danh_hieu: lao_dong_tien_tien\n  lam_theo_bac: true\n  cam_ket: Hoàn thành tốt nhiệm vụ.\n",
        "",
    );
    let (code, report) = check_json(folder.path());
    assert_eq!(code, 1);
    let errors = decision_errors(&report);
    assert!(
        errors.iter().any(|e| e.0 == "QT-2"
            && e.1 == "le-van-cuong"
            && e.2 == SELECTION
            && e.3.contains("chưa đăng ký")),
        "{errors:#?}"
    );
}

#[test]
fn qt_3_year_end_choice_must_come_from_the_selected() {
    let folder = Folder::small();
    folder.edit(
        SELECTION,
        "dong_y: 3, duoc_chon: true }\n  - { ung_vien: le-van-cuong",
        "dong_y: 1, duoc_chon: false }\n  - { ung_vien: le-van-cuong",
    );
    let (code, report) = check_json(folder.path());
    assert_eq!(code, 1);
    let errors = decision_errors(&report);
    assert!(
        errors.iter().any(|e| e.0 == "QT-3"
            && e.1 == "pham-thi-dung"
            && e.2 == YEAR_END
            && e.3.contains("không có trong số được Hội đồng lựa chọn")),
        "{errors:#?}"
    );

    let folder = Folder::small();
    folder.edit(
        YEAR_END,
        "dong_y: 1, duoc_chon: false }\n  - { ung_vien: tran",
        "dong_y: 2, duoc_chon: true }\n  - { ung_vien: tran",
    );
    let (_, report) = check_json(folder.path());
    let errors = decision_errors(&report);
    assert!(
        errors
            .iter()
            .any(|e| e.0 == "QT-3" && e.3.contains("vượt chỉ tiêu 01 tập thể")),
        "{errors:#?}"
    );
}

/// The small fixture after one edit of `file`: check's exit code and its
/// council-decision errors.
fn decisions_after(file: &str, from: &str, to: &str) -> (i32, Errors, serde_json::Value) {
    let folder = Folder::small();
    folder.edit(file, from, to);
    let (code, report) = check_json(folder.path());
    (code, decision_errors(&report), report)
}

/// Whether some error is of `rule`, about `candidate`, and says `text`.
fn names(errors: &Errors, rule: &str, candidate: &str, text: &str) -> bool {
    errors
        .iter()
        .any(|e| e.0 == rule && e.1 == candidate && e.3.contains(text))
}

#[test]
fn qt_4_vote_figures_threshold_and_tie() {
    // More "đồng ý" than valid ballots.
    let (code, errors, _) = decisions_after(
        SELECTION,
        "phieu_hop_le: 3, dong_y: 2, duoc_chon: true }\n  - { ung_vien: tran",
        "phieu_hop_le: 1, dong_y: 2, duoc_chon: true }\n  - { ung_vien: tran",
    );
    assert_eq!(code, 1);
    assert!(
        names(
            &errors,
            "QT-4",
            "phong-b",
            "số đồng ý (2) lớn hơn số phiếu hợp lệ (1)"
        ),
        "{errors:#?}"
    );

    // Below the threshold: chosen with 1 of 3 (not more than half).
    let (code, errors, _) = decisions_after(
        YEAR_END,
        "phieu_hop_le: 2, dong_y: 2, duoc_chon: true }\n  - { ung_vien: pham",
        "phieu_hop_le: 2, dong_y: 1, duoc_chon: true }\n  - { ung_vien: pham",
    );
    assert_eq!(code, 1);
    assert!(
        names(
            &errors,
            "QT-4",
            "tran-thi-binh",
            "1/3 ý kiến đồng ý, chưa đạt quá bán"
        ),
        "{errors:#?}"
    );

    // A tie at the cut: Cường has as many votes as the last one chosen.
    let (code, errors, _) = decisions_after(
        YEAR_END,
        "ung_vien: le-van-cuong, phieu_phat_ra: 2, phieu_thu_ve: 2, phieu_hop_le: 2, dong_y: 1",
        "ung_vien: le-van-cuong, phieu_phat_ra: 2, phieu_thu_ve: 2, phieu_hop_le: 2, dong_y: 2",
    );
    assert_eq!(code, 1);
    assert!(
        names(&errors, "QT-4", "le-van-cuong", "hòa phiếu"),
        "{errors:#?}"
    );
}

#[test]
fn an_absent_member_must_be_a_member_of_the_council() {
    let (code, _, report) = decisions_after(
        YEAR_END,
        "vang_mat:\n",
        "vang_mat:\n  - { nguoi: tran-thi-binh }\n",
    );
    assert_eq!(code, 1);
    let messages: Vec<String> = common::data_errors(&report)
        .iter()
        .map(|e| {
            format!(
                "{} {}",
                e["truong"].as_str().unwrap_or(""),
                e["thong_bao"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("vang_mat[0].nguoi")
            && m.contains("\"tran-thi-binh\" không phải thành viên Hội đồng")),
        "{messages:#?}"
    );
}

#[test]
fn qt_4_quorum_counts_the_whole_membership() {
    let folder = Folder::small();
    folder.edit(
        YEAR_END,
        "vang_mat:\n",
        "vang_mat:\n  - { nguoi: le-van-cuong }\n",
    );
    folder.edit(YEAR_END, "thu_ky: le-van-cuong", "thu_ky: nguyen-van-an");
    let (code, report) = check_json(folder.path());
    assert_eq!(code, 1);
    let errors = decision_errors(&report);
    assert!(
        errors
            .iter()
            .any(|e| e.0 == "QT-4" && e.3.contains("chỉ có 1/3 thành viên dự họp, chưa đủ 2/3")),
        "{errors:#?}"
    );
}

#[test]
fn thresholds_follow_the_date_unless_the_plan_sets_one() {
    // The same votes in 2024: 2 of 3 is below 80 %.
    let folder = Folder::small();
    for file in [
        "ke-hoach.yaml",
        BINH,
        DUNG,
        "ca-nhan/le-van-cuong.yaml",
        "tap-the/phong-a.yaml",
        "tap-the/phong-b.yaml",
        SELECTION,
        YEAR_END,
        "to-trinh/de-nghi.yaml",
    ] {
        let text = folder.read(file).replace("2020", "2024");
        folder.write(file, text);
    }
    let (code, report) = check_json(folder.path());
    assert_eq!(code, 1);
    let errors = decision_errors(&report);
    // From 2024 a vote on "Chiến sĩ thi đua cơ sở" needs 80 % of the whole
    // council (NĐ 98/2023 Điều 30.7); a unit's vote keeps the council's
    // own threshold (2 of 3 is more than half).
    let on = |who: &str| {
        errors
            .iter()
            .filter(|e| e.0 == "QT-4" && e.1 == who)
            .map(|e| e.3.clone())
            .collect::<Vec<_>>()
    };
    for person in ["tran-thi-binh", "pham-thi-dung"] {
        assert!(
            on(person)
                .iter()
                .any(|m| m.contains("2/3 ý kiến đồng ý, chưa đạt từ 80 %")
                    && m.contains("Nghị định số 98/2023/NĐ-CP, Điều 30 khoản 7")),
            "{errors:#?}"
        );
    }
    assert!(on("phong-a").is_empty(), "{errors:#?}");
    // The rules of the law cite the law of 2024, not the one of 2020.
    assert_eq!(
        cited(&report, "DH-1"),
        "Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 23 (Chiến sĩ thi đua cơ sở), Điều 24 (Lao \
         động tiên tiến)"
    );
    assert_eq!(
        cited(&report, "QT-4"),
        "quy chế làm việc của Hội đồng; Nghị định số 98/2023/NĐ-CP, Điều 30 khoản 7"
    );
    // A plan's own lower threshold does not lower the law's.
    folder.edit(
        "ke-hoach.yaml",
        "hoi_dong:\n",
        "hoi_dong:\n  nguong_dong_y: 60\n",
    );
    let (code, _) = check_json(folder.path());
    assert_eq!(code, 1);

    // The absent member's written opinion agrees to Bình: 3 of 3.
    folder.edit(
        YEAR_END,
        "y_kien: Nhất trí với đề xuất của Hội đồng. }",
        "y_kien: Nhất trí với đề xuất của Hội đồng., dong_y: [tran-thi-binh] }",
    );
    let (_, report) = check_json(folder.path());
    let errors = decision_errors(&report);
    assert!(
        !errors
            .iter()
            .any(|e| e.0 == "QT-4" && e.1 == "tran-thi-binh"),
        "{errors:#?}"
    );
    // Unless the council does not count written opinions.
    folder.edit(
        "ke-hoach.yaml",
        "hoi_dong:\n",
        "hoi_dong:\n  tinh_y_kien_vang_mat: false\n",
    );
    let (_, report) = check_json(folder.path());
    let errors = decision_errors(&report);
    assert!(
        errors
            .iter()
            .any(|e| e.0 == "QT-4" && e.1 == "tran-thi-binh"),
        "{errors:#?}"
    );
}

/// How a checked plan cites rule `id`.
fn cited(report: &serde_json::Value, id: &str) -> String {
    report["ket_qua"]["tieu_chi"]
        .as_array()
        .expect("the plan's rules")
        .iter()
        .find(|r| r["ma"] == id)
        .and_then(|r| r["nguon"].as_str())
        .unwrap_or_else(|| panic!("{id} not cited"))
        .to_owned()
}

#[test]
fn a_rule_cites_the_section_the_plan_names_else_the_plan_or_the_law() {
    let folder = Folder::small();
    folder.edit(
        "ca-nhan/pham-thi-dung.yaml",
        "xep_loai: hoan_thanh_xuat_sac",
        "xep_loai: hoan_thanh_tot",
    );
    let (_, report) = check_json(folder.path());
    assert_eq!(cited(&report, "CN-1"), "Mục II.1.3");
    let errors = decision_errors(&report);
    assert!(
        errors
            .iter()
            .any(|e| e.0 == "CN-1" && e.3.ends_with("(Mục II.1.3)")),
        "{errors:#?}"
    );

    // A plan that names no section is cited as the plan; the law's rules
    // name the law of the plan's year and its article.
    let sections = folder.read("ke-hoach.yaml");
    let start = sections
        .find("trich_dan:")
        .expect("the fixture names its sections");
    let end = start + sections[start..].find("\n\n").expect("a blank line after");
    folder.write(
        "ke-hoach.yaml",
        format!("{}{}", &sections[..start], &sections[end + 2..]),
    );
    let (_, report) = check_json(folder.path());
    assert_eq!(cited(&report, "CN-1"), "Kế hoạch");
    assert_eq!(cited(&report, "QT-3"), "Kế hoạch");
    assert!(
        cited(&report, "KL-1").starts_with("Luật Thi đua, khen thưởng năm 2003")
            && cited(&report, "KL-1").ends_with("Điều 24 (tiêu chuẩn Lao động tiên tiến)"),
        "{}",
        cited(&report, "KL-1")
    );
    assert_eq!(cited(&report, "QT-4"), "quy chế làm việc của Hội đồng");
    assert!(
        decision_errors(&report)
            .iter()
            .any(|e| e.0 == "CN-1" && e.3.ends_with("(Kế hoạch)")),
    );

    // The clerk corrects any citation, a law's too; a rule that does not
    // exist is refused with the ids there are.
    folder.edit(
        "ke-hoach.yaml",
        "hoi_dong:\n",
        "trich_dan:\n  KL-1: Điều 6 Quy chế thi đua, khen thưởng của cơ quan\n  KL-9: Điều 7\nhoi_dong:\n",
    );
    let (code, report) = check_json(folder.path());
    assert_eq!(code, 1);
    assert_eq!(
        cited(&report, "KL-1"),
        "Điều 6 Quy chế thi đua, khen thưởng của cơ quan"
    );
    let refused = common::data_errors(&report);
    assert_eq!(refused.len(), 1, "{refused:#?}");
    assert_eq!(refused[0]["truong"], "trich_dan.KL-9", "{refused:#?}");
    let message = refused[0]["thong_bao"].as_str().unwrap_or_default();
    assert!(message.contains("KL-1, QT-2"), "{message}");
}

#[test]
fn a_proposed_candidate_without_written_achievements_is_a_note() {
    let records = Folder::copy_of(&example_plan());
    let file = "ca-nhan/le-thi-thu-huong.yaml";
    let text: String = records
        .read(file)
        .lines()
        .filter(|l| !l.starts_with("thanh_tich"))
        .map(|l| format!("{l}\n"))
        .collect();
    records.write(file, text);
    let (code, report) = check_json(records.path());
    assert_eq!(code, 0, "a note, not an error: {report}");
    let notes = report["ket_qua"]["luu_y"].as_array().expect("notes");
    assert!(
        notes
            .iter()
            .any(|n| n["tep"] == file && n["truong"] == "thanh_tich"),
        "{notes:?}"
    );
}

#[test]
fn more_votes_than_members_shows_no_percentage_over_a_hundred() {
    let records = Folder::copy_of(&example_plan());
    records.edit(
        "cuoc-hop/2020-03-10-lua-chon.yaml",
        "phieu_hop_le: 8, dong_y: 8",
        "phieu_hop_le: 8, dong_y: 12",
    );
    let out = common::tdkt(&["check", "--records", &records.path().to_string_lossy()]);
    let text = common::stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("12/9 (quá số)"), "{text}");
    assert!(!text.contains("133,3 %"), "{text}");
}

/// The example plan without its own criteria (Mục II.1): only the law's.
/// Its text goes too (it states the criteria; this plan was not printed).
fn plan_without_criteria() -> Folder {
    let records = Folder::copy_of(&example_plan());
    let whole = records.read("ke-hoach.yaml");
    let (plan, _text) = whole
        .split_once("\n# Văn bản của kế hoạch")
        .expect("the example plan has its text last");
    let plan: String = plan
        .split("\nchi_tieu:")
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part.split("\ntieu_chuan:")
                    .next()
                    .unwrap_or(part)
                    .to_owned()
                    + "\n# Mục III.3"
            } else {
                format!("\nchi_tieu:{part}")
            }
        })
        .collect();
    records.write("ke-hoach.yaml", plan);
    records
}

#[test]
fn criteria_follow_the_title_registered_for_and_the_law_of_the_year() {
    let records = plan_without_criteria();
    assert!(!records.read("ke-hoach.yaml").contains("tieu_chuan"));
    // She is put to the year-end vote, and not chosen.
    records.edit(
        "cuoc-hop/2020-12-15-binh-xet.yaml",
        "  - { ung_vien: vu-minh-duc",
        "  - { ung_vien: pham-thi-ngoc-anh, phieu_phat_ra: 9, phieu_thu_ve: 9, phieu_hop_le: 9, \
         dong_y: 2, duoc_chon: false }\n  - { ung_vien: vu-minh-duc",
    );
    let (_, report) = check_json(records.path());
    // Lao động tiên tiến, "hoàn thành tốt": meets the law (Điều 24); the
    // plan states no criteria of its own, so CN-1 and CN-2 do not apply.
    let anh = "pham-thi-ngoc-anh";
    assert_eq!(verdict(&report, "cuoi_nam", anh, "DH-1").0, "dat");
    let rules = report["ket_qua"]["tieu_chi"].to_string();
    let row = report["ket_qua"]["giai_doan"].to_string();
    for own in ["\"CN-1\"", "\"CN-2\""] {
        assert!(!rules.contains(own) && !row.contains(own), "{own} listed");
    }
    // Chiến sĩ thi đua cơ sở in 2020 (Luật 2003): an initiative is needed,
    // "hoàn thành xuất sắc" alone is not enough.
    let (result, why, _) = verdict(&report, "cuoi_nam", "vu-minh-duc", "DH-1");
    assert_eq!(result, "khong_dat");
    assert!(
        why.contains("năm 2003") && why.contains("sáng kiến"),
        "{why}"
    );

    // The same year's records under the 2022 law (a 2024 plan): "hoàn
    // thành xuất sắc" suffices.
    records.edit("ke-hoach.yaml", "nam: 2020", "nam: 2024");
    let (_, report) = check_json(records.path());
    assert_eq!(verdict(&report, "cuoi_nam", "vu-minh-duc", "DH-1").0, "dat");
    // "hoàn thành nhiệm vụ" is below Lao động tiên tiến whatever the year.
    records.edit(
        &format!("ca-nhan/{anh}.yaml"),
        "xep_loai: hoan_thanh_tot",
        "xep_loai: hoan_thanh",
    );
    let (_, report) = check_json(records.path());
    let (result, why, _) = verdict(&report, "cuoi_nam", anh, "DH-1");
    assert_eq!(result, "khong_dat");
    assert!(
        why.contains("06/2022/QH15") && why.contains("hoàn thành tốt"),
        "{why}"
    );
}

/// A quota the plan does not set is no quota: the year-end choice of more
/// units than the seed's one is no error, and the ballot sets no maximum.
#[test]
fn a_stage_without_a_quota_in_the_plan_has_none() {
    let folder = Folder::small();
    folder.edit(
        "ke-hoach.yaml",
        "  cuoi_nam: { tap_the: 1, ca_nhan: 2 }\n",
        "",
    );
    // Both units selected in the fixture are now chosen at year end.
    let year_end = folder.read(YEAR_END);
    let both = year_end.replacen(
        "dong_y: 1, duoc_chon: false",
        "dong_y: 2, duoc_chon: true",
        1,
    );
    assert_ne!(year_end, both);
    folder.write(YEAR_END, &both);
    let (_, report) = check_json(folder.path());
    let errors = decision_errors(&report);
    assert!(
        !errors.iter().any(|e| e.3.contains("chỉ tiêu")),
        "{errors:#?}"
    );
    let out = common::built(&folder);
    let ballot = common::pdf::flat_text(&out.path().join("2020/phieu-bau/binh-xet.pdf"));
    assert!(!ballot.contains("không quá"), "{ballot}");
    let ballot = common::pdf::flat_text(&out.path().join("2020/phieu-bau/lua-chon.pdf"));
    assert!(
        ballot.contains("Hội đồng chọn không quá 02 tập thể và 03 cá nhân"),
        "{ballot}"
    );
}

/// The ids of the candidates a stage lists.
fn listed(report: &serde_json::Value, stage: &str) -> Vec<String> {
    report["ket_qua"]["giai_doan"]
        .as_array()
        .expect("stages")
        .iter()
        .find(|s| s["giai_doan"] == stage)
        .and_then(|s| s["ung_vien"].as_array())
        .unwrap_or_else(|| panic!("no stage {stage}"))
        .iter()
        .filter_map(|r| r["id"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn the_year_end_lists_those_on_its_ballot_only() {
    let folder = Folder::small();
    folder.edit(
        YEAR_END,
        "  - { ung_vien: le-van-cuong, phieu_phat_ra: 2, phieu_thu_ve: 2, phieu_hop_le: 2, dong_y: 1, duoc_chon: false }\n",
        "",
    );
    let (_, report) = check_json(folder.path());
    let year_end = listed(&report, "cuoi_nam");
    assert_eq!(
        year_end,
        ["phong-a", "phong-b", "tran-thi-binh", "pham-thi-dung"]
    );
    // He registered all the same.
    assert!(listed(&report, "dang_ky").contains(&"le-van-cuong".to_owned()));

    // Before the vote is recorded, the ballot is who the selection chose.
    folder.edit(
        SELECTION,
        "ung_vien: le-van-cuong, phieu_phat_ra: 3, phieu_thu_ve: 3, phieu_hop_le: 3, dong_y: 2, duoc_chon: true",
        "ung_vien: le-van-cuong, phieu_phat_ra: 3, phieu_thu_ve: 3, phieu_hop_le: 3, dong_y: 2, duoc_chon: false",
    );
    let text = folder.read(YEAR_END);
    let votes = text.find("bieu_quyet:").expect("votes");
    let end = text.find("ket_luan:").expect("conclusion");
    folder.write(
        YEAR_END,
        format!("{}bieu_quyet: []\n{}", &text[..votes], &text[end..]),
    );
    let (_, report) = check_json(folder.path());
    assert_eq!(
        listed(&report, "cuoi_nam"),
        ["phong-a", "phong-b", "tran-thi-binh", "pham-thi-dung"]
    );
}

#[test]
fn check_names_the_selection_by_the_plan_s_own_words() {
    let folder = Folder::small();
    let text = |folder: &Folder| {
        common::stdout(&common::tdkt(&[
            "check",
            "--records",
            &folder.path().to_string_lossy(),
        ]))
    };
    assert!(text(&folder).contains("II. LỰA CHỌN ĐIỂN HÌNH TIÊN TIẾN"));
    folder.edit("ke-hoach.yaml", "danh_xung: điển hình tiên tiến\n", "");
    let plain = text(&folder);
    assert!(plain.contains("II. LỰA CHỌN ĐẦU NĂM"), "{plain}");
    assert!(!plain.contains("ĐIỂN HÌNH"), "{plain}");
}
