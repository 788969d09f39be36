//! Seeing one document quickly: `tdkt build DOCUMENT…`, `tdkt open`,
//! `tdkt build --watch`.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use common::{Folder, assert_has, files, pdf, stdout, tdkt};
use tempfile::TempDir;

/// `tdkt build --records R --out O NAMES…`.
fn build_only(records: &Folder, out: &Path, names: &[&str]) -> std::process::Output {
    let (r, o) = (records.path().to_string_lossy(), out.to_string_lossy());
    let mut args = vec!["build", "-r", &r, "-o", &o];
    args.extend(names);
    tdkt(&args)
}

/// The PDFs below `out`, as names below it.
fn pdfs(out: &Path) -> Vec<String> {
    files(out)
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "pdf"))
        .map(|f| f.to_string_lossy().into_owned())
        .collect()
}

#[test]
fn one_document_a_folder_of_them_or_a_record_s_documents() {
    let records = Folder::small();
    let out = TempDir::new().expect("temp dir");

    let run = build_only(&records, out.path(), &["2020/dang-ky/ca-nhan/le-van-cuong"]);
    assert!(run.status.success(), "{}", stdout(&run));
    assert_eq!(pdfs(out.path()), ["2020/dang-ky/ca-nhan/le-van-cuong.pdf"]);
    assert!(
        pdf::text(&out.path().join("2020/dang-ky/ca-nhan/le-van-cuong.pdf"))
            .contains("Lê Văn Cường")
    );

    // A folder of names; the PDF as a file of the output folder, with .pdf.
    let pdf_file = out.path().join("2020/dang-ky/ca-nhan/le-van-cuong.pdf");
    let run = build_only(
        &records,
        out.path(),
        &["2020/phieu-bau/", &pdf_file.to_string_lossy()],
    );
    assert!(run.status.success(), "{}", stdout(&run));
    assert_eq!(
        pdfs(out.path()),
        [
            "2020/dang-ky/ca-nhan/le-van-cuong.pdf",
            "2020/phieu-bau/binh-xet.pdf",
            "2020/phieu-bau/lua-chon.pdf"
        ]
    );

    // A record: the documents that read it, and none that does not.
    let fresh = TempDir::new().expect("temp dir");
    let record = records.path().join("ca-nhan/pham-thi-dung.yaml");
    let run = build_only(&records, fresh.path(), &[&record.to_string_lossy()]);
    assert!(run.status.success(), "{}", stdout(&run));
    let made = pdfs(fresh.path());
    for doc in [
        "2020/dang-ky/ca-nhan/pham-thi-dung.pdf",
        "2020/dang-ky/tap-the/phong-b.pdf",
        "2020/dang-ky/danh-sach.pdf",
        "2020/bao-cao-thanh-tich/pham-thi-dung.pdf",
    ] {
        assert!(made.iter().any(|m| m == doc), "{doc} not made: {made:?}");
    }
    for doc in [
        "2020/dang-ky/ca-nhan/tran-thi-binh.pdf",
        "2020/dang-ky/tap-the/phong-a.pdf",
    ] {
        assert!(!made.iter().any(|m| m == doc), "{doc} made: {made:?}");
    }

    // Building some documents never removes the others.
    let everything = common::built(&records);
    let before = pdfs(everything.path());
    let run = build_only(
        &records,
        everything.path(),
        &["2020/to-trinh/de-nghi", "--force"],
    );
    assert!(run.status.success(), "{}", stdout(&run));
    assert_eq!(pdfs(everything.path()), before);
    assert!(
        stdout(&run).contains("Đã lập 1 văn bản"),
        "{}",
        stdout(&run)
    );
}

#[test]
fn a_name_that_is_no_document_builds_nothing_and_says_the_closest() {
    let records = Folder::small();
    let out = TempDir::new().expect("temp dir");
    let run = build_only(
        &records,
        out.path(),
        &[
            "2020/to-trinh/de-nghi",
            "2020/dang-ky/ca-nhan/le-van-cuonng",
            "ca-nhan/khong-co.yaml",
        ],
    );
    assert_eq!(run.status.code(), Some(1));
    let text = stdout(&run);
    assert_has(
        &text,
        &[
            "Không lập văn bản nào:",
            "\"2020/dang-ky/ca-nhan/le-van-cuonng\" không phải văn bản hay bản ghi nào; có phải 2020/dang-ky/ca-nhan/le-van-cuong?",
            "\"ca-nhan/khong-co.yaml\" không phải văn bản hay bản ghi nào",
        ],
    );
    assert!(pdfs(out.path()).is_empty(), "{:?}", pdfs(out.path()));

    // A record no document reads is said so.
    records.write(
        "ca-nhan/moi-den.yaml",
        "ho_ten: Hà Văn Mới\ngioi_tinh: nam\nnam_sinh: 1995\nchuc_vu: Chuyên viên\ndon_vi: phong-b\n",
    );
    let run = build_only(&records, out.path(), &["ca-nhan/moi-den.yaml"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        stdout(&run).contains("ca-nhan/moi-den.yaml: không văn bản nào đọc bản ghi này"),
        "{}",
        stdout(&run)
    );
}

/// A folder holding a stand-in for the system's PDF opener, which writes
/// down what it was asked to open.
struct Opener {
    dir: TempDir,
}

impl Opener {
    fn new() -> Opener {
        let dir = TempDir::new().expect("temp dir");
        let script = dir.path().join("xdg-open");
        std::fs::write(
            &script,
            format!(
                "#!/bin/sh\necho \"$1\" >> '{}'\n",
                dir.path().join("opened").display()
            ),
        )
        .expect("write opener");
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        Opener { dir }
    }

    fn open(&self, args: &[&str]) -> std::process::Output {
        let path = format!(
            "{}:{}",
            self.dir.path().display(),
            std::env::var("PATH").unwrap_or_default()
        );
        common::command()
            .arg("open")
            .args(args)
            .env("PATH", path)
            .output()
            .expect("run tdkt open")
    }

    fn opened(&self) -> Vec<PathBuf> {
        std::fs::read_to_string(self.dir.path().join("opened"))
            .unwrap_or_default()
            .lines()
            .map(PathBuf::from)
            .collect()
    }
}

#[test]
#[cfg(target_os = "linux")]
fn open_builds_the_document_then_shows_it() {
    let records = Folder::small();
    let out = TempDir::new().expect("temp dir");
    let (r, o) = (
        records.path().to_string_lossy(),
        out.path().to_string_lossy(),
    );
    let opener = Opener::new();

    let run = opener.open(&["2020/to-trinh/de-nghi", "-r", &r, "-o", &o]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let shown = out.path().join("2020/to-trinh/de-nghi.pdf");
    assert_eq!(opener.opened(), std::slice::from_ref(&shown));
    assert!(
        pdf::text(&shown).contains("TỜ TRÌNH"),
        "{}",
        pdf::text(&shown)
    );
    assert_eq!(pdfs(out.path()), ["2020/to-trinh/de-nghi.pdf"]);

    // A record read by many documents: named, none opened.
    let run = opener.open(&["ke-hoach.yaml", "-r", &r, "-o", &o]);
    assert_eq!(run.status.code(), Some(1));
    let err = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(err.contains("hãy mở từng văn bản"), "{err}");
    assert_eq!(opener.opened().len(), 1);

    // No opener on the machine: the clerk is told where the file is.
    let bare = common::command()
        .args(["open", "2020/to-trinh/de-nghi", "-r", &r, "-o", &o])
        .env("PATH", "/nonexistent")
        .output()
        .expect("run tdkt open");
    assert_eq!(bare.status.code(), Some(1));
    let err = String::from_utf8_lossy(&bare.stderr).into_owned();
    assert!(
        err.contains("không có chương trình xdg-open") && err.contains(&*shown.to_string_lossy()),
        "{err}"
    );
}

/// `tdkt build --watch` running, its output read line by line.
struct Watching {
    child: Child,
    lines: Receiver<String>,
}

impl Watching {
    fn start(records: &Path, out: &Path) -> Watching {
        let mut child = common::command()
            .args(["build", "--watch", "-r"])
            .arg(records)
            .arg("-o")
            .arg(out)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start tdkt build --watch");
        let stdout = child.stdout.take().expect("stdout");
        let (send, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        Watching { child, lines }
    }

    /// The text of the next build, up to the line saying it watches again.
    fn next_build(&self) -> String {
        let deadline = Instant::now() + Duration::from_secs(300);
        let mut text = String::new();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            let line = self
                .lines
                .recv_timeout(left)
                .expect("a build within 5 minutes");
            if line.starts_with("Đang theo dõi") {
                return text;
            }
            text.push_str(&line);
            text.push('\n');
        }
        panic!("no build within 5 minutes; so far:\n{text}");
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn watch_rebuilds_on_save_and_a_half_typed_record_keeps_the_pdf() {
    let records = Folder::small();
    let out = TempDir::new().expect("temp dir");
    let form = out.path().join("2020/dang-ky/ca-nhan/le-van-cuong.pdf");
    let watching = Watching::start(records.path(), out.path());
    let first = watching.next_build();
    assert!(first.contains(&common::small_built()), "{first}");

    // An editor's swap file starts no build of its own; the save does.
    records.write("ca-nhan/.le-van-cuong.yaml.swp", "swap");
    std::thread::sleep(Duration::from_millis(1500));
    records.edit("ca-nhan/le-van-cuong.yaml", "Lê Văn Cường", "Lê Văn Cương");
    let second = watching.next_build();
    assert!(!second.contains(".swp"), "{second}");
    assert_has(
        &second,
        &[
            "Đã đổi: ca-nhan/le-van-cuong.yaml",
            "lập: 2020/dang-ky/ca-nhan/le-van-cuong.pdf",
        ],
    );
    assert!(pdf::text(&form).contains("Lê Văn Cương"));
    let good = std::fs::read(&form).expect("read the form");

    // Saved half-typed: said at once, the good PDF stays as it was.
    let text = records.read("ca-nhan/le-van-cuong.yaml");
    records.write(
        "ca-nhan/le-van-cuong.yaml",
        text.replace("ho_ten: Lê Văn Cương", "ho_ten: [Lê Văn"),
    );
    let third = watching.next_build();
    assert_has(&third, &["LỖI (1)", "ca-nhan/le-van-cuong.yaml"]);
    assert_eq!(std::fs::read(&form).expect("read the form"), good);
}
