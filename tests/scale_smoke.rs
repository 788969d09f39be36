//! The benchmark's record generator, small: deterministic, valid, and a
//! rebuild after one person changed renders just what shows that person.
//! Times are measured by scripts/bench.sh, not here.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{files, stdout, tdkt};

fn generator() -> PathBuf {
    // cargo builds the examples for `cargo test`, beside the test binaries.
    let exe = std::env::current_exe().expect("test binary");
    let dir = exe.parent().and_then(Path::parent).expect("target dir");
    dir.join("examples")
        .join(format!("gen-records{}", std::env::consts::EXE_SUFFIX))
}

/// The generated body: its units and people.
const UNITS: usize = 4;
const PEOPLE: usize = 24;
/// Whom the generator's proposal puts forward (one unit, two people).
const PROPOSED: usize = 3;
/// What the records call for: a form per unit and per person, the list,
/// two meetings each with its minutes, ballots and worksheet, the proposal
/// and an achievement report per candidate it proposes, the year's report.
const DOCUMENTS: usize = UNITS + PEOPLE + 1 + 2 * 3 + 1 + PROPOSED + 1;

fn generate(dir: &Path) {
    let run = Command::new(generator())
        .args([
            "--units",
            &UNITS.to_string(),
            "--people",
            &PEOPLE.to_string(),
        ])
        .arg(dir)
        .output()
        .expect("run gen-records");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn generated_records_are_deterministic_valid_and_rebuild_incrementally() {
    let a = tempfile::TempDir::new().expect("temp dir");
    let b = tempfile::TempDir::new().expect("temp dir");
    generate(a.path());
    generate(b.path());
    let names = files(a.path());
    assert_eq!(names, files(b.path()));
    for f in &names {
        assert_eq!(
            fs::read(a.path().join(f)).expect("read"),
            fs::read(b.path().join(f)).expect("read"),
            "{}",
            f.display()
        );
    }

    let check = tdkt(&["check", "--records", &a.path().to_string_lossy()]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));

    let out = tempfile::TempDir::new().expect("temp dir");
    let build = |extra: &[&str]| {
        let mut args = vec![
            "build",
            "-v",
            "--records",
            a.path().to_str().expect("path"),
            "--out",
            out.path().to_str().expect("path"),
        ];
        args.extend(extra);
        let run = tdkt(&args);
        assert!(run.status.success(), "{}", stdout(&run));
        stdout(&run)
            .lines()
            .filter_map(|l| l.trim().strip_prefix("lập: ").map(str::to_owned))
            .collect::<Vec<_>>()
    };
    assert_eq!(build(&[]).len(), DOCUMENTS);
    assert!(build(&[]).is_empty());

    // One person's commitment changes: only their form is rendered again.
    let person = names
        .iter()
        .find(|f| f.starts_with("ca-nhan"))
        .expect("a person");
    let path = a.path().join(person);
    let text = fs::read_to_string(&path).expect("read").replacen(
        "  cam_ket: >-\n    ",
        "  cam_ket: >-\n    Ghi chú thêm. ",
        1,
    );
    fs::write(&path, text).expect("write");
    let stem = person.file_stem().and_then(|s| s.to_str()).expect("stem");
    assert_eq!(build(&[]), [format!("2020/dang-ky/ca-nhan/{stem}.pdf")]);
}
