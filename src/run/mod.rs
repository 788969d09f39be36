//! Each command of the line, one module each; `main` dispatches to them.
//! What they share: writing to standard output, `init`'s questions at the
//! keyboard, today's date.

pub mod build;
pub mod check;
pub mod import;
pub mod init;
pub mod issue;
pub mod list;
pub mod new;
pub mod new_plan;
pub mod open;
pub mod register;
pub mod schema;
pub mod verify;

use std::process::ExitCode;

use crate::cli;

/// Writes to standard output; a reader that stops early (`tdkt check | head
/// -1`) closes the pipe, and the rest is dropped quietly rather than
/// aborting the program.
pub fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// `init`'s answers: each option given, or asked at the keyboard when a
/// person is there; missing ones stay empty and are named all at once.
fn asked(given: [Option<String>; 8]) -> [String; 8] {
    use std::io::{BufRead, IsTerminal, Write};
    let keyboard = std::io::stdin().is_terminal();
    let mut i = 0;
    given.map(|answer| {
        let question = &tdkt::paperwork::init::QUESTIONS[i];
        i += 1;
        answer.unwrap_or_else(|| {
            if !keyboard {
                return String::new();
            }
            eprint!("{}: ", question.asks);
            let _ = std::io::stderr().flush();
            let mut line = String::new();
            let _ = std::io::stdin().lock().read_line(&mut line);
            line.trim().to_owned()
        })
    })
}

/// The day now in Việt Nam (UTC+7): `init`'s first plan's year, a new
/// meeting's or proposal's day.
fn today() -> chrono::NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    chrono::DateTime::from_timestamp(secs + 7 * 3600, 0)
        .map_or(chrono::NaiveDate::MIN, |t| t.date_naive())
}

/// `tdkt help [TOPIC]`.
pub fn help(topic: Option<&str>) -> ExitCode {
    match cli::help_of(topic) {
        Ok(text) => {
            emit(&text);
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("{why}");
            ExitCode::from(2)
        }
    }
}

/// `tdkt man`: the manual page, in roff.
pub fn man() -> ExitCode {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(&cli::man::page());
    ExitCode::SUCCESS
}

/// `tdkt completions SHELL`.
pub fn completions(shell: clap_complete::Shell) -> ExitCode {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(&cli::completions(shell));
    ExitCode::SUCCESS
}
