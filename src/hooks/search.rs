//! The reader's search: the query, kept in the URL's fragment (`#q=…&doc=…`) so a filtered view
//! can be shared and embedded, and what it finds. The index is built the first time a query
//! needs it (once per data set); each keystroke refines what the last one found.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use citeline_model::timeline::Timeline;
use citeline_view::search::{SearchIndex, SearchQuery, SearchResult};

use super::Same;

/// The query, a way to change it, and what it finds (`None` with no query).
#[derive(Clone, PartialEq)]
pub struct Search {
    pub query: SearchQuery,
    pub set_query: Callback<SearchQuery>,
    pub result: Option<Rc<SearchResult>>,
    /// Builds the index now (the box has the focus: the reader is about to type).
    pub prepare: Callback<()>,
}

/// The search over `timeline`, as the URL asks for it and the reader changes it.
#[hook]
pub fn use_search(timeline: &Rc<Timeline>) -> Search {
    let query = use_state(crate::search_from_hash);
    // Back and forward, and links followed within the page, bring their own search.
    {
        let query = query.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                let wanted = crate::search_from_hash();
                if *query != wanted {
                    query.set(wanted);
                }
            });
            move || drop(listener)
        });
    }
    let index = use_mut_ref(|| None::<(Same<Timeline>, Rc<SearchIndex>)>);
    let last = use_mut_ref(|| None::<(Same<Timeline>, SearchQuery, Rc<SearchResult>)>);
    let prepare = {
        let (index, timeline) = (index.clone(), timeline.clone());
        Callback::from(move |()| {
            index_of(&index, &timeline);
        })
    };
    let result = use_memo((Same(timeline.clone()), (*query).clone()), move |(Same(timeline), query)| {
        if query.is_empty() {
            return None;
        }
        // Marks for bench/search.mjs: the search alone, apart from drawing its answer.
        crate::mark("citeline-search-start");
        let index = index_of(&index, timeline);
        let mut last = last.borrow_mut();
        let earlier = last.as_ref().filter(|(t, _, _)| Rc::ptr_eq(&t.0, timeline)).map(|(_, q, r)| (q, r.as_ref()));
        let found = Rc::new(index.refine(timeline, query, earlier));
        crate::mark("citeline-search-end");
        *last = Some((Same(timeline.clone()), query.clone(), found.clone()));
        Some(found)
    });
    let set_query = {
        let query = query.clone();
        Callback::from(move |next: SearchQuery| {
            // The URL follows without a new history entry per keystroke.
            crate::set_hash(&crate::hash_with_search(&next), false);
            query.set(next);
        })
    };
    Search { query: (*query).clone(), set_query, result: (*result).clone(), prepare }
}

/// The index built last, and the data it was built from.
type IndexCell = Rc<RefCell<Option<(Same<Timeline>, Rc<SearchIndex>)>>>;

/// The index of `timeline`, built now if it is not yet.
fn index_of(cell: &IndexCell, timeline: &Rc<Timeline>) -> Rc<SearchIndex> {
    let mut cell = cell.borrow_mut();
    match &*cell {
        Some((Same(t), index)) if Rc::ptr_eq(t, timeline) => index.clone(),
        _ => {
            crate::mark("citeline-search-index-start");
            let index = Rc::new(SearchIndex::of_timeline(timeline));
            crate::mark("citeline-search-index-end");
            *cell = Some((Same(timeline.clone()), index.clone()));
            index
        }
    }
}
