//! What records say of each other: every id a record names must be a record
//! of the right kind, a meeting's people must be on the council, and so on.
//! Each problem is placed at its field's line and column in its file.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

mod documents;
mod plan_text;

use super::{Files, Mended, Parsed};
use crate::format::{Format, type_code};
use crate::locate::locate;
use crate::problem::Problem;
use crate::records::{Collective, DocNumber, Kind, Meeting, Person, Plan, Records, Signer};
use crate::text::{Id, Line, YEARS};
use crate::vocab::{Authority, Issuer};
use documents::{decision_refs, list_refs, meeting_refs, proposal_refs, year_report_refs};

/// Cross-reference checks need the file's text (for line numbers) and where
/// to record problems; this carries both for one file.
struct Refs<'a> {
    file: &'a Path,
    text: &'a str,
    seen: &'a BTreeMap<Id, (PathBuf, Kind)>,
    problems: &'a mut Vec<Problem>,
}

impl Refs<'_> {
    fn report(&mut self, field: &str, message: String) {
        let mut problem = Problem::new(self.file, field, message);
        if let Some((line, column)) = locate(self.text, field) {
            problem = problem.at(line, column);
        }
        self.problems.push(problem);
    }

    /// A reference must name a record of `kind` that exists.
    fn expect(&mut self, field: &str, id: &Id, kind: Kind, exists: bool) {
        if exists {
            return;
        }
        match self.seen.get(id) {
            // The target's own problem is reported for its file.
            Some((_, found)) if *found == kind => {}
            Some((path, found)) => self.report(
                field,
                format!(
                    "\"{id}\" là bản ghi {} ({}), ở đây cần một bản ghi {}",
                    found.label(),
                    path.display(),
                    kind.label()
                ),
            ),
            None => self.report(
                field,
                format!(
                    "không có bản ghi {} mã \"{id}\" (cần tệp {}/{id}.yaml); hãy sửa mã hoặc thêm tệp",
                    kind.label(),
                    kind.folder()
                ),
            ),
        }
    }
}

/// The ids every check looks up, gathered once.
struct Known<'a> {
    people: HashSet<&'a Id>,
    collectives: HashSet<&'a Id>,
    content_codes: Vec<&'a str>,
    council: Vec<&'a Id>,
    meetings: BTreeMap<&'a Id, &'a Meeting>,
    proposals: HashSet<&'a Id>,
    seen: &'a BTreeMap<Id, (PathBuf, Kind)>,
    /// The plan, whose format and issuers' abbreviations a document
    /// number's symbol must carry.
    format: Format,
    plan: &'a Plan,
}

impl<'a> Known<'a> {
    fn refs<'b, T>(&'b self, parsed: &'b Parsed<T>, problems: &'b mut Vec<Problem>) -> Refs<'b> {
        Refs {
            file: &parsed.file,
            text: &parsed.text,
            seen: self.seen,
            problems,
        }
    }

    fn person(&self, refs: &mut Refs, field: &str, id: &Id) {
        refs.expect(field, id, Kind::Person, self.people.contains(id));
    }

    fn collective(&self, refs: &mut Refs, field: &str, id: &Id) {
        refs.expect(field, id, Kind::Collective, self.collectives.contains(id));
    }

    /// Content areas named by a registration: the plan's, each once.
    fn areas(&self, refs: &mut Refs, field: &str, areas: &[Line]) {
        // Optional only where the plan has no contents to register for.
        if areas.is_empty() && !self.content_codes.is_empty() {
            refs.report(
                field,
                format!(
                    "chưa ghi nội dung đăng ký; hãy ghi một hoặc nhiều mã nội dung của kế hoạch: {}",
                    self.content_codes.join(", ")
                ),
            );
        }
        let mut counted = HashSet::new();
        for (i, area) in areas.iter().enumerate() {
            if !self.content_codes.contains(&area.as_str()) {
                refs.report(
                    &format!("{field}[{i}]"),
                    format!(
                        "nội dung \"{area}\" không có trong kế hoạch; hãy ghi một trong: {}",
                        self.content_codes.join(", ")
                    ),
                );
            } else if !counted.insert(area.as_str()) {
                refs.report(
                    &format!("{field}[{i}]"),
                    format!("nội dung \"{area}\" được ghi hai lần"),
                );
            }
        }
    }

    /// A number written with its symbol must carry this document's type
    /// and its issuer's abbreviation.
    fn number(&self, refs: &mut Refs, number: Option<&DocNumber>, kind: &str, issuer: Issuer) {
        let body = self.plan.issuer(issuer).abbreviation;
        if let Some(why) = number.and_then(|n| n.mismatch(self.format, kind, &body)) {
            refs.report("so", why);
        }
    }

    fn signer(&self, refs: &mut Refs, field: &str, signer: &Signer) {
        self.person(refs, &format!("{field}.nguoi"), &signer.nguoi);
        let needs_whom = matches!(
            signer.tham_quyen,
            Some(Authority::OnBehalf | Authority::ForHead)
        );
        if needs_whom && signer.thay_cho.is_none() {
            refs.report(
                &format!("{field}.thay_cho"),
                "ký thay hoặc thay mặt thì phải ghi `thay_cho` (ví dụ: TRƯỞNG BAN, hoặc tên Hội đồng)".into(),
            );
        }
    }
}

fn plan_refs(known: &Known, refs: &mut Refs, p: &Plan) {
    known.number(refs, p.so.as_ref(), type_code::PLAN, Issuer::Body);
    if !YEARS.contains(&p.nam) {
        refs.report(
            "nam",
            format!(
                "năm {} của kế hoạch nằm ngoài khoảng {}–{}; hãy ghi năm bốn chữ số, ví dụ 2025",
                p.nam,
                YEARS.start(),
                YEARS.end()
            ),
        );
    }
    let mut codes = HashSet::new();
    for (i, area) in p.noi_dung.iter().enumerate() {
        if !codes.insert(area.ma.as_str()) {
            refs.report(
                &format!("noi_dung[{i}].ma"),
                format!("mã nội dung \"{}\" bị trùng", area.ma),
            );
        }
    }
    let mut members = HashSet::new();
    for (i, m) in p.hoi_dong.thanh_vien.iter().enumerate() {
        let field = format!("hoi_dong.thanh_vien[{i}].nguoi");
        known.person(refs, &field, &m.nguoi);
        if !members.insert(&m.nguoi) {
            refs.report(
                &field,
                format!("\"{}\" có tên hai lần trong Hội đồng", m.nguoi),
            );
        }
    }
    if p.hoi_dong.thanh_vien.is_empty() {
        refs.report(
            "hoi_dong.thanh_vien",
            "Hội đồng chưa có thành viên nào".into(),
        );
    }
    known.signer(refs, "nguoi_ky", &p.nguoi_ky);
    plan_text::plan_text_refs(refs, p);
    if let Some(head) = &p.co_quan.thu_truong {
        known.person(refs, "co_quan.thu_truong", head);
    }
    if p.ngay.is_some_and(|d| chrono::Datelike::year(&d.0) > p.nam) {
        refs.report(
            "ngay",
            format!("kế hoạch năm {} không thể ban hành sau năm đó", p.nam),
        );
    }
}

fn collective_refs(known: &Known, refs: &mut Refs, c: &Collective) {
    known.person(refs, "truong_phong", &c.truong_phong);
    for (i, id) in c.pho_truong_phong.iter().enumerate() {
        known.person(refs, &format!("pho_truong_phong[{i}]"), id);
    }
    if let Some(reg) = &c.dang_ky {
        known.areas(refs, "dang_ky.noi_dung", &reg.noi_dung);
    }
}

fn person_refs(known: &Known, refs: &mut Refs, p: &Person) {
    if let Some(year) = p.nam_sinh
        && !YEARS.contains(&(year as i32))
    {
        refs.report(
            "nam_sinh",
            format!(
                "năm sinh {year} nằm ngoài khoảng {}–{}; hãy ghi năm bốn chữ số",
                YEARS.start(),
                YEARS.end()
            ),
        );
    }
    if let Some(unit) = &p.don_vi {
        known.collective(refs, "don_vi", unit);
    }
    for (i, id) in p.phu_trach_phong.iter().enumerate() {
        known.collective(refs, &format!("phu_trach_phong[{i}]"), id);
    }
    if let Some(reg) = &p.dang_ky {
        known.areas(refs, "dang_ky.noi_dung", &reg.noi_dung);
    }
}

/// What the records that did not read name wrongly, but for the fields
/// mended to read them.
fn mended_refs(known: &Known, mended: &Mended) -> Vec<Problem> {
    let mut said = Vec::new();
    for c in &mended.collectives {
        collective_refs(known, &mut known.refs(c, &mut said), &c.value);
    }
    for p in &mended.people {
        person_refs(known, &mut known.refs(p, &mut said), &p.value);
    }
    for m in &mended.meetings {
        meeting_refs(known, &mut known.refs(m, &mut said), &m.value);
    }
    for p in &mended.proposals {
        proposal_refs(known, &mut known.refs(p, &mut said), &p.value);
    }
    for d in &mended.decisions {
        decision_refs(known, &mut known.refs(d, &mut said), &d.value);
    }
    let under = |field: &str, mended: &str| {
        mended.is_empty()
            || field == mended
            || field.starts_with(&format!("{mended}."))
            || field.starts_with(&format!("{mended}["))
    };
    said.retain(|p| {
        !mended
            .fields
            .get(&p.file)
            .is_some_and(|fields| fields.iter().any(|f| under(&p.field, f)))
    });
    said
}

/// Checks every record against the others and gathers them into
/// [`Records`]; none without a plan.
pub(super) fn resolve(
    files: Files,
    plan_file: &Path,
    name: Option<&str>,
    problems: &mut Vec<Problem>,
) -> Option<Records> {
    let Some(plan) = files.plans.first() else {
        if !files.seen.contains_key(&Records::plan_id()) {
            problems.push(Problem::new(
                plan_file,
                "",
                "thiếu tệp kế hoạch; mọi bản ghi khác đều dựa vào nó (xem tdkt help records)",
            ));
        }
        return None;
    };
    check_references(&files, plan, problems);
    let Files {
        plans,
        collectives,
        people,
        meetings,
        proposals,
        lists,
        reports,
        decisions,
        seen,
        ..
    } = files;
    let plan = plans.into_iter().next()?;

    let mut files_of = BTreeMap::new();
    let mut sources = BTreeMap::new();
    files_of.insert((Kind::Plan, plan.id.clone()), plan.file.clone());
    sources.insert(plan.file.clone(), plan.text);
    let collectives = index(Kind::Collective, collectives, &mut files_of, &mut sources);
    let people = index(Kind::Person, people, &mut files_of, &mut sources);
    let meetings = index(Kind::Meeting, meetings, &mut files_of, &mut sources);
    let proposals = index(Kind::Proposal, proposals, &mut files_of, &mut sources);
    let decisions = index(Kind::Decision, decisions, &mut files_of, &mut sources);
    let registration_list = index(Kind::RegistrationList, lists, &mut files_of, &mut sources)
        .into_values()
        .next();
    let year_report = index(Kind::YearReport, reports, &mut files_of, &mut sources)
        .into_values()
        .next();
    let read: HashSet<&Id> = files_of.keys().map(|(_, id)| id).collect();
    let unreadable = seen
        .iter()
        .filter(|(id, _)| !read.contains(id))
        .map(|(id, (_, kind))| (id.clone(), *kind))
        .collect();
    Some(Records {
        name: name.map_or_else(|| plan.value.nam.to_string(), str::to_owned),
        unreadable,
        collectives,
        people,
        meetings,
        proposals,
        registration_list,
        year_report,
        decisions,
        earlier_awards: BTreeMap::new(),
        plan_file: plan.file,
        plan: plan.value,
        files: files_of,
        sources,
    })
}

/// Every name a record gives resolves to a record of the right kind; each
/// that does not is a problem at its field.
fn check_references(files: &Files, plan: &Parsed<Plan>, problems: &mut Vec<Problem>) {
    let Files {
        collectives,
        people,
        meetings,
        proposals,
        lists,
        reports,
        decisions,
        seen,
        mended,
        ..
    } = files;
    let known = Known {
        people: people.iter().map(|p| &p.id).collect(),
        collectives: collectives.iter().map(|c| &c.id).collect(),
        content_codes: plan.value.noi_dung.iter().map(|a| a.ma.as_str()).collect(),
        council: plan
            .value
            .hoi_dong
            .thanh_vien
            .iter()
            .map(|m| &m.nguoi)
            .collect(),
        meetings: meetings.iter().map(|m| (&m.id, &m.value)).collect(),
        proposals: proposals.iter().map(|p| &p.id).collect(),
        seen,
        format: plan.value.the_thuc,
        plan: &plan.value,
    };
    plan_refs(&known, &mut known.refs(plan, problems), &plan.value);
    for c in collectives {
        collective_refs(&known, &mut known.refs(c, problems), &c.value);
    }
    for p in people {
        person_refs(&known, &mut known.refs(p, problems), &p.value);
    }
    for m in meetings {
        meeting_refs(&known, &mut known.refs(m, problems), &m.value);
    }
    for p in proposals {
        proposal_refs(&known, &mut known.refs(p, problems), &p.value);
    }
    let registrations = collectives
        .iter()
        .filter_map(|c| Some((c.value.dang_ky.as_ref()?.ngay, c.file.as_path())))
        .chain(
            people
                .iter()
                .filter_map(|p| Some((p.value.dang_ky.as_ref()?.ngay, p.file.as_path()))),
        );
    let last = registrations.max_by_key(|(d, _)| *d);
    for d in decisions {
        decision_refs(&known, &mut known.refs(d, problems), &d.value);
    }
    for l in lists {
        list_refs(
            &known,
            &mut known.refs(l, problems),
            &l.value,
            plan.value.nam,
            last,
        );
    }
    // What the report tells last: a meeting, a proposal, a decision.
    let told = meetings
        .iter()
        .map(|m| (m.value.ket_thuc.0.date(), m.file.as_path()))
        .chain(proposals.iter().map(|p| (p.value.ngay.0, p.file.as_path())))
        .chain(decisions.iter().map(|d| (d.value.ngay.0, d.file.as_path())))
        .max_by_key(|(d, _)| *d);
    for y in reports {
        let refs = &mut known.refs(y, problems);
        year_report_refs(&known, refs, &y.value, plan.value.nam, told);
    }
    problems.extend(mended_refs(&known, mended));
}

/// Each parsed file gives its value to the map of its kind, and its text to
/// `sources`, where later stages look up lines.
fn index<T>(
    kind: Kind,
    list: Vec<Parsed<T>>,
    files_of: &mut BTreeMap<(Kind, Id), PathBuf>,
    sources: &mut BTreeMap<PathBuf, String>,
) -> BTreeMap<Id, T> {
    list.into_iter()
        .map(|p| {
            files_of.insert((kind, p.id.clone()), p.file.clone());
            sources.insert(p.file, p.text);
            (p.id, p.value)
        })
        .collect()
}
