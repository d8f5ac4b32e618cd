//! Small maps that cost little code in the wasm build: [`Dense`], keyed by
//! the small numbers tasks and channels get (0, 1, 2, ... in creation
//! order), and [`VecMap`], a handful of entries kept in insertion order.
//! And [`Chunked`], a list that grows without ever moving what it holds.
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

/// A list held in chunks of [`CHUNK`] that never move: growing it never
/// copies what it holds. A `Vec` of millions (a Go loop printing until the
/// step cap) doubles by copying hundreds of megabytes at once, a task of
/// 300 ms in the page.
///
/// ```
/// use csp_playground::dense::Chunked;
/// let mut c = Chunked::default();
/// for i in 0..10_000u32 {
///     c.push(i);
/// }
/// assert_eq!((c.len(), c[4096], c.partition_point(|&i| i < 5000)), (10_000, 4096, 5000));
/// assert_eq!(c.iter_from(9_998).copied().collect::<Vec<_>>(), [9_998, 9_999]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunked<T> {
    chunks: Vec<Vec<T>>,
    len: usize,
}

/// Items per chunk of a [`Chunked`] (and so of the trace): a power of two,
/// so the first chunk, which grows like any `Vec`, ends exactly full.
pub const CHUNK: usize = 1 << 13;

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T> Chunked<T> {
    /// Appends `item`. The first chunk starts small, as most lists stay; a
    /// later one is made whole at once and never grows.
    pub fn push(&mut self, item: T) {
        match self.chunks.last_mut() {
            Some(last) if last.len() < CHUNK => last.push(item),
            Some(_) => {
                let mut chunk = Vec::with_capacity(CHUNK);
                chunk.push(item);
                self.chunks.push(chunk);
            }
            None => self.chunks.push(vec![item]),
        }
        self.len += 1;
    }

    /// How many items.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The `i`th item (from 0).
    pub fn get(&self, i: usize) -> Option<&T> {
        chunk_get(&self.chunks, self.len, i)
    }

    /// Every item, in order.
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        chunk_iter_from(&self.chunks, self.len, 0)
    }

    /// The items from the `from`th on.
    pub fn iter_from(&self, from: usize) -> impl Iterator<Item = &T> {
        chunk_iter_from(&self.chunks, self.len, from)
    }

    /// As `slice::partition_point`.
    pub fn partition_point(&self, pred: impl FnMut(&T) -> bool) -> usize {
        chunk_partition_point(&self.chunks, self.len, pred)
    }

    /// The chunks, for a reader that lends a prefix of them (the trace).
    pub(crate) fn chunks(&self) -> &[Vec<T>] {
        &self.chunks
    }

    /// The items, copied into one `Vec`.
    pub fn to_vec(&self) -> Vec<T>
    where
        T: Clone,
    {
        self.iter().cloned().collect()
    }
}

impl<T> std::ops::Index<usize> for Chunked<T> {
    type Output = T;

    fn index(&self, i: usize) -> &T {
        match self.get(i) {
            Some(item) => item,
            None => panic!("item {i} of {}", self.len),
        }
    }
}

/// The `i`th of the first `len` items held in `chunks` of [`CHUNK`].
pub(crate) fn chunk_get<T>(chunks: &[Vec<T>], len: usize, i: usize) -> Option<&T> {
    if i < len {
        chunks.get(i / CHUNK)?.get(i % CHUNK)
    } else {
        None
    }
}

/// The first `len` items held in `chunks`, from the `from`th on.
pub(crate) fn chunk_iter_from<T>(chunks: &[Vec<T>], len: usize, from: usize) -> impl Iterator<Item = &T> {
    let (first, offset) = (from / CHUNK, from % CHUNK);
    chunks
        .get(first..)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .flat_map(move |(k, chunk)| chunk.get(if k == 0 { offset } else { 0 }..).unwrap_or_default())
        .take(len.saturating_sub(from))
}

/// `slice::partition_point` over the first `len` items held in `chunks`.
pub(crate) fn chunk_partition_point<T>(
    chunks: &[Vec<T>],
    len: usize,
    mut pred: impl FnMut(&T) -> bool,
) -> usize {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match chunk_get(chunks, len, mid) {
            Some(item) if pred(item) => lo = mid + 1,
            _ => hi = mid,
        }
    }
    lo
}
