//! The register of issued documents (*sổ đăng ký văn bản đi*): one file per
//! issued document in `so-van-ban-di/<year>/`, written by `tdkt issue` and
//! committed by the clerk with the records. One file per entry, named by its
//! number and document, so that two clerks who each issue a number in their
//! own clone merge into two files (never one entry silently lost), and
//! `check` says when two share a number.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use chrono::Datelike;

use crate::text::Date;
use crate::vocab::Format;

/// How the body numbers what it issues: one series a calendar year for all
/// its documents (Nghị định 30/2020/NĐ-CP, Điều 15), or one a year for each
/// type of document (Party practice, unverified; a setting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
pub enum Series {
    #[serde(rename = "theo_nam")]
    Year,
    #[serde(rename = "theo_loai")]
    YearAndType,
}

/// `so-van-ban-di/cai-dat.yaml`: the register's settings; every key optional.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterSettings {
    /// None: by each document's format — State one series a year, Party one
    /// a year for each type.
    #[serde(default)]
    pub danh_so: Option<Series>,
    /// The body signs its documents digitally: `check` then counts the
    /// issued documents whose signed copy (`.ky-so.pdf`) is not kept yet,
    /// instead of those without a signed scan.
    #[serde(default)]
    pub ky_so: bool,
}

/// One issued document, as the register keeps it.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Its number in its series.
    pub so: u32,
    /// The number with its symbol as the document shows it: `05-TTr/BTCTU`.
    pub so_ky_hieu: String,
    /// The type's code in the symbol: `TTr`, `BB`.
    pub loai: String,
    /// The issue date.
    #[serde(serialize_with = "date_text")]
    pub ngay: Date,
    /// The document's name: its path below the output folder, without `.pdf`.
    pub van_ban: String,
    pub trich_yeu: String,
    #[serde(default)]
    pub nguoi_ky: Option<String>,
    /// The signer's position ("Phó Trưởng ban"); entries written before
    /// tdkt kept it have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chuc_vu_nguoi_ky: Option<String>,
    #[serde(default)]
    pub noi_nhan: Vec<String>,
    /// The PDF as issued, relative to the records folder.
    pub ban_luu: PathBuf,
    /// The hash of what the document shows, computed from its records: a
    /// record changed so that it would read differently changes it.
    pub bam_noi_dung: String,
    /// The hash of the archived PDF's bytes.
    pub bam_tep: String,
    /// Each record the document read, relative to the records folder, with
    /// the hash of its text when issued: says what changed since.
    #[serde(default)]
    pub nguon: BTreeMap<PathBuf, String>,
    /// The tdkt version that issued it.
    pub tdkt: String,
}

fn date_text<S: serde::Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&date.0.format("%Y-%m-%d").to_string())
}

/// A series of numbers: its year, its type (empty when every type shares
/// it) and its issuer's abbreviation.
pub type NumberSeries = (i32, String, String);

/// The register as read: every entry with its file (relative to the records
/// folder), and its settings.
#[derive(Debug, Clone, Default)]
pub struct Register {
    pub settings: RegisterSettings,
    pub entries: Vec<(PathBuf, Entry)>,
}

impl Register {
    /// The series a number of a document of `format` and type `kind`
    /// issued by `body` (its abbreviation) in `year` belongs to: the issuer
    /// and the year, and the type when the body numbers each type on its
    /// own (the setting; else by the format). The council numbers apart
    /// from the body.
    pub fn series(&self, format: Format, year: i32, kind: &str, body: &str) -> NumberSeries {
        let by_type = match self.settings.danh_so {
            Some(series) => series == Series::YearAndType,
            None => format == Format::Party,
        };
        let kind = if by_type {
            kind.to_owned()
        } else {
            String::new()
        };
        (year, kind, body.to_owned())
    }

    /// The series of an entry's number; its format and issuer read from
    /// its symbol.
    pub fn series_of(&self, entry: &Entry) -> NumberSeries {
        let symbol = super::number::parse(&entry.so_ky_hieu)
            .ok()
            .and_then(|n| n.symbol);
        let format = symbol.as_ref().map_or(Format::State, |s| s.format);
        let body = symbol.map_or_else(String::new, |s| s.body);
        self.series(format, entry.ngay.0.year(), &entry.loai, &body)
    }

    /// The entries of the documents of plan `plan`.
    pub fn issued_in<'a>(&'a self, plan: &str) -> impl Iterator<Item = &'a (PathBuf, Entry)> {
        let folder = format!("{plan}/");
        self.entries
            .iter()
            .filter(move |(_, e)| e.van_ban.starts_with(&folder))
    }

    /// The entries of document `name`.
    pub fn of<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a (PathBuf, Entry)> {
        self.entries.iter().filter(move |(_, e)| e.van_ban == name)
    }
}
