//! What the paperwork says of other papers: a "Căn cứ" line naming a
//! decision, a decree or a plan without its number and date reads as a draft
//! to the one who signs (Nghị định 30/2020, Phụ lục I, ô 6); a candidate put
//! forward twice for one form would reach the body above twice; two meetings
//! of one kind on one day are most likely one copied.

use crate::records::{Kind, Records};
use crate::vocab::MeetingKind;

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

/// One line per candidate two proposals of the plan put forward for the
/// same form: the body above would receive the same achievement twice.
pub fn proposed_twice(records: &Records) -> Vec<String> {
    let mut seen: std::collections::BTreeMap<(String, String), &crate::text::Id> =
        std::collections::BTreeMap::new();
    let mut notes = Vec::new();
    for (id, proposal) in &records.proposals {
        for (candidate, form) in records.proposed(proposal) {
            let key = (candidate.id().to_string(), form.as_str().to_lowercase());
            match seen.get(&key) {
                Some(first) if *first != id => notes.push(format!(
                    "{}/to-trinh/{id}.yaml: {} được đề nghị {} lần thứ hai (đã có trong \
                     to-trinh/{first}.yaml); cùng một thành tích chỉ đề nghị một lần — hãy bỏ ở một \
                     tờ trình",
                    records.name,
                    candidate.name(),
                    form
                )),
                Some(_) => {}
                None => {
                    seen.insert(key, id);
                }
            }
        }
    }
    notes
}

/// One line per meeting held the same day as an earlier one of its kind: a
/// record copied by mistake, or a second sitting the clerk should know the
/// documents treat as its own.
pub fn meetings_twice_a_day(records: &Records) -> Vec<String> {
    let mut notes = Vec::new();
    for kind in [MeetingKind::Selection, MeetingKind::YearEnd] {
        let held = records.meetings_of(kind);
        for pair in held.windows(2) {
            let ((first, a), (second, b)) = (pair[0], pair[1]);
            let day = b.bat_dau.0.date();
            if a.bat_dau.0.date() == day {
                notes.push(format!(
                    "{}: cùng ngày {} đã có cuộc họp {} khác ({}); nếu đây là bản ghi chép trùng, \
                     hãy bỏ một tệp — mỗi cuộc họp có phiếu và biên bản riêng",
                    records.file_of(Kind::Meeting, second).display(),
                    day.format("%d/%m/%Y"),
                    kind.label(),
                    records.file_of(Kind::Meeting, first).display()
                ));
            }
        }
    }
    notes
}

/// A plan whose subject names years, none of them its own (a plan started
/// from last year's with its subject unchanged): every document that cites
/// it would print the wrong year.
pub fn plan_subject_year(records: &Records) -> Vec<String> {
    let plan = &records.plan;
    let own = plan.nam.to_string();
    let named: Vec<&str> = crate::words::years_in(plan.trich_yeu.as_str()).collect();
    if named.is_empty() || named.contains(&own.as_str()) {
        return Vec::new();
    }
    vec![format!(
        "{}: trường `trich_yeu` (\"{}\") ghi năm {}, nhưng kế hoạch là năm {own} (`nam`); mọi văn \
         bản trích kế hoạch sẽ in như vậy — hãy sửa một trong hai",
        records.plan_file.display(),
        plan.trich_yeu,
        named.join(", ")
    )]
}
