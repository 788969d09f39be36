//! What the plan's own text (`van_ban`) must say: every value it names in
//! braces is one the plan states, every value `check` holds the records to
//! is named, and the content areas stand in it once.

use super::Refs;
use crate::records::Plan;
use crate::records::plan_text::{AREAS, PLACEHOLDERS, placeholders};

pub(super) fn plan_text_refs(refs: &mut Refs, plan: &Plan) {
    let Some(text) = &plan.van_ban else {
        return;
    };
    let texts = text.texts();
    let mut named = Vec::new();
    for (field, t) in texts.iter().filter(|(_, t)| t.trim() != AREAS) {
        for name in placeholders(t) {
            named.push(name);
            if plan.placeholder(name).is_some() {
                continue;
            }
            let message = match PLACEHOLDERS.iter().find(|(n, _)| *n == name) {
                Some((_, key)) => format!(
                    "văn bản ghi {{{name}}} nhưng kế hoạch không có `{key}`; hãy ghi khóa ấy, \
                     hoặc bỏ {{{name}}} khỏi văn bản"
                ),
                None => format!(
                    "văn bản ghi {{{name}}}, không phải giá trị tdkt biết; các giá trị có thể \
                     ghi: {}",
                    known_names()
                ),
            };
            refs.report(field, message);
        }
    }
    for name in plan.checked_values() {
        if !named.contains(&name) {
            let key = PLACEHOLDERS
                .iter()
                .find(|(n, _)| *n == name)
                .map_or("", |(_, k)| k);
            refs.report(
                "van_ban",
                format!(
                    "văn bản kế hoạch không nêu `{key}` mà `check` xét theo; hãy ghi {{{name}}} \
                     vào câu nêu giá trị ấy, để kế hoạch in ra và kế hoạch được kiểm tra là một"
                ),
            );
        }
    }
    let areas = texts.iter().filter(|(_, t)| t.trim() == AREAS).count();
    if areas != 1 {
        refs.report(
            "van_ban",
            format!(
                "văn bản kế hoạch phải có đúng một mục \"{AREAS}\" (chỗ in các nội dung điển hình \
                 của `noi_dung`), đang có {areas}"
            ),
        );
    }
}

fn known_names() -> String {
    PLACEHOLDERS
        .iter()
        .map(|(n, what)| format!("{{{n}}} ({what})"))
        .collect::<Vec<_>>()
        .join(", ")
}
