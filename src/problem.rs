//! A problem in the user's data: which file, which field, where, and what to
//! do, in Vietnamese. Every stage reports its problems as these values, all
//! at once, so a clerk can fix a folder in one pass.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    #[serde(rename = "tep")]
    /// The file, relative to the records folder.
    pub file: PathBuf,
    /// The field path, as `dang_ky.noi_dung[1]`; empty for the file as a whole.
    #[serde(rename = "truong")]
    pub field: String,
    #[serde(rename = "dong")]
    pub line: Option<usize>,
    #[serde(rename = "cot")]
    pub column: Option<usize>,
    #[serde(rename = "thong_bao")]
    pub message: String,
}

impl Problem {
    pub fn new(file: &Path, field: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_path_buf(),
            field: field.into(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }
}

/// Problems sort by file, then as the clerk reads the file: top to bottom
/// (one about the whole file first), then by field and wording.
impl Ord for Problem {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (
            &self.file,
            self.line,
            self.column,
            &self.field,
            &self.message,
        )
            .cmp(&(
                &other.file,
                other.line,
                other.column,
                &other.field,
                &other.message,
            ))
    }
}

impl PartialOrd for Problem {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, ":{line}:{column}")?;
        }
        if !self.field.is_empty() {
            write!(f, ": trường `{}`", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// A step that stops at one problem, inside one that may find several.
impl From<Problem> for Vec<Problem> {
    fn from(problem: Problem) -> Self {
        vec![problem]
    }
}
