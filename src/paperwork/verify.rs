//! `tdkt verify FILE.pdf`: whether a PDF was made by tdkt from these
//! records — the issued document (its bytes the register's), the current
//! draft (its bytes what the records give now), or changed since.

use std::collections::BTreeMap;
use std::path::Path;

use super::Desk;
use crate::job::hash_bytes;
use crate::render::{Engine, PROVENANCE, Templates};

/// What `verify` found: the exit code (0 the issued or current document, 1
/// changed or unknown to the records, 2 no tdkt PDF) and the words.
pub struct Verdict {
    pub code: u8,
    pub text: String,
}

fn verdict(code: u8, text: String) -> Verdict {
    Verdict { code, text }
}

/// The provenance entries of a PDF's metadata (see `render::provenance`).
pub fn provenance(pdf: &[u8]) -> BTreeMap<String, String> {
    let text = String::from_utf8_lossy(pdf);
    let mut found = BTreeMap::new();
    let Some(start) = text.find("<pdf:Keywords>") else {
        return found;
    };
    let rest = &text[start + "<pdf:Keywords>".len()..];
    let keywords = rest.split("</pdf:Keywords>").next().unwrap_or_default();
    for entry in keywords.split(", ") {
        if let Some((key, value)) = entry
            .strip_prefix(PROVENANCE)
            .and_then(|e| e.split_once('='))
        {
            found.insert(key.to_owned(), value.to_owned());
        }
    }
    found
}

pub fn verify(records: &Path, file: &Path) -> Verdict {
    let bytes = match crate::read::read_bounded(file, crate::read::MAX_PDF_BYTES) {
        Ok(bytes) => bytes,
        Err(e) => return verdict(2, format!("{}: không đọc được tệp ({e})", file.display())),
    };
    let meta = provenance(&bytes);
    let (Some(name), Some(hash)) = (meta.get("van_ban"), meta.get("bam")) else {
        return verdict(
            2,
            format!(
                "{}: không phải văn bản do tdkt lập (không có dấu nguồn gốc trong siêu dữ liệu XMP)",
                file.display()
            ),
        );
    };
    let plan = name.split('/').next().unwrap_or_default();
    let desk = Desk::open(records, Some(plan));
    let said = match &desk.recovered {
        Some(note) => format!("({note})\n{}: văn bản {name}", file.display()),
        None => format!("{}: văn bản {name}", file.display()),
    };
    if let Some((entry_file, entry)) = desk.register.of(name).next() {
        let issued = format!(
            "bản đã ban hành số {} ngày {}",
            entry.so_ky_hieu,
            entry.ngay.0.format("%d/%m/%Y")
        );
        return if hash_bytes(&bytes) == entry.bam_tep {
            verdict(
                0,
                format!("{said}: đúng {issued} (sổ: {})", entry_file.display()),
            )
        } else {
            verdict(
                1,
                format!(
                    "{said}: KHÁC {issued} — tệp đã bị sửa sau khi lập, hoặc là một bản dự thảo; \
                     bản đúng lưu ở {}",
                    entry.ban_luu.display()
                ),
            )
        };
    }
    let documents = desk.documents();
    let Some(job) = documents
        .iter()
        .flat_map(|d| &d.jobs)
        .find(|j| &j.key == name)
    else {
        return verdict(
            1,
            format!("{said}: bản ghi hiện nay không còn văn bản này (hoặc bản ghi đang có lỗi)"),
        );
    };
    let templates = Templates::embedded();
    let current = Engine::new(&templates)
        .map_err(|e| e.to_string())
        .and_then(|engine| engine.render(job).map_err(|e| e.to_string()));
    match current {
        Ok(rendered) if rendered.pdf == bytes => verdict(
            0,
            format!("{said}: đúng bản dự thảo lập từ bản ghi hiện nay (chưa ban hành)"),
        ),
        Ok(_) => {
            let context = serde_json::to_vec(&job.context).unwrap_or_default();
            if &job.content_hash(&context) == hash {
                verdict(
                    1,
                    format!(
                        "{said}: ĐÃ BỊ SỬA sau khi lập (nội dung bản ghi không đổi, nhưng tệp khác \
                         tệp tdkt lập)"
                    ),
                )
            } else {
                verdict(
                    1,
                    format!(
                        "{said}: lập từ bản ghi cũ; bản ghi đã đổi từ đó, hãy lập lại (tdkt build)"
                    ),
                )
            }
        }
        Err(e) => verdict(1, format!("{said}: không lập lại được để so sánh: {e}")),
    }
}
