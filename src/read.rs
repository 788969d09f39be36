//! Reading the files tdkt is given or keeps — records, register entries,
//! kept sources, archived PDFs, a PDF to verify — so that none can cost
//! unbounded memory or time or block: only regular files, never through a
//! link, up to a limit each caller states. And the operating system's
//! errors said in Vietnamese.

use std::fs;
use std::path::Path;

/// Why a file tdkt reads was not read, in the clerk's words.
#[derive(Debug)]
pub enum Unreadable {
    Missing,
    /// A symbolic link: what tdkt reads is the file itself, as git keeps it.
    Link,
    /// A folder, a pipe, a device: nothing tdkt reads is one.
    NotAFile(&'static str),
    TooLarge {
        size: u64,
        limit: u64,
    },
    Io(std::io::Error),
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unreadable::Missing => f.write_str("không có tệp này"),
            Unreadable::Link => f.write_str(
                "tệp này là một liên kết (symbolic link), không phải tệp thật; tdkt không đọc \
                 liên kết — hãy chép nội dung tệp được liên kết vào đây thay cho liên kết",
            ),
            Unreadable::NotAFile(what) => write!(
                f,
                "đây là {what}, không phải một tệp; tdkt chỉ đọc tệp thường — hãy thay bằng tệp thật"
            ),
            Unreadable::TooLarge { size, limit } => write!(
                f,
                "tệp lớn {size} byte, quá giới hạn {limit} byte tdkt đọc cho loại tệp này; hãy \
                 kiểm tra xem có chép nhầm tệp khác vào chỗ này không"
            ),
            Unreadable::Io(e) => f.write_str(&io_words(e)),
        }
    }
}

/// An error of the operating system, said in Vietnamese: its own words are
/// English, and no English reaches a clerk.
pub fn io_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let words = match e.kind() {
        K::NotFound => "không có tệp hay thư mục này",
        K::PermissionDenied => "không có quyền (hãy xem quyền đọc, ghi của tệp, thư mục)",
        K::AlreadyExists => "tệp đã có",
        K::StorageFull => "đĩa đã đầy; hãy giải phóng chỗ rồi chạy lại",
        K::ReadOnlyFilesystem => "ổ đĩa chỉ cho đọc",
        K::IsADirectory => "đây là một thư mục, không phải tệp",
        K::NotADirectory => "một phần của đường dẫn không phải thư mục",
        K::InvalidFilename => "tên tệp quá dài hoặc không hợp lệ",
        K::InvalidData => "nội dung không đọc được (không phải văn bản UTF-8?)",
        K::Interrupted | K::WouldBlock | K::TimedOut => "bị gián đoạn; hãy chạy lại",
        K::OutOfMemory => "không đủ bộ nhớ",
        _ => "",
    };
    match (words, e.raw_os_error()) {
        ("", Some(code)) => format!("lỗi hệ điều hành số {code}"),
        ("", None) => "lỗi vào ra không rõ".to_owned(),
        (words, _) => words.to_owned(),
    }
}

/// Reads a file tdkt was given or keeps — a record, a register entry, an
/// archived PDF, a file to verify — only if it is a regular file, not a
/// link, and at most `limit` bytes: a link to `/dev/zero`, a pipe or a huge
/// file costs no memory and never blocks. On Linux the file is opened
/// without following links and without blocking, so it cannot be swapped
/// for a pipe between the look and the read.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, Unreadable> {
    use std::io::Read;
    let meta = fs::symlink_metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Unreadable::Missing,
        _ => Unreadable::Io(e),
    })?;
    refuse_special(&meta)?;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    let file = options.open(path).map_err(|e| match e.raw_os_error() {
        #[cfg(target_os = "linux")]
        Some(libc::ELOOP) => Unreadable::Link,
        _ => Unreadable::Io(e),
    })?;
    let meta = file.metadata().map_err(Unreadable::Io)?;
    refuse_special(&meta)?;
    if meta.len() > limit {
        return Err(Unreadable::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(Unreadable::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Unreadable::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

fn refuse_special(meta: &fs::Metadata) -> Result<(), Unreadable> {
    let kind = meta.file_type();
    if kind.is_symlink() {
        return Err(Unreadable::Link);
    }
    if kind.is_file() {
        return Ok(());
    }
    Err(Unreadable::NotAFile(if kind.is_dir() {
        "một thư mục"
    } else {
        special_kind(&kind)
    }))
}

#[cfg(unix)]
fn special_kind(kind: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "một ống dẫn (FIFO)"
    } else if kind.is_socket() {
        "một socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "một thiết bị"
    } else {
        "một tệp đặc biệt"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &fs::FileType) -> &'static str {
    "một tệp đặc biệt"
}

/// The largest PDF tdkt reads: an archived document or one given to
/// `verify`. The 206-page registration list of a province is about 1 MB; a
/// signed copy with its images a few more.
pub const MAX_PDF_BYTES: u64 = 64 * 1024 * 1024;
