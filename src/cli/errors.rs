//! clap's errors in Vietnamese, rebuilt from the context clap gives: what
//! was wrong, what it may have meant, and the usage of the command.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::help::names;

fn context(err: &clap::Error, kind: ContextKind) -> String {
    match err.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// clap's error in Vietnamese, with the usage of the command it concerns.
pub(super) fn message(cmd: &mut clap::Command, err: &clap::Error) -> (String, u8) {
    let usage = || {
        let used = context(err, ContextKind::Usage);
        let used = used.trim().trim_start_matches("Usage: ");
        if used.is_empty() {
            "\n\nXem thêm: tdkt help".to_owned()
        } else {
            format!("\n\nCách dùng: {used}\n\nXem thêm: tdkt help")
        }
    };
    // clap lists its guesses closest last ("schema, check" for "chek"):
    // the clerk gets the closest.
    let suggestion = |kind: ContextKind| {
        let s = match err.get(kind) {
            Some(ContextValue::Strings(v)) => v.last().cloned().unwrap_or_default(),
            Some(ContextValue::StyledStrs(v)) => {
                v.last().map(|s| s.to_string()).unwrap_or_default()
            }
            _ => context(err, kind),
        };
        if s.is_empty() {
            String::new()
        } else {
            format!("\nCó phải ý bạn là '{s}'?")
        }
    };
    let text = match err.kind() {
        // The help of the command the error concerns, as clap rendered it
        // from the Vietnamese templates.
        ErrorKind::DisplayHelp => return (err.render().to_string(), 0),
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            return (err.render().to_string(), 2);
        }
        ErrorKind::DisplayVersion => {
            return (format!("tdkt {}\n", env!("CARGO_PKG_VERSION")), 0);
        }
        ErrorKind::MissingSubcommand => {
            return (cmd.render_help().to_string(), 2);
        }
        ErrorKind::InvalidSubcommand => format!(
            "lỗi: không có lệnh '{}'; các lệnh: {}{}",
            context(err, ContextKind::InvalidSubcommand),
            names(cmd),
            suggestion(ContextKind::SuggestedSubcommand)
        ),
        ErrorKind::UnknownArgument => format!(
            "lỗi: không có tùy chọn '{}'{}",
            context(err, ContextKind::InvalidArg),
            suggestion(ContextKind::SuggestedArg)
        ),
        ErrorKind::InvalidValue => {
            let valid = context(err, ContextKind::ValidValue);
            let mut text = format!(
                "lỗi: giá trị '{}' của {} không hợp lệ",
                context(err, ContextKind::InvalidValue),
                context(err, ContextKind::InvalidArg)
            );
            if !valid.is_empty() {
                text.push_str(&format!("; các giá trị: {valid}"));
            }
            text
        }
        ErrorKind::ValueValidation => format!(
            "lỗi: giá trị '{}' của {} không hợp lệ: {}",
            context(err, ContextKind::InvalidValue),
            context(err, ContextKind::InvalidArg),
            std::error::Error::source(err).map_or(String::new(), |s| s.to_string())
        ),
        ErrorKind::MissingRequiredArgument => {
            format!("lỗi: thiếu {}", context(err, ContextKind::InvalidArg))
        }
        ErrorKind::ArgumentConflict => format!(
            "lỗi: {} không dùng cùng {}",
            context(err, ContextKind::InvalidArg),
            context(err, ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!(
                "lỗi: số giá trị của {} không đúng",
                context(err, ContextKind::InvalidArg)
            )
        }
        _ => "lỗi: dòng lệnh không hợp lệ".to_owned(),
    };
    (format!("{text}{}\n", usage()), 2)
}
