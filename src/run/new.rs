//! `tdkt new`: a record to fill in.

use std::process::ExitCode;

use tdkt::paperwork::new_record;

use super::{emit, today};
use crate::cli::{self, NewArgs, NewGender, NewKind};

pub fn run(args: NewArgs) -> ExitCode {
    let NewArgs {
        kind,
        name,
        records,
        plan,
        unit,
        gender,
        position,
        head,
        date,
        again,
    } = args;
    let records = cli::records_folder(records);
    let request = new_record::Request {
        kind: match kind {
            NewKind::CaNhan => tdkt::records::Kind::Person,
            NewKind::TapThe => tdkt::records::Kind::Collective,
            NewKind::CuocHop => tdkt::records::Kind::Meeting,
            NewKind::ToTrinh => tdkt::records::Kind::Proposal,
        },
        name: name.unwrap_or_default(),
        plan,
        unit,
        gender: gender.map(NewGender::gender),
        position,
        birth_year: None,
        head,
        date: Some(date.unwrap_or_else(today)),
        again,
    };
    match new_record::new_record(&records, &request) {
        Ok(done) => {
            let mut text = format!("Đã ghi {}.\n", records.join(&done.file).display());
            for note in &done.notes {
                text.push_str(&format!("Lưu ý: {note}.\n"));
            }
            emit(&text);
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("Không lập được: {why}");
            ExitCode::from(1)
        }
    }
}
