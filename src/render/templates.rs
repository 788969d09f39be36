//! The templates a build renders with: the minijinja ones (`*.typ.j2`, one
//! per kind of document) and the Typst layout library they import. Embedded
//! from the table of document kinds, so the binary works from any folder;
//! `--templates DIR` reads the same names from a folder instead.

use std::collections::BTreeMap;
use std::path::Path;

use crate::documents;
use crate::error::Error;

pub struct Templates {
    pub files: Vec<(String, String)>,
}

impl Templates {
    pub fn embedded() -> Templates {
        let files = documents::templates()
            .map(|t| (t.name.to_owned(), t.text.to_owned()))
            .collect();
        Templates { files }
    }

    pub fn from_dir(dir: &Path) -> Result<Templates, Error> {
        let mut files = Vec::new();
        for template in documents::templates() {
            let path = dir.join(template.name);
            let bytes = crate::read::read_bounded(&path, crate::load::guard::MAX_FILE_BYTES)
                .map_err(|why| Error::TemplateUnreadable {
                    path: path.clone(),
                    why: why.to_string(),
                })?;
            let text = String::from_utf8(bytes).map_err(|_| Error::TemplateUnreadable {
                path,
                why: "không phải văn bản UTF-8".into(),
            })?;
            files.push((template.name.to_owned(), text));
        }
        Ok(Templates { files })
    }

    /// For each minijinja template, a hash of what a document made from it
    /// reads: the template itself and the Typst layout library. A change to
    /// one template re-renders only the documents made from it.
    pub fn hashes(&self) -> BTreeMap<String, String> {
        let typst: Vec<&(String, String)> = self
            .files
            .iter()
            .filter(|(n, _)| n.ends_with(".typ"))
            .collect();
        self.files
            .iter()
            .filter(|(n, _)| n.ends_with(".j2"))
            .map(|(name, text)| {
                let mut hasher = blake3::Hasher::new();
                for (n, t) in typst
                    .iter()
                    .copied()
                    .chain(std::iter::once(&(name.clone(), text.clone())))
                {
                    hasher.update(n.as_bytes());
                    hasher.update(&(t.len() as u64).to_le_bytes());
                    hasher.update(t.as_bytes());
                }
                (name.clone(), hasher.finalize().to_hex().to_string())
            })
            .collect()
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
