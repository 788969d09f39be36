//! Issued PDFs signed digitally by a real PAdES signer (pyHanko, installed
//! by `.ci/run`) with certificates made here by openssl: what `verify`
//! says of them, `--luu` keeping the signed copy, `list` and `check` after.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{Folder, example_records, run_on, tool};
use serde_json::Value;

const PROPOSAL: &str = "2020/da-ban-hanh/to-trinh/2020-12-18-de-nghi-khen-thuong";

/// A key and a certificate for `subject`: self-signed, or issued by the
/// authority `ca` (its key and certificate).
fn certificate(dir: &Path, name: &str, subject: &str, ca: Option<&Signer>) -> Signer {
    let key = dir.join(format!("{name}.key"));
    let cert = dir.join(format!("{name}.pem"));
    let (key_s, cert_s) = (key.to_string_lossy(), cert.to_string_lossy());
    match ca {
        None => tool(
            "openssl",
            &[
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-utf8",
                "-days",
                "30",
                "-subj",
                subject,
                "-keyout",
                &key_s,
                "-out",
                &cert_s,
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,digitalSignature",
            ],
        ),
        Some(ca) => {
            let request = dir.join(format!("{name}.csr"));
            let request_s = request.to_string_lossy();
            tool(
                "openssl",
                &[
                    "req", "-new", "-newkey", "rsa:2048", "-nodes", "-utf8", "-subj", subject,
                    "-keyout", &key_s, "-out", &request_s,
                ],
            );
            tool(
                "openssl",
                &[
                    "x509",
                    "-req",
                    "-in",
                    &request_s,
                    "-days",
                    "30",
                    "-CA",
                    &ca.cert.to_string_lossy(),
                    "-CAkey",
                    &ca.key.to_string_lossy(),
                    "-CAcreateserial",
                    "-out",
                    &cert_s,
                ],
            );
        }
    }
    Signer { key, cert }
}

struct Signer {
    key: PathBuf,
    cert: PathBuf,
}

/// Signs `input` into `output` as a token's software does: a PAdES
/// signature appended by incremental update, carrying `chain`.
fn sign(input: &Path, output: &Path, signer: &Signer, field: &str, chain: &[&Signer]) {
    let mut args: Vec<String> = ["sign", "addsig", "--use-pades", "--field", field, "pemder"]
        .map(String::from)
        .to_vec();
    args.extend(["--key".into(), signer.key.to_string_lossy().into_owned()]);
    args.extend(["--cert".into(), signer.cert.to_string_lossy().into_owned()]);
    for link in chain {
        args.extend(["--chain".into(), link.cert.to_string_lossy().into_owned()]);
    }
    args.push("--no-pass".into());
    args.push(input.to_string_lossy().into_owned());
    args.push(output.to_string_lossy().into_owned());
    tool(
        "pyhanko",
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    );
}

/// Appends a revision that draws a line on page 1 (pyHanko's own
/// incremental writer), unsigned.
fn draw_on_page_one(input: &Path, output: &Path) {
    let script = r#"import sys
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils import generic
with open(sys.argv[1], 'rb') as f:
    w = IncrementalPdfFileWriter(f)
    ref = w.add_object(generic.StreamObject(stream_data=b'q 1 0 0 RG 50 50 m 500 700 l S Q'))
    w.add_stream_to_page(0, ref)
    with open(sys.argv[2], 'wb') as out:
        w.write(out)
"#;
    tool(
        "python3",
        &[
            "-c",
            script,
            &input.to_string_lossy(),
            &output.to_string_lossy(),
        ],
    );
}

fn verify(records: &Path, file: &Path) -> (i32, String) {
    run_on(records, &["verify", &file.to_string_lossy()])
}

fn issued(records: &Folder) -> PathBuf {
    records.path().join(format!("{PROPOSAL}.pdf"))
}

fn state_of(records: &Path, name: &str) -> String {
    let (code, text) = run_on(records, &["list", "--format", "json"]);
    assert_eq!(code, 0, "{text}");
    let list: Value = serde_json::from_str(&text).expect("list json");
    let item = list["van_ban"]
        .as_array()
        .or_else(|| list.as_array())
        .expect("list of documents")
        .iter()
        .find(|d| d["ten"] == name)
        .unwrap_or_else(|| panic!("{name} not listed: {text}"))
        .clone();
    item["trang_thai"].as_str().unwrap_or_default().to_owned()
}

#[test]
fn a_signed_issued_pdf_is_the_issued_document_with_its_signer_and_time_and_is_kept() {
    let records = Folder::copy_of(&example_records());
    let work = tempfile::TempDir::new().expect("temp dir");
    let head = certificate(
        work.path(),
        "thu-truong",
        "/C=VN/O=Ban Tổ chức Tỉnh ủy Bắc Giang/CN=Trần Thị Hương",
        None,
    );
    let clerk = certificate(
        work.path(),
        "van-thu",
        "/C=VN/O=Ban Tổ chức Tỉnh ủy Bắc Giang/CN=Lê Văn Đức",
        None,
    );
    let once = work.path().join("ky-1.pdf");
    sign(&issued(&records), &once, &head, "ChuKy1", &[]);

    let (code, text) = verify(records.path(), &once);
    assert_eq!(code, 0, "{text}");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs();
    let today = chrono::DateTime::from_timestamp(now as i64 + 7 * 3600, 0)
        .expect("a date")
        .format("%d/%m/%Y");
    for said in [
        "đúng văn bản tdkt lập, đã ký số (1 chữ ký)".to_owned(),
        "số 05-TTr/HĐTĐKT".to_owned(),
        "Chữ ký 1: Trần Thị Hương, ký lúc ".to_owned(),
        format!("ngày {today} (giờ Việt Nam)"),
        "phủ toàn bộ bản tdkt lập: có".to_owned(),
        "chữ ký số: hợp lệ".to_owned(),
        "chưa kiểm tra chuỗi tin cậy".to_owned(),
    ] {
        assert!(
            text.to_lowercase().contains(&said.to_lowercase()),
            "{said}: {text}"
        );
    }

    // The văn thư signs after the head: both signatures, each holding.
    let twice = work.path().join("ky-2.pdf");
    sign(&once, &twice, &clerk, "ChuKy2", &[]);
    let (code, text) = verify(records.path(), &twice);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("(2 chữ ký)") && text.contains("Chữ ký 2: Lê Văn Đức"),
        "{text}"
    );

    // Kept beside the archived PDF; listed so; kept again: nothing to do;
    // the copy with both signatures extends the first and replaces it.
    let name = "2020/to-trinh/2020-12-18-de-nghi-khen-thuong";
    assert_eq!(state_of(records.path(), name), "da_ban_hanh");
    let (code, text) = run_on(
        records.path(),
        &["verify", &once.to_string_lossy(), "--luu"],
    );
    assert_eq!(code, 0, "{text}");
    let kept = records.path().join(format!("{PROPOSAL}.ky-so.pdf"));
    assert_eq!(
        fs::read(&kept).expect("kept"),
        fs::read(&once).expect("signed")
    );
    assert!(text.contains("git add"), "{text}");
    assert_eq!(state_of(records.path(), name), "da_ky_so");
    let (_, text) = run_on(
        records.path(),
        &["verify", &once.to_string_lossy(), "--luu"],
    );
    assert!(text.contains("từ trước"), "{text}");
    let (code, text) = run_on(
        records.path(),
        &["verify", &twice.to_string_lossy(), "--luu"],
    );
    assert_eq!(code, 0, "{text}");
    assert_eq!(
        fs::read(&kept).expect("kept"),
        fs::read(&twice).expect("signed")
    );
    // Another document's signed copy is kept beside that document, never
    // over this one's.
    let other = work.path().join("khac.pdf");
    sign(
        &records
            .path()
            .join("2020/da-ban-hanh/dang-ky/danh-sach.pdf"),
        &other,
        &head,
        "ChuKy1",
        &[],
    );
    let (code, _) = run_on(
        records.path(),
        &["verify", &other.to_string_lossy(), "--luu"],
    );
    assert_eq!(code, 0);
    assert_eq!(
        fs::read(&kept).expect("kept"),
        fs::read(&twice).expect("signed")
    );
    let (code, text) = run_on(records.path(), &["check"]);
    assert_eq!(code, 0, "{text}");
    // The register book notes both.
    let out = tempfile::TempDir::new().expect("temp dir");
    let (code, text) = run_on(
        records.path(),
        &["register", "2020", "--out", &out.path().to_string_lossy()],
    );
    assert_eq!(code, 0, "{text}");
    let book = common::pdf::raw_text(&out.path().join("so-van-ban-di/2020.pdf"));
    assert_eq!(book.matches("Đã ký số").count(), 2, "{book}");
    assert!(
        records
            .path()
            .join("2020/da-ban-hanh/dang-ky/danh-sach.ky-so.pdf")
            .exists()
    );
}

#[test]
fn a_changed_byte_a_changed_page_or_an_unsigned_addition_is_not_the_issued_document() {
    let records = Folder::copy_of(&example_records());
    let work = tempfile::TempDir::new().expect("temp dir");
    let head = certificate(work.path(), "ky", "/C=VN/CN=Trần Thị Hương", None);
    let signed = work.path().join("ky.pdf");
    sign(&issued(&records), &signed, &head, "ChuKy1", &[]);
    let tdkt_len = fs::read(issued(&records)).expect("issued").len();
    let bytes = fs::read(&signed).expect("signed");

    // One byte of the signer's own revision, inside the signed range.
    let mut changed = bytes.clone();
    let at = tdkt_len + 40;
    changed[at] = if changed[at] == b' ' { b'\n' } else { b' ' };
    let file = work.path().join("sua-sau.pdf");
    fs::write(&file, &changed).expect("write");
    let (code, text) = verify(records.path(), &file);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("KHÔNG HỢP LỆ"), "{text}");

    // One byte of tdkt's revision.
    let mut changed = bytes.clone();
    changed[tdkt_len / 2] = changed[tdkt_len / 2].wrapping_add(1);
    fs::write(&file, &changed).expect("write");
    let (code, text) = verify(records.path(), &file);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("KHÁC bản đã ban hành"), "{text}");
    assert!(text.contains("tệp có 1 chữ ký số"), "{text}");

    // A revision after the signature that draws on page 1.
    let drawn = work.path().join("ve-them.pdf");
    draw_on_page_one(&signed, &drawn);
    let (code, text) = verify(records.path(), &drawn);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("Sau chữ ký cuối: ĐÃ ĐỔI NỘI DUNG trang 1"),
        "{text}"
    );
    assert!(text.contains("chữ ký số: hợp lệ"), "{text}");
    let (code, text) = run_on(
        records.path(),
        &["verify", &drawn.to_string_lossy(), "--luu"],
    );
    assert_eq!(code, 1, "{text}");
    assert!(
        !records
            .path()
            .join(format!("{PROPOSAL}.ky-so.pdf"))
            .exists()
    );

    // The same drawing on the issued PDF, with no signature at all.
    draw_on_page_one(&issued(&records), &drawn);
    let (code, text) = verify(records.path(), &drawn);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("không có chữ ký số"), "{text}");
    assert!(text.contains("ĐÃ ĐỔI NỘI DUNG trang 1"), "{text}");
}

#[test]
fn the_signers_chain_is_checked_against_the_roots_the_clerk_configured() {
    let records = Folder::copy_of(&example_records());
    let work = tempfile::TempDir::new().expect("temp dir");
    let root = certificate(work.path(), "goc", "/C=VN/CN=CA thử nghiệm", None);
    let head = certificate(work.path(), "ky", "/C=VN/CN=Trần Thị Hương", Some(&root));
    let stranger = certificate(work.path(), "la", "/C=VN/CN=CA khác", None);
    let signed = work.path().join("ky.pdf");
    sign(&issued(&records), &signed, &head, "ChuKy1", &[&root]);

    let roots = records.path().join("so-van-ban-di/chung-thu-tin-cay");
    fs::create_dir_all(&roots).expect("roots folder");
    fs::copy(&stranger.cert, roots.join("ca-khac.pem")).expect("copy");
    let (code, text) = verify(records.path(), &signed);
    assert_eq!(code, 0, "trust is its own line, not the exit code: {text}");
    assert!(text.contains("chuỗi tin cậy: KHÔNG tin cậy"), "{text}");

    fs::copy(&root.cert, roots.join("ca-thu-nghiem.pem")).expect("copy");
    let (code, text) = verify(records.path(), &signed);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("chuỗi tin cậy: tin cậy, đến chứng thư gốc")
            && text.contains("CA thử nghiệm"),
        "{text}"
    );

    fs::write(roots.join("ghi-chu.txt"), "không phải chứng thư").expect("write");
    let (_, text) = verify(records.path(), &signed);
    assert!(
        text.contains("ghi-chu.txt: không phải chứng thư số"),
        "{text}"
    );
}

#[test]
fn a_body_that_signs_digitally_is_told_what_is_not_kept_signed_yet() {
    let records = Folder::copy_of(&example_records());
    records.write("so-van-ban-di/cai-dat.yaml", "ky_so: true\n");
    let (_, text) = run_on(records.path(), &["check"]);
    assert!(
        text.contains("2 văn bản đã ban hành chưa lưu bản ký số"),
        "{text}"
    );

    let work = tempfile::TempDir::new().expect("temp dir");
    let head = certificate(work.path(), "ky", "/C=VN/CN=Trần Thị Hương", None);
    let signed = work.path().join("ky.pdf");
    sign(&issued(&records), &signed, &head, "ChuKy1", &[]);
    let (code, text) = run_on(
        records.path(),
        &["verify", &signed.to_string_lossy(), "--luu"],
    );
    assert_eq!(code, 0, "{text}");
    let (code, text) = run_on(records.path(), &["check"]);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("1 văn bản đã ban hành chưa lưu bản ký số"),
        "{text}"
    );

    // A kept signed copy that is not the issued document is an error.
    let kept = records.path().join(format!("{PROPOSAL}.ky-so.pdf"));
    let mut bytes = fs::read(&kept).expect("kept");
    bytes[100] = bytes[100].wrapping_add(1);
    fs::write(&kept, bytes).expect("write");
    let (code, text) = run_on(records.path(), &["check"]);
    assert_ne!(code, 0, "{text}");
    assert!(
        text.contains("không phải văn bản đã ban hành số 05-TTr/HĐTĐKT"),
        "{text}"
    );
}

/// The kinds the body issues (numbered, signed for the body, sealed).
const ISSUED_KINDS: [&str; 6] = [
    "ke-hoach",
    "danh-sach-dang-ky",
    "bien-ban",
    "to-trinh",
    "quyet-dinh",
    "bao-cao-ket-qua",
];

/// The largest vertical space on the signatures' page below a word in
/// capitals (a signer's title) to the next word under it: the room left
/// for a signature, with the words either side.
fn signature_room(pdf: &Path) -> (f64, String, String) {
    let words = common::pdf::words(pdf);
    let page = words
        .iter()
        .rev()
        .find(|w| w.text.chars().next().is_some_and(char::is_uppercase))
        .map(|w| w.page)
        .expect("words");
    let on_page: Vec<_> = words.iter().filter(|w| w.page == page).collect();
    let mut best = (0.0, String::new(), String::new());
    let title = |w: &&&common::pdf::Word| {
        w.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !w.text.chars().any(char::is_lowercase)
    };
    for above in on_page.iter().filter(title) {
        let below = on_page
            .iter()
            .filter(|w| w.y0 > above.y1 && w.x0 < above.x1 + 30.0 && w.x1 > above.x0 - 30.0)
            .min_by(|a, b| a.y0.total_cmp(&b.y0));
        if let Some(below) = below {
            let gap = below.y0 - above.y1;
            if gap > best.0 {
                best = (gap, above.text.clone(), below.text.clone());
            }
        }
    }
    best
}

#[test]
fn every_kind_the_body_issues_leaves_room_for_a_signature_image_and_a_seal() {
    // 36 mm: a round seal at real size (docs/templates.md), in points.
    let seal = 36.0 / 25.4 * 72.0;
    let second = tempfile::TempDir::new().expect("temp dir");
    let run = common::build(&common::second_body(), second.path());
    assert!(run.status.success(), "{}", common::stdout(&run));
    let mut seen = std::collections::BTreeSet::new();
    for (records, out) in [
        (example_records(), common::example_output().to_path_buf()),
        (common::second_body(), second.path().to_path_buf()),
    ] {
        let (code, text) = run_on(&records, &["list", "--format", "json"]);
        assert_eq!(code, 0, "{text}");
        let list: Value = serde_json::from_str(&text).expect("list json");
        for item in list.as_array().expect("a list") {
            let kind = item["loai"].as_str().unwrap_or_default();
            // Issued PDFs are archived as they were signed: never redrawn.
            if !ISSUED_KINDS.contains(&kind) || item["trang_thai"] != "du_thao" {
                continue;
            }
            let pdf = out.join(format!("{}.pdf", item["ten"].as_str().expect("name")));
            let (room, above, below) = signature_room(&pdf);
            assert!(
                (seal..seal + 20.0).contains(&room),
                "{}: {room:.0} pt between {above:?} and {below:?}, not the {seal:.0} pt of a seal",
                pdf.display()
            );
            assert!(
                above.chars().all(|c| !c.is_lowercase())
                    && below.chars().skip(1).any(char::is_lowercase),
                "{}: the room is between {above:?} and {below:?}, not a title and a name",
                pdf.display()
            );
            seen.insert(kind.to_owned());
        }
    }
    assert_eq!(seen.len(), ISSUED_KINDS.len(), "kinds seen: {seen:?}");
}
