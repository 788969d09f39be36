//! `tdkt init`'s options: the body's answers, given on the command line.

use clap::Args;

/// What `tdkt init` asks, as options; in the order of `init::QUESTIONS`.
#[derive(Args)]
pub struct InitAnswers {
    /// Tên cơ quan như tiêu đề văn bản, chữ in hoa: SỞ NỘI VỤ
    #[arg(long, value_name = "TÊN")]
    ten: Option<String>,
    /// Tên cơ quan trong câu văn: Sở Nội vụ
    #[arg(long = "ten-goi", value_name = "TÊN")]
    ten_goi: Option<String>,
    /// Cơ quan cấp trên, chữ in hoa: UBND TỈNH ĐẮK LẮK
    #[arg(long = "cap-tren", value_name = "TÊN")]
    cap_tren: Option<String>,
    /// Tên viết tắt trong số văn bản: SNV
    #[arg(long = "viet-tat", value_name = "CHỮ")]
    viet_tat: Option<String>,
    /// Địa danh ở dòng ngày tháng: Đắk Lắk
    #[arg(long = "dia-danh", value_name = "TÊN")]
    dia_danh: Option<String>,
    /// Thể thức văn bản: dang hoặc nha-nuoc
    #[arg(long = "the-thuc", value_name = "THỂ_THỨC")]
    the_thuc: Option<String>,
    /// Họ và tên thủ trưởng, người ký
    #[arg(long = "thu-truong", value_name = "HỌ_TÊN")]
    thu_truong: Option<String>,
    /// Chức vụ người ký, chữ in hoa: GIÁM ĐỐC
    #[arg(long = "chuc-vu", value_name = "CHỨC_VỤ")]
    chuc_vu: Option<String>,
}

impl InitAnswers {
    pub fn given(self) -> [Option<String>; 8] {
        [
            self.ten,
            self.ten_goi,
            self.cap_tren,
            self.viet_tat,
            self.dia_danh,
            self.the_thuc,
            self.thu_truong,
            self.chuc_vu,
        ]
    }
}
