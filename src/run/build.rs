//! `tdkt build`: the documents made (all, or those named), once or on every save.

use std::process::ExitCode;

use tdkt::{build, report};

use super::emit;
use crate::cli::BuildArgs;

pub fn run(args: BuildArgs) -> ExitCode {
    let BuildArgs {
        documents,
        folders,
        plan,
        emit_typ,
        templates,
        force,
        jobs,
        verbose,
        watch,
    } = args;
    let (records, out) = folders.resolve();
    let options = build::Options {
        plan,
        emit_typst: emit_typ,
        templates,
        force,
        jobs,
        progress: true,
        only: documents,
        ..build::Options::new(records, out)
    };
    if watch {
        build::watch(&options, |summary, cause| {
            let mut text = String::new();
            for file in cause {
                let file = file.strip_prefix(&options.records).unwrap_or(file);
                text.push_str(&format!("Đã đổi: {}\n", file.display()));
            }
            text.push_str(&report::build_summary(summary, &options.out, true));
            text.push_str(
                "Đang theo dõi thư mục bản ghi; lưu một bản ghi là lập lại. Ctrl-C để dừng.\n\n",
            );
            emit(&text);
        });
    }
    let summary = build::build(&options);
    emit(&report::build_summary(&summary, &options.out, verbose));
    ExitCode::from(if summary.ok() { 0 } else { 1 })
}
