//! #13: the command line in one language. Every help, clap's headings and
//! errors included, is Vietnamese; `tdkt help COMMAND`, short flags and
//! shell completions work as cargo's and git's do.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use common::{Folder, stdout, tdkt};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// What clap prints in English when left to itself.
const CLAP_ENGLISH: &[&str] = &[
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "default:",
    "possible values",
    "[OPTIONS]",
    "<COMMAND>",
    "Print help",
    "Print version",
    "alias",
    "error:",
    "For more information",
    "tip:",
    "found",
];

fn english_in(text: &str) -> Vec<&'static str> {
    CLAP_ENGLISH
        .iter()
        .copied()
        .filter(|w| text.contains(w))
        .collect()
}

const COMMANDS: &[&str] = &[
    "check",
    "build",
    "issue",
    "list",
    "new-plan",
    "verify",
    "new",
    "help",
    "completions",
];

#[test]
fn every_help_is_vietnamese_and_help_command_matches_help_flag() {
    let top = tdkt(&["--help"]);
    assert_eq!(top.status.code(), Some(0));
    let text = stdout(&top);
    assert!(text.contains("Cách dùng: tdkt <LỆNH>"), "{text}");
    assert!(
        text.contains("Lệnh:") && text.contains("Tùy chọn:"),
        "{text}"
    );
    assert_eq!(english_in(&text), Vec::<&str>::new(), "{text}");
    assert_eq!(stdout(&tdkt(&["help"])), text);
    for command in COMMANDS {
        let flag = tdkt(&[command, "--help"]);
        assert_eq!(flag.status.code(), Some(0), "{command}");
        let text = stdout(&flag);
        assert!(
            text.contains(&format!("Cách dùng: tdkt {command}")),
            "{command}: {text}"
        );
        assert_eq!(english_in(&text), Vec::<&str>::new(), "{command}: {text}");
        let short = stdout(&tdkt(&[command, "-h"]));
        assert_eq!(short, text, "{command}: -h");
        let asked = tdkt(&["help", command]);
        assert_eq!(stdout(&asked), text, "tdkt help {command}");
    }
    let build = stdout(&tdkt(&["build", "--help"]));
    for line in [
        "-r, --records <THƯ_MỤC>",
        "(mặc định: records, ở thư mục hiện tại hay thư mục cha gần nhất có nó, như git)",
        "-o, --out <THƯ_MỤC>",
        "-j, --jobs <SỐ>",
    ] {
        assert!(build.contains(line), "{line}: {build}");
    }
    let check = stdout(&tdkt(&["check", "--help"]));
    assert!(
        check.contains("[mặc định: text; giá trị: text, json]"),
        "{check}"
    );
    let version = tdkt(&["--version"]);
    assert_eq!(version.status.code(), Some(0));
    assert!(stdout(&version).starts_with("tdkt "));
}

#[test]
fn usage_errors_say_what_to_do_in_vietnamese() {
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["build", "--recrods", "x"],
            &[
                "không có tùy chọn '--recrods'",
                "Có phải ý bạn là '--records'?",
            ],
        ),
        (
            &["chek"],
            &[
                "không có lệnh 'chek'",
                "Có phải ý bạn là 'check'?",
                "các lệnh: check, build",
            ],
        ),
        (
            &["check", "--format", "xml"],
            &["giá trị 'xml' của --format", "các giá trị: text, json"],
        ),
        (&["issue"], &["thiếu <VĂN_BẢN>", "Cách dùng: tdkt issue"]),
        (
            &["issue", "2020/to-trinh/x", "--ngay", "15/01/2025"],
            &["'15/01/2025'", "viết 2025-01-15"],
        ),
        (&["issue", "x", "--so", "năm"], &["cần một số nguyên dương"]),
        (
            &["help", "bulid"],
            &[
                "không có lệnh hay tài liệu 'bulid'",
                "tài liệu: records, rules",
                "Có phải ý bạn là 'build'?",
            ],
        ),
        (
            &["help", "recods"],
            &[
                "không có lệnh hay tài liệu 'recods'",
                "Có phải ý bạn là 'records'?",
            ],
        ),
        (&["completions", "cmd"], &["giá trị 'cmd'", "bash"]),
    ];
    for (args, expected) in cases {
        let out = tdkt(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let text = stderr(&out);
        for e in *expected {
            assert!(text.contains(e), "{args:?}: {e:?} not in {text}");
        }
        assert_eq!(english_in(&text), Vec::<&str>::new(), "{args:?}: {text}");
    }
}

#[test]
fn short_flags_and_completions() {
    let folder = Folder::small();
    let out = tdkt(&["check", "-r", &folder.path().to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = tdkt(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = stdout(&out);
        assert!(
            script.contains("new-plan") && script.contains("records"),
            "{shell}: {script}"
        );
    }
}

/// `tdkt check | head -1`: the reader closes the pipe early; tdkt ends
/// quietly, without a panic.
#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = common::command()
        .args(["check", "--records"])
        .arg(common::example_records())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tdkt");
    let mut first = String::new();
    {
        let out = child.stdout.take().expect("stdout");
        BufReader::new(out).read_line(&mut first).expect("a line");
    }
    let done = child.wait_with_output().expect("tdkt ends");
    assert!(!first.is_empty());
    let err = stderr(&done);
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        matches!(done.status.code(), Some(0 | 1)),
        "{:?}",
        done.status
    );
}

/// The summary's count is the count of the problems listed above it.
#[test]
fn the_build_summary_counts_the_problems_it_lists() {
    let folder = Folder::small();
    folder.write("la.yaml", "x: 1\n");
    let out = tempfile::TempDir::new().expect("temp dir");
    let run = common::build(folder.path(), out.path());
    let text = stdout(&run);
    assert!(text.contains("LỖI (1)"), "{text}");
    assert!(text.contains("; 1 lỗi;"), "{text}");
}

/// The docs a clerk's repository does not hold are in the binary, and the
/// messages point there.
#[test]
fn the_docs_are_built_in_and_messages_point_to_them() {
    let records = tdkt(&["help", "records"]);
    assert_eq!(records.status.code(), Some(0));
    let text = stdout(&records);
    assert!(
        text.contains("ke-hoach.yaml") && text.contains("trich_dan"),
        "{text}"
    );
    assert!(stdout(&tdkt(&["help", "rules"])).contains("KL-1"));
    assert!(stdout(&tdkt(&["help", "nam-cong-tac"])).contains("tdkt issue"));
    let folder = Folder::small();
    folder.write("ca-nhan/trong.yaml", "");
    let run = tdkt(&["check", "-r", &folder.path().to_string_lossy()]);
    let text = stdout(&run);
    assert!(text.contains("(xem tdkt help records)"), "{text}");
    assert!(!text.contains("docs/"), "{text}");
}

/// `tdkt new`: a record with its id made from the name, every key a record
/// needs, and `check` passing at once. A name already held is refused with
/// the file that holds it (#25.9); `--trung` writes a second one, its id
/// ending in -2.
#[test]
fn new_records_are_ready_to_check() {
    let folder = Folder::small();
    let root = folder.path().to_string_lossy().into_owned();
    let lan = [
        "new",
        "ca-nhan",
        "Nguyễn Thị Lan",
        "-r",
        &root,
        "--don-vi",
        "phong-a",
    ];
    let out = tdkt(&lan);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("giới tính \"nữ\" đoán theo tên đệm"));
    let first = folder.read("ca-nhan/nguyen-thi-lan.yaml");
    let out = tdkt(&lan);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let said = stderr(&out);
    assert!(
        said.contains("đã có cá nhân này: ")
            && said.contains("nguyen-thi-lan.yaml")
            && said.contains("--trung"),
        "{said}"
    );
    assert!(!folder.path().join("ca-nhan/nguyen-thi-lan-2.yaml").exists());
    assert_eq!(folder.read("ca-nhan/nguyen-thi-lan.yaml"), first);
    let out = tdkt(&[&lan[..], &["--trung"]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let first = folder.read("ca-nhan/nguyen-thi-lan.yaml");
    assert!(first.contains("ho_ten: Nguyễn Thị Lan\n") && first.contains("gioi_tinh: nu\n"));
    assert!(first.contains("don_vi: phong-a\n"), "{first}");
    // #25.6: the plan's contents to choose from, none chosen for the clerk.
    assert!(
        first.contains("#   noi_dung: []  # các mã đã chọn, ví dụ [\"2.1\", \"2.2\"]\n"),
        "{first}"
    );
    assert!(
        folder
            .path()
            .join("ca-nhan/nguyen-thi-lan-2.yaml")
            .is_file()
    );
    let out = tdkt(&[
        "new",
        "tap-the",
        "Phòng Kế hoạch: tài chính",
        "-r",
        &root,
        "--truong-phong",
        "nguyen-thi-lan",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        folder
            .path()
            .join("tap-the/phong-ke-hoach-tai-chinh.yaml")
            .is_file()
    );
    let check = tdkt(&["check", "-r", &root]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));

    // What tdkt cannot know, it asks for; nothing is written.
    for (args, said) in [
        (
            vec!["new", "ca-nhan", "H' Luyến Niê", "-r", &root],
            "--gioi-tinh",
        ),
        (
            vec![
                "new",
                "ca-nhan",
                "Trần Văn Bảo",
                "-r",
                &root,
                "--don-vi",
                "phong-z",
            ],
            "không có tập thể mã \"phong-z\"",
        ),
        (
            vec!["new", "tap-the", "Văn phòng", "-r", &root],
            "--truong-phong",
        ),
    ] {
        let out = tdkt(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains(said), "{args:?}: {}", stderr(&out));
    }
    assert!(!folder.path().join("ca-nhan/h-luyen-nie.yaml").exists());
    assert!(!folder.path().join("tap-the/van-phong.yaml").exists());
}

/// As git and cargo do, a command finds the body's repository — the
/// nearest folder up that holds `records/` — wherever the clerk stands in
/// it, and writes the documents to `output/` beside the records.
#[test]
fn commands_find_the_repository_from_any_folder_inside_it() {
    let repo = tempfile::TempDir::new().expect("temp dir");
    let plan = repo.path().join("records/2020");
    let source = common::fixtures().join("nho");
    for entry in walkdir::WalkDir::new(&source) {
        let entry = entry.expect("walk");
        let target = plan.join(entry.path().strip_prefix(&source).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
    let run = |args: &[&str], dir: &std::path::Path| common::tdkt_in(dir, args);
    let deep = plan.join("ca-nhan");
    let check = run(&["check"], &deep);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    assert!(
        stdout(&check).contains("2020/ke-hoach.yaml"),
        "{}",
        stdout(&check)
    );
    let build = run(&["build"], &deep);
    assert_eq!(build.status.code(), Some(0), "{}", stdout(&build));
    assert!(
        repo.path()
            .join("output/2020/to-trinh/de-nghi.pdf")
            .is_file()
    );
    assert!(!deep.join("output").exists());
    // Outside any repository: said, not guessed.
    let elsewhere = tempfile::TempDir::new().expect("temp dir");
    let lost = run(&["check"], elsewhere.path());
    assert_eq!(lost.status.code(), Some(1));
    assert!(
        stdout(&lost).contains("không tìm thấy thư mục bản ghi")
            && stdout(&lost).contains("tdkt init"),
        "{}",
        stdout(&lost)
    );
    // No English from the operating system reaches the clerk (#25.3).
    let new = run(&["new", "ca-nhan", "Nguyễn Văn An"], elsewhere.path());
    let said = String::from_utf8_lossy(&new.stderr).into_owned() + &stdout(&new);
    assert_eq!(new.status.code(), Some(1), "{said}");
    assert!(
        said.contains("không tìm thấy thư mục bản ghi") && said.contains("tdkt init"),
        "{said}"
    );
    assert!(
        !said.contains("os error") && !said.contains("No such file"),
        "{said}"
    );
}

/// #13's first minute, as a new clerk of a Sở would do it: `init` with
/// the body's answers, two people and a unit with `new`, one registration
/// typed in, then `check` and `build` — no document opened on the way.
#[test]
fn a_new_body_starts_with_init_new_check_and_build() {
    let repo = tempfile::TempDir::new().expect("temp dir");
    let run = |args: &[&str]| common::tdkt_in(repo.path(), args);
    // Without a person at the keyboard, every missing answer is named at once
    // and nothing is written.
    let bare = run(&["init"]);
    assert_eq!(bare.status.code(), Some(1));
    for option in [
        "--ten ",
        "--ten-goi",
        "--cap-tren",
        "--viet-tat",
        "--dia-danh",
        "--the-thuc",
        "--thu-truong",
        "--chuc-vu",
    ] {
        assert!(
            stderr(&bare).contains(option),
            "{option}: {}",
            stderr(&bare)
        );
    }
    assert!(!repo.path().join("records").exists());
    let init = common::init_so_y_te(repo.path());
    assert_eq!(init.status.code(), Some(0), "{}", stderr(&init));
    assert_eq!(
        std::fs::read_to_string(repo.path().join(".gitignore")).expect(".gitignore"),
        "/output/\n"
    );
    // #25.7: a folder in no repository becomes one; the first commit is
    // the clerk's (git is on every machine these tests run on: .ci/run's
    // checkout needs it).
    assert!(repo.path().join(".git").is_dir(), "{}", stdout(&init));
    assert!(
        stdout(&init).contains("Đã lập kho git (git init)"),
        "{}",
        stdout(&init)
    );
    let log = std::process::Command::new("git")
        .args(["-C", &repo.path().to_string_lossy(), "log"])
        .output()
        .expect("git is needed by this test");
    assert!(!log.status.success(), "tdkt made a commit itself");
    // #25.7: in a repository, init refuses before asking anything — there
    // and in a folder inside it.
    for inside in [repo.path().to_path_buf(), repo.path().join("records/2025")] {
        let again = common::tdkt_in(&inside, &["init"]);
        assert_eq!(again.status.code(), Some(1));
        let said = stderr(&again);
        assert!(
            said.contains("đây đã là kho bản ghi") && !said.contains("thiếu --"),
            "{said}"
        );
    }
    // #25.7: the council by the body's whole name, not "… Khen thưởng Sở".
    let plan = std::fs::read_to_string(repo.path().join("records/2025/ke-hoach.yaml"))
        .or_else(|_| std::fs::read_to_string(repo.path().join("records/ke-hoach.yaml")))
        .expect("the plan");
    assert!(
        plan.contains("\n  ten: Hội đồng Thi đua - Khen thưởng Sở Y tế\n"),
        "{plan}"
    );
    let check = run(&["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    for args in [
        &[
            "new",
            "tap-the",
            "Văn phòng Sở",
            "--truong-phong",
            "pham-thi-lan",
        ][..],
        &[
            "new",
            "ca-nhan",
            "Nguyễn Văn Bình",
            "--don-vi",
            "van-phong-so",
        ],
        &["new", "ca-nhan", "Trần Thị Hoa", "--don-vi", "van-phong-so"],
    ] {
        let made = run(args);
        assert_eq!(made.status.code(), Some(0), "{args:?}: {}", stderr(&made));
    }
    // The editor knows the records: the schemas, VS Code's settings wiring
    // them, and the line in each new file that points at its schema.
    let settings = std::fs::read_to_string(repo.path().join(".vscode/settings.json"))
        .expect("editor settings");
    assert!(
        settings.contains("\"yaml.schemas\"")
            && settings.contains("\"./schema/ca-nhan.json\"")
            && settings.contains("records/**/ca-nhan/*.yaml"),
        "{settings}"
    );
    assert!(repo.path().join("schema/ca-nhan.json").is_file());
    let person = repo.path().join("records/2025/ca-nhan/tran-thi-hoa.yaml");
    let mut text = std::fs::read_to_string(&person).expect("her record");
    assert!(
        text.starts_with("# yaml-language-server: $schema=../../../schema/ca-nhan.json\n"),
        "{text}"
    );
    text.push_str(
        "dang_ky:\n  ngay: 2025-01-20\n  noi_dung: []\n  danh_hieu: lao_dong_tien_tien\n  \
         cam_ket: Hoàn thành tốt nhiệm vụ được giao.\n",
    );
    std::fs::write(&person, text).expect("write");
    let check = run(&["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    let build = run(&["build"]);
    assert_eq!(build.status.code(), Some(0), "{}", stdout(&build));
    // The list has people and no unit: one group, numbered I.
    let list = common::pdf::flat_text(&repo.path().join("output/2025/dang-ky/danh-sach.pdf"));
    common::assert_has(&list, &["I. CÁ NHÂN (01)", "Trần Thị Hoa"]);
    assert!(!list.contains("TẬP THỂ ("), "{list}");
    let form = repo
        .path()
        .join("output/2025/dang-ky/ca-nhan/tran-thi-hoa.pdf");
    common::assert_has(
        &common::pdf::flat_text(&form),
        &[
            "UBND TỈNH LÂM ĐỒNG",
            "SỞ Y TẾ",
            "Trần Thị Hoa",
            "Lao động tiên tiến",
        ],
    );
    // A second init never writes over the records.
    let again = run(&[
        "init",
        "--ten",
        "X",
        "--ten-goi",
        "X",
        "--cap-tren",
        "X",
        "--viet-tat",
        "X",
        "--dia-danh",
        "X",
        "--the-thuc",
        "dang",
        "--thu-truong",
        "Lê Văn A",
        "--chuc-vu",
        "X",
    ]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("không ghi đè"),
        "{}",
        stderr(&again)
    );
}

/// The manual page comes from the same definitions as `--help`, its
/// headings in Vietnamese, each command with its options.
#[test]
fn the_man_page_is_the_help_in_roff() {
    let out = tdkt(&["man"]);
    assert_eq!(out.status.code(), Some(0));
    let roff = stdout(&out);
    assert!(roff.contains("\n.TH tdkt 1 "), "{roff}");
    assert!(roff.contains(".SH \"TÊN\""), "{roff}");
    for heading in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "SUBCOMMANDS"] {
        assert!(
            !roff.contains(&format!(".SH {heading}")),
            "{heading} in English"
        );
        assert!(
            !roff.contains(&format!(".SH \"{heading}\"")),
            "{heading} in English"
        );
    }
    for command in ["check", "build", "init", "schema", "new", "issue"] {
        assert!(
            roff.contains(&format!(".SH \"tdkt {command}\"")),
            "{command}"
        );
    }
    assert!(
        roff.contains("\\-\\-the\\-thuc"),
        "init's options are listed"
    );
}

/// #25.12: a small body's check fits a screen — the rules named in one line,
/// what each says and where it comes from behind `-v`.
#[test]
fn a_small_bodys_check_fits_a_screen_and_v_shows_each_rule() {
    let folder = Folder::small();
    let (code, short) = common::run_on(folder.path(), &["check"]);
    assert_eq!(code, 0, "{short}");
    let lines = short.lines().count();
    assert!(lines <= 42, "{lines} lines:\n{short}");
    assert!(
        short.contains("Tiêu chí CHUNG-1, ND-1") && short.contains("tdkt check -v"),
        "{short}"
    );
    assert!(!short.contains("đăng ký học tập và làm theo"), "{short}");
    let (code, long) = common::run_on(folder.path(), &["check", "-v"]);
    assert_eq!(code, 0, "{long}");
    assert!(
        long.lines()
            .any(|l| l.starts_with("  CHUNG-1  đăng ký học tập và làm theo")),
        "{long}"
    );
}

/// #25.13: `tdkt list` heads its columns.
#[test]
fn list_heads_its_columns() {
    let folder = Folder::small();
    let (code, text) = common::run_on(folder.path(), &["list"]);
    assert_eq!(code, 0, "{text}");
    let mut lines = text.lines();
    let head: Vec<&str> = lines
        .next()
        .unwrap_or_default()
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(
        head,
        ["VĂN BẢN", "LOẠI", "SỐ", "NGÀY", "TRẠNG THÁI"],
        "{text}"
    );
    let first = lines.next().unwrap_or_default();
    assert!(first.starts_with("2020/"), "{text}");
    // Each column starts where its heading does.
    let at = |line: &str, cell: &str| {
        line.find(&format!("  {cell}"))
            .map(|b| line[..b].chars().count())
    };
    let header = text.lines().next().unwrap_or_default();
    assert_eq!(at(header, "LOẠI"), at(first, "dang-ky-tap-the"), "{text}");
    assert_eq!(at(header, "NGÀY"), at(first, "27/02/2020"), "{text}");
}

/// #25.9: check says when two meetings of one kind fall on one day.
#[test]
fn two_meetings_of_one_kind_on_one_day_are_said() {
    let folder = Folder::small();
    let copy = folder.read("cuoc-hop/lua-chon.yaml");
    folder.write("cuoc-hop/lua-chon-2.yaml", &copy);
    let (_, text) = common::run_on(folder.path(), &["check"]);
    assert!(
        text.lines().any(|l| l
            .contains("cuoc-hop/lua-chon-2.yaml: cùng ngày 10/03/2020 đã có cuộc họp lựa chọn")
            && l.contains("(cuoc-hop/lua-chon.yaml)")),
        "{text}"
    );
    let (_, alone) = common::run_on(Folder::small().path(), &["check"]);
    assert!(!alone.contains("cùng ngày"), "{alone}");
}

/// #25.6: a new person's or unit's record carries the registration block to
/// fill in — the plan's content areas and the titles as choices — and,
/// uncommented, it is a registration `check` takes; a unit made with a head
/// who had no unit becomes that head's `don_vi`.
#[test]
fn a_new_record_carries_its_registration_to_fill_in() {
    let folder = Folder::small();
    let root = folder.path().to_string_lossy().into_owned();
    let new = |args: &[&str]| {
        let out = tdkt(&[&["new"][..], args, &["-r", &root, "--ngay", "2020-03-05"]].concat());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    new(&["ca-nhan", "Hoàng Văn Tư"]);
    let said = new(&[
        "tap-the",
        "Phòng Hành chính",
        "--truong-phong",
        "hoang-van-tu",
    ]);
    assert!(
        said.contains("đã ghi don_vi: phong-hanh-chinh vào"),
        "{said}"
    );
    let person = folder.read("ca-nhan/hoang-van-tu.yaml");
    assert!(person.contains("\ndon_vi: phong-hanh-chinh\n"), "{person}");
    for (file, title) in [
        (
            "ca-nhan/hoang-van-tu.yaml",
            "chien_si_thi_dua_co_so (Chiến sĩ thi đua cơ sở)",
        ),
        (
            "tap-the/phong-hanh-chinh.yaml",
            "tap_the_lao_dong_xuat_sac (Tập thể lao động xuất sắc)",
        ),
    ] {
        let text = folder.read(file);
        assert!(
            text.contains("# dang_ky:\n#   ngay: 2020-03-05\n"),
            "{text}"
        );
        assert!(
            text.contains("#   #   2.2: Điển hình tiên tiến trong thực hiện nhiệm vụ chuyên môn"),
            "{text}"
        );
        assert!(text.contains(title), "{text}");
        // The clerk uncomments the block, chooses the contents (none is
        // chosen for them) and writes the commitment.
        let filled: String = text
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest) if l.starts_with("# dang_ky") || l.starts_with("#   ") => {
                    rest.to_owned()
                }
                _ => l.to_owned(),
            })
            .map(|l| {
                l.replace(
                    "cam_ket:  # lời cam kết, như bản đăng ký ghi",
                    "cam_ket: Hoàn thành tốt nhiệm vụ.",
                )
                .replace(
                    "noi_dung: []  # các mã đã chọn, ví dụ [\"2.1\", \"2.2\"]",
                    "noi_dung: [\"2.2\"]",
                )
            })
            .collect::<Vec<_>>()
            .join("\n");
        folder.write(file, format!("{filled}\n"));
    }
    let (code, text) = common::run_on(folder.path(), &["check"]);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("Hoàng Văn Tư") && text.contains("Phòng Hành chính"),
        "{text}"
    );
    let (_, listed) = common::run_on(folder.path(), &["list"]);
    assert!(listed.contains("dang-ky/ca-nhan/hoang-van-tu"), "{listed}");
    assert!(
        listed.contains("dang-ky/tap-the/phong-hanh-chinh"),
        "{listed}"
    );
}
