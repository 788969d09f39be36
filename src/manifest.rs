//! What tdkt wrote into an output folder: for each document, a hash of its
//! inputs and of its PDF. A rebuild renders only documents whose inputs
//! changed or whose PDF is missing or altered, and removes only PDFs this
//! file lists.
//!
//! The inputs hash covers the document's whole context (every value of every
//! record it shows), its date, its template and the layout library, and the
//! tdkt version (which fixes the embedded fonts), so it changes exactly when
//! the page could.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::job::Job;

pub const FILE: &str = ".tdkt-manifest.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub inputs: String,
    pub pdf: String,
    /// Size and modification time when written: a file that still has both
    /// is taken as unaltered without reading it, as git and make do.
    pub size: u64,
    pub mtime_ns: u128,
    /// Where the PDF was written, below the output folder, when not at its
    /// document's own name: that name held a file tdkt did not write (a
    /// signed scan saved over it, an edited copy), which is never replaced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beside: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub tdkt: String,
    pub documents: BTreeMap<String, Entry>,
    /// The spreadsheets written beside the PDFs (`<key>.xlsx`), by key;
    /// an entry's `pdf` is the spreadsheet's hash, its `inputs` its
    /// content's.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sheets: BTreeMap<String, Entry>,
    /// The file's bytes as read, to write it again only when it changes.
    #[serde(skip)]
    on_disk: Option<Vec<u8>>,
}

/// The name a document's PDF takes beside a file of its own name that tdkt
/// did not write: `2020/to-trinh/de-nghi` → `2020/to-trinh/de-nghi.tdkt`.
pub fn beside(key: &str) -> String {
    format!("{key}.{BESIDE}")
}

/// What tells a PDF written beside a file of its document's name.
pub const BESIDE: &str = "tdkt";

/// The PDF of a document key, if the key is a plain relative path: a
/// manifest edited by hand cannot point a removal outside the folder.
pub fn pdf_path(out: &Path, key: &str) -> Option<PathBuf> {
    let rel = Path::new(key);
    let plain = rel.components().all(|c| matches!(c, Component::Normal(_)))
        && !key.chars().any(char::is_control);
    (plain && !key.is_empty()).then(|| out.join(format!("{key}.pdf")))
}

/// A spreadsheet's file: beside its document's PDF, or the plan's own.
pub fn sheet_path(out: &Path, key: &str) -> PathBuf {
    out.join(format!("{key}.xlsx"))
}

fn stat(path: &Path) -> Option<(u64, u128)> {
    let meta = fs::metadata(path).ok()?;
    let mtime = meta
        .modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some((meta.len(), mtime))
}

impl Manifest {
    /// The manifest of `out`, and what the clerk should hear of it. A missing
    /// one is empty. A damaged one is empty too, so every document is
    /// rendered again (never wrongly kept), and said so: tdkt no longer knows
    /// which PDFs of vanished documents it wrote. An entry whose name could
    /// not be a document's (a path out of the folder, a control character)
    /// is dropped and named. One written by another version is kept: its
    /// inputs hashes name that version, so its documents render again anyway,
    /// and it still says which PDFs tdkt wrote.
    pub fn read(out: &Path) -> (Manifest, Vec<String>) {
        let path = out.join(FILE);
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (Manifest::default(), Vec::new());
            }
            Err(e) => return (Manifest::default(), vec![damaged(&path, &e.to_string())]),
        };
        let mut manifest = match serde_json::from_slice::<Manifest>(&bytes) {
            Ok(manifest) => manifest,
            Err(e) => return (Manifest::default(), vec![damaged(&path, &e.to_string())]),
        };
        manifest.on_disk = Some(bytes);
        let mut notes = Vec::new();
        let plain_key = |key: &str| pdf_path(out, key).is_some();
        manifest.sheets.retain(|key, _| plain_key(key));
        manifest.documents.retain(|key, _| {
            let plain = pdf_path(out, key).is_some();
            if !plain {
                notes.push(format!(
                    "{}: bỏ mục {key:?}, không phải tên một văn bản trong thư mục ra",
                    path.display()
                ));
            }
            plain
        });
        (manifest, notes)
    }

    /// The manifest's bytes when they differ from the file it was read
    /// from: a build with nothing to do writes nothing.
    pub fn changed_bytes(&self) -> Option<Vec<u8>> {
        let bytes = self.to_bytes();
        (self.on_disk.as_ref() != Some(&bytes)).then_some(bytes)
    }

    fn to_bytes(&self) -> Vec<u8> {
        let mut me = serde_json::to_vec_pretty(self).unwrap_or_default();
        me.push(b'\n');
        me
    }

    /// Where document `key`'s PDF was written: its own name, or beside it.
    pub fn file_of(&self, out: &Path, key: &str) -> Option<PathBuf> {
        let entry = self.documents.get(key)?;
        pdf_path(out, entry.beside.as_deref().unwrap_or(key))
    }

    /// Whether the document's PDF on disk is the one recorded for `inputs`,
    /// where it belongs: a PDF written beside a foreign file is current only
    /// while that file is still there.
    pub fn is_current(&self, out: &Path, key: &str, inputs: &str) -> bool {
        let Some(entry) = self.documents.get(key).filter(|e| e.inputs == inputs) else {
            return false;
        };
        let (Some(own), Some(file)) = (pdf_path(out, key), self.file_of(out, key)) else {
            return false;
        };
        entry.wrote(&file) && (file == own || own.exists())
    }

    /// Whether the file at `path` is the PDF tdkt wrote for `key`, as it is
    /// now. A file tdkt did not write, or one changed since, is the clerk's:
    /// never replaced, never removed.
    pub fn wrote(&self, out: &Path, key: &str, path: &Path) -> bool {
        self.file_of(out, key).as_deref() == Some(path)
            && self.documents.get(key).is_some_and(|e| e.wrote(path))
    }

    /// Whether the spreadsheet of `key` on disk is the one tdkt wrote, as
    /// written: one that is not is the clerk's, never replaced or removed.
    pub fn wrote_sheet(&self, out: &Path, key: &str) -> bool {
        self.sheets
            .get(key)
            .is_some_and(|e| e.wrote(&sheet_path(out, key)))
    }

    /// Records a document whose PDF was just written.
    pub fn record(&mut self, key: &str, entry: Entry) {
        self.documents.insert(key.to_owned(), entry);
    }
}

fn damaged(path: &Path, why: &str) -> String {
    format!(
        "{}: sổ theo dõi văn bản đã lập bị hỏng, không đọc được ({why}); mọi văn bản được lập lại \
         và sổ được ghi mới. PDF của văn bản đã bỏ trước đây (nếu có) tdkt không còn biết để xóa: \
         hãy xem lại thư mục ra",
        path.display()
    )
}

impl Entry {
    /// The entry of a PDF just written at `path`, whose bytes hash to `pdf`;
    /// `beside` when it is not at its document's own name.
    pub fn written(path: &Path, inputs: String, pdf: String, beside: Option<String>) -> Entry {
        let (size, mtime_ns) = stat(path).unwrap_or((0, 0));
        Entry {
            inputs,
            pdf,
            size,
            mtime_ns,
            beside,
        }
    }

    /// Whether the file at `path` is still the one written: same size and
    /// time (taken as unaltered without reading it, as git and make do), or
    /// the same bytes.
    fn wrote(&self, path: &Path) -> bool {
        match stat(path) {
            None => false,
            Some((size, mtime)) if size == self.size && mtime == self.mtime_ns => true,
            Some(_) => fs::read(path).is_ok_and(|bytes| crate::job::hash_bytes(&bytes) == self.pdf),
        }
    }
}

/// The inputs hash of a job: context, date, its template (with the layout
/// library) and the tdkt version.
/// `context` is the job's context as JSON bytes (serde_json's maps are
/// ordered: the same context gives the same bytes).
pub fn inputs_hash(job: &Job, context: &[u8], template_hash: &str) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(template_hash.as_bytes());
    hasher.update(job.template.as_bytes());
    hasher.update(job.date.to_string().as_bytes());
    hasher.update(context);
    hasher.finalize().to_hex().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removal_never_leaves_the_folder() {
        let out = Path::new("/out");
        assert_eq!(
            pdf_path(out, "2020/to-trinh/a"),
            Some(PathBuf::from("/out/2020/to-trinh/a.pdf"))
        );
        assert_eq!(pdf_path(out, "../etc/passwd"), None);
        assert_eq!(pdf_path(out, "/etc/passwd"), None);
        assert_eq!(pdf_path(out, ""), None);
        assert_eq!(pdf_path(out, "2020/a\0b"), None);
    }
}
