//! `tdkt build` as a clerk meets it: what is rendered, what is not and why,
//! and that a failed build never harms a good file.

mod common;

use std::fs;
use std::path::Path;

use common::{Folder, build, files, stdout, tdkt};

const BINH: &str = "ca-nhan/tran-thi-binh.yaml";
const BINH_PDF: &str = "2020/dang-ky/ca-nhan/tran-thi-binh.pdf";

#[test]
fn the_small_fixture_builds_every_document() {
    let folder = Folder::small();
    let out = tempfile::TempDir::new().expect("temp dir");
    let run = build(folder.path(), out.path());
    assert!(run.status.success(), "{}", stdout(&run));
    let mut expected: Vec<String> = common::SMALL_DOCUMENTS
        .iter()
        .map(|d| format!("2020/{d}.pdf"))
        .collect();
    expected.push(".tdkt-manifest.json".into());
    // The lists' spreadsheets beside their PDFs (#27.4).
    expected.push("2020/dang-ky/danh-sach.xlsx".into());
    expected.push("2020/to-trinh/de-nghi.xlsx".into());
    expected.sort();
    let have: Vec<String> = files(out.path())
        .iter()
        .map(|f| f.display().to_string())
        .collect();
    assert_eq!(have, expected);
    assert!(
        stdout(&run).contains(&common::small_built()),
        "{}",
        stdout(&run)
    );
    // Readable by everyone who may read the folder, like any saved file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let pdf = out.path().join("2020/to-trinh/de-nghi.pdf");
        let mode = fs::metadata(pdf).expect("pdf").permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
    }
}

#[test]
fn a_character_the_font_lacks_names_the_record_and_field_and_makes_no_pdf() {
    let folder = Folder::small();
    folder.edit(BINH, "ho_ten: Trần Thị Bình", "ho_ten: Trần Thị Bình 😀");
    folder.edit(
        "ca-nhan/le-van-cuong.yaml",
        "chuc_vu: Chuyên viên",
        "chuc_vu: Chuyên viên 中",
    );
    let out = tempfile::TempDir::new().expect("temp dir");
    let run = build(folder.path(), out.path());
    assert_eq!(run.status.code(), Some(1));
    let text = stdout(&run);
    assert!(
        text.contains("ca-nhan/tran-thi-binh.yaml:1:9: trường `ho_ten`: ký tự \"😀\" (U+1F600) không có trong phông chữ Liberation Serif"),
        "{text}"
    );
    assert!(
        text.contains("ca-nhan/le-van-cuong.yaml:4:10: trường `chuc_vu`: ký tự \"中\" (U+4E2D)"),
        "{text}"
    );
    assert!(
        !out.path().join(BINH_PDF).exists(),
        "no PDF for a record the font cannot print"
    );
    // Documents that do not show her are still made.
    assert!(out.path().join("2020/dang-ky/tap-the/phong-a.pdf").exists());
    assert!(
        text.contains(
            "2020/dang-ky/ca-nhan/tran-thi-binh.pdf: bản ghi có lỗi: ca-nhan/tran-thi-binh.yaml"
        ),
        "{text}"
    );
}

#[test]
fn documents_that_depend_on_an_invalid_record_are_skipped_and_named() {
    let folder = Folder::small();
    folder.edit(BINH, "nam_sinh: 1985", "nam_sinh: năm tám lăm");
    let out = tempfile::TempDir::new().expect("temp dir");
    let run = build(folder.path(), out.path());
    assert_eq!(run.status.code(), Some(1));
    let text = stdout(&run);
    // Everything that shows Bình waits (her own form cannot even be planned
    // until her record reads), and so does every form that names the leader
    // in charge of a unit: her unreadable file may be that leader's. The
    // rest is made.
    assert!(!out.path().join(BINH_PDF).exists());
    for skipped in [
        "2020/dang-ky/tap-the/phong-a.pdf",
        "2020/dang-ky/tap-the/phong-b.pdf",
        "2020/dang-ky/ca-nhan/pham-thi-dung.pdf",
        "2020/dang-ky/danh-sach.pdf",
        "2020/bien-ban/lua-chon.pdf",
        "2020/bien-ban/binh-xet.pdf",
        "2020/to-trinh/de-nghi.pdf",
    ] {
        assert!(
            text.contains(&format!(
                "{skipped}: bản ghi có lỗi: ca-nhan/tran-thi-binh.yaml"
            )),
            "{skipped} in:\n{text}"
        );
        assert!(!out.path().join(skipped).exists());
    }
    // Cường's form and the achievement reports of the others proposed
    // read nothing of hers: they are made.
    assert!(text.contains("Đã lập 3 văn bản"), "{text}");
    for made in [
        "2020/dang-ky/ca-nhan/le-van-cuong.pdf",
        "2020/bao-cao-thanh-tich/pham-thi-dung.pdf",
        "2020/bao-cao-thanh-tich/phong-a.pdf",
    ] {
        assert!(out.path().join(made).exists(), "{made}: {text}");
    }
    assert!(text.contains("trường `nam_sinh`"), "{text}");
}

#[test]
fn a_decision_that_does_not_stand_keeps_its_minutes_and_proposal_from_print() {
    let folder = Folder::small();
    folder.edit(BINH, "    cong_nhan: { so: 01-QĐ/HĐSK, ngay: 2020-11-20, co_quan: Hội đồng sáng kiến cơ quan }\n", "");
    let out = tempfile::TempDir::new().expect("temp dir");
    let run = build(folder.path(), out.path());
    assert_eq!(run.status.code(), Some(1));
    let text = stdout(&run);
    assert!(text.contains("cuoc-hop/binh-xet.yaml:12:95: trường `bieu_quyet[2].duoc_chon`: [CN-2] Hội đồng chọn Trần Thị Bình"), "{text}");
    assert!(!out.path().join("2020/bien-ban/binh-xet.pdf").exists());
    assert!(!out.path().join("2020/to-trinh/de-nghi.pdf").exists());
    assert!(
        out.path().join("2020/bien-ban/lua-chon.pdf").exists(),
        "the selection stands: {text}"
    );
}

/// The templates, with `from` replaced by `to` in `file`.
fn templates_with(file: &str, from: &str, to: &str) -> tempfile::TempDir {
    let templates = tempfile::TempDir::new().expect("temp dir");
    copy_templates(templates.path());
    let path = templates.path().join(file);
    let text = fs::read_to_string(&path).expect("template");
    assert!(text.contains(from), "{file} has {from:?}");
    fs::write(&path, text.replace(from, to)).expect("write template");
    templates
}

/// `tdkt build` of `folder` into `out` with the templates of `templates`.
fn build_with(
    folder: &Folder,
    out: &Path,
    templates: &Path,
    more: &[&str],
) -> std::process::Output {
    let (records, out, templates) = (
        folder.path().to_string_lossy(),
        out.to_string_lossy(),
        templates.to_string_lossy(),
    );
    let mut args = vec![
        "build",
        "--records",
        &records,
        "--out",
        &out,
        "--templates",
        &templates,
    ];
    args.extend(more);
    tdkt(&args)
}

fn copy_templates(to: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    for entry in fs::read_dir(from).expect("templates") {
        let entry = entry.expect("entry");
        fs::copy(entry.path(), to.join(entry.file_name())).expect("copy template");
    }
}

#[test]
fn a_failing_template_never_replaces_a_good_pdf_nor_leaves_a_temporary_file() {
    let folder = Folder::small();
    let out = tempfile::TempDir::new().expect("temp dir");
    assert!(build(folder.path(), out.path()).status.success());
    let good = fs::read(out.path().join(BINH_PDF)).expect("first build");

    // The record changes, but the template is broken: the old PDF stays.
    folder.edit(BINH, "chuc_vu: Chuyên viên", "chuc_vu: Chuyên viên chính");
    let templates = templates_with(
        "dang-ky-ca-nhan.typ.j2",
        "#plain[Chức vụ:",
        "#khong-co-ham[Chức vụ:",
    );
    let run = build_with(&folder, out.path(), templates.path(), &[]);
    assert_eq!(run.status.code(), Some(1));
    let text = stdout(&run);
    assert!(text.contains("lỗi mẫu dang-ky-ca-nhan.typ.j2"), "{text}");
    assert!(
        text.contains("unknown variable: khong-co-ham"),
        "the Typst message with its line: {text}"
    );
    let broken = fs::read_to_string(templates.path().join("dang-ky-ca-nhan.typ.j2"))
        .expect("template")
        .lines()
        .position(|l| l.starts_with("#khong-co-ham"))
        .expect("the broken line")
        + 1;
    assert!(
        text.contains(&format!("dòng {broken} của mẫu (dòng ")),
        "the template's own line, {broken}: {text}"
    );
    assert!(
        text.contains("của mã Typst sinh ra: `#khong-co-ham[Chức vụ: Chuyên viên chính]`"),
        "{text}"
    );
    assert_eq!(
        fs::read(out.path().join(BINH_PDF)).expect("still there"),
        good,
        "the good PDF is untouched"
    );
    let leftovers: Vec<_> = files(out.path())
        .into_iter()
        .filter(|f| {
            f.extension().is_none_or(|e| e != "pdf" && e != "xlsx")
                && !f.ends_with(".tdkt-manifest.json")
        })
        .collect();
    assert!(leftovers.is_empty(), "no temporary files: {leftovers:?}");
}

/// #22.2: a Typst error in a line a shared macro wrote points at the shared
/// file's line, not at the kind's template that called it.
#[test]
fn a_typst_error_in_a_shared_macro_points_at_the_shared_file() {
    let folder = Folder::small();
    let out = tempfile::TempDir::new().expect("temp dir");
    let templates = tempfile::TempDir::new().expect("temp dir");
    let shared =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/chung.typ.j2"))
            .expect("the shared macros");
    let broken = shared.replace("#heading-block(", "#khong-co-tieu-de(");
    let line = broken
        .lines()
        .position(|l| l.starts_with("#khong-co-tieu-de("))
        .expect("the broken line")
        + 1;
    fs::write(templates.path().join("chung.typ.j2"), broken).expect("write");
    let run = build_with(&folder, out.path(), templates.path(), &["--jobs", "1"]);
    assert_eq!(run.status.code(), Some(1));
    let text = stdout(&run);
    assert!(
        text.contains("unknown variable: khong-co-tieu-de"),
        "{text}"
    );
    assert!(
        text.contains(&format!("dòng {line} của mẫu chung.typ.j2 (dòng ")),
        "the shared file's line, {line}: {text}"
    );
}

/// A file in `--templates` that names no template is refused: a typo would
/// otherwise leave the embedded template in use without a word.
#[test]
fn a_template_folder_with_a_misnamed_file_is_refused() {
    let folder = Folder::small();
    let out = tempfile::TempDir::new().expect("temp dir");
    let templates = tempfile::TempDir::new().expect("temp dir");
    fs::write(templates.path().join("to_trinh.typ.j2"), "x").expect("write");
    let run = build_with(&folder, out.path(), templates.path(), &[]);
    assert_ne!(run.status.code(), Some(0));
    let text = stdout(&run);
    assert!(text.contains("to_trinh.typ.j2"), "{text}");
    assert!(text.contains("không có mẫu nào tên này"), "{text}");
    assert!(
        text.contains("to-trinh.typ.j2"),
        "the names it knows: {text}"
    );
    assert!(!out.path().join("2020").exists(), "nothing built: {text}");
}

#[test]
fn emit_typ_writes_a_self_contained_typst_project() {
    let folder = Folder::small();
    let out = tempfile::TempDir::new().expect("temp dir");
    let run = tdkt(&[
        "build",
        "--records",
        &folder.path().to_string_lossy(),
        "--out",
        &out.path().to_string_lossy(),
        "--emit-typ",
    ]);
    assert!(run.status.success(), "{}", stdout(&run));
    let typ = fs::read_to_string(out.path().join("2020/dang-ky/ca-nhan/tran-thi-binh.typ"))
        .expect("typst source");
    assert!(typ.starts_with("#import \"/the-thuc.typ\": *"), "{typ}");
    assert!(typ.contains("Trần Thị Bình"));
    assert!(
        out.path().join("the-thuc.typ").exists(),
        "the library at the root the import names"
    );
    for face in ["Regular", "Bold", "Italic", "BoldItalic"] {
        assert!(
            out.path()
                .join(format!("fonts/LiberationSerif-{face}.ttf"))
                .exists()
        );
    }
}

#[test]
fn a_form_waits_for_the_unit_head_who_confirms_it() {
    // Phạm Thị Dung heads phòng B and confirms Lê Văn Cường's registration:
    // while her record cannot be read, his form would lose its
    // "XÁC NHẬN CỦA TRƯỞNG PHÒNG" block, so it is not made.
    let folder = Folder::small();
    folder.edit("ca-nhan/pham-thi-dung.yaml", "ho_ten:", "ho_tne:");
    let out = tempfile::TempDir::new().expect("temp dir");
    let run = build(folder.path(), out.path());
    assert_eq!(run.status.code(), Some(1));
    let text = stdout(&run);
    assert!(
        text.contains(
            "2020/dang-ky/ca-nhan/le-van-cuong.pdf: bản ghi có lỗi: ca-nhan/pham-thi-dung.yaml"
        ),
        "{text}"
    );
    assert!(
        !out.path()
            .join("2020/dang-ky/ca-nhan/le-van-cuong.pdf")
            .exists()
    );
}

#[test]
fn check_refuses_what_the_fonts_cannot_print_as_build_does() {
    let folder = Folder::small();
    folder.edit(BINH, "ho_ten: Trần Thị Bình", "ho_ten: Trần Thị Bình 中");
    let (code, report) = common::check_json(folder.path());
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(report["hop_le"], false);
    let errors = common::data_errors(&report);
    assert!(
        errors.iter().any(|e| e["tep"] == BINH
            && e["truong"] == "ho_ten"
            && e["thong_bao"]
                .as_str()
                .is_some_and(|m| m.contains("\"中\" (U+4E2D) không có trong phông chữ"))),
        "{errors:#?}"
    );
    let text = stdout(&tdkt(&[
        "check",
        "--records",
        &folder.path().to_string_lossy(),
    ]));
    assert!(text.contains("LỖI DỮ LIỆU (1)"), "{text}");
    assert!(
        text.contains("KẾT LUẬN: chưa đạt — 1 lỗi dữ liệu"),
        "{text}"
    );
}

#[test]
fn the_summary_counts_the_errors_it_lists() {
    let folder = Folder::small();
    folder.edit(BINH, "nam_sinh: 1985", "nam_sinh: năm tám lăm");
    let out = tempfile::TempDir::new().expect("temp dir");
    let text = stdout(&build(folder.path(), out.path()));
    assert!(text.contains("LỖI (1)"), "{text}");
    assert!(text.contains("; 1 lỗi;"), "{text}");
    assert!(!text.contains(" 0 lỗi"), "{text}");
}

#[test]
fn a_reader_that_stops_early_ends_output_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    // Enough records for a report larger than a pipe holds.
    let folder = Folder::small();
    let person = folder.read(BINH);
    for i in 0..400 {
        folder.write(&format!("ca-nhan/nguoi-{i:03}.yaml"), &person);
    }
    let mut child = common::command()
        .args(["check", "--format", "json", "--records"])
        .arg(folder.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tdkt");
    let mut first = [0u8; 64];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("some output");
    // The pipe is closed here, as `head -c 64` would.
    let run = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        matches!(run.status.code(), Some(0 | 1)),
        "{:?}: {stderr}",
        run.status
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Typst 0.15 panics on a table whose group header is followed by another
/// (tdkt's own templates no longer write one). A panic in one document
/// fails that document alone, in the clerk's words; the thread goes on and
/// every other document is built.
#[test]
fn a_panic_inside_typst_fails_its_document_alone() {
    let folder = Folder::small();
    let out = tempfile::TempDir::new().expect("temp dir");
    let templates = templates_with(
        "danh-sach-dang-ky.typ.j2",
        "{% if tap_the %}",
        "  group(5)[*Nhóm trống*],\n{% if tap_the %}",
    );
    let run = build_with(&folder, out.path(), templates.path(), &["--jobs", "1"]);
    assert_eq!(run.status.code(), Some(1));
    let text = stdout(&run);
    assert!(
        text.contains("2020/dang-ky/danh-sach: Typst dừng bất thường"),
        "{text}"
    );
    assert!(text.contains("1 lỗi"), "{text}");
    assert!(out.path().join(BINH_PDF).is_file(), "the others are built");
    assert!(!out.path().join("2020/dang-ky/danh-sach.pdf").exists());
}
