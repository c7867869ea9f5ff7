//! The page around the timeline, as far as the layout depends on it: how wide the plot is at a
//! given window width (mirroring `styles/main.css`), and the skeleton shown while a `?src=`
//! timeline loads. The web crate's first frame and the static view's width variants both use
//! [`plot_width_px`], so the two place labels alike.

/// Windows at most this wide get the phone layout (`@media (max-width: 640px)` in main.css).
pub const PHONE_MAX_WINDOW_PX: f64 = 640.0;

/// `#app`'s greatest width (`max-width` in main.css).
pub const APP_MAX_PX: f64 = 1240.0;

/// The narrowest plot laid out.
pub const MIN_PLOT_PX: f64 = 200.0;

/// `(#app's horizontal padding, the plot's insets: the timeline's borders and the plot's margins)`
/// at a window width.
fn insets_px(window_px: f64) -> (f64, f64) {
    if window_px <= PHONE_MAX_WINDOW_PX {
        (20.0, 18.0)
    } else {
        (40.0, 34.0)
    }
}

/// The plot's width in a window `window_px` wide (CSS px, scrollbar included, as media queries
/// and `innerWidth` count it).
pub fn plot_width_px(window_px: f64) -> f64 {
    let (padding, inset) = insets_px(window_px);
    (window_px.min(APP_MAX_PX) - padding - inset).max(MIN_PLOT_PX)
}

/// The placeholder drawn while a timeline loads: the page's shape (masthead, toolbar, plot, detail
/// panel) in grey blocks, with a status line saying what is happening. No data in it, so it is
/// markup both the static page (`citeline-render`) and the app (its loading state) write as is.
pub const SKELETON_HTML: &str = "<div class=\"skeleton\" aria-busy=\"true\">\
<header class=\"masthead\"><div class=\"masthead-row\"><h1><span class=\"brand\">Citeline</span></h1></div>\
<p class=\"subtitle\"><span class=\"bone bone-title\"></span></p><p class=\"lede\"><span class=\"bone bone-line\"></span></p></header>\
<section class=\"timeline\" aria-label=\"Timeline\"><div class=\"toolbar\"><span class=\"bone bone-toolbar\"></span></div>\
<div class=\"plot\"><div class=\"lanes lanes-4\"></div><div class=\"axis\"><div class=\"axis-line\"></div></div></div></section>\
<aside class=\"detail empty\"><p class=\"loading\" role=\"status\">Loading the timeline…</p></aside></div>";

/// When a download that takes a while is shown as it comes (times in ms, read from the page's
/// clock by the caller): the events read so far once reading or waiting for the network has
/// taken [`AsItComes::FIRST_AFTER_MS`] and the rest looks [`AsItComes::WORTH_IT_MS`] away or more
/// at the pace so far (from the bytes still to come, when the length is known), or in any case
/// once it has taken [`AsItComes::UNSURE_AFTER_MS`]; again once twice as many are in and
/// [`AsItComes::AGAIN_AFTER_MS`] have passed (each showing indexes and draws them all, so not
/// often); how far it is every [`AsItComes::STATUS_EVERY_MS`]. A download that is quicker is
/// shown once, whole: drawing part of it would only delay the whole.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AsItComes {
    started_ms: Option<f64>,
    shown_events: usize,
    shown_ms: f64,
    told_ms: f64,
}

/// What is due now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    Nothing,
    /// Say how far the reading is.
    Status,
    /// Show the events read so far (and say how far).
    Events,
}

impl AsItComes {
    pub const FIRST_AFTER_MS: f64 = 150.0;
    pub const WORTH_IT_MS: f64 = 400.0;
    pub const UNSURE_AFTER_MS: f64 = 400.0;
    pub const AGAIN_AFTER_MS: f64 = 2_000.0;
    pub const STATUS_EVERY_MS: f64 = 250.0;

    /// Reading began (the first piece came) at `now_ms`; later calls change nothing.
    pub fn start(&mut self, now_ms: f64) {
        self.started_ms.get_or_insert(now_ms);
    }

    /// What is due at `now_ms` with `events` and `bytes` read so far, of at least `total_bytes`
    /// when that is known (a length sent compressed is less than the text: still a lower bound).
    pub fn due(&self, now_ms: f64, events: usize, bytes: usize, total_bytes: Option<usize>) -> Due {
        let Some(started) = self.started_ms else { return Due::Nothing };
        let elapsed = now_ms - started;
        if events == 0 {
            Due::Nothing
        } else if self.shown_events == 0 {
            let rest_ms =
                total_bytes.filter(|_| bytes > 0).map_or(0.0, |total| total.saturating_sub(bytes) as f64 * elapsed / bytes as f64);
            if elapsed >= Self::UNSURE_AFTER_MS || (elapsed >= Self::FIRST_AFTER_MS && rest_ms >= Self::WORTH_IT_MS) {
                Due::Events
            } else {
                Due::Nothing
            }
        } else if events >= 2 * self.shown_events && now_ms - self.shown_ms >= Self::AGAIN_AFTER_MS {
            Due::Events
        } else if now_ms - self.told_ms >= Self::STATUS_EVERY_MS {
            Due::Status
        } else {
            Due::Nothing
        }
    }

    /// How long from `now_ms` until the first showing is due (to wait for the network no longer
    /// than that), while nothing has been shown yet.
    pub fn first_due_in_ms(&self, now_ms: f64) -> Option<f64> {
        let started = self.started_ms?;
        let elapsed = now_ms - started;
        let next = if elapsed < Self::FIRST_AFTER_MS { Self::FIRST_AFTER_MS } else { Self::UNSURE_AFTER_MS };
        (self.shown_events == 0 && elapsed < Self::UNSURE_AFTER_MS).then_some(next - elapsed)
    }

    /// `due` was acted on at `now_ms`, with `events` read so far.
    pub fn done(&mut self, due: Due, now_ms: f64, events: usize) {
        if due == Due::Events {
            (self.shown_events, self.shown_ms) = (events.max(1), now_ms);
        }
        if due != Due::Nothing {
            self.told_ms = now_ms;
        }
    }

    /// Whether anything has been shown before the whole download was read.
    pub fn shown(&self) -> bool {
        self.shown_events > 0
    }
}

/// What the page says while a long download is still being read (it is drawn as it comes):
/// events read so far and how much of the file has come, of how much when the size is known (a
/// length that does not hold is not shown).
pub fn reading_status(events: usize, bytes: usize, total_bytes: Option<usize>) -> String {
    let size = |n: usize| if n >= 1_000_000 { format!("{:.1} MB", n as f64 / 1e6) } else { format!("{} KB", n.div_ceil(1000)) };
    let how_far = match total_bytes.filter(|&total| total >= bytes && total > 0) {
        Some(total) => format!("{} % of {}", (bytes as f64 / total as f64 * 100.0).floor(), size(total)),
        None => format!("{} read", size(bytes)),
    };
    format!(
        "Reading the timeline: {} event{} so far ({how_far})…",
        crate::layout::group_thousands(events),
        if events == 1 { "" } else { "s" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slow_download_is_shown_as_it_comes_and_a_quick_one_whole() {
        const MB: usize = 1_000_000;
        let mut pace = AsItComes::default();
        assert_eq!(pace.due(1_000.0, 10, MB, None), Due::Nothing, "not started");
        pace.start(0.0);
        pace.start(50.0);
        assert_eq!(pace.first_due_in_ms(100.0), Some(50.0), "the first piece's time counts");
        assert_eq!(pace.due(100.0, 500, MB, Some(45 * MB)), Due::Nothing, "quick so far");
        assert_eq!(pace.due(200.0, 0, MB, Some(45 * MB)), Due::Nothing, "no event yet");
        // 150 ms for 3.5 MB: 4.5 MB would be in within 40 ms (shown whole), 45 MB in 1.8 s (shown now).
        assert_eq!(pace.due(200.0, 7_000, 3_500_000, Some(4_540_000)), Due::Nothing, "nearly all in: shown whole");
        assert_eq!(pace.due(200.0, 7_000, 3_500_000, None), Due::Nothing, "length unknown: not sure yet");
        assert_eq!(pace.first_due_in_ms(200.0), Some(200.0), "waiting no longer than until it is sure");
        assert_eq!(pace.due(450.0, 7_000, 3_500_000, None), Due::Events, "length unknown, and it has taken long");
        assert_eq!(pace.first_due_in_ms(450.0), None);
        assert_eq!(pace.due(200.0, 7_000, 3_500_000, Some(45 * MB)), Due::Events);
        pace.done(Due::Events, 200.0, 500);
        assert!(pace.shown());
        assert_eq!(pace.first_due_in_ms(210.0), None);
        assert_eq!(pace.due(300.0, 900, MB, None), Due::Nothing);
        assert_eq!(pace.due(450.0, 900, MB, None), Due::Status);
        pace.done(Due::Status, 450.0, 900);
        assert_eq!(pace.due(500.0, 5_000, MB, None), Due::Nothing, "told 50 ms ago");
        assert_eq!(pace.due(2_100.0, 1_000, MB, None), Due::Status, "twice as many, but not two seconds on");
        assert_eq!(pace.due(2_250.0, 999, MB, None), Due::Status, "two seconds on, but not twice as many");
        assert_eq!(pace.due(2_250.0, 1_000, MB, None), Due::Events, "twice as many, two seconds on");
        pace.done(Due::Events, 2_250.0, 1_000);
        assert_eq!(pace.due(3_000.0, 5_000, MB, None), Due::Status);
    }

    #[test]
    fn the_reading_status_says_how_far_it_is() {
        assert_eq!(reading_status(4512, 4_558_642, Some(45_586_418)), "Reading the timeline: 4,512 events so far (10 % of 45.6 MB)…");
        assert_eq!(reading_status(1, 300_000, Some(600_000)), "Reading the timeline: 1 event so far (50 % of 600 KB)…");
        assert_eq!(reading_status(12, 5000, None), "Reading the timeline: 12 events so far (5 KB read)…");
        assert_eq!(reading_status(1203, 1_234_567, None), "Reading the timeline: 1,203 events so far (1.2 MB read)…");
        assert_eq!(
            reading_status(12, 5000, Some(100)),
            "Reading the timeline: 12 events so far (5 KB read)…",
            "a length that was wrong is not shown"
        );
    }

    #[test]
    fn the_plot_is_the_window_less_the_page_insets() {
        assert_eq!(plot_width_px(412.0), 374.0);
        assert_eq!(plot_width_px(640.0), 602.0);
        assert_eq!(plot_width_px(641.0), 567.0);
        assert_eq!(plot_width_px(1280.0), 1166.0);
        assert_eq!(plot_width_px(2560.0), 1166.0, "#app stops growing");
        assert_eq!(plot_width_px(100.0), MIN_PLOT_PX);
    }

    #[test]
    fn the_skeleton_is_data_free_markup() {
        assert!(SKELETON_HTML.starts_with("<div class=\"skeleton\"") && SKELETON_HTML.ends_with("</div>"));
        assert_eq!(SKELETON_HTML.matches("<div").count(), SKELETON_HTML.matches("</div>").count());
        assert!(!SKELETON_HTML.contains("style="), "the page's CSP allows no style attribute");
    }
}
