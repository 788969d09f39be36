//! The criteria a candidate is held to: the plan's own (where it states
//! them) and the law's for the title registered for. The table of rules in
//! [`super::rules`] names each by id.

use chrono::Datelike;

use super::rules::Verdict;
use crate::records::{Candidate, Collective, Criteria, Person, Query};
use crate::ruleset;
use crate::text::Id;
use crate::vocab::{PersonTitle, Rating};
use crate::words::date_padded;

/// How a rule that reads a person's rating says there is none yet: before
/// the year-end meeting, `check` shows such a rule as not yet judged.
pub(super) const NOT_RATED: &str = "chưa có xếp loại năm";

/// The seed's Mục II.1.1: part of the plan's own criteria, so only where
/// the plan states them.
pub(super) fn chung_1(q: &dyn Query, c: &Candidate) -> Verdict {
    if plan_criteria(q).is_none() {
        return Verdict::KhongApDung;
    }
    match c.registration().map(|r| r.lam_theo_bac) {
        Some(true) => Verdict::Dat,
        Some(false) => Verdict::KhongDat(
            "chưa đăng ký làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh".into(),
        ),
        None => Verdict::KhongDat("chưa có bản đăng ký".into()),
    }
}

pub(super) fn nd_1(_: &dyn Query, c: &Candidate) -> Verdict {
    match c.registration().map(|r| r.noi_dung.len()) {
        Some(n) if n > 0 => Verdict::Dat,
        Some(_) => Verdict::KhongDat("bản đăng ký chưa chọn nội dung nào của kế hoạch".into()),
        None => Verdict::KhongDat("chưa có bản đăng ký".into()),
    }
}

pub(super) fn qt_1(q: &dyn Query, c: &Candidate) -> Verdict {
    let plan = q.plan();
    match c.registration().map(|r| r.ngay.0) {
        None => Verdict::KhongDat("chưa có bản đăng ký".into()),
        Some(d) if d.year() != plan.nam => Verdict::KhongDat(format!(
            "ngày đăng ký {} không thuộc năm {} của kế hoạch",
            date_padded(d),
            plan.nam
        )),
        Some(d) => match plan.han_dang_ky {
            Some(deadline) if d > deadline.0 => Verdict::KhongDat(format!(
                "đăng ký ngày {}, sau hạn {}",
                date_padded(d),
                date_padded(deadline.0)
            )),
            _ => Verdict::Dat,
        },
    }
}

/// The plan's own criteria, when it states them; a rule on them does not
/// apply to a plan that states none.
fn plan_criteria(q: &dyn Query) -> Option<&Criteria> {
    q.plan().tieu_chuan.as_ref()
}

pub(super) fn tt_1(q: &dyn Query, x: &Collective) -> Verdict {
    let Some(criteria) = plan_criteria(q) else {
        return Verdict::KhongApDung;
    };
    let wanted = criteria.danh_hieu_toi_thieu_phong;
    match x.danh_hieu_dat_duoc {
        Some(t) if t >= wanted => Verdict::Dat,
        Some(t) => Verdict::KhongDat(format!(
            "danh hiệu cuối năm là {}, chưa đạt {}",
            t.label(),
            wanted.label()
        )),
        None => Verdict::KhongDat(format!("chưa có danh hiệu cuối năm năm {}", q.plan().nam)),
    }
}

pub(super) fn cn_1(q: &dyn Query, _: &Id, x: &Person) -> Verdict {
    let Some(criteria) = plan_criteria(q) else {
        return Verdict::KhongApDung;
    };
    let wanted = criteria.xep_loai_toi_thieu;
    match x.xep_loai {
        Some(r) if r >= wanted => Verdict::Dat,
        Some(r) => Verdict::KhongDat(format!(
            "xếp loại {}, chưa đạt {}",
            r.label(),
            wanted.label()
        )),
        None => Verdict::KhongDat(format!("{NOT_RATED} {}", q.plan().nam)),
    }
}

/// How many of a person's initiatives were recognised.
fn recognised(x: &Person) -> u32 {
    x.sang_kien.iter().filter(|s| s.cong_nhan.is_some()).count() as u32
}

pub(super) fn cn_2(q: &dyn Query, _: &Id, x: &Person) -> Verdict {
    let Some(criteria) = plan_criteria(q) else {
        return Verdict::KhongApDung;
    };
    let wanted = criteria.so_sang_kien_toi_thieu;
    let recognised = recognised(x);
    if recognised >= wanted {
        Verdict::Dat
    } else if recognised == 0 {
        let pending = if x.sang_kien.is_empty() {
            ""
        } else {
            " (sáng kiến đã có chưa được công nhận)"
        };
        Verdict::KhongDat(format!(
            "chưa có sáng kiến được Hội đồng sáng kiến công nhận{pending}"
        ))
    } else {
        Verdict::KhongDat(format!(
            "có {recognised} sáng kiến được công nhận, kế hoạch yêu cầu ít nhất {wanted:02}"
        ))
    }
}

pub(super) fn cn_3(q: &dyn Query, id: &Id, x: &Person) -> Verdict {
    let Some(criteria) = plan_criteria(q) else {
        return Verdict::KhongApDung;
    };
    let wanted = criteria.danh_hieu_toi_thieu_phong;
    let led = q.units_led(id, x);
    if led.is_empty() {
        return Verdict::KhongApDung;
    }
    let short: Vec<String> = led
        .iter()
        .filter(|c| c.danh_hieu_dat_duoc.is_none_or(|t| t < wanted))
        .map(|c| match c.danh_hieu_dat_duoc {
            Some(t) => format!("{} chỉ đạt {}", c.ten, t.label()),
            None => format!("{} chưa có danh hiệu cuối năm", c.ten),
        })
        .collect();
    if short.is_empty() {
        Verdict::Dat
    } else {
        Verdict::KhongDat(format!(
            "là lãnh đạo phụ trách phòng nhưng {}; cần {} trở lên",
            short.join("; "),
            wanted.label()
        ))
    }
}

/// The law's criteria of the title a person registered for, by the rule set
/// in force at the end of the plan's year (when titles are awarded).
pub(super) fn dh_1(q: &dyn Query, _: &Id, x: &Person) -> Verdict {
    let Some(title) = x.dang_ky.as_ref().map(|r| r.danh_hieu) else {
        return Verdict::KhongApDung;
    };
    let set = ruleset::in_force(ruleset::year_end(q.plan()));
    let Some(rating) = x.xep_loai else {
        return Verdict::KhongDat(format!(
            "{NOT_RATED} {} để xét danh hiệu {}",
            q.plan().nam,
            title.label()
        ));
    };
    if rating < Rating::CompletedWell {
        return Verdict::KhongDat(format!(
            "xếp loại {}; theo {}, danh hiệu {} cần hoàn thành tốt nhiệm vụ trở lên",
            rating.label(),
            set.law,
            title.label()
        ));
    }
    match title {
        PersonTitle::AdvancedWorker => Verdict::Dat,
        PersonTitle::GrassrootsEmulationFighter => {
            let initiative = recognised(x) > 0;
            let excellent = rating == Rating::CompletedExcellently;
            if set.initiative_required && !initiative {
                Verdict::KhongDat(format!(
                    "theo {}, Chiến sĩ thi đua cơ sở cần sáng kiến được cơ sở công nhận",
                    set.law
                ))
            } else if !(initiative || excellent) {
                Verdict::KhongDat(format!(
                    "theo {}, Chiến sĩ thi đua cơ sở cần hoàn thành xuất sắc nhiệm vụ hoặc có \
                     sáng kiến được cơ sở công nhận",
                    set.law
                ))
            } else {
                Verdict::Dat
            }
        }
        // Titles above the grassroots are the superior's to judge.
        PersonTitle::ProvincialEmulationFighter => Verdict::KhongApDung,
    }
}

pub(super) fn kl_1(q: &dyn Query, _: &Id, x: &Person) -> Verdict {
    match x.ky_luat.iter().find(|k| k.ngay.0.year() == q.plan().nam) {
        None => Verdict::Dat,
        Some(k) => Verdict::KhongDat(format!(
            "bị kỷ luật {} ngày {}",
            k.hinh_thuc.label(),
            date_padded(k.ngay.0)
        )),
    }
}
