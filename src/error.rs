//! Failures that are not a record's fault: the templates, the output folder,
//! the machine. Each carries what the clerk needs to act (which file, what
//! failed) and is said in Vietnamese; a record's own problems are
//! [`Problem`](crate::problem::Problem)s.

use std::fmt;
use std::io;
use std::path::PathBuf;

#[derive(Debug)]
pub enum Error {
    /// A template of `--templates` could not be read.
    TemplateUnreadable { path: PathBuf, source: io::Error },
    /// A template does not parse as minijinja.
    TemplateInvalid { template: String, message: String },
    /// A file or folder of the output could not be written or removed.
    Output {
        path: PathBuf,
        action: Action,
        source: io::Error,
    },
    /// A render thread stopped without a result for a document.
    RenderThread { document: String },
}

/// What was being done to an output file when it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    CreateFolder,
    CreateTemporary,
    Write,
    Remove,
}

impl Action {
    fn words(self) -> &'static str {
        match self {
            Action::CreateFolder => "không tạo được thư mục",
            Action::CreateTemporary => "không tạo được tệp tạm",
            Action::Write => "không ghi được",
            Action::Remove => "không xóa được",
        }
    }
}

impl Error {
    pub fn output(path: impl Into<PathBuf>, action: Action, source: io::Error) -> Error {
        Error::Output {
            path: path.into(),
            action,
            source,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::TemplateUnreadable { path, source } => write!(
                f,
                "{}: không đọc được mẫu văn bản ({source})",
                path.display()
            ),
            Error::TemplateInvalid { template, message } => write!(f, "mẫu {template}: {message}"),
            Error::Output {
                path,
                action,
                source,
            } => write!(f, "{}: {} ({source})", path.display(), action.words()),
            Error::RenderThread { document } => write!(
                f,
                "{document}: luồng lập văn bản dừng bất thường; hãy chạy lại"
            ),
        }
    }
}

impl std::error::Error for Error {}
