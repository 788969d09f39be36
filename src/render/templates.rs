//! The templates a build renders with: the minijinja ones (`*.typ.j2`, one
//! per kind of document), the macros they share (`chung.typ.j2`) and the
//! Typst layout library they import. Embedded from the table of document
//! kinds, so the binary works from any folder; `--templates DIR` reads from a
//! folder the files it holds, each in place of the embedded one of its name,
//! so a body keeps only the files it changes.

use std::collections::BTreeMap;
use std::path::Path;

use crate::documents;
use crate::error::Error;
use crate::read::Unreadable;

pub struct Templates {
    /// Each template's file name and text.
    pub files: Vec<(String, String)>,
}

impl Templates {
    pub fn embedded() -> Templates {
        let files = documents::templates()
            .map(|t| (t.name.to_owned(), t.text.to_owned()))
            .collect();
        Templates { files }
    }

    /// The embedded templates, each replaced by the file of its name in
    /// `dir` when there is one. A file there that names no template (a typo
    /// would otherwise leave the embedded one silently in use) is an error.
    pub fn from_dir(dir: &Path) -> Result<Templates, Error> {
        let unreadable = |path: &Path, why: String| Error::TemplateUnreadable {
            path: path.to_owned(),
            why,
        };
        let entries =
            std::fs::read_dir(dir).map_err(|e| unreadable(dir, crate::read::io_words(&e)))?;
        let known: Vec<&str> = documents::templates().map(|t| t.name).collect();
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let template_like = name.ends_with(".typ") || name.ends_with(".typ.j2");
            if template_like && !known.contains(&name.as_str()) {
                return Err(unreadable(
                    &entry.path(),
                    format!(
                        "không có mẫu nào tên này; các tệp mẫu là: {}",
                        known.join(", ")
                    ),
                ));
            }
        }
        let mut files = Vec::new();
        for template in documents::templates() {
            let path = dir.join(template.name);
            let text = match crate::read::read_bounded(&path, crate::load::guard::MAX_FILE_BYTES) {
                Ok(bytes) => String::from_utf8(bytes)
                    .map_err(|_| unreadable(&path, "không phải văn bản UTF-8".into()))?,
                Err(Unreadable::Missing) => template.text.to_owned(),
                Err(why) => return Err(unreadable(&path, why.to_string())),
            };
            files.push((template.name.to_owned(), text));
        }
        Ok(Templates { files })
    }

    /// For each kind's template, a hash of what a document made from it
    /// reads: the template itself and every shared one (the layout library,
    /// the macros). A change to one kind's template re-renders only the
    /// documents made from it; a change to a shared one, every document.
    pub fn hashes(&self) -> BTreeMap<String, String> {
        let (shared, own): (Vec<_>, Vec<_>) =
            self.files.iter().partition(|(name, _)| is_shared(name));
        own.into_iter()
            .map(|own| {
                let mut hasher = blake3::Hasher::new();
                for (n, t) in shared.iter().copied().chain(std::iter::once(own)) {
                    hasher.update(n.as_bytes());
                    hasher.update(&(t.len() as u64).to_le_bytes());
                    hasher.update(t.as_bytes());
                }
                (own.0.clone(), hasher.finalize().to_hex().to_string())
            })
            .collect()
    }

    /// The minijinja templates, the kinds' and the shared macros.
    pub fn minijinja(&self) -> impl Iterator<Item = &(String, String)> {
        self.files.iter().filter(|(n, _)| n.ends_with(".j2"))
    }

    /// The Typst files a document may import, by their path in the world.
    pub fn typst_files(&self) -> Vec<(String, String)> {
        self.files
            .iter()
            .filter(|(n, _)| n.ends_with(".typ"))
            .map(|(n, t)| (format!("/{n}"), t.clone()))
            .collect()
    }
}

fn is_shared(name: &str) -> bool {
    documents::SHARED.iter().any(|t| t.name == name)
}
