//! Synthetic records at a province's scale, for benchmarks:
//! `cargo run --release --example gen-records -- --units 300 --people 3000 DIR`.
//! Deterministic: the same arguments always write the same files. The
//! records are valid (`tdkt check` exits 0): everyone registers, a selection
//! and a year-end meeting choose candidates who meet every criterion, and a
//! proposal carries the year-end choice.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use unicode_normalization::UnicodeNormalization;

/// splitmix64: small, seeded, the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Thân", "Giáp", "Chu", "Đào", "Trịnh", "Đinh", "Lại", "Hà", "Mạc",
    "Kiều", "Tạ", "Lương",
];
const MIDDLE_M: &[&str] = &[
    "Văn", "Đức", "Minh", "Quốc", "Hữu", "Quang", "Công", "Xuân", "Mạnh", "Thành", "Trọng", "Tiến",
];
const MIDDLE_F: &[&str] = &[
    "Thị",
    "Thu",
    "Ngọc",
    "Thanh",
    "Thùy",
    "Minh",
    "Hồng",
    "Phương",
    "Kim",
    "Thị Thu",
    "Thị Minh",
];
const GIVEN_M: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Duy", "Đức", "Hải", "Hiếu", "Hùng", "Huy", "Khải", "Khánh",
    "Long", "Mạnh", "Nam", "Phong", "Quân", "Quang", "Sơn", "Thắng", "Tiến", "Trung", "Tuấn",
    "Việt", "Vinh", "Hưng", "Lâm",
];
const GIVEN_F: &[&str] = &[
    "Anh", "Ánh", "Chi", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga",
    "Ngân", "Ngọc", "Nguyệt", "Phương", "Thảo", "Thủy", "Trang", "Uyên", "Xuân", "Yến", "Huyền",
    "Loan", "Dung",
];
const FUNCTIONS: &[&str] = &[
    "Tổ chức đảng - Đảng viên",
    "Tổ chức cán bộ",
    "Bảo vệ chính trị nội bộ",
    "Chính sách cán bộ",
    "Tuyên giáo",
    "Kiểm tra",
    "Dân vận",
    "Tổng hợp",
    "Nội vụ",
    "Tài chính - Kế hoạch",
];
const DISTRICTS: &[&str] = &[
    "thành phố Bắc Giang",
    "huyện Lục Ngạn",
    "huyện Lục Nam",
    "huyện Yên Thế",
    "huyện Hiệp Hòa",
    "huyện Lạng Giang",
    "huyện Sơn Động",
    "huyện Tân Yên",
    "huyện Việt Yên",
    "huyện Yên Dũng",
    "xã Tân Sơn",
    "xã Biển Động",
    "xã Phượng Sơn",
    "xã Cẩm Lý",
    "xã Nghĩa Hồ",
    "xã Đồng Việt",
    "xã Hương Gián",
    "xã Quang Thịnh",
    "xã Bố Hạ",
    "xã Xuân Lương",
    "xã Đồng Tâm",
    "xã An Dương",
    "xã Tiên Lục",
    "xã Mỹ Thái",
    "xã Xương Lâm",
    "xã Đại Lâm",
    "xã Song Mai",
    "xã Tân Mỹ",
    "xã Dĩnh Trì",
    "xã Đa Mai",
];
const PLEDGES: &[&str] = &[
    "Hoàn thành xuất sắc nhiệm vụ được giao, bảo đảm chất lượng và tiến độ",
    "tham mưu kịp thời, chính xác các văn bản thuộc lĩnh vực phụ trách",
    "giữ gìn phẩm chất, đạo đức, lối sống; chấp hành nghiêm kỷ luật, kỷ cương hành chính",
    "thực hiện tốt văn hóa công sở, chuẩn mực trong giao tiếp công vụ",
    "tích cực tham gia các hoạt động của chi bộ, công đoàn và đoàn thanh niên",
    "đổi mới phương pháp làm việc, ứng dụng công nghệ thông tin trong xử lý công việc",
    "thực hành tiết kiệm, chống lãng phí; giúp đỡ đồng chí, đồng nghiệp cùng tiến bộ",
];
const INITIATIVES: &[&str] = &[
    "Giải pháp số hóa hồ sơ đảng viên",
    "Quy trình thẩm định hồ sơ nhân sự bằng bảng kiểm",
    "Sổ tay nghiệp vụ công tác tổ chức xây dựng Đảng",
    "Phần mềm theo dõi tiến độ xử lý văn bản",
    "Mẫu hóa báo cáo định kỳ của các chi bộ",
    "Quy trình một cửa giải quyết chế độ chính sách",
];

/// "Nguyễn Thị Thu Hương" → "nguyen-thi-thu-huong".
fn slug(name: &str) -> String {
    let ascii: String = name
        .replace('Đ', "D")
        .replace('đ', "d")
        .nfd()
        .filter(char::is_ascii)
        .collect();
    ascii
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
}

fn sentence(rng: &mut Rng, n: usize) -> String {
    let mut parts: Vec<&str> = Vec::new();
    while parts.len() < n {
        let p = rng.pick(PLEDGES);
        if !parts.contains(&p) {
            parts.push(p);
        }
    }
    format!("{}.", parts.join("; "))
}

struct Person {
    id: String,
    name: String,
    female: bool,
    unit: usize,
}

struct Args {
    units: usize,
    people: usize,
    dir: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut units = 300;
    let mut people = 3000;
    let mut dir = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--units" => {
                units = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--units cần một số")?
            }
            "--people" => {
                people = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--people cần một số")?
            }
            _ => dir = Some(PathBuf::from(arg)),
        }
    }
    let dir = dir.ok_or("cách dùng: gen-records --units N --people M THƯ_MỤC")?;
    if units < 2 || people < units.max(9) {
        return Err(
            "cần ít nhất 2 phòng và số người không ít hơn số phòng (và 9, cho Hội đồng)".into(),
        );
    }
    Ok(Args { units, people, dir })
}

fn write(dir: &Path, rel: &str, text: &str) -> Result<(), String> {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let mut rng = Rng(20_200_226);
    let units: Vec<(String, String)> = (0..args.units)
        .map(|i| {
            let name = format!(
                "Phòng {} {}",
                FUNCTIONS[i % FUNCTIONS.len()],
                DISTRICTS[(i / FUNCTIONS.len()) % DISTRICTS.len()]
            );
            let name = if i >= FUNCTIONS.len() * DISTRICTS.len() {
                format!("{name} {}", i / (FUNCTIONS.len() * DISTRICTS.len()) + 1)
            } else {
                name
            };
            (format!("phong-{:04}", i + 1), name)
        })
        .collect();
    let people: Vec<Person> = (0..args.people)
        .map(|i| {
            let female = rng.below(2) == 0;
            let name = if female {
                format!(
                    "{} {} {}",
                    rng.pick(FAMILY),
                    rng.pick(MIDDLE_F),
                    rng.pick(GIVEN_F)
                )
            } else {
                format!(
                    "{} {} {}",
                    rng.pick(FAMILY),
                    rng.pick(MIDDLE_M),
                    rng.pick(GIVEN_M)
                )
            };
            Person {
                id: format!("{}-{:05}", slug(&name), i + 1),
                name,
                female,
                unit: i % args.units,
            }
        })
        .collect();
    // Heads: the first person of each unit. Council: nine heads. Chosen at
    // the selection: units 0 and 1, people 0..3 (heads of units 0, 1, 2);
    // at year end: unit 0, people 0 and 1. All of them meet every criterion.
    let head = |u: usize| &people[u];
    let council: Vec<&Person> = (0..9).map(|i| &people[i]).collect();

    let mut plan = String::new();
    let _ = writeln!(
        plan,
        "co_quan: {{ cap_tren: TỈNH ỦY BẮC GIANG, ten: BAN TỔ CHỨC, ten_goi: Ban Tổ chức Tỉnh ủy, viet_tat: BTCTU, dia_danh: Bắc Giang }}"
    );
    let _ = writeln!(
        plan,
        "the_thuc: dang\nnam: 2020\nso: 25\nngay: 2020-02-20\ntrich_yeu: xây dựng và nhân rộng điển hình tiên tiến năm 2020"
    );
    let _ = writeln!(plan, "noi_dung:");
    for (code, title) in [
        (
            "2.1",
            "Điển hình tiên tiến trong học tập và làm theo tư tưởng, tấm gương đạo đức, phong cách Hồ Chí Minh",
        ),
        (
            "2.2",
            "Điển hình tiên tiến trong thực hiện nhiệm vụ chuyên môn",
        ),
        (
            "2.3",
            "Điển hình trong phong trào xây dựng các tổ chức đoàn thể trong sạch, vững mạnh",
        ),
        (
            "2.4",
            "Điển hình trong phong trào \\\"Cán bộ, công chức, viên chức Bắc Giang thi đua thực hiện văn hóa công sở\\\"",
        ),
    ] {
        let _ = writeln!(plan, "  - {{ ma: \"{code}\", ten: \"{title}\" }}");
    }
    let _ = writeln!(
        plan,
        "hoi_dong:\n  ten: Hội đồng Thi đua - Khen thưởng cơ quan\n  nguong_dong_y: qua_ban\n  thanh_vien:"
    );
    for (i, p) in council.iter().enumerate() {
        let role = match i {
            0 => "chu_tich",
            1 => "pho_chu_tich",
            2 => "thu_ky",
            _ => "uy_vien",
        };
        let _ = writeln!(plan, "    - {{ nguoi: {}, vai_tro: {role} }}", p.id);
    }
    let _ = writeln!(
        plan,
        "nguoi_ky: {{ tham_quyen: ky_thay, thay_cho: TRƯỞNG BAN, chuc_vu: PHÓ TRƯỞNG BAN, nguoi: {} }}",
        council[0].id
    );
    let _ = writeln!(
        plan,
        "noi_nhan: [Hội đồng TĐ-KT tỉnh, \"BTCTU:\", + Lãnh đạo Ban, + Lưu Văn thư, TCĐ-ĐV]"
    );
    write(&args.dir, "ke-hoach.yaml", &plan)?;

    for (u, (id, name)) in units.iter().enumerate() {
        let areas = [
            "\"2.1\", \"2.2\"",
            "\"2.2\", \"2.4\"",
            "\"2.3\"",
            "\"2.1\", \"2.3\", \"2.4\"",
        ][u % 4];
        let title = if u < 2 || rng.below(3) > 0 {
            "tap_the_lao_dong_tien_tien"
        } else {
            "tap_the_lao_dong_xuat_sac"
        };
        let text = format!(
            "ten: {name}\ntruong_phong: {}\nso_thanh_vien: {}\ndang_ky:\n  ngay: 2020-02-{:02}\n  noi_dung: [{areas}]\n  danh_hieu: tap_the_lao_dong_tien_tien\n  lam_theo_bac: true\n  cam_ket: {}\n  chi_tieu: [100% cán bộ hoàn thành tốt nhiệm vụ, Chi bộ đạt trong sạch vững mạnh]\ndanh_hieu_dat_duoc: {title}\nthanh_tich: Hoàn thành tốt nhiệm vụ chính trị năm 2020; {}\n",
            head(u).id,
            args.people / args.units,
            20 + u % 9,
            sentence(&mut rng, 3),
            sentence(&mut rng, 2).to_lowercase(),
        );
        write(&args.dir, &format!("tap-the/{id}.yaml"), &text)?;
    }
    let positions_m = [
        "Chuyên viên",
        "Chuyên viên chính",
        "Phó Trưởng phòng",
        "Cán sự",
    ];
    for (i, p) in people.iter().enumerate() {
        let is_head = i < args.units;
        let chosen = i < 3;
        let position = if is_head {
            "Trưởng phòng"
        } else {
            rng.pick(&positions_m)
        };
        let rating = if chosen || rng.below(3) > 0 {
            "hoan_thanh_xuat_sac"
        } else {
            "hoan_thanh_tot"
        };
        let title = if is_head || rng.below(2) == 0 {
            "chien_si_thi_dua_co_so"
        } else {
            "lao_dong_tien_tien"
        };
        let mut text = format!(
            "ho_ten: {}\ngioi_tinh: {}\nnam_sinh: {}\nchuc_vu: {position}\ndon_vi: {}\ndang_ky:\n  ngay: 2020-02-{:02}\n  noi_dung: [\"2.{}\", \"2.{}\"]\n  danh_hieu: {title}\n  lam_theo_bac: true\n  cam_ket: >-\n    {}\n  sang_kien_du_kien: {}\nxep_loai: {rating}\n",
            p.name,
            if p.female { "nu" } else { "nam" },
            1965 + rng.below(35),
            units[p.unit].0,
            20 + i % 9,
            1 + i % 2,
            3 + i % 2,
            sentence(&mut rng, 4),
            rng.pick(INITIATIVES),
        );
        if chosen || rng.below(2) == 0 {
            let _ = write!(
                text,
                "sang_kien:\n  - ten: {}\n    cong_nhan: {{ so: {:02}-QĐ/HĐSK, ngay: 2020-11-20, co_quan: Hội đồng sáng kiến cơ quan }}\n",
                rng.pick(INITIATIVES),
                1 + i % 99
            );
        }
        let _ = write!(
            text,
            "danh_gia:\n  - {{ ky: 6 tháng đầu năm, ngay: 2020-06-30, ket_qua: \"{}\" }}\nthanh_tich: {}\n",
            sentence(&mut rng, 2),
            sentence(&mut rng, 3)
        );
        write(&args.dir, &format!("ca-nhan/{}.yaml", p.id), &text)?;
    }
    let vote = |id: &str, agree: u32, chosen: bool| {
        format!(
            "  - {{ ung_vien: {id}, phieu_phat_ra: 9, phieu_thu_ve: 9, phieu_hop_le: 9, dong_y: {agree}, duoc_chon: {chosen} }}\n"
        )
    };
    let mut selection = format!(
        "loai: lua_chon\nbat_dau: 2020-03-10 08:00\nket_thuc: 2020-03-10 10:30\ndia_diem: Phòng họp tầng 3, trụ sở Ban Tổ chức Tỉnh ủy\nchu_tri: {}\nthu_ky: {}\nbieu_quyet:\n",
        council[0].id, council[2].id
    );
    for (u, (id, _)) in units.iter().enumerate().take(4) {
        selection.push_str(&vote(id, [9, 8, 3, 2][u], u < 2));
    }
    for (i, p) in people.iter().enumerate().take(6) {
        selection.push_str(&vote(&p.id, [9, 8, 7, 4, 3, 2][i], i < 3));
    }
    write(&args.dir, "cuoc-hop/2020-03-10-lua-chon.yaml", &selection)?;
    let mut year_end = format!(
        "loai: cuoi_nam\nbat_dau: 2020-12-15 14:00\nket_thuc: 2020-12-15 16:30\ndia_diem: Phòng họp tầng 3, trụ sở Ban Tổ chức Tỉnh ủy\nchu_tri: {}\nthu_ky: {}\nbieu_quyet:\n",
        council[0].id, council[2].id
    );
    year_end.push_str(&vote(&units[0].0, 9, true));
    year_end.push_str(&vote(&units[1].0, 4, false));
    for (i, p) in people.iter().enumerate().take(3) {
        year_end.push_str(&vote(&p.id, [9, 8, 3][i], i < 2));
    }
    write(&args.dir, "cuoc-hop/2020-12-15-binh-xet.yaml", &year_end)?;
    write(
        &args.dir,
        "to-trinh/2020-12-18-de-nghi.yaml",
        "ngay: 2020-12-18\nkinh_gui: [Đồng chí Trưởng Ban Tổ chức Tỉnh ủy]\nhinh_thuc: Giấy khen của Trưởng Ban Tổ chức Tỉnh ủy\ncuoc_hop: 2020-12-15-binh-xet\n",
    )?;
    println!(
        "Đã tạo {} phòng, {} người, 2 cuộc họp, 1 tờ trình trong {}",
        args.units,
        args.people,
        args.dir.display()
    );
    Ok(())
}
