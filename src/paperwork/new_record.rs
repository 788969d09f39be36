//! `tdkt new ca-nhan|tap-the NAME`: a record to fill in, in the plan's
//! folder — the id made from the name, every key a record needs written
//! with a comment saying what to write, so `tdkt check` passes at once and
//! the clerk sees what remains to add. A meeting and a proposal
//! (`new_meeting`) are made from what the plan's records already say.

use std::path::{Path, PathBuf};

use super::new_meeting;
use crate::files::write_atomically;
use crate::records::Kind;
use crate::text::Id;
use crate::vocab::{CollectiveTitle, Gender, PersonTitle};
use crate::words::id_from_name;

/// What `tdkt new` is asked to write.
pub struct Request {
    pub kind: Kind,
    pub name: String,
    /// The plan's folder name; none: the records folder's only or last plan.
    pub plan: Option<String>,
    /// A person's unit (a collective's id).
    pub unit: Option<String>,
    pub gender: Option<Gender>,
    pub position: Option<String>,
    pub birth_year: Option<u32>,
    /// A collective's head (a person's id).
    pub head: Option<String>,
    /// A meeting's or proposal's day.
    pub date: Option<chrono::NaiveDate>,
    /// Write a second record where one of the same name exists (another
    /// person of the same name, a second meeting that day): its id then
    /// ends in `-2`. Without it, the existing file is named and nothing is
    /// written.
    pub again: bool,
}

/// What was written, for the clerk: the file, relative to the records
/// folder, and what to check in it.
pub struct Written {
    pub file: PathBuf,
    pub notes: Vec<String>,
}

/// The folder of the plan a new record goes in.
pub(super) fn plan_folder(root: &Path, plan: Option<&str>) -> Result<PathBuf, String> {
    if root.join(Kind::PLAN_FILE).is_file() {
        return Ok(PathBuf::new());
    }
    if let Some(plan) = plan {
        return if root.join(plan).join(Kind::PLAN_FILE).is_file() {
            Ok(PathBuf::from(plan))
        } else {
            Err(format!("không có kế hoạch {plan} trong {}", root.display()))
        };
    }
    let mut plans: Vec<String> = std::fs::read_dir(root)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!(
                "không tìm thấy thư mục bản ghi {}; hãy chạy lệnh trong kho bản ghi của cơ quan, \
                 chỉ thư mục bằng --records, hoặc lập kho mới bằng tdkt init",
                root.display()
            ),
            _ => format!(
                "không đọc được {}: {}",
                root.display(),
                crate::read::io_words(&e)
            ),
        })?
        .flatten()
        .filter(|e| e.path().join(Kind::PLAN_FILE).is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    plans.sort();
    plans.pop().map(PathBuf::from).ok_or_else(|| {
        format!(
            "{} chưa có kế hoạch (ke-hoach.yaml); hãy lập kế hoạch trước",
            root.display()
        )
    })
}

/// The id from `base` that no record of `kinds` in the plan has yet.
fn free_id(folder: &Path, base: String, kinds: &[Kind]) -> String {
    let taken = |id: &str| {
        kinds
            .iter()
            .any(|k| folder.join(k.folder()).join(format!("{id}.yaml")).exists())
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// A value written as one YAML line: quoted when YAML would read it
/// otherwise.
pub(super) fn scalar(value: &str) -> String {
    let plain = !value.is_empty()
        && !value.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c) || c.is_whitespace())
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.ends_with(|c: char| c == ':' || c.is_whitespace());
    if plain {
        value.to_owned()
    } else {
        serde_json::to_string(value).unwrap_or_default()
    }
}

/// "Thị" names a woman and "Văn" a man, as Vietnamese middle names most
/// often do; any other name needs `--gioi-tinh`.
pub fn gender_from(name: &str) -> Option<Gender> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let middle = words
        .get(1..words.len().saturating_sub(1))
        .unwrap_or_default();
    if middle.contains(&"Thị") {
        Some(Gender::Female)
    } else if middle.contains(&"Văn") {
        Some(Gender::Male)
    } else {
        None
    }
}

fn person(r: &Request, folder: &Path, notes: &mut Vec<String>) -> Result<String, String> {
    let gender = match r.gender.or_else(|| gender_from(&r.name)) {
        Some(g) => {
            if r.gender.is_none() {
                notes.push(format!(
                    "giới tính \"{}\" đoán theo tên đệm; sửa nếu sai",
                    g.label()
                ));
            }
            g
        }
        None => {
            return Err(format!(
                "không đoán được giới tính của \"{}\"; hãy cho --gioi-tinh nam hoặc --gioi-tinh nu",
                r.name
            ));
        }
    };
    let position = r.position.clone().unwrap_or_else(|| {
        notes.push("chức vụ ghi \"Chuyên viên\"; sửa nếu khác".to_owned());
        "Chuyên viên".to_owned()
    });
    if let Some(unit) = &r.unit
        && !folder
            .join(Kind::Collective.folder())
            .join(format!("{unit}.yaml"))
            .is_file()
    {
        return Err(format!(
            "không có tập thể mã \"{unit}\" (tệp {}/{unit}.yaml); hãy lập nó trước bằng tdkt new tap-the",
            Kind::Collective.folder()
        ));
    }
    Ok(person_text(r, gender, &position, areas(folder).as_deref()))
}

/// The plan's content areas, for the registration block; none when the
/// plan does not read.
pub(super) fn areas(folder: &Path) -> Option<Vec<crate::records::ContentArea>> {
    crate::load::repository(folder, None)
        .plans
        .into_iter()
        .next()
        .and_then(|p| p.loaded.records)
        .map(|records| records.plan.noi_dung)
}

/// A person's record as `tdkt new` writes it: `r`'s name, unit and birth
/// year, and what was decided of gender and position.
pub(super) fn person_text(
    r: &Request,
    gender: Gender,
    position: &str,
    areas: Option<&[crate::records::ContentArea]>,
) -> String {
    let unit = r
        .unit
        .as_ref()
        .map_or_else(|| NO_UNIT.to_owned(), |unit| format!("don_vi: {unit}\n"));
    let born = r
        .birth_year
        .map_or_else(String::new, |year| format!("nam_sinh: {year}\n"));
    format!(
        "# Cá nhân. Các khóa khác (dang_ky, xep_loai, sang_kien, danh_gia, thanh_tich…): tdkt help records.\n\
         ho_ten: {}\n\
         # Giới tính: nam hoặc nu.\n\
         gioi_tinh: {}\n\
         {born}\
         # Chức vụ như văn bản ghi: Chuyên viên, Trưởng phòng, Phó Giám đốc Sở…\n\
         chuc_vu: {}\n\
         # Mã phòng (tệp tap-the/<mã>.yaml); lãnh đạo cơ quan không ghi.\n\
         {unit}{}",
        scalar(&r.name),
        gender.code(),
        scalar(position),
        registration(
            r,
            areas,
            PersonTitle::ALL.iter().map(|t| (t.code(), t.label()))
        )
    )
}

/// The registration block to fill in, commented out until the person or
/// unit registers: every key the loader asks for, the plan's content areas
/// and the titles as choices, so a clerk writes values, not keys.
fn registration<'a>(
    r: &Request,
    areas: Option<&[crate::records::ContentArea]>,
    titles: impl Iterator<Item = (&'a str, &'a str)>,
) -> String {
    let titles: Vec<(&str, &str)> = titles.collect();
    let mut out = String::from(
        "\n# Đăng ký thi đua: khi đăng ký, bỏ dấu # ở đầu các dòng dưới (giữ thụt lề) và ghi giá trị.\n\
         # dang_ky:\n",
    );
    let day = r.date.map_or_else(
        || "YYYY-MM-DD".to_owned(),
        |d| d.format("%Y-%m-%d").to_string(),
    );
    out.push_str(&format!("#   ngay: {day}\n"));
    match areas {
        Some([]) => {}
        Some(areas) => {
            out.push_str("#   # Mã các nội dung đăng ký của kế hoạch:\n");
            for a in areas {
                out.push_str(&format!("#   #   {}: {}\n", a.ma, a.ten));
            }
            // None chosen for the clerk: an empty choice is said by check
            // (ND-1), a wrong one would print.
            let example: Vec<String> = areas
                .iter()
                .take(2)
                .map(|a| format!("\"{}\"", a.ma))
                .collect();
            out.push_str(&format!(
                "#   noi_dung: []  # các mã đã chọn, ví dụ [{}]\n",
                example.join(", ")
            ));
        }
        None => out.push_str("#   noi_dung: [\"<mã nội dung của kế hoạch>\"]\n"),
    }
    let choices: Vec<String> = titles
        .iter()
        .map(|(code, label)| format!("{code} ({label})"))
        .collect();
    out.push_str(&format!("#   # Danh hiệu: {}.\n", choices.join(", ")));
    out.push_str(&format!(
        "#   danh_hieu: {}\n",
        titles.first().map_or("", |(code, _)| code)
    ));
    out.push_str(
        "#   # Đăng ký học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh: true hoặc false.\n\
         #   lam_theo_bac: true\n\
         #   cam_ket:  # lời cam kết, như bản đăng ký ghi\n",
    );
    out
}

fn collective(r: &Request, folder: &Path) -> Result<String, String> {
    let head = r.head.as_deref().ok_or_else(|| {
        "một tập thể cần trưởng phòng: hãy cho --truong-phong <mã cá nhân> (lập người ấy trước \
         bằng tdkt new ca-nhan)"
            .to_owned()
    })?;
    if !folder
        .join(Kind::Person.folder())
        .join(format!("{head}.yaml"))
        .is_file()
    {
        return Err(format!(
            "không có cá nhân mã \"{head}\" (tệp {}/{head}.yaml); hãy lập người ấy trước bằng tdkt new ca-nhan",
            Kind::Person.folder()
        ));
    }
    Ok(collective_text(r, head, 1, areas(folder).as_deref()))
}

/// A unit's record as `tdkt new` writes it.
pub(super) fn collective_text(
    r: &Request,
    head: &str,
    members: u32,
    areas: Option<&[crate::records::ContentArea]>,
) -> String {
    format!(
        "# Tập thể (phòng, đơn vị). Các khóa khác (dang_ky, danh_hieu_dat_duoc, danh_gia, thanh_tich…): tdkt help records.\n\
         ten: {}\n\
         # Mã cá nhân của trưởng phòng (tệp ca-nhan/<mã>.yaml).\n\
         truong_phong: {head}\n\
         # Số cán bộ, công chức, người lao động của tập thể.\n\
         so_thanh_vien: {members}\n{}",
        scalar(&r.name),
        registration(
            r,
            areas,
            CollectiveTitle::ALL.iter().map(|t| (t.code(), t.label()))
        )
    )
}

/// The line that points an editor's YAML support at the record's schema
/// (`tdkt schema` writes them to `schema/` beside the records), when the
/// repository has it; `file` is relative to the records folder `root`.
pub(super) fn schema_line(root: &Path, file: &Path) -> String {
    let name = match file
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
    {
        Some(folder) if Kind::of_folder(folder).is_some() => folder.to_owned(),
        _ => file
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
    };
    let schema = Path::new("schema").join(format!("{name}.json"));
    let present = root
        .parent()
        .is_some_and(|repo| repo.join(&schema).is_file())
        || root.join("..").join(&schema).is_file();
    if !present {
        return String::new();
    }
    let up = "../".repeat(file.components().count());
    format!("# yaml-language-server: $schema={up}{}\n", schema.display())
}

/// The records of the plan in `plan` (relative to `root`), for a record
/// made from what they say.
pub(super) fn records_of(root: &Path, plan: &Path) -> Result<crate::records::Records, String> {
    crate::load::repository(root, None)
        .plans
        .into_iter()
        .find(|p| p.folder == plan)
        .and_then(|p| p.loaded.records)
        .ok_or_else(|| "bản ghi kế hoạch chưa đọc được; hãy chạy tdkt check rồi sửa".to_owned())
}

/// Writes the new record; never over an existing file.
pub fn new_record(root: &Path, r: &Request) -> Result<Written, String> {
    let name = r.name.trim();
    let plan = plan_folder(root, r.plan.as_deref())?;
    let folder = root.join(&plan);
    let mut notes = Vec::new();
    let (base, text) = match r.kind {
        Kind::Person | Kind::Collective if name.is_empty() => {
            return Err("hãy cho tên (họ và tên, hay tên tập thể)".to_owned());
        }
        Kind::Person => (id_from_name(name), person(r, &folder, &mut notes)?),
        Kind::Collective => {
            notes.push("so_thanh_vien ghi 1; hãy ghi số người của tập thể".to_owned());
            (id_from_name(name), collective(r, &folder)?)
        }
        Kind::Meeting | Kind::Proposal => {
            let records = records_of(root, &plan)?;
            let date = r.date.ok_or("hãy cho ngày: --ngay YYYY-MM-DD")?;
            if r.kind == Kind::Meeting {
                new_meeting::meeting(&records, name, date, &mut notes)?
            } else {
                if !name.is_empty() {
                    notes.push(format!(
                        "tên \"{name}\" không dùng: mã tờ trình lập từ ngày"
                    ));
                }
                new_meeting::proposal(&records, date, &mut notes)?
            }
        }
        _ => {
            return Err("tdkt new lập bản ghi ca-nhan, tap-the, cuoc-hop hoặc to-trinh".to_owned());
        }
    };
    if !Id::is_valid(&base) {
        return Err(format!("không lập được mã từ tên \"{name}\""));
    }
    let kinds = new_meeting::id_folders(r.kind);
    let existing = kinds
        .iter()
        .map(|k| plan.join(k.folder()).join(format!("{base}.yaml")))
        .find(|file| root.join(file).exists());
    if let (Some(file), false) = (existing, r.again) {
        return Err(format!(
            "đã có {} này: {}; tdkt không lập bản ghi thứ hai trùng tên. Nếu là cùng một {}, hãy \
             sửa tệp ấy; nếu cần thêm một bản ghi nữa (người khác trùng họ tên, cuộc họp thứ hai \
             trong ngày), chạy lại lệnh với --trung",
            r.kind.label(),
            file.display(),
            r.kind.label()
        ));
    }
    let id = free_id(&folder, base, kinds);
    let file = plan.join(r.kind.folder()).join(format!("{id}.yaml"));
    let text = format!("{}{text}", schema_line(root, &file));
    write_atomically(&root.join(&file), text.as_bytes()).map_err(|e| e.to_string())?;
    if let (Kind::Collective, Some(head)) = (r.kind, &r.head) {
        place_head(root, &plan, head, &id, &mut notes)?;
    }
    Ok(Written { file, notes })
}

/// The line `tdkt new ca-nhan` writes for a person given no unit.
const NO_UNIT: &str = "# don_vi: <mã phòng>\n";

/// A new unit's head, made without a unit, belongs to it: the placeholder
/// line `tdkt new ca-nhan` left becomes `don_vi`. A record whose line was
/// edited since is left as the clerk wrote it.
fn place_head(
    root: &Path,
    plan: &Path,
    head: &str,
    unit: &str,
    notes: &mut Vec<String>,
) -> Result<(), String> {
    let file = plan
        .join(Kind::Person.folder())
        .join(format!("{head}.yaml"));
    let path = root.join(&file);
    let bytes = crate::read::read_bounded(&path, crate::load::guard::MAX_FILE_BYTES)
        .map_err(|e| format!("{}: {e}", file.display()))?;
    let text = String::from_utf8_lossy(&bytes);
    if !text.contains(NO_UNIT) {
        return Ok(());
    }
    let placed = text.replacen(NO_UNIT, &format!("don_vi: {unit}\n"), 1);
    write_atomically(&path, placed.as_bytes()).map_err(|e| e.to_string())?;
    notes.push(format!("đã ghi don_vi: {unit} vào {}", file.display()));
    Ok(())
}
