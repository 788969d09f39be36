//! `tdkt help`: a command's help, or a document built into the binary;
//! a mistyped name gets the nearest one.

use super::command;

/// The documents built into the binary, for a clerk whose repository has
/// no `docs/`: what messages point to ("xem tdkt help records").
const TOPICS: &[(&str, &str)] = &[
    ("records", include_str!("../../docs/records.md")),
    ("rules", include_str!("../../docs/rules.md")),
    ("nam-cong-tac", include_str!("../../docs/nam-cong-tac.md")),
];

/// The help of `name` (a command of tdkt or a document), or of tdkt.
pub fn help_of(name: Option<&str>) -> Result<String, String> {
    let mut cmd = command();
    let Some(name) = name else {
        return Ok(cmd.render_help().to_string());
    };
    if let Some((_, text)) = TOPICS.iter().find(|(topic, _)| *topic == name) {
        return Ok((*text).to_owned());
    }
    match cmd.find_subcommand_mut(name) {
        Some(sub) => Ok(sub.render_help().to_string()),
        None => {
            // A typo gets the nearest name, as clap suggests `build` for `buld`.
            let commands: Vec<String> = cmd
                .get_subcommands()
                .map(|c| c.get_name().to_owned())
                .collect();
            let nearest = commands
                .iter()
                .map(String::as_str)
                .chain(TOPICS.iter().map(|(t, _)| *t))
                .map(|known| (strsim::damerau_levenshtein(known, name), known))
                .filter(|(distance, _)| *distance <= 2)
                .min_by_key(|(distance, _)| *distance)
                .map_or(String::new(), |(_, known)| {
                    format!("\nCó phải ý bạn là '{known}'?")
                });
            Err(format!(
                "lỗi: không có lệnh hay tài liệu '{name}'; các lệnh: {}; tài liệu: {}{nearest}",
                names(&cmd),
                TOPICS
                    .iter()
                    .map(|(t, _)| *t)
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        }
    }
}

pub(super) fn names(cmd: &clap::Command) -> String {
    cmd.get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}
