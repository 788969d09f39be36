//! Mutated records (issue #10, "keep it found"): the example's records with
//! characters, lines and YAML syntax changed at random. Whatever the input,
//! loading, checking and planning end with records or problems, never a
//! panic, and every problem names a file of the folder; `tdkt check` exits
//! 0 or 1 on a sample of them. In-process, so hundreds of cases take
//! seconds.

mod common;

use std::fs;
use std::path::PathBuf;

use common::{Folder, example_plan, tdkt};
use proptest::prelude::*;

/// Characters that matter to YAML, to Typst, to the loader's guards, or to
/// Vietnamese text.
const INTERESTING: &[&str] = &[
    ":",
    "-",
    " ",
    "\t",
    "\n",
    "\"",
    "'",
    "&a",
    "*a",
    "!!binary ",
    "!x ",
    "[",
    "]",
    "{",
    "}",
    "#",
    "|",
    ">",
    "~",
    "null",
    "\0",
    "\u{202E}",
    "\u{200B}",
    "\u{FEFF}",
    "ü",
    "²",
    "«",
    "中",
    "😀",
    "ư",
    "Đ",
    "e\u{301}",
    "`",
    "\\",
    "%",
    "@",
    "99999999999999999999999",
    "-1",
    "0",
    "2020-02-30",
    "yes",
    "1e9",
    "---\n",
    "...\n",
    "? ",
    ",",
    "$",
    "=",
    "/*",
    "//",
];

#[derive(Debug, Clone)]
enum Mutation {
    Insert(usize, &'static str),
    Replace(usize, &'static str),
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let piece = prop::sample::select(INTERESTING);
    prop_oneof![
        (any::<usize>(), piece.clone()).prop_map(|(at, s)| Mutation::Insert(at, s)),
        (any::<usize>(), piece).prop_map(|(at, s)| Mutation::Replace(at, s)),
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
    ]
}

fn apply(text: &str, m: &Mutation) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut lines: Vec<&str> = text.lines().collect();
    match m {
        Mutation::Insert(at, s) | Mutation::Replace(at, s) => {
            let at = at % (chars.len() + 1);
            let skip = usize::from(matches!(m, Mutation::Replace(..)) && at < chars.len());
            let mut out: String = chars[..at].iter().collect();
            out.push_str(s);
            out.extend(&chars[at + skip..]);
            out
        }
        Mutation::DeleteLine(at) if !lines.is_empty() => {
            let n = lines.len();
            lines.remove(at % n);
            lines.join("\n")
        }
        Mutation::DuplicateLine(at) if !lines.is_empty() => {
            let n = lines.len();
            let line = lines[at % n];
            lines.insert(at % n, line);
            lines.join("\n")
        }
        Mutation::SwapLines(a, b) if !lines.is_empty() => {
            let n = lines.len();
            lines.swap(a % n, b % n);
            lines.join("\n")
        }
        _ => text.to_owned(),
    }
}

fn record_files() -> Vec<String> {
    common::files(&example_plan())
        .into_iter()
        .map(|f: PathBuf| f.to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".yaml"))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn mutated_records_give_records_or_problems_never_a_panic(
        file in prop::sample::select(record_files()),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let folder = Folder::copy_of(&example_plan());
        let mut text = folder.read(&file);
        for m in &mutations {
            text = apply(&text, m);
        }
        folder.write(&file, &text);
        let loaded = tdkt::load::load(folder.path());
        for p in &loaded.problems {
            prop_assert!(
                folder.path().join(&p.file).exists() || p.file.as_os_str().is_empty()
                    || p.file.ends_with("ke-hoach.yaml"),
                "a problem names no file of the folder: {p}"
            );
            prop_assert!(!p.message.is_empty());
        }
        if let Some(records) = &loaded.records {
            let _ = tdkt::documents::plan(records);
        }
        let repository = tdkt::load::repository(folder.path(), None);
        let findings = tdkt::report::Findings::of(&repository);
        let _ = findings.text(true);
        let _ = findings.json();
    }
}

#[test]
fn check_exits_zero_or_one_on_mutated_records() {
    // A fixed sample through the binary, so exit codes are seen as a clerk sees them.
    let files = record_files();
    for (i, file) in files.iter().enumerate().take(12) {
        let folder = Folder::copy_of(&example_plan());
        let text = folder.read(file);
        let m = Mutation::Insert(i * 37, INTERESTING[i * 5 % INTERESTING.len()]);
        fs::write(folder.path().join(file), apply(&text, &m)).expect("write");
        let run = tdkt(&["check", "--records", &folder.path().to_string_lossy()]);
        let code = run.status.code();
        assert!(matches!(code, Some(0 | 1)), "{file}: exit {code:?}");
    }
}

/// What was issued, in the example repository: its register entries, the
/// records kept beside each archive, and the archived PDFs.
fn issued_files() -> Vec<String> {
    common::files(&common::example_records())
        .into_iter()
        .map(|f: PathBuf| f.to_string_lossy().into_owned())
        .filter(|f| f.starts_with("so-van-ban-di/") || f.contains("/da-ban-hanh/"))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// The register, the kept records and the archive mutated as a
    /// colleague's edit or a bad merge would: never a panic, every problem
    /// names a file, and an archived PDF changed by one byte is never taken
    /// for the issued one.
    #[test]
    fn mutated_issued_paperwork_is_said_never_trusted(
        file in prop::sample::select(issued_files()),
        mutations in prop::collection::vec(mutation(), 1..3),
        at in any::<usize>(),
    ) {
        let folder = Folder::copy_of(&common::example_records());
        let pdf = file.ends_with(".pdf");
        if pdf {
            let mut bytes = fs::read(folder.path().join(&file)).expect("read");
            let at = at % bytes.len();
            bytes[at] ^= 0x01;
            folder.write(&file, bytes);
        } else {
            let mut text = folder.read(&file);
            for m in &mutations {
                text = apply(&text, m);
            }
            folder.write(&file, &text);
        }
        let repository = tdkt::load::repository(folder.path(), None);
        let findings = tdkt::report::Findings::of(&repository);
        let _ = findings.text(true);
        let json = findings.json();
        for p in &findings.problems {
            prop_assert!(
                folder.path().join(&p.file).exists() || p.file.as_os_str().is_empty()
                    || p.file.starts_with("so-van-ban-di"),
                "a problem names no file of the folder: {p}"
            );
        }
        if pdf {
            prop_assert!(!findings.valid(), "a changed archive passed: {file}\n{json}");
        }
    }
}
