//! Enumerated values. Each accepts its short code (`hoan_thanh_xuat_sac`) or
//! its full Vietnamese wording (`hoàn thành xuất sắc nhiệm vụ`), in any case;
//! variants are declared lowest first, so `Ord` is the official ranking.

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident, $what:literal { $($variant:ident => $code:literal, $label:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// What this vocabulary names, for messages.
            pub const WHAT: &'static str = $what;

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The value its code or its wording names, in any case.
            pub fn from_text(raw: &str) -> Option<$name> {
                parse(raw, $name::ALL, |v| (v.code(), v.label()))
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = String::deserialize(d)?;
                $name::from_text(&raw).ok_or_else(|| {
                    de::Error::custom(unknown_value(&raw, $what, $name::ALL.iter().map(|v| (v.code(), v.label()))))
                })
            }
        }

        // The schema editors read: every code and every wording to choose
        // from, and, as the loader takes them, in any case.
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let names: Vec<&str> = $name::ALL.iter().flat_map(|v| [v.code(), v.label()]).collect();
                let pattern = any_case(&names);
                schemars::json_schema!({
                    "anyOf": [
                        { "type": "string", "enum": names },
                        { "type": "string", "pattern": pattern }
                    ],
                    "x-tdkt-mo-ta": $what
                })
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }
    };
}

/// A regular expression (ECMA, as JSON Schema takes it) matching any of
/// `names` in any case, with spaces around: what `parse` accepts, short of
/// decomposed (NFD) text, which the loader composes first.
fn any_case(names: &[&str]) -> String {
    let alternatives: Vec<String> = names
        .iter()
        .map(|name| {
            name.chars()
                .map(|c| {
                    let (lower, upper): (String, String) =
                        (c.to_lowercase().collect(), c.to_uppercase().collect());
                    if lower == upper {
                        regex_literal(c)
                    } else {
                        format!("[{lower}{upper}]")
                    }
                })
                .collect()
        })
        .collect();
    format!("^\\s*(?:{})\\s*$", alternatives.join("|"))
}

fn regex_literal(c: char) -> String {
    if "\\^$.|?*+()[]{}".contains(c) {
        format!("\\{c}")
    } else {
        c.to_string()
    }
}

fn parse<T: Copy>(
    raw: &str,
    all: &[T],
    names: impl Fn(T) -> (&'static str, &'static str),
) -> Option<T> {
    let wanted = crate::text::folded(raw);
    all.iter().copied().find(|&v| {
        let (code, label) = names(v);
        wanted == code || wanted == crate::text::folded(label)
    })
}

fn unknown_value<'a>(
    raw: &str,
    what: &str,
    names: impl Iterator<Item = (&'a str, &'a str)>,
) -> String {
    let accepted: Vec<String> = names
        .map(|(code, label)| format!("{code} ({label})"))
        .collect();
    format!(
        "{what} \"{}\" không có trong danh mục; hãy ghi một trong: {}",
        raw.trim(),
        accepted.join(", ")
    )
}

vocabulary! {
    /// Which official format the body writes in.
    Format, "thể thức" {
        Party => "dang", "thể thức văn bản của Đảng";
        State => "nha_nuoc", "thể thức văn bản hành chính nhà nước";
    }
}

vocabulary! {
    /// Annual rating of an individual, lowest first.
    Rating, "xếp loại" {
        NotCompleted => "khong_hoan_thanh", "không hoàn thành nhiệm vụ";
        Completed => "hoan_thanh", "hoàn thành nhiệm vụ";
        CompletedWell => "hoan_thanh_tot", "hoàn thành tốt nhiệm vụ";
        CompletedExcellently => "hoan_thanh_xuat_sac", "hoàn thành xuất sắc nhiệm vụ";
    }
}

vocabulary! {
    /// Emulation titles of an individual, lowest first.
    PersonTitle, "danh hiệu cá nhân" {
        AdvancedWorker => "lao_dong_tien_tien", "Lao động tiên tiến";
        GrassrootsEmulationFighter => "chien_si_thi_dua_co_so", "Chiến sĩ thi đua cơ sở";
        ProvincialEmulationFighter => "chien_si_thi_dua_cap_tinh", "Chiến sĩ thi đua cấp tỉnh";
    }
}

vocabulary! {
    /// Emulation titles of a collective, lowest first.
    CollectiveTitle, "danh hiệu tập thể" {
        Advanced => "tap_the_lao_dong_tien_tien", "Tập thể lao động tiên tiến";
        Excellent => "tap_the_lao_dong_xuat_sac", "Tập thể lao động xuất sắc";
    }
}

vocabulary! {
    /// Roles in the emulation and commendation council.
    Role, "vai trò trong Hội đồng" {
        Chair => "chu_tich", "Chủ tịch Hội đồng";
        ViceChair => "pho_chu_tich", "Phó Chủ tịch Hội đồng";
        Secretary => "thu_ky", "Ủy viên, Thư ký Hội đồng";
        Member => "uy_vien", "Ủy viên";
    }
}

vocabulary! {
    /// Disciplinary measures (Party and State), mildest first.
    Discipline, "hình thức kỷ luật" {
        Reprimand => "khien_trach", "khiển trách";
        Warning => "canh_cao", "cảnh cáo";
        SalaryDemotion => "ha_bac_luong", "hạ bậc lương";
        Demotion => "giang_chuc", "giáng chức";
        Dismissal => "cach_chuc", "cách chức";
        Expulsion => "khai_tru", "khai trừ";
        Discharge => "buoc_thoi_viec", "buộc thôi việc";
    }
}

vocabulary! {
    Gender, "giới tính" {
        Male => "nam", "nam";
        Female => "nu", "nữ";
    }
}

vocabulary! {
    /// Who issues a document in its own name, with its own heading and
    /// number series: the body, or its emulation council.
    Issuer, "cơ quan ban hành" {
        Body => "co_quan", "cơ quan";
        Council => "hoi_dong", "Hội đồng Thi đua - Khen thưởng";
    }
}

vocabulary! {
    /// How a list orders units and people: as a clerk orders a list (the
    /// body's leaders, then each unit, its head and deputies first), or by
    /// name.
    ListOrder, "cách sắp xếp" {
        ByUnit => "theo_don_vi", "theo đơn vị, chức vụ";
        ByName => "theo_ten", "theo tên";
    }
}

vocabulary! {
    /// The kind of council meeting (seed plan, Mục III.3).
    MeetingKind, "loại cuộc họp" {
        Selection => "lua_chon", "lựa chọn điển hình tiên tiến";
        YearEnd => "cuoi_nam", "bình xét cuối năm";
    }
}

vocabulary! {
    /// How a signer signs: for a collective, for the head, by delegation.
    /// The written prefix depends on the format (see `render`).
    Authority, "thẩm quyền ký" {
        OnBehalf => "thay_mat", "thay mặt";
        ForHead => "ky_thay", "ký thay";
        ByOrder => "thua_lenh", "thừa lệnh";
        ByDelegation => "thua_uy_quyen", "thừa ủy quyền";
        Acting => "quyen", "quyền";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml<T: for<'de> Deserialize<'de>>(s: &str) -> Result<T, String> {
        serde_yaml::from_str(s).map_err(|e| e.to_string())
    }

    #[test]
    fn code_and_wording_and_nfd_wording_all_parse() {
        assert_eq!(
            yaml::<Rating>("hoan_thanh_xuat_sac"),
            Ok(Rating::CompletedExcellently)
        );
        assert_eq!(
            yaml::<Rating>("Hoàn thành xuất sắc nhiệm vụ"),
            Ok(Rating::CompletedExcellently)
        );
        let nfd = "hoa\u{300}n tha\u{300}nh to\u{302}\u{301}t nhie\u{323}\u{302}m vu\u{323}";
        assert_eq!(yaml::<Rating>(nfd), Ok(Rating::CompletedWell));
    }

    #[test]
    fn unknown_value_lists_the_accepted_ones() {
        let err = yaml::<CollectiveTitle>("xuat_sac").unwrap_err();
        assert!(
            err.contains("danh hiệu tập thể \"xuat_sac\" không có trong danh mục"),
            "{err}"
        );
        assert!(
            err.contains("tap_the_lao_dong_xuat_sac (Tập thể lao động xuất sắc)"),
            "{err}"
        );
    }

    #[test]
    fn ranking_follows_declaration() {
        assert!(Rating::CompletedExcellently > Rating::CompletedWell);
        assert!(CollectiveTitle::Excellent > CollectiveTitle::Advanced);
        assert!(PersonTitle::GrassrootsEmulationFighter > PersonTitle::AdvancedWorker);
    }
}
