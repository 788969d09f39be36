//! The plan's own text (`van_ban` of `ke-hoach.yaml`), from which tdkt
//! prints the plan: its opening, its parts (I, II, III …) and their numbered
//! items. What `check` holds the records to — the criteria, the quotas, the
//! content areas — is not written twice: the text names each value in
//! braces (`{so_sang_kien}`) and the plan's structured keys fill it in, so
//! the plan printed and the plan checked cannot disagree.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::Plan;
use crate::text::{Line, Paragraphs};
use crate::words::two_digits;

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanText {
    /// What comes before part I ("Hưởng ứng … như sau:").
    #[serde(default)]
    pub mo_dau: Option<Paragraphs>,
    pub phan: Vec<Part>,
}

/// A part of the plan: "I- MỤC ĐÍCH, YÊU CẦU" and its items.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub ten: Line,
    #[serde(default)]
    pub muc: Vec<Item>,
}

/// A numbered item: a paragraph written as a plain string, or a heading
/// with its own text and items. The string `{noi_dung}` stands for the
/// plan's content areas, each printed under its code.
#[derive(Debug, Clone)]
pub enum Item {
    Text(Paragraphs),
    Section(Section),
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub ten: Line,
    /// Text following the heading on its line ("1.1. Tiêu chuẩn chung: …").
    #[serde(default)]
    pub doan: Option<Paragraphs>,
    #[serde(default)]
    pub muc: Vec<Item>,
}

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ItemVisitor;
        impl<'de> Visitor<'de> for ItemVisitor {
            type Value = Item;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("một đoạn văn, hoặc một mục có `ten` (và `doan`, `muc`)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Item, E> {
                Paragraphs::deserialize(de::value::StrDeserializer::<E>::new(v)).map(Item::Text)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Item, A::Error> {
                Section::deserialize(de::value::MapAccessDeserializer::new(map)).map(Item::Section)
            }
        }
        d.deserialize_any(ItemVisitor)
    }
}

/// The item that stands for the plan's content areas.
pub const AREAS: &str = "{noi_dung}";

/// The values a plan's text may name, each with what it is.
pub const PLACEHOLDERS: &[(&str, &str)] = &[
    ("nam", "năm của kế hoạch"),
    ("xep_loai", "tieu_chuan.xep_loai_toi_thieu"),
    ("so_sang_kien", "tieu_chuan.so_sang_kien_toi_thieu"),
    ("danh_hieu_phong", "tieu_chuan.danh_hieu_toi_thieu_phong"),
    ("lua_chon_tap_the", "chi_tieu.lua_chon.tap_the"),
    ("lua_chon_ca_nhan", "chi_tieu.lua_chon.ca_nhan"),
    ("cuoi_nam_tap_the", "chi_tieu.cuoi_nam.tap_the"),
    ("cuoi_nam_ca_nhan", "chi_tieu.cuoi_nam.ca_nhan"),
];

impl Plan {
    /// The value `{name}` stands for; none when the plan does not state it.
    pub fn placeholder(&self, name: &str) -> Option<String> {
        let criteria = self.tieu_chuan.as_ref();
        let q = &self.chi_tieu;
        Some(match name {
            "nam" => self.nam.to_string(),
            "xep_loai" => criteria?.xep_loai_toi_thieu.label().to_owned(),
            "so_sang_kien" => two_digits(criteria?.so_sang_kien_toi_thieu),
            "danh_hieu_phong" => criteria?.danh_hieu_toi_thieu_phong.label().to_lowercase(),
            "lua_chon_tap_the" => two_digits(q.lua_chon?.tap_the),
            "lua_chon_ca_nhan" => two_digits(q.lua_chon?.ca_nhan),
            "cuoi_nam_tap_the" => two_digits(q.cuoi_nam?.tap_the),
            "cuoi_nam_ca_nhan" => two_digits(q.cuoi_nam?.ca_nhan),
            _ => return None,
        })
    }

    /// The values `check` holds the records to, which the printed plan must
    /// therefore state: the criteria and the quotas the plan has.
    pub fn checked_values(&self) -> Vec<&'static str> {
        let mut names = Vec::new();
        if self.tieu_chuan.is_some() {
            names.extend(["xep_loai", "so_sang_kien", "danh_hieu_phong"]);
        }
        if self.chi_tieu.lua_chon.is_some() {
            names.extend(["lua_chon_tap_the", "lua_chon_ca_nhan"]);
        }
        if self.chi_tieu.cuoi_nam.is_some() {
            names.extend(["cuoi_nam_tap_the", "cuoi_nam_ca_nhan"]);
        }
        names
    }

    /// `text` with each `{name}` replaced by its value; the names that have
    /// none (unknown, or a value the plan does not state) as the error.
    pub fn fill(&self, text: &str) -> Result<String, Vec<String>> {
        let mut out = String::with_capacity(text.len());
        let mut missing = Vec::new();
        let mut rest = text;
        while let Some((before, name, after)) = next_placeholder(rest) {
            out.push_str(before);
            match self.placeholder(name) {
                Some(value) => out.push_str(&value),
                None => missing.push(name.to_owned()),
            }
            rest = after;
        }
        out.push_str(rest);
        if missing.is_empty() {
            Ok(out)
        } else {
            Err(missing)
        }
    }
}

/// The text before the first `{name}`, the name and the text after it. A
/// brace not around a lower-case name is text, not a placeholder.
fn next_placeholder(text: &str) -> Option<(&str, &str, &str)> {
    let mut from = 0;
    while let Some(open) = text[from..].find('{').map(|i| from + i) {
        let tail = &text[open + 1..];
        let name_len = tail
            .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
            .unwrap_or(tail.len());
        if name_len > 0 && tail[name_len..].starts_with('}') {
            return Some((&text[..open], &tail[..name_len], &tail[name_len + 1..]));
        }
        from = open + 1;
    }
    None
}

/// Every placeholder name in `text`.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some((_, name, after)) = next_placeholder(rest) {
        names.push(name);
        rest = after;
    }
    names
}

impl PlanText {
    /// Every text of the plan with its field, in reading order.
    pub fn texts(&self) -> Vec<(String, &str)> {
        fn items<'a>(field: &str, list: &'a [Item], out: &mut Vec<(String, &'a str)>) {
            for (i, item) in list.iter().enumerate() {
                let field = format!("{field}[{i}]");
                match item {
                    Item::Text(t) => out.push((field, t.as_str())),
                    Item::Section(s) => {
                        out.push((format!("{field}.ten"), s.ten.as_str()));
                        if let Some(d) = &s.doan {
                            out.push((format!("{field}.doan"), d.as_str()));
                        }
                        items(&format!("{field}.muc"), &s.muc, out);
                    }
                }
            }
        }
        let mut out = Vec::new();
        if let Some(t) = &self.mo_dau {
            out.push(("van_ban.mo_dau".to_owned(), t.as_str()));
        }
        for (i, part) in self.phan.iter().enumerate() {
            out.push((format!("van_ban.phan[{i}].ten"), part.ten.as_str()));
            items(&format!("van_ban.phan[{i}].muc"), &part.muc, &mut out);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_lower_case_names_in_braces() {
        assert_eq!(
            placeholders("đạt {so_sang_kien} sáng kiến, {x} {Ab} {} {a b} {nam}"),
            ["so_sang_kien", "x", "nam"]
        );
        assert_eq!(next_placeholder("{"), None);
        assert_eq!(next_placeholder("a {b"), None);
    }
}
