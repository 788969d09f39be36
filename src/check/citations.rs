//! What a document cites must say which document it is: a "Căn cứ" line
//! naming a decision, a decree or a plan without its number and date reads
//! as a draft to the one who signs (Nghị định 30/2020, Phụ lục I, ô 6).

use crate::records::Records;

/// The kinds of document a legal basis may cite.
const CITED: &[&str] = &[
    "Quyết định",
    "Nghị định",
    "Nghị quyết",
    "Thông tư",
    "Chỉ thị",
    "Kế hoạch",
    "Hướng dẫn",
    "Quy định",
    "Công văn",
];

/// One line per legal basis a decision's record gives that names a
/// document without a number or a date: the file, the line, what to add.
pub fn undated_bases(records: &Records) -> Vec<String> {
    let mut notes = Vec::new();
    for (id, decision) in &records.decisions {
        let Some(issuing) = &decision.ban_hanh else {
            continue;
        };
        for (i, basis) in issuing.can_cu.iter().enumerate() {
            let text = basis.as_str();
            let names_a_document = CITED.iter().any(|c| text.contains(c));
            if names_a_document && !text.chars().any(|c| c.is_ascii_digit()) {
                notes.push(format!(
                    "{}/quyet-dinh/{id}.yaml: trường `ban_hanh.can_cu[{i}]` (\"{text}\") không có số \
                     và ngày của văn bản được căn cứ; hãy ghi thêm, ví dụ \"… số 12/2024/QĐ-UBND \
                     ngày 05/3/2024 …\"",
                    records.name
                ));
            }
        }
    }
    notes
}
