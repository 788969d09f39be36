//! A Typst world per document, borrowing everything but its main source from
//! one process-wide [`Shared`] state.

use std::collections::HashMap;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, IntoValue};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::fonts::{self, Fonts};
use crate::vocab::Format;

/// The id of every document's main file. File ids are interned for the life
/// of the process (at most 65 535), so one fixed id serves all documents.
pub fn main_id() -> FileId {
    file_id("/main.typ")
}

/// The id of a file of the templates folder, as `import` names it.
pub fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path)
        .unwrap_or_else(|_| VirtualPath::new("/invalid").expect("a valid literal path"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// What every document shares: the standard library (one per format, whose
/// `sys.inputs` tell the layout library which format it lays out), the
/// fonts and the templates' own Typst files. Built once.
pub struct Shared {
    party: LazyHash<Library>,
    state: LazyHash<Library>,
    fonts: &'static Fonts,
    sources: HashMap<FileId, Source>,
}

impl Shared {
    /// `files` are the Typst files documents may import, by path ("/the-thuc.typ").
    pub fn new(files: &[(String, String)]) -> Shared {
        let sources = files
            .iter()
            .map(|(path, text)| {
                let id = file_id(path);
                (id, Source::new(id, text.clone()))
            })
            .collect();
        Shared {
            party: library_for(Format::Party),
            state: library_for(Format::State),
            fonts: fonts::embedded(),
            sources,
        }
    }
}

/// The standard library with the format as the input `the-thuc` and the
/// family of the embedded fonts as `font`, so no template names a font the
/// binary may not carry.
fn library_for(format: Format) -> LazyHash<Library> {
    let mut inputs = Dict::new();
    inputs.insert("the-thuc".into(), format.code().into_value());
    inputs.insert("font".into(), fonts::FAMILY.into_value());
    LazyHash::new(Library::builder().with_inputs(inputs).build())
}

/// One document's world: the shared state and its own main source, format
/// and date.
pub struct DocumentWorld<'a> {
    pub shared: &'a Shared,
    pub format: Format,
    pub main: Source,
    pub today: Datetime,
}

impl World for DocumentWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        match self.format {
            Format::Party => &self.shared.party,
            Format::State => &self.shared.state,
        }
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.fonts.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    /// Only the document itself and the templates' files: a document cannot
    /// read anything else, whatever its text asks.
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        self.shared
            .sources
            .get(&id)
            .cloned()
            .ok_or(FileError::AccessDenied)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.source(id)
            .map(|s| Bytes::from_string(s.text().to_owned()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
