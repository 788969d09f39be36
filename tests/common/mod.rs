//! Shared by the integration tests: a copy of a fixture folder to break one
//! thing at a time, and the `tdkt` binary run on it.
#![allow(dead_code)]

pub mod pdf;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::Value;
use tempfile::TempDir;

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The example records folder: the body's every plan, one folder each.
pub fn example_records() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("records")
}

/// The second example body, a Sở in the State format under the 2022 law:
/// a records repository of its own.
pub fn second_body() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/so-noi-vu")
}

/// The example's 2020 plan, a folder a clerk can read alone.
pub fn example_plan() -> PathBuf {
    example_records().join("2020")
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk fixture");
        let rel = entry.path().strip_prefix(from).expect("inside fixture");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("create dir");
        } else {
            fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// A private copy of a records folder, to edit.
pub struct Folder {
    dir: TempDir,
}

impl Folder {
    pub fn copy_of(source: &Path) -> Folder {
        let dir = TempDir::new().expect("temp dir");
        copy_dir(source, dir.path());
        Folder { dir }
    }

    /// The small fixture `tests/fixtures/nho`.
    pub fn small() -> Folder {
        Folder::copy_of(&fixtures().join("nho"))
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn read(&self, file: &str) -> String {
        fs::read_to_string(self.path().join(file)).expect("read record")
    }

    /// Replaces `from` by `to` in `file`; `from` must be there, so a test
    /// never passes because its edit silently missed.
    pub fn edit(&self, file: &str, from: &str, to: &str) -> &Self {
        let text = self.read(file);
        assert!(text.contains(from), "{file} does not contain {from:?}");
        self.write(file, text.replacen(from, to, 1));
        self
    }

    pub fn write(&self, file: &str, content: impl AsRef<[u8]>) -> &Self {
        let path = self.path().join(file);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, content).expect("write record");
        self
    }

    /// Drops every line that sets `key` (at any indentation) from each
    /// record in the folder `under`: a key a test wants absent.
    pub fn drop_key(&self, under: &str, key: &str) -> &Self {
        let prefix = format!("{key}:");
        for file in files(&self.path().join(under)) {
            let path = Path::new(under).join(file);
            let path = path.to_str().expect("path");
            let kept: String = self
                .read(path)
                .lines()
                .filter(|l| !l.trim_start().starts_with(&prefix))
                .map(|l| format!("{l}\n"))
                .collect();
            self.write(path, kept);
        }
        self
    }

    pub fn remove(&self, file: &str) -> &Self {
        fs::remove_file(self.path().join(file)).expect("remove record");
        self
    }
}

/// The documents the small fixture (`tests/fixtures/nho`, plan 2020) makes,
/// each by its name below the plan's output folder: every count of its
/// documents is this list's length.
pub const SMALL_DOCUMENTS: &[&str] = &[
    "bao-cao-ket-qua",
    "bao-cao-thanh-tich/pham-thi-dung",
    "bao-cao-thanh-tich/phong-a",
    "bao-cao-thanh-tich/tran-thi-binh",
    "bien-ban/binh-xet",
    "bien-ban/lua-chon",
    "dang-ky/ca-nhan/le-van-cuong",
    "dang-ky/ca-nhan/pham-thi-dung",
    "dang-ky/ca-nhan/tran-thi-binh",
    "dang-ky/danh-sach",
    "dang-ky/tap-the/phong-a",
    "dang-ky/tap-the/phong-b",
    "phieu-bau/binh-xet",
    "phieu-bau/lua-chon",
    "phieu-xet/binh-xet",
    "phieu-xet/lua-chon",
    "to-trinh/de-nghi",
];

/// What a build of the whole small fixture says it made.
pub fn small_built() -> String {
    format!("Đã lập {} văn bản", SMALL_DOCUMENTS.len())
}

/// A data error's place: file, field, line, column.
pub fn place(e: &Value) -> (String, String, u64, u64) {
    (
        e["tep"].as_str().unwrap_or_default().to_owned(),
        e["truong"].as_str().unwrap_or_default().to_owned(),
        e["dong"].as_u64().unwrap_or(0),
        e["cot"].as_u64().unwrap_or(0),
    )
}

/// A data error's message.
pub fn message(e: &Value) -> String {
    e["thong_bao"].as_str().unwrap_or_default().to_owned()
}

/// tdkt with `args` and `--records RECORDS`, no standard input, its output
/// captured: to spawn, or to give an environment first.
pub fn tdkt_on(records: &Path, args: &[&str]) -> Command {
    let mut command = command();
    command
        .args(args)
        .arg("--records")
        .arg(records)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Waits for a child at most `limit`: a command that hangs fails the test
/// instead of hanging the suite.
pub fn within(mut child: Child, limit: Duration, what: &str) -> Output {
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("{what} still ran after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// tdkt with `args` and `--records RECORDS`, given two minutes at most: its
/// exit code and everything it said, standard output then standard error.
pub fn run_on(records: &Path, args: &[&str]) -> (i32, String) {
    let child = tdkt_on(records, args).spawn().expect("run tdkt");
    let out = within(child, Duration::from_secs(120), &format!("tdkt {args:?}"));
    let text = format!("{}{}", stdout(&out), String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), text)
}

/// Moves the issued proposal's date in its record: a change it shows.
pub fn redate_the_issued_proposal(records: &Folder) {
    records.edit(
        "2020/to-trinh/2020-12-18-de-nghi-khen-thuong.yaml",
        "ngay: 2020-12-18",
        "ngay: 2020-12-19",
    );
}

/// Runs a tool the tests need; a missing tool fails the test, loudly.
pub fn tool(program: &str, args: &[&str]) {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("{program} is needed by this test and could not run ({e}); .ci/run installs it")
        });
    assert!(
        out.status.success(),
        "{program} {args:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Reads a workbook with a real spreadsheet library (openpyxl, installed
/// by `.ci/run`): each sheet's rows of values by its name, a date cell as
/// "date:YYYY-MM-DD" and a number as a JSON number.
pub fn read_book(book: &Path) -> Value {
    const READ_BOOK: &str = r#"
import datetime, json, sys, openpyxl
def cell(v):
    if isinstance(v, datetime.datetime):
        return "date:" + v.date().isoformat()
    return v
book = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({s.title: [[cell(c) for c in r] for r in s.iter_rows(values_only=True)] for s in book}))
"#;
    let out = Command::new("python3")
        .args(["-c", READ_BOOK, &book.to_string_lossy()])
        .output()
        .expect("python3 with openpyxl is needed by this test; .ci/run installs it");
    assert!(
        out.status.success(),
        "openpyxl could not read {}: {}",
        book.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

/// The tdkt binary under test, to be given its arguments, folder and
/// environment: the one place the tests name it.
pub fn command() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tdkt"))
}

pub fn tdkt(args: &[&str]) -> Output {
    command().args(args).output().expect("run tdkt")
}

/// `tdkt init` of a Sở Y tế of Lâm Đồng (State format, 2025, its head
/// Phạm Thị Lan) in `dir`, every answer given as an option.
pub fn init_so_y_te(dir: &Path) -> Output {
    tdkt_in(
        dir,
        &[
            "init",
            "--ten",
            "SỞ Y TẾ",
            "--ten-goi",
            "Sở Y tế",
            "--cap-tren",
            "UBND TỈNH LÂM ĐỒNG",
            "--viet-tat",
            "SYT",
            "--dia-danh",
            "Lâm Đồng",
            "--the-thuc",
            "nha-nuoc",
            "--thu-truong",
            "Phạm Thị Lan",
            "--chuc-vu",
            "GIÁM ĐỐC",
            "--nam",
            "2025",
        ],
    )
}

/// tdkt with `args`, run in `dir` with no standard input.
pub fn tdkt_in(dir: &Path, args: &[&str]) -> Output {
    command()
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("run tdkt")
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `tdkt check --format json` on a folder: exit code and the parsed report.
pub fn check_json(dir: &Path) -> (i32, Value) {
    let out = tdkt(&[
        "check",
        "--records",
        &dir.to_string_lossy(),
        "--format",
        "json",
    ]);
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("check printed no JSON ({e}): {}", stdout(&out)));
    (out.status.code().expect("exit code"), json)
}

/// The data errors of a report.
pub fn data_errors(report: &Value) -> Vec<Value> {
    report["loi_du_lieu"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// The one data error of a folder; fails if there are none or several.
pub fn only_error(dir: &Path) -> Value {
    let (code, report) = check_json(dir);
    assert_eq!(code, 1, "a data error must exit 1");
    let errors = data_errors(&report);
    assert_eq!(errors.len(), 1, "expected one error, got {errors:#?}");
    errors[0].clone()
}

/// The verdict of `rule` for `candidate` at the first stage named `stage`:
/// (ket_qua, ly_do, the candidate's file).
pub fn verdict(
    report: &Value,
    stage: &str,
    candidate: &str,
    rule: &str,
) -> (String, String, String) {
    let stages = report["ket_qua"]["giai_doan"].as_array().expect("stages");
    let stage = stages
        .iter()
        .find(|s| s["giai_doan"] == stage)
        .unwrap_or_else(|| panic!("no stage {stage}"));
    let rows = stage["ung_vien"].as_array().expect("rows");
    let row = rows
        .iter()
        .find(|r| r["id"] == candidate)
        .unwrap_or_else(|| panic!("{candidate} not in {stage:#}"));
    let result = row["tieu_chi"]
        .as_array()
        .expect("rules")
        .iter()
        .find(|r| r["tieu_chi"] == rule)
        .unwrap_or_else(|| panic!("{rule} not evaluated for {candidate}"));
    (
        result["ket_qua"].as_str().unwrap_or_default().to_owned(),
        result["ly_do"].as_str().unwrap_or_default().to_owned(),
        row["tep"].as_str().unwrap_or_default().to_owned(),
    )
}

/// The council-decision errors of a report, as (rule, candidate, file, message).
pub fn decision_errors(report: &Value) -> Vec<(String, String, String, String)> {
    report["ket_qua"]["loi_quyet_dinh"]
        .as_array()
        .expect("decision errors")
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap_or_default().to_owned();
            (s("tieu_chi"), s("ung_vien"), s("tep"), s("thong_bao"))
        })
        .collect()
}

/// `tdkt build --records RECORDS --out OUT`.
pub fn build(records: &Path, out: &Path) -> Output {
    tdkt(&[
        "build",
        "--records",
        &records.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
    ])
}

/// The example records rendered once per test binary, into a temp folder.
pub fn example_output() -> &'static Path {
    static OUT: OnceLock<TempDir> = OnceLock::new();
    OUT.get_or_init(|| {
        let out = TempDir::new().expect("temp dir");
        let run = build(&example_records(), out.path());
        assert!(
            run.status.success(),
            "build of the example records failed:\n{}",
            stdout(&run)
        );
        out
    })
    .path()
}

/// Every file below `dir`, relative, sorted.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).expect("inside").to_path_buf())
        .collect();
    found.sort();
    found
}

/// Every phrase is in `text`; the first missing one is named.
pub fn assert_has(text: &str, phrases: &[&str]) {
    for p in phrases {
        assert!(text.contains(p), "missing {p:?} in:\n{text}");
    }
}

/// `records` built into a new output folder; the build must succeed.
pub fn built(records: &Folder) -> TempDir {
    let out = TempDir::new().expect("temp dir");
    let run = build(records.path(), out.path());
    assert!(run.status.success(), "{}", stdout(&run));
    out
}

/// The example plan as a State body's: the format switched, and the numbers
/// its issued documents carry written bare (the plan's folder alone has no
/// register; a number with the Party's symbol would not fit the State's).
pub fn state_example() -> Folder {
    let records = Folder::copy_of(&example_plan());
    records
        .edit("ke-hoach.yaml", "the_thuc: dang", "the_thuc: nha_nuoc")
        .edit(
            "to-trinh/2020-12-18-de-nghi-khen-thuong.yaml",
            "so: 05-TTr/HĐTĐKT",
            "so: 5",
        )
        .edit("danh-sach-dang-ky.yaml", "so: 01-DS/BTCTU", "so: 1")
        .edit(
            "quyet-dinh/2020-12-28-khen-thuong.yaml",
            "so: 128-QĐ/BTCTU",
            "so: 128",
        );
    records
}
