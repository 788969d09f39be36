//! #23: what was issued holds against races, kills, tampering and odd
//! files. Each test runs the binary on a copy of the example records (2020
//! with its list issued as 01-DS and its proposal as 05-TTr, and 2021), as a
//! colleague, a crash or an adversary would leave them.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Folder, example_records, stdout, tdkt_on, within};

const PROPOSAL: &str = "2020/to-trinh/2020-12-18-de-nghi-khen-thuong";
const PROPOSAL_ARCHIVE: &str = "2020/da-ban-hanh/to-trinh/2020-12-18-de-nghi-khen-thuong.pdf";
const PROPOSAL_ENTRY: &str = "so-van-ban-di/2020/005-ttr-2020-12-18-de-nghi-khen-thuong.yaml";
const LIST_ARCHIVE: &str = "2020/da-ban-hanh/dang-ky/danh-sach.pdf";
const MINUTES: &str = "2020/bien-ban/2020-12-15-binh-xet";
const MINUTES_RECORD: &str = "2020/cuoc-hop/2020-12-15-binh-xet.yaml";
const SELECTION: &str = "2020/bien-ban/2020-03-10-lua-chon";
/// A person of 2021, in no issued document.
const HA: &str = "2021/ca-nhan/hoang-thu-ha.yaml";

fn run(records: &Path, args: &[&str]) -> (i32, String) {
    common::run_on(records, args)
}

/// Every file below `dir`, relative to it.
fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| !e.file_type().is_dir())
        .map(|e| e.path().strip_prefix(dir).expect("below").to_path_buf())
        .collect();
    found.sort();
    found
}

fn temporaries(dir: &Path) -> Vec<PathBuf> {
    files_below(dir)
        .into_iter()
        .filter(|f| f.to_string_lossy().contains(".tdkt-"))
        .collect()
}

/// The register entries of the BB series: their numbers and documents.
fn minutes_entries(records: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for file in files_below(&records.join("so-van-ban-di")) {
        let text = fs::read_to_string(records.join("so-van-ban-di").join(&file)).expect("entry");
        if text.contains("loai: BB") {
            let value = |key: &str| {
                text.lines()
                    .find_map(|l| l.strip_prefix(&format!("{key}: ")))
                    .unwrap_or_default()
                    .to_owned()
            };
            found.push((value("so_ky_hieu"), value("van_ban")));
        }
    }
    found.sort();
    found
}

#[test]
fn two_issues_at_once_never_take_one_number() {
    for round in 0..4 {
        let records = Folder::copy_of(&example_records());
        let (a, b) = if round % 2 == 0 {
            (MINUTES, SELECTION)
        } else {
            (MINUTES, MINUTES)
        };
        let first = tdkt_on(records.path(), &["issue", a]).spawn().expect("run");
        let second = tdkt_on(records.path(), &["issue", b]).spawn().expect("run");
        let first = within(first, Duration::from_secs(120), "issue");
        let second = within(second, Duration::from_secs(120), "issue");
        let issued = minutes_entries(records.path());
        if a == b {
            // The same document at once: issued once, the other refused.
            assert_eq!(
                [first.status.success(), second.status.success()]
                    .iter()
                    .filter(|ok| **ok)
                    .count(),
                1,
                "{issued:?}"
            );
            assert_eq!(issued.len(), 1, "{issued:?}");
        } else {
            assert!(first.status.success() && second.status.success());
            assert_eq!(issued.len(), 2, "{issued:?}");
            assert_ne!(issued[0].0, issued[1].0, "one number twice: {issued:?}");
        }
        let (code, text) = run(records.path(), &["check"]);
        assert_eq!(code, 0, "round {round}: {text}");
        assert!(temporaries(records.path()).is_empty());
    }
}

#[test]
fn an_issue_killed_at_any_step_is_finished_or_undone_by_the_next_command() {
    let before = Folder::copy_of(&example_records());
    // The steps of an issue: 1 journal written, 2 record numbered, 3 PDF
    // archived, 4 sources kept, 5 register entry written, 6 journal removed.
    for step in 1..=6 {
        let records = Folder::copy_of(&example_records());
        // What a kill inside a write leaves: a temporary file beside it.
        let stray = records.path().join("2020/cuoc-hop/.tdkt-x1y2z3.tmp");
        let out = tdkt_on(records.path(), &["issue", MINUTES])
            .env("TDKT_TEST_ABORT_AT", step.to_string())
            .output()
            .expect("run");
        assert!(
            !out.status.success(),
            "step {step}: the issue was not killed"
        );
        if step < 6 {
            fs::write(&stray, "half").expect("stray");
        }
        let (code, text) = run(records.path(), &["check"]);
        assert_eq!(code, 0, "step {step}: {text}");
        let numbered = records.read(MINUTES_RECORD).contains("so: 01-BB/HĐTĐKT");
        let entries = minutes_entries(records.path());
        if step >= 5 {
            // Every file was written: the issue stands, finished.
            assert!(numbered, "step {step}");
            assert_eq!(entries, [("01-BB/HĐTĐKT".to_owned(), MINUTES.to_owned())]);
            if step == 5 {
                assert!(text.contains("đã hoàn tất"), "step {step}: {text}");
            }
            let (code, text) = run(records.path(), &["issue", MINUTES]);
            assert_eq!(code, 1, "{text}");
            assert!(text.contains("đã ban hành số 01-BB"), "{text}");
        } else {
            // Undone: the records as they were, byte for byte.
            assert!(text.contains("đã trả lại như trước"), "step {step}: {text}");
            assert_eq!(
                files_below(records.path()),
                files_below(before.path()),
                "step {step}"
            );
            assert_eq!(records.read(MINUTES_RECORD), before.read(MINUTES_RECORD));
            let (code, text) = run(records.path(), &["issue", MINUTES]);
            assert_eq!(code, 0, "step {step}: {text}");
            assert!(text.contains("số 01-BB/HĐTĐKT"), "{text}");
        }
        assert!(temporaries(records.path()).is_empty(), "step {step}");
        let (code, text) = run(records.path(), &["check"]);
        assert_eq!(code, 0, "step {step}: {text}");
    }
}

#[test]
fn a_number_written_in_a_record_is_not_given_again() {
    let records = Folder::copy_of(&example_records());
    // An issue whose register entry was lost (or a number typed by hand):
    // the number stands in the record, and the next issue goes past it.
    records.edit(
        MINUTES_RECORD,
        "loai: cuoi_nam",
        "so: 01-BB/HĐTĐKT\nloai: cuoi_nam",
    );
    let (code, text) = run(records.path(), &["issue", SELECTION]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("số 02-BB/HĐTĐKT"), "{text}");
}

/// Something done to an archived PDF, at its path.
type Tamper = Box<dyn Fn(&Path)>;

#[test]
fn an_archived_pdf_changed_replaced_or_linked_is_never_taken_for_the_issued_one() {
    let genuine = fs::read(example_records().join(PROPOSAL_ARCHIVE)).expect("archive");
    let mut flipped = genuine.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x20;
    let list = fs::read(example_records().join(LIST_ARCHIVE)).expect("list archive");
    let cases: Vec<(&str, Tamper)> = vec![
        (
            "one byte changed",
            Box::new(move |p| fs::write(p, &flipped).expect("write")),
        ),
        (
            "another archive copied over it",
            Box::new(move |p| fs::write(p, &list).expect("write")),
        ),
        (
            "a link to a system file",
            Box::new(|p| {
                fs::remove_file(p).expect("remove");
                std::os::unix::fs::symlink("/etc/passwd", p).expect("link");
            }),
        ),
    ];
    for (what, tamper) in cases {
        let records = Folder::copy_of(&example_records());
        tamper(&records.path().join(PROPOSAL_ARCHIVE));
        let (code, text) = run(records.path(), &["check"]);
        assert_eq!(code, 1, "{what}: {text}");
        assert!(
            text.contains(PROPOSAL_ENTRY) && text.contains("ban_luu"),
            "{what}: {text}"
        );
        let out = tempfile::TempDir::new().expect("temp dir");
        let (code, text) = run(
            records.path(),
            &["build", "--out", &out.path().to_string_lossy()],
        );
        assert_eq!(code, 1, "{what}: {text}");
        let placed = fs::read(out.path().join(format!("{PROPOSAL}.pdf"))).unwrap_or_default();
        assert!(
            placed.is_empty() || placed == genuine,
            "{what}: the build published another file as the issued proposal"
        );
        assert!(
            !String::from_utf8_lossy(&placed).contains("root:"),
            "{what}: a system file was published"
        );
    }
}

#[test]
fn a_pdf_in_the_archive_that_the_register_does_not_name_is_said() {
    let records = Folder::copy_of(&example_records());
    let orphan = "2020/da-ban-hanh/bien-ban/2020-12-15-binh-xet.pdf";
    records.write(
        orphan,
        fs::read(example_records().join(LIST_ARCHIVE)).expect("pdf"),
    );
    let (code, text) = run(records.path(), &["check"]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains(orphan) && text.contains("không có mục nào trong sổ"),
        "{text}"
    );
}

#[test]
fn register_entries_are_checked_as_records_are() {
    let cases = [
        (
            "van_ban: 2020/to-trinh/2020-12-18-de-nghi-khen-thuong",
            "van_ban: 2020/ke-hoach",
            "ban_luu",
        ),
        // A plan the records folder does not have, archive and all.
        ("2020/", "9999/", "van_ban"),
        ("loai: TTr", "loai: XYZ", "loai"),
        ("so: 5", "so: 0", "so"),
        ("so: 5", "so: 6", "so_ky_hieu"),
        ("ngay: 2020-12-18", "ngay: 2019-12-18", "ngay"),
    ];
    for (from, to, field) in cases {
        let records = Folder::copy_of(&example_records());
        let text = records.read(PROPOSAL_ENTRY);
        assert!(text.contains(from));
        records.write(PROPOSAL_ENTRY, text.replace(from, to));
        let (code, report) = common::check_json(records.path());
        assert_eq!(code, 1, "{to}: {report:#}");
        let said = report["loi_du_lieu"].to_string();
        assert!(
            said.contains(PROPOSAL_ENTRY) && said.contains(&format!("\"truong\":\"{field}\"")),
            "{to}: {said}"
        );
        // The plan is never shown as issued under the proposal's number.
        let out = tdkt_on(records.path(), &["list", "--format", "json"])
            .output()
            .expect("run");
        let listed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let plan = listed
            .as_array()
            .into_iter()
            .flatten()
            .find(|d| d["ten"] == "2020/ke-hoach");
        assert!(
            plan.is_none_or(|p| p["trang_thai"] != "da_ban_hanh"),
            "{to}: {plan:?}"
        );
    }
    let records = Folder::copy_of(&example_records());
    let text = records.read(PROPOSAL_ENTRY);
    let hash = text
        .lines()
        .find_map(|l| l.strip_prefix("bam_tep: "))
        .expect("hash")
        .to_owned();
    records.edit(PROPOSAL_ENTRY, &hash, "khong-phai-ma-bam");
    let (code, text) = run(records.path(), &["check"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("bam_tep"), "{text}");
}

#[test]
fn the_advice_after_one_number_given_twice_leads_to_a_clean_register() {
    // Two clerks, each in their own clone, issue a minutes: both take 01-BB.
    let ours = Folder::copy_of(&example_records());
    let theirs = Folder::copy_of(&example_records());
    let (code, text) = run(ours.path(), &["issue", MINUTES]);
    assert_eq!(code, 0, "{text}");
    let (code, text) = run(theirs.path(), &["issue", SELECTION]);
    assert_eq!(code, 0, "{text}");
    // The merge: their files join ours.
    for file in files_below(theirs.path()) {
        let mine = ours.path().join(&file);
        if !mine.exists() || file.ends_with("2020-03-10-lua-chon.yaml") {
            ours.write(
                &file.to_string_lossy(),
                fs::read(theirs.path().join(&file)).expect("read"),
            );
        }
    }
    let (code, text) = run(ours.path(), &["check"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("đã cấp cho 2 văn bản"), "{text}");
    // The advice, for the entry of the document not sent: remove its entry
    // and archive, the number from its record, and issue it again.
    let entry = files_below(&ours.path().join("so-van-ban-di"))
        .into_iter()
        .find(|f| f.to_string_lossy().contains("lua-chon"))
        .expect("their entry");
    let entry = Path::new("so-van-ban-di").join(entry);
    let advice = text
        .lines()
        .find(|l| l.contains(&*entry.to_string_lossy()) && l.contains("đã cấp cho 2"))
        .expect("the entry's own message")
        .to_owned();
    let archive = "2020/da-ban-hanh/bien-ban/2020-03-10-lua-chon.pdf";
    let kept = "2020/da-ban-hanh/bien-ban/2020-03-10-lua-chon.nguon.yaml";
    for said in [
        archive,
        kept,
        "khóa `so`",
        &format!("tdkt issue {SELECTION}"),
    ] {
        assert!(
            advice.contains(said),
            "the advice does not say {said}: {advice}"
        );
    }
    ours.remove(&entry.to_string_lossy())
        .remove(archive)
        .remove(kept);
    let record = "2020/cuoc-hop/2020-03-10-lua-chon.yaml";
    // Leaving the number in the record, the issue says where it is.
    let (code, text) = run(ours.path(), &["issue", SELECTION]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains(record) && text.contains("khóa `so`") && !text.contains("--so"),
        "{text}"
    );
    let numbered = ours
        .read(record)
        .lines()
        .filter(|l| !l.starts_with("so: "))
        .map(|l| format!("{l}\n"))
        .collect::<String>();
    ours.write(record, numbered);
    let (code, text) = run(ours.path(), &["issue", SELECTION]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("số 02-BB/HĐTĐKT"), "{text}");
    let (code, text) = run(ours.path(), &["check"]);
    assert_eq!(code, 0, "{text}");
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success());
}

#[test]
fn links_pipes_and_huge_files_are_refused_without_hanging() {
    let ten = Duration::from_secs(20);
    // A kept-records file linked to an endless device.
    let records = Folder::copy_of(&example_records());
    let kept = records
        .path()
        .join("2020/da-ban-hanh/to-trinh/2020-12-18-de-nghi-khen-thuong.nguon.yaml");
    fs::remove_file(&kept).expect("remove");
    std::os::unix::fs::symlink("/dev/zero", &kept).expect("link");
    common::redate_the_issued_proposal(&records);
    let child = tdkt_on(records.path(), &["check"]).spawn().expect("run");
    let out = within(child, ten, "check with /dev/zero kept");
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("liên kết"), "{}", stdout(&out));

    // A pipe where a record, an archive, a register entry, the register's
    // settings are; and a pipe given to verify.
    let places = [
        "2020/ca-nhan/ngo-van-khai.yaml",
        PROPOSAL_ARCHIVE,
        PROPOSAL_ENTRY,
        "so-van-ban-di/cai-dat.yaml",
    ];
    for place in places {
        let records = Folder::copy_of(&example_records());
        let path = records.path().join(place);
        let _ = fs::remove_file(&path);
        mkfifo(&path);
        for args in [&["check"][..], &["issue", MINUTES], &["list"]] {
            let child = tdkt_on(records.path(), args).spawn().expect("run");
            let out = within(child, ten, &format!("{args:?} with a pipe at {place}"));
            let said = format!("{}{}", stdout(&out), String::from_utf8_lossy(&out.stderr));
            // `list` lists what it can; it must only not hang.
            if args[0] != "list" {
                assert_eq!(out.status.code(), Some(1), "{args:?} {place}: {said}");
            }
        }
        let out_dir = tempfile::TempDir::new().expect("temp dir");
        let child = tdkt_on(
            records.path(),
            &["build", "--out", &out_dir.path().to_string_lossy()],
        )
        .spawn()
        .expect("run");
        let out = within(
            child,
            Duration::from_secs(120),
            &format!("build with a pipe at {place}"),
        );
        let said = format!("{}{}", stdout(&out), String::from_utf8_lossy(&out.stderr));
        assert_eq!(out.status.code(), Some(1), "{place}: {said}");
        assert!(said.contains("ống dẫn (FIFO)"), "{place}: {said}");
    }
    let dir = tempfile::TempDir::new().expect("temp dir");
    let pipe = dir.path().join("x.pdf");
    mkfifo(&pipe);
    let child = tdkt_on(&example_records(), &["verify", &pipe.to_string_lossy()])
        .spawn()
        .expect("run");
    let out = within(child, ten, "verify of a pipe");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_record_of_brackets_or_of_a_hundred_thousand_keys_is_read_at_once() {
    let records = Folder::copy_of(&example_records());
    let person = "2020/ca-nhan/ngo-van-khai.yaml";
    let text = records.read(person);
    records.write(person, format!("{text}ds: {}\n", "[".repeat(80_000)));
    let started = Instant::now();
    let (code, report) = common::check_json(records.path());
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(code, 1);
    assert!(report.to_string().contains("quá 20 tầng"), "{report:#}");
    // A megabyte of unknown keys: each mistake found by reading the tree
    // again cost 19 s; a file this large gets its first mistake only.
    let keys: String = (0..100_000).map(|i| format!("k{i}: v\n")).collect();
    records.write(person, format!("{text}{keys}"));
    let started = Instant::now();
    let (code, _) = common::check_json(records.path());
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(code, 1);
}

#[test]
fn invisible_characters_are_refused_by_property_and_unprintable_ones_by_check() {
    for (c, said) in [
        ('\u{3164}', "vô hình"),
        ('\u{E0041}', "vô hình"),
        ('\u{E000}', "dùng riêng"),
    ] {
        let records = Folder::copy_of(&example_records());
        records.edit(HA, "Hoàng Thu Hà", &format!("Hoàng Thu{c}Hà"));
        let e = common::only_error(records.path());
        assert_eq!(e["truong"], "ho_ten", "{e:#}");
        assert!(
            e["thong_bao"].as_str().unwrap_or_default().contains(said),
            "{e:#}"
        );
    }
    // A character the fonts cannot draw is check's to refuse, not build's.
    let records = Folder::copy_of(&example_records());
    records.edit(HA, "Hoàng Thu Hà", "Hoàng Thu\u{2800}Hà");
    let (code, report) = common::check_json(records.path());
    assert_eq!(code, 1, "{report:#}");
    assert!(report.to_string().contains("U+2800"), "{report:#}");
}

#[test]
fn a_plan_cannot_take_a_reserved_name() {
    for name in [
        "ca-nhan",
        "tap-the",
        "cuoc-hop",
        "quyet-dinh",
        "to-trinh",
        "da-ban-hanh",
        "con",
    ] {
        let records = Folder::copy_of(&example_records());
        let (code, text) = run(records.path(), &["new-plan", "2021", name, "--nam", "2022"]);
        assert_eq!(code, 1, "{name}: {text}");
        assert!(!records.path().join(name).exists(), "{name}");
        let (code, text) = run(records.path(), &["check"]);
        assert_eq!(code, 0, "{name}: {text}");
    }
    // Made by hand, it is said, not read as one plan of broken records.
    let records = Folder::copy_of(&example_records());
    fs::rename(records.path().join("2021"), records.path().join("ca-nhan")).expect("rename");
    let (code, text) = run(records.path(), &["check"]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("ca-nhan") && text.contains("dành riêng"),
        "{text}"
    );
    assert!(text.lines().count() < 20, "{text}");
}

#[test]
fn ids_windows_cannot_check_out_or_too_long_for_a_file_name_are_refused() {
    let long = format!("{}.yaml", "a".repeat(245));
    for name in ["con.yaml", "aux.yaml", "nul.yaml", long.as_str()] {
        let records = Folder::copy_of(&example_records());
        records.write(
            &format!("2020/ca-nhan/{name}"),
            records.read("2020/ca-nhan/ngo-van-khai.yaml"),
        );
        let (code, text) = run(records.path(), &["check"]);
        assert_eq!(code, 1, "{name}: {text}");
        assert!(text.contains("tên thiết bị Windows"), "{name}: {text}");
    }
}

#[test]
fn a_linked_plan_or_folder_is_named_not_skipped() {
    for (link, to) in [("2022", "2021"), ("2021/ca-nhan/cu", "../../2020/ca-nhan")] {
        let records = Folder::copy_of(&example_records());
        std::os::unix::fs::symlink(to, records.path().join(link)).expect("link");
        let (code, text) = run(records.path(), &["check"]);
        assert_eq!(code, 1, "{link}: {text}");
        assert!(
            text.contains(link) && text.contains("liên kết"),
            "{link}: {text}"
        );
    }
}

#[test]
fn init_refuses_what_check_would_refuse_and_schema_writes_over_no_clerks_file() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let out = common::command()
        .current_dir(dir.path())
        .args([
            "init",
            "co-quan",
            "--ten",
            "SỞ NỘI VỤ\u{202E}",
            "--ten-goi",
            "Sở Nội vụ",
            "--cap-tren",
            "UBND TỈNH ĐẮK LẮK",
            "--viet-tat",
            "SNV",
            "--dia-danh",
            "Đắk\nLắk",
            "--the-thuc",
            "nha-nuoc",
            "--thu-truong",
            "Trần Văn Hải",
            "--chuc-vu",
            "GIÁM ĐỐC",
        ])
        .stdin(Stdio::null())
        .output()
        .expect("run");
    let said = String::from_utf8_lossy(&out.stderr).into_owned() + &stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("--ten") && said.contains("U+202E"), "{said}");
    assert!(said.contains("--dia-danh"), "{said}");
    assert!(!dir.path().join("co-quan").exists());

    let clerks = dir.path().join("ca-nhan.json");
    fs::write(&clerks, "{\"cua\": \"văn thư\"}").expect("write");
    let out = common::command()
        .args(["schema", &dir.path().to_string_lossy()])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        fs::read_to_string(&clerks).expect("read"),
        "{\"cua\": \"văn thư\"}"
    );
    assert!(
        !dir.path().join("ke-hoach.json").exists(),
        "nothing written"
    );
    fs::remove_file(&clerks).expect("remove");
    for _ in 0..2 {
        let out = common::command()
            .args(["schema", &dir.path().to_string_lossy()])
            .output()
            .expect("run");
        assert!(out.status.success(), "its own files are rewritten");
    }
}

#[test]
fn a_missing_kept_records_file_is_named_as_missing() {
    let records = Folder::copy_of(&example_records());
    let kept = "2020/da-ban-hanh/to-trinh/2020-12-18-de-nghi-khen-thuong.nguon.yaml";
    records.remove(kept);
    common::redate_the_issued_proposal(&records);
    let (code, text) = run(records.path(), &["check"]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains(kept) && text.contains("không có tệp này"),
        "{text}"
    );
}

#[test]
fn scan_reminders_are_one_line_and_issued_file_names_are_ascii() {
    let records = Folder::copy_of(&example_records());
    let (code, text) = run(records.path(), &["check"]);
    assert_eq!(code, 0, "{text}");
    let reminders: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("bản ký đã quét"))
        .collect();
    assert_eq!(reminders.len(), 1, "{text}");
    assert!(reminders[0].contains("2 văn bản"), "{text}");
    // The decision, numbered 128-QĐ in its record: its entry's name is
    // ASCII ("qd"), as git shows every file name plainly.
    let (code, text) = run(
        records.path(),
        &["issue", "2020/quyet-dinh/2020-12-28-khen-thuong"],
    );
    assert_eq!(code, 0, "{text}");
    let names = files_below(&records.path().join("so-van-ban-di"));
    assert!(
        names.iter().all(|f| f.to_string_lossy().is_ascii()),
        "{names:?}"
    );
    assert!(
        names.iter().any(|f| f
            .to_string_lossy()
            .contains("128-qd-2020.quyet-dinh.2020-12-28-khen-thuong")),
        "{names:?}"
    );
}
