//! Tracks as drawn: the choice of grouping and the legend (a colour, a label and a count per
//! track, each with a box to show or hide it) above the plot, and in the plot a row per track
//! with its head (collapse / expand), its lanes of labels and its own line of markers.

use yew::prelude::*;

use citeline_view::layout::{LayoutFrame, PlacedTrack};
use citeline_view::locale::Msg;

use crate::locale::Locale;
use citeline_view::tracks::{TrackAction, TrackBy};

use super::axis::marker;
use super::items::{item, ItemCallbacks};

/// The grouping menu (in the toolbar): `offered` from [`TrackBy::offered`], nothing when empty.
pub fn track_menu(offered: &[TrackBy], by: TrackBy, on_tracks: &Callback<TrackAction>, locale: &Locale) -> Html {
    if offered.is_empty() {
        return html! {};
    }
    let on_change = on_tracks.reform(|e: Event| {
        let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        TrackAction::By(TrackBy::parse(&value).unwrap_or_default())
    });
    html! {
        <select class="track-by" aria-label={locale.t(Msg::Tracks)} onchange={on_change}>
            { for offered.iter().map(|b| html! { <option value={b.as_str()} selected={*b == by}>{ locale.t(menu_msg(*b)) }</option> }) }
        </select>
    }
}

#[derive(Properties, PartialEq)]
pub struct TrackLegendProps {
    /// The tracks as laid out (hidden ones too).
    pub tracks: Vec<PlacedTrack>,
    /// What the boxes ask for.
    pub on_tracks: Callback<TrackAction>,
    /// The reader's language.
    pub locale: Locale,
}

/// The legend: each track's colour, label and count, with a box that shows or hides it.
#[function_component(TrackLegend)]
pub fn track_legend(props: &TrackLegendProps) -> Html {
    if props.tracks.is_empty() {
        return html! {};
    }
    let hidden = props.tracks.iter().filter(|t| t.hidden).count();
    let locale = &props.locale;
    html! {
        <ul class="track-legend" aria-label={locale.t(Msg::TracksShown)}>
            { for props.tracks.iter().map(|t| {
                let (key, hidden) = (t.key.clone(), t.hidden);
                let onchange = props.on_tracks.reform(move |_: Event| TrackAction::Hide(key.clone(), !hidden));
                html! {
                    <li class={classes!("track-entry", format!("track-colour-{}", t.colour))}>
                        <label>
                            <input type="checkbox" checked={!t.hidden} {onchange} />
                            <span class="track-swatch" aria-hidden="true"></span>
                            <span class="track-name">{ track_label(t, locale) }</span>
                            <span class="track-count">{ format!(" ({})", locale.number(t.count)) }</span>
                        </label>
                    </li>
                }
            }) }
            if hidden > 0 {
                <li><button type="button" class="track-show-all" onclick={props.on_tracks.reform(|_: MouseEvent| TrackAction::ShowAll)}>
                    { locale.t(Msg::ShowAllTracks) }
                </button></li>
            }
        </ul>
    }
}

/// The rows of the plot, one per track shown: a head that collapses or expands it, its lanes
/// (unless collapsed) and its line of markers. `found` says whether a search matched an item.
pub fn track_rows(
    frame: &LayoutFrame,
    keys: &[String],
    on_tracks: &Callback<TrackAction>,
    found: &dyn Fn(&citeline_view::layout::PlacedItem) -> Option<bool>,
    pending: &dyn Fn(&str) -> bool,
    callbacks: &ItemCallbacks,
    locale: &Locale,
) -> Html {
    html! {
        { for frame.tracks.iter().filter(|t| !t.hidden).map(|t| {
            let items = &frame.items[t.first..t.first + t.len];
            let keys = &keys[t.first..t.first + t.len];
            let (key, collapsed) = (t.key.clone(), t.collapsed);
            let toggle = on_tracks.reform(move |_: MouseEvent| TrackAction::Collapse(key.clone(), !collapsed));
            let in_view: usize = items.iter().map(|p| p.event_count()).sum();
            html! {
                <div class={classes!("track", format!("track-colour-{}", t.colour), t.collapsed.then_some("collapsed"))} data-track={t.key.clone()}
                    role="group" aria-label={locale.f(Msg::TrackNamed, &[&track_label(t, locale)])}>
                    <div class="track-head">
                        // Its name is what it shows ("Politics 40 of 2,034", in view of all); whether it
                        // is open is aria-expanded.
                        <button type="button" class="track-toggle" aria-expanded={(!t.collapsed).to_string()} onclick={toggle}>
                            <span class="track-chevron" aria-hidden="true">{ if t.collapsed { "▸" } else { "▾" } }</span>
                            <span class="track-swatch" aria-hidden="true"></span>
                            <span class="track-name">{ track_label(t, locale) }</span>
                            <span class="track-count">{ format!(" {}", locale.f(Msg::OfCount, &[&locale.number(in_view), &locale.number(t.count)])) }</span>
                        </button>
                    </div>
                    if !t.collapsed {
                        <div class={classes!("lanes", format!("lanes-{}", t.lane_count.max(1)))} ~style={format!("height:{}px", t.lanes_height_px)}>
                            { for items.iter().zip(keys).map(|(p, key)| item(p, key, pending(p.key()), found(p), callbacks)) }
                        </div>
                    }
                    <div class="track-rail" aria-hidden="true">
                        <div class="axis-line"></div>
                        { for items.iter().zip(keys).map(|(p, key)| marker(p, key)) }
                    </div>
                </div>
            }
        }) }
    }
}

/// The menu's words for a grouping.
fn menu_msg(by: TrackBy) -> Msg {
    match by {
        TrackBy::None => Msg::NoTracks,
        TrackBy::Group => Msg::TracksByGroup,
        TrackBy::Document => Msg::TracksBySource,
    }
}

/// A track's label: its group or document, or for the rest, in the reader's words.
fn track_label(t: &PlacedTrack, locale: &Locale) -> String {
    match (t.key.as_str(), locale.english()) {
        (_, true) => t.label.clone(),
        (citeline_view::tracks::OTHER_KEY, _) if t.label == Msg::NoSourceDocument.english() => locale.t(Msg::NoSourceDocument).to_owned(),
        (citeline_view::tracks::OTHER_KEY, _) => locale.t(Msg::OtherEvents).to_owned(),
        _ => t.label.clone(),
    }
}
