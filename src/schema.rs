//! `tdkt schema`: a JSON Schema for each kind of record, generated from the
//! record types the loader reads (schemars), so an editor completes keys,
//! lists the codes and their wordings and underlines a typo'd key as the
//! loader would refuse it. Descriptions are the Vietnamese of
//! `docs/records.md`, the record format's one description, looked up by
//! key; the types' own doc comments (English, for developers) are dropped.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use crate::records::plan_text::{Item, Section};
use crate::records::{
    Collective, Decision, DocNumber, Fraction, Kind, Meeting, Person, Plan, Proposal,
    RegistrationList, Tenths, Threshold, YearReport,
};
use crate::text::{Date, DateTime, Id, Line, Paragraphs};

/// The record format's description, built into the binary.
const RECORDS_DOC: &str = include_str!("../docs/records.md");

macro_rules! schema_of {
    ($type:ty, $name:literal, $schema:tt) => {
        impl JsonSchema for $type {
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

schema_of!(Line, "Line", { "type": "string", "minLength": 1, "pattern": "^[^\\n]*$" });
schema_of!(Paragraphs, "Paragraphs", { "type": "string", "minLength": 1 });
schema_of!(Id, "Id", {
    "type": "string",
    "pattern": "^[a-z0-9][a-z0-9-]*$",
    "x-tdkt-mo-ta": "mã của một bản ghi: tên tệp không có .yaml",
    "examples": ["nguyen-thi-lan"]
});
schema_of!(Date, "Date", {
    "type": "string",
    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    "x-tdkt-mo-ta": "ngày viết NNNN-TT-NN",
    "examples": ["2020-03-05"]
});
schema_of!(DateTime, "DateTime", {
    "type": "string",
    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}$",
    "x-tdkt-mo-ta": "ngày giờ viết NNNN-TT-NN GG:PP",
    "examples": ["2020-03-10 08:00"]
});
schema_of!(DocNumber, "DocNumber", {
    "type": ["integer", "string"],
    "x-tdkt-mo-ta": "số văn bản (5, 05) hoặc số và ký hiệu theo thể thức",
    "examples": [5, "05-TTr/BTCTU", "05/TTr-SNV"]
});
schema_of!(Tenths, "Tenths", {
    "type": ["number", "string"],
    "x-tdkt-mo-ta": "hệ số mức lương cơ sở, đến một chữ số thập phân",
    "examples": [0.3, "1,5"]
});
schema_of!(Threshold, "Threshold", {
    "anyOf": [
        { "type": "integer", "minimum": 1, "maximum": 100 },
        { "type": "string", "enum": ["qua_ban", "quá bán"] }
    ],
    "x-tdkt-mo-ta": "ngưỡng đồng ý: qua_ban hoặc số phần trăm",
    "examples": ["qua_ban", 80]
});
schema_of!(Fraction, "Fraction", {
    "type": "string",
    "pattern": "^ *[0-9]+ */ *[0-9]+ *$",
    "x-tdkt-mo-ta": "tỷ lệ tử/mẫu",
    "examples": ["2/3"]
});

impl JsonSchema for Item {
    fn schema_name() -> Cow<'static, str> {
        "Item".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let section = generator.subschema_for::<Section>();
        json_schema!({
            "anyOf": [{ "type": "string", "minLength": 1 }, section],
            "x-tdkt-mo-ta": "một đoạn văn, hoặc một mục có ten (và doan, muc)"
        })
    }
}

/// Each kind of record's schema and its file name, described from the
/// kind's section of `docs/records.md`.
pub fn schemas() -> Vec<(String, Value)> {
    Kind::ALL
        .into_iter()
        .map(|kind| {
            let schema = match kind {
                Kind::Plan => root::<Plan>(),
                Kind::Collective => root::<Collective>(),
                Kind::Person => root::<Person>(),
                Kind::Meeting => root::<Meeting>(),
                Kind::Proposal => root::<Proposal>(),
                Kind::Decision => root::<Decision>(),
                Kind::RegistrationList => root::<RegistrationList>(),
                Kind::YearReport => root::<YearReport>(),
            };
            let heading = match kind.top_file() {
                Some(file) => format!("`{file}`"),
                None => format!("`{}/", kind.folder()),
            };
            let mut value = schema.to_value();
            let keys = described_keys(&heading);
            describe(&mut value, &keys);
            (format!("{}.json", kind.name()), value)
        })
        .collect()
}

fn root<T: JsonSchema>() -> Schema {
    SchemaGenerator::default().into_root_schema_for::<T>()
}

/// The rows `| `key` | … | description |` of the section whose heading
/// starts with `heading`: each key path (`co_quan.ten`, `noi_dung[].ma`)
/// with the row's last cell.
fn described_keys(heading: &str) -> Vec<(String, String)> {
    let mut keys = Vec::new();
    let mut inside = false;
    for line in RECORDS_DOC.lines() {
        if let Some(title) = line.strip_prefix("## ") {
            inside = title.starts_with(heading);
            continue;
        }
        if !inside || !line.starts_with("| `") {
            continue;
        }
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
        let (Some(first), Some(last)) = (cells.first(), cells.last()) else {
            continue;
        };
        for key in first.split(", ") {
            let key = key.trim_matches('`');
            if !key.is_empty() && !key.contains(' ') {
                keys.push((key.to_owned(), (*last).to_owned()));
            }
        }
    }
    keys
}

/// Where tdkt's own schemas (the text, date and code types) keep their
/// description until the doc comments' descriptions are dropped.
const OWN: &str = "x-tdkt-mo-ta";

/// Drops the developers' descriptions, keeps tdkt's own, and sets the
/// clerk's by key path.
fn describe(schema: &mut Value, keys: &[(String, String)]) {
    settle_descriptions(schema);
    for (path, text) in keys {
        let Some(at) = pointer_of(schema, path) else {
            continue;
        };
        if let Some(Value::Object(field)) = schema.pointer_mut(&at) {
            field.insert("description".into(), Value::String(text.clone()));
        }
    }
}

fn settle_descriptions(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.remove("description");
            if let Some(own) = map.remove(OWN) {
                map.insert("description".into(), own);
            }
            map.values_mut().for_each(settle_descriptions);
        }
        Value::Array(items) => items.iter_mut().for_each(settle_descriptions),
        _ => {}
    }
}

/// The JSON pointer of the schema of `path` (`co_quan.ten`,
/// `noi_dung[].ma`), through references, optional values and lists.
fn pointer_of(root: &Value, path: &str) -> Option<String> {
    let mut at = String::new();
    for step in path.split('.') {
        let (name, each) = match step.strip_suffix("[]") {
            Some(name) => (name, true),
            None => (step, false),
        };
        at = format!("{}/properties/{name}", with(root, &at, "properties")?);
        root.pointer(&at)?;
        if each {
            at = format!("{}/items", with(root, &at, "items")?);
        }
    }
    Some(at)
}

/// The pointer of the schema at `at`, or of the one it refers to or
/// allows, that has `key`.
fn with(root: &Value, at: &str, key: &str) -> Option<String> {
    let here = root.pointer(at)?;
    if here.get(key).is_some() {
        return Some(at.to_owned());
    }
    if let Some(target) = here.get("$ref").and_then(Value::as_str) {
        return with(root, target.strip_prefix('#')?, key);
    }
    let alternatives = here
        .get("anyOf")
        .or_else(|| here.get("oneOf"))?
        .as_array()?;
    (0..alternatives.len()).find_map(|i| with(root, &format!("{at}/anyOf/{i}"), key))
}

/// What marks a schema file as tdkt's: the value of its `$comment`.
const WRITTEN_BY_TDKT: &str = "Do tdkt schema ghi; đừng sửa tay, chạy lại tdkt schema để cập nhật.";

/// Whether the file at `path` is one tdkt wrote: a JSON object whose
/// `$comment` is tdkt's mark. Only such a file is ever written over.
fn ours(path: &std::path::Path) -> bool {
    crate::read::read_bounded(path, 4 * 1024 * 1024)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok())
        .is_some_and(|v| v.get("$comment").and_then(Value::as_str) == Some(WRITTEN_BY_TDKT))
}

/// Writes every schema into `dir`; returns the files written. A file of the
/// same name that tdkt did not write is never written over: then nothing
/// is written, and every such file is named.
pub fn write(dir: &std::path::Path) -> Result<Vec<std::path::PathBuf>, String> {
    let schemas = schemas();
    let theirs: Vec<String> = schemas
        .iter()
        .map(|(file, _)| dir.join(file))
        .filter(|path| std::fs::symlink_metadata(path).is_ok() && !ours(path))
        .map(|path| path.display().to_string())
        .collect();
    if !theirs.is_empty() {
        return Err(format!(
            "{} đã có và không phải do tdkt ghi; tdkt không ghi đè — hãy chọn thư mục khác (mặc \
             định là schema/ của kho) hoặc đổi tên các tệp đó",
            theirs.join(", ")
        ));
    }
    let mut written = Vec::new();
    for (file, mut schema) in schemas {
        if let Some(object) = schema.as_object_mut() {
            object.insert("$comment".into(), Value::from(WRITTEN_BY_TDKT));
        }
        let path = dir.join(file);
        let text = serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())? + "\n";
        crate::files::write_atomically(&path, text.as_bytes())
            .map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}
