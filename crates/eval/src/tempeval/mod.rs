//! TempEval-3 timex scoring: extents (strict and relaxed), type and value.
//!
//! As the TempEval-3 scorer defines it (see `../shared/data/README.md`):
//!
//! - **strict** match: identical extent; **relaxed** match: the extents overlap, one to one;
//! - precision = matches / system, recall = matches / gold, F1 their harmonic mean;
//! - **type accuracy** and **value accuracy** over the relaxed matches (both compared after trimming,
//!   case-sensitively); **type F1** = type accuracy × relaxed F1, **value F1** = value accuracy ×
//!   relaxed F1;
//! - the same restricted to DATE/TIME (gold and system both filtered to those types), and per type
//!   (both filtered to that type);
//! - files are micro-averaged: [`Counts`] are summed over files and the ratios taken at the end.
//!
//! **Alignment** ([`align`]): first spans with identical extents are paired (one to one, in document
//! order), so every strict match is also a relaxed one; then the remaining overlapping pairs are taken
//! greedily by **largest overlap** (in chars), ties in document order (gold start, then system start).
//! Two empty spans at the same offset count as an identical extent; otherwise an empty span overlaps
//! nothing. Every ratio with a zero denominator is 0, never NaN.
//!
//! What a relaxed match gets wrong (extent, type, value) is one [`Mismatch`], used both for the
//! scores and for listing the errors ([`Alignment::mismatches`]). [`Report`] prints the table.

mod report;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign};

use crate::timeml::GoldTimex;
use citeline_extract::Mention;

pub use report::Report;

/// A timex to score: extent in chars, TIMEX3 type and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoredTimex {
    /// Start, in chars.
    pub start: usize,
    /// End (exclusive), in chars.
    pub end: usize,
    /// TIMEX3 type (`DATE`, `TIME`, `DURATION`, `SET`).
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

impl From<&Mention> for ScoredTimex {
    fn from(m: &Mention) -> Self {
        ScoredTimex { start: m.start, end: m.end, kind: m.kind.as_str().to_owned(), value: m.value.clone() }
    }
}

impl From<&GoldTimex> for ScoredTimex {
    fn from(g: &GoldTimex) -> Self {
        ScoredTimex { start: g.start, end: g.end, kind: g.kind.clone(), value: g.value.clone() }
    }
}

impl ScoredTimex {
    fn overlap(&self, other: &ScoredTimex) -> usize {
        self.end.min(other.end).saturating_sub(self.start.max(other.start))
    }

    fn is_date_or_time(&self) -> bool {
        matches!(self.kind.trim(), "DATE" | "TIME")
    }
}

/// A gold span matched to a system span (indices into the slices given to [`align`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    /// Index of the gold span.
    pub gold: usize,
    /// Index of the system span.
    pub system: usize,
    /// Whether the extents are identical.
    pub strict: bool,
}

/// How the system spans line up with the gold ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alignment {
    /// Relaxed (overlap) matches, one to one, in gold order; `strict` marks identical extents.
    pub pairs: Vec<Pair>,
    /// Gold spans no system span matched (misses), in order.
    pub missed: Vec<usize>,
    /// System spans that matched no gold span (false positives), in order.
    pub spurious: Vec<usize>,
}

impl Pair {
    /// What this match gets wrong; `gold` and `system` are the slices given to [`align`].
    pub fn mismatch(&self, gold: &[ScoredTimex], system: &[ScoredTimex]) -> Mismatch {
        let (g, s) = (&gold[self.gold], &system[self.system]);
        Mismatch { extent: !self.strict, kind: g.kind.trim() != s.kind.trim(), value: g.value.trim() != s.value.trim() }
    }
}

/// What differs between a gold timex and the system timex matched to it (types and values are
/// compared after trimming, case-sensitively).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Mismatch {
    /// The extents are not identical (a relaxed, not a strict, match).
    pub extent: bool,
    /// The TIMEX3 types differ.
    pub kind: bool,
    /// The TIMEX3 values differ.
    pub value: bool,
}

impl Mismatch {
    /// Whether anything differs.
    pub fn any(&self) -> bool {
        self.extent || self.kind || self.value
    }
}

impl fmt::Display for Mismatch {
    /// What differs, as `extent`, `type`, `value` joined by `+` (empty when nothing does).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names = [(self.extent, "extent"), (self.kind, "type"), (self.value, "value")];
        let differing: Vec<&str> = names.iter().filter(|(differs, _)| *differs).map(|(_, name)| *name).collect();
        f.pad(&differing.join("+"))
    }
}

impl Alignment {
    /// The imperfect matches (extent, type or value differ), in gold order, with what differs.
    /// `gold` and `system` are the slices given to [`align`].
    pub fn mismatches<'a>(&'a self, gold: &'a [ScoredTimex], system: &'a [ScoredTimex]) -> impl Iterator<Item = (Pair, Mismatch)> + 'a {
        self.pairs.iter().map(|p| (*p, p.mismatch(gold, system))).filter(|(_, m)| m.any())
    }

    /// Whether every timex matched exactly: no miss, no false positive, no mismatch.
    pub fn is_perfect(&self, gold: &[ScoredTimex], system: &[ScoredTimex]) -> bool {
        self.missed.is_empty() && self.spurious.is_empty() && self.mismatches(gold, system).next().is_none()
    }
}

/// Pairs gold and system spans one to one: identical extents first, then by largest overlap.
pub fn align(gold: &[ScoredTimex], system: &[ScoredTimex]) -> Alignment {
    let mut gold_used = vec![false; gold.len()];
    let mut system_used = vec![false; system.len()];
    let mut pairs = Vec::new();

    // 1. Identical extents, one to one in document order.
    let mut by_extent: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    let mut gold_order: Vec<usize> = (0..gold.len()).collect();
    gold_order.sort_by_key(|&g| (gold[g].start, gold[g].end, g));
    for &g in gold_order.iter().rev() {
        by_extent.entry((gold[g].start, gold[g].end)).or_default().push(g);
    }
    let mut system_order: Vec<usize> = (0..system.len()).collect();
    system_order.sort_by_key(|&s| (system[s].start, system[s].end, s));
    for &s in &system_order {
        if let Some(g) = by_extent.get_mut(&(system[s].start, system[s].end)).and_then(Vec::pop) {
            gold_used[g] = true;
            system_used[s] = true;
            pairs.push(Pair { gold: g, system: s, strict: true });
        }
    }

    // 2. Overlapping pairs among the rest, largest overlap first. Systems sorted by start: the ones
    //    that can overlap gold g start after g.start - (longest system span) and before g.end.
    let free_system: Vec<usize> = system_order.iter().copied().filter(|&s| !system_used[s]).collect();
    let longest = free_system.iter().map(|&s| system[s].end.saturating_sub(system[s].start)).max().unwrap_or(0);
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for &g in gold_order.iter().filter(|&&g| !gold_used[g]) {
        let from = free_system.partition_point(|&s| system[s].start < gold[g].start.saturating_sub(longest));
        for &s in free_system[from..].iter().take_while(|&&s| system[s].start < gold[g].end) {
            let overlap = gold[g].overlap(&system[s]);
            if overlap > 0 {
                candidates.push((overlap, g, s));
            }
        }
    }
    candidates.sort_by_key(|&(overlap, g, s)| (std::cmp::Reverse(overlap), gold[g].start, system[s].start, g, s));
    for (_, g, s) in candidates {
        if !gold_used[g] && !system_used[s] {
            gold_used[g] = true;
            system_used[s] = true;
            pairs.push(Pair { gold: g, system: s, strict: false });
        }
    }

    pairs.sort_by_key(|p| (gold[p.gold].start, gold[p.gold].end, p.gold));
    let missed = gold_order.iter().copied().filter(|&g| !gold_used[g]).collect();
    let spurious = system_order.iter().copied().filter(|&s| !system_used[s]).collect();
    Alignment { pairs, missed, spurious }
}

/// Counts for one set of spans, summable over files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Gold spans.
    pub gold: usize,
    /// System spans.
    pub system: usize,
    /// Strict (identical extent) matches.
    pub strict: usize,
    /// Relaxed (overlap, one to one) matches.
    pub relaxed: usize,
    /// Relaxed matches with the same type.
    pub type_correct: usize,
    /// Relaxed matches with the same value.
    pub value_correct: usize,
}

impl Tally {
    /// Scores `system` against `gold`.
    pub fn of(gold: &[ScoredTimex], system: &[ScoredTimex]) -> Tally {
        let alignment = align(gold, system);
        let mut tally = Tally { gold: gold.len(), system: system.len(), ..Tally::default() };
        for p in &alignment.pairs {
            let mismatch = p.mismatch(gold, system);
            tally.relaxed += 1;
            tally.strict += usize::from(p.strict);
            tally.type_correct += usize::from(!mismatch.kind);
            tally.value_correct += usize::from(!mismatch.value);
        }
        tally
    }

    /// The ratios.
    pub fn metrics(&self) -> Metrics {
        let strict = Prf::new(self.strict, self.system, self.gold);
        let relaxed = Prf::new(self.relaxed, self.system, self.gold);
        let type_accuracy = ratio(self.type_correct, self.relaxed);
        let value_accuracy = ratio(self.value_correct, self.relaxed);
        Metrics {
            strict,
            relaxed,
            type_accuracy,
            value_accuracy,
            type_f1: type_accuracy * relaxed.f1,
            value_f1: value_accuracy * relaxed.f1,
        }
    }
}

impl AddAssign for Tally {
    fn add_assign(&mut self, o: Tally) {
        self.gold += o.gold;
        self.system += o.system;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.type_correct += o.type_correct;
        self.value_correct += o.value_correct;
    }
}

impl Add for Tally {
    type Output = Tally;
    fn add(mut self, o: Tally) -> Tally {
        self += o;
        self
    }
}

impl Sum for Tally {
    fn sum<I: Iterator<Item = Tally>>(iter: I) -> Tally {
        iter.fold(Tally::default(), Add::add)
    }
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        n as f64 / d as f64
    }
}

/// Precision, recall and F1 (fractions, 0 when undefined).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    /// Matches / system spans.
    pub precision: f64,
    /// Matches / gold spans.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl Prf {
    /// From a number of matches and the system and gold totals.
    pub fn new(matches: usize, system: usize, gold: usize) -> Prf {
        let precision = ratio(matches, system);
        let recall = ratio(matches, gold);
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Prf { precision, recall, f1 }
    }
}

/// The TempEval-3 timex figures for a [`Tally`] (fractions in 0..=1).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Metrics {
    /// Identical extents.
    pub strict: Prf,
    /// Overlapping extents, one to one.
    pub relaxed: Prf,
    /// Same type, over relaxed matches.
    pub type_accuracy: f64,
    /// Same value, over relaxed matches.
    pub value_accuracy: f64,
    /// Type accuracy × relaxed F1.
    pub type_f1: f64,
    /// Value accuracy × relaxed F1.
    pub value_f1: f64,
}

/// Scores for one or more files: all timexes, DATE/TIME only, and per type.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Files counted.
    pub files: usize,
    /// All timexes.
    pub all: Tally,
    /// Gold and system both restricted to DATE and TIME.
    pub date_time: Tally,
    /// Per type (trimmed), gold and system both restricted to that type.
    pub by_type: BTreeMap<String, Tally>,
}

/// Scores one file's `system` spans against its `gold` spans.
pub fn score(gold: &[ScoredTimex], system: &[ScoredTimex]) -> Counts {
    fn only(spans: &[ScoredTimex], keep: impl Fn(&ScoredTimex) -> bool) -> Vec<ScoredTimex> {
        spans.iter().filter(|s| keep(s)).cloned().collect()
    }
    let date_time = Tally::of(&only(gold, ScoredTimex::is_date_or_time), &only(system, ScoredTimex::is_date_or_time));
    let mut by_type = BTreeMap::new();
    for kind in gold.iter().chain(system).map(|s| s.kind.trim()) {
        if !by_type.contains_key(kind) {
            let of_kind = |s: &ScoredTimex| s.kind.trim() == kind;
            by_type.insert(kind.to_owned(), Tally::of(&only(gold, of_kind), &only(system, of_kind)));
        }
    }
    Counts { files: 1, all: Tally::of(gold, system), date_time, by_type }
}

impl AddAssign<&Counts> for Counts {
    fn add_assign(&mut self, o: &Counts) {
        self.files += o.files;
        self.all += o.all;
        self.date_time += o.date_time;
        for (kind, tally) in &o.by_type {
            *self.by_type.entry(kind.clone()).or_default() += *tally;
        }
    }
}

impl AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        *self += &o;
    }
}

impl Add for Counts {
    type Output = Counts;
    fn add(mut self, o: Counts) -> Counts {
        self += &o;
        self
    }
}

impl Sum for Counts {
    fn sum<I: Iterator<Item = Counts>>(iter: I) -> Counts {
        iter.fold(Counts::default(), Add::add)
    }
}

impl<'a> Sum<&'a Counts> for Counts {
    fn sum<I: Iterator<Item = &'a Counts>>(iter: I) -> Counts {
        iter.fold(Counts::default(), |mut acc, c| {
            acc += c;
            acc
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, kind: &str, value: &str) -> ScoredTimex {
        ScoredTimex { start, end, kind: kind.to_owned(), value: value.to_owned() }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn empty_inputs_give_zeros_not_nan() {
        for (gold, system) in [(vec![], vec![]), (vec![span(0, 4, "DATE", "2018")], vec![]), (vec![], vec![span(0, 4, "DATE", "2018")])] {
            let counts = score(&gold, &system);
            let m = counts.all.metrics();
            for x in
                [m.strict.precision, m.strict.recall, m.strict.f1, m.relaxed.f1, m.type_accuracy, m.value_accuracy, m.type_f1, m.value_f1]
            {
                assert_eq!(x, 0.0);
            }
            let text = Report::new("empty", counts).to_string();
            assert!(!text.contains("NaN"), "{text}");
        }
        assert_eq!(Counts::default().all.metrics(), Metrics::default());
        assert!(Report::new("nothing", Counts::default()).to_string().contains("0 files"));
    }

    /// Gold and system timexes with one of each: exact, wrong value, wrong type, missed, spurious.
    fn one_of_each() -> (Vec<ScoredTimex>, Vec<ScoredTimex>) {
        let gold = vec![
            span(0, 10, "DATE", "1998-01-08"),        // exact, right value
            span(20, 30, "DATE", "1998-W02"),         // partial, wrong value
            span(40, 45, "DURATION", "P1W"),          // partial, wrong type
            span(60, 65, "TIME", "1998-01-08T10:00"), // missed
        ];
        let system = vec![
            span(0, 10, "DATE", " 1998-01-08 "),
            span(25, 35, "DATE", "1998-W03"),
            span(38, 42, "DATE", "P1W"),
            span(80, 85, "DATE", "1998"), // spurious
        ];
        (gold, system)
    }

    #[test]
    fn strict_relaxed_type_and_value() {
        let (gold, system) = one_of_each();
        let a = align(&gold, &system);
        assert_eq!(a.pairs.len(), 3);
        assert_eq!(a.pairs[0], Pair { gold: 0, system: 0, strict: true });
        assert!(!a.pairs[1].strict);
        assert_eq!(a.missed, vec![3]);
        assert_eq!(a.spurious, vec![3]);

        let t = score(&gold, &system).all;
        assert_eq!(t, Tally { gold: 4, system: 4, strict: 1, relaxed: 3, type_correct: 2, value_correct: 2 });
        let m = t.metrics();
        assert!(close(m.strict.precision, 0.25) && close(m.strict.recall, 0.25) && close(m.strict.f1, 0.25));
        assert!(close(m.relaxed.f1, 0.75));
        assert!(close(m.type_accuracy, 2.0 / 3.0) && close(m.value_accuracy, 2.0 / 3.0));
        assert!(close(m.type_f1, 0.5) && close(m.value_f1, 0.5));
    }

    #[test]
    fn mismatches_say_what_differs() {
        let (gold, system) = one_of_each();
        let a = align(&gold, &system);
        let found: Vec<(usize, String)> = a.mismatches(&gold, &system).map(|(p, m)| (p.gold, m.to_string())).collect();
        assert_eq!(found, [(1, "extent+value".to_owned()), (2, "extent+type".to_owned())]);
        assert_eq!(a.pairs[0].mismatch(&gold, &system), Mismatch::default(), "values are trimmed");
        assert!(!a.is_perfect(&gold, &system));
        // An exact extent with another type and value; types are trimmed too.
        let (gold, system) =
            ([span(0, 4, "DURATION", "P1W"), span(5, 9, "DATE", "x")], [span(0, 4, "DATE", "P1D"), span(5, 9, " DATE ", "x")]);
        let a = align(&gold, &system);
        let found: Vec<String> = a.mismatches(&gold, &system).map(|(_, m)| m.to_string()).collect();
        assert_eq!(found, ["type+value"]);
        assert!(align(&gold[1..], &system[1..]).is_perfect(&gold[1..], &system[1..]));
        // As words, padded like any string.
        assert!(!Mismatch::default().any() && Mismatch::default().to_string().is_empty());
        assert_eq!(Mismatch { extent: true, kind: true, value: true }.to_string(), "extent+type+value");
        assert_eq!(format!("[{:<8}]", Mismatch { kind: true, ..Mismatch::default() }), "[type    ]");
    }

    #[test]
    fn values_compare_case_sensitively() {
        let t = Tally::of(&[span(0, 3, "DATE", "PRESENT_REF")], &[span(0, 3, "DATE", "present_ref")]);
        assert_eq!((t.relaxed, t.value_correct, t.type_correct), (1, 0, 1));
    }

    #[test]
    fn relaxed_matching_is_one_to_one_by_largest_overlap() {
        // One long system span over two gold spans matches only the one it overlaps most.
        let gold = vec![span(0, 3, "DATE", "a"), span(4, 10, "DATE", "b")];
        let system = vec![span(1, 9, "DATE", "b")];
        let a = align(&gold, &system);
        assert_eq!(a.pairs, vec![Pair { gold: 1, system: 0, strict: false }]);
        assert_eq!(a.missed, vec![0]);
        // Two system spans on one gold: one match, one false positive.
        let t = Tally::of(&[span(0, 10, "DATE", "x")], &[span(0, 4, "DATE", "x"), span(5, 10, "DATE", "x")]);
        assert_eq!((t.relaxed, t.system), (1, 2));
        // An exact match is preferred to an equally large overlap.
        let a = align(&[span(0, 5, "DATE", "x")], &[span(0, 6, "DATE", "y"), span(0, 5, "DATE", "x")]);
        assert_eq!(a.pairs, vec![Pair { gold: 0, system: 1, strict: true }]);
        // Duplicates pair once; touching spans do not overlap; empty spans only match exactly.
        assert_eq!(Tally::of(&[span(0, 4, "DATE", "x")], &[span(0, 4, "DATE", "x"), span(0, 4, "DATE", "x")]).strict, 1);
        assert_eq!(Tally::of(&[span(0, 4, "DATE", "x")], &[span(4, 8, "DATE", "x")]).relaxed, 0);
        assert_eq!(Tally::of(&[span(2, 2, "DATE", "x")], &[span(0, 4, "DATE", "x")]).relaxed, 0);
        assert_eq!(Tally::of(&[span(2, 2, "DATE", "x")], &[span(2, 2, "DATE", "x")]).strict, 1);
        // Unsorted input is fine; a span far before a long one still matches.
        let gold = vec![span(100, 200, "DATE", "x"), span(0, 1, "DATE", "y")];
        let system = vec![span(150, 151, "DATE", "x"), span(0, 100, "DATE", "y")];
        assert_eq!(Tally::of(&gold, &system).relaxed, 2);
    }

    #[test]
    fn date_time_and_per_type_restrictions() {
        let gold = vec![span(0, 4, "DATE", "x"), span(5, 9, "DURATION", "P1D"), span(10, 14, "TIME", "t")];
        let system = vec![span(0, 4, "DATE", "x"), span(5, 9, "DATE", "P1D"), span(20, 24, "SET", "s")];
        let c = score(&gold, &system);
        assert_eq!(c.all, Tally { gold: 3, system: 3, strict: 2, relaxed: 2, type_correct: 1, value_correct: 2 });
        assert_eq!(c.date_time, Tally { gold: 2, system: 2, strict: 1, relaxed: 1, type_correct: 1, value_correct: 1 });
        assert_eq!(c.by_type["DATE"], Tally { gold: 1, system: 2, strict: 1, relaxed: 1, type_correct: 1, value_correct: 1 });
        assert_eq!(c.by_type["DURATION"], Tally { gold: 1, ..Tally::default() });
        assert_eq!(c.by_type["SET"], Tally { system: 1, ..Tally::default() });
        assert_eq!(c.by_type.keys().collect::<Vec<_>>(), ["DATE", "DURATION", "SET", "TIME"]);
    }

    #[test]
    fn counts_micro_average_over_files() {
        let a = score(&[span(0, 4, "DATE", "x")], &[span(0, 4, "DATE", "x")]);
        let b = score(&[span(0, 4, "DATE", "x"), span(5, 9, "DATE", "y")], &[]);
        let total: Counts = [a.clone(), b.clone()].iter().sum();
        assert_eq!(total, a.clone() + b.clone());
        assert_eq!(total.files, 2);
        assert_eq!(total.all, Tally { gold: 3, system: 1, strict: 1, relaxed: 1, type_correct: 1, value_correct: 1 });
        // Micro: recall 1/3, not the mean of the files' recalls (1 and 0).
        assert!(close(total.all.metrics().relaxed.recall, 1.0 / 3.0));
        assert_eq!(total.by_type["DATE"].gold, 3);
        let text = Report::new("both", total).to_string();
        assert!(text.starts_with("both: 2 files"), "{text}");
        assert!(text.contains("DATE/TIME"));
        assert!(text.lines().any(|l| l.starts_with("all") && l.contains("100.00") && l.contains("33.33")), "{text}");
    }
}
