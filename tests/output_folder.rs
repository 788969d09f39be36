//! The output folder is the clerk's too (issues #9, #10): a build never
//! deletes a good PDF because a record has a typo, never writes or deletes
//! through a link, cleans only its own leftovers, takes the folder for
//! itself, and writes nothing when it has nothing to do.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;
use std::time::Duration;

use common::{Folder, build, stdout};

const SELECTION: &str = "2020/bien-ban/lua-chon.pdf";

fn built(folder: &Folder) -> (tempfile::TempDir, Output) {
    let out = tempfile::TempDir::new().expect("temp dir");
    let run = build(folder.path(), out.path());
    assert!(run.status.success(), "{}", stdout(&run));
    (out, run)
}

#[test]
fn a_typo_in_a_record_never_deletes_its_pdf() {
    for (file, from, to) in [
        ("cuoc-hop/lua-chon.yaml", "dia_diem:", "dia_dem:"),
        (
            "cuoc-hop/lua-chon.yaml",
            "loai: lua_chon",
            "loai: lua_chon\nque_quan: Bắc Giang",
        ),
        ("to-trinh/de-nghi.yaml", "ngay:", "ngya:"),
    ] {
        let folder = Folder::small();
        let (out, _) = built(&folder);
        let pdf = if file.starts_with("cuoc-hop") {
            out.path().join(SELECTION)
        } else {
            out.path().join("2020/to-trinh/de-nghi.pdf")
        };
        let before = fs::read(&pdf).expect("rendered");
        folder.edit(file, from, to);
        let run = build(folder.path(), out.path());
        let text = stdout(&run);
        assert_eq!(run.status.code(), Some(1), "{text}");
        assert_eq!(fs::read(&pdf).expect("kept"), before, "{file}: {text}");
        assert!(text.contains("Giữ nguyên"), "{text}");
        assert!(!text.contains("xóa: "), "{text}");
        // Once the record is mended, nothing was lost and nothing is redone.
        folder.edit(file, to, from);
        let run = build(folder.path(), out.path());
        assert!(run.status.success(), "{}", stdout(&run));
        assert_eq!(fs::read(&pdf).expect("still there"), before);
    }
}

#[test]
fn a_document_that_is_really_gone_is_still_removed() {
    let folder = Folder::small();
    let (out, _) = built(&folder);
    folder.remove("to-trinh/de-nghi.yaml");
    let run = build(folder.path(), out.path());
    assert!(run.status.success(), "{}", stdout(&run));
    assert!(!out.path().join("2020/to-trinh/de-nghi.pdf").exists());
}

#[cfg(unix)]
#[test]
fn nothing_is_written_or_removed_through_a_link_out_of_the_folder() {
    let folder = Folder::small();
    let (out, _) = built(&folder);
    let elsewhere = tempfile::TempDir::new().expect("temp dir");
    fs::write(elsewhere.path().join("de-nghi.pdf"), b"not tdkt's").expect("write");
    // The proposal's folder becomes a link to a folder elsewhere, and the
    // proposal goes: removing its PDF would delete the file elsewhere.
    fs::remove_dir_all(out.path().join("2020/to-trinh")).expect("remove");
    std::os::unix::fs::symlink(elsewhere.path(), out.path().join("2020/to-trinh")).expect("link");
    folder.remove("to-trinh/de-nghi.yaml");
    let run = build(folder.path(), out.path());
    let text = stdout(&run);
    assert_eq!(run.status.code(), Some(1), "{text}");
    assert!(text.contains("liên kết (symbolic link)"), "{text}");
    assert_eq!(
        fs::read(elsewhere.path().join("de-nghi.pdf")).expect("kept"),
        b"not tdkt's"
    );

    // And a document whose folder is a link is not written through it.
    let folder = Folder::small();
    let out = tempfile::TempDir::new().expect("temp dir");
    fs::create_dir_all(out.path().join("2020")).expect("mkdir");
    std::os::unix::fs::symlink(elsewhere.path(), out.path().join("2020/bien-ban")).expect("link");
    let run = build(folder.path(), out.path());
    assert_eq!(run.status.code(), Some(1), "{}", stdout(&run));
    assert!(!elsewhere.path().join("lua-chon.pdf").exists());
}

#[test]
fn leftovers_of_an_interrupted_build_are_removed_and_nothing_else() {
    let folder = Folder::small();
    let (out, _) = built(&folder);
    let forms = out.path().join("2020/dang-ky/ca-nhan");
    for name in [".tdkt-Ab12Cd.tmp", ".tdkt-xyz789.tmp"] {
        fs::write(forms.join(name), b"half a pdf").expect("write");
    }
    fs::write(out.path().join(".tdkt-QQQQQQ.tmp"), b"half a manifest").expect("write");
    let keep = [".tdkt-notes.txt", "tdkt-Ab12Cd.tmp", "ghi-chu.tmp"];
    for name in keep {
        fs::write(forms.join(name), b"the clerk's").expect("write");
    }
    let run = build(folder.path(), out.path());
    let text = stdout(&run);
    assert!(run.status.success(), "{text}");
    assert!(text.contains("Đã xóa 3 tệp tạm"), "{text}");
    assert!(!forms.join(".tdkt-Ab12Cd.tmp").exists());
    assert!(!out.path().join(".tdkt-QQQQQQ.tmp").exists());
    for name in keep {
        assert!(forms.join(name).exists(), "{name} is not tdkt's");
    }
}

#[cfg(unix)]
#[test]
fn a_build_with_nothing_to_do_writes_nothing() {
    use std::os::unix::fs::MetadataExt;
    let folder = Folder::small();
    let (out, _) = built(&folder);
    let manifest = out.path().join(".tdkt-manifest.json");
    let before = fs::metadata(&manifest).expect("manifest");
    std::thread::sleep(Duration::from_millis(20));
    let run = build(folder.path(), out.path());
    assert!(run.status.success(), "{}", stdout(&run));
    let after = fs::metadata(&manifest).expect("manifest");
    assert_eq!(
        (before.ino(), before.mtime_nsec(), before.mtime()),
        (after.ino(), after.mtime_nsec(), after.mtime()),
        "the manifest was rewritten by a build that changed nothing"
    );
}

#[test]
fn a_second_build_into_the_same_folder_waits_for_the_first() {
    let folder = Folder::small();
    let (out, _) = built(&folder);
    // This test holds the folder as a running build would.
    let held = fs::File::open(out.path()).expect("open folder");
    held.lock().expect("lock");
    let run = build(folder.path(), out.path());
    let text = stdout(&run);
    assert_eq!(run.status.code(), Some(1), "{text}");
    assert!(
        text.contains("một lần lập khác đang ghi vào thư mục này"),
        "{text}"
    );
    // Released within the wait, the second build goes ahead.
    let releaser = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(500));
        drop(held);
    });
    let run = build(folder.path(), out.path());
    releaser.join().expect("released");
    assert!(run.status.success(), "{}", stdout(&run));
}

#[test]
fn the_output_folder_may_not_be_inside_the_records() {
    let folder = Folder::small();
    let inside = folder.path().join("output");
    let run = build(folder.path(), &inside);
    let text = stdout(&run);
    assert_eq!(run.status.code(), Some(1), "{text}");
    assert!(text.contains("nằm lồng trong nhau"), "{text}");
    assert!(!inside.exists());
    let run = build(folder.path(), Path::new(folder.path()));
    assert_eq!(run.status.code(), Some(1));
}

#[test]
fn a_damaged_manifest_is_said_and_a_bad_entry_dropped() {
    let folder = Folder::small();
    let (out, _) = built(&folder);
    let manifest = out.path().join(".tdkt-manifest.json");
    fs::write(&manifest, "{ không phải JSON").expect("write");
    let run = build(folder.path(), out.path());
    let text = stdout(&run);
    assert!(run.status.success(), "{text}");
    assert!(
        text.contains("sổ theo dõi văn bản đã lập bị hỏng"),
        "{text}"
    );
    assert!(text.contains(&common::small_built()), "{text}");

    // A NUL in a key made every build fail; the entry is dropped and named.
    let good = fs::read_to_string(&manifest).expect("rewritten");
    let bad = good.replacen(
        "\"2020/to-trinh/de-nghi\"",
        "\"2020/to-trinh/de\\u0000nghi\"",
        1,
    );
    assert_ne!(good, bad);
    fs::write(&manifest, bad).expect("write");
    let run = build(folder.path(), out.path());
    let text = stdout(&run);
    assert!(run.status.success(), "{text}");
    assert!(
        text.contains("bỏ mục \"2020/to-trinh/de\\0nghi\""),
        "{text}"
    );
    let run = build(folder.path(), out.path());
    assert!(
        !stdout(&run).contains("Lưu ý"),
        "said once: {}",
        stdout(&run)
    );
}

#[test]
fn a_signed_scan_saved_under_a_documents_name_is_never_overwritten_nor_deleted() {
    let folder = Folder::small();
    let (out, _) = built(&folder);
    let proposal = out.path().join("2020/to-trinh/de-nghi.pdf");
    let scan = b"%PDF-1.4 the signed scan".to_vec();
    fs::write(&proposal, &scan).expect("save the scan");
    // The proposal changes: its new PDF goes beside the scan.
    folder.edit(
        "to-trinh/de-nghi.yaml",
        "ngay: 2020-12-18",
        "ngay: 2020-12-19",
    );
    let run = build(folder.path(), out.path());
    let text = stdout(&run);
    assert!(run.status.success(), "{text}");
    assert_eq!(fs::read(&proposal).expect("kept"), scan, "{text}");
    assert!(
        out.path().join("2020/to-trinh/de-nghi.tdkt.pdf").exists(),
        "{text}"
    );
    assert!(
        text.contains("de-nghi.pdf: tệp này không phải do tdkt ghi"),
        "{text}"
    );
    // The proposal goes from the records: tdkt's copy goes, the scan stays.
    folder.remove("to-trinh/de-nghi.yaml");
    let run = build(folder.path(), out.path());
    assert!(run.status.success(), "{}", stdout(&run));
    assert_eq!(fs::read(&proposal).expect("kept"), scan);
    assert!(!out.path().join("2020/to-trinh/de-nghi.tdkt.pdf").exists());
}

#[test]
fn a_lost_manifest_adopts_the_pdfs_that_are_still_what_tdkt_would_write() {
    let folder = Folder::small();
    let (out, _) = built(&folder);
    fs::remove_file(out.path().join(".tdkt-manifest.json")).expect("lose it");
    let run = build(folder.path(), out.path());
    let text = stdout(&run);
    assert!(run.status.success(), "{text}");
    assert!(!text.contains("không phải do tdkt ghi"), "{text}");
    assert!(
        common::files(out.path())
            .iter()
            .all(|f| !f.to_string_lossy().contains(".tdkt.pdf"))
    );
}
