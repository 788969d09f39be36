//! #13: the JSON Schema `tdkt schema` writes, generated from the record
//! types, holds every example record and refuses what the loader refuses:
//! a typo'd key, a code that does not exist.

mod common;

use std::path::Path;

use common::{Folder, example_records, second_body, stdout, tdkt};
use serde_json::Value;

fn schemas(dir: &Path) -> Vec<(String, Value)> {
    let run = tdkt(&["schema", &dir.to_string_lossy()]);
    assert_eq!(run.status.code(), Some(0), "{}", stdout(&run));
    std::fs::read_dir(dir)
        .expect("schema folder")
        .map(|e| {
            let path = e.expect("entry").path();
            let text = std::fs::read_to_string(&path).expect("schema");
            let name = path
                .file_stem()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            (name, serde_json::from_str(&text).expect("JSON"))
        })
        .collect()
}

/// The schema of a record file, by where it sits: `ke-hoach.yaml`,
/// `ca-nhan/x.yaml`…
fn schema_for<'a>(schemas: &'a [(String, Value)], file: &Path) -> Option<&'a Value> {
    let stem = file.file_stem()?.to_str()?;
    let folder = file.parent()?.file_name()?.to_str()?;
    schemas
        .iter()
        .find(|(name, _)| name == folder || name == stem)
        .map(|(_, s)| s)
}

/// The schema `tdkt schema` writes for a person's record.
fn person_schema() -> Value {
    let dir = tempfile::TempDir::new().expect("temp dir");
    schemas(dir.path())
        .into_iter()
        .find(|(n, _)| n == "ca-nhan")
        .expect("ca-nhan")
        .1
}

fn errors(schema: &Value, yaml: &str) -> Vec<String> {
    let value: Value = serde_yaml::from_str(yaml).expect("YAML");
    let validator = jsonschema::validator_for(schema).expect("a valid schema");
    validator
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn every_example_record_is_valid_against_its_schema() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let schemas = schemas(dir.path());
    assert_eq!(schemas.len(), 8);
    let mut checked = 0;
    for root in [example_records(), second_body()] {
        for entry in walkdir::WalkDir::new(&root) {
            let entry = entry.expect("walk");
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "yaml")
                || path.components().any(|c| {
                    matches!(
                        c.as_os_str().to_str(),
                        Some("so-van-ban-di" | "da-ban-hanh")
                    )
                })
            {
                continue;
            }
            let Some(schema) = schema_for(&schemas, path) else {
                continue;
            };
            let text = std::fs::read_to_string(path).expect("record");
            let found = errors(schema, &text);
            assert!(found.is_empty(), "{}: {found:#?}", path.display());
            checked += 1;
        }
    }
    assert!(checked > 60, "{checked} records checked");
}

#[test]
fn a_typo_is_refused_by_the_schema_as_by_the_loader() {
    let person = person_schema();
    let person = &person;
    let folder = Folder::small();
    folder.edit("ca-nhan/tran-thi-binh.yaml", "chuc_vu:", "chuc_vuu:");
    let text =
        std::fs::read_to_string(folder.path().join("ca-nhan/tran-thi-binh.yaml")).expect("record");
    let found = errors(person, &text);
    assert!(found.iter().any(|e| e.contains("chuc_vuu")), "{found:#?}");
    let check = tdkt(&["check", "--records", &folder.path().to_string_lossy()]);
    assert!(stdout(&check).contains("chuc_vuu"), "{}", stdout(&check));
    // A code that is not one: refused by both, the schema listing the codes
    // and their wordings.
    let wrong = text.replace("xep_loai: hoan_thanh_xuat_sac", "xep_loai: xuat_sac");
    let found = errors(person, &wrong);
    assert!(found.iter().any(|e| e.contains("/xep_loai")), "{found:#?}");
    let rating = &person["$defs"]["Rating"];
    let names = rating["anyOf"][0]["enum"].to_string();
    assert!(
        names.contains("hoan_thanh_xuat_sac") && names.contains("hoàn thành xuất sắc nhiệm vụ"),
        "{rating}"
    );
    // Descriptions are the clerk's words, from the record format's doc.
    let described = |key: &str| person["properties"][key]["description"].clone();
    assert_eq!(described("nam_sinh"), "năm sinh");
    assert_eq!(described("ho_ten"), "họ và tên đầy đủ, không viết tắt");
}

/// #25.14: a wording the loader accepts in any case, the schema accepts too;
/// a code that is none stays refused by both.
#[test]
fn the_schema_takes_a_wording_in_any_case_as_the_loader_does() {
    let person = person_schema();
    let person = &person;
    let folder = Folder::small();
    let file = "ca-nhan/tran-thi-binh.yaml";
    let text = std::fs::read_to_string(folder.path().join(file)).expect("record");
    for (written, accepted) in [
        ("Hoàn thành xuất sắc nhiệm vụ", true),
        ("HOÀN THÀNH XUẤT SẮC NHIỆM VỤ", true),
        ("  Hoan_Thanh_Xuat_Sac ", true),
        ("hoàn thành xuất sắc", false),
        ("hoan.thanh.xuat.sac", false),
    ] {
        let edited = text.replace(
            "xep_loai: hoan_thanh_xuat_sac",
            &format!("xep_loai: \"{written}\""),
        );
        assert_ne!(edited, text);
        let by_schema = errors(person, &edited).is_empty();
        folder.write(file, &edited);
        let check = tdkt(&["check", "--records", &folder.path().to_string_lossy()]);
        let by_loader = !stdout(&check).contains("xep_loai");
        assert_eq!(
            (by_schema, by_loader),
            (accepted, accepted),
            "{written:?}: {}",
            stdout(&check)
        );
    }
}
