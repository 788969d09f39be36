//! `tdkt new cuoc-hop` and `tdkt new to-trinh`: the year-end meeting and
//! its proposal started from what the plan already says, filled in as a
//! clerk does, checked and built.

mod common;

use common::{Folder, assert_has, example_plan, pdf, stdout, tdkt};

fn new(records: &Folder, args: &[&str]) -> String {
    let path = records.path().to_string_lossy();
    let mut all = vec!["new"];
    all.extend(args);
    all.extend(["-r", &path]);
    let run = tdkt(&all);
    assert!(
        run.status.success(),
        "{}{}",
        stdout(&run),
        String::from_utf8_lossy(&run.stderr)
    );
    stdout(&run)
}

fn check_passes(records: &Folder) {
    let run = tdkt(&["check", "-r", &records.path().to_string_lossy()]);
    assert!(run.status.success(), "{}", stdout(&run));
}

/// The votes written as the new record's comment says: the line
/// `bieu_quyet: []` removed, the commented lines taken, their numbers
/// filled; the first unit and the first person chosen.
fn votes_filled(text: &str) -> String {
    let mut units_or_people_chosen = (false, false);
    let mut out = Vec::new();
    for line in text.lines() {
        match line {
            "bieu_quyet: []" => continue,
            "# bieu_quyet:" => out.push("bieu_quyet:".to_owned()),
            l if l.starts_with("#   - { ung_vien: ") => {
                let unit = l.contains("ung_vien: phong-");
                let slot = if unit {
                    &mut units_or_people_chosen.0
                } else {
                    &mut units_or_people_chosen.1
                };
                let chosen = !*slot;
                *slot = true;
                let agreed = if chosen { 8 } else { 3 };
                out.push(
                    l[1..]
                        .replace("phieu_phat_ra: ,", "phieu_phat_ra: 8,")
                        .replace("phieu_thu_ve: ,", "phieu_thu_ve: 8,")
                        .replace("phieu_hop_le: ,", "phieu_hop_le: 8,")
                        .replace("dong_y: ,", &format!("dong_y: {agreed},"))
                        .replace("duoc_chon:  }", &format!("duoc_chon: {chosen} }}")),
                );
            }
            l => out.push(l.to_owned()),
        }
    }
    out.join("\n") + "\n"
}

#[test]
fn a_year_end_meeting_and_its_proposal_start_from_the_plan() {
    // The example's 2020 plan before its year-end meeting.
    let records = Folder::copy_of(&example_plan());
    records
        .remove("cuoc-hop/2020-12-15-binh-xet.yaml")
        .remove("to-trinh/2020-12-18-de-nghi-khen-thuong.yaml")
        .remove("quyet-dinh/2020-12-28-khen-thuong.yaml");

    let said = new(&records, &["cuoc-hop", "binh-xet", "--ngay", "2020-12-15"]);
    assert!(said.contains("cuoc-hop/2020-12-15-binh-xet.yaml"), "{said}");
    let meeting = records.read("cuoc-hop/2020-12-15-binh-xet.yaml");
    // The council's chair and secretary; on the ballot, those chosen at
    // the selection meeting (and only they).
    assert_has(
        &meeting,
        &[
            "loai: cuoi_nam",
            "bat_dau: 2020-12-15 08:00",
            "chu_tri: nguyen-van-hanh",
            "thu_ky: pham-thi-ngoc-anh",
            "bieu_quyet: []",
            "#   - { ung_vien: ngo-van-khai,",
            "# Ngô Văn Khải",
        ],
    );
    let selection = records.read("cuoc-hop/2020-03-10-lua-chon.yaml");
    let put = meeting.matches("#   - { ung_vien:").count();
    let chosen_before = selection.matches("duoc_chon: true").count();
    assert_eq!(put, chosen_before, "{meeting}");
    check_passes(&records);

    // Before the vote: the ballot lists them.
    let out = common::built(&records);
    let ballot = pdf::text(&out.path().join("2020/phieu-bau/2020-12-15-binh-xet.pdf"));
    assert!(ballot.contains("Ngô Văn Khải"), "{ballot}");

    // After the vote, filled as the comment says; then the proposal.
    records.write("cuoc-hop/2020-12-15-binh-xet.yaml", votes_filled(&meeting));
    check_passes(&records);
    let said = new(&records, &["to-trinh", "--ngay", "2020-12-18"]);
    assert!(
        said.contains("Đồng chí Trưởng Ban Tổ chức Tỉnh ủy"),
        "{said}"
    );
    let proposal = records.read("to-trinh/2020-12-18-de-nghi-khen-thuong.yaml");
    assert_has(
        &proposal,
        &[
            "ngay: 2020-12-18",
            "kinh_gui: [Đồng chí Trưởng Ban Tổ chức Tỉnh ủy]",
            "hinh_thuc: Giấy khen của Trưởng Ban Tổ chức Tỉnh ủy",
            "cuoc_hop: 2020-12-15-binh-xet",
            "Biên bản họp Hội đồng Thi đua - Khen thưởng",
            // #24.6: the council's chair signs on its behalf, not the head
            // it goes to.
            "nguoi_ky: { tham_quyen: thay_mat, thay_cho: HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG, \
             chuc_vu: CHỦ TỊCH, nguoi: nguyen-van-hanh }",
        ],
    );
    check_passes(&records);
    let out = common::built(&records);
    let text = pdf::flat_text(
        &out.path()
            .join("2020/to-trinh/2020-12-18-de-nghi-khen-thuong.pdf"),
    );
    assert_has(
        &text,
        &[
            "Kính gửi: Đồng chí Trưởng Ban Tổ chức Tỉnh ủy",
            "Ngô Văn Khải",
            "Giấy khen",
        ],
    );
}

/// #24.6: a proposal never goes to its own signer. When the body's head
/// chairs the council, `new to-trinh` has the vice chair sign for the
/// chair; a proposal the head signs to the head is a note of `check`.
#[test]
fn a_proposal_is_never_signed_by_the_one_it_goes_to() {
    let records = Folder::copy_of(&example_plan());
    records
        .edit(
            "ke-hoach.yaml",
            "{ nguoi: nguyen-van-hanh, vai_tro: chu_tich }",
            "{ nguoi: tran-quang-tuan, vai_tro: chu_tich }",
        )
        .edit(
            "ke-hoach.yaml",
            "{ nguoi: dinh-van-tien, vai_tro: pho_chu_tich }",
            "{ nguoi: nguyen-van-hanh, vai_tro: pho_chu_tich }",
        )
        .remove("to-trinh/2020-12-18-de-nghi-khen-thuong.yaml")
        .remove("quyet-dinh/2020-12-28-khen-thuong.yaml");
    new(&records, &["to-trinh", "--ngay", "2020-12-19"]);
    let proposal = records.read("to-trinh/2020-12-19-de-nghi-khen-thuong.yaml");
    assert!(
        proposal.contains(
            "nguoi_ky: { thay_mat_tap_the: HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG, tham_quyen: ky_thay, \
             thay_cho: CHỦ TỊCH, chuc_vu: PHÓ CHỦ TỊCH, nguoi: nguyen-van-hanh }"
        ),
        "{proposal}"
    );
    let (_, said) = common::run_on(records.path(), &["check"]);
    assert!(!said.contains("lại do chính"), "{said}");

    // Signed by the head it is addressed to: said, with what to write.
    records.write(
        "to-trinh/2020-12-19-de-nghi-khen-thuong.yaml",
        proposal.replace(
            "nguoi_ky: { thay_mat_tap_the: HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG, tham_quyen: ky_thay, \
             thay_cho: CHỦ TỊCH, chuc_vu: PHÓ CHỦ TỊCH, nguoi: nguyen-van-hanh }",
            "nguoi_ky: { chuc_vu: TRƯỞNG BAN, nguoi: tran-quang-tuan }",
        ),
    );
    let (_, said) = common::run_on(records.path(), &["check"]);
    assert!(
        said.contains("tờ trình gửi Trưởng Ban Tổ chức Tỉnh ủy lại do chính Trần Quang Tuấn ký")
            && said.contains("Phó Chủ tịch Hội đồng ký thay"),
        "{said}"
    );
}

#[test]
fn a_meeting_or_proposal_that_cannot_be_made_says_why() {
    let records = Folder::copy_of(&example_plan());
    let path = records.path().to_string_lossy().into_owned();
    let refused = |args: &[&str]| {
        let mut all = vec!["new"];
        all.extend(args);
        all.extend(["-r", &path]);
        let run = tdkt(&all);
        assert_eq!(run.status.code(), Some(1), "{}", stdout(&run));
        String::from_utf8_lossy(&run.stderr).into_owned()
    };
    let err = refused(&["cuoc-hop", "hop-bat-thuong", "--ngay", "2020-06-01"]);
    assert!(
        err.contains("hãy ghi lua-chon (lựa chọn đầu năm) hoặc binh-xet"),
        "{err}"
    );
    let err = refused(&["cuoc-hop", "lua-chon", "--ngay", "2021-03-01"]);
    assert!(
        err.contains("ngày 01/03/2021 không thuộc năm 2020 của kế hoạch"),
        "{err}"
    );
    records.remove("cuoc-hop/2020-12-15-binh-xet.yaml");
    let err = refused(&["to-trinh", "--ngay", "2020-12-18"]);
    assert!(err.contains("tdkt new cuoc-hop binh-xet"), "{err}");
}

/// #25.10, #25.11: a meeting just created has its ballots and worksheet,
/// not minutes of a vote not yet held; and the first meeting of a plan is
/// not said to be held "where the last one was".
#[test]
fn a_new_meeting_has_its_ballots_and_no_minutes_until_its_votes() {
    let records = Folder::small();
    records
        .remove("cuoc-hop/lua-chon.yaml")
        .remove("cuoc-hop/binh-xet.yaml")
        .remove("to-trinh/de-nghi.yaml");
    let said = new(&records, &["cuoc-hop", "lua-chon", "--ngay", "2020-03-10"]);
    assert!(!said.contains("như cuộc họp trước"), "{said}");
    assert!(said.contains("nơi họp là phòng họp của cơ quan"), "{said}");
    let out = common::built(&records);
    let built: Vec<String> = common::files(out.path())
        .iter()
        .map(|f| f.to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".pdf"))
        .collect();
    assert!(built.iter().any(|f| f.contains("phieu-bau/")), "{built:?}");
    assert!(!built.iter().any(|f| f.contains("bien-ban")), "{built:?}");
}
