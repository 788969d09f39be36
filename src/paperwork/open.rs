//! `tdkt open`: a PDF shown by the program the system opens PDFs with, as
//! double-clicking it would.

use std::path::Path;
use std::process::Command;

/// The system's opener: xdg-open on Linux and the BSDs, open on macOS,
/// start (of cmd) on Windows.
fn opener(pdf: &Path) -> (Command, &'static str) {
    if cfg!(target_os = "windows") {
        let mut command = Command::new("cmd");
        // start's first quoted argument is a window title, hence "".
        command.args(["/C", "start", ""]).arg(pdf);
        (command, "start")
    } else if cfg!(target_os = "macos") {
        let mut command = Command::new("open");
        command.arg(pdf);
        (command, "open")
    } else {
        let mut command = Command::new("xdg-open");
        command.arg(pdf);
        (command, "xdg-open")
    }
}

/// The most documents one `tdkt open` shows: a record read by a whole
/// year's papers (the plan's) should not open forty windows.
pub const AT_MOST: usize = 10;

/// Opens `pdf`; says why not in the clerk's words.
pub fn open(pdf: &Path) -> Result<(), String> {
    let (mut command, name) = opener(pdf);
    match command.status() {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(format!(
            "{name} không mở được {} ({status}); hãy mở tệp bằng tay",
            pdf.display()
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(format!(
            "máy này không có chương trình {name} để mở PDF; hãy mở tệp bằng tay: {}",
            pdf.display()
        )),
        Err(e) => Err(format!(
            "không chạy được {name} ({}); hãy mở tệp bằng tay: {}",
            crate::read::io_words(&e),
            pdf.display()
        )),
    }
}
