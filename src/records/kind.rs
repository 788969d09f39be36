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
    /// The files at the top of a plan's folder, and their kinds.
    pub const TOP_FILES: [(&'static str, Kind); 3] = [
        (Kind::PLAN_FILE, Kind::Plan),
        (Kind::LIST_FILE, Kind::RegistrationList),
        (Kind::REPORT_FILE, Kind::YearReport),
    ];

    /// The kind of a file at the top of a plan's folder, if any.
    pub fn of_top_file(name: &str) -> Option<Kind> {
        Kind::TOP_FILES
            .into_iter()
            .find_map(|(file, kind)| (file == name).then_some(kind))
    }

    /// The file at the top of a plan's folder that holds this kind's one
    /// record, if the kind is one of those.
    pub fn top_file(self) -> Option<&'static str> {
        Kind::TOP_FILES
            .into_iter()
            .find_map(|(file, kind)| (kind == self).then_some(file))
    }

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

    /// Its name in file names: the schema's (`ca-nhan.json`), the template
    /// folder's; the top file's name without `.yaml` or the folder's.
    pub fn name(self) -> &'static str {
        match self.top_file() {
            Some(file) => file.trim_end_matches(".yaml"),
            None => self.folder(),
        }
    }

    /// Where its records lie below a plan's folder, as a glob an editor
    /// takes (`ca-nhan/*.yaml`).
    pub fn glob(self) -> String {
        match self.top_file() {
            Some(file) => file.to_owned(),
            None => format!("{}/*.yaml", self.folder()),
        }
    }

    /// The kinds whose records live one a file in a folder of their own.
    pub const IN_FOLDERS: [Kind; 5] = [
        Kind::Collective,
        Kind::Person,
        Kind::Meeting,
        Kind::Proposal,
        Kind::Decision,
    ];

    /// The kind whose records live in the folder `name`, if any.
    pub fn of_folder(name: &str) -> Option<Kind> {
        Kind::IN_FOLDERS.into_iter().find(|k| k.folder() == name)
    }

    /// The folder of each kind, below the records folder (the plan and the
    /// list are files at its top).
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Plan | Kind::RegistrationList | Kind::YearReport => "",
            Kind::Collective => "tap-the",
            Kind::Person => "ca-nhan",
            Kind::Meeting => "cuoc-hop",
            Kind::Proposal => "to-trinh",
            Kind::Decision => "quyet-dinh",
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
