//! Small maps that cost little code in the wasm build: [`Dense`], keyed by
//! the small numbers tasks and channels get (0, 1, 2, ... in creation
//! order), and [`VecMap`], a handful of entries kept in insertion order.
//!
//! `BTreeMap` would do, but every key and value type instantiates its whole
//! tree code again; a dozen of them cost the page more than the views that
//! use them.
//!
//! ```
//! use csp_playground::dense::{Dense, VecMap};
//! let mut lanes = Dense::new();
//! lanes.insert(2, "worker");
//! lanes.insert(0, "main");
//! assert_eq!(lanes.values().copied().collect::<Vec<_>>(), ["main", "worker"]);
//! let mut m = VecMap::new();
//! m.insert("b", 1);
//! m.insert("a", 2);
//! m.insert("b", 3);
//! assert_eq!(m.get("b"), Some(&3));
//! assert_eq!(m.iter().map(|(k, _)| *k).collect::<Vec<_>>(), ["b", "a"]);
//! ```

/// A map from small ids to values, iterated in id order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dense<V> {
    slots: Vec<Option<V>>,
}

impl<V> Default for Dense<V> {
    fn default() -> Self {
        Dense { slots: Vec::new() }
    }
}

impl<V> Dense<V> {
    /// An empty map.
    pub fn new() -> Dense<V> {
        Dense::default()
    }

    /// The value at `id`.
    pub fn get(&self, id: u32) -> Option<&V> {
        self.slots.get(id as usize)?.as_ref()
    }

    /// The value at `id`, to change.
    pub fn get_mut(&mut self, id: u32) -> Option<&mut V> {
        self.slots.get_mut(id as usize)?.as_mut()
    }

    /// Whether `id` has a value.
    pub fn contains(&self, id: u32) -> bool {
        self.get(id).is_some()
    }

    /// Sets `id` to `value`, returning the old value.
    pub fn insert(&mut self, id: u32, value: V) -> Option<V> {
        let i = id as usize;
        if i >= self.slots.len() {
            self.slots.resize_with(i + 1, || None);
        }
        self.slots[i].replace(value)
    }

    /// The value at `id`, made by `make` if there is none.
    pub fn get_or_insert_with(&mut self, id: u32, make: impl FnOnce() -> V) -> &mut V {
        if !self.contains(id) {
            self.insert(id, make());
        }
        self.slots[id as usize].get_or_insert_with(|| unreachable!("just inserted"))
    }

    /// Takes the value at `id` out.
    pub fn remove(&mut self, id: u32) -> Option<V> {
        self.slots.get_mut(id as usize)?.take()
    }

    /// The ids and values, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, &V)> {
        self.slots
            .iter()
            .enumerate()
            .filter_map(|(i, v)| Some((i as u32, v.as_ref()?)))
    }

    /// The values, in id order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.slots.iter().flatten()
    }

    /// The values, to change, in id order.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.slots.iter_mut().flatten()
    }

    /// The values, owned, in id order.
    pub fn into_values(self) -> impl Iterator<Item = V> {
        self.slots.into_iter().flatten()
    }
}

/// A few entries, in the order first inserted; lookups are linear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VecMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for VecMap<K, V> {
    fn default() -> Self {
        VecMap { entries: Vec::new() }
    }
}

impl<K: PartialEq, V> VecMap<K, V> {
    /// An empty map.
    pub fn new() -> VecMap<K, V> {
        VecMap::default()
    }

    /// The value for `key` (or anything `K` borrows as, like `str` for
    /// `&str` keys).
    pub fn get<Q: PartialEq + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
    {
        self.entries
            .iter()
            .find(|(k, _)| k.borrow() == key)
            .map(|(_, v)| v)
    }

    /// How many entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Sets `key` to `value` (in place if present), returning the old value.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.entries.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => Some(std::mem::replace(v, value)),
            None => {
                self.entries.push((key, value));
                None
            }
        }
    }

    /// Takes the entry for `key` out.
    pub fn remove<Q: PartialEq + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: std::borrow::Borrow<Q>,
    {
        let i = self.entries.iter().position(|(k, _)| k.borrow() == key)?;
        Some(self.entries.remove(i).1)
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<K: PartialEq, V> FromIterator<(K, V)> for VecMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut m = VecMap::new();
        for (k, v) in iter {
            m.insert(k, v);
        }
        m
    }
}
