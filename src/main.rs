use std::process::ExitCode;

use tdkt::paperwork::{issue, list, new_plan, new_record, verify};
use tdkt::{build, load, report};

mod cli;

use cli::{Command, NewGender, NewKind, OutputFormat};

/// Writes to standard output; a reader that stops early (`tdkt check | head
/// -1`) closes the pipe, and the rest is dropped quietly rather than
/// aborting the program.
fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

fn main() -> ExitCode {
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
        } => {
            let records = cli::records_folder(records);
            let repository = load::repository(&records, plan.as_deref());
            let findings = report::Findings::of(&repository);
            match format {
                OutputFormat::Text => emit(&findings.text()),
                OutputFormat::Json => emit(&format!("{}\n", findings.json())),
            }
            ExitCode::from(if findings.valid() { 0 } else { 1 })
        }
        Command::Build {
            folders,
            plan,
            emit_typ,
            templates,
            force,
            jobs,
            verbose,
        } => {
            let (records, out) = folders.resolve();
            let options = build::Options {
                records,
                out,
                plan,
                emit_typst: emit_typ,
                templates,
                force,
                jobs,
                progress: true,
            };
            let summary = build::build(&options);
            emit(&report::build_summary(&summary, &options.out, verbose));
            ExitCode::from(if summary.ok() { 0 } else { 1 })
        }
        Command::Issue {
            document,
            folders,
            number,
            date,
        } => {
            let (records, _) = folders.resolve();
            let options = issue::Options {
                records: records.clone(),
                document,
                number,
                date,
            };
            match issue::issue(&options) {
                Ok(done) => {
                    let files: Vec<String> = done
                        .written
                        .iter()
                        .map(|f| records.join(f).display().to_string())
                        .collect();
                    emit(&format!(
                        "Đã ban hành {} số {} ngày {}.\nĐã ghi:\n{}\nHãy lưu vào git:\n  git add {}\n  git commit -m \"Ban hành {} số {}\"\nKhi có bản ký đã quét, lưu cạnh bản lưu, tên đuôi .ban-ky.pdf.\n",
                        done.document,
                        done.number,
                        done.date.format("%d/%m/%Y"),
                        files
                            .iter()
                            .map(|f| format!("  {f}"))
                            .collect::<Vec<_>>()
                            .join("\n"),
                        files.join(" "),
                        done.document,
                        done.number
                    ));
                    ExitCode::SUCCESS
                }
                Err(why) => {
                    eprintln!("Không ban hành được: {why}");
                    ExitCode::from(1)
                }
            }
        }
        Command::List {
            folders,
            plan,
            format,
        } => {
            let (records, _) = folders.resolve();
            let (listed, problems) = list::list(&records, plan.as_deref());
            match format {
                OutputFormat::Text => emit(&list::text(&listed)),
                OutputFormat::Json => emit(&format!(
                    "{}\n",
                    serde_json::to_string_pretty(&listed).unwrap_or_default()
                )),
            }
            for p in &problems {
                eprintln!("Lỗi: {p}");
            }
            ExitCode::from(if problems.is_empty() { 0 } else { 1 })
        }
        Command::NewPlan {
            from,
            to,
            year,
            folders,
        } => {
            let (records, _) = folders.resolve();
            let Some(year) = year.or_else(|| to.parse().ok()) else {
                eprintln!("Không lập được: hãy cho năm của kế hoạch mới bằng --nam");
                return ExitCode::from(2);
            };
            match new_plan::new_plan(&records, &from, &to, year) {
                Ok(files) => {
                    emit(&format!(
                        "Đã lập kế hoạch {to} từ {from}: {} tệp trong {}.\nHãy sửa {}/{to}/ke-hoach.yaml (trích yếu, số, ngày, chỉ tiêu), thêm người mới, xóa người đã chuyển đi, rồi chạy tdkt check.\n",
                        files.len(),
                        records.join(&to).display(),
                        records.display()
                    ));
                    ExitCode::SUCCESS
                }
                Err(why) => {
                    eprintln!("Không lập được: {why}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Verify { file, folders } => {
            let (records, _) = folders.resolve();
            let verdict = verify::verify(&records, &file);
            emit(&format!("{}\n", verdict.text));
            ExitCode::from(verdict.code)
        }
        Command::New {
            kind,
            name,
            records,
            plan,
            unit,
            gender,
            position,
            head,
        } => {
            let records = cli::records_folder(records);
            let request = new_record::Request {
                kind: match kind {
                    NewKind::CaNhan => tdkt::records::Kind::Person,
                    NewKind::TapThe => tdkt::records::Kind::Collective,
                },
                name,
                plan,
                unit,
                gender: gender.map(|g| match g {
                    NewGender::Nam => tdkt::vocab::Gender::Male,
                    NewGender::Nu => tdkt::vocab::Gender::Female,
                }),
                position,
                head,
            };
            match new_record::new_record(&records, &request) {
                Ok(done) => {
                    let mut text = format!("Đã ghi {}.\n", records.join(&done.file).display());
                    for note in &done.notes {
                        text.push_str(&format!("Lưu ý: {note}.\n"));
                    }
                    emit(&text);
                    ExitCode::SUCCESS
                }
                Err(why) => {
                    eprintln!("Không lập được: {why}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Help { command } => match cli::help_of(command.as_deref()) {
            Ok(text) => {
                emit(&text);
                ExitCode::SUCCESS
            }
            Err(why) => {
                eprintln!("{why}");
                ExitCode::from(2)
            }
        },
        Command::Completions { shell } => {
            use std::io::Write;
            let _ = std::io::stdout().lock().write_all(&cli::completions(shell));
            ExitCode::SUCCESS
        }
    }
}
