//! A proposal goes to the authority that decides: a proposal addressed to
//! the body's head and signed by that same person asks the signer to
//! grant their own request (a one-level body whose head chairs the
//! council). Said as a note, with what to write instead.

use crate::problem::Problem;
use crate::records::Records;
use crate::words::head_of;

pub(super) fn signed_by_the_addressee(records: &Records) -> Vec<Problem> {
    let plan = &records.plan;
    let Some(head_id) = &plan.co_quan.thu_truong else {
        return Vec::new();
    };
    let Some(head) = records.people.get(head_id) else {
        return Vec::new();
    };
    let title = head_of(head.chuc_vu.as_str(), plan.co_quan.ten_goi.as_str());
    let wanted = title.to_lowercase();
    records
        .proposals
        .iter()
        .filter(|(_, p)| {
            let signer = p.nguoi_ky.as_ref().unwrap_or(&plan.nguoi_ky);
            signer.nguoi == *head_id
                && p.kinh_gui
                    .iter()
                    .any(|to| to.as_str().to_lowercase().contains(&wanted))
        })
        .map(|(id, _)| {
            let file = records.file_of(crate::records::Kind::Proposal, id);
            Problem::new(
                &file,
                "nguoi_ky",
                format!(
                    "tờ trình gửi {title} lại do chính {} ký: tờ trình đi từ Hội đồng đến người \
                     quyết định — hãy để Phó Chủ tịch Hội đồng ký thay (nguoi_ky: {{ \
                     thay_mat_tap_the: HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG, tham_quyen: ky_thay, \
                     thay_cho: CHỦ TỊCH, chuc_vu: PHÓ CHỦ TỊCH, nguoi: <mã> }}), hoặc gửi cấp có \
                     thẩm quyền cao hơn",
                    head.ho_ten
                ),
            )
        })
        .collect()
}
