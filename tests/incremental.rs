//! Rebuilds render exactly the documents whose inputs changed, whose PDF is
//! missing or altered, and remove only what tdkt itself wrote.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use common::{Folder, stdout, tdkt};

const CUONG: &str = "ca-nhan/le-van-cuong.yaml";
const BINH: &str = "ca-nhan/tran-thi-binh.yaml";

struct Run {
    rendered: BTreeSet<String>,
    removed: BTreeSet<String>,
    text: String,
}

fn build(records: &Path, out: &Path, extra: &[&str]) -> Run {
    let mut args = vec![
        "build",
        "-v",
        "--records",
        records.to_str().expect("path"),
        "--out",
        out.to_str().expect("path"),
    ];
    args.extend(extra);
    let run = tdkt(&args);
    let text = stdout(&run);
    assert!(run.status.success(), "{text}");
    let listed = |prefix: &str| -> BTreeSet<String> {
        text.lines()
            .filter_map(|l| l.trim().strip_prefix(prefix))
            .map(|k| k.trim_end_matches(".pdf").to_owned())
            .collect()
    };
    Run {
        rendered: listed("lập: "),
        removed: listed("xóa: "),
        text,
    }
}

fn set(keys: &[&str]) -> BTreeSet<String> {
    keys.iter().map(|k| format!("2020/{k}")).collect()
}

const ALL: &[&str] = common::SMALL_DOCUMENTS;

fn fresh() -> (Folder, tempfile::TempDir) {
    let folder = Folder::small();
    let out = tempfile::TempDir::new().expect("temp dir");
    let first = build(folder.path(), out.path(), &[]);
    assert_eq!(first.rendered, set(ALL));
    (folder, out)
}

#[test]
fn nothing_changed_nothing_rendered() {
    let (folder, out) = fresh();
    let again = build(folder.path(), out.path(), &[]);
    assert!(again.rendered.is_empty(), "{}", again.text);
    assert!(
        again.text.contains("Đã lập 0 văn bản")
            && again
                .text
                .contains(&format!("{} văn bản không đổi", ALL.len())),
        "{}",
        again.text
    );
    let forced = build(folder.path(), out.path(), &["--force"]);
    assert_eq!(forced.rendered, set(ALL));
}

#[test]
fn a_change_renders_exactly_the_documents_that_show_it() {
    let (folder, out) = fresh();
    // A commitment shows on the person's own form only.
    folder.edit(
        CUONG,
        "cam_ket: Hoàn thành tốt nhiệm vụ.",
        "cam_ket: Hoàn thành tốt và đúng hạn mọi nhiệm vụ.",
    );
    assert_eq!(
        build(folder.path(), out.path(), &[]).rendered,
        set(&["dang-ky/ca-nhan/le-van-cuong"])
    );

    // A position shows on the form, in the list, in both minutes (he is
    // the council's secretary) and on both ballots (he is a candidate); he
    // was not proposed, so the proposal stays.
    folder.edit(CUONG, "chuc_vu: Chuyên viên", "chuc_vu: Chuyên viên chính");
    assert_eq!(
        build(folder.path(), out.path(), &[]).rendered,
        set(&[
            "dang-ky/ca-nhan/le-van-cuong",
            "dang-ky/danh-sach",
            "bien-ban/lua-chon",
            "bien-ban/binh-xet",
            "phieu-bau/lua-chon",
            "phieu-bau/binh-xet",
            "phieu-xet/lua-chon",
            "phieu-xet/binh-xet"
        ])
    );

    // A proposed person's name is everywhere she appears.
    folder.edit(BINH, "ho_ten: Trần Thị Bình", "ho_ten: Trần Thị Thanh Bình");
    assert_eq!(
        build(folder.path(), out.path(), &[]).rendered,
        set(&[
            "dang-ky/ca-nhan/tran-thi-binh",
            "dang-ky/danh-sach",
            "bien-ban/lua-chon",
            "bien-ban/binh-xet",
            "phieu-bau/lua-chon",
            "phieu-bau/binh-xet",
            "to-trinh/de-nghi",
            "bao-cao-thanh-tich/tran-thi-binh",
            "phieu-xet/lua-chon",
            "phieu-xet/binh-xet",
            "bao-cao-ket-qua"
        ])
    );

    // A meeting's closing time shows in its own minutes only.
    folder.edit(
        "cuoc-hop/lua-chon.yaml",
        "ket_thuc: 2020-03-10 10:00",
        "ket_thuc: 2020-03-10 10:15",
    );
    assert_eq!(
        build(folder.path(), out.path(), &[]).rendered,
        set(&["bien-ban/lua-chon"])
    );

    // The plan's subject is cited by every document.
    folder.edit(
        "ke-hoach.yaml",
        "trich_yeu: xây dựng",
        "trich_yeu: xây dựng, nhân rộng và",
    );
    assert_eq!(build(folder.path(), out.path(), &[]).rendered, set(ALL));
}

#[test]
fn a_missing_or_altered_pdf_is_rendered_again_and_an_altered_one_kept() {
    let (folder, out) = fresh();
    let form = out.path().join("2020/dang-ky/ca-nhan/pham-thi-dung.pdf");
    let good = fs::read(&form).expect("pdf");
    fs::remove_file(&form).expect("remove");
    assert_eq!(
        build(folder.path(), out.path(), &[]).rendered,
        set(&["dang-ky/ca-nhan/pham-thi-dung"])
    );
    assert_eq!(fs::read(&form).expect("pdf"), good, "the same bytes again");

    let list = out.path().join("2020/dang-ky/danh-sach.pdf");
    let mut bytes = fs::read(&list).expect("pdf");
    let last = bytes.len() - 10;
    bytes[last] ^= 0x20;
    fs::write(&list, &bytes).expect("alter");
    let run = build(folder.path(), out.path(), &[]);
    assert_eq!(run.rendered, set(&["dang-ky/danh-sach"]));
    // The altered file is not what tdkt wrote: it stays, and the document
    // is written beside it.
    assert_eq!(fs::read(&list).expect("kept"), bytes, "{}", run.text);
    let beside = out.path().join("2020/dang-ky/danh-sach.tdkt.pdf");
    assert!(beside.exists(), "{}", run.text);
    assert!(run.text.contains("không phải do tdkt ghi"), "{}", run.text);
    assert!(build(folder.path(), out.path(), &[]).rendered.is_empty());
    // Once the clerk moves their file away, the document takes its own name
    // again and the copy beside goes.
    fs::remove_file(&list).expect("remove");
    assert_eq!(
        build(folder.path(), out.path(), &[]).rendered,
        set(&["dang-ky/danh-sach"])
    );
    assert!(list.exists());
    assert!(!beside.exists());
}

#[test]
fn a_document_that_no_longer_exists_is_removed_and_nothing_else() {
    let (folder, out) = fresh();
    folder.write(
        "ca-nhan/hoang-van-em.yaml",
        "ho_ten: Hoàng Văn Em\ngioi_tinh: nam\nchuc_vu: Chuyên viên\ndon_vi: phong-b\n\
         dang_ky: { ngay: 2020-03-01, noi_dung: [\"2.2\"], danh_hieu: lao_dong_tien_tien, lam_theo_bac: true, cam_ket: Hoàn thành tốt nhiệm vụ. }\n",
    );
    // His form, and the list and the year's report that count him.
    let added = build(folder.path(), out.path(), &[]);
    assert_eq!(
        added.rendered,
        set(&[
            "dang-ky/ca-nhan/hoang-van-em",
            "dang-ky/danh-sach",
            "bao-cao-ket-qua"
        ])
    );

    // A clerk's own files in the output folder, and a PDF tdkt did not write.
    fs::write(out.path().join("ghi-chu.txt"), "của văn thư").expect("write");
    fs::write(
        out.path().join("2020/dang-ky/ca-nhan/ban-scan.pdf"),
        "%PDF-1.4",
    )
    .expect("write");

    folder.remove("ca-nhan/hoang-van-em.yaml");
    let removed = build(folder.path(), out.path(), &[]);
    assert_eq!(removed.removed, set(&["dang-ky/ca-nhan/hoang-van-em"]));
    assert_eq!(
        removed.rendered,
        set(&["dang-ky/danh-sach", "bao-cao-ket-qua"])
    );
    assert!(
        !out.path()
            .join("2020/dang-ky/ca-nhan/hoang-van-em.pdf")
            .exists()
    );
    assert!(
        out.path().join("ghi-chu.txt").exists(),
        "never removes what tdkt did not write"
    );
    assert!(
        out.path()
            .join("2020/dang-ky/ca-nhan/ban-scan.pdf")
            .exists()
    );
}

#[test]
fn a_damaged_manifest_only_costs_a_full_render() {
    let (folder, out) = fresh();
    fs::write(out.path().join(".tdkt-manifest.json"), "{ không phải JSON").expect("write");
    assert_eq!(build(folder.path(), out.path(), &[]).rendered, set(ALL));
    // A manifest edited to point outside the folder removes nothing there.
    let outside = tempfile::TempDir::new().expect("temp dir");
    let victim = outside.path().join("quan-trong.pdf");
    fs::write(&victim, "%PDF").expect("write");
    let manifest = fs::read_to_string(out.path().join(".tdkt-manifest.json")).expect("manifest");
    let rel = format!(
        "../{}/quan-trong",
        outside
            .path()
            .file_name()
            .and_then(|n| n.to_str())
            .expect("name")
    );
    let doctored = manifest.replacen("\"2020/to-trinh/de-nghi\"", &format!("\"{rel}\""), 1);
    fs::write(out.path().join(".tdkt-manifest.json"), doctored).expect("write");
    build(folder.path(), out.path(), &[]);
    assert!(victim.exists());
}

#[test]
fn one_thread_gives_the_same_bytes_as_many() {
    let folder = Folder::small();
    let one = tempfile::TempDir::new().expect("temp dir");
    let two = tempfile::TempDir::new().expect("temp dir");
    build(folder.path(), one.path(), &["--jobs", "1"]);
    build(folder.path(), two.path(), &["--jobs", "2"]);
    for key in ALL {
        let rel = format!("2020/{key}.pdf");
        assert_eq!(
            fs::read(one.path().join(&rel)).expect("pdf"),
            fs::read(two.path().join(&rel)).expect("pdf"),
            "{rel}"
        );
    }
}

#[test]
fn a_template_change_renders_only_the_documents_made_from_it() {
    let (folder, out) = fresh();
    let templates = tempfile::TempDir::new().expect("temp dir");
    for entry in
        fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates")).expect("templates")
    {
        let entry = entry.expect("entry");
        fs::copy(entry.path(), templates.path().join(entry.file_name())).expect("copy");
    }
    let with = ["--templates", templates.path().to_str().expect("path")];
    // The same templates from a folder: hashes are of content, nothing to do.
    assert!(build(folder.path(), out.path(), &with).rendered.is_empty());

    let append = |name: &str, line: &str| {
        let path = templates.path().join(name);
        let text = fs::read_to_string(&path).expect("template") + line;
        fs::write(path, text).expect("write");
    };
    append("to-trinh.typ.j2", "{# một ghi chú #}\n");
    assert_eq!(
        build(folder.path(), out.path(), &with).rendered,
        set(&["to-trinh/de-nghi"])
    );
    append("the-thuc.typ", "// một ghi chú\n");
    assert_eq!(build(folder.path(), out.path(), &with).rendered, set(ALL));
}

/// #22.2: a body keeps only the templates it changes. A folder holding only
/// the shared macros changes the heading of every document (each kind's
/// template hash includes the shared file), and every other template is
/// the embedded one.
#[test]
fn a_folder_holding_only_the_shared_macros_changes_every_document() {
    let (folder, out) = fresh();
    let templates = tempfile::TempDir::new().expect("temp dir");
    let shared =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/chung.typ.j2"))
            .expect("the shared macros");
    let from = "  superior: [{{ cap_tren | giu_cum }}],";
    assert!(shared.contains(from), "{shared}");
    fs::write(
        templates.path().join("chung.typ.j2"),
        shared.replace(from, "  superior: [{{ cap_tren | giu_cum }} (THỬ)],"),
    )
    .expect("write");
    let with = ["--templates", templates.path().to_str().expect("path")];
    assert_eq!(build(folder.path(), out.path(), &with).rendered, set(ALL));
    for key in [
        "to-trinh/de-nghi",
        "dang-ky/ca-nhan/tran-thi-binh",
        "bien-ban/lua-chon",
    ] {
        let text = common::pdf::flat_text(&out.path().join(format!("2020/{key}.pdf")));
        assert!(text.contains("(THỬ)"), "{key}: {text}");
    }
    // Without the folder, the embedded shared file again: every document.
    assert_eq!(build(folder.path(), out.path(), &[]).rendered, set(ALL));
}

#[test]
fn a_manifest_from_another_version_still_says_what_tdkt_wrote() {
    let (folder, out) = fresh();
    // A document of an older run, no longer called for, in an older manifest.
    let old_pdf = out.path().join("2020/dang-ky/ca-nhan/nguoi-cu.pdf");
    fs::write(&old_pdf, "%PDF").expect("write");
    let path = out.path().join(".tdkt-manifest.json");
    let manifest = fs::read_to_string(&path).expect("manifest");
    let entry = format!(
        "\"2020/dang-ky/ca-nhan/nguoi-cu\": {{ \"inputs\": \"x\", \"pdf\": \"{}\", \"size\": 4, \"mtime_ns\": 0 }},",
        tdkt::job::hash_bytes(b"%PDF")
    );
    let older = manifest
        .replacen(
            &format!("\"tdkt\": \"{}\"", env!("CARGO_PKG_VERSION")),
            "\"tdkt\": \"0.0.1\"",
            1,
        )
        .replacen("\"documents\": {", &format!("\"documents\": {{ {entry}"), 1)
        // An older version hashed its inputs with its own version number.
        .replace("\"inputs\": \"", "\"inputs\": \"0.0.1-");
    fs::write(&path, older).expect("write");
    // Its inputs hashes name another version: everything is rendered again,
    // and the old document's PDF is removed.
    let run = build(folder.path(), out.path(), &[]);
    assert_eq!(run.rendered, set(ALL));
    assert_eq!(run.removed, set(&["dang-ky/ca-nhan/nguoi-cu"]));
    assert!(!old_pdf.exists());
}

/// #22.1: what a rule reads while a document is made is a dependency of the
/// document. CN-3 reads every unit a person heads: with one of those units
/// unreadable, the council's worksheet waits for it, instead of showing the
/// rule as met.
#[test]
fn a_rule_that_reads_a_unit_holds_the_worksheet_back_while_the_unit_is_broken() {
    let records = common::Folder::copy_of(&common::example_records());
    let unit = "2020/tap-the/van-phong-ban.yaml";
    records
        .edit(
            unit,
            "truong_phong: dinh-van-tien",
            "truong_phong: vu-minh-duc",
        )
        .edit(unit, "danh_hieu_dat_duoc: tap_the_lao_dong_tien_tien\n", "");
    let out = tempfile::TempDir::new().expect("temp dir");
    let sheet = "2020/phieu-xet/2020-12-15-binh-xet";
    let build = || {
        common::tdkt(&[
            "build",
            sheet,
            "--force",
            "--records",
            &records.path().to_string_lossy(),
            "--out",
            &out.path().to_string_lossy(),
        ])
    };
    build();
    let pdf = out.path().join(format!("{sheet}.pdf"));
    let text = common::pdf::raw_text(&pdf);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("CN-3: là lãnh đạo phụ trách phòng nhưng Văn phòng Ban chưa có danh hiệu"),
        "{text}"
    );
    fs::remove_file(&pdf).expect("remove");
    records.edit(unit, "so_thanh_vien: 5", "so_thanh_vien: nhieu");
    let run = build();
    let said = common::stdout(&run);
    assert!(
        !pdf.exists(),
        "built while a unit it reads is broken:\n{said}"
    );
    assert!(said.contains(sheet) && said.contains(unit), "{said}");
}
