//! Where a heading or a title may break. A body's name set in a narrow
//! column ("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG CƠ QUAN") must break between its
//! words as a clerk breaks it, never inside one: Vietnamese writes a word of
//! two syllables as two, so the line breaker sees "KHEN / THƯỞNG" as a
//! place to break. The words that stay whole are made of no-break spaces
//! (read back from the PDF as ordinary spaces).

/// Words of two or more syllables that paperwork's headings and titles
/// use: names of bodies and their parts, of councils, of posts. Compared
/// in lower case. A name this list misses can be given in its record with
/// its lines (a line break in `ten`), as the clerk wants them.
const WORDS: &[&str] = &[
    // The national heading and the Party.
    "cộng hòa",
    "xã hội",
    "chủ nghĩa",
    "việt nam",
    "độc lập",
    "tự do",
    "hạnh phúc",
    "cộng sản",
    // Bodies and their parts.
    "ủy ban",
    "nhân dân",
    "hội đồng",
    "thi đua",
    "khen thưởng",
    "cơ quan",
    "tỉnh ủy",
    "huyện ủy",
    "thành ủy",
    "quận ủy",
    "thị ủy",
    "đảng ủy",
    "đảng bộ",
    "chi bộ",
    "đảng viên",
    "văn phòng",
    "tổ chức",
    "cán bộ",
    "công chức",
    "viên chức",
    "chính sách",
    "chính trị",
    "bảo vệ",
    "nội bộ",
    "kiểm tra",
    "tuyên giáo",
    "dân vận",
    "mặt trận",
    "tổ quốc",
    "công đoàn",
    "thanh niên",
    "phụ nữ",
    "nội vụ",
    "tài chính",
    "kế hoạch",
    "đầu tư",
    "tư pháp",
    "y tế",
    "văn hóa",
    "thể thao",
    "du lịch",
    "công thương",
    "xây dựng",
    "giao thông",
    "vận tải",
    "nông nghiệp",
    "phát triển",
    "nông thôn",
    "tài nguyên",
    "môi trường",
    "khoa học",
    "công nghệ",
    "thông tin",
    "truyền thông",
    "lao động",
    "thương binh",
    "ngoại vụ",
    "thanh tra",
    "kho bạc",
    "công an",
    "quân sự",
    "trung tâm",
    "giáo dục",
    "đào tạo",
    "trường học",
    "mầm non",
    "tiểu học",
    "trung học",
    "phổ thông",
    "cơ sở",
    "đại học",
    "cao đẳng",
    "học viện",
    "bệnh viện",
    "hành chính",
    "tổng hợp",
    "quản lý",
    "nhà nước",
    "thành phố",
    "thị xã",
    "thị trấn",
    // Posts and signers' titles.
    "chủ tịch",
    "trưởng ban",
    "trưởng phòng",
    "thủ trưởng",
    "giám đốc",
    "hiệu trưởng",
    "bí thư",
    "thư ký",
    "chủ trì",
    "chủ tọa",
    "thành viên",
    "kiểm phiếu",
    "đơn vị",
    "xác nhận",
    "đề nghị",
    "nhận xét",
    "báo cáo",
    "thành tích",
    "đăng ký",
    "cấp trên",
    "trực tiếp",
];

/// Longer than this, a group would not fit a heading column and is left
/// breakable.
const LONGEST_GROUP: usize = 24;

/// `text` with the spaces inside its words made no-break spaces: the words
/// of `WORDS`, "và" with the word after it (a line starts with the
/// conjunction, never ends with it), a lone "-" with the word before it,
/// and the text's last two words (most names end with a place: "BẮC
/// GIANG").
pub fn kept_phrases(text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    if words.len() < 2 {
        return text.to_owned();
    }
    // "NHẬN," is the word "nhận" for the list.
    let lower: Vec<String> = words
        .iter()
        .map(|w| w.trim_end_matches([',', ';', ':', '.']).to_lowercase())
        .collect();
    // glue[i]: the space after word i stays a space.
    let mut glue = vec![false; words.len() - 1];
    for i in 0..glue.len() {
        let pair = format!("{} {}", lower[i], lower[i + 1]);
        glue[i] = WORDS.contains(&pair.as_str())
            || lower[i] == "và"
            || words[i + 1] == "-"
            || i + 2 == words.len();
    }
    // A group longer than LONGEST_GROUP is cut where it reaches it.
    let mut out = String::with_capacity(text.len() + 8);
    let mut group = 0;
    for (i, word) in words.iter().enumerate() {
        let width = word.chars().count();
        if i > 0 && glue[i - 1] && group + 1 + width <= LONGEST_GROUP {
            out.push('\u{a0}');
            group += 1 + width;
        } else {
            if i > 0 {
                out.push(' ');
            }
            group = width;
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> String {
        kept_phrases(text).replace('\u{a0}', "_")
    }

    #[test]
    fn words_of_two_syllables_stay_whole() {
        assert_eq!(
            shown("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG CƠ QUAN"),
            "HỘI_ĐỒNG THI_ĐUA_- KHEN_THƯỞNG CƠ_QUAN"
        );
        assert_eq!(
            shown("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"),
            "PHÒNG GIÁO_DỤC VÀ_ĐÀO_TẠO"
        );
        assert_eq!(
            shown("BAN TỔ CHỨC TỈNH ỦY BẮC GIANG"),
            "BAN TỔ_CHỨC TỈNH_ỦY BẮC_GIANG"
        );
        assert_eq!(shown("TRƯỞNG BAN KIỂM PHIẾU"), "TRƯỞNG_BAN KIỂM_PHIẾU");
    }

    #[test]
    fn a_group_too_long_for_a_column_stays_breakable() {
        assert_eq!(
            shown("THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ"),
            "THỦ_TRƯỞNG ĐƠN_VỊ XÁC_NHẬN, ĐỀ_NGHỊ"
        );
        assert_eq!(
            shown("TRƯỜNG TRUNG HỌC PHỔ THÔNG NGUYỄN THỊ MINH KHAI"),
            "TRƯỜNG TRUNG_HỌC PHỔ_THÔNG NGUYỄN THỊ MINH_KHAI"
        );
        assert_eq!(shown("Lan"), "Lan");
    }
}
