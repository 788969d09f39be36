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
    TemplateUnreadable { path: PathBuf, why: String },
    /// A template does not parse as minijinja.
    TemplateInvalid { template: String, message: String },
    /// A file or folder of the output could not be written or removed.
    Output {
        path: PathBuf,
        action: Action,
        source: io::Error,
    },
    /// A folder between the output folder and a file is a link: writing or
    /// removing through it could touch files elsewhere.
    LinkInOutput { path: PathBuf, link: PathBuf },
    /// A document's name, and the name beside it, both hold files tdkt did
    /// not write.
    NotOurs { path: PathBuf, beside: PathBuf },
    /// Another build holds the output folder.
    OutputBusy { path: PathBuf },
    /// The output folder is inside the records folder, or around it.
    OutputNestsRecords { out: PathBuf, records: PathBuf },
    /// A render thread stopped without a result for a document.
    RenderThread { document: String },
    /// An issued document's archived PDF is not the one the register names.
    ArchiveChanged { path: PathBuf },
    /// An issued document's archived PDF cannot be read as a plain file.
    ArchiveUnreadable { path: PathBuf, why: String },
    /// Typst panicked while laying out this document (its bug, met by
    /// what the document holds); the other documents are built.
    RenderPanic { document: String },
}

/// What was being done to an output file when it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    CreateFolder,
    CreateTemporary,
    Write,
    Remove,
    Read,
}

impl Action {
    fn words(self) -> &'static str {
        match self {
            Action::CreateFolder => "không tạo được thư mục",
            Action::CreateTemporary => "không tạo được tệp tạm",
            Action::Write => "không ghi được",
            Action::Remove => "không xóa được",
            Action::Read => "không đọc được",
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
            Error::TemplateUnreadable { path, why } => {
                write!(f, "{}: không đọc được mẫu văn bản ({why})", path.display())
            }
            Error::TemplateInvalid { template, message } => write!(f, "mẫu {template}: {message}"),
            Error::Output {
                path,
                action,
                source,
            } => write!(
                f,
                "{}: {} ({})",
                path.display(),
                action.words(),
                crate::read::io_words(source)
            ),
            Error::LinkInOutput { path, link } => write!(
                f,
                "{}: không ghi, không xóa vì {} là một liên kết (symbolic link) có thể trỏ ra ngoài \
                 thư mục ra; hãy thay liên kết bằng một thư mục thật",
                path.display(),
                link.display()
            ),
            Error::NotOurs { path, beside } => write!(
                f,
                "{}: tệp này không phải do tdkt ghi, {} cũng vậy; tdkt không ghi đè lên tệp của người \
                 dùng: hãy đổi tên một tệp (ví dụ thêm -da-ky) rồi chạy lại",
                path.display(),
                beside.display()
            ),
            Error::OutputBusy { path } => write!(
                f,
                "{}: một lần lập khác đang ghi vào thư mục này; hãy chờ lần đó xong rồi chạy lại",
                path.display()
            ),
            Error::OutputNestsRecords { out, records } => write!(
                f,
                "thư mục ra {} và thư mục bản ghi {} nằm lồng trong nhau; văn bản lập ra phải ở ngoài \
                 thư mục bản ghi (và ngược lại): hãy chọn --out khác",
                out.display(),
                records.display()
            ),
            Error::RenderThread { document } => write!(
                f,
                "{document}: luồng lập văn bản dừng bất thường; hãy chạy lại"
            ),
            Error::ArchiveChanged { path } => write!(
                f,
                "{}: bản lưu không còn là văn bản đã ban hành (khác mã băm trong sổ); tdkt không \
                 đưa tệp này ra làm bản đã ban hành — hãy lấy lại tệp từ git (git checkout -- tệp)",
                path.display()
            ),
            Error::ArchiveUnreadable { path, why } => write!(
                f,
                "{}: không đọc được bản lưu ({why}); hãy lấy lại tệp từ git (git checkout -- tệp)",
                path.display()
            ),
            Error::RenderPanic { document } => write!(
                f,
                "{document}: Typst dừng bất thường khi dàn trang văn bản này (lỗi của chương trình, \
                 không phải của bản ghi); các văn bản khác vẫn được lập, bản cũ của văn bản này \
                 (nếu có) được giữ. Hãy báo cho người bảo trì tdkt kèm các bản ghi của văn bản"
            ),
        }
    }
}

impl std::error::Error for Error {}
