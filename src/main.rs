use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use tdkt::{build, check, load, report};

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
        /// Thư mục bản ghi
        #[arg(long, default_value = "records", value_name = "THƯ_MỤC")]
        records: PathBuf,
        /// Thư mục ghi văn bản
        #[arg(long, default_value = "output", value_name = "THƯ_MỤC")]
        out: PathBuf,
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
            let findings = report::Findings {
                reports: repository
                    .plans
                    .iter()
                    .map(|p| p.loaded.records.as_ref().map(check::check))
                    .collect(),
                repository: &repository,
                problems: Vec::new(),
                notes: Vec::new(),
            };
            match format {
                OutputFormat::Text => emit(&findings.text()),
                OutputFormat::Json => emit(&format!("{}\n", findings.json())),
            }
            ExitCode::from(if findings.valid() { 0 } else { 1 })
        }
        Command::Build {
            records,
            out,
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
    }
}
