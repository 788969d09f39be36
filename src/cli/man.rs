//! `tdkt man`: the manual page (roff) from the same definitions as
//! `--help` (clap_mangen), its section headings in Vietnamese as the
//! Vietnamese manual pages of Debian write them.

/// clap_mangen's headings and the Vietnamese ones.
const HEADINGS: [(&str, &str); 5] = [
    ("NAME", "TÊN"),
    ("SYNOPSIS", "CÁCH DÙNG"),
    ("DESCRIPTION", "MÔ TẢ"),
    ("OPTIONS", "TÙY CHỌN"),
    ("VERSION", "PHIÊN BẢN"),
];

/// The page: the command, then each subcommand's use and options under
/// its own heading (one page, not a page per subcommand).
pub fn page() -> Vec<u8> {
    let command = super::command();
    let mut roff = render(command.clone(), |man, out| man.render(out));
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = sub.get_name().to_owned();
        roff.push_str(&format!(".SH \"tdkt {name}\"\n"));
        if let Some(about) = sub.get_about() {
            roff.push_str(&format!("{about}\n"));
        }
        let named = sub.clone().bin_name(format!("tdkt {name}"));
        roff.push_str(&render(named.clone(), |man, out| {
            man.render_synopsis_section(out)
        }));
        roff.push_str(&render(named, |man, out| man.render_options_section(out)));
    }
    roff.lines()
        .map(|line| {
            let heading = line.strip_prefix(".SH ").map(|h| h.trim_matches('"'));
            let line = line.replace("(1)", "").replace("tdkt\\-", "tdkt ");
            match HEADINGS.iter().find(|(en, _)| Some(*en) == heading) {
                Some((_, vi)) => format!(".SH \"{vi}\"\n"),
                None => format!("{line}\n"),
            }
        })
        .collect::<String>()
        .into_bytes()
}

fn render(
    command: clap::Command,
    part: impl Fn(&clap_mangen::Man, &mut Vec<u8>) -> std::io::Result<()>,
) -> String {
    let man = clap_mangen::Man::new(command).manual("Hướng dẫn tdkt");
    let mut out = Vec::new();
    match part(&man, &mut out) {
        Ok(()) => String::from_utf8_lossy(&out).into_owned(),
        Err(_) => String::new(),
    }
}
