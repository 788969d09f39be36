use std::process::ExitCode;

use tdkt::paperwork::{init, issue, list, new_plan, new_record, open, verify};
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

/// `init`'s answers: each option given, or asked at the keyboard when a
/// person is there; missing ones stay empty and are named all at once.
fn asked(given: [Option<String>; 8]) -> [String; 8] {
    use std::io::{BufRead, IsTerminal, Write};
    let keyboard = std::io::stdin().is_terminal();
    let mut i = 0;
    given.map(|answer| {
        let question = &init::QUESTIONS[i];
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
        } => {
            let records = cli::records_folder(records);
            // An issue a killed run left is finished or undone first: the
            // records are read as they then are.
            let recovered = tdkt::journal::recover(&records);
            let repository = load::repository(&records, plan.as_deref());
            let mut findings = report::Findings::of(&repository);
            findings.recovered(recovered);
            match format {
                OutputFormat::Text => emit(&findings.text()),
                OutputFormat::Json => emit(&format!("{}\n", findings.json())),
            }
            ExitCode::from(if findings.valid() { 0 } else { 1 })
        }
        Command::Build {
            documents,
            folders,
            plan,
            emit_typ,
            templates,
            force,
            jobs,
            verbose,
            watch,
        } => {
            let (records, out) = folders.resolve();
            let options = build::Options {
                plan,
                emit_typst: emit_typ,
                templates,
                force,
                jobs,
                progress: true,
                only: documents,
                ..build::Options::new(records, out)
            };
            if watch {
                build::watch(&options, |summary, cause| {
                    let mut text = String::new();
                    for file in cause {
                        let file = file.strip_prefix(&options.records).unwrap_or(file);
                        text.push_str(&format!("Đã đổi: {}\n", file.display()));
                    }
                    text.push_str(&report::build_summary(summary, &options.out, true));
                    text.push_str("Đang theo dõi thư mục bản ghi; lưu một bản ghi là lập lại. Ctrl-C để dừng.\n\n");
                    emit(&text);
                });
            }
            let summary = build::build(&options);
            emit(&report::build_summary(&summary, &options.out, verbose));
            ExitCode::from(if summary.ok() { 0 } else { 1 })
        }
        Command::Open { document, folders } => {
            let (records, out) = folders.resolve();
            let options = build::Options {
                only: vec![document],
                ..build::Options::new(records, out)
            };
            let summary = build::build(&options);
            // What kept the document from being made now is said first:
            // a PDF opened after that is an earlier one.
            if !summary.ok() {
                eprint!("{}", report::build_summary(&summary, &options.out, false));
            }
            if summary.asked.is_empty() {
                eprintln!("Không có văn bản nào để mở.");
                return ExitCode::from(1);
            }
            if summary.asked.len() > open::AT_MOST {
                eprintln!(
                    "\"{}\" là {} văn bản; hãy mở từng văn bản (tdkt open TÊN):",
                    options.only.join(" "),
                    summary.asked.len()
                );
                for pdf in &summary.asked {
                    eprintln!("  {}", pdf.display());
                }
                return ExitCode::from(1);
            }
            let mut opened = ExitCode::SUCCESS;
            for pdf in &summary.asked {
                if let Err(why) = open::open(pdf) {
                    eprintln!("{why}");
                    opened = ExitCode::from(1);
                }
            }
            opened
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
                    if let Some(note) = &done.recovered {
                        emit(&format!("{note}.\n"));
                    }
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
            match tdkt::journal::recover(&records) {
                Ok(None) => {}
                Ok(Some(note)) => eprintln!("Lưu ý: {note}"),
                Err(why) => eprintln!("Lỗi: {why}"),
            }
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
        Command::Init {
            dir,
            answers,
            gender,
            year,
        } => {
            let given = answers.given();
            let dir = dir.unwrap_or_else(|| std::path::PathBuf::from("."));
            let year = year.unwrap_or_else(|| chrono::Datelike::year(&today()));
            let answers = init::Answers::from(asked(given), year, gender.map(NewGender::gender));
            match answers.and_then(|a| init::init(&dir, &a)) {
                Ok(files) => {
                    let mut text = String::new();
                    for file in files {
                        text.push_str(&format!("Đã ghi {}.\n", dir.join(file).display()));
                    }
                    text.push_str(
                        "Tiếp theo: tdkt new tap-the, tdkt new ca-nhan, rồi tdkt check và tdkt build.\n",
                    );
                    emit(&text);
                    ExitCode::SUCCESS
                }
                Err(why) => {
                    eprintln!("Không lập được kho bản ghi:\n  - {why}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Schema { dir } => {
            let dir = cli::schema_folder(dir);
            match tdkt::schema::write(&dir) {
                Ok(files) => {
                    let names: Vec<String> =
                        files.iter().map(|f| f.display().to_string()).collect();
                    emit(&format!("Đã ghi {}.\n", names.join(", ")));
                    ExitCode::SUCCESS
                }
                Err(why) => {
                    eprintln!("Không ghi được lược đồ: {why}");
                    ExitCode::from(1)
                }
            }
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
            date,
        } => {
            let records = cli::records_folder(records);
            let request = new_record::Request {
                kind: match kind {
                    NewKind::CaNhan => tdkt::records::Kind::Person,
                    NewKind::TapThe => tdkt::records::Kind::Collective,
                    NewKind::CuocHop => tdkt::records::Kind::Meeting,
                    NewKind::ToTrinh => tdkt::records::Kind::Proposal,
                },
                name: name.unwrap_or_default(),
                plan,
                unit,
                gender: gender.map(NewGender::gender),
                position,
                head,
                date: Some(date.unwrap_or_else(today)),
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
        Command::Man => {
            use std::io::Write;
            let _ = std::io::stdout().lock().write_all(&cli::man::page());
            ExitCode::SUCCESS
        }
        Command::Completions { shell } => {
            use std::io::Write;
            let _ = std::io::stdout().lock().write_all(&cli::completions(shell));
            ExitCode::SUCCESS
        }
    }
}
