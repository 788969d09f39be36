use std::process::ExitCode;

mod cli;
mod run;

use cli::Command;
use run::emit;

fn main() -> ExitCode {
    // A panic (Typst's, inside one document) is reported in the clerk's
    // words by the command; its details stay on one line for whoever
    // maintains tdkt.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("(chi tiết cho người bảo trì tdkt: {info})");
    }));
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err((text, 0)) => {
            emit(&text);
            return ExitCode::SUCCESS;
        }
        Err((text, code)) => {
            eprint!("{text}");
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Check {
            records,
            plan,
            format,
            verbose,
        } => run::check::run(records, plan, format, verbose),
        Command::Build(args) => run::build::run(args),
        Command::Open { document, folders } => run::open::run(document, folders),
        Command::Issue {
            document,
            folders,
            number,
            date,
        } => run::issue::run(document, folders, number, date),
        Command::List {
            folders,
            plan,
            format,
        } => run::list::run(folders, plan, format),
        Command::NewPlan {
            from,
            to,
            year,
            folders,
        } => run::new_plan::run(from, to, year, folders),
        Command::Import(args) => run::import::run(args),
        Command::Register {
            year,
            folders,
            format,
        } => run::register::run(year, folders, format),
        Command::Verify {
            file,
            keep,
            folders,
        } => run::verify::run(file, keep, folders),
        Command::Init {
            dir,
            answers,
            gender,
            year,
        } => run::init::run(dir, answers, gender, year),
        Command::Schema { dir } => run::schema::run(dir),
        Command::New(args) => run::new::run(args),
        Command::Help { command } => run::help(command.as_deref()),
        Command::Man => run::man(),
        Command::Completions { shell } => run::completions(shell),
    }
}
