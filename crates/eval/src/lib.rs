//! Evaluation of the extractor, native only: TimeML corpora in and out ([`timeml`]) and TempEval-3
//! timex scoring ([`tempeval`]). The corpora stay outside the repository (`../shared/data`).

pub mod tempeval;
pub mod timeml;
