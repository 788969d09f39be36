//! Hostile and careless input (issue #10): no crash, no text disguised, no
//! unbounded time or memory; every refusal names the file, the field where
//! it can, the line and column, in Vietnamese, and exits 1.

mod common;

use std::time::{Duration, Instant};

use common::{Folder, build, check_json, data_errors, message, only_error, place, stdout};
use serde_json::Value;

const BINH: &str = "ca-nhan/tran-thi-binh.yaml";

/// `check` on the folder, which must finish within `limit`.
fn one_error_within(folder: &Folder, limit: Duration) -> Value {
    let started = Instant::now();
    let e = only_error(folder.path());
    assert!(
        started.elapsed() < limit,
        "took {:?}, more than {limit:?}",
        started.elapsed()
    );
    e
}

#[test]
fn bidirectional_and_invisible_characters_are_refused_where_they_stand() {
    let folder = Folder::small();
    folder.edit(
        BINH,
        "chuc_vu: Chuyên viên",
        "chuc_vu: \"Chuyên viên (30/9/\u{202E}2020)\"",
    );
    let e = only_error(folder.path());
    assert_eq!(place(&e), (BINH.into(), "chuc_vu".into(), 4, 1), "{e}");
    assert!(message(&e).contains("ký tự vô hình U+202E"), "{e}");

    let folder = Folder::small();
    folder.edit(
        BINH,
        "ho_ten: Trần Thị Bình",
        "ho_ten: Trần Thị\u{200B} Bình",
    );
    let e = only_error(folder.path());
    assert_eq!(place(&e).1, "ho_ten");
    assert!(message(&e).contains("U+200B"), "{e}");
}

#[test]
fn a_huge_value_is_refused_quickly_with_its_field() {
    let folder = Folder::small();
    let name = "Bình".repeat(200_000);
    folder.edit(BINH, "ho_ten: Trần Thị Bình", &format!("ho_ten: {name}"));
    let e = one_error_within(&folder, Duration::from_secs(20));
    assert_eq!(place(&e).1, "ho_ten", "{e}");
    assert!(message(&e).contains("quá giới hạn 300 ký tự"), "{e}");
}

#[test]
fn a_file_over_the_limit_is_refused_with_its_size_unparsed() {
    let folder = Folder::small();
    let padding = format!("# {}\n", "x".repeat(80)).repeat(15_000);
    folder.write(BINH, format!("{}{padding}", folder.read(BINH)));
    let e = one_error_within(&folder, Duration::from_secs(10));
    assert_eq!(place(&e).0, BINH);
    assert!(message(&e).contains("quá giới hạn 1048576 byte"), "{e}");
}

#[test]
fn deep_nesting_neither_crashes_nor_crawls() {
    let folder = Folder::small();
    folder.write("ca-nhan/long.yaml", format!("{}x\n", "- ".repeat(40_000)));
    let e = one_error_within(&folder, Duration::from_secs(10));
    assert_eq!(place(&e).0, "ca-nhan/long.yaml");
    assert!(message(&e).contains("lồng nhau quá 20 tầng"), "{e}");
}

#[test]
fn anchors_and_aliases_cannot_amplify_a_file() {
    let folder = Folder::small();
    let aliases = "*s, ".repeat(10_000);
    folder.edit(
        BINH,
        "chuc_vu: Chuyên viên",
        &format!("chuc_vu: &s Chuyên viên\nghi_chu: [{aliases}]"),
    );
    let e = one_error_within(&folder, Duration::from_secs(10));
    assert_eq!((place(&e).0, place(&e).2), (BINH.into(), 4), "{e}");
    assert!(message(&e).contains("neo YAML"), "{e}");
}

#[test]
fn null_is_an_empty_value_and_tags_are_refused() {
    let folder = Folder::small();
    folder.edit(BINH, "chuc_vu: Chuyên viên", "chuc_vu: ~");
    let e = only_error(folder.path());
    assert_eq!(place(&e).1, "chuc_vu", "{e}");
    assert!(message(&e).contains("giá trị đang để trống"), "{e}");

    let folder = Folder::small();
    folder.edit(BINH, "chuc_vu: Chuyên viên", "chuc_vu: !!binary Q2h1");
    let e = only_error(folder.path());
    assert_eq!(place(&e).2, 4, "{e}");
    assert!(message(&e).contains("thẻ YAML (`!!binary`)"), "{e}");
}

#[test]
fn years_out_of_range_and_ids_that_start_badly_are_refused() {
    let folder = Folder::small();
    folder.edit("ke-hoach.yaml", "nam: 2020", "nam: -1");
    let (code, report) = check_json(folder.path());
    assert_eq!(code, 1);
    let errors = data_errors(&report);
    assert!(
        errors
            .iter()
            .any(|e| e["truong"] == "nam" && message(e).contains("năm -1 của kế hoạch")),
        "{errors:#?}"
    );
    let out = tempfile::TempDir::new().expect("temp dir");
    let run = build(folder.path(), out.path());
    assert_eq!(run.status.code(), Some(1));
    assert!(!out.path().join("-1").exists(), "{}", stdout(&run));

    let folder = Folder::small();
    folder.write("ca-nhan/-.yaml", folder.read(BINH));
    let (_, report) = check_json(folder.path());
    let errors = data_errors(&report);
    assert!(
        errors.iter().any(
            |e| e["tep"] == "ca-nhan/-.yaml" && message(e).contains("bắt đầu bằng chữ hoặc số")
        ),
        "{errors:#?}"
    );

    let folder = Folder::small();
    folder.edit(BINH, "ngay: 2020-02-27", "ngay: 0001-02-27");
    let e = only_error(folder.path());
    assert!(message(&e).contains("ngoài khoảng 1900–2100"), "{e}");
}

#[test]
fn hidden_files_of_the_repository_are_not_records() {
    let folder = Folder::small();
    folder.write(".gitlab-ci.yml", "test:\n  script: [cargo test]\n");
    folder.write(".pre-commit-config.yaml", "repos: []\n");
    folder.write(".github/workflows/ci.yml", "on: push\n");
    let (code, report) = check_json(folder.path());
    assert_eq!(code, 0, "{report:#}");
}

#[cfg(unix)]
#[test]
fn a_linked_record_is_named_and_not_read() {
    let folder = Folder::small();
    let elsewhere = tempfile::TempDir::new().expect("temp dir");
    let target = elsewhere.path().join("tran-thi-binh.yaml");
    std::fs::write(&target, folder.read(BINH)).expect("write");
    folder.remove(BINH);
    std::os::unix::fs::symlink(&target, folder.path().join(BINH)).expect("symlink");
    let (code, report) = check_json(folder.path());
    assert_eq!(code, 1);
    let errors = data_errors(&report);
    assert_eq!(
        errors.len(),
        1,
        "only the link, no dangling references: {errors:#?}"
    );
    assert_eq!(errors[0]["tep"], BINH);
    assert!(
        message(&errors[0]).contains("liên kết (symbolic link)"),
        "{errors:#?}"
    );
}

#[test]
fn messages_stand_at_the_right_place_in_vietnamese() {
    let mut seen = Vec::new();
    let mut case = |from: &str, to: &str| {
        let folder = Folder::small();
        folder.edit(BINH, from, to);
        let e = only_error(folder.path());
        seen.push(message(&e));
        e
    };
    // A NUL byte: its line and column, not a byte offset.
    let e = case("gioi_tinh: nu", "gioi_tinh: n\0u");
    assert_eq!((place(&e).2, place(&e).3), (2, 13), "{e}");
    assert!(message(&e).contains("U+0000"), "{e}");
    assert!(!message(&e).contains("position"), "{e}");
    // A tab: the line it stands on, under no field of another line.
    let e = case("gioi_tinh: nu", "gioi_tinh: nu\n\tnam_sinh2: 1");
    assert_eq!(place(&e), (BINH.into(), String::new(), 3, 1), "{e}");
    assert!(message(&e).contains("ký tự tab"), "{e}");
    // A key written twice: the second copy.
    let e = case("gioi_tinh: nu", "gioi_tinh: nu\ngioi_tinh: nam");
    assert_eq!(place(&e), (BINH.into(), "gioi_tinh".into(), 3, 1), "{e}");
    // A list where a key should be.
    let e = case("gioi_tinh: nu", "gioi_tinh: nu\n? [a]\n: b");
    assert!(message(&e).contains("ở đây cần một khóa"), "{e}");
    // A number too large for any type.
    let e = case("nam_sinh: 1985", "nam_sinh: 99999999999999999999999");
    assert!(
        message(&e).ends_with("gặp số 99999999999999999999999"),
        "{e}"
    );
    // A key with backticks in it.
    let e = case("gioi_tinh: nu", "gioi_tinh: nu\n\"a`b`c\": 1");
    assert_eq!(place(&e).1, "a`b`c", "{e}");
    assert!(message(&e).contains("khóa `a`b`c` không có"), "{e}");
    for m in seen {
        for english in [
            "expected",
            "invalid",
            "unknown",
            "as u128",
            "identifier",
            "position",
        ] {
            assert!(!m.contains(english), "English left in {m}");
        }
    }
}

#[test]
fn foreign_and_symbol_text_passes_and_legacy_vietnamese_is_decoded() {
    for text in [
        "200 m²",
        "§ 3",
        "½ ngày",
        "Köln",
        "Müller",
        "Peña",
        "© 2020",
        "« trích »",
    ] {
        let folder = Folder::small();
        folder.edit(
            BINH,
            "chuc_vu: Chuyên viên",
            &format!("chuc_vu: \"Chuyên viên {text}\""),
        );
        let (code, report) = check_json(folder.path());
        assert_eq!(code, 0, "{text}: {:#?}", data_errors(&report));
    }
    for (raw, unicode) in [
        ("Voõ Thò Dung", "Võ Thị Dung"),
        ("Traàn Thò Thuùy", "Trần Thị Thúy"),
        ("Ng\u{AD}êi ®¨ng ký", "Người đăng ký"),
    ] {
        let folder = Folder::small();
        folder.edit(BINH, "ho_ten: Trần Thị Bình", &format!("ho_ten: {raw}"));
        let e = only_error(folder.path());
        assert_eq!(place(&e).1, "ho_ten", "{e}");
        assert!(message(&e).contains(&format!("\"{unicode}\"")), "{e}");
    }
}
