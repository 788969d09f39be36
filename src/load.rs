//! Stage 1: read a records folder into typed [`Records`], collecting every
//! problem of every file before reporting.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::locate::{locate, locate_exact};
use crate::problem::Problem;
use crate::records::{Kind, Records, Signer};
use crate::text::Id;
use crate::vocab::{Authority, MeetingKind};

/// What loading a folder gives: the records that could be read (none without
/// a valid plan) and every problem found, each naming its file, so later
/// stages can leave out whatever depends on a record with a problem.
#[derive(Debug)]
pub struct Loaded {
    pub records: Option<Records>,
    pub problems: Vec<Problem>,
}

/// A file read and parsed, before cross-references are resolved.
struct Parsed<T> {
    id: Id,
    file: PathBuf,
    text: String,
    value: T,
}

#[derive(Default)]
struct Files {
    plans: Vec<Parsed<crate::records::Plan>>,
    collectives: Vec<Parsed<crate::records::Collective>>,
    people: Vec<Parsed<crate::records::Person>>,
    meetings: Vec<Parsed<crate::records::Meeting>>,
    proposals: Vec<Parsed<crate::records::Proposal>>,
    /// Every id seen, parsed or not, with its file: a reference to a file that
    /// failed to parse is not also reported as dangling.
    seen: BTreeMap<Id, PathBuf>,
}

pub fn load(dir: &Path) -> Loaded {
    let mut problems = Vec::new();
    let mut files = Files::default();
    if !dir.is_dir() {
        problems.push(Problem::new(
            dir,
            "",
            "không tìm thấy thư mục bản ghi; hãy chỉ đúng thư mục bằng --records",
        ));
        return Loaded {
            records: None,
            problems,
        };
    }
    let walk = WalkDir::new(dir).sort_by_file_name().into_iter();
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().unwrap_or(dir).to_path_buf();
                problems.push(Problem::new(&path, "", format!("không đọc được: {err}")));
                continue;
            }
        };
        let path = entry.path();
        let is_yaml = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        );
        if !entry.file_type().is_file() || !is_yaml {
            continue;
        }
        let rel = path.strip_prefix(dir).unwrap_or(path).to_path_buf();
        if let Err(problem) = read_file(path, &rel, &mut files) {
            problems.push(problem);
        }
    }
    let records = resolve(files, &mut problems);
    problems.sort();
    Loaded { records, problems }
}

fn kind_of(rel: &Path) -> Option<Kind> {
    let parts: Vec<_> = rel.components().collect();
    if parts.len() == 1 {
        return (rel == Path::new(Kind::PLAN_FILE)).then_some(Kind::Plan);
    }
    let folder = parts.first()?.as_os_str().to_str()?;
    [
        Kind::Collective,
        Kind::Person,
        Kind::Meeting,
        Kind::Proposal,
    ]
    .into_iter()
    .find(|k| k.folder() == folder)
}

fn read_file(path: &Path, rel: &Path, files: &mut Files) -> Result<(), Problem> {
    let kind = kind_of(rel).ok_or_else(|| {
        Problem::new(
            rel,
            "",
            format!(
                "không rõ đây là loại bản ghi nào; kế hoạch là tệp {} ở gốc thư mục, các bản ghi khác \
                 đặt trong thư mục tap-the/, ca-nhan/, cuoc-hop/ hoặc to-trinh/",
                Kind::PLAN_FILE
            ),
        )
    })?;
    let stem = rel.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    let id_ok = !stem.is_empty()
        && stem
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !id_ok {
        return Err(Problem::new(
            rel,
            "",
            "tên tệp là mã của bản ghi, chỉ dùng chữ thường không dấu, chữ số và dấu gạch nối; \
             hãy đổi tên, ví dụ nguyen-thi-lan.yaml",
        ));
    }
    let id = Id(stem.to_owned());
    if let Some(first) = files.seen.get(&id) {
        return Err(Problem::new(
            rel,
            "",
            format!(
                "mã \"{id}\" trùng với tệp {}; mỗi bản ghi cần một tên tệp riêng",
                first.display()
            ),
        ));
    }
    files.seen.insert(id.clone(), rel.to_path_buf());
    let bytes = fs::read(path)
        .map_err(|err| Problem::new(rel, "", format!("không đọc được tệp: {err}")))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Problem::new(
            rel,
            "",
            "tệp không phải văn bản UTF-8 (có thể là tệp Word, Excel hay bảng mã cũ); \
             hãy lưu lại dưới dạng văn bản UTF-8",
        )
    })?;
    let text = text
        .strip_prefix('\u{FEFF}')
        .unwrap_or(&text)
        .replace("\r\n", "\n");
    if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(Problem::new(
            rel,
            "",
            format!(
                "tệp rỗng; hãy ghi nội dung bản ghi {} (xem docs/records.md)",
                kind.label()
            ),
        ));
    }
    let rel = rel.to_path_buf();
    match kind {
        Kind::Plan => files.plans.push(parse(id, rel, text)?),
        Kind::Collective => files.collectives.push(parse(id, rel, text)?),
        Kind::Person => files.people.push(parse(id, rel, text)?),
        Kind::Meeting => files.meetings.push(parse(id, rel, text)?),
        Kind::Proposal => files.proposals.push(parse(id, rel, text)?),
    }
    Ok(())
}

fn parse<T: DeserializeOwned>(id: Id, file: PathBuf, text: String) -> Result<Parsed<T>, Problem> {
    let de = serde_yaml::Deserializer::from_str(&text);
    match serde_path_to_error::deserialize::<_, T>(de) {
        Ok(value) => Ok(Parsed {
            id,
            file,
            text,
            value,
        }),
        Err(err) => {
            let path = err.path().to_string();
            let location = err.inner().location();
            let (field, message) = explain(&path, &err.inner().to_string());
            // serde_yaml places a value it rejects, but places our own
            // deserializers' errors (dates, vocabularies) at the enclosing
            // mapping: where the field is written out is the better place.
            let serde_place = location.map(|l| (l.line(), l.column()));
            let place = locate_exact(&text, &field)
                .filter(|_| !field.is_empty())
                .or(serde_place)
                .or_else(|| locate(&text, &field));
            let problem = Problem::new(&file, field, message);
            Err(match place {
                Some((line, column)) => problem.at(line, column),
                None => problem,
            })
        }
    }
}

/// Turns serde's English message into the field it concerns and a sentence
/// in Vietnamese that says what is wrong and what to write instead.
fn explain(path: &str, raw: &str) -> (String, String) {
    // serde_path_to_error writes "." for the root and "?" where it lost track.
    let path = if path == "." || path.contains('?') {
        ""
    } else {
        path
    };
    // serde_yaml appends the position and prefixes the path; both are shown
    // by the problem itself.
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
                "thiếu khóa bắt buộc `{field}`; hãy thêm dòng `{field}: …` (xem docs/records.md)"
            ),
        );
    }
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
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
                "tệp không phải một bản ghi YAML gồm các dòng `khóa: giá trị`; hãy viết theo mẫu trong docs/records.md"
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

/// Cross-reference checks need the file's text (for line numbers) and where
/// to record problems; this carries both for one file.
struct Refs<'a> {
    file: &'a Path,
    text: &'a str,
    seen: &'a BTreeMap<Id, PathBuf>,
    problems: &'a mut Vec<Problem>,
}

impl Refs<'_> {
    fn report(&mut self, field: &str, message: String) {
        let mut problem = Problem::new(self.file, field, message);
        if let Some((line, column)) = locate(self.text, field) {
            problem = problem.at(line, column);
        }
        self.problems.push(problem);
    }

    /// A reference must name a record of `kind` that exists.
    fn expect(&mut self, field: &str, id: &Id, kind: Kind, exists: bool) {
        if exists {
            return;
        }
        match self.seen.get(id) {
            // The target's own problem is reported for its file.
            Some(path) if path.starts_with(kind.folder()) => {}
            Some(path) => self.report(
                field,
                format!(
                    "\"{id}\" là bản ghi {} ({}), ở đây cần một bản ghi {}",
                    kind_of(path).map_or("khác", Kind::label),
                    path.display(),
                    kind.label()
                ),
            ),
            None => self.report(
                field,
                format!(
                    "không có bản ghi {} mã \"{id}\" (cần tệp {}/{id}.yaml); hãy sửa mã hoặc thêm tệp",
                    kind.label(),
                    kind.folder()
                ),
            ),
        }
    }
}

fn resolve(files: Files, problems: &mut Vec<Problem>) -> Option<Records> {
    let Files {
        plans,
        collectives,
        people,
        meetings,
        proposals,
        seen,
    } = files;
    let plan = match plans.into_iter().next() {
        Some(plan) => plan,
        None => {
            if !seen.contains_key(&Id("ke-hoach".into())) {
                problems.push(Problem::new(
                    Path::new(Kind::PLAN_FILE),
                    "",
                    "thiếu tệp kế hoạch; mọi bản ghi khác đều dựa vào nó (xem docs/records.md)",
                ));
            }
            return None;
        }
    };
    let people_ids: HashSet<&Id> = people.iter().map(|p| &p.id).collect();
    let collective_ids: HashSet<&Id> = collectives.iter().map(|c| &c.id).collect();
    let content_codes: Vec<&str> = plan.value.noi_dung.iter().map(|a| a.ma.as_str()).collect();
    let council: Vec<&Id> = plan
        .value
        .hoi_dong
        .thanh_vien
        .iter()
        .map(|m| &m.nguoi)
        .collect();

    let check_areas = |refs: &mut Refs, field: &str, areas: &[crate::text::Line]| {
        let mut counted = HashSet::new();
        for (i, area) in areas.iter().enumerate() {
            if !content_codes.contains(&area.as_str()) {
                refs.report(
                    &format!("{field}[{i}]"),
                    format!(
                        "nội dung \"{area}\" không có trong kế hoạch; hãy ghi một trong: {}",
                        content_codes.join(", ")
                    ),
                );
            } else if !counted.insert(area.as_str()) {
                refs.report(
                    &format!("{field}[{i}]"),
                    format!("nội dung \"{area}\" được ghi hai lần"),
                );
            }
        }
    };
    let check_signer = |refs: &mut Refs, field: &str, signer: &Signer| {
        refs.expect(
            &format!("{field}.nguoi"),
            &signer.nguoi,
            Kind::Person,
            people_ids.contains(&signer.nguoi),
        );
        let needs_whom = matches!(
            signer.tham_quyen,
            Some(Authority::OnBehalf | Authority::ForHead)
        );
        if needs_whom && signer.thay_cho.is_none() {
            refs.report(
                &format!("{field}.thay_cho"),
                "ký thay hoặc thay mặt thì phải ghi `thay_cho` (ví dụ: TRƯỞNG BAN, hoặc tên Hội đồng)".into(),
            );
        }
    };

    {
        let p = &plan.value;
        let mut refs = Refs {
            file: &plan.file,
            text: &plan.text,
            seen: &seen,
            problems,
        };
        let mut codes = HashSet::new();
        for (i, area) in p.noi_dung.iter().enumerate() {
            if !codes.insert(area.ma.as_str()) {
                refs.report(
                    &format!("noi_dung[{i}].ma"),
                    format!("mã nội dung \"{}\" bị trùng", area.ma),
                );
            }
        }
        let mut members = HashSet::new();
        for (i, m) in p.hoi_dong.thanh_vien.iter().enumerate() {
            let field = format!("hoi_dong.thanh_vien[{i}].nguoi");
            refs.expect(
                &field,
                &m.nguoi,
                Kind::Person,
                people_ids.contains(&m.nguoi),
            );
            if !members.insert(&m.nguoi) {
                refs.report(
                    &field,
                    format!("\"{}\" có tên hai lần trong Hội đồng", m.nguoi),
                );
            }
        }
        if p.hoi_dong.thanh_vien.is_empty() {
            refs.report(
                "hoi_dong.thanh_vien",
                "Hội đồng chưa có thành viên nào".into(),
            );
        }
        check_signer(&mut refs, "nguoi_ky", &p.nguoi_ky);
        if p.ngay.is_some_and(|d| chrono::Datelike::year(&d.0) > p.nam) {
            refs.report(
                "ngay",
                format!("kế hoạch năm {} không thể ban hành sau năm đó", p.nam),
            );
        }
    }
    for c in &collectives {
        let mut refs = Refs {
            file: &c.file,
            text: &c.text,
            seen: &seen,
            problems,
        };
        let v = &c.value;
        refs.expect(
            "truong_phong",
            &v.truong_phong,
            Kind::Person,
            people_ids.contains(&v.truong_phong),
        );
        for (i, id) in v.pho_truong_phong.iter().enumerate() {
            refs.expect(
                &format!("pho_truong_phong[{i}]"),
                id,
                Kind::Person,
                people_ids.contains(id),
            );
        }
        if let Some(reg) = &v.dang_ky {
            check_areas(&mut refs, "dang_ky.noi_dung", &reg.noi_dung);
        }
    }
    for p in &people {
        let mut refs = Refs {
            file: &p.file,
            text: &p.text,
            seen: &seen,
            problems,
        };
        let v = &p.value;
        if let Some(unit) = &v.don_vi {
            refs.expect(
                "don_vi",
                unit,
                Kind::Collective,
                collective_ids.contains(unit),
            );
        }
        for (i, id) in v.phu_trach_phong.iter().enumerate() {
            refs.expect(
                &format!("phu_trach_phong[{i}]"),
                id,
                Kind::Collective,
                collective_ids.contains(id),
            );
        }
        if let Some(reg) = &v.dang_ky {
            check_areas(&mut refs, "dang_ky.noi_dung", &reg.noi_dung);
        }
    }
    for m in &meetings {
        let mut refs = Refs {
            file: &m.file,
            text: &m.text,
            seen: &seen,
            problems,
        };
        let v = &m.value;
        for (field, id) in [("chu_tri", &v.chu_tri), ("thu_ky", &v.thu_ky)] {
            refs.expect(field, id, Kind::Person, people_ids.contains(id));
            if people_ids.contains(id) && !council.contains(&id) {
                refs.report(
                    field,
                    format!(
                        "\"{id}\" không phải thành viên Hội đồng (xem hoi_dong trong {})",
                        Kind::PLAN_FILE
                    ),
                );
            }
            if v.vang_mat.iter().any(|a| &a.nguoi == id) {
                refs.report(
                    field,
                    format!(
                        "\"{id}\" được ghi là vắng mặt nhưng lại {} cuộc họp",
                        if field == "chu_tri" {
                            "chủ trì"
                        } else {
                            "làm thư ký"
                        }
                    ),
                );
            }
        }
        if v.ket_thuc <= v.bat_dau {
            refs.report("ket_thuc", "giờ kết thúc phải sau giờ bắt đầu".into());
        }
        let mut absent = HashSet::new();
        for (i, a) in v.vang_mat.iter().enumerate() {
            let field = format!("vang_mat[{i}].nguoi");
            refs.expect(
                &field,
                &a.nguoi,
                Kind::Person,
                people_ids.contains(&a.nguoi),
            );
            if people_ids.contains(&a.nguoi) && !council.contains(&&a.nguoi) {
                refs.report(
                    &field,
                    format!(
                        "\"{}\" không phải thành viên Hội đồng, không tính vắng mặt",
                        a.nguoi
                    ),
                );
            }
            if !absent.insert(&a.nguoi) {
                refs.report(&field, format!("\"{}\" được ghi vắng mặt hai lần", a.nguoi));
            }
        }
        let mut voted = HashSet::new();
        for (i, vote) in v.bieu_quyet.iter().enumerate() {
            let field = format!("bieu_quyet[{i}].ung_vien");
            let exists =
                people_ids.contains(&vote.ung_vien) || collective_ids.contains(&vote.ung_vien);
            if !exists && !seen.contains_key(&vote.ung_vien) {
                refs.report(
                    &field,
                    format!(
                        "không có ứng viên mã \"{}\" (cần tệp tap-the/{0}.yaml hoặc ca-nhan/{0}.yaml); hãy sửa mã hoặc thêm tệp",
                        vote.ung_vien
                    ),
                );
            }
            if !voted.insert(&vote.ung_vien) {
                refs.report(
                    &field,
                    format!("ứng viên \"{}\" được biểu quyết hai lần", vote.ung_vien),
                );
            }
        }
    }
    let meeting_kinds: BTreeMap<&Id, MeetingKind> =
        meetings.iter().map(|m| (&m.id, m.value.loai)).collect();
    for p in &proposals {
        let mut refs = Refs {
            file: &p.file,
            text: &p.text,
            seen: &seen,
            problems,
        };
        let v = &p.value;
        match meeting_kinds.get(&v.cuoc_hop) {
            Some(MeetingKind::YearEnd) => {}
            Some(MeetingKind::Selection) => refs.report(
                "cuoc_hop",
                format!("\"{}\" là cuộc họp lựa chọn; tờ trình đề nghị khen thưởng dựa trên cuộc họp bình xét cuối năm", v.cuoc_hop),
            ),
            None => refs.expect("cuoc_hop", &v.cuoc_hop, Kind::Meeting, false),
        }
        if let Some(signer) = &v.nguoi_ky {
            check_signer(&mut refs, "nguoi_ky", signer);
        }
        if v.kinh_gui.is_empty() {
            refs.report(
                "kinh_gui",
                "tờ trình phải có ít nhất một nơi kính gửi".into(),
            );
        }
    }

    let mut files_of = BTreeMap::new();
    let mut sources = BTreeMap::new();
    files_of.insert((Kind::Plan, plan.id.clone()), plan.file.clone());
    sources.insert(plan.file.clone(), plan.text);
    // Each parsed file gives its value to the map of its kind, and its text
    // to `sources`, where later stages look up lines.
    fn index<T>(
        kind: Kind,
        list: Vec<Parsed<T>>,
        files_of: &mut BTreeMap<(Kind, Id), PathBuf>,
        sources: &mut BTreeMap<PathBuf, String>,
    ) -> BTreeMap<Id, T> {
        list.into_iter()
            .map(|p| {
                files_of.insert((kind, p.id.clone()), p.file.clone());
                sources.insert(p.file, p.text);
                (p.id, p.value)
            })
            .collect()
    }
    let collectives = index(Kind::Collective, collectives, &mut files_of, &mut sources);
    let people = index(Kind::Person, people, &mut files_of, &mut sources);
    let meetings = index(Kind::Meeting, meetings, &mut files_of, &mut sources);
    let proposals = index(Kind::Proposal, proposals, &mut files_of, &mut sources);
    let read: HashSet<&Id> = files_of.keys().map(|(_, id)| id).collect();
    let unreadable = seen
        .iter()
        .filter(|(id, _)| !read.contains(id))
        .filter_map(|(id, path)| Some((id.clone(), kind_of(path)?)))
        .collect();
    Some(Records {
        unreadable,
        collectives,
        people,
        meetings,
        proposals,
        plan_file: plan.file,
        plan: plan.value,
        files: files_of,
        sources,
    })
}
