//! `tdkt verify FILE.pdf`: whether a PDF was made by tdkt from these
//! records — the issued document (its bytes the register's), the current
//! draft (its bytes what the records give now), or changed since.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{Desk, signed};
use crate::render::{Engine, PROVENANCE, Templates};

/// What `verify` found: the exit code (0 the issued or current document, 1
/// changed or unknown to the records, 2 no tdkt PDF) and the words.
pub struct Verdict {
    pub code: u8,
    pub text: String,
    /// An issued document digitally signed: where its signed copy belongs
    /// (relative to the records folder) and its bytes, for `--luu`.
    pub signed_copy: Option<(PathBuf, Vec<u8>)>,
}

fn verdict(code: u8, text: String) -> Verdict {
    Verdict {
        code,
        text,
        signed_copy: None,
    }
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
        return match crate::load::issued_revision(&bytes, &entry.bam_tep) {
            Some(end) if end == bytes.len() => verdict(
                0,
                format!("{said}: đúng {issued} (sổ: {})", entry_file.display()),
            ),
            Some(end) => {
                let mut judged = after_tdkt(
                    records,
                    &bytes,
                    end,
                    &format!("{said}: {issued} (sổ: {})", entry_file.display()),
                );
                if judged.code == 0 {
                    judged.signed_copy = Some((crate::load::signed_of(&entry.ban_luu), bytes));
                }
                judged
            }
            None => verdict(
                1,
                format!(
                    "{said}: KHÁC {issued} — tệp đã bị sửa sau khi lập, hoặc là một bản dự thảo; \
                     bản đúng lưu ở {}{}",
                    entry.ban_luu.display(),
                    signed_other(records, &bytes)
                ),
            ),
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
        Ok(rendered) if bytes.starts_with(&rendered.pdf) => after_tdkt(
            records,
            &bytes,
            rendered.pdf.len(),
            &format!("{said}: bản dự thảo lập từ bản ghi hiện nay (chưa ban hành)"),
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

/// The verdict on a PDF whose first `end` bytes are what tdkt made
/// (`what`), followed by revisions another program appended: each
/// signature, and whether any revision changed what the pages show. It is
/// tdkt's document (exit 0) when at least one signature holds over all of
/// tdkt's bytes and no revision changed a page; trust in the signer's
/// chain is its own line, not part of the exit code.
fn after_tdkt(records: &Path, bytes: &[u8], end: usize, what: &str) -> Verdict {
    let (roots, root_problems) = signed::roots_of(records);
    let (Some(signatures), Some(made)) = (
        signed::signatures(bytes, &roots),
        signed::page_prints(bytes, end),
    ) else {
        return verdict(
            1,
            format!("{what}; phần thêm sau bản tdkt lập không đọc được: tệp đã bị sửa"),
        );
    };
    let mut lines = vec![];
    let mut holds = !signatures.is_empty();
    for (i, signature) in signatures.iter().enumerate() {
        let covers = signature.contiguous && signature.covered_end >= end;
        let at_signing = signed::page_prints(bytes, signature.covered_end)
            .map_or(signed::Change::Unreadable, |p| signed::change(&made, &p));
        let pages_kept = matches!(
            at_signing,
            signed::Change::None | signed::Change::Annotations(_)
        );
        holds &= covers && signature.crypto == signed::Crypto::Valid && pages_kept;
        lines.push(format!(
            "  Chữ ký {}: {}, ký lúc {}\n    chứng thư: {}\n    phủ toàn bộ bản tdkt lập: {}\n    \
             chữ ký số: {}\n    chuỗi tin cậy: {}\n    các trang lúc ký: {}",
            i + 1,
            signature.signer,
            signature
                .time
                .as_deref()
                .unwrap_or("(không ghi thời điểm ký)"),
            signature.subject,
            if covers { "có" } else { "KHÔNG" },
            crypto_words(&signature.crypto),
            trust_words(&signature.trust),
            change_words(&at_signing, "như bản tdkt lập"),
        ));
    }
    let last_signed = signatures.last().map_or(end, |s| s.covered_end);
    let after = signed::page_prints(bytes, bytes.len())
        .zip(signed::page_prints(bytes, last_signed))
        .map_or(signed::Change::Unreadable, |(now, then)| {
            signed::change(&then, &now)
        });
    holds &= matches!(after, signed::Change::None | signed::Change::Annotations(_));
    if last_signed < bytes.len() || signatures.is_empty() {
        lines.push(format!(
            "  Sau {}: {}",
            if signatures.is_empty() {
                "bản tdkt lập"
            } else {
                "chữ ký cuối"
            },
            change_words(&after, "không đổi nội dung trang")
        ));
    }
    lines.extend(root_problems.into_iter().map(|p| format!("  ({p})")));
    let head = if holds {
        format!(
            "{what}: ĐÚNG văn bản tdkt lập, đã ký số ({} chữ ký)",
            signatures.len()
        )
    } else if signatures.is_empty() {
        format!("{what}: ĐÃ BỊ SỬA sau khi lập — có phần thêm vào sau, không có chữ ký số")
    } else {
        format!("{what}: KHÔNG ĐÚNG bản tdkt lập, dù có chữ ký số — xem từng dòng dưới đây")
    };
    verdict(
        if holds { 0 } else { 1 },
        format!("{head}\n{}", lines.join("\n")),
    )
}

/// Said of a PDF that is not what tdkt made when it still carries
/// signatures: what they signed is not the issued document.
fn signed_other(records: &Path, bytes: &[u8]) -> String {
    let (roots, _) = signed::roots_of(records);
    match signed::signatures(bytes, &roots) {
        Some(found) if !found.is_empty() => format!(
            "; tệp có {} chữ ký số, nhưng điều được ký không phải bản đã ban hành",
            found.len()
        ),
        _ => String::new(),
    }
}

fn crypto_words(crypto: &signed::Crypto) -> String {
    match crypto {
        signed::Crypto::Valid => "hợp lệ (khớp các byte được ký và chứng thư kèm theo)".into(),
        signed::Crypto::Invalid(why) => format!("KHÔNG HỢP LỆ: {why}"),
        signed::Crypto::Unchecked(why) => format!("chưa kiểm tra được: {why}"),
    }
}

fn trust_words(trust: &signed::Trust) -> String {
    match trust {
        signed::Trust::NotChecked => format!(
            "chưa kiểm tra chuỗi tin cậy (chưa có chứng thư gốc trong {}/{}/)",
            crate::load::REGISTER_FOLDER,
            signed::ROOTS_FOLDER
        ),
        signed::Trust::Reaches(root) => {
            format!("tin cậy, đến chứng thư gốc {root} (chưa kiểm tra thu hồi)")
        }
        signed::Trust::Not(why) => format!("KHÔNG tin cậy: {why}"),
    }
}

fn change_words(change: &signed::Change, none: &str) -> String {
    match change {
        signed::Change::None => none.to_owned(),
        signed::Change::Annotations(n) => {
            format!("{none}; thêm hay bớt {n} chú thích (ô chữ ký, ghi chú)")
        }
        signed::Change::Pages(pages) => {
            let pages: Vec<String> = pages.iter().map(ToString::to_string).collect();
            format!("ĐÃ ĐỔI NỘI DUNG trang {}", pages.join(", "))
        }
        signed::Change::Unreadable => "không đọc được các trang".into(),
    }
}

/// Stores a digitally signed issued document `verify` confirmed beside its
/// archived PDF: a new copy, or one with more signatures than the copy
/// kept (the kept copy is its head). Never over a copy it does not extend.
/// Says what was done, or why nothing was.
pub fn keep_signed(records: &Path, copy: &(PathBuf, Vec<u8>)) -> Result<String, String> {
    let (place, bytes) = copy;
    let path = records.join(place);
    let git = format!(
        "Hãy lưu vào git:\n  git add {}\n  git commit -m \"Lưu bản ký số {}\"",
        place.display(),
        place.display()
    );
    match crate::read::read_bounded(&path, crate::read::MAX_PDF_BYTES) {
        Ok(kept) if kept == *bytes => {
            return Ok(format!("Bản ký số đã lưu ở {} từ trước.", place.display()));
        }
        Ok(kept) if !bytes.starts_with(&kept) => {
            return Err(format!(
                "đã có một bản ký số khác ở {}, không phải phần đầu của tệp này (tệp này không \
                 chỉ thêm chữ ký vào bản ấy); tdkt không ghi đè bản đã lưu — nếu đúng là phải \
                 thay, hãy bỏ bản cũ bằng git (git rm) rồi chạy lại",
                place.display()
            ));
        }
        Ok(_) | Err(crate::read::Unreadable::Missing) => {}
        Err(why) => return Err(format!("{}: {why}", place.display())),
    }
    crate::files::write_atomically(&path, bytes).map_err(|e| e.to_string())?;
    Ok(format!("Đã lưu bản ký số: {}\n{git}", place.display()))
}
