//! Báo cáo kết quả thực hiện kế hoạch: the year on one paper for the
//! body's leadership and the council above — how many registered, who was
//! chosen and when, each periodic evaluation, the year-end choice, the
//! proposals and the awards decided — with counts and names, all from the
//! records. Numbered, dated and signed as its record beside the plan
//! (`bao-cao-ket-qua.yaml`) says; a draft with blanks without it.

use chrono::NaiveDate;
use serde::Serialize;

use super::context::{self, Common, NumberOf, SignerCtx};
use super::{Document, Draft, Output, Reader, Template};
use crate::format::{RecipientLine, type_code};
use crate::records::{Candidate, Decision, Kind, Meeting, Plan, Proposal, Records};
use crate::text::{Id, Line};
use crate::vocab::{Issuer, MeetingKind};
use crate::words::{date_numeric, date_words, in_words, two_digits};

pub struct YearReportDocument;

/// A stage of the year: its sentence's figures and the names it gives.
#[derive(Serialize)]
pub struct Step {
    ngay: Option<String>,
    so_luong: String,
    ten: Vec<String>,
}

#[derive(Serialize)]
pub struct Context<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    so_hieu: String,
    dia_danh_ngay: String,
    trich_yeu: String,
    /// How many registered; their names are the registration list's.
    dang_ky: String,
    lua_chon: Option<Step>,
    /// Whether the plan's cycle has a selection (a meeting, or a quota for
    /// one): without, the report has no section on it and counts on.
    co_lua_chon: bool,
    /// "Ngô Văn Khải, 6 tháng đầu năm (30/6/2020)" and its result.
    danh_gia: Vec<(String, String)>,
    cuoi_nam: Option<Step>,
    /// How "chưa có" ends when nothing was proposed: the report's end when
    /// no section follows.
    ket_chua_co: String,
    /// Each line with its end punctuation.
    de_nghi: Vec<String>,
    khen_thuong: Vec<String>,
    /// The record's assessment and recommendations, one paragraph each.
    danh_gia_chung: Vec<String>,
    kien_nghi: Vec<String>,
    nguoi_ky: SignerCtx,
    noi_nhan: Vec<RecipientLine>,
}

/// "02 tập thể và 03 cá nhân", and the names, units first.
fn step(date: Option<NaiveDate>, who: &[Candidate]) -> Step {
    let units = who.iter().filter(|c| c.kind() == Kind::Collective).count() as u32;
    let people = who.len() as u32 - units;
    let mut listed = who.to_vec();
    listed.sort_by_cached_key(Candidate::listing_key);
    let ten = listed.iter().map(|c| c.name().to_owned()).collect();
    Step {
        ngay: date.map(date_numeric),
        so_luong: format!(
            "{} tập thể và {} cá nhân",
            two_digits(units),
            two_digits(people)
        ),
        ten,
    }
}

/// Ends every line of the sections with "." and the report's last
/// sentence — the last line of the first section, in `last_first` order,
/// that has any — with the format's `ending` ("./." in the State's). What
/// "chưa có" ends with when every section is empty: that ending, else ".".
fn close_sections(last_first: [&mut Vec<String>; 4], ending: &str) -> String {
    let mut closing = Some(ending.to_owned());
    for section in last_first {
        let count = section.len();
        for (i, line) in section.iter_mut().enumerate() {
            let bare = line.trim_end_matches(['.', '/', ';', ' ']).to_owned();
            let last = i + 1 == count && closing.is_some();
            *line = format!("{bare}{}", if last { ending } else { "." });
        }
        if count > 0 {
            closing = None;
        }
    }
    closing.unwrap_or_else(|| ".".to_owned())
}

impl Document for YearReportDocument {
    const NAME: &'static str = "bao-cao-ket-qua";
    const TITLE: &'static str = "Báo cáo kết quả thực hiện kế hoạch";
    const ISSUED: bool = true;
    const ONE_PER: &'static str = "mỗi kế hoạch có cuộc họp Hội đồng";
    const TEMPLATE: Template = template!("bao-cao-ket-qua.typ.j2");
    const OUTPUT: Output = Output::One("bao-cao-ket-qua");
    const CODE: Option<&'static str> = Some(type_code::REPORT);
    const CITES_PLAN: bool = true;
    type Context<'a> = Context<'a>;

    fn sources(records: &Records) -> Vec<Id> {
        if records.meetings.is_empty() {
            Vec::new()
        } else {
            vec![Records::plan_id()]
        }
    }

    fn draft<'a>(r: &Reader<'a>, _: &Id) -> Option<Draft<Context<'a>>> {
        let plan = r.plan();
        let format = plan.the_thuc;
        let registrants = r.registrants();
        let selections = r.meetings_of(MeetingKind::Selection);
        let year_ends = r.meetings_of(MeetingKind::YearEnd);
        let mut last = None;
        let lua_chon = selections.first().map(|(_, m)| {
            last = Some(m.ket_thuc.0.date());
            step(Some(m.bat_dau.0.date()), &r.chosen(m))
        });
        let danh_gia = evaluations_in_time(r, selections.first().map(|(_, m)| *m));
        let cuoi_nam = year_ends.first().map(|(_, m)| {
            last = Some(m.ket_thuc.0.date());
            step(Some(m.bat_dau.0.date()), &r.chosen(m))
        });
        let (proposals, decisions) = r.proposals_and_decisions();
        last = proposals
            .iter()
            .map(|(_, p)| p.ngay.0)
            .chain(decisions.iter().map(|(_, d)| d.ngay.0))
            .fold(last, |last, day| last.max(Some(day)));
        let mut de_nghi: Vec<String> = proposals.iter().map(|(_, p)| proposed(plan, p)).collect();
        // Each decision once, with every form it awards.
        let mut khen_thuong: Vec<String> = decisions.iter().map(|(_, d)| decided(r, d)).collect();
        let own = r.year_report().cloned().unwrap_or_default();
        let paragraphs = |text: &Option<crate::text::Paragraphs>| -> Vec<String> {
            text.as_ref()
                .map_or_else(Vec::new, |t| t.lines().map(str::to_owned).collect())
        };
        let mut danh_gia_chung = paragraphs(&own.danh_gia_chung);
        let mut kien_nghi = paragraphs(&own.kien_nghi);
        let closing = close_sections(
            [
                &mut kien_nghi,
                &mut danh_gia_chung,
                &mut khen_thuong,
                &mut de_nghi,
            ],
            format.ending(),
        );
        let subject = own.trich_yeu.as_ref().map_or_else(
            || format!("kết quả thực hiện Kế hoạch {}", plan.trich_yeu),
            |s| s.to_string(),
        );
        // Undated, the report is dated by what it reports last, for its
        // metadata; its date line stays blank to fill in when signed.
        let date = own
            .ngay
            .map(|d| d.0)
            .or(last)
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(plan.nam, 12, 31).unwrap_or_default());
        let date_line = own
            .ngay
            .map_or_else(|| context::date_blank_words(plan.nam), |d| date_words(d.0));
        let number = NumberOf {
            kind: type_code::REPORT,
            number: own.so.as_ref().map(|d| d.n),
            issuer: Issuer::Body,
        };
        let nguoi_ky = context::signer(r, own.nguoi_ky.as_ref().unwrap_or(&plan.nguoi_ky));
        let recipients: &[Line] = own.noi_nhan.as_deref().unwrap_or(&plan.noi_nhan);
        let issuable = context::issuable(
            r,
            &number,
            &format!("Báo cáo {subject}"),
            nguoi_ky.signed(),
            recipients.iter().map(|k| k.to_string()).collect(),
            (Kind::YearReport, &Records::top_id(Kind::YearReport)),
            Some("ngay"),
        );
        let context = Context {
            common: context::common(r, Issuer::Body),
            so_hieu: number.line(plan),
            dia_danh_ngay: format!("{}, {date_line}", plan.co_quan.dia_danh),
            trich_yeu: format.subject_case(&subject),
            dang_ky: step(None, &registrants).so_luong,
            co_lua_chon: lua_chon.is_some() || plan.chi_tieu.lua_chon.is_some(),
            lua_chon,
            danh_gia: danh_gia
                .into_iter()
                .map(|(day, name, ky, what)| {
                    (format!("{name}, {ky} ({})", date_numeric(day)), what)
                })
                .collect(),
            cuoi_nam,
            ket_chua_co: closing,
            de_nghi,
            khen_thuong,
            danh_gia_chung,
            kien_nghi,
            nguoi_ky,
            noi_nhan: format.recipient_lines(recipients),
        };
        Some(Draft {
            file: None,
            date,
            context,
            issuable: Some(issuable),
        })
    }
}

/// The evaluations of those chosen at `selection`, in time, then by name in
/// Vietnamese order (not code points: "Dương" before "Đỗ").
fn evaluations_in_time(
    r: &Reader,
    selection: Option<&Meeting>,
) -> Vec<(NaiveDate, String, String, String)> {
    let mut danh_gia = Vec::new();
    for c in selection.map(|m| r.chosen(m)).unwrap_or_default() {
        for e in c.evaluations() {
            danh_gia.push((
                e.ngay.0,
                c.name().to_owned(),
                e.ky.to_string(),
                e.ket_qua.to_string(),
            ));
        }
    }
    danh_gia.sort_by_cached_key(|(day, name, ..)| (*day, crate::words::word_key(name)));
    danh_gia
}

/// A proposal as the report recalls it: its number, date, speaker, forms.
fn proposed(plan: &Plan, p: &Proposal) -> String {
    let issuer = plan.issuer(p.issuer(plan));
    let number = plan.the_thuc.number(
        p.so.as_ref().map(|n| n.n),
        type_code::PROPOSAL,
        &issuer.abbreviation,
    );
    format!(
        "Tờ trình số {number} ngày {} của {} đề nghị tặng {}",
        date_numeric(p.ngay.0),
        issuer.speaker,
        in_words(
            &p.forms().iter().map(|f| f.to_string()).collect::<Vec<_>>(),
            "và"
        )
    )
}

/// A decision once, with every form it awards and to whom.
fn decided(r: &Reader, d: &Decision) -> String {
    let so =
        d.so.as_ref()
            .map_or_else(|| "(chưa có số)".to_owned(), |s| format!("số {s}"));
    let granted: Vec<String> = d
        .khen_thuong
        .iter()
        .map(|g| {
            let names: Vec<String> = g
                .nguoi_nhan
                .iter()
                .map(|id| {
                    r.candidate(id)
                        .map_or_else(|| id.to_string(), |c| c.name().to_owned())
                })
                .collect();
            format!(
                "tặng {} cho {}",
                crate::ruleset::awarded_as(g.hinh_thuc.as_str()),
                names.join(", ")
            )
        })
        .collect();
    format!(
        "Quyết định {so} ngày {} của {}: {}",
        date_numeric(d.ngay.0),
        d.co_quan,
        granted.join("; ")
    )
}
