//! Record text is data, never code: whatever a name, a position or a
//! commitment holds, every document renders and reads back that very text,
//! and nothing in it runs as Typst.

mod common;

use common::pdf;
use common::{Folder, build, files, stdout};
use proptest::prelude::*;

const BINH: &str = "ca-nhan/tran-thi-binh.yaml";

/// The documents that show Bình's name: her form, the list, both minutes,
/// the proposal.
const NAMED: &[&str] = &[
    "2020/dang-ky/ca-nhan/tran-thi-binh.pdf",
    "2020/dang-ky/danh-sach.pdf",
    "2020/bien-ban/lua-chon.pdf",
    "2020/bien-ban/binh-xet.pdf",
    "2020/to-trinh/de-nghi.pdf",
];

/// The text without white space and without the zero-width spaces the
/// escaper adds to let long runs wrap: what a reader sees, letter by letter.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200B}')
        .collect()
}

fn yaml_string(s: &str) -> String {
    // A JSON string is a YAML double-quoted scalar.
    serde_json::to_string(s).expect("a string")
}

/// Puts the three values into Bình's record, builds, and checks every
/// document that shows them.
fn renders_exactly(name: &str, position: &str, commitment: &str) -> Result<(), TestCaseError> {
    let folder = Folder::small();
    folder.edit(
        BINH,
        "ho_ten: Trần Thị Bình",
        &format!("ho_ten: {}", yaml_string(name)),
    );
    folder.edit(
        BINH,
        "chuc_vu: Chuyên viên",
        &format!("chuc_vu: {}", yaml_string(position)),
    );
    folder.edit(
        BINH,
        "  cam_ket: Hoàn thành xuất sắc nhiệm vụ.",
        &format!("  cam_ket: {}", yaml_string(commitment)),
    );
    let out = tempfile::TempDir::new().expect("temp dir");
    let run = build(folder.path(), out.path());
    prop_assert!(
        run.status.success(),
        "build failed for {name:?} / {position:?} / {commitment:?}:\n{}",
        stdout(&run)
    );
    let name_sq = squash(name.trim());
    for doc in NAMED {
        let file = out.path().join(doc);
        prop_assert!(file.exists(), "{doc} missing; have {:?}", files(out.path()));
        let text = squash(&pdf::raw_text(&file));
        prop_assert!(
            text.contains(&name_sq),
            "{doc}: name {name:?} not read back in {text}"
        );
    }
    let form = squash(&pdf::raw_text(&out.path().join(NAMED[0])));
    prop_assert!(
        form.contains(&squash(position.trim())),
        "position {position:?} not read back in {form}"
    );
    prop_assert!(
        form.contains(&squash(commitment.trim())),
        "commitment {commitment:?} not read back in {form}"
    );
    let list = squash(&pdf::raw_text(&out.path().join(NAMED[1])));
    prop_assert!(
        list.contains(&squash(position.trim())),
        "position {position:?} not in the list"
    );
    Ok(())
}

/// Pieces that mean something to Typst, to minijinja or to a layout.
fn piece(multiline: bool) -> impl Strategy<Value = String> {
    let mut pieces: Vec<&'static str> = vec![
        "#",
        "$",
        "*",
        "_",
        "`",
        "\\",
        "<",
        ">",
        "@",
        "=",
        "-",
        "+",
        "/",
        "[",
        "]",
        "~",
        "'",
        "\"",
        "{",
        "}",
        "(",
        ")",
        ";",
        ":",
        ",",
        ".",
        "//",
        "/*",
        "*/",
        "1.",
        "- ",
        "+ ",
        "= ",
        "#set page(width: 1cm)",
        "#panic(\"x\")",
        "#read(\"/etc/passwd\")",
        "#import \"/the-thuc.typ\": *",
        "$x^2$",
        "<nhan>",
        "@nhan",
        "http://x.vn",
        "{{ ho_ten }}",
        "{% if true %}",
        "--",
        "...",
        "\\u{41}",
        "Nguyễn",
        "Thị",
        "Đặng",
        "ƯỚC",
        " ",
        "a",
        "Ddddddddddddddddddddddddddddddddddddddddddddddddddddddd",
    ];
    if multiline {
        pieces.extend(["\n", "\n1. ", "\n= ", "\n- ", "\n\n"]);
    }
    prop::sample::select(pieces).prop_map(str::to_owned)
}

fn value(multiline: bool) -> impl Strategy<Value = String> {
    // A letter first: a value may not be empty once trimmed.
    prop::collection::vec(piece(multiline), 1..10).prop_map(|parts| format!("A{}", parts.concat()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_renders_as_text(name in value(false), position in value(false), commitment in value(true)) {
        renders_exactly(&name, &position, &commitment)?;
    }
}

#[test]
fn typst_code_in_a_record_stays_text() {
    let code = "#read(\"/etc/passwd\") #set page(width: 2cm) ] #panic(\"boom\") // /* 1. = x";
    renders_exactly(
        code,
        "#import \"/the-thuc.typ\": *",
        "Dòng một\n1. dòng hai\n= dòng ba\n- dòng bốn",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // Nothing of the file it named reached a page.
    let folder = Folder::small();
    folder.edit(
        BINH,
        "ho_ten: Trần Thị Bình",
        &format!("ho_ten: {}", yaml_string(code)),
    );
    let out = tempfile::TempDir::new().expect("temp dir");
    assert!(build(folder.path(), out.path()).status.success());
    let text = pdf::text(&out.path().join(NAMED[0]));
    assert!(!text.contains("root:"), "{text}");
    let info = pdf::info(&out.path().join(NAMED[0]));
    assert!(info.contains("(A4)"), "the page keeps its size: {info}");
}
