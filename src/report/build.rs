//! What `tdkt build` did, in the clerk's words.

use std::fmt::Write;

/// What `tdkt build` did, for the clerk.
pub fn build_summary(
    summary: &crate::build::Summary,
    out: &std::path::Path,
    verbose: bool,
) -> String {
    let mut text = String::new();
    if !summary.unknown.is_empty() {
        let _ = writeln!(text, "Không lập văn bản nào:");
        for why in &summary.unknown {
            let _ = writeln!(text, "  - {why}");
        }
        return text;
    }
    if !summary.problems.is_empty() {
        let _ = writeln!(
            text,
            "LỖI ({}): hãy sửa rồi chạy lại.",
            summary.problems.len()
        );
        for p in &summary.problems {
            let _ = writeln!(text, "  {p}");
        }
        let _ = writeln!(text);
    }
    if verbose {
        for key in &summary.rendered {
            let _ = writeln!(text, "  lập: {key}.pdf");
        }
        for key in &summary.removed {
            let _ = writeln!(text, "  xóa: {key}.pdf");
        }
    }
    let _ = writeln!(
        text,
        "Đã lập {} văn bản vào {}; {} văn bản không đổi; xóa {} văn bản không còn; {} lỗi; mất {:.2} giây.",
        summary.rendered.len(),
        out.display(),
        summary.unchanged,
        summary.removed.len(),
        summary.problems.len() + summary.failed.len() + summary.io.len(),
        summary.elapsed.as_secs_f64()
    );
    if !summary.sheets.is_empty() {
        let _ = writeln!(
            text,
            "Đã ghi {} bảng tính (.xlsx) cạnh văn bản: {}.",
            summary.sheets.len(),
            summary
                .sheets
                .iter()
                .map(|k| format!("{k}.xlsx"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    for note in &summary.notes {
        let _ = writeln!(text, "Lưu ý: {note}");
    }
    if summary.leftovers > 0 {
        let _ = writeln!(
            text,
            "Đã xóa {} tệp tạm do lần lập trước bị ngắt giữa chừng để lại.",
            summary.leftovers
        );
    }
    if !summary.kept.is_empty() {
        let _ = writeln!(
            text,
            "Giữ nguyên {} văn bản không còn trong bản ghi, vì còn bản ghi có lỗi (chỉ xóa khi mọi bản ghi hợp lệ):",
            summary.kept.len()
        );
        for key in &summary.kept {
            let _ = writeln!(text, "  - {key}.pdf");
        }
    }
    if !summary.skipped.is_empty() {
        let _ = writeln!(
            text,
            "Không lập {} văn bản vì bản ghi chưa hợp lệ:",
            summary.skipped.len()
        );
        for s in &summary.skipped {
            let _ = writeln!(text, "  - {}.pdf: {}", s.key, s.why);
        }
    }
    if !summary.failed.is_empty() {
        let _ = writeln!(
            text,
            "Lỗi khi lập {} văn bản (lỗi của mẫu văn bản, không phải của bản ghi):",
            summary.failed.len()
        );
        for e in &summary.failed {
            let _ = writeln!(text, "  - {e}");
        }
    }
    for e in &summary.io {
        let _ = writeln!(text, "  - {e}");
    }
    text
}
