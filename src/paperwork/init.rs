//! `tdkt init [DIR]`: a new repository for a body — its first plan with
//! the law's defaults (no criteria, quota or contents of its own), the head
//! who signs and chairs the council, a `.gitignore` that keeps `output/`
//! out of git and a short README for the clerk. `tdkt check` passes on it
//! at once; the clerk then adds units and people with `tdkt new`.

use std::path::{Path, PathBuf};

use crate::files::write_atomically;
use crate::records::Kind;
use crate::vocab::{Format, Gender};
use crate::words::{capitalised, id_from_name};

use super::new_record::{self, Request, gender_from, scalar};

/// One answer `init` needs: the option that gives it and the question it
/// asks when the option is missing and a person is at the keyboard.
pub struct Question {
    pub option: &'static str,
    pub asks: &'static str,
}

/// What `init` asks, in the order it asks it; `answers` of [`Answers::from`]
/// follow this order.
pub const QUESTIONS: [Question; 8] = [
    Question {
        option: "--ten",
        asks: "Tên cơ quan như tiêu đề văn bản, chữ in hoa (ví dụ: SỞ NỘI VỤ)",
    },
    Question {
        option: "--ten-goi",
        asks: "Tên cơ quan trong câu văn (ví dụ: Sở Nội vụ)",
    },
    Question {
        option: "--cap-tren",
        asks: "Cơ quan cấp trên, chữ in hoa (ví dụ: UBND TỈNH ĐẮK LẮK)",
    },
    Question {
        option: "--viet-tat",
        asks: "Tên viết tắt trong số văn bản (ví dụ: SNV)",
    },
    Question {
        option: "--dia-danh",
        asks: "Địa danh ghi ở dòng ngày tháng (ví dụ: Đắk Lắk)",
    },
    Question {
        option: "--the-thuc",
        asks: "Thể thức văn bản: dang (văn bản của Đảng) hay nha-nuoc (văn bản hành chính nhà nước)",
    },
    Question {
        option: "--thu-truong",
        asks: "Họ và tên thủ trưởng cơ quan, người ký (ví dụ: Trần Văn Hải)",
    },
    Question {
        option: "--chuc-vu",
        asks: "Chức vụ người ký, chữ in hoa (ví dụ: GIÁM ĐỐC)",
    },
];

/// The answers, checked.
pub struct Answers {
    pub ten: String,
    pub ten_goi: String,
    pub cap_tren: String,
    pub viet_tat: String,
    pub dia_danh: String,
    pub the_thuc: Format,
    pub thu_truong: String,
    pub chuc_vu: String,
    pub nam: i32,
    pub gioi_tinh: Option<Gender>,
}

impl Answers {
    /// The answers to [`QUESTIONS`], in order; every problem in one message,
    /// one per line.
    pub fn from(
        answers: [String; 8],
        nam: i32,
        gioi_tinh: Option<Gender>,
    ) -> Result<Answers, String> {
        let answers = answers.map(|a| a.trim().to_owned());
        let mut problems: Vec<String> = QUESTIONS
            .iter()
            .zip(&answers)
            .filter(|(_, a)| a.is_empty())
            .map(|(q, _)| format!("thiếu {} ({})", q.option, q.asks))
            .collect();
        // Each answer goes into a record: it is refused here as the record
        // would be refused by check (an invisible character, a line break).
        problems.extend(
            QUESTIONS
                .iter()
                .zip(&answers)
                .filter_map(|(q, a)| Some((q, crate::text::clean(a, false).err()?)))
                .map(|(q, why)| format!("{}: {why}", q.option)),
        );
        let [
            ten,
            ten_goi,
            cap_tren,
            viet_tat,
            dia_danh,
            the_thuc,
            thu_truong,
            chuc_vu,
        ] = answers;
        let format = match the_thuc.to_lowercase().replace('_', "-").as_str() {
            "dang" | "đảng" => Some(Format::Party),
            "nha-nuoc" | "nhà nước" => Some(Format::State),
            "" => None,
            other => {
                problems.push(format!(
                    "--the-thuc \"{other}\" không có; hãy ghi dang hoặc nha-nuoc"
                ));
                None
            }
        };
        let gioi_tinh = gioi_tinh.or_else(|| gender_from(&thu_truong));
        if gioi_tinh.is_none() && !thu_truong.is_empty() {
            problems.push(format!(
                "không đoán được giới tính của \"{thu_truong}\"; hãy cho --gioi-tinh nam hoặc --gioi-tinh nu"
            ));
        }
        match format {
            Some(the_thuc) if problems.is_empty() => Ok(Answers {
                ten,
                ten_goi,
                cap_tren,
                viet_tat,
                dia_danh,
                the_thuc,
                thu_truong,
                chuc_vu,
                nam,
                gioi_tinh,
            }),
            _ => Err(problems.join("\n  - ")),
        }
    }
}

/// The plan's text: every key the loader needs, the optional ones as
/// comments saying what they do.
fn plan_text(a: &Answers, head: &str) -> String {
    let v = |s: &str| scalar(s);
    // The council is named by the whole body's name, not its first word:
    // "Hội đồng Thi đua - Khen thưởng Phòng Giáo dục và Đào tạo huyện …".
    let council = v(&format!("Hội đồng Thi đua - Khen thưởng {}", a.ten_goi));
    format!(
        "# Kế hoạch thi đua năm {nam} của {ten_goi}. Mọi khóa: tdkt help records.\n\
         co_quan:\n\
         \x20 cap_tren: {cap_tren}\n\
         \x20 ten: {ten}\n\
         \x20 ten_goi: {ten_goi}\n\
         \x20 viet_tat: {viet_tat}\n\
         \x20 dia_danh: {dia_danh}\n\
         \x20 # Thủ trưởng (mã cá nhân): xác nhận bản đăng ký của cấp phó.\n\
         \x20 thu_truong: {head}\n\
         the_thuc: {the_thuc}\n\
         nam: {nam}\n\
         # Số và ngày của kế hoạch khi đã ban hành, để văn bản khác trích dẫn:\n\
         # so: 15\n\
         # ngay: {nam}-01-15\n\
         trich_yeu: tổ chức phong trào thi đua năm {nam}\n\
         # Các nội dung thi đua của kế hoạch, nếu có: - {{ ma: \"1\", ten: … }}\n\
         noi_dung: []\n\
         # Không ghi tieu_chuan: mỗi danh hiệu theo tiêu chuẩn của luật.\n\
         # Chỉ tiêu, nếu kế hoạch đặt: chi_tieu: {{ cuoi_nam: {{ tap_the: 2, ca_nhan: 4 }} }}\n\
         hoi_dong:\n\
         \x20 ten: {council}\n\
         \x20 # Thêm các thành viên: {{ nguoi: <mã cá nhân>, vai_tro: pho_chu_tich | thu_ky | uy_vien }}\n\
         \x20 thanh_vien:\n\
         \x20   - {{ nguoi: {head}, vai_tro: chu_tich }}\n\
         nguoi_ky:\n\
         \x20 chuc_vu: {chuc_vu}\n\
         \x20 nguoi: {head}\n\
         noi_nhan:\n\
         \x20 - Lưu VT\n",
        nam = a.nam,
        ten_goi = v(&a.ten_goi),
        cap_tren = v(&a.cap_tren),
        ten = v(&a.ten),
        viet_tat = v(&a.viet_tat),
        dia_danh = v(&a.dia_danh),
        the_thuc = a.the_thuc.code(),
        chuc_vu = v(&a.chuc_vu),
    )
}

/// VS Code's YAML extension: each kind of record checked against its
/// schema as the clerk types.
fn editor_settings() -> String {
    let schemas: serde_json::Map<String, serde_json::Value> = Kind::ALL
        .into_iter()
        .map(|kind| {
            let glob = format!("records/**/{}", kind.glob());
            (
                format!("./schema/{}.json", kind.name()),
                serde_json::json!([glob]),
            )
        })
        .collect();
    let settings = serde_json::json!({ "yaml.schemas": schemas });
    serde_json::to_string_pretty(&settings).unwrap_or_default() + "\n"
}

fn readme(a: &Answers) -> String {
    format!(
        "# Hồ sơ thi đua – khen thưởng của {ten_goi}\n\n\
         Kho bản ghi do `tdkt init` lập. Mỗi năm một thư mục trong `records/` (kế hoạch, tập thể,\n\
         cá nhân, cuộc họp, tờ trình, quyết định); văn bản PDF được lập vào `output/` (không đưa vào\n\
         git: lập lại được bất cứ lúc nào).\n\n\
         ```sh\n\
         tdkt new tap-the \"Văn phòng\" --truong-phong <mã cá nhân>   # thêm một phòng\n\
         tdkt new ca-nhan \"Nguyễn Thị Lan\" --don-vi van-phong       # thêm một người\n\
         tdkt check     # kiểm tra bản ghi theo kế hoạch và luật\n\
         tdkt build     # lập văn bản vào output/\n\
         tdkt help records   # mọi khóa của bản ghi\n\
         ```\n",
        ten_goi = a.ten_goi
    )
}

/// Why `dir` cannot take a new repository, said before any question: it
/// holds a `records/` folder, or a folder above it holds one with a plan (a
/// repository is found from any folder inside it, as commands find it).
pub fn refused_in(dir: &Path) -> Option<String> {
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let holds_a_plan = |records: &Path| {
        records.join(Kind::PLAN_FILE).is_file()
            || std::fs::read_dir(records).is_ok_and(|entries| {
                entries
                    .flatten()
                    .any(|e| e.path().join(Kind::PLAN_FILE).is_file())
            })
    };
    std::iter::once(dir.join("records"))
        .filter(|records| records.exists())
        .chain(
            dir.ancestors()
                .map(|d| d.join("records"))
                .filter(|records| holds_a_plan(records)),
        )
        .next()
        .map(|records| {
            format!(
                "{} đã có; đây đã là kho bản ghi (hay ở trong một kho): tdkt init không ghi đè, \
                 không lập kho trong kho — hãy chạy ở một thư mục trống bên ngoài",
                records.display()
            )
        })
}

/// Writes the new repository in `dir`; nothing when `dir` already holds
/// records, or when any file it would write is there. Returns the files
/// written, relative to `dir`.
pub fn init(dir: &Path, a: &Answers) -> Result<Vec<PathBuf>, String> {
    let records = dir.join("records");
    if records.exists() {
        return Err(format!(
            "{} đã có; tdkt init không ghi đè kho bản ghi",
            records.display()
        ));
    }
    let head = id_from_name(&a.thu_truong);
    let plan = PathBuf::from("records")
        .join(a.nam.to_string())
        .join(Kind::PLAN_FILE);
    let plan_text = format!(
        "# yaml-language-server: $schema=../../schema/ke-hoach.json\n{}",
        plan_text(a, &head)
    );
    let mut files = vec![(plan, plan_text)];
    for (name, text) in [
        (".gitignore", "/output/\n".to_owned()),
        ("README.md", readme(a)),
        (".vscode/settings.json", editor_settings()),
    ] {
        // A folder that already has them (a git repository) keeps its own.
        if !dir.join(name).exists() {
            files.push((PathBuf::from(name), text));
        }
    }
    let mut written = crate::schema::write(&dir.join("schema"))?
        .into_iter()
        .filter_map(|f| f.strip_prefix(dir).ok().map(Path::to_path_buf))
        .collect::<Vec<_>>();
    for (file, text) in files {
        write_atomically(&dir.join(&file), text.as_bytes()).map_err(|e| e.to_string())?;
        written.push(file);
    }
    let request = Request {
        kind: Kind::Person,
        name: a.thu_truong.clone(),
        plan: None,
        unit: None,
        gender: a.gioi_tinh,
        position: Some(capitalised(&a.chuc_vu.to_lowercase())),
        birth_year: None,
        head: None,
        date: None,
        again: false,
    };
    let person = new_record::new_record(&records, &request)?;
    written.push(PathBuf::from("records").join(person.file));
    Ok(written)
}
