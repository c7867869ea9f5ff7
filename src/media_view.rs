//! An event's media in its details: a picture (loaded lazily, in a frame of fixed height so
//! nothing moves when it arrives, never holding up the timeline), or a card linking to other
//! media (a video, a sound, a post, a map) with what it is and who provides it. What to draw is
//! decided by `citeline_model::media` from the address alone.

use yew::prelude::*;

use citeline_model::media::{Media, MediaKind};
use citeline_model::source::web_address;

#[derive(Properties, PartialEq)]
pub struct MediaViewProps {
    pub media: Media,
}

#[function_component(MediaView)]
pub fn media_view(props: &MediaViewProps) -> Html {
    let media = &props.media;
    let failed = use_state(|| false);
    // Another event's picture is another picture: it gets its own try.
    {
        let failed = failed.clone();
        use_effect_with(media.url.clone(), move |_| failed.set(false));
    }
    let caption = (media.caption.is_some() || media.credit.is_some()).then(|| {
        html! {
            <figcaption>
                if let Some(caption) = &media.caption { <span class="caption">{ caption }</span> }
                if let Some(credit) = &media.credit { <span class="credit">{ credit }</span> }
            </figcaption>
        }
    });
    let link = media.link.as_deref().and_then(web_address).map(str::to_owned);
    match media.kind() {
        MediaKind::Image if !*failed => {
            let on_error = {
                let failed = failed.clone();
                Callback::from(move |_: Event| failed.set(true))
            };
            let alt = media.alt.clone().or_else(|| media.caption.clone()).unwrap_or_default();
            let picture = html! {
                <img src={media.url.clone()} {alt} loading="lazy" decoding="async" referrerpolicy="no-referrer" onerror={on_error} />
            };
            html! {
                <figure class="media media-image">
                    <div class="media-frame">
                        if let Some(link) = link {
                            <a href={link} target="_blank" rel="noopener noreferrer">{ picture }</a>
                        } else {
                            { picture }
                        }
                    </div>
                    { for caption }
                </figure>
            }
        }
        MediaKind::Image | MediaKind::Link => {
            let href = link.filter(|_| media.kind() == MediaKind::Image).or_else(|| web_address(&media.url).map(str::to_owned));
            let what = if *failed { "The picture could not be loaded".to_owned() } else { media.what() };
            let card = html! {
                <>
                    <span class="media-kind">{ what }</span>
                    <span class="media-title">{ media.label() }</span>
                </>
            };
            html! {
                <figure class="media media-link">
                    if let Some(href) = href {
                        <a class="media-card" href={href} target="_blank" rel="noopener noreferrer">{ card }</a>
                    } else {
                        <div class="media-card">{ card }</div>
                    }
                    { for caption }
                </figure>
            }
        }
        MediaKind::Unusable => html! {
            <p class="media media-unusable">{ format!("Media: {} (not a web address, so not shown)", media.url) }</p>
        },
    }
}
