//! The kinds of record and where each lies in a plan's folder: the one
//! table the loader, the schemas, `init` and `new` read.

use serde::Serialize;

/// What kind of record a file holds, from where it lies in the folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Kind {
    #[serde(rename = "ke_hoach")]
    Plan,
    #[serde(rename = "tap_the")]
    Collective,
    #[serde(rename = "ca_nhan")]
    Person,
    #[serde(rename = "cuoc_hop")]
    Meeting,
    #[serde(rename = "to_trinh")]
    Proposal,
    #[serde(rename = "danh_sach_dang_ky")]
    RegistrationList,
    #[serde(rename = "quyet_dinh")]
    Decision,
    #[serde(rename = "bao_cao_ket_qua")]
    YearReport,
}

impl Kind {
    pub const PLAN_FILE: &'static str = "ke-hoach.yaml";
    /// The registration list's record, beside the plan.
    pub const LIST_FILE: &'static str = "danh-sach-dang-ky.yaml";
    /// The year report's record, beside the plan.
    pub const REPORT_FILE: &'static str = "bao-cao-ket-qua.yaml";

    /// Every kind, in the order the docs and the schemas list them.
    pub const ALL: [Kind; 8] = [
        Kind::Plan,
        Kind::Collective,
        Kind::Person,
        Kind::Meeting,
        Kind::Proposal,
        Kind::Decision,
        Kind::RegistrationList,
        Kind::YearReport,
    ];

    /// Where its records lie in a plan's folder: the one file at its top
    /// that holds the kind's one record, or the folder holding one file per
    /// record. Everything else about a kind's place is derived from this.
    fn place(self) -> Result<&'static str, &'static str> {
        match self {
            Kind::Plan => Ok(Kind::PLAN_FILE),
            Kind::RegistrationList => Ok(Kind::LIST_FILE),
            Kind::YearReport => Ok(Kind::REPORT_FILE),
            Kind::Collective => Err("tap-the"),
            Kind::Person => Err("ca-nhan"),
            Kind::Meeting => Err("cuoc-hop"),
            Kind::Proposal => Err("to-trinh"),
            Kind::Decision => Err("quyet-dinh"),
        }
    }

    /// The kinds held in one file at the top of a plan's folder.
    pub fn top_files() -> impl Iterator<Item = Kind> {
        Kind::ALL.into_iter().filter(|k| k.top_file().is_some())
    }

    /// The kinds whose records live one a file in a folder of their own.
    pub fn in_folders() -> impl Iterator<Item = Kind> {
        Kind::ALL.into_iter().filter(|k| k.top_file().is_none())
    }

    /// The kind of a file at the top of a plan's folder, if any.
    pub fn of_top_file(name: &str) -> Option<Kind> {
        Kind::top_files().find(|k| k.top_file() == Some(name))
    }

    /// The file at the top of a plan's folder that holds this kind's one
    /// record, if the kind is one of those.
    pub fn top_file(self) -> Option<&'static str> {
        self.place().ok()
    }

    /// The kind whose records live in the folder `name`, if any.
    pub fn of_folder(name: &str) -> Option<Kind> {
        Kind::in_folders().find(|k| k.folder() == name)
    }

    /// The folder of each kind, below the records folder; none ("") for the
    /// kinds held in a file at its top.
    pub fn folder(self) -> &'static str {
        self.place().err().unwrap_or("")
    }

    /// Its name in file names: the schema's (`ca-nhan.json`), the template
    /// folder's; the top file's name without `.yaml` or the folder's.
    pub fn name(self) -> &'static str {
        match self.place() {
            Ok(file) => file.trim_end_matches(".yaml"),
            Err(folder) => folder,
        }
    }

    /// Where its records lie below a plan's folder, as a glob an editor
    /// takes (`ca-nhan/*.yaml`).
    pub fn glob(self) -> String {
        match self.place() {
            Ok(file) => file.to_owned(),
            Err(folder) => format!("{folder}/*.yaml"),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Plan => "kế hoạch",
            Kind::Collective => "tập thể",
            Kind::Person => "cá nhân",
            Kind::Meeting => "cuộc họp",
            Kind::Proposal => "tờ trình",
            Kind::RegistrationList => "danh sách đăng ký",
            Kind::Decision => "quyết định khen thưởng",
            Kind::YearReport => "báo cáo kết quả",
        }
    }
}
