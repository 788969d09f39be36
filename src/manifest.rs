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
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub tdkt: String,
    pub documents: BTreeMap<String, Entry>,
}

/// The PDF of a document key, if the key is a plain relative path: a
/// manifest edited by hand cannot point a removal outside the folder.
pub fn pdf_path(out: &Path, key: &str) -> Option<PathBuf> {
    let rel = Path::new(key);
    let plain = rel.components().all(|c| matches!(c, Component::Normal(_)))
        && !key.chars().any(char::is_control);
    (plain && !key.is_empty()).then(|| out.join(format!("{key}.pdf")))
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

pub fn hash_bytes(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
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
        let mut notes = Vec::new();
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

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut me = serde_json::to_vec_pretty(self).unwrap_or_default();
        me.push(b'\n');
        me
    }

    /// Whether the document's PDF on disk is the one recorded for `inputs`.
    pub fn is_current(&self, out: &Path, key: &str, inputs: &str) -> bool {
        let Some(entry) = self.documents.get(key).filter(|e| e.inputs == inputs) else {
            return false;
        };
        let Some(path) = pdf_path(out, key) else {
            return false;
        };
        match stat(&path) {
            None => false,
            Some((size, mtime)) if size == entry.size && mtime == entry.mtime_ns => true,
            Some(_) => fs::read(&path).is_ok_and(|bytes| hash_bytes(&bytes) == entry.pdf),
        }
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
    /// The entry of a PDF just written at `path`, whose bytes hash to `pdf`.
    pub fn written(path: &Path, inputs: String, pdf: String) -> Entry {
        let (size, mtime_ns) = stat(path).unwrap_or((0, 0));
        Entry {
            inputs,
            pdf,
            size,
            mtime_ns,
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
