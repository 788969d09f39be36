//! Every mistake of a record in one run. serde stops at the first; so the
//! record's YAML is mended where it failed — a wrong value replaced, a
//! missing key added, an unknown key removed, each with a value the
//! record's JSON Schema accepts (its example, its first code) — and read
//! again, until it reads or no mend helps. A mended record is never used:
//! it only leads to the next mistake.

use schemars::{JsonSchema, SchemaGenerator};
use serde::de::DeserializeOwned;
use serde_json::Value as Json;
use serde_path_to_error::Segment;
use serde_yaml::Value;

/// How many further mistakes one file reports at most.
const AT_MOST: usize = 30;

/// A mistake as serde says it: the field's path and its English message.
#[derive(Clone)]
pub(super) struct Mistake {
    pub path: String,
    pub segments: Vec<Segment>,
    pub raw: String,
}

impl Mistake {
    pub fn of<E: std::fmt::Display>(err: &serde_path_to_error::Error<E>) -> Mistake {
        let path = err.path().to_string();
        // Bare, so that a mistake read from text ("dang_ky: missing field
        // `noi_dung` at line 7 column 3") is mended as the same mistake read
        // from a tree: left prefixed, it was taken for a wrong value, and the
        // whole `dang_ky` was replaced, giving four false "missing" problems.
        let raw = super::explain::bare(&path, &err.inner().to_string()).to_owned();
        Mistake {
            segments: err.path().iter().cloned().collect(),
            path,
            raw,
        }
    }
}

/// The mistakes of `text` after `first`, each found by mending the ones
/// before it, and the record as mended when no mistake is left (its
/// references can then be checked); none when the text is no YAML tree.
/// The largest file whose mistakes are all found in one run; a clerk's
/// record is a few kilobytes.
const MEND_AT_MOST_BYTES: usize = 64 * 1024;

pub(super) fn further<T: DeserializeOwned + JsonSchema>(
    text: &str,
    first: Mistake,
) -> (Vec<Mistake>, Option<T>) {
    // Each mending reads the whole tree again: a file far larger than any
    // clerk's record (100,000 unknown keys in 1 MB took 19 s) gets its
    // first mistake only.
    if text.len() > MEND_AT_MOST_BYTES {
        return (Vec::new(), None);
    }
    let Ok(mut value) = serde_yaml::from_str::<Value>(text) else {
        return (Vec::new(), None);
    };
    let schema = SchemaGenerator::default()
        .into_root_schema_for::<T>()
        .to_value();
    let mut seen = vec![(first.path.clone(), first.raw.clone())];
    let mut found = Vec::new();
    let mut last = first;
    for _ in 0..AT_MOST {
        if !mend(&mut value, &schema, &last) {
            break;
        }
        let err = match serde_path_to_error::deserialize::<_, T>(value.clone()) {
            Ok(mended) => return (found, Some(mended)),
            Err(err) => err,
        };
        let mistake = Mistake::of(&err);
        let key = (mistake.path.clone(), mistake.raw.clone());
        if seen.contains(&key) {
            break;
        }
        seen.push(key);
        found.push(mistake.clone());
        last = mistake;
    }
    (found, None)
}

/// Mends `value` where `mistake` is; false when it cannot.
fn mend(value: &mut Value, schema: &Json, mistake: &Mistake) -> bool {
    let segments = &mistake.segments;
    if let Some(rest) = mistake.raw.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or_default();
        let mut at = segments.clone();
        at.push(Segment::Map {
            key: key.to_owned(),
        });
        let Some(filler) = schema_at(schema, &at).and_then(|s| filler(schema, s)) else {
            return false;
        };
        return match node(value, segments) {
            Some(Value::Mapping(map)) => {
                map.insert(Value::String(key.to_owned()), filler);
                true
            }
            _ => false,
        };
    }
    if let Some(rest) = mistake.raw.strip_prefix("unknown field `") {
        let key = rest.split('`').next().unwrap_or_default();
        let container = match segments.last() {
            Some(Segment::Map { key: last }) if last == key => &segments[..segments.len() - 1],
            _ => segments.as_slice(),
        };
        let meant = schema_at(schema, container).and_then(|s| meant_key(schema, s, key));
        return match node(value, container) {
            Some(Value::Mapping(map)) => match map.remove(key) {
                // A typo of a key the record lacks ("cam_kett") is that key:
                // its value is kept under it, so one typo is one problem.
                Some(v) => {
                    if let Some(meant) = meant.filter(|m| !map.contains_key(m.as_str())) {
                        map.insert(Value::String(meant), v);
                    }
                    true
                }
                None => false,
            },
            _ => false,
        };
    }
    if segments.is_empty() {
        return false;
    }
    let Some(filler) = schema_at(schema, segments).and_then(|s| filler(schema, s)) else {
        return false;
    };
    match node(value, segments) {
        Some(old) if *old != filler => {
            *old = filler;
            true
        }
        _ => false,
    }
}

/// The key of the object schema `schema` that `typed` is a typo of (at most
/// two edits away), if one is.
fn meant_key(root: &Json, schema: &Json, typed: &str) -> Option<String> {
    branches(root, schema)
        .into_iter()
        .filter_map(|s| s.get("properties").and_then(Json::as_object))
        .flat_map(|p| p.keys())
        .map(|k| (strsim::damerau_levenshtein(k, typed), k))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, k)| k.clone())
}

/// The YAML value at `segments`.
fn node<'a>(mut value: &'a mut Value, segments: &[Segment]) -> Option<&'a mut Value> {
    for segment in segments {
        value = match (segment, value) {
            (Segment::Map { key }, Value::Mapping(map)) => map.get_mut(key.as_str())?,
            (Segment::Seq { index }, Value::Sequence(items)) => items.get_mut(*index)?,
            _ => return None,
        };
    }
    Some(value)
}

/// A schema with its `$ref` followed.
fn followed<'a>(root: &'a Json, mut schema: &'a Json) -> &'a Json {
    for _ in 0..8 {
        let Some(name) = schema
            .get("$ref")
            .and_then(Json::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"))
        else {
            break;
        };
        match root.get("$defs").and_then(|d| d.get(name)) {
            Some(target) => schema = target,
            None => break,
        }
    }
    schema
}

/// The schema, and the branches of its `anyOf`/`oneOf`, followed.
fn branches<'a>(root: &'a Json, schema: &'a Json) -> Vec<&'a Json> {
    let schema = followed(root, schema);
    let mut all = vec![schema];
    for key in ["anyOf", "oneOf", "allOf"] {
        if let Some(Json::Array(list)) = schema.get(key) {
            all.extend(list.iter().map(|s| followed(root, s)));
        }
    }
    all
}

/// The schema of the value at `segments` below `root`.
fn schema_at<'a>(root: &'a Json, segments: &[Segment]) -> Option<&'a Json> {
    let mut schema = root;
    for segment in segments {
        schema = branches(root, schema)
            .into_iter()
            .find_map(|s| match segment {
                Segment::Map { key } => s
                    .get("properties")
                    .and_then(|p| p.get(key))
                    .or_else(|| s.get("additionalProperties").filter(|a| a.is_object())),
                Segment::Seq { .. } => s.get("items").filter(|i| i.is_object()),
                _ => None,
            })?;
    }
    Some(schema)
}

/// A value `schema` accepts: its example, its first code, or the plainest
/// value of its type.
fn filler(root: &Json, schema: &Json) -> Option<Value> {
    let schema = followed(root, schema);
    let json = if let Some(first) = schema.get("examples").and_then(|e| e.get(0)) {
        first.clone()
    } else if let Some(first) = schema.get("enum").and_then(|e| e.get(0)) {
        first.clone()
    } else if let Some(constant) = schema.get("const") {
        constant.clone()
    } else if let Some(Json::Array(list)) = schema.get("anyOf").or_else(|| schema.get("oneOf")) {
        return list
            .iter()
            .filter(|s| s.get("type").and_then(Json::as_str) != Some("null"))
            .find_map(|s| filler(root, s));
    } else {
        let kind = match schema.get("type") {
            Some(Json::String(kind)) => kind.as_str(),
            Some(Json::Array(kinds)) => kinds
                .iter()
                .filter_map(Json::as_str)
                .find(|k| *k != "null")?,
            _ => return None,
        };
        match kind {
            "string" => Json::from("x"),
            "integer" | "number" => schema.get("minimum").cloned().unwrap_or(Json::from(0)),
            "boolean" => Json::from(false),
            "array" => match schema.get("minItems").and_then(Json::as_u64) {
                Some(n) if n > 0 => {
                    let item = filler(root, schema.get("items")?)?;
                    return Some(Value::Sequence(vec![item; n as usize]));
                }
                _ => Json::Array(Vec::new()),
            },
            // With its own required keys filled, so that one missing
            // mapping is one problem, not one more per key inside it.
            "object" => {
                let mut object = serde_json::Map::new();
                let required = schema.get("required").and_then(Json::as_array);
                for key in required.into_iter().flatten().filter_map(Json::as_str) {
                    let inner = schema.get("properties").and_then(|p| p.get(key))?;
                    let value = filler(root, inner)?;
                    object.insert(key.to_owned(), serde_json::to_value(value).ok()?);
                }
                Json::Object(object)
            }
            _ => return None,
        }
    };
    serde_yaml::to_value(json).ok()
}
