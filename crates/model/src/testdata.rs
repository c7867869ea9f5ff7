//! Where the shared test data lives (`../shared` beside the repository: the seed originals,
//! TimeBank/AQUAINT, JSONTestSuite), for tests and benchmarks. The data is never copied into the
//! repository.
//!
//! A test that needs it calls [`shared_dir`]: when `CITELINE_SHARED` is set (the README's test
//! command sets it whenever `../shared` exists), the folder must be there and a test cannot skip;
//! otherwise a missing folder makes the test say it skipped (on stderr) and return.

use std::path::PathBuf;

/// The shared data folder, or `None` (after saying so) when this checkout has none beside it.
///
/// # Panics
/// When `CITELINE_SHARED` names a folder that does not exist: the data was promised, and a test
/// that quietly passed without it would hide a broken path.
pub fn shared_dir(test: &str) -> Option<PathBuf> {
    if let Some(promised) = std::env::var_os("CITELINE_SHARED") {
        let dir = PathBuf::from(promised);
        assert!(dir.is_dir(), "{test}: CITELINE_SHARED={} is not a folder", dir.display());
        return Some(dir);
    }
    let beside = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if beside.is_dir() {
        Some(beside)
    } else {
        eprintln!("SKIPPED {test}: no shared data at {} (set CITELINE_SHARED to run it)", beside.display());
        None
    }
}

/// JSONTestSuite's parsing files (`data/jsontestsuite/test_parsing` in the shared folder), sorted,
/// or `None` (after saying so) as [`shared_dir`].
///
/// # Panics
/// As [`shared_dir`], and when the folder cannot be listed or holds fewer than its 318 files.
pub fn jsontestsuite_files(test: &str) -> Option<Vec<PathBuf>> {
    let dir = shared_dir(test)?.join("data/jsontestsuite/test_parsing");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{test}: {}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    files.sort();
    assert!(files.len() >= 300, "{test}: {} files in {}", files.len(), dir.display());
    Some(files)
}
