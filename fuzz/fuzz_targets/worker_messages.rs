//! The extraction worker's service on any request text: every request is answered (a reply or an
//! error in words), never a panic. The same text is also read as a workspace file ("Import a
//! workspace" reads it in the worker): one answer, the workspace or why not, and a workspace read
//! is one the page can read back whole.
#![no_main]

use citeline_model::extraction::{Reply, Request};
use citeline_model::workspace::Workspace;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut replies = 0;
    citeline_extract::service::answer_json(text, &mut |_| replies += 1);
    assert!(replies > 0, "every request gets an answer");

    let mut answers = Vec::new();
    citeline_extract::service::answer(Request::ReadWorkspace { name: "w.json".into(), text: text.to_owned() }, &mut |r| answers.push(r));
    match &answers[..] {
        [Reply::Workspace { json }] => {
            let (read, problem) = Workspace::from_json(json);
            assert_eq!(problem, None, "the page reads what the worker wrote");
            assert_eq!(Workspace::from_export("w.json", &read.export_json()).as_ref(), Ok(&read), "export and import agree");
        }
        [Reply::Failed { message }] => assert!(message.contains("w.json"), "the file is named: {message}"),
        other => panic!("one answer expected, got {other:?}"),
    }
});
