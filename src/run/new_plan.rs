//! `tdkt new-plan`: next year's plan from this one's.

use std::process::ExitCode;

use tdkt::paperwork::new_plan;

use super::emit;
use crate::cli::Folders;

pub fn run(from: String, to: String, year: Option<i32>, folders: Folders) -> ExitCode {
    let (records, _) = folders.resolve();
    let Some(year) = year.or_else(|| to.parse().ok()) else {
        eprintln!("Không lập được: hãy cho năm của kế hoạch mới bằng --nam");
        return ExitCode::from(2);
    };
    match new_plan::new_plan(&records, &from, &to, year) {
        Ok(started) => {
            let mut text = format!(
                "Đã lập kế hoạch {to} từ {from}: {} tệp trong {}.\nHãy sửa {}/{to}/ke-hoach.yaml (số, ngày, chỉ tiêu), thêm người mới, xóa người đã chuyển đi, rồi chạy tdkt check.\n",
                started.files.len(),
                records.join(&to).display(),
                records.display()
            );
            if !started.still_old.is_empty() {
                text.push_str(&format!(
                    "Trích yếu đã chuyển sang năm {year}; những dòng sau của ke-hoach.yaml vẫn ghi năm của kế hoạch cũ, hãy xem lại:\n"
                ));
                for line in &started.still_old {
                    text.push_str(&format!("  {line}\n"));
                }
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
