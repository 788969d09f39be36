//! The shape of the code, held: each module imports only from its own stage
//! or an earlier one, and every kind of document has its template, its
//! row in the docs and its file.

use std::fs;
use std::path::{Path, PathBuf};

/// The modules of `src/`, by stage: a module may use those of its own
/// stage and of earlier ones, never a later one. `docs/architecture.md`
/// draws the same picture.
const STAGES: &[&[&str]] = &[
    // What every stage may speak: values, words, formats, failures.
    &[
        "problem", "error", "text", "encoding", "vocab", "words", "amount", "format", "locate",
        "fonts", "job", "read",
    ],
    &["records", "ruleset"],
    &["load"],
    &["check"],
    &["documents"],
    // A document rendered: its PDF, and for a list its spreadsheet.
    &["render", "sheets"],
    &["files", "manifest", "journal"],
    // The records' JSON Schema, written for editors.
    &["schema"],
    &["build"],
    &["paperwork"],
    &["report"],
    // The binary's command line: its words and its errors; then each
    // command, run.
    &["cli"],
    &["run"],
];

fn stage_of(module: &str) -> Option<usize> {
    STAGES.iter().position(|s| s.contains(&module))
}

fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            found.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
    found
}

/// The top-level module a file of `src/` belongs to.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("inside src");
    let first = rel.components().next().expect("a component");
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_owned()
}

#[test]
fn no_module_imports_from_a_later_stage() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut backwards = Vec::new();
    for file in sources(&src) {
        let module = module_of(&src, &file);
        if module == "lib" || module == "main" {
            continue;
        }
        let stage =
            stage_of(&module).unwrap_or_else(|| panic!("module {module} has no stage in STAGES"));
        let text = fs::read_to_string(&file).expect("read source");
        for (i, line) in text.lines().enumerate() {
            let mut rest = line;
            while let Some(at) = rest.find("crate::") {
                rest = &rest[at + "crate::".len()..];
                let used: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if let Some(used_stage) = stage_of(&used)
                    && used_stage > stage
                {
                    backwards.push(format!(
                        "{}:{}: {module} uses {used}",
                        file.display(),
                        i + 1
                    ));
                }
            }
        }
    }
    assert!(
        backwards.is_empty(),
        "imports from a later stage:\n{}",
        backwards.join("\n")
    );
}

#[test]
fn no_source_file_is_much_over_four_hundred_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for file in sources(&src) {
        let lines = fs::read_to_string(&file).expect("read").lines().count();
        assert!(lines <= 450, "{} has {lines} lines", file.display());
    }
}

#[test]
fn every_kind_of_document_has_its_template_its_file_and_its_row_in_the_docs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let docs = fs::read_to_string(root.join("docs/templates.md")).expect("templates doc");
    let mut missing = Vec::new();
    for kind in tdkt::documents::KINDS {
        assert!(
            root.join("templates").join(kind.template.name).is_file(),
            "{}: no template {}",
            kind.name,
            kind.template.name
        );
        let file = root
            .join("src/documents")
            .join(format!("{}.rs", kind.name.replace('-', "_")));
        assert!(file.is_file(), "{}: no {}", kind.name, file.display());
        // The docs' row is the table's row, word for word.
        let row = format!(
            "| `{}` | {} | {} | {} | {} | `src/documents/{}.rs` |",
            kind.template.name,
            kind.title,
            kind.one_per,
            match kind.output {
                tdkt::documents::Output::One(path) => format!("`{path}.pdf`"),
                tdkt::documents::Output::Each(folder) => format!("`{folder}/`"),
            },
            match (kind.issued, kind.code) {
                (true, Some(code)) => format!("ban hành, số có `{code}`"),
                (true, None) => "ban hành".to_owned(),
                (false, _) => "—".to_owned(),
            },
            kind.name.replace('-', "_")
        );
        if !docs.lines().any(|l| l == row) {
            missing.push(row);
        }
    }
    assert!(
        missing.is_empty(),
        "docs/templates.md lacks these rows of KINDS:\n{}",
        missing.join("\n")
    );
}
