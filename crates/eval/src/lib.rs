//! Evaluation of the extractor, native only: TimeML corpora in and out ([`timeml`]), TempEval-3
//! timex scoring ([`tempeval`]) and event anchoring against TimeBank's TLINKs ([`anchoring`]). The
//! corpora stay outside the repository (`../shared/data`).

pub mod anchoring;
pub mod tempeval;
pub mod timeml;
