//! Which drawn element each item of a frame takes, from one frame to the next: the keys the page
//! gives its labels and markers.
//!
//! - An event is keyed by its id: its label stays its own (text, focus, listeners) while it is in
//!   view, and is removed when it leaves, so the focus can never pass to another event.
//! - A cluster that stays in view keeps its element too; a cluster that appears takes the element
//!   of one that left in the same track (a zoom step across cluster levels replaces them all,
//!   and rewriting an element's text is cheaper than removing it and creating another). The
//!   cluster that has the keyboard focus is never handed on: its element goes when it does.

use std::collections::HashMap;

use crate::layout::PlacedItem;

/// The cluster elements of the last frame, by the cluster each drew. Keep one per drawn timeline.
#[derive(Debug, Default)]
pub struct ElementKeys {
    /// Each cluster drawn last frame: its key ([`PlacedItem::key`]) → (track, element number).
    held: HashMap<String, (Option<usize>, u32)>,
    /// The next element number never used.
    next: u32,
}

impl ElementKeys {
    /// The element key of each of `items` (a frame's items, in order), each under `track_of` its
    /// index's track. `focused` is the key of the item that has the keyboard focus, if any.
    pub fn assign(&mut self, items: &[PlacedItem], track_of: impl Fn(usize) -> Option<usize>, focused: Option<&str>) -> Vec<String> {
        let tracks: Vec<Option<usize>> = (0..items.len()).map(track_of).collect();
        // Clusters still drawn keep their element.
        let mut slots: Vec<Option<u32>> = items
            .iter()
            .zip(&tracks)
            .map(|(item, track)| match item {
                PlacedItem::Cluster(c) => self.held.get(&c.key).filter(|(held_in, _)| held_in == track).map(|&(_, slot)| slot),
                PlacedItem::Event(_) => None,
            })
            .collect();
        let kept: std::collections::HashSet<u32> = slots.iter().flatten().copied().collect();
        // The elements of clusters gone, by track, for the new ones (not the focused one's).
        let mut free: HashMap<Option<usize>, Vec<u32>> = HashMap::new();
        let mut gone: Vec<(&String, &(Option<usize>, u32))> =
            self.held.iter().filter(|(key, (_, slot))| !kept.contains(slot) && Some(key.as_str()) != focused).collect();
        // Lowest numbers first, so the same frames give the same keys.
        gone.sort_by_key(|(_, &(_, slot))| std::cmp::Reverse(slot));
        for (_, &(track, slot)) in gone {
            free.entry(track).or_default().push(slot);
        }
        let mut held = HashMap::with_capacity(items.len());
        for ((item, slot), &track) in items.iter().zip(&mut slots).zip(&tracks) {
            let PlacedItem::Cluster(c) = item else { continue };
            let taken = *slot.get_or_insert_with(|| {
                free.get_mut(&track).and_then(Vec::pop).unwrap_or_else(|| {
                    self.next += 1;
                    self.next - 1
                })
            });
            held.insert(c.key.clone(), (track, taken));
        }
        self.held = held;
        items
            .iter()
            .zip(slots)
            .map(|(item, slot)| match (item, slot) {
                (PlacedItem::Event(e), _) => format!("e:{}", e.id),
                (PlacedItem::Cluster(_), slot) => format!("c:{}", slot.unwrap_or_default()),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{ClusterInfo, PlacedCluster, PlacedEvent, Placement};

    fn event(id: &str) -> PlacedItem {
        PlacedItem::Event(PlacedEvent {
            id: id.to_owned(),
            title: id.to_owned(),
            date_label: String::new(),
            accessible_name: String::new(),
            granularity: citeline_model::date::Granularity::Day,
            date: citeline_model::date::EventDate::Point(citeline_model::date::DateValue::year(2000).expect("a year")),
            fuzzy: false,
            open: "",
            selected: false,
            placement: Placement::default(),
        })
    }

    fn cluster(key: &str) -> PlacedItem {
        PlacedItem::Cluster(PlacedCluster {
            key: key.to_owned(),
            title: String::new(),
            date_label: String::new(),
            accessible_name: String::new(),
            info: ClusterInfo {
                count: 2,
                first: 0,
                members: 2,
                track: None,
                start_days: 0.0,
                last_start_days: 0.0,
                end_days: 1.0,
                splits: false,
                density: 1,
            },
            placement: Placement::default(),
        })
    }

    #[test]
    fn events_keep_their_own_keys_and_clusters_hand_on_their_elements() {
        let mut keys = ElementKeys::default();
        let none = |_| None;
        let first = keys.assign(&[cluster("a"), event("x"), cluster("b")], none, None);
        assert_eq!(first, ["c:0", "e:x", "c:1"]);
        // "b" stays with its element; "a" left, and "c" takes its element; "d" is new.
        let second = keys.assign(&[event("x"), cluster("b"), cluster("c"), cluster("d")], none, None);
        assert_eq!(second, ["e:x", "c:1", "c:0", "c:2"]);
        // Keys are unique within a frame.
        let mut sorted = second.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), second.len());
    }

    #[test]
    fn the_focused_cluster_element_is_not_handed_on_nor_one_from_another_track() {
        let mut keys = ElementKeys::default();
        let track = |i: usize| Some(i % 2);
        assert_eq!(keys.assign(&[cluster("a"), cluster("b")], track, None), ["c:0", "c:1"]);
        // "a" (track 0) has the focus and leaves: its element is not reused; "b" (track 1) leaves
        // too, and its element goes to the new cluster of track 1 only.
        assert_eq!(keys.assign(&[cluster("c"), cluster("d")], track, Some("a")), ["c:2", "c:1"]);
    }
}
