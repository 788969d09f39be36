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
/// Double quotation marks are printed as print sets them (“ ” and, inside,
/// ‘ ’): every kind reads back as one `"` — a typographic change, not a
/// letter lost.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200B}')
        .map(|c| if "“”‘’".contains(c) { '"' } else { c })
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

/// Every other text field a document prints, each given its own arbitrary
/// value: each is read back, letter for letter, from every document that
/// shows it — or the build refuses it and names the field.
fn every_field_reads_back(values: &[String; 11]) -> Result<bool, TestCaseError> {
    let folder = Folder::small();
    let [
        unit,
        unit_commitment,
        target,
        achievement,
        place,
        conclusion,
        reason,
        opinion,
        form,
        to,
        enclosed,
    ] = values;
    let q = |v: &str| yaml_string(v);
    let a = "tap-the/phong-a.yaml";
    folder.edit(
        a,
        "ten: Phòng Tổ chức đảng - Đảng viên",
        &format!("ten: {}", q(unit)),
    );
    folder.edit(
        a,
        "  cam_ket: Hoàn thành xuất sắc nhiệm vụ được giao.",
        &format!("  cam_ket: {}", q(unit_commitment)),
    );
    folder.edit(
        a,
        "chi_tieu: [Chi bộ đạt trong sạch, vững mạnh]",
        &format!("chi_tieu: [{}]", q(target)),
    );
    folder.edit(
        a,
        "thanh_tich: Tham mưu chất lượng công tác tổ chức đại hội đảng bộ các cấp.",
        &format!("thanh_tich: {}", q(achievement)),
    );
    let m = "cuoc-hop/binh-xet.yaml";
    folder.edit(
        m,
        "dia_diem: Phòng họp tầng 3",
        &format!("dia_diem: {}", q(place)),
    );
    folder.edit(
        m,
        "ket_luan: Hội đồng thống nhất đề nghị khen thưởng 01 tập thể và 02 cá nhân.",
        &format!("ket_luan: {}", q(conclusion)),
    );
    folder.edit(m, "ly_do: đi công tác", &format!("ly_do: {}", q(reason)));
    folder.edit(
        m,
        "y_kien: Nhất trí với đề xuất của Hội đồng.",
        &format!("y_kien: {}", q(opinion)),
    );
    let p = "to-trinh/de-nghi.yaml";
    folder.edit(
        p,
        "hinh_thuc: Giấy khen của Trưởng Ban Tổ chức Tỉnh ủy",
        &format!("hinh_thuc: {}", q(form)),
    );
    folder.edit(
        p,
        "kinh_gui: [Đồng chí Trưởng Ban Tổ chức Tỉnh ủy]",
        &format!("kinh_gui: [{}]", q(to)),
    );
    folder.edit(
        p,
        "kem_theo: [Biên bản họp Hội đồng ngày 15/12/2020]",
        &format!("kem_theo: [{}]", q(enclosed)),
    );
    let out = tempfile::TempDir::new().expect("temp dir");
    let run = build(folder.path(), out.path());
    let text = stdout(&run);
    if !run.status.success() {
        // A refusal is allowed only when it names the field it refuses.
        prop_assert!(
            text.contains("trường `"),
            "refused without a field:\n{text}"
        );
        return Ok(false);
    }
    let read = |doc: &str| squash(&pdf::raw_text(&out.path().join(doc)));
    let unit_form = read("2020/dang-ky/tap-the/phong-a.pdf");
    let minutes = read("2020/bien-ban/binh-xet.pdf");
    let proposal = read("2020/to-trinh/de-nghi.pdf");
    let list = read("2020/dang-ky/danh-sach.pdf");
    let shows = [
        (unit, vec![&unit_form, &minutes, &proposal, &list]),
        (unit_commitment, vec![&unit_form]),
        (target, vec![&unit_form]),
        (achievement, vec![&proposal]),
        (place, vec![&minutes]),
        (conclusion, vec![&minutes]),
        (reason, vec![&minutes]),
        (opinion, vec![&minutes]),
        (form, vec![&proposal]),
        (to, vec![&proposal]),
        (enclosed, vec![&proposal]),
    ];
    for (value, docs) in shows {
        let wanted = squash(value.trim());
        for doc in docs {
            prop_assert!(doc.contains(&wanted), "{value:?} not read back in {doc}");
        }
    }
    Ok(true)
}

fn eleven_values() -> impl Strategy<Value = [String; 11]> {
    (
        (value(false), value(true), value(false), value(true)),
        (value(false), value(true), value(false), value(true)),
        (value(false), value(false), value(false)),
    )
        .prop_map(|((a, b, c, d), (e, f, g, h), (i, j, k))| [a, b, c, d, e, f, g, h, i, j, k])
}

/// Six cases of eleven values, each put in its field and read back from
/// the PDFs. A case may be refused (with the field named), but a run in
/// which every case was refused tested nothing, and fails.
#[test]
fn every_printed_text_field_renders_as_text() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 6,
        ..ProptestConfig::default()
    });
    let accepted = std::cell::Cell::new(0);
    let result = runner.run(&eleven_values(), |values| {
        if every_field_reads_back(&values)? {
            accepted.set(accepted.get() + 1);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    assert!(
        accepted.get() > 0,
        "every case was refused: no value was read back"
    );
}

#[test]
fn typst_code_in_every_printed_field_is_rendered_as_text() {
    let code = [
        "#panic(\"x\") ] $x$",
        "Dòng một\n1. hai\n= ba",
        "// chú thích /* */",
        "{{ ho_ten }} {% if true %}",
        "<nhan> @nhan *đậm* _nghiêng_",
        "#set page(width: 1cm)",
        "\\ ` ~ ' \"",
        "#import \"/the-thuc.typ\": *",
        "- gạch + cộng = ba",
        "http://x.vn",
        "Ddddddddddddddddddddddddddddddddddddd",
    ]
    .map(str::to_owned);
    let rendered = every_field_reads_back(&code).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        rendered,
        "these values are text a record may hold: the build must render them"
    );
}
