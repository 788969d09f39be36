//! serde's and libyaml's English, turned into the field a problem concerns
//! and a sentence in Vietnamese that says what to write instead.

/// Turns serde's English message into the field it concerns and a sentence
/// in Vietnamese that says what is wrong and what to write instead.
/// serde's words without what serde_yaml adds when it reads text (not a
/// tree): the path before them and the position after; the problem shows
/// both itself. Read from text or from a mended tree, a mistake is then
/// worded alike.
pub(super) fn bare<'a>(path: &str, raw: &'a str) -> &'a str {
    let mut msg = raw;
    if let Some(cut) = msg.find(" at line ") {
        msg = &msg[..cut];
    }
    if let Some((head, rest)) = msg.split_once(": ")
        && !head.is_empty()
        && path.starts_with(head)
    {
        msg = rest;
    }
    msg
}

pub(super) fn explain(path: &str, raw: &str) -> (String, String) {
    // serde_path_to_error writes "." for the root and "?" where it lost track.
    let path = if path == "." || path.contains('?') {
        ""
    } else {
        path
    };
    let msg = bare(path, raw);
    let join = |field: &str| {
        if path.is_empty() {
            field.to_owned()
        } else {
            format!("{path}.{field}")
        }
    };
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        return (
            join(field),
            format!(
                "thiếu khóa bắt buộc `{field}`; hãy thêm dòng `{field}: …` (xem tdkt help records)"
            ),
        );
    }
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        // The key itself may hold a backtick: it ends where the list begins.
        let (field, expected) = match rest.find("`, expected") {
            Some(end) => (&rest[..end], &rest[end + 1..]),
            None => (rest.trim_end_matches('`'), ""),
        };
        let valid = expected
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ")
            .replace('`', "")
            .replace(" or ", " hoặc ");
        let field_path = if path.ends_with(field) {
            path.to_owned()
        } else {
            join(field)
        };
        if field.contains(' ') {
            return (
                field_path,
                format!(
                    "\"{field}\" bị đọc thành một khóa: trong dấu {{ … }} dấu phẩy ngăn cách các khóa, \
                     nên giá trị có dấu phẩy phải đặt trong ngoặc kép; các khóa hợp lệ ở đây: {valid}"
                ),
            );
        }
        return (
            field_path,
            format!(
                "khóa `{field}` không có trong mẫu bản ghi (có thể gõ nhầm?); các khóa hợp lệ ở đây: {valid}"
            ),
        );
    }
    if let Some(rest) = msg.strip_prefix("duplicate field `") {
        let field = rest.trim_end_matches('`');
        return (
            join(field),
            format!("khóa `{field}` được ghi hai lần; hãy giữ lại một"),
        );
    }
    if let Some(rest) = msg
        .strip_prefix("invalid type: ")
        .or_else(|| msg.strip_prefix("invalid value: "))
    {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        if path.is_empty() && expected.starts_with("struct ") {
            return (
                String::new(),
                "tệp không phải một bản ghi YAML gồm các dòng `khóa: giá trị`; hãy viết theo mẫu trong tdkt help records"
                    .into(),
            );
        }
        return (
            path.to_owned(),
            format!(
                "sai kiểu dữ liệu: ở đây cần {}, nhưng gặp {}",
                expected_vi(expected),
                found_vi(found)
            ),
        );
    }
    if msg.contains("more than one document") {
        return (
            String::new(),
            "tệp chứa nhiều tài liệu YAML (dấu ---); mỗi tệp chỉ ghi một bản ghi".into(),
        );
    }
    let known = [
        "did not find",
        "mapping values",
        "found ",
        "could not find",
        "while ",
        "invalid ",
        "control characters",
        "block ",
        "unexpected end",
    ];
    if known.iter().any(|k| msg.starts_with(k))
        || msg.contains("while parsing")
        || msg.contains("while scanning")
    {
        let detail = msg.split(", while").next().unwrap_or(msg);
        let detail = SYNTAX
            .iter()
            .find(|(english, _)| detail.starts_with(english))
            .map_or(detail, |(_, vi)| vi);
        return (
            path.to_owned(),
            format!(
                "lỗi cú pháp YAML ({detail}); hãy kiểm tra thụt lề (dùng dấu cách, không dùng tab), \
                 dấu hai chấm sau mỗi khóa và các dấu ngoặc kép"
            ),
        );
    }
    // Our own deserializers already speak Vietnamese.
    (path.to_owned(), msg.to_owned())
}

/// libyaml's commonest complaints, in a clerk's words.
const SYNTAX: &[(&str, &str)] = &[
    (
        "found unexpected end of stream",
        "tệp kết thúc giữa chừng, có thể thiếu dấu ngoặc kép đóng",
    ),
    (
        "did not find expected key",
        "không thấy khóa ở chỗ cần có, có thể thụt lề sai",
    ),
    (
        "did not find expected '-' indicator",
        "mục danh sách thụt lề sai",
    ),
    (
        "mapping values are not allowed in this context",
        "dấu hai chấm đứng sai chỗ; giá trị có dấu hai chấm cần đặt trong ngoặc kép",
    ),
    (
        "found character that cannot start any token",
        "có ký tự không được đứng đầu giá trị (như @, `, tab); hãy đặt giá trị trong ngoặc kép",
    ),
    (
        "found a tab character",
        "có ký tự tab; YAML chỉ thụt lề bằng dấu cách",
    ),
    ("could not find expected ':'", "thiếu dấu hai chấm sau khóa"),
    (
        "did not find expected node content",
        "thiếu giá trị ở chỗ cần có",
    ),
];

fn expected_vi(expected: &str) -> String {
    let e = expected.trim();
    if e.starts_with('u') && e[1..].chars().all(|c| c.is_ascii_digit()) {
        return "một số nguyên không âm".into();
    }
    if e.starts_with('i') && e[1..].chars().all(|c| c.is_ascii_digit()) {
        return "một số nguyên".into();
    }
    match e {
        "a string" => "một đoạn văn bản".into(),
        "a boolean" => "true (có) hoặc false (không)".into(),
        "a sequence" => "một danh sách (mỗi mục một dòng bắt đầu bằng \"- \")".into(),
        "field identifier" => "một khóa (tên trường viết liền, không dấu)".into(),
        _ if e.starts_with("struct ") => "một nhóm khóa (các dòng `khóa: giá trị` thụt vào)".into(),
        _ => e.to_owned(),
    }
}

fn found_vi(found: &str) -> String {
    let f = found.trim();
    if let Some(s) = f.strip_prefix("string ") {
        return format!("văn bản {s}");
    }
    if let Some(n) = f
        .strip_prefix("integer ")
        .or_else(|| f.strip_prefix("floating point "))
    {
        // serde_yaml names the widest type it tried: "`99…9` as u128".
        let n = n.trim_end_matches(" as u128").trim_end_matches(" as i128");
        return format!("số {}", n.trim_matches('`'));
    }
    if let Some(b) = f.strip_prefix("boolean ") {
        return format!("giá trị {}", b.trim_matches('`'));
    }
    match f {
        "unit value" => "giá trị trống".into(),
        "sequence" => "một danh sách".into(),
        "map" => "một nhóm khóa".into(),
        _ => f.to_owned(),
    }
}
