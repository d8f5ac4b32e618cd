//! Runtime values and the type table.
//!
//! Values carry just enough type to behave as Go's do: integers know their
//! named type (so a `time.Duration` prints as `1.5s` and `%T` is right),
//! structs know theirs (methods, `%+v`), maps and channels know their zero
//! value. Structs and arrays are shared cells copied on every load, which is
//! Go's value semantics with one `Rc` per struct.

use std::cell::RefCell;

use indexmap::IndexMap;

// Linear maps: a few hundred entries at most, and each HashMap key and
// value type costs the page its own copy of the hash table code.
use crate::dense::VecMap as HashMap;
use std::fmt;
use std::rc::Rc;

use super::host;
use super::ir::Name;

pub type Ty = u32;

pub const BOOL: Ty = 0;
pub const INT: Ty = 1;
pub const FLOAT64: Ty = 2;
pub const STRING: Ty = 3;
pub const ERROR: Ty = 4;
pub const ANY: Ty = 5;
pub const DURATION: Ty = 6;
pub const TIME: Ty = 7;
pub const WAITGROUP: Ty = 8;
pub const MUTEX: Ty = 9;
pub const CONTEXT: Ty = 10;
pub const INT64: Ty = 11;
pub const UINT8: Ty = 12;
pub const INT32: Ty = 13;
pub const UINT: Ty = 14;
pub const FLOAT32: Ty = 15;
pub const INT8: Ty = 16;
pub const INT16: Ty = 17;
pub const UINT16: Ty = 18;
pub const UINT32: Ty = 19;
pub const UINT64: Ty = 20;
pub const EMPTY_STRUCT: Ty = 21;
pub const TICKER: Ty = 22;
pub const FUNC: Ty = 23;
pub const CANCEL_FUNC: Ty = 24;
pub const UNTYPED_NIL: Ty = 25;
pub const MONTH: Ty = 26;
pub const WEEKDAY: Ty = 27;

#[derive(Debug, Clone)]
pub struct FieldInfo {
    pub name: Name,
    pub ty: Ty,
    pub embedded: bool,
}

#[derive(Debug, Clone)]
pub enum TKind {
    Bool,
    /// Bits and signedness.
    Int(u8, bool),
    Float,
    Str,
    Slice(Ty),
    Array(usize, Ty),
    Map(Ty, Ty),
    Chan(Ty),
    Ptr(Ty),
    Func,
    Struct(Vec<FieldInfo>),
    Interface(Vec<Name>),
    WaitGroup,
    Mutex,
    Context,
    Time,
    Ticker,
    /// A named type whose underlying type is not known yet.
    Pending,
}

#[derive(Debug, Clone)]
pub struct TypeInfo {
    /// How `%T` prints it.
    pub name: String,
    pub kind: TKind,
    /// Method name to (function, pointer receiver).
    pub methods: HashMap<Name, (u32, bool)>,
}

#[derive(Debug, Default)]
pub struct Types {
    pub list: Vec<TypeInfo>,
    pub by_name: HashMap<String, Ty>,
}

impl Types {
    pub fn new() -> Types {
        let mut t = Types::default();
        let basic: &[(&str, TKind)] = &[
            ("bool", TKind::Bool),
            ("int", TKind::Int(64, true)),
            ("float64", TKind::Float),
            ("string", TKind::Str),
            ("error", TKind::Interface(vec![Rc::from("Error")])),
            ("interface {}", TKind::Interface(vec![])),
            ("time.Duration", TKind::Int(64, true)),
            ("time.Time", TKind::Time),
            ("sync.WaitGroup", TKind::WaitGroup),
            ("sync.Mutex", TKind::Mutex),
            ("context.Context", TKind::Context),
            ("int64", TKind::Int(64, true)),
            ("uint8", TKind::Int(8, false)),
            ("int32", TKind::Int(32, true)),
            ("uint", TKind::Int(64, false)),
            ("float32", TKind::Float),
            ("int8", TKind::Int(8, true)),
            ("int16", TKind::Int(16, true)),
            ("uint16", TKind::Int(16, false)),
            ("uint32", TKind::Int(32, false)),
            ("uint64", TKind::Int(64, false)),
            ("struct {}", TKind::Struct(vec![])),
            ("*time.Ticker", TKind::Ticker),
            ("func()", TKind::Func),
            ("context.CancelFunc", TKind::Func),
            ("nil", TKind::Interface(vec![])),
            ("time.Month", TKind::Int(64, true)),
            ("time.Weekday", TKind::Int(64, true)),
        ];
        for (name, kind) in basic {
            t.add(name, kind.clone());
        }
        t
    }

    pub fn add(&mut self, name: &str, kind: TKind) -> Ty {
        let id = self.list.len() as Ty;
        self.list.push(TypeInfo {
            name: name.to_string(),
            kind,
            methods: HashMap::new(),
        });
        if self.by_name.get(name).is_none() {
            self.by_name.insert(name.to_string(), id);
        }
        id
    }

    /// The type named `name`, made with `kind` if new (composite types are
    /// interned by how they print).
    pub fn intern(&mut self, name: String, kind: TKind) -> Ty {
        if let Some(&t) = self.by_name.get(&name) {
            return t;
        }
        self.add(&name, kind)
    }

    pub fn get(&self, ty: Ty) -> &TypeInfo {
        &self.list[ty as usize]
    }

    pub fn name(&self, ty: Ty) -> &str {
        &self.list[ty as usize].name
    }

    /// The underlying kind, following named types.
    pub fn kind(&self, ty: Ty) -> &TKind {
        &self.list[ty as usize].kind
    }

    /// Whether `ty` (or what it points to) has the token cache's shape: a
    /// struct with `token` and `expires` fields. The page's refresher panel
    /// follows such a struct, as it follows the Rust port's cache.
    pub fn is_token_cache(&self, ty: Ty) -> bool {
        let ty = match self.kind(ty) {
            TKind::Ptr(inner) => *inner,
            _ => ty,
        };
        let TKind::Struct(fields) = self.kind(ty) else {
            return false;
        };
        let has = |name: &str| fields.iter().any(|f| &*f.name == name);
        has("token") && has("expires")
    }
}

#[derive(Debug)]
pub struct StructObj {
    pub ty: Ty,
    pub fields: RefCell<Vec<Value>>,
}

#[derive(Clone)]
pub struct SliceV {
    pub arr: Rc<RefCell<Vec<Value>>>,
    pub off: u32,
    pub len: u32,
    pub cap: u32,
    pub ty: Ty,
    pub nil: bool,
}

/// An orderable map key (Go's comparable values).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Key {
    Nil,
    Bool(bool),
    Int(i64),
    Float(u64),
    Str(Rc<str>),
    /// A pointer's or an error's identity (see [`Pointer::ident`]).
    Addr(usize, u32),
    /// A channel, by its number in the run: ordered as the channels were
    /// made, the same in the browser as natively (an address is not).
    Chan(u32),
    Tuple(Vec<Key>),
}

/// A Go map: each key's Go value, then the element, kept in the order the
/// keys were put in (a removal moves the last entry into the gap). That
/// order is the same natively and in the browser, where a hash table's
/// differs from run to run and between the two, so it is what ranging and
/// dropping follow: a seed gives one trace in both. Ranging starts at an
/// offset drawn from the run's seed, as Go starts at a random bucket, so a
/// program that relies on map order shows it by changing with the seed.
/// Printing sorts by key, as `fmt` does.
///
/// Pointers and errors are keys by identity, which is an address, and an
/// address differs between the browser (32-bit) and natively: where keys
/// are sorted, such keys go in the order they were first put in the map
/// (see [`Key::cmp_portable`]).
#[derive(Default)]
pub struct MapObj {
    /// Each key's entry, and when it was put in.
    entries: IndexMap<Key, ((Value, Value), u64)>,
    puts: u64,
}

impl MapObj {
    pub fn new() -> MapObj {
        MapObj::default()
    }

    pub fn get(&self, k: &Key) -> Option<&(Value, Value)> {
        self.entries.get(k).map(|(kv, _)| kv)
    }

    pub fn insert(&mut self, k: Key, v: (Value, Value)) -> Option<(Value, Value)> {
        use indexmap::map::Entry;
        // One lookup: a key already there keeps when it was first put in.
        match self.entries.entry(k) {
            Entry::Occupied(mut e) => Some(std::mem::replace(&mut e.get_mut().0, v)),
            Entry::Vacant(e) => {
                self.puts += 1;
                e.insert((v, self.puts));
                None
            }
        }
    }

    pub fn remove(&mut self, k: &Key) -> Option<(Value, Value)> {
        self.entries.swap_remove(k).map(|(kv, _)| kv)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Its keys' and elements' values in the map's own order (for dropping
    /// a map without recursion).
    pub fn into_values(mut self) -> impl Iterator<Item = (Value, Value)> {
        std::mem::take(&mut self.entries).into_values().map(|(kv, _)| kv)
    }

    /// Each entry's Go key and map key, in the map's own order from entry
    /// `start` on, and round to the one before it: the order a `range`
    /// visits them in.
    pub fn range_keys(&self, start: usize) -> Vec<(Value, Key)> {
        let (late, early) = self.entries.as_slice().split_at(start.min(self.len()));
        early
            .iter()
            .chain(late)
            .map(|(k, (kv, _))| (kv.0.clone(), k.clone()))
            .collect()
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&Key, &(Value, Value))> {
        let mut sorted: Vec<_> = self.entries.iter().collect();
        crate::sort::sort_by(&mut sorted, |a, b| entry_order((a.0, a.1 .1), (b.0, b.1 .1)));
        sorted.into_iter().map(|(k, (kv, _))| (k, kv))
    }
}

/// The order a map's entries show in when sorted: by key, and keys that tie
/// (pointers and errors) by when they were put in.
fn entry_order(a: (&Key, u64), b: (&Key, u64)) -> std::cmp::Ordering {
    a.0.cmp_portable(b.0).then(a.1.cmp(&b.1))
}

impl Key {
    /// Key order, with every address equal to every other: what orders the
    /// same on every platform. (A tie is then broken by when each key was
    /// put in its map.)
    pub fn cmp_portable(&self, other: &Key) -> std::cmp::Ordering {
        match (self, other) {
            (Key::Addr(..), Key::Addr(..)) => std::cmp::Ordering::Equal,
            (Key::Tuple(a), Key::Tuple(b)) => a
                .iter()
                .zip(b)
                .map(|(x, y)| x.cmp_portable(y))
                .find(|o| o.is_ne())
                .unwrap_or(a.len().cmp(&b.len())),
            _ => self.cmp(other),
        }
    }
}

#[derive(Clone)]
pub struct MapV {
    pub obj: Option<Rc<RefCell<MapObj>>>,
    pub ty: Ty,
}

#[derive(Clone)]
pub enum Pointer {
    Cell(Rc<RefCell<Value>>),
    Struct(Rc<StructObj>),
    Field(Rc<StructObj>, u32),
    Elem(Rc<RefCell<Vec<Value>>>, u32),
}

pub struct Closure {
    pub func: u32,
    pub caps: Box<[Rc<RefCell<Value>>]>,
    /// A method value's receiver (`f := c.Inc`).
    pub recv: Option<Value>,
    /// Its type: the function's own, or a named func type it was
    /// converted to (whose methods it then has).
    pub ty: Ty,
}

#[derive(Clone)]
pub enum ChanV {
    Chan(host::Chan, Ty),
    /// `ctx.Done()`: closed when the context is.
    Done(host::Context),
}

/// The `%T` of an error made only to carry a value of the program's own
/// error type into `fmt.Errorf`'s `%w`: its text, and the value (see
/// `fmt_prep`). `fmt.Errorf` wraps the value itself.
pub const FOR_WRAPPING: &str = "(for %w)";
/// The `ty` of what a `String` or `Error` method that `fmt` called
/// "returns" when it panics: the panic's text, which `fmt` prints as
/// `%!v(PANIC=String method: ...)`.
pub const FMT_PANIC: &str = "(panic in a method fmt called)";

pub struct ErrorObj {
    pub msg: Rc<str>,
    /// Errors made by `fmt.Errorf` with `%w`.
    pub wrapped: Option<Value>,
    /// `%T`: "*errors.errorString", "*fmt.wrapError", ...
    pub ty: &'static str,
}

pub enum NativeObj {
    WaitGroup(host::WaitGroup),
    Mutex(host::Mutex),
    /// A context, and the values `context.WithValue` put in it or its
    /// parents.
    Context(host::Context, Option<Rc<CtxValue>>),
    Ticker(Value, host::Epoch),
    /// `time.NewTimer`: its channel, and its state for `Stop` and `Reset`.
    Timer(Value, host::Timer),
}

/// One `context.WithValue`: its key and value, then its parent's.
pub struct CtxValue {
    pub key: Value,
    pub val: Value,
    pub next: Option<Rc<CtxValue>>,
}

/// A standard library function used as a value, or bound to a receiver.
#[derive(Clone)]
pub struct NativeFn {
    pub id: u32,
    pub recv: Option<Box<Value>>,
}

/// Iteration state of a `for range`.
pub enum Iter {
    Seq {
        v: Value,
        i: u32,
    },
    Str {
        s: Rc<str>,
        byte: usize,
    },
    Map {
        keys: Vec<(Value, Key)>,
        map: Rc<RefCell<MapObj>>,
        i: usize,
    },
    Count {
        n: i64,
        i: i64,
        ty: Ty,
    },
}

#[derive(Clone, Default)]
pub enum Value {
    #[default]
    Nil,
    /// A bool and its type: `bool`, or a named type over it.
    Bool(bool, Ty),
    Int(i64, Ty),
    Float(f64, Ty),
    /// A string and its type: `string`, or a named type over it (whose
    /// methods it has).
    Str(Rc<str>, Ty),
    /// Behind an `Rc` (never changed in place) so that a `Value` is 16
    /// bytes on wasm32, not 32: every move of one is half the code.
    Slice(Rc<SliceV>),
    Array(Rc<RefCell<Vec<Value>>>, Ty),
    Map(MapV),
    Struct(Rc<StructObj>),
    Ptr(Pointer),
    Func(Rc<Closure>),
    Native(NativeFn),
    Chan(ChanV),
    Error(Rc<ErrorObj>),
    Obj(Rc<NativeObj>),
    /// Nanoseconds on the run's clock.
    Time(i64),
    Iter(Rc<RefCell<Iter>>),
    /// A boxed variable's storage (only ever in a frame slot).
    Cell(Rc<RefCell<Value>>),
    /// An argument `fmt` already turned into text by its `String` or `Error` method.
    Pre(Rc<str>),
    /// A typed nil: a nil pointer, func, chan or interface holding a type.
    TypedNil(Ty),
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The trace shows values as `%v` would, without calling methods.
        f.write_str(&super::format::plain(self))
    }
}

// Every move of a `Value` is code in the page's wasm: keep it two words.
#[cfg(target_pointer_width = "32")]
const _: () = assert!(std::mem::size_of::<Value>() == 16);

impl Value {
    pub fn slice(s: SliceV) -> Value {
        Value::Slice(Rc::new(s))
    }

    /// A `bool`.
    pub fn bool(b: bool) -> Value {
        Value::Bool(b, BOOL)
    }

    pub fn int(v: i64) -> Value {
        Value::Int(v, INT)
    }

    /// A `string`.
    pub fn str(s: impl AsRef<str>) -> Value {
        Value::Str(Rc::from(s.as_ref()), STRING)
    }

    pub fn error(msg: impl Into<Rc<str>>) -> Value {
        Value::Error(Rc::new(ErrorObj {
            msg: msg.into(),
            wrapped: None,
            ty: "*errors.errorString",
        }))
    }

    /// Go's value semantics: a struct or array read from storage is a copy.
    pub fn copied(&self) -> Value {
        match self {
            Value::Struct(s) => Value::Struct(Rc::new(StructObj {
                ty: s.ty,
                fields: RefCell::new(s.fields.borrow().iter().map(Value::copied).collect()),
            })),
            Value::Array(a, ty) => Value::Array(
                Rc::new(RefCell::new(a.borrow().iter().map(Value::copied).collect())),
                *ty,
            ),
            // A WaitGroup or Mutex is a struct in Go: a copy has state of
            // its own. Contexts, tickers and timers are pointers there.
            Value::Obj(o) => match &**o {
                NativeObj::WaitGroup(wg) => Value::Obj(Rc::new(NativeObj::WaitGroup(wg.copy()))),
                NativeObj::Mutex(m) => Value::Obj(Rc::new(NativeObj::Mutex(host::copy_mutex(m)))),
                _ => self.clone(),
            },
            other => other.clone(),
        }
    }

    pub fn truthy(&self) -> bool {
        matches!(self, Value::Bool(true, _))
    }

    pub fn is_nil(&self) -> bool {
        match self {
            Value::Nil | Value::TypedNil(_) => true,
            Value::Slice(s) => s.nil,
            Value::Map(m) => m.obj.is_none(),
            _ => false,
        }
    }
}

impl SliceV {
    pub fn new(items: Vec<Value>, ty: Ty) -> SliceV {
        let n = items.len() as u32;
        SliceV {
            arr: Rc::new(RefCell::new(items)),
            off: 0,
            len: n,
            cap: n,
            ty,
            nil: false,
        }
    }

    pub fn nil(ty: Ty) -> SliceV {
        SliceV {
            nil: true,
            ..SliceV::new(Vec::new(), ty)
        }
    }

    pub fn get(&self, i: usize) -> Value {
        self.arr.borrow()[self.off as usize + i].clone()
    }

    pub fn items(&self) -> Vec<Value> {
        let a = self.arr.borrow();
        a[self.off as usize..(self.off + self.len) as usize].to_vec()
    }
}

impl Pointer {
    pub fn load(&self) -> Value {
        match self {
            Pointer::Cell(c) => c.borrow().clone(),
            Pointer::Struct(s) => Value::Struct(s.clone()),
            Pointer::Field(s, i) => s.fields.borrow()[*i as usize].clone(),
            Pointer::Elem(a, i) => a.borrow()[*i as usize].clone(),
        }
    }

    pub fn store(&self, v: Value) {
        match self {
            Pointer::Cell(c) => *c.borrow_mut() = v,
            Pointer::Struct(s) => {
                if let Value::Struct(src) = v {
                    let fields = src.fields.borrow().clone();
                    *s.fields.borrow_mut() = fields;
                }
            }
            Pointer::Field(s, i) => s.fields.borrow_mut()[*i as usize] = v,
            Pointer::Elem(a, i) => a.borrow_mut()[*i as usize] = v,
        }
    }

    /// Who the pointer points at: the object, and which field or element
    /// of it (0 for the whole object, else the index plus one). Two
    /// pointers are equal when these are.
    pub fn ident(&self) -> (usize, u32) {
        match self {
            Pointer::Cell(c) => (Rc::as_ptr(c) as *const u8 as usize, 0),
            Pointer::Struct(s) => (Rc::as_ptr(s) as *const u8 as usize, 0),
            Pointer::Field(s, i) => (Rc::as_ptr(s) as *const u8 as usize, i + 1),
            Pointer::Elem(a, i) => (Rc::as_ptr(a) as *const u8 as usize, i + 1),
        }
    }

    /// A weak hold on the object pointed at: while it lasts, the object's
    /// memory cannot go to another object, so its address stays its own.
    pub fn hold(&self) -> std::rc::Weak<dyn std::any::Any> {
        match self {
            Pointer::Cell(c) => Rc::downgrade(c) as std::rc::Weak<dyn std::any::Any>,
            Pointer::Struct(s) | Pointer::Field(s, _) => Rc::downgrade(s) as _,
            Pointer::Elem(a, _) => Rc::downgrade(a) as _,
        }
    }
}

// Dropping a long linked list of structs would recurse once per node and
// overflow the stack (1 MiB on wasm). Instead, a struct's fields are moved
// to a work list, and each value whose last owner we are gives up its
// children to the list before it is dropped.
impl Drop for StructObj {
    fn drop(&mut self) {
        let mut work: Vec<Value> = std::mem::take(self.fields.get_mut());
        while let Some(v) = work.pop() {
            detach(v, &mut work);
        }
    }
}

fn detach(v: Value, work: &mut Vec<Value>) {
    match v {
        Value::Struct(rc) | Value::Ptr(Pointer::Struct(rc)) | Value::Ptr(Pointer::Field(rc, _)) => {
            if let Ok(mut obj) = Rc::try_unwrap(rc) {
                work.append(obj.fields.get_mut());
            }
        }
        Value::Ptr(Pointer::Cell(c)) | Value::Cell(c) => {
            if let Ok(cell) = Rc::try_unwrap(c) {
                work.push(cell.into_inner());
            }
        }
        Value::Array(a, _) | Value::Ptr(Pointer::Elem(a, _)) => {
            if let Ok(items) = Rc::try_unwrap(a) {
                work.extend(items.into_inner());
            }
        }
        Value::Slice(s) => {
            if let Some(Ok(items)) = Rc::try_unwrap(s).ok().map(|s| Rc::try_unwrap(s.arr)) {
                work.extend(items.into_inner());
            }
        }
        Value::Func(c) => {
            if let Ok(closure) = Rc::try_unwrap(c) {
                work.extend(closure.caps.into_vec().into_iter().map(Value::Cell));
                work.extend(closure.recv);
            }
        }
        Value::Map(m) => {
            if let Some(Ok(map)) = m.obj.map(Rc::try_unwrap) {
                for (k, v) in map.into_inner().into_values() {
                    work.push(k);
                    work.push(v);
                }
            }
        }
        other => drop(other),
    }
}
