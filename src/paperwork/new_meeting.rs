//! `tdkt new cuoc-hop lua-chon|cuoi-nam` and `tdkt new to-trinh`: the
//! council's meeting and its proposal, to fill in. What the plan already
//! knows is written (the chair and secretary, who is put to the vote, the
//! head the proposal goes to); what only the meeting can tell (times,
//! place, the votes) is marked for the clerk, never made up.

use chrono::{Datelike, NaiveDate};

use super::new_record::scalar;
use crate::records::{Kind, Records};
use crate::vocab::{Format, MeetingKind, Role};
use crate::words::{date_numeric, head_of};

/// A meeting's record: its id (the day and its stage, as the example
/// names them) and text.
pub(super) fn meeting(
    records: &Records,
    stage: &str,
    date: NaiveDate,
    notes: &mut Vec<String>,
) -> Result<(String, String), String> {
    let kind = match stage.trim().replace('-', "_").as_str() {
        "lua_chon" => MeetingKind::Selection,
        "cuoi_nam" | "binh_xet" => MeetingKind::YearEnd,
        _ => {
            return Err(format!(
                "cuộc họp \"{stage}\" không rõ loại: hãy ghi lua-chon (lựa chọn đầu năm) hoặc binh-xet (bình xét cuối năm; cuoi-nam cũng được)"
            ));
        }
    };
    in_the_plan_s_year(records, date)?;
    let council = &records.plan.hoi_dong;
    let member = |role: Role| council.member(role).map(|id| id.as_str());
    let chair = match member(Role::Chair) {
        Some(id) => format!("chu_tri: {id}\n"),
        None => {
            notes.push("Hội đồng chưa có Chủ tịch: hãy ghi chu_tri".to_owned());
            "# chu_tri: <mã cá nhân>\n".to_owned()
        }
    };
    let secretary = match member(Role::Secretary) {
        Some(id) => format!("thu_ky: {id}\n"),
        None => {
            notes.push(
                "Hội đồng trong kế hoạch chưa có thư ký (vai_tro: thu_ky): hãy ghi thu_ky"
                    .to_owned(),
            );
            "# thu_ky: <mã cá nhân>\n".to_owned()
        }
    };
    let earlier = records
        .meetings
        .values()
        .max_by_key(|m| m.bat_dau)
        .map(|m| m.dia_diem.to_string());
    // Say where the place came from: there may be no earlier meeting.
    notes.push(if earlier.is_some() {
        "giờ họp ghi 08:00 đến 10:00 và nơi họp như cuộc họp trước; sửa cho đúng".to_owned()
    } else {
        "giờ họp ghi 08:00 đến 10:00 và nơi họp là phòng họp của cơ quan; sửa cho đúng".to_owned()
    });
    let place = earlier.unwrap_or_else(|| format!("Phòng họp {}", records.plan.co_quan.ten_goi));
    let mut votes = String::new();
    for candidate in records.put_to(kind) {
        votes.push_str(&format!(
            "#   - {{ ung_vien: {}, phieu_phat_ra: , phieu_thu_ve: , phieu_hop_le: , dong_y: , duoc_chon:  }}  # {}\n",
            candidate.id(),
            candidate.name()
        ));
    }
    if votes.is_empty() {
        notes.push(match kind {
            MeetingKind::Selection => {
                "chưa ai đăng ký (dang_ky): phiếu bầu chưa có tên ai".to_owned()
            }
            MeetingKind::YearEnd => {
                "cuộc họp lựa chọn chưa chọn ai: phiếu bầu chưa có tên ai".to_owned()
            }
        });
    }
    let day = date.format("%Y-%m-%d");
    let id = match kind {
        MeetingKind::Selection => format!("{day}-lua-chon"),
        MeetingKind::YearEnd => format!("{day}-binh-xet"),
    };
    let text = format!(
        "# Cuộc họp Hội đồng: {label}. Các khóa khác (so, ban_kiem_phieu, ket_luan, noi_nhan, ban_hanh, so_phieu_in): tdkt help records.\n\
         loai: {code}\n\
         # Bắt đầu và kết thúc: YYYY-MM-DD HH:MM.\n\
         bat_dau: {day} 08:00\n\
         ket_thuc: {day} 10:00\n\
         dia_diem: {place}\n\
         # Chủ trì và thư ký: mã cá nhân, thành viên Hội đồng có mặt.\n\
         {chair}{secretary}\
         # Thành viên vắng mặt, mỗi người một dòng, ý kiến bằng văn bản nếu có:\n\
         # vang_mat:\n\
         #   - {{ nguoi: <mã cá nhân>, ly_do: đi công tác }}\n\
         # Kết quả biểu quyết: [] trước cuộc họp (phiếu bầu in tên những người dưới đây). Sau cuộc họp,\n\
         # xóa dòng \"bieu_quyet: []\", bỏ dấu # ở các dòng dưới và điền số phiếu, duoc_chon: true hay false.\n\
         bieu_quyet: []\n\
         # bieu_quyet:\n\
         {votes}",
        label = kind.label(),
        code = kind.code(),
        place = scalar(&place),
    );
    Ok((id, text))
}

/// A proposal's record: its id and text. It goes to the body's head for
/// the year-end meeting's choice, one form for all, as the example's does.
pub(super) fn proposal(
    records: &Records,
    date: NaiveDate,
    notes: &mut Vec<String>,
) -> Result<(String, String), String> {
    in_the_plan_s_year(records, date)?;
    let plan = &records.plan;
    let Some((meeting_id, meeting)) = records.meetings_of(MeetingKind::YearEnd).pop() else {
        return Err(
            "kế hoạch chưa có cuộc họp bình xét cuối năm; hãy lập trước: tdkt new cuoc-hop binh-xet"
                .to_owned(),
        );
    };
    let head = plan
        .co_quan
        .thu_truong
        .as_ref()
        .and_then(|h| records.people.get(h))
        .map(|p| head_of(p.chuc_vu.as_str(), plan.co_quan.ten_goi.as_str()))
        .ok_or_else(|| {
            "kế hoạch chưa ghi thủ trưởng cơ quan (co_quan.thu_truong): tờ trình gửi ai?".to_owned()
        })?;
    let addressee = match plan.the_thuc {
        Format::Party => format!("Đồng chí {head}"),
        Format::State => head.clone(),
    };
    notes.push(format!(
        "kính gửi {addressee}, đề nghị Giấy khen của {head} cho mọi người cuộc họp {meeting_id} chọn; sửa nếu khác (nhiều hình thức: de_nghi)"
    ));
    let signer = council_signer(records, notes);
    let id = format!("{}-de-nghi-khen-thuong", date.format("%Y-%m-%d"));
    let text = format!(
        "# Tờ trình đề nghị khen thưởng. Các khóa khác (so, trich_yeu, de_nghi, nguoi_ky, noi_nhan, ban_hanh): tdkt help records.\n\
         ngay: {day}\n\
         # Nơi kính gửi: người quyết định khen thưởng.\n\
         kinh_gui: [{addressee}]\n\
         # Một hình thức cho mọi tập thể, cá nhân cuộc họp đã chọn; nhiều hình thức: thay bằng de_nghi.\n\
         hinh_thuc: {form}\n\
         # Cuộc họp bình xét cuối năm (tệp cuoc-hop/<mã>.yaml): người được đề nghị là người cuộc họp chọn.\n\
         cuoc_hop: {meeting_id}\n\
         # Người ký: Hội đồng trình, không phải người nhận.\n\
         {signer}\
         kem_theo:\n\
         \x20 - {minutes}\n\
         \x20 - Báo cáo thành tích của tập thể, cá nhân được đề nghị khen thưởng\n",
        day = date.format("%Y-%m-%d"),
        addressee = scalar(&addressee),
        form = scalar(&format!("Giấy khen của {head}")),
        minutes = scalar(&format!(
            "Biên bản họp {} ngày {}",
            plan.hoi_dong.ten,
            date_numeric(meeting.bat_dau.0.date())
        )),
    );
    Ok((id, text))
}

/// Who signs a proposal the council sends to the body's head: its chair on
/// its behalf ("TM. HỘI ĐỒNG …"), or, when the chair is that head, the vice
/// chair for the chair ("TM. … / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH") — never the
/// one it goes to.
fn council_signer(records: &Records, notes: &mut Vec<String>) -> String {
    let council = &records.plan.hoi_dong;
    let member = |role: Role| council.member(role).map(|id| id.as_str());
    let head = records.plan.co_quan.thu_truong.as_ref().map(|h| h.as_str());
    match (member(Role::Chair), member(Role::ViceChair)) {
        (Some(chair), _) if Some(chair) != head => format!(
            "nguoi_ky: {{ tham_quyen: thay_mat, thay_cho: HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG, \
             chuc_vu: CHỦ TỊCH, nguoi: {chair} }}\n"
        ),
        (_, Some(vice)) => format!(
            "nguoi_ky: {{ thay_mat_tap_the: HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG, tham_quyen: ky_thay, \
             thay_cho: CHỦ TỊCH, chuc_vu: PHÓ CHỦ TỊCH, nguoi: {vice} }}\n"
        ),
        _ => {
            notes.push(
                "Chủ tịch Hội đồng là thủ trưởng, người nhận tờ trình, và Hội đồng chưa có Phó Chủ \
                 tịch (vai_tro: pho_chu_tich): hãy ghi nguoi_ky"
                    .to_owned(),
            );
            "# nguoi_ky: { thay_mat_tap_the: HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG, tham_quyen: ky_thay, \
             thay_cho: CHỦ TỊCH, chuc_vu: PHÓ CHỦ TỊCH, nguoi: <mã> }\n"
                .to_owned()
        }
    }
}

fn in_the_plan_s_year(records: &Records, date: NaiveDate) -> Result<(), String> {
    if date.year() == records.plan.nam {
        Ok(())
    } else {
        Err(format!(
            "ngày {} không thuộc năm {} của kế hoạch; hãy cho --ngay YYYY-MM-DD",
            date.format("%d/%m/%Y"),
            records.plan.nam
        ))
    }
}

/// The folders whose ids a new record of `kind` must not take.
pub(super) fn id_folders(kind: Kind) -> &'static [Kind] {
    match kind {
        Kind::Meeting => &[Kind::Meeting],
        Kind::Proposal => &[Kind::Proposal],
        _ => &[Kind::Person, Kind::Collective],
    }
}
