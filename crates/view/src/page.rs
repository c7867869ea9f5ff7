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

#[cfg(test)]
mod tests {
    use super::*;

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
