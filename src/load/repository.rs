//! A records folder holds one plan (its `ke-hoach.yaml` at the top), or a
//! body's every plan, one folder each (`2020/`, `2021/`, a themed plan
//! beside them), so that work on one year never touches another's files.
//! Beside the plans lie the register of issued documents; inside each plan,
//! the archive of what was issued.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use chrono::Datelike;

use super::{Loaded, load_plan, parse, read_guarded};
use crate::problem::Problem;
use crate::records::{Award, Decision, Kind};
use crate::text::Id;

/// The register of issued documents (*sổ đăng ký văn bản đi*), at the top of
/// the records folder: the body's, shared by its plans.
pub const REGISTER_FOLDER: &str = "so-van-ban-di";
/// Inside a plan's folder: the PDFs as issued, and their signed scans.
pub const ARCHIVE_FOLDER: &str = "da-ban-hanh";

/// One plan of a records folder.
#[derive(Debug)]
pub struct PlanLoaded {
    /// Its name: its folder's, or its year when the records folder is the
    /// plan's own. Its documents go to the output folder's folder of this name.
    pub name: String,
    /// Its folder, relative to the records folder (empty: the records folder).
    pub folder: PathBuf,
    pub loaded: Loaded,
}

/// Every plan of a records folder, and what is wrong with the folder itself.
#[derive(Debug)]
pub struct Repository {
    pub root: PathBuf,
    pub plans: Vec<PlanLoaded>,
    pub problems: Vec<Problem>,
    /// The name of every plan found, loaded or not (an empty name: a
    /// single plan whose plan file did not read).
    pub names: Vec<String>,
}

impl Repository {
    /// Every problem of every plan and of the folder.
    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .chain(self.plans.iter().flat_map(|p| &p.loaded.problems))
    }
}

/// Loads the plans of the records folder `root`: every plan, or the one
/// named `only`.
pub fn repository(root: &Path, only: Option<&str>) -> Repository {
    let mut repository = Repository {
        root: root.to_owned(),
        plans: Vec::new(),
        problems: Vec::new(),
        names: Vec::new(),
    };
    // A plan's own folder: its plan file, or its records' folders while the
    // plan file is missing (which is then said as such).
    let single = root.join(Kind::PLAN_FILE).is_file()
        || fs::read_dir(root).is_ok_and(|entries| {
            entries
                .flatten()
                .any(|e| e.file_name().to_str().and_then(Kind::of_folder).is_some())
        });
    if !root.is_dir() {
        repository.problems.push(Problem::new(
            root,
            "",
            "không tìm thấy thư mục bản ghi; hãy chạy lệnh trong kho bản ghi của cơ quan, chỉ \
             đúng thư mục bằng --records, hoặc lập kho mới bằng tdkt init",
        ));
        return repository;
    }
    // A plan given a record kind's name (`new-plan 2020 ca-nhan`) makes the
    // folder look like one plan: every record would be misread.
    let misnamed: Vec<String> = Kind::in_folders()
        .map(|k| k.folder())
        .filter(|f| {
            !root.join(Kind::PLAN_FILE).is_file() && root.join(f).join(Kind::PLAN_FILE).is_file()
        })
        .map(str::to_owned)
        .collect();
    if !misnamed.is_empty() {
        for name in misnamed {
            let why = plan_name_refused(&name).unwrap_or_default();
            repository.problems.push(Problem::new(
                &PathBuf::from(&name),
                "",
                format!("{why}; các bản ghi chưa được đọc cho đến khi đổi tên thư mục này"),
            ));
        }
        return repository;
    }
    if single {
        let loaded = load_plan(root, root, None);
        let name = loaded
            .records
            .as_ref()
            .map_or_else(String::new, |r| r.name.clone());
        repository.names.push(name.clone());
        if only.is_none_or(|o| o == name) {
            repository.plans.push(PlanLoaded {
                name,
                folder: PathBuf::new(),
                loaded,
            });
        } else {
            repository.problems.push(not_found(root, only, &[name]));
        }
        return repository;
    }
    let mut entries: Vec<_> = match fs::read_dir(root) {
        Ok(entries) => entries.flatten().collect(),
        Err(err) => {
            repository.problems.push(Problem::new(
                root,
                "",
                format!("không đọc được: {}", crate::read::io_words(&err)),
            ));
            return repository;
        }
    };
    entries.sort_by_key(|e| e.file_name());
    let mut names = Vec::new();
    // Plans not loaded: their decisions are still read, for the award
    // history of the plans that are.
    let mut others = Vec::new();
    for entry in entries {
        let file_name = entry.file_name();
        let name = file_name.to_string_lossy();
        let path = entry.path();
        if name.starts_with('.') || name == REGISTER_FOLDER {
            continue;
        }
        let rel = PathBuf::from(&*name);
        if entry.file_type().is_ok_and(|t| t.is_symlink()) {
            repository
                .problems
                .push(Problem::new(&rel, "", LINK_NOT_READ));
            continue;
        }
        if !path.is_dir() {
            if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                repository.problems.push(Problem::new(
                    &rel,
                    "",
                    format!(
                        "tệp này nằm ngoài mọi kế hoạch; mỗi kế hoạch là một thư mục (ví dụ 2021/) \
                         chứa {} và các thư mục tap-the/, ca-nhan/, cuoc-hop/, to-trinh/ — hãy \
                         chuyển tệp vào thư mục kế hoạch của nó",
                        Kind::PLAN_FILE
                    ),
                ));
            }
            continue;
        }
        if !path.join(Kind::PLAN_FILE).is_file() {
            repository.problems.push(Problem::new(
                &rel,
                "",
                format!(
                    "thư mục này không có {}: thư mục bản ghi gồm các thư mục kế hoạch (mỗi kế \
                     hoạch một thư mục có tệp {}) và thư mục {}/; hãy thêm tệp kế hoạch hoặc \
                     chuyển thư mục này ra ngoài",
                    Kind::PLAN_FILE,
                    Kind::PLAN_FILE,
                    REGISTER_FOLDER
                ),
            ));
            continue;
        }
        if !Id::is_valid(&name) {
            repository.problems.push(Problem::new(
                &rel,
                "",
                format!(
                    "tên thư mục kế hoạch là tên của nó trong thư mục ra: {}; hãy đổi tên, ví dụ \
                     2021 hoặc 2021-chuyen-de-chuyen-doi-so",
                    Id::rule()
                ),
            ));
            continue;
        }
        names.push(name.to_string());
        if only.is_some_and(|o| o != name) {
            others.push((name.into_owned(), path));
            continue;
        }
        repository.plans.push(PlanLoaded {
            loaded: load_plan(root, &path, Some(&name)),
            name: name.into_owned(),
            folder: rel,
        });
    }
    share_awards(root, &mut repository, &others);
    repository.names.clone_from(&names);
    if only.is_some() && repository.plans.is_empty() {
        repository.problems.push(not_found(root, only, &names));
    } else if names.is_empty() && repository.problems.is_empty() {
        repository.problems.push(Problem::new(
            Path::new(Kind::PLAN_FILE),
            "",
            "thiếu tệp kế hoạch; thư mục bản ghi là thư mục của một kế hoạch (có tệp ke-hoach.yaml) \
             hoặc gồm các thư mục kế hoạch, mỗi thư mục một tệp ke-hoach.yaml (xem tdkt help records)",
        ));
    }
    repository
}

fn not_found(root: &Path, only: Option<&str>, names: &[String]) -> Problem {
    Problem::new(
        root,
        "",
        format!(
            "không có kế hoạch \"{}\" trong thư mục bản ghi; các kế hoạch có ở đây: {}",
            only.unwrap_or_default(),
            if names.is_empty() {
                "(không có)".to_owned()
            } else {
                names.join(", ")
            }
        ),
    )
}

/// Gives each loaded plan the awards of the other plans' decisions dated up
/// to the end of its year (an earlier year's, or a themed plan's of the same
/// year): what its units and people had received before it. `others` are
/// the plans not loaded, whose decisions are read alone; a decision that
/// cannot be read is a problem of the folder, since a history would miss it.
/// Why `name` cannot be a plan's folder, if it cannot: it must be an id, and
/// not a name the records folder gives another meaning (a record kind's
/// folder makes the records folder read as one plan; the register, the
/// archive).
pub fn plan_name_refused(name: &str) -> Option<String> {
    if !Id::is_valid(name) {
        return Some(format!(
            "tên kế hoạch \"{name}\" không dùng được: {}",
            Id::rule()
        ));
    }
    let reserved =
        Kind::of_folder(name).is_some() || [REGISTER_FOLDER, ARCHIVE_FOLDER].contains(&name);
    reserved.then(|| {
        format!(
            "tên kế hoạch \"{name}\" trùng tên một thư mục tdkt dành riêng (tap-the, ca-nhan, \
             cuoc-hop, to-trinh, quyet-dinh, {REGISTER_FOLDER}, {ARCHIVE_FOLDER}); hãy đặt tên theo \
             năm hay chủ đề, ví dụ 2021 hoặc 2021-chuyen-de"
        )
    })
}

/// What is said of a link found among the records, where a folder or a
/// record was expected: it is not followed, and not passed over in silence.
pub(super) const LINK_NOT_READ: &str = "đây là một liên kết (symbolic link), không phải tệp hay thư mục thật; tdkt không đọc liên \
     kết — các bản ghi trong đó không được đọc. Hãy chép nội dung vào một thư mục (tệp) thật ở đây";

fn share_awards(root: &Path, repository: &mut Repository, others: &[(String, PathBuf)]) {
    let mut all: Vec<(String, Decision)> = Vec::new();
    for plan in &repository.plans {
        if let Some(records) = &plan.loaded.records {
            all.extend(
                records
                    .decisions
                    .values()
                    .map(|d| (plan.name.clone(), d.clone())),
            );
        }
    }
    for (name, dir) in others {
        let folder = dir.join(Kind::Decision.folder());
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        files.sort();
        for path in files {
            if !path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                continue;
            }
            let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            let read = read_guarded(&path, &rel)
                .map_err(Vec::from)
                .and_then(|text| {
                    parse::<Decision>(Id(String::new()), rel.clone(), text)
                        .map(|p| p.value)
                        .map_err(Vec::from)
                });
            match read {
                Ok(d) => all.push((name.clone(), d)),
                Err(found) => repository.problems.extend(found),
            }
        }
    }
    for plan in &mut repository.plans {
        let Some(records) = plan.loaded.records.as_mut() else {
            continue;
        };
        let year = records.plan.nam;
        let mut earlier: BTreeMap<Id, Vec<Award>> = BTreeMap::new();
        for (from, d) in &all {
            if *from == plan.name || d.ngay.0.year() > year {
                continue;
            }
            let recipients: BTreeSet<&Id> =
                d.khen_thuong.iter().flat_map(|g| &g.nguoi_nhan).collect();
            for id in recipients {
                earlier
                    .entry(id.clone())
                    .or_default()
                    .extend(d.awards_of(id));
            }
        }
        records.earlier_awards = earlier;
    }
}
