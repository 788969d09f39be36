use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use tdkt::paperwork::{issue, list, new_plan, verify};
use tdkt::{build, load, report};

/// tdkt — lập hồ sơ thi đua – khen thưởng từ các bản ghi YAML.
#[derive(Parser)]
#[command(name = "tdkt", version, about, disable_help_subcommand = true)]
#[command(help_template = "{about}\n\nCách dùng: {usage}\n\n{all-args}")]
#[command(disable_help_flag = true, disable_version_flag = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// In trợ giúp
    #[arg(short = 'h', long = "help", action = clap::ArgAction::Help, global = true)]
    help: Option<bool>,
    /// In phiên bản
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version)]
    version: Option<bool>,
}

#[derive(Subcommand)]
enum Command {
    /// Kiểm tra bản ghi theo tiêu chuẩn của kế hoạch; in kết quả từng giai đoạn
    Check {
        /// Thư mục bản ghi
        #[arg(long, default_value = "records", value_name = "THƯ_MỤC")]
        records: PathBuf,
        /// Chỉ kiểm tra kế hoạch này (tên thư mục của nó); mặc định: mọi kế hoạch
        #[arg(long = "ke-hoach", visible_alias = "plan", value_name = "TÊN")]
        plan: Option<String>,
        /// Dạng kết quả: text (bảng) hoặc json
        #[arg(long, value_enum, default_value_t = OutputFormat::Text, value_name = "DẠNG")]
        format: OutputFormat,
    },
    /// Lập các văn bản (PDF) từ bản ghi hợp lệ
    Build {
        #[command(flatten)]
        folders: Folders,
        /// Chỉ lập văn bản của kế hoạch này (tên thư mục của nó); mặc định: mọi kế hoạch
        #[arg(long = "ke-hoach", visible_alias = "plan", value_name = "TÊN")]
        plan: Option<String>,
        /// Ghi cả mã Typst sinh ra cạnh mỗi PDF (để gỡ lỗi, so sánh với chương trình typst)
        #[arg(long)]
        emit_typ: bool,
        /// Dùng mẫu văn bản trong thư mục này thay cho mẫu có sẵn
        #[arg(long, value_name = "THƯ_MỤC")]
        templates: Option<PathBuf>,
        /// Lập lại mọi văn bản, kể cả văn bản không đổi
        #[arg(long)]
        force: bool,
        /// Số luồng lập văn bản (mặc định: bằng số nhân)
        #[arg(long, value_name = "SỐ")]
        jobs: Option<usize>,
        /// In tên từng văn bản được lập hoặc xóa
        #[arg(short, long)]
        verbose: bool,
    },
    /// Ban hành một văn bản: cấp số từ sổ văn bản đi, ghi số và ngày vào bản ghi, lập bản cuối và lưu vào thư mục bản ghi
    Issue {
        /// Tên văn bản: đường dẫn trong thư mục ra, không có .pdf (xem tdkt list)
        #[arg(value_name = "VĂN_BẢN")]
        document: String,
        #[command(flatten)]
        folders: Folders,
        /// Số văn bản (mặc định: số tiếp theo còn trống của sổ)
        #[arg(long = "so", value_name = "SỐ")]
        number: Option<u32>,
        /// Ngày ban hành, YYYY-MM-DD (mặc định: ngày ghi trong bản ghi)
        #[arg(long = "ngay", value_name = "NGÀY")]
        date: Option<chrono::NaiveDate>,
    },
    /// Liệt kê mọi văn bản: tên, loại, số, ngày, trạng thái
    List {
        #[command(flatten)]
        folders: Folders,
        /// Chỉ kế hoạch này (tên thư mục của nó)
        #[arg(long = "ke-hoach", visible_alias = "plan", value_name = "TÊN")]
        plan: Option<String>,
        /// Dạng kết quả: text (bảng) hoặc json
        #[arg(long, value_enum, default_value_t = OutputFormat::Text, value_name = "DẠNG")]
        format: OutputFormat,
    },
    /// Lập thư mục kế hoạch mới từ kế hoạch cũ: mang theo cá nhân, tập thể, Hội đồng; bỏ những gì thuộc về một năm
    NewPlan {
        /// Kế hoạch cũ (tên thư mục), ví dụ 2020
        #[arg(value_name = "TỪ")]
        from: String,
        /// Kế hoạch mới (tên thư mục), ví dụ 2021
        #[arg(value_name = "SANG")]
        to: String,
        /// Năm của kế hoạch mới (mặc định: tên kế hoạch mới nếu là một năm)
        #[arg(long = "nam", value_name = "NĂM")]
        year: Option<i32>,
        #[command(flatten)]
        folders: Folders,
    },
    /// Kiểm tra một tệp PDF có phải do tdkt lập từ các bản ghi này không
    Verify {
        /// Tệp PDF
        #[arg(value_name = "TỆP")]
        file: PathBuf,
        #[command(flatten)]
        folders: Folders,
    },
}

/// The records folder and the output folder: every command but `check`
/// takes both, as `build` does, whether it writes there or not.
#[derive(Args)]
struct Folders {
    /// Thư mục bản ghi
    #[arg(long, default_value = "records", value_name = "THƯ_MỤC")]
    records: PathBuf,
    /// Thư mục ghi văn bản
    #[arg(long, default_value = "output", value_name = "THƯ_MỤC")]
    out: PathBuf,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
}

/// Writes to standard output; a reader that stops early (`tdkt check | head
/// -1`) closes the pipe, and the rest is dropped quietly rather than
/// aborting the program.
fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { 2 } else { 0 };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Check {
            records,
            plan,
            format,
        } => {
            let repository = load::repository(&records, plan.as_deref());
            let findings = report::Findings::of(&repository);
            match format {
                OutputFormat::Text => emit(&findings.text()),
                OutputFormat::Json => emit(&format!("{}\n", findings.json())),
            }
            ExitCode::from(if findings.valid() { 0 } else { 1 })
        }
        Command::Build {
            folders: Folders { records, out },
            plan,
            emit_typ,
            templates,
            force,
            jobs,
            verbose,
        } => {
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
            folders: Folders { records, .. },
            number,
            date,
        } => {
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
            folders: Folders { records, .. },
            plan,
            format,
        } => {
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
            folders: Folders { records, .. },
        } => {
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
        Command::Verify {
            file,
            folders: Folders { records, .. },
        } => {
            let verdict = verify::verify(&records, &file);
            emit(&format!("{}\n", verdict.text));
            ExitCode::from(verdict.code)
        }
    }
}
