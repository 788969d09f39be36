//! `tdkt import`'s options.

use std::path::PathBuf;

use clap::Args;

use super::Folders;

#[derive(Args)]
pub struct ImportArgs {
    /// Bảng tính có trang "Cá nhân" (và "Tập thể", "Đăng ký")
    #[arg(value_name = "TỆP", required_unless_present_any = ["template", "registration_template"])]
    pub file: Option<PathBuf>,
    /// Ghi bảng tính mẫu (các cột tdkt đọc) vào tệp này, rồi thôi
    #[arg(long = "mau", value_name = "TỆP.xlsx", conflicts_with = "file")]
    pub template: Option<PathBuf>,
    /// Ghi bảng tính đăng ký thi đua (trang "Đăng ký" liệt kê các tập thể, cá nhân của kế hoạch) vào tệp này, rồi thôi
    #[arg(long = "mau-dang-ky", value_name = "TỆP.xlsx", conflicts_with_all = ["file", "template"])]
    pub registration_template: Option<PathBuf>,
    /// Ghi cả những thay đổi vào bản ghi đã có (mặc định: chỉ liệt kê)
    #[arg(long = "cap-nhat")]
    pub update: bool,
    /// Kế hoạch nhận bản ghi (tên thư mục; mặc định: kế hoạch duy nhất hay mới nhất)
    #[arg(long = "ke-hoach", alias = "plan", value_name = "TÊN")]
    pub plan: Option<String>,
    #[command(flatten)]
    pub folders: Folders,
}
