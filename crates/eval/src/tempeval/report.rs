//! The [`Report`] table: TempEval-3 scores for people, one row for all timexes, one for DATE/TIME
//! and one per type.

use std::fmt;

use super::{Counts, Tally};

/// A titled table of [`Counts`], for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// What was scored (a directory, "all").
    pub title: String,
    /// The summed counts.
    pub counts: Counts,
}

impl Report {
    /// A report titled `title`.
    pub fn new(title: impl Into<String>, counts: Counts) -> Report {
        Report { title: title.into(), counts }
    }
}

impl fmt::Display for Report {
    /// ```text
    /// TimeBank: 183 files (TempEval-3 timex scores, %; relaxed = overlap, one to one)
    ///                gold system |  strict P      R     F1 | relaxed P      R     F1 | type acc value acc | type F1 value F1
    /// all            1243   1221 |     80.18  78.76  79.46 |     90.50  88.90  89.69 |    95.29     77.74 |   85.47    69.72
    /// DATE/TIME      1038   1013 |     83.02  81.02  82.01 |     90.72  88.54  89.61 |    99.02     78.24 |   88.74    70.11
    ///   DATE         1016   1001 |     83.02  81.79  82.40 |     90.01  88.68  89.34 |        -     78.69 |       -    70.30
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.counts;
        writeln!(
            f,
            "{}: {} file{} (TempEval-3 timex scores, %; relaxed = overlap, one to one)",
            self.title,
            c.files,
            if c.files == 1 { "" } else { "s" }
        )?;
        writeln!(
            f,
            "{:<12} {:>6} {:>6} | {:>9} {:>6} {:>6} | {:>9} {:>6} {:>6} | {:>8} {:>9} | {:>7} {:>8}",
            "", "gold", "system", "strict P", "R", "F1", "relaxed P", "R", "F1", "type acc", "value acc", "type F1", "value F1"
        )?;
        // Per-type rows filter both sides to the type, so their type accuracy says nothing: shown as -.
        let row = |f: &mut fmt::Formatter<'_>, label: &str, t: &Tally, with_type: bool| {
            let m = t.metrics();
            let p = |x: f64| format!("{:.2}", 100.0 * x);
            let (type_acc, type_f1) = if with_type { (p(m.type_accuracy), p(m.type_f1)) } else { ("-".into(), "-".into()) };
            writeln!(
                f,
                "{:<12} {:>6} {:>6} | {:>9} {:>6} {:>6} | {:>9} {:>6} {:>6} | {:>8} {:>9} | {:>7} {:>8}",
                label,
                t.gold,
                t.system,
                p(m.strict.precision),
                p(m.strict.recall),
                p(m.strict.f1),
                p(m.relaxed.precision),
                p(m.relaxed.recall),
                p(m.relaxed.f1),
                type_acc,
                p(m.value_accuracy),
                type_f1,
                p(m.value_f1)
            )
        };
        row(f, "all", &c.all, true)?;
        row(f, "DATE/TIME", &c.date_time, true)?;
        for (kind, tally) in &c.by_type {
            let label: String = format!("  {}", if kind.is_empty() { "(no type)" } else { kind }).chars().take(12).collect();
            row(f, &label, tally, false)?;
        }
        Ok(())
    }
}
