//! The command line: its commands and options, worded in Vietnamese to the
//! last word — clap's headings, its "[default: …]", its errors — and the
//! completions a shell takes from the same definition.

use std::path::{Path, PathBuf};

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

mod errors;
mod help;
mod import;
mod init;
pub mod man;

pub use help::help_of;
pub use import::ImportArgs;
pub use init::InitAnswers;

/// tdkt — lập hồ sơ thi đua – khen thưởng từ các bản ghi YAML.
#[derive(Parser)]
#[command(name = "tdkt", version, about, disable_help_subcommand = true)]
#[command(disable_help_flag = true, disable_version_flag = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// In trợ giúp
    #[arg(short = 'h', long = "help", action = clap::ArgAction::Help)]
    help: Option<bool>,
    /// In phiên bản
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version)]
    version: Option<bool>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Kiểm tra bản ghi theo tiêu chuẩn của kế hoạch; in kết quả từng giai đoạn
    Check {
        /// Thư mục bản ghi (mặc định: records, ở thư mục hiện tại hay thư mục cha gần nhất có nó, như git)
        #[arg(short, long, value_name = "THƯ_MỤC")]
        records: Option<PathBuf>,
        /// Chỉ kiểm tra kế hoạch này (tên thư mục của nó); mặc định: mọi kế hoạch (tên khác: --plan)
        #[arg(long = "ke-hoach", alias = "plan", value_name = "TÊN")]
        plan: Option<String>,
        /// Dạng kết quả: text (bảng) hoặc json
        #[arg(long, value_enum, default_value_t = TextOrJson::Text, value_name = "DẠNG")]
        format: TextOrJson,
        /// In cả nội dung và căn cứ của từng tiêu chí
        #[arg(short, long)]
        verbose: bool,
    },
    /// Lập các văn bản (PDF) từ bản ghi hợp lệ: mọi văn bản, hay chỉ những văn bản cho tên
    Build(BuildArgs),
    /// Mở một văn bản bằng chương trình xem PDF của máy (lập nó trước nếu chưa có hay đã cũ)
    Open {
        /// Tên văn bản (xem tdkt list), tệp PDF, hay tệp bản ghi (mở mọi văn bản đọc nó)
        #[arg(value_name = "VĂN_BẢN")]
        document: String,
        #[command(flatten)]
        folders: Folders,
    },
    /// Ban hành một văn bản: cấp số từ sổ văn bản đi, ghi số và ngày vào bản ghi, lập bản cuối và lưu vào thư mục bản ghi
    Issue {
        /// Tên văn bản: đường dẫn trong thư mục ra, không có .pdf (xem tdkt list)
        #[arg(value_name = "VĂN_BẢN")]
        document: String,
        #[command(flatten)]
        folders: Folders,
        /// Số văn bản (mặc định: số tiếp theo còn trống của sổ)
        #[arg(long = "so", value_name = "SỐ", value_parser = whole_number)]
        number: Option<u32>,
        /// Ngày ban hành, YYYY-MM-DD (mặc định: ngày ghi trong bản ghi)
        #[arg(long = "ngay", value_name = "NGÀY", value_parser = iso_date)]
        date: Option<chrono::NaiveDate>,
    },
    /// Liệt kê mọi văn bản: tên, loại, số, ngày, trạng thái
    List {
        #[command(flatten)]
        folders: Folders,
        /// Chỉ kế hoạch này (tên thư mục của nó) (tên khác: --plan)
        #[arg(long = "ke-hoach", alias = "plan", value_name = "TÊN")]
        plan: Option<String>,
        /// Dạng kết quả: text (bảng) hoặc json
        #[arg(long, value_enum, default_value_t = TextOrJson::Text, value_name = "DẠNG")]
        format: TextOrJson,
    },
    /// Nhập danh sách cán bộ từ bảng tính (.xlsx, .xls, .ods, .csv): mỗi dòng một bản ghi cá nhân, tập thể; trang "Đăng ký": đăng ký thi đua của họ
    #[command(name = "import", alias = "nhap")]
    Import(ImportArgs),
    /// In sổ đăng ký văn bản đi của một năm (PDF để đóng quyển), hay các trường theo Phụ lục VI Nghị định 30/2020 (json)
    #[command(name = "register", alias = "so-van-ban-di")]
    Register {
        /// Năm (mặc định: năm của văn bản ban hành gần nhất)
        #[arg(value_name = "NĂM", value_parser = year)]
        year: Option<i32>,
        #[command(flatten)]
        folders: Folders,
        /// Dạng kết quả: text (ghi sổ PDF vào thư mục ra) hoặc json (các trường Phụ lục VI, ra màn hình)
        #[arg(long, value_enum, default_value_t = TextOrJson::Text, value_name = "DẠNG")]
        format: TextOrJson,
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
        #[arg(long = "nam", value_name = "NĂM", value_parser = year)]
        year: Option<i32>,
        #[command(flatten)]
        folders: Folders,
    },
    /// Kiểm tra một tệp PDF có phải do tdkt lập từ các bản ghi này không
    Verify {
        /// Tệp PDF
        #[arg(value_name = "TỆP")]
        file: PathBuf,
        /// Khi tệp là văn bản đã ban hành đã ký số: lưu nó cạnh bản lưu (đuôi .ky-so.pdf)
        #[arg(long = "luu")]
        keep: bool,
        #[command(flatten)]
        folders: Folders,
    },
    /// Lập kho bản ghi mới cho một cơ quan: kế hoạch năm nay theo luật, thủ trưởng ký và chủ trì Hội đồng, .gitignore, README; hỏi những gì chưa cho
    Init {
        /// Thư mục của kho (mặc định: thư mục hiện tại)
        #[arg(value_name = "THƯ_MỤC")]
        dir: Option<PathBuf>,
        #[command(flatten)]
        answers: InitAnswers,
        /// Giới tính thủ trưởng (mặc định: đoán theo tên đệm Thị, Văn)
        #[arg(long = "gioi-tinh", value_enum, value_name = "GIỚI_TÍNH")]
        gender: Option<NewGender>,
        /// Năm của kế hoạch đầu tiên (mặc định: năm nay)
        #[arg(long = "nam", value_name = "NĂM", value_parser = year)]
        year: Option<i32>,
    },
    /// Ghi JSON Schema của mọi loại bản ghi (để trình soạn thảo gợi ý khóa, mã và báo lỗi khi gõ)
    Schema {
        /// Thư mục ghi (mặc định: schema, cạnh thư mục bản ghi tìm được)
        #[arg(value_name = "THƯ_MỤC")]
        dir: Option<PathBuf>,
    },
    /// Lập một bản ghi mới để điền: cá nhân, tập thể (mã lập từ tên), cuộc họp Hội đồng, tờ trình
    New(NewArgs),
    /// In trợ giúp của tdkt, của một lệnh, hay tài liệu: records (bản ghi), rules (tiêu chí), nam-cong-tac (một năm công tác)
    Help {
        /// Lệnh hay tài liệu cần xem
        #[arg(value_name = "LỆNH")]
        command: Option<String>,
    },
    /// In trang hướng dẫn (man) của tdkt, dạng roff: tdkt man > ~/.local/share/man/man1/tdkt.1
    Man,
    /// In mã tự hoàn thành lệnh cho shell (bash, zsh, fish, powershell)
    Completions {
        /// Shell
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
}

/// The records folder and the output folder: every command but `check`
/// takes both, as `build` does, whether it writes there or not.
#[derive(Args)]
pub struct Folders {
    /// Thư mục bản ghi (mặc định: records, ở thư mục hiện tại hay thư mục cha gần nhất có nó, như git)
    #[arg(short, long, value_name = "THƯ_MỤC")]
    records: Option<PathBuf>,
    /// Thư mục ghi văn bản (mặc định: output, cạnh thư mục bản ghi tìm được)
    #[arg(short, long, value_name = "THƯ_MỤC")]
    out: Option<PathBuf>,
}

impl Folders {
    /// The records folder and the output folder: as given, or found from
    /// the current folder up (see [`records_folder`]), the output beside it.
    pub fn resolve(self) -> (PathBuf, PathBuf) {
        match (self.records, self.out) {
            (Some(records), out) => (records, out.unwrap_or_else(|| PathBuf::from("output"))),
            (None, out) => {
                let found = found_root();
                let out = out.unwrap_or_else(|| match &found {
                    Some(root) => root.join("output"),
                    None => PathBuf::from("output"),
                });
                (records_in(found), out)
            }
        }
    }
}

/// The nearest folder, from the current one up, that holds `records/`:
/// the body's repository, wherever in it the clerk stands.
fn found_root() -> Option<PathBuf> {
    let here = std::env::current_dir().ok()?;
    here.ancestors()
        .find(|dir| dir.join("records").is_dir())
        .map(Path::to_path_buf)
}

/// Where `tdkt schema` writes: `schema/` beside the records found.
pub fn schema_folder(given: Option<PathBuf>) -> PathBuf {
    given.unwrap_or_else(|| {
        found_root().map_or_else(|| PathBuf::from("schema"), |r| r.join("schema"))
    })
}

fn records_in(root: Option<PathBuf>) -> PathBuf {
    root.map_or_else(|| PathBuf::from("records"), |r| r.join("records"))
}

/// The records folder: as given, or `records/` of the nearest folder up
/// from the current one that has it.
pub fn records_folder(given: Option<PathBuf>) -> PathBuf {
    given.unwrap_or_else(|| records_in(found_root()))
}

#[derive(Clone, Copy, ValueEnum)]
pub enum NewKind {
    CaNhan,
    TapThe,
    CuocHop,
    ToTrinh,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum NewGender {
    Nam,
    Nu,
}

impl NewGender {
    pub fn gender(self) -> tdkt::vocab::Gender {
        match self {
            NewGender::Nam => tdkt::vocab::Gender::Male,
            NewGender::Nu => tdkt::vocab::Gender::Female,
        }
    }
}

/// What `tdkt new` is given.
#[derive(Args)]
pub struct NewArgs {
    /// Loại bản ghi
    #[arg(value_enum, value_name = "LOẠI")]
    pub kind: NewKind,
    /// Họ và tên, hay tên tập thể; cuộc họp: lua-chon (lựa chọn đầu năm) hay binh-xet (bình xét cuối năm; cuoi-nam cũng được), tên tệp theo đó; tờ trình: không cần
    #[arg(value_name = "TÊN")]
    pub name: Option<String>,
    /// Thư mục bản ghi (mặc định: records, ở thư mục hiện tại hay thư mục cha gần nhất có nó, như git)
    #[arg(short, long, value_name = "THƯ_MỤC")]
    pub records: Option<PathBuf>,
    /// Kế hoạch (tên thư mục của nó); mặc định: kế hoạch cuối cùng
    #[arg(long = "ke-hoach", alias = "plan", value_name = "TÊN")]
    pub plan: Option<String>,
    /// Cá nhân: mã phòng (tệp tap-the/<mã>.yaml)
    #[arg(long = "don-vi", value_name = "MÃ")]
    pub unit: Option<String>,
    /// Cá nhân: giới tính (mặc định: đoán theo tên đệm Thị, Văn)
    #[arg(long = "gioi-tinh", value_enum, value_name = "GIỚI_TÍNH")]
    pub gender: Option<NewGender>,
    /// Cá nhân: chức vụ (mặc định: Chuyên viên)
    #[arg(long = "chuc-vu", value_name = "CHỨC_VỤ")]
    pub position: Option<String>,
    /// Tập thể: mã cá nhân của trưởng phòng
    #[arg(long = "truong-phong", value_name = "MÃ")]
    pub head: Option<String>,
    /// Cuộc họp, tờ trình: ngày, YYYY-MM-DD (mặc định: hôm nay)
    #[arg(long = "ngay", value_name = "NGÀY", value_parser = iso_date)]
    pub date: Option<chrono::NaiveDate>,
    /// Vẫn lập khi đã có bản ghi cùng tên (người khác trùng họ tên, cuộc họp thứ hai trong ngày): mã thêm -2
    #[arg(long = "trung")]
    pub again: bool,
}

/// What `tdkt build` is given.
#[derive(Args)]
pub struct BuildArgs {
    /// Chỉ lập những văn bản này: tên văn bản (xem tdkt list), thư mục của chúng (2020/dang-ky), tệp PDF trong thư mục ra, hay tệp bản ghi (mọi văn bản đọc nó)
    #[arg(value_name = "VĂN_BẢN")]
    pub documents: Vec<String>,
    #[command(flatten)]
    pub folders: Folders,
    /// Chỉ lập văn bản của kế hoạch này (tên thư mục của nó); mặc định: mọi kế hoạch (tên khác: --plan)
    #[arg(long = "ke-hoach", alias = "plan", value_name = "TÊN")]
    pub plan: Option<String>,
    /// Ghi cả mã Typst sinh ra cạnh mỗi PDF (để gỡ lỗi, so sánh với chương trình typst)
    #[arg(long)]
    pub emit_typ: bool,
    /// Dùng mẫu văn bản trong thư mục này thay cho mẫu có sẵn
    #[arg(long, value_name = "THƯ_MỤC")]
    pub templates: Option<PathBuf>,
    /// Lập lại mọi văn bản, kể cả văn bản không đổi
    #[arg(long)]
    pub force: bool,
    /// Số luồng lập văn bản (mặc định: bằng số nhân)
    #[arg(short, long, value_name = "SỐ")]
    pub jobs: Option<usize>,
    /// In tên từng văn bản được lập hoặc xóa
    #[arg(short, long)]
    pub verbose: bool,
    /// Theo dõi: lập lại mỗi khi một bản ghi (hay mẫu của --templates) được lưu; Ctrl-C để dừng
    #[arg(short, long)]
    pub watch: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum TextOrJson {
    Text,
    Json,
}

fn whole_number(s: &str) -> Result<u32, String> {
    s.parse()
        .map_err(|_| "cần một số nguyên dương, ví dụ 5".to_owned())
}

fn year(s: &str) -> Result<i32, String> {
    s.parse().map_err(|_| "cần một năm, ví dụ 2025".to_owned())
}

/// A date as the records write it; a clerk's "15/01/2025" gets the exact
/// form to type.
fn iso_date(s: &str) -> Result<chrono::NaiveDate, String> {
    if let Ok(date) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(date);
    }
    match chrono::NaiveDate::parse_from_str(s, "%d/%m/%Y") {
        Ok(date) => Err(format!("viết {}", date.format("%Y-%m-%d"))),
        Err(_) => Err("viết ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2025-01-15".to_owned()),
    }
}

const HEADING_OPTIONS: &str = "Tùy chọn";
const HEADING_ARGUMENTS: &str = "Đối số";

/// One command's help in Vietnamese: headings, usage and the values clap
/// would print in English written into each option's own help. `path` is
/// the command as typed ("tdkt build").
fn localized(cmd: clap::Command, path: &str) -> clap::Command {
    let cmd = if cmd.is_disable_help_flag_set() {
        cmd
    } else {
        cmd.disable_help_flag(true).arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help("In trợ giúp"),
        )
    };
    let cmd = cmd
        .subcommand_help_heading("Lệnh")
        .subcommand_value_name("LỆNH")
        .mut_args(|arg| {
            let mut notes = Vec::new();
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty() {
                notes.push(format!("mặc định: {}", defaults.join(", ")));
            }
            let values: Vec<String> = if arg.get_value_parser().possible_values().is_some()
                && arg.get_action().takes_values()
            {
                arg.get_possible_values()
                    .iter()
                    .filter(|v| !v.is_hide_set())
                    .map(|v| v.get_name().to_owned())
                    .collect()
            } else {
                Vec::new()
            };
            if !values.is_empty() {
                notes.push(format!("giá trị: {}", values.join(", ")));
            }
            let heading = if arg.is_positional() {
                HEADING_ARGUMENTS
            } else {
                HEADING_OPTIONS
            };
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            let help = if notes.is_empty() {
                help
            } else {
                format!("{help} [{}]", notes.join("; "))
            };
            let arg = arg.help(help).help_heading(heading);
            // clap allows hiding only what an option that takes values has.
            if arg.get_action().takes_values() {
                arg.hide_default_value(true).hide_possible_values(true)
            } else {
                arg
            }
        });
    let rendered = cmd.clone().render_usage().to_string();
    let rendered = rendered.trim_start_matches("Usage: ");
    let args = rendered
        .split_once(' ')
        .map_or("", |(_, args)| args)
        .replace("[OPTIONS]", "[TÙY_CHỌN]")
        .replace("<COMMAND>", "<LỆNH>");
    let usage = format!("{path} {args}").trim_end().to_owned();
    cmd.override_usage(usage)
        .help_template("{about-with-newline}\nCách dùng: {usage}\n\n{all-args}")
        .mut_subcommands(|sub| {
            let path = format!("{path} {}", sub.get_name());
            localized(sub, &path)
        })
}

/// The command line as a clerk reads it.
pub fn command() -> clap::Command {
    localized(Cli::command(), "tdkt")
}

/// What the command line asked, or the message to print and the exit code
/// when it asked for help, for the version, or for something wrong.
pub fn parse() -> Result<Cli, (String, u8)> {
    let mut cmd = command();
    let matches = cmd.try_get_matches_from_mut(std::env::args_os());
    match matches.and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => Ok(cli),
        Err(err) => Err(errors::message(&mut cmd, &err)),
    }
}

/// The completion script of `shell`, from the same definition.
pub fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command(), "tdkt", &mut out);
    out
}
