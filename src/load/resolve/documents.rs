//! What a council's meetings, the documents the body issues (proposals, the
//! registration list, the year report) and the decisions it receives say of the other
//! records.

use std::collections::HashSet;
use std::path::Path;

use super::{Known, Refs};
use crate::format::type_code;
use crate::records::{
    Decision, DocNumber, Kind, Meeting, Proposal, RegistrationList, Signer, YearReport,
};
use crate::text::{Date, Line};
use crate::vocab::{Issuer, MeetingKind};
use crate::words::date_numeric;

pub(super) fn meeting_refs(known: &Known, refs: &mut Refs, m: &Meeting) {
    known.number(refs, m.so.as_ref(), type_code::MINUTES, m.issuer());
    for (field, id) in [("chu_tri", &m.chu_tri), ("thu_ky", &m.thu_ky)] {
        known.person(refs, field, id);
        if known.people.contains(id) && !known.council.contains(&id) {
            refs.report(
                field,
                format!(
                    "\"{id}\" không phải thành viên Hội đồng (xem hoi_dong trong {})",
                    Kind::PLAN_FILE
                ),
            );
        }
        if m.vang_mat.iter().any(|a| &a.nguoi == id) {
            refs.report(
                field,
                format!(
                    "\"{id}\" được ghi là vắng mặt nhưng lại {} cuộc họp",
                    if field == "chu_tri" {
                        "chủ trì"
                    } else {
                        "làm thư ký"
                    }
                ),
            );
        }
    }
    if m.ket_thuc <= m.bat_dau {
        refs.report("ket_thuc", "giờ kết thúc phải sau giờ bắt đầu".into());
    }
    for (i, id) in m.ban_kiem_phieu.iter().enumerate() {
        let field = format!("ban_kiem_phieu[{i}]");
        known.person(refs, &field, id);
        if m.vang_mat.iter().any(|a| &a.nguoi == id) {
            refs.report(
                &field,
                format!("\"{id}\" được ghi là vắng mặt nhưng lại ở Ban kiểm phiếu"),
            );
        }
    }
    if m.so_phieu_in == Some(0) {
        refs.report(
            "so_phieu_in",
            "số phiếu in phải từ 1 trở lên (1: in một phiếu để sao)".into(),
        );
    }
    let mut absent = HashSet::new();
    for (i, a) in m.vang_mat.iter().enumerate() {
        let field = format!("vang_mat[{i}].nguoi");
        known.person(refs, &field, &a.nguoi);
        if known.people.contains(&a.nguoi) && !known.council.contains(&&a.nguoi) {
            refs.report(
                &field,
                format!(
                    "\"{}\" không phải thành viên Hội đồng, không tính vắng mặt",
                    a.nguoi
                ),
            );
        }
        if !absent.insert(&a.nguoi) {
            refs.report(&field, format!("\"{}\" được ghi vắng mặt hai lần", a.nguoi));
        }
    }
    let mut voted = HashSet::new();
    for (i, vote) in m.bieu_quyet.iter().enumerate() {
        let field = format!("bieu_quyet[{i}].ung_vien");
        let exists =
            known.people.contains(&vote.ung_vien) || known.collectives.contains(&vote.ung_vien);
        if !exists && !known.seen.contains_key(&vote.ung_vien) {
            refs.report(
                &field,
                format!(
                    "không có ứng viên mã \"{}\" (cần tệp tap-the/{0}.yaml hoặc ca-nhan/{0}.yaml); hãy sửa mã hoặc thêm tệp",
                    vote.ung_vien
                ),
            );
        }
        if !voted.insert(&vote.ung_vien) {
            refs.report(
                &field,
                format!("ứng viên \"{}\" được biểu quyết hai lần", vote.ung_vien),
            );
        }
    }
    for (i, a) in m.vang_mat.iter().enumerate() {
        for (j, id) in a.dong_y.iter().enumerate() {
            if !voted.contains(id) {
                refs.report(
                    &format!("vang_mat[{i}].dong_y[{j}]"),
                    format!(
                        "\"{id}\" không có trong bieu_quyet của cuộc họp; ý kiến bằng văn bản chỉ \
                         đồng ý với ứng viên được biểu quyết"
                    ),
                );
            }
        }
    }
}

pub(super) fn proposal_refs(known: &Known, refs: &mut Refs, p: &Proposal) {
    known.number(
        refs,
        p.so.as_ref(),
        type_code::PROPOSAL,
        p.issuer(known.plan),
    );
    let meeting = known.meetings.get(&p.cuoc_hop);
    match meeting.map(|m| m.loai) {
        Some(MeetingKind::YearEnd) => {}
        Some(MeetingKind::Selection) => refs.report(
            "cuoc_hop",
            format!(
                "\"{}\" là cuộc họp lựa chọn; tờ trình đề nghị khen thưởng dựa trên cuộc họp bình xét cuối năm",
                p.cuoc_hop
            ),
        ),
        None => refs.expect("cuoc_hop", &p.cuoc_hop, Kind::Meeting, false),
    }
    if let Some(signer) = &p.nguoi_ky {
        known.signer(refs, "nguoi_ky", signer);
    }
    if p.kinh_gui.is_empty() {
        refs.report(
            "kinh_gui",
            "tờ trình phải có ít nhất một nơi kính gửi".into(),
        );
    }
    proposed_refs(refs, p, meeting.copied());
}

/// A proposal says its form once (`hinh_thuc`) or per group (`de_nghi`);
/// a group names only those the meeting chose, each once.
fn proposed_refs(refs: &mut Refs, p: &Proposal, meeting: Option<&Meeting>) {
    match (&p.hinh_thuc, p.de_nghi.is_empty()) {
        (None, true) => refs.report(
            "hinh_thuc",
            "tờ trình chưa ghi hình thức đề nghị: ghi hinh_thuc (một hình thức cho mọi tập thể, \
             cá nhân được bình xét) hoặc de_nghi (từng nhóm hinh_thuc và nguoi_nhan)"
                .into(),
        ),
        (Some(_), false) => refs.report(
            "de_nghi",
            "tờ trình ghi cả hinh_thuc và de_nghi; hãy giữ một: hinh_thuc cho mọi người được \
             bình xét, hoặc de_nghi cho từng nhóm"
                .into(),
        ),
        _ => {}
    }
    let mut named = HashSet::new();
    for (i, g) in p.de_nghi.iter().enumerate() {
        if g.nguoi_nhan.is_empty() {
            refs.report(
                &format!("de_nghi[{i}].nguoi_nhan"),
                format!("nhóm \"{}\" chưa ghi ai được đề nghị", g.hinh_thuc),
            );
        }
        for (j, id) in g.nguoi_nhan.iter().enumerate() {
            let field = format!("de_nghi[{i}].nguoi_nhan[{j}]");
            if !named.insert(id) {
                refs.report(
                    &field,
                    format!("\"{id}\" được đề nghị hai lần trong tờ trình"),
                );
            }
            let chosen = meeting.is_none_or(|m| {
                m.bieu_quyet
                    .iter()
                    .any(|v| &v.ung_vien == id && v.duoc_chon)
            });
            if !chosen {
                refs.report(
                    &field,
                    format!(
                        "\"{id}\" không được Hội đồng chọn ở cuộc họp {} nên không thể được đề \
                         nghị; tờ trình chỉ đề nghị những ai cuộc họp ấy đã chọn",
                        p.cuoc_hop
                    ),
                );
            }
        }
    }
}

/// The list's number carries its type code; its date lies in the plan's
/// year, and no one it lists registered after it (`last`: the latest
/// registration and its file).
pub(super) fn list_refs(
    known: &Known,
    refs: &mut Refs,
    l: &RegistrationList,
    year: i32,
    last: Option<(Date, &Path)>,
) {
    let code = l.ky_hieu.as_ref().map_or(type_code::LIST, |k| k.as_str());
    own_paper_refs(
        known,
        refs,
        (l.so.as_ref(), code),
        l.nguoi_ky.as_ref(),
        l.noi_nhan.as_deref(),
    );
    let Some(date) = l.ngay else { return };
    if chrono::Datelike::year(&date.0) != year {
        refs.report(
            "ngay",
            format!("danh sách đăng ký của kế hoạch năm {year} phải ban hành trong năm đó"),
        );
    } else if let Some((registered, file)) = last.filter(|(d, _)| *d > date) {
        refs.report(
            "ngay",
            format!(
                "danh sách ngày {} không thể có đăng ký ngày {} ({}); hãy ghi ngày danh sách sau mọi \
                 đăng ký, hoặc sửa ngày đăng ký",
                date_numeric(date.0),
                date_numeric(registered.0),
                file.display()
            ),
        );
    }
}

/// What a paper of the plan's own record (the list's, the report's) is
/// issued with: its number of its type, its signer, its recipients.
fn own_paper_refs(
    known: &Known,
    refs: &mut Refs,
    (so, code): (Option<&DocNumber>, &str),
    signer: Option<&Signer>,
    recipients: Option<&[Line]>,
) {
    known.number(refs, so, code, Issuer::Body);
    if let Some(signer) = signer {
        known.signer(refs, "nguoi_ky", signer);
    }
    if recipients.is_some_and(<[Line]>::is_empty) {
        refs.report(
            "noi_nhan",
            "hãy ghi ít nhất một nơi nhận, hoặc bỏ khóa này (mặc định của tdkt)".into(),
        );
    }
}

/// The year report is numbered as a report; it is issued in the plan's
/// year or early in the next, when the year's results are known.
/// Its date is not before the last meeting, proposal or decision it tells
/// (`told`, with its file).
pub(super) fn year_report_refs(
    known: &Known,
    refs: &mut Refs,
    y: &YearReport,
    year: i32,
    told: Option<(chrono::NaiveDate, &Path)>,
) {
    own_paper_refs(
        known,
        refs,
        (y.so.as_ref(), type_code::REPORT),
        y.nguoi_ky.as_ref(),
        y.noi_nhan.as_deref(),
    );
    let Some(date) = y.ngay else { return };
    if !(year..=year + 1).contains(&chrono::Datelike::year(&date.0)) {
        refs.report(
            "ngay",
            format!(
                "báo cáo kết quả kế hoạch năm {year} ban hành trong năm {year} hoặc đầu năm {}",
                year + 1
            ),
        );
    } else if let Some((day, file)) = told.filter(|(d, _)| *d > date.0) {
        refs.report(
            "ngay",
            format!(
                "báo cáo ngày {} không thể kể việc ngày {} ({}); hãy ghi ngày báo cáo sau việc \
                 cuối cùng nó kể",
                date_numeric(date.0),
                date_numeric(day),
                file.display()
            ),
        );
    }
}

/// A decision's recipients are the plan's units and people, each once; the
/// proposal it answers is one of the plan's.
pub(super) fn decision_refs(known: &Known, refs: &mut Refs, d: &Decision) {
    if let Some(p) = &d.to_trinh {
        refs.expect("to_trinh", p, Kind::Proposal, known.proposals.contains(p));
    }
    if d.khen_thuong.is_empty() {
        refs.report(
            "khen_thuong",
            "quyết định chưa ghi khen thưởng ai; hãy ghi hinh_thuc và nguoi_nhan".into(),
        );
    }
    let mut named = HashSet::new();
    for (i, g) in d.khen_thuong.iter().enumerate() {
        for (j, id) in g.nguoi_nhan.iter().enumerate() {
            let field = format!("khen_thuong[{i}].nguoi_nhan[{j}]");
            let exists = known.people.contains(id) || known.collectives.contains(id);
            if !exists && !known.seen.contains_key(id) {
                refs.report(
                    &field,
                    format!(
                        "không có tập thể hay cá nhân mã \"{id}\" (cần tệp tap-the/{id}.yaml hoặc \
                         ca-nhan/{id}.yaml); hãy sửa mã hoặc thêm tệp"
                    ),
                );
            }
            if !named.insert((&g.hinh_thuc, id)) {
                refs.report(
                    &field,
                    format!("\"{id}\" được ghi hai lần cùng một hình thức"),
                );
            }
        }
        for id in g.so_vang.keys() {
            if !g.nguoi_nhan.contains(id) {
                refs.report(
                    &format!("khen_thuong[{i}].so_vang.{id}"),
                    format!(
                        "\"{id}\" có số sổ vàng nhưng không có trong nguoi_nhan của hình thức này"
                    ),
                );
            }
        }
    }
    match &d.ban_hanh {
        None if d.so.is_none() => refs.report(
            "so",
            "quyết định nhận được phải ghi số và ký hiệu như bản quyết định (ví dụ 45-QĐ/BTCTU); \
             quyết định cơ quan tự ban hành thì ghi `ban_hanh`"
                .into(),
        ),
        None => {}
        Some(issuing) => {
            match d
                .so
                .as_ref()
                .map(|s| crate::records::number::parse(s.as_str()))
            {
                Some(Err(why)) => refs.report("so", why),
                Some(Ok(n)) => known.number(refs, Some(&n), type_code::DECISION, Issuer::Body),
                None => {}
            }
            known.signer(refs, "ban_hanh.nguoi_ky", &issuing.nguoi_ky);
            for (i, g) in d.khen_thuong.iter().enumerate() {
                let unpriced = g.he_so.is_none()
                    && g.nguoi_nhan.iter().any(|id| {
                        let collective = known.collectives.contains(id);
                        crate::ruleset::reward_tenths(g.hinh_thuc.as_str(), collective).is_none()
                    });
                if unpriced {
                    refs.report(
                        &format!("khen_thuong[{i}].hinh_thuc"),
                        format!(
                            "tdkt không biết mức tiền thưởng của \"{}\"; hãy ghi `he_so` (số lần \
                             mức lương cơ sở, ví dụ 0,3)",
                            g.hinh_thuc
                        ),
                    );
                }
            }
        }
    }
}
