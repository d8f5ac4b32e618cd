//! The standard library subset: `fmt`, `time`, `sync`, `context`, `errors`,
//! `strings`, `strconv`, `sort`, `math`, `math/rand`, `log`, as natives over
//! `host`, plus a few functions written in Go (`prelude.go`) because they
//! call back into Go code.

use std::cell::Cell;
use std::rc::Rc;

use super::format;
use super::host::{self, Pending};
use super::ops::{as_f64, as_int};
use super::value::*;
use super::vm::{panic_str, After, Goroutine, NRes, Res, Shared};

pub const PACKAGES: &[&str] = &[
    "fmt",
    "time",
    "sync",
    "context",
    "errors",
    "strings",
    "strconv",
    "sort",
    "math",
    "math/rand",
    "log",
    "os",
    "sync/atomic",
    "runtime",
    "unicode/utf8",
];

/// The prelude's Go (`prelude.go`), as `build.rs` writes it: its
/// comments and indentation left out, the page's to carry.
pub const PRELUDE: &str = include_str!(concat!(env!("OUT_DIR"), "/prelude.go"));

const NAMES: &[&str] = &[
    "builtin.close",
    "builtin.panic",
    "builtin.print",
    "builtin.println",
    "builtin.delete",
    "builtin.swap",
    "builtin.randn",
    "builtin.mix",
    "builtin.permute",
    "fmt.Println",
    "fmt.Printf",
    "fmt.Print",
    "fmt.Sprintf",
    "fmt.Sprint",
    "fmt.Sprintln",
    "fmt.Errorf",
    "fmt.Fprintln",
    "fmt.Fprintf",
    "fmt.Fprint",
    "log.Println",
    "log.Printf",
    "log.Print",
    "log.Fatal",
    "log.Fatalf",
    "log.SetFlags",
    "log.SetPrefix",
    "log.Flags",
    "log.Prefix",
    "time.Sleep",
    "time.After",
    "time.Tick",
    "time.NewTicker",
    "time.NewTimer",
    "time.AfterFunc",
    "time.Now",
    "time.Since",
    "errors.New",
    "builtin.as_match",
    "builtin.fatal",
    "context.Background",
    "context.TODO",
    "context.WithCancel",
    "context.WithTimeout",
    "context.WithDeadline",
    "context.WithValue",
    "context.Canceled",
    "context.DeadlineExceeded",
    "strings.Fields",
    "strings.Split",
    "strings.Join",
    "strings.Contains",
    "strings.HasPrefix",
    "strings.HasSuffix",
    "strings.ToUpper",
    "strings.ToLower",
    "strings.Repeat",
    "strings.TrimSpace",
    "strings.Index",
    "strings.ReplaceAll",
    "strings.Replace",
    "strings.Count",
    "strings.TrimPrefix",
    "strings.TrimSuffix",
    "strings.Trim",
    "strconv.Itoa",
    "strconv.Atoi",
    "strconv.FormatInt",
    "strconv.Quote",
    "sort.Ints",
    "sort.IntsAreSorted",
    "sort.StringsAreSorted",
    "strings.IndexRune",
    "strings.IndexByte",
    "utf8.RuneCountInString",
    "utf8.RuneLen",
    "utf8.DecodeRuneInString",
    "strconv.FormatFloat",
    "time.ParseDuration",
    "strings.Title",
    "utf8.ValidString",
    "sort.Strings",
    "math.Sqrt",
    "math.Abs",
    "math.Floor",
    "math.Round",
    "math.Trunc",
    "math.Mod",
    "math.Inf",
    "math.IsInf",
    "math.IsNaN",
    "math.NaN",
    "math.Log",
    "math.Exp",
    "strings.SplitN",
    "strings.Cut",
    "strings.LastIndex",
    "strings.EqualFold",
    "strings.ContainsRune",
    "strings.ContainsAny",
    "strings.TrimLeft",
    "strings.TrimRight",
    "strings.Compare",
    "strconv.ParseInt",
    "strconv.ParseFloat",
    "strconv.ParseBool",
    "strconv.FormatBool",
    "sort.SearchInts",
    "sort.Float64s",
    "math.Ceil",
    "math.Pow",
    "math.Max",
    "math.Min",
    "rand.Intn",
    "rand.Int",
    "rand.Float64",
    "rand.Seed",
    "rand.Int63n",
    "rand.Perm",
    "os.Exit",
    "atomic.AddInt64",
    "atomic.AddInt32",
    "atomic.AddUint64",
    "atomic.AddUint32",
    "atomic.LoadInt64",
    "atomic.LoadInt32",
    "atomic.LoadUint64",
    "atomic.LoadUint32",
    "atomic.StoreInt64",
    "atomic.StoreInt32",
    "atomic.StoreUint64",
    "atomic.StoreUint32",
    "atomic.CompareAndSwapInt64",
    "atomic.CompareAndSwapInt32",
    "atomic.SwapInt64",
    "atomic.SwapInt32",
    "runtime.NumGoroutine",
    "runtime.Gosched",
    // Methods of values the standard library makes.
    "WaitGroup.Add",
    "WaitGroup.Done",
    "WaitGroup.Wait",
    "Mutex.Lock",
    "Mutex.Unlock",
    "Mutex.TryLock",
    "Context.Done",
    "Context.Err",
    "Context.cancel",
    "Context.Deadline",
    "Context.Value",
    "Duration.Milliseconds",
    "Duration.Round",
    "Duration.Truncate",
    "Duration.Abs",
    "Duration.Seconds",
    "Duration.String",
    "Duration.Minutes",
    "Duration.Hours",
    "Duration.Microseconds",
    "Duration.Nanoseconds",
    "Time.Add",
    "Time.Sub",
    "Time.Before",
    "Time.After",
    "Time.Equal",
    "Time.IsZero",
    "Time.Unix",
    "Time.UnixMilli",
    "Time.UnixMicro",
    "Time.UnixNano",
    "Time.Year",
    "Time.Day",
    "Time.Hour",
    "Time.Minute",
    "Time.Second",
    "Time.Nanosecond",
    "Time.YearDay",
    "Time.Month",
    "Time.Weekday",
    "Time.Date",
    "Time.Format",
    "Time.String",
    "time.Until",
    "runtime.NumCPU",
    "runtime.GOMAXPROCS",
    "error.Error",
    "Ticker.Stop",
    "Ticker.Reset",
    "error.Unwrap",
    "Timer.Stop",
    "Timer.Reset",
];

/// Arms an `AfterFunc` timer: when it fires, its function starts in a
/// goroutine of its own, as Go's does. The timer holds the program weakly,
/// so a pending one does not keep a finished program alive.
fn after_func(sh: &Rc<Shared>, ms: u64, timer: &host::Timer) -> bool {
    let program = Rc::downgrade(sh);
    let t = timer.clone();
    host::arm_with(&sh.rt, ms, timer, move |_| {
        if let Some(sh) = program.upgrade() {
            let f = t.func.borrow().clone();
            // Go's runtime starts it from its timer, not from a goroutine.
            if let Err(super::vm::Trap::Fatal(m)) = super::vm::start_goroutine(&sh, f, Vec::new()) {
                sh.set_fatal(format!("fatal error: {m}"), 2);
            }
        }
    })
}

pub fn native_id(name: &str) -> Option<u32> {
    NAMES.iter().position(|n| *n == name).map(|i| i as u32)
}

/// How many results a library function returns, for Go's "assignment
/// mismatch" errors; `None` where this table does not say (such a call is
/// not checked).
pub fn results(full: &str) -> Option<usize> {
    Some(match full {
        "strings.Cut" => 3,
        "strconv.Atoi"
        | "strconv.ParseInt"
        | "strconv.ParseUint"
        | "strconv.ParseFloat"
        | "strconv.ParseBool"
        | "context.WithCancel"
        | "context.WithTimeout"
        | "context.WithDeadline"
        | "fmt.Println"
        | "fmt.Printf"
        | "fmt.Print"
        | "fmt.Fprintln"
        | "fmt.Fprintf"
        | "fmt.Fprint" => 2,
        "strconv.Itoa" | "strconv.Quote" | "strconv.FormatInt" | "fmt.Sprintf" | "fmt.Sprint"
        | "fmt.Sprintln" | "fmt.Errorf" | "errors.New" | "errors.Is" | "errors.Unwrap" | "time.Now"
        | "time.Since" | "time.After" | "time.Tick" | "time.NewTicker" | "time.NewTimer"
        | "time.AfterFunc" | "context.Background" | "context.TODO" | "context.WithValue" | "rand.Intn"
        | "rand.Int" | "rand.Float64" | "rand.Perm" | "strings.ToUpper" | "strings.ToLower"
        | "strings.Repeat" | "strings.Join" | "strings.Split" | "strings.Fields" | "strings.TrimSpace"
        | "strings.Contains" | "strings.HasPrefix" | "strings.HasSuffix" | "strings.Index"
        | "strings.ReplaceAll" | "strings.Replace" | "time.Until" | "runtime.NumCPU"
        | "runtime.GOMAXPROCS" => 1,
        "time.Sleep" | "sort.Ints" | "sort.Strings" | "sort.Slice" | "sort.SliceStable" | "rand.Shuffle"
        | "rand.Seed" | "log.Println" | "log.Printf" | "log.Print" | "log.SetFlags" | "log.SetPrefix" => 0,
        _ => return None,
    })
}

/// A native's Go name (`fmt.Println`): a goroutine's, when `go` starts one.
pub fn native_name(id: u32) -> &'static str {
    name_of(id).trim_start_matches("builtin.")
}

fn name_of(id: u32) -> &'static str {
    NAMES.get(id as usize).copied().unwrap_or("")
}

/// Package members that are values, read by calling them with no arguments.
pub fn is_value(full: &str) -> bool {
    matches!(full, "context.Canceled" | "context.DeadlineExceeded")
}

/// The type `os.Stdout` and `os.Stderr` have here (they print as numbers).
const UINTPTR_FILE: Ty = UINT;

/// Whether a call prints its operands, so `FmtPrep` first turns those with
/// a `String` or `Error` method written in Go into text.
pub fn is_fmt(full: &str) -> bool {
    // Every function of `fmt` and `log` that we have prints its operands.
    full.starts_with("fmt.") || full.starts_with("log.")
}

/// `log`'s flags, as its constants name them.
const LOG_DATE: i64 = 1;
const LOG_TIME: i64 = 2;
const LOG_MICRO: i64 = 4;
const LOG_LONG_FILE: i64 = 8;
const LOG_SHORT_FILE: i64 = 16;
const LOG_MSG_PREFIX: i64 = 64;
/// `log.LstdFlags`, what a program starts with.
pub const LOG_STD: i64 = LOG_DATE | LOG_TIME;

pub fn constant(full: &str) -> Option<Value> {
    let d = |ns: i64| Some(Value::Int(ns, DURATION));
    match full {
        "time.Nanosecond" => d(1),
        "time.Microsecond" => d(1_000),
        "time.Millisecond" => d(1_000_000),
        "time.Second" => d(1_000_000_000),
        "time.Minute" => d(60_000_000_000),
        "time.Hour" => d(3_600_000_000_000),
        "math.Pi" => Some(Value::Float(std::f64::consts::PI, FLOAT64)),
        "math.E" => Some(Value::Float(std::f64::consts::E, FLOAT64)),
        "math.MaxInt" | "math.MaxInt64" => Some(Value::int(i64::MAX)),
        "math.MinInt" | "math.MinInt64" => Some(Value::int(i64::MIN)),
        "math.MaxInt32" => Some(Value::int(i32::MAX as i64)),
        "math.MaxInt16" => Some(Value::int(i16::MAX as i64)),
        "math.MaxInt8" => Some(Value::int(i8::MAX as i64)),
        "math.MaxUint32" => Some(Value::int(u32::MAX as i64)),
        "math.MaxUint8" => Some(Value::int(u8::MAX as i64)),
        "math.MaxFloat64" => Some(Value::Float(f64::MAX, FLOAT64)),
        "math.SmallestNonzeroFloat64" => Some(Value::Float(f64::from_bits(1), FLOAT64)),
        // Writers: only the process's own two.
        "os.Stdout" => Some(Value::Int(1, UINTPTR_FILE)),
        "os.Stderr" => Some(Value::Int(2, UINTPTR_FILE)),
        "math.MinInt32" => Some(Value::int(i32::MIN as i64)),
        "log.Ldate" => Some(Value::int(LOG_DATE)),
        "log.Ltime" => Some(Value::int(LOG_TIME)),
        "log.Lmicroseconds" => Some(Value::int(LOG_MICRO)),
        "log.Llongfile" => Some(Value::int(LOG_LONG_FILE)),
        "log.Lshortfile" => Some(Value::int(LOG_SHORT_FILE)),
        "log.LUTC" => Some(Value::int(32)),
        "log.Lmsgprefix" => Some(Value::int(LOG_MSG_PREFIX)),
        "log.LstdFlags" => Some(Value::int(LOG_STD)),
        _ => {
            // time.Sunday to time.Saturday, time.January to time.December,
            // and the layouts.
            let name = full.strip_prefix("time.")?;
            let named = |names: &[&str], first: i64, ty: Ty| {
                let k = names.iter().position(|n| *n == name)?;
                Some(Value::Int(k as i64 + first, ty))
            };
            named(&super::civil::DAYS, 0, WEEKDAY)
                .or_else(|| named(&super::civil::MONTHS, 1, MONTH))
                .or_else(|| super::civil::layout(name).map(|l| Value::Str(Rc::from(l), STRING)))
        }
    }
}

pub fn prelude_func(full: &str) -> Option<&'static str> {
    match full {
        "sort.Slice" => Some("__sort_Slice"),
        "sort.SliceStable" => Some("__sort_SliceStable"),
        "sort.Sort" => Some("__sort_Sort"),
        "strings.Map" => Some("__strings_Map"),
        "sort.Stable" => Some("__sort_Stable"),
        "sort.Reverse" => Some("__sort_Reverse"),
        "rand.Shuffle" => Some("__rand_Shuffle"),
        "rand.New" => Some("__rand_New"),
        "rand.NewSource" => Some("__rand_NewSource"),
        "errors.Is" => Some("__errors_Is"),
        "errors.As" => Some("__errors_As"),
        "errors.Unwrap" => Some("__errors_Unwrap"),
        "sync.NewCond" => Some("__sync_NewCond"),
        _ => None,
    }
}

/// The standard library's types that the prelude writes in Go: each one's
/// Go name and the prelude's.
const PRELUDE_TYPES: &[(&str, &str)] = &[
    ("sync.Once", "__sync_Once"),
    ("sync.RWMutex", "__sync_RWMutex"),
    ("sync.Cond", "__sync_Cond"),
    ("sync.Locker", "__sync_Locker"),
    ("strings.Builder", "__strings_Builder"),
    ("sync.Map", "__sync_Map"),
    ("rand.Rand", "__rand_Rand"),
    ("rand.Source", "__rand_Source"),
    ("atomic.Int64", "__atomic_Int64"),
    ("atomic.Int32", "__atomic_Int32"),
    ("atomic.Uint64", "__atomic_Uint64"),
    ("atomic.Uint32", "__atomic_Uint32"),
    ("atomic.Bool", "__atomic_Bool"),
    ("sort.Interface", "__sort_Interface"),
    ("sort.IntSlice", "__sort_IntSlice"),
    ("sort.StringSlice", "__sort_StringSlice"),
];

/// The prelude's type for a standard library type a program names.
pub fn prelude_type(full: &str) -> Option<&'static str> {
    PRELUDE_TYPES
        .iter()
        .find(|(go, _)| *go == full)
        .map(|(_, ours)| *ours)
}

/// The Go name of a prelude type, as `%T` prints it.
pub fn prelude_type_name(name: &str) -> Option<&'static str> {
    // rand.NewSource's, which no program can name.
    if name == "__rand_source" {
        return Some("rand.rngSource");
    }
    PRELUDE_TYPES
        .iter()
        .find(|(_, ours)| *ours == name)
        .map(|(go, _)| *go)
}

/// The fields and methods Go gives a type of the standard library's that
/// programs name, whole, so that a slip (`wg.done()`) is Go's compile
/// error and a real member the runtime lacks (`b.Grow`) says it is outside
/// the subset, both before the program runs.
pub fn library_members(ty: &str) -> Option<&'static [&'static str]> {
    Some(match ty {
        "sync.WaitGroup" => &["Add", "Done", "Wait", "Go"],
        "sync.Mutex" => &["Lock", "Unlock", "TryLock"],
        "sync.RWMutex" => &[
            "Lock", "Unlock", "TryLock", "RLock", "RUnlock", "TryRLock", "RLocker",
        ],
        "sync.Once" => &["Do"],
        "sync.Map" => &[
            "Load",
            "Store",
            "LoadOrStore",
            "LoadAndDelete",
            "Delete",
            "Swap",
            "CompareAndSwap",
            "CompareAndDelete",
            "Range",
            "Clear",
        ],
        "sync.Cond" => &["L", "Wait", "Signal", "Broadcast"],
        "sync.Locker" => &["Lock", "Unlock"],
        "context.Context" => &["Deadline", "Done", "Err", "Value"],
        "strings.Builder" => &[
            "Cap",
            "Grow",
            "Len",
            "Reset",
            "String",
            "Write",
            "WriteByte",
            "WriteRune",
            "WriteString",
        ],
        // Go 1.19's: And and Or came in 1.23.
        "atomic.Int64" | "atomic.Int32" | "atomic.Uint64" | "atomic.Uint32" => {
            &["Add", "CompareAndSwap", "Load", "Store", "Swap"]
        }
        "atomic.Bool" => &["CompareAndSwap", "Load", "Store", "Swap"],
        "sort.Interface" => &["Len", "Less", "Swap"],
        "sort.IntSlice" | "sort.StringSlice" => &["Len", "Less", "Swap", "Search", "Sort"],
        "rand.Rand" => &[
            "ExpFloat64",
            "Float32",
            "Float64",
            "Int",
            "Int31",
            "Int31n",
            "Int63",
            "Int63n",
            "Intn",
            "NormFloat64",
            "Perm",
            "Read",
            "Seed",
            "Shuffle",
            "Uint32",
            "Uint64",
        ],
        "time.Duration" => &[
            "Hours",
            "Minutes",
            "Seconds",
            "Milliseconds",
            "Microseconds",
            "Nanoseconds",
            "String",
            "Round",
            "Truncate",
            "Abs",
        ],
        // Timers and tickers share one type here, and one member set.
        "*time.Ticker" => &["C", "Stop", "Reset"],
        "time.Time" => &[
            "Add",
            "AddDate",
            "After",
            "AppendFormat",
            "Before",
            "Clock",
            "Compare",
            "Date",
            "Day",
            "Equal",
            "Format",
            "GoString",
            "Hour",
            "ISOWeek",
            "In",
            "IsDST",
            "IsZero",
            "Local",
            "Location",
            "Minute",
            "Month",
            "Nanosecond",
            "Round",
            "Second",
            "String",
            "Sub",
            "Truncate",
            "UTC",
            "Unix",
            "UnixMicro",
            "UnixMilli",
            "UnixNano",
            "Weekday",
            "Year",
            "YearDay",
            "Zone",
        ],
        _ => return None,
    })
}

pub fn prelude_type_name_of(types: &Types, ty: Ty) -> Option<&'static str> {
    match types.name(ty) {
        "sync.Once" => Some("sync.Once"),
        "strings.Builder" => Some("strings.Builder"),
        _ => None,
    }
}

/// The native method `name` of a value the standard library made.
pub fn method_id(v: &Value, name: &str) -> Option<u32> {
    native_id(&format!("{}.{name}", native_type(v)?))
}

/// The standard library's type of `v`, when it is one whose methods are
/// ours (`Duration`, `Time`, `WaitGroup`, ...).
/// [`native_type`]'s name for the static type named `ty`: the prefix of
/// its methods' natives (`Time.Format`). Timers and tickers share a static
/// type and are left out: their natives differ.
pub fn native_prefix(ty: &str) -> Option<&'static str> {
    Some(match ty {
        "time.Time" => "Time",
        "time.Duration" => "Duration",
        "sync.WaitGroup" => "WaitGroup",
        "sync.Mutex" => "Mutex",
        "context.Context" => "Context",
        _ => return None,
    })
}

pub fn native_type(v: &Value) -> Option<&'static str> {
    Some(match v {
        Value::Obj(o) => match &**o {
            NativeObj::WaitGroup(_) => "WaitGroup",
            NativeObj::Mutex(_) => "Mutex",
            NativeObj::Context(..) => "Context",
            NativeObj::Ticker(..) => "Ticker",
            NativeObj::Timer(..) => "Timer",
        },
        Value::Int(_, DURATION) => "Duration",
        Value::Time(_) => "Time",
        Value::Error(_) => "error",
        _ => return None,
    })
}

fn ms_of(d: &Value) -> u64 {
    let ns = as_int(d);
    if ns <= 0 {
        0
    } else {
        (ns as u64).div_ceil(1_000_000)
    }
}

fn vals(v: Vec<Value>) -> Res<NRes> {
    Ok(NRes::Vals(v))
}

fn one(v: Value) -> Res<NRes> {
    vals(vec![v])
}

/// The type of an integer held where an atomic function points.
fn type_of_int(v: &Value) -> Ty {
    match v {
        Value::Int(_, t) => *t,
        _ => INT64,
    }
}

/// strconv's `*NumError`: `strconv.ParseInt: parsing "x": invalid syntax`.
fn num_error(func: &str, input: &str, why: &str) -> Value {
    Value::Error(Rc::new(ErrorObj {
        msg: Rc::from(format!("strconv.{func}: parsing {}: {why}", format::quote(input))),
        wrapped: None,
        ty: "*strconv.NumError",
    }))
}

fn none() -> Res<NRes> {
    vals(Vec::new())
}

fn s(v: &Value) -> Rc<str> {
    match v {
        Value::Str(s, _) | Value::Pre(s) => s.clone(),
        other => Rc::from(format::plain(other)),
    }
}

fn strs(items: impl IntoIterator<Item = String>) -> Value {
    Value::slice(SliceV::new(
        items.into_iter().map(Value::str).collect(),
        string_slice_ty(),
    ))
}

fn string_slice_ty() -> Ty {
    // "[]string" is interned by the compiler when a program names it; the
    // printing does not depend on it.
    ANY
}

fn ctx_of(v: &Value) -> Option<host::Context> {
    match v {
        Value::Obj(o) => match &**o {
            NativeObj::Context(c, _) => Some(c.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// The values `context.WithValue` put in a context or its parents.
fn ctx_values(v: &Value) -> Option<Rc<CtxValue>> {
    match v {
        Value::Obj(o) => match &**o {
            NativeObj::Context(_, values) => values.clone(),
            _ => None,
        },
        _ => None,
    }
}

/// What a timer or ticker sends: the time it fired.
fn time_value(now_ms: u64) -> Value {
    Value::Time(now_ms as i64 * 1_000_000)
}

fn now_ns(g: &Goroutine) -> i64 {
    host::now_ms(&g.sh.rt) as i64 * 1_000_000
}

/// What `log` writes before a message, as its flags ask: the prefix, the
/// date and time (by the run's clock, as Go's log stamps by the wall's),
/// and the file and line (the Go Playground's file is `prog.go`).
fn log_header(g: &Goroutine) -> String {
    let flags = g.sh.log_flags.get();
    let prefix = g.sh.log_prefix.borrow().clone();
    let mut out = if flags & LOG_MSG_PREFIX == 0 {
        prefix.clone()
    } else {
        String::new()
    };
    let now = now_ns(g);
    if flags & LOG_DATE != 0 {
        out.push_str(&super::civil::format(now, "2006/01/02 "));
    }
    if flags & (LOG_TIME | LOG_MICRO) != 0 {
        let layout = if flags & LOG_MICRO != 0 {
            "15:04:05.000000 "
        } else {
            "15:04:05 "
        };
        out.push_str(&super::civil::format(now, layout));
    }
    if flags & (LOG_LONG_FILE | LOG_SHORT_FILE) != 0 {
        let line = g.here().map_or(0, |s| s.line);
        out.push_str(&format!("prog.go:{line}: "));
    }
    if flags & LOG_MSG_PREFIX != 0 {
        out.push_str(&prefix);
    }
    out
}

/// Starts a ticker's ticks on `c`, every `ms`, while `epoch` stays where it
/// is. Each tick counts toward the step cap (the program is held weakly:
/// a ticker must not keep it alive), so `select {}` beside a ticker that is
/// never stopped ends instead of ticking forever.
fn start_ticker(sh: &Rc<Shared>, c: host::Chan, ms: u64, epoch: host::Epoch) {
    let program = Rc::downgrade(sh);
    host::ticker(&sh.rt, c, ms, epoch, move |now| {
        if let Some(sh) = program.upgrade() {
            sh.charge(100);
        }
        Value::Time(now as i64 * 1_000_000)
    });
}

/// Go's `time.ParseDuration`: signed numbers with units (`1h15m30.5s`),
/// or the start of Go's error text.
fn parse_duration(text: &str) -> Result<i64, String> {
    const UNITS: [(&str, f64); 8] = [
        ("ns", 1.0),
        ("us", 1e3),
        ("\u{b5}s", 1e3),
        ("\u{3bc}s", 1e3),
        ("ms", 1e6),
        ("s", 1e9),
        ("m", 60e9),
        ("h", 3600e9),
    ];
    let invalid = || "invalid duration".to_string();
    let (neg, mut rest) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if rest == "0" {
        return Ok(0);
    }
    if rest.is_empty() {
        return Err(invalid());
    }
    let mut total = 0.0f64;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let number = &rest[..number_len];
        if number.is_empty() || number == "." {
            return Err(invalid());
        }
        let value = super::float::parse(number).ok_or_else(invalid)?;
        rest = &rest[number_len..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let unit = &rest[..unit_len];
        if unit.is_empty() {
            return Err("missing unit in duration".into());
        }
        let Some(&(_, scale)) = UNITS.iter().find(|(u, _)| *u == unit) else {
            return Err(format!("unknown unit {} in duration", format::quote(unit)));
        };
        total += value * scale;
        rest = &rest[unit_len..];
    }
    if total > i64::MAX as f64 {
        return Err(invalid());
    }
    let ns = total.round() as i64;
    Ok(if neg { -ns } else { ns })
}

/// A stable bottom-up merge sort: one small function, where core's sort is
/// instantiated (about 3 KB of wasm) for every element type and order.
fn merge_sort<T: Clone>(items: &mut Vec<T>, less: fn(&T, &T) -> bool) {
    let n = items.len();
    let mut buf = items.clone();
    let mut width = 1;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let (mid, end) = ((start + width).min(n), (start + 2 * width).min(n));
            let (src, dst) = (&items[..], &mut buf[start..end]);
            let (mut a, mut b, mut k) = (start, mid, 0);
            while a < mid && b < end {
                // Ties take the left run's item first: stable.
                if less(&src[b], &src[a]) {
                    dst[k] = src[b].clone();
                    b += 1;
                } else {
                    dst[k] = src[a].clone();
                    a += 1;
                }
                k += 1;
            }
            dst[k..k + mid - a].clone_from_slice(&src[a..mid]);
            dst[k + mid - a..].clone_from_slice(&src[b..end]);
        }
        std::mem::swap(items, &mut buf);
        width *= 2;
    }
}

pub fn call(g: &mut Goroutine, id: u32, args: Vec<Value>) -> Res<NRes> {
    let sh = g.sh.clone();
    let types = &sh.prog.types;
    let a = |i: usize| args.get(i).cloned().unwrap_or_default();
    match name_of(id) {
        "builtin.close" => {
            super::vm::close(a(0))?;
            none()
        }
        "builtin.panic" => Err(super::vm::Trap::Panic(a(0))),
        // The prelude's way to Go's unrecoverable runtime errors.
        "builtin.fatal" => Err(super::vm::Trap::Fatal(format::plain(&a(0)))),
        "builtin.print" | "builtin.println" => {
            let text = format::runtime_print(&args, name_of(id) == "builtin.println");
            sh.write_err(&text);
            none()
        }
        "builtin.delete" => {
            if let Value::Map(MapV { obj: Some(m), .. }) = a(0) {
                m.borrow_mut().remove(&super::ops::key(&a(1))?);
            }
            none()
        }
        // The executor runs one goroutine at a time and switches only
        // between instructions: a native call is atomic.
        n if n.starts_with("atomic.") => {
            let Value::Ptr(p) = a(0) else {
                return Err(super::vm::nil_deref());
            };
            let old = p.load();
            let op = &n["atomic.".len()..];
            if op.starts_with("Load") {
                one(old)
            } else if op.starts_with("Store") {
                p.store(super::ops::convert(types, a(1), type_of_int(&old))?);
                none()
            } else if op.starts_with("Swap") {
                p.store(super::ops::convert(types, a(1), type_of_int(&old))?);
                one(old)
            } else if op.starts_with("CompareAndSwap") {
                let swap = super::ops::equal(&old, &a(1))?;
                if swap {
                    p.store(super::ops::convert(types, a(2), type_of_int(&old))?);
                }
                one(Value::bool(swap))
            } else {
                let new = super::ops::binary(types, super::ir::Op::Add, old.clone(), a(1))?;
                let new = super::ops::convert(types, new, type_of_int(&old))?;
                p.store(new.clone());
                one(new)
            }
        }
        // `errors.As`'s test of one error: whether its dynamic type is
        // that of the variable the target points at, and if so, storing it
        // there. (A target of interface type holds no type to go by.)
        "builtin.as_match" => {
            let (err, target) = (a(0), a(1));
            let Value::Ptr(p) = target else {
                return Err(panic_str("errors: target must be a non-nil pointer"));
            };
            // The target's static type, where the compiler knows it: a nil
            // interface variable holds no type of its own, and a non-nil
            // pointer (a target reused after a match) holds only its
            // pointee's.
            let declared = u32::try_from(as_int(&a(2)))
                .ok()
                .filter(|&t| t != 0 && (t as usize) < types.list.len());
            let want = declared.or(match p.load() {
                Value::TypedNil(t) | Value::Int(_, t) | Value::Str(_, t) => Some(t),
                Value::Struct(rc) => Some(rc.ty),
                _ => None,
            });
            let hit = want.is_some_and(|t| g.has_type(&err, t));
            if hit {
                p.store(err);
            }
            one(Value::bool(hit))
        }
        "runtime.NumGoroutine" => one(Value::int(sh.goroutines.get() as i64)),
        "runtime.Gosched" => {
            g.yielding = true;
            none()
        }
        "builtin.swap" => {
            let (i, j) = (as_int(&a(1)), as_int(&a(2)));
            if let Value::Slice(sl) = a(0) {
                let n = sl.len as i64;
                if (0..n).contains(&i) && (0..n).contains(&j) {
                    sl.arr
                        .borrow_mut()
                        .swap((sl.off as i64 + i) as usize, (sl.off as i64 + j) as usize);
                }
            }
            none()
        }
        // sort.Slice's last step: the slice in the order its merge sort
        // found, item k taken from where `order[k]` says.
        "builtin.permute" => {
            if let (Value::Slice(sl), Value::Slice(order)) = (a(0), a(1)) {
                let items = sl.items();
                let sorted: Vec<Value> = order
                    .items()
                    .iter()
                    .filter_map(|i| items.get(usize::try_from(as_int(i)).ok()?).cloned())
                    .collect();
                let mut arr = sl.arr.borrow_mut();
                for (j, v) in sorted.into_iter().enumerate().take(sl.len as usize) {
                    arr[sl.off as usize + j] = v;
                }
            }
            none()
        }
        // SplitMix64's finaliser, for the prelude's seeded source.
        "builtin.mix" => {
            let mut z = as_int(&a(0)) as u64;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            one(Value::int((z ^ (z >> 31)) as i64))
        }
        "builtin.randn" | "rand.Intn" | "rand.Int63n" => {
            let n = as_int(&a(0));
            if n <= 0 {
                return Err(panic_str("invalid argument to Intn"));
            }
            one(Value::int(host::rand_below(&sh.rt, n as u64) as i64))
        }
        "rand.Int" => one(Value::int((host::rand_below(&sh.rt, u64::MAX >> 1) >> 1) as i64)),
        "rand.Float64" => one(Value::Float(
            host::rand_below(&sh.rt, 1 << 53) as f64 / (1u64 << 53) as f64,
            FLOAT64,
        )),
        "rand.Seed" => none(),
        "rand.Perm" => {
            let n = as_int(&a(0)).clamp(0, 1 << 20) as usize;
            let mut p: Vec<i64> = (0..n as i64).collect();
            for i in (1..n).rev() {
                let j = host::rand_below(&sh.rt, i as u64 + 1) as usize;
                p.swap(i, j);
            }
            one(Value::slice(SliceV::new(
                p.into_iter().map(Value::int).collect(),
                ANY,
            )))
        }
        "fmt.Println" | "fmt.Print" | "fmt.Printf" => {
            let text = match name_of(id) {
                "fmt.Println" => format!("{}\n", format::sprintln(types, &args)),
                "fmt.Print" => format::sprint(types, &args),
                _ => format::sprintf(types, &s(&a(0)), &args[1.min(args.len())..]),
            };
            sh.write_out(&text);
            written(&text)
        }
        "fmt.Fprintln" | "fmt.Fprintf" | "fmt.Fprint" => {
            let text = match name_of(id) {
                "fmt.Fprintln" => format!("{}\n", format::sprintln(types, &args[1.min(args.len())..])),
                "fmt.Fprint" => format::sprint(types, &args[1.min(args.len())..]),
                _ => format::sprintf(types, &s(&a(1)), &args[2.min(args.len())..]),
            };
            match a(0) {
                Value::Int(2, UINTPTR_FILE) => sh.write_err(&text),
                Value::Int(1, UINTPTR_FILE) => sh.write_out(&text),
                // A `*strings.Builder` holds its text in its one field.
                Value::Ptr(p) if matches!(p.load(), Value::Struct(b) if types.name(b.ty) == "strings.Builder") => {
                    if let Value::Struct(b) = p.load() {
                        let mut fields = b.fields.borrow_mut();
                        if let Some(Value::Str(old, _)) = fields.first() {
                            let joined = format!("{old}{text}");
                            fields[0] = Value::str(&joined);
                        }
                    }
                }
                _ => {
                    return Err(panic_str(
                        "fmt.Fprint to a writer other than os.Stdout, os.Stderr or a *strings.Builder is not supported here",
                    ))
                }
            }
            written(&text)
        }
        "fmt.Sprintf" => one(Value::str(format::sprintf(
            types,
            &s(&a(0)),
            &args[1.min(args.len())..],
        ))),
        "fmt.Sprint" => one(Value::str(format::sprint(types, &args))),
        "fmt.Sprintln" => one(Value::str(format!("{}\n", format::sprintln(types, &args)))),
        "fmt.Errorf" => {
            let f = s(&a(0));
            let rest = &args[1.min(args.len())..];
            // The argument of the first `%w` (Go 1.20 wraps every one; the
            // first is what `errors.Unwrap` gives).
            let verbs = format::verbs(&f, rest.len());
            let wrapped = verbs
                .iter()
                .position(|&v| v == 'w')
                .and_then(|i| rest.get(i))
                .map(|v| match v {
                    Value::Error(e) if e.ty == super::value::FOR_WRAPPING => {
                        e.wrapped.clone().unwrap_or_default()
                    }
                    v => v.clone(),
                });
            // A nil `%w` operand prints as Go's bad-verb text.
            let rest: Vec<Value> = rest
                .iter()
                .enumerate()
                .map(|(i, v)| match (verbs.get(i), v) {
                    (Some('w'), Value::Nil) => Value::str("%!w(<nil>)"),
                    _ => v.clone(),
                })
                .collect();
            let msg = format::sprintf(types, &f.replace("%w", "%v"), &rest);
            one(Value::Error(Rc::new(ErrorObj {
                msg: Rc::from(msg),
                ty: if wrapped.is_some() {
                    "*fmt.wrapError"
                } else {
                    "*errors.errorString"
                },
                wrapped,
            })))
        }
        "log.Println" | "log.Printf" | "log.Print" | "log.Fatal" | "log.Fatalf" => {
            let name = name_of(id);
            let mut text = if name.ends_with('f') {
                format::sprintf(types, &s(&a(0)), &args[1.min(args.len())..])
            } else if name == "log.Println" {
                format::sprintln(types, &args)
            } else {
                format::sprint(types, &args)
            };
            if text.ends_with('\n') {
                text.pop();
            }
            sh.write_err(&format!("{}{text}\n", log_header(g)));
            if name.starts_with("log.Fatal") {
                sh.set_exit(1, text);
                return Err(super::vm::Trap::Exit);
            }
            none()
        }
        "log.SetFlags" => {
            sh.log_flags.set(as_int(&a(0)));
            none()
        }
        "log.SetPrefix" => {
            *sh.log_prefix.borrow_mut() = s(&a(0)).to_string();
            none()
        }
        "log.Flags" => one(Value::int(sh.log_flags.get())),
        "log.Prefix" => one(Value::str(sh.log_prefix.borrow().as_str())),
        // The program ends here: nothing after the call runs, not even the
        // calling goroutine's deferred calls.
        "os.Exit" => {
            sh.set_exit(as_int(&a(0)) as i32, String::new());
            Err(super::vm::Trap::Exit)
        }
        "time.Sleep" => {
            let ms = ms_of(&a(0));
            if as_int(&a(0)) <= 0 {
                return none();
            }
            Ok(NRes::Block(Pending::sleep(&sh.rt, ms), After::Nothing))
        }
        "time.After" => {
            let c = host::make_chan(&sh.rt, "time.After", 1);
            host::after(&sh.rt, &sh.dues, c.clone(), ms_of(&a(0)), time_value);
            one(Value::Chan(ChanV::Chan(c, TIME)))
        }
        "time.NewTimer" => {
            let c = host::make_chan(&sh.rt, "time.NewTimer", 1);
            let timer = host::Timer::default();
            host::arm(&sh.rt, &sh.dues, c.clone(), ms_of(&a(0)), &timer, time_value);
            let ch = Value::Chan(ChanV::Chan(c, TIME));
            one(Value::Obj(Rc::new(NativeObj::Timer(ch, timer))))
        }
        "time.AfterFunc" => {
            let timer = host::Timer::default();
            *timer.func.borrow_mut() = a(1);
            after_func(&sh, ms_of(&a(0)), &timer);
            // Its channel is nil, as Go's is: the function is the news.
            let ch = Value::Nil;
            one(Value::Obj(Rc::new(NativeObj::Timer(ch, timer))))
        }
        "Timer.Stop" | "Timer.Reset" => {
            let Value::Obj(o) = a(0) else {
                return Err(super::vm::nil_deref());
            };
            let NativeObj::Timer(ch, t) = &*o else {
                return one(Value::bool(false));
            };
            let c = match ch {
                Value::Chan(ChanV::Chan(c, _)) => Some(c),
                _ => None,
            };
            let was = match (c, name_of(id)) {
                (c, "Timer.Stop") => host::disarm(&sh.dues, c, t),
                (Some(c), _) => host::arm(&sh.rt, &sh.dues, c.clone(), ms_of(&a(1)), t, time_value),
                (None, _) => after_func(&sh, ms_of(&a(1)), t),
            };
            one(Value::bool(was))
        }
        "time.Tick" | "time.NewTicker" => {
            let ms = ms_of(&a(0));
            if ms == 0 {
                return Err(panic_str("non-positive interval for NewTicker"));
            }
            let c = host::make_chan(&sh.rt, "ticker", 1);
            let epoch: host::Epoch = Rc::new(Cell::new(0));
            start_ticker(&sh, c.clone(), ms, epoch.clone());
            let ch = Value::Chan(ChanV::Chan(c, TIME));
            if name_of(id) == "time.Tick" {
                return one(ch);
            }
            one(Value::Obj(Rc::new(NativeObj::Ticker(ch, epoch))))
        }
        "time.Now" => one(Value::Time(now_ns(g))),
        "time.Until" => {
            let t = match a(0) {
                Value::Time(t) => t,
                _ => 0,
            };
            one(Value::Int(super::civil::sub(t, now_ns(g)), DURATION))
        }
        // The run has one thread; Go's usual worker-pool size reads this,
        // and a fixed answer keeps a run the same on every machine.
        "runtime.NumCPU" => one(Value::int(8)),
        "runtime.GOMAXPROCS" => {
            let n = as_int(&a(0));
            let was = sh.procs.get();
            if n > 0 {
                sh.procs.set(n);
            }
            one(Value::int(was))
        }
        "time.Since" => {
            let t = match a(0) {
                Value::Time(t) => t,
                _ => 0,
            };
            one(Value::Int(super::civil::sub(now_ns(g), t), DURATION))
        }
        "errors.New" => one(Value::error(s(&a(0)))),
        "error.Unwrap" => one(match a(0) {
            Value::Error(e) => e.wrapped.clone().unwrap_or_default(),
            _ => Value::Nil,
        }),
        "context.Background" | "context.TODO" => one(Value::Obj(Rc::new(NativeObj::Context(
            host::background(&sh.rt),
            None,
        )))),
        "context.WithCancel" | "context.WithTimeout" | "context.WithDeadline" => {
            let Some(parent) = ctx_of(&a(0)) else {
                return Err(panic_str("cannot create context from nil parent"));
            };
            let ctx = match name_of(id) {
                "context.WithCancel" => host::with_cancel(&parent),
                "context.WithTimeout" => host::with_timeout(&sh.rt, &parent, ms_of(&a(1))),
                _ => {
                    let at = match a(1) {
                        Value::Time(t) => (t.max(0) as u64).div_ceil(1_000_000),
                        _ => 0,
                    };
                    host::with_deadline(&sh.rt, &parent, at)
                }
            };
            let obj = Value::Obj(Rc::new(NativeObj::Context(ctx, ctx_values(&a(0)))));
            let cancel = Value::Native(NativeFn {
                id: native_id("Context.cancel").unwrap_or(0),
                recv: Some(Box::new(obj.clone())),
            });
            vals(vec![obj, cancel])
        }
        "context.WithValue" => {
            let Some(parent) = ctx_of(&a(0)) else {
                return Err(panic_str("cannot create context from nil parent"));
            };
            if matches!(a(1), Value::Nil) {
                return Err(panic_str("nil key"));
            }
            let values = Rc::new(CtxValue {
                key: a(1),
                val: a(2),
                next: ctx_values(&a(0)),
            });
            one(Value::Obj(Rc::new(NativeObj::Context(parent, Some(values)))))
        }
        "Context.Value" => {
            let mut at = ctx_values(&a(0));
            while let Some(v) = at {
                if super::ops::iface_equal(&v.key, &a(1)).unwrap_or(false) {
                    return one(v.val.clone());
                }
                at = v.next.clone();
            }
            one(Value::Nil)
        }
        "context.Canceled" => one(sh.canceled.clone()),
        "context.DeadlineExceeded" => one(sh.deadline_exceeded.clone()),
        "Context.cancel" => {
            if let Some(c) = ctx_of(&a(0)) {
                host::cancel(&c);
            }
            none()
        }
        "Context.Done" => match ctx_of(&a(0)) {
            Some(c) => one(Value::Chan(ChanV::Done(c))),
            None => one(Value::Nil),
        },
        "Context.Deadline" => {
            let at = ctx_of(&a(0)).and_then(|c| host::ctx_deadline(&c));
            vals(vec![
                Value::Time(at.map_or(ZERO_TIME, |ms| (ms as i64).saturating_mul(1_000_000))),
                Value::bool(at.is_some()),
            ])
        }
        "Context.Err" => one(match ctx_of(&a(0)).and_then(|c| host::ctx_err(&c)) {
            Some(true) => sh.deadline_exceeded.clone(),
            Some(false) => sh.canceled.clone(),
            None => Value::Nil,
        }),
        "strings.Fields" => one(strs(s(&a(0)).split_whitespace().map(str::to_string))),
        "strings.Split" => {
            let (x, sep) = (s(&a(0)), s(&a(1)));
            if sep.is_empty() {
                return one(strs(x.chars().map(|c| c.to_string())));
            }
            one(strs(x.split(&*sep).map(str::to_string)))
        }
        "strings.Join" => {
            let items = match a(0) {
                Value::Slice(sl) => sl.items(),
                _ => Vec::new(),
            };
            let parts: Vec<String> = items.iter().map(|v| s(v).to_string()).collect();
            one(Value::str(parts.join(&s(&a(1)))))
        }
        "strings.Contains" => one(Value::bool(s(&a(0)).contains(&*s(&a(1))))),
        "strings.HasPrefix" => one(Value::bool(s(&a(0)).starts_with(&*s(&a(1))))),
        "strings.HasSuffix" => one(Value::bool(s(&a(0)).ends_with(&*s(&a(1))))),
        "strings.ToUpper" => one(Value::str(super::case::to_upper(&s(&a(0))))),
        "strings.ToLower" => one(Value::str(super::case::to_lower(&s(&a(0))))),
        "strings.Repeat" => {
            let n = as_int(&a(1));
            let x = s(&a(0));
            if n < 0 {
                return Err(panic_str("strings: negative Repeat count"));
            }
            // Go's panic is for a length past int; one past the memory
            // limit is its out-of-memory error.
            let Some(len) = (x.len() as u64).checked_mul(n as u64) else {
                return Err(panic_str("strings: Repeat output length overflow"));
            };
            // u64 first: on wasm32 a usize would cut the count to 32 bits.
            let len = usize::try_from(len).unwrap_or(usize::MAX);
            sh.reserve(len)?;
            one(Value::str(x.repeat(n as usize)))
        }
        "strings.TrimSpace" => one(Value::str(s(&a(0)).trim())),
        "strings.SplitN" => {
            let (x, sep, n) = (s(&a(0)), s(&a(1)), as_int(&a(2)));
            let parts: Vec<String> = match n {
                0 => return one(Value::slice(SliceV::nil(string_slice_ty()))),
                // An empty separator splits after each character, the last
                // part taking the rest.
                n if sep.is_empty() => {
                    let chars: Vec<(usize, char)> = x.char_indices().collect();
                    let cut = if n < 0 {
                        chars.len()
                    } else {
                        (n as usize).min(chars.len())
                    };
                    let mut parts: Vec<String> = Vec::new();
                    for (k, &(at, c)) in chars.iter().enumerate().take(cut) {
                        if k + 1 == cut {
                            parts.push(x[at..].to_string());
                        } else {
                            parts.push(c.to_string());
                        }
                    }
                    parts
                }
                n if n < 0 => x.split(&*sep).map(str::to_string).collect(),
                n => x.splitn(n as usize, &*sep).map(str::to_string).collect(),
            };
            one(strs(parts))
        }
        "strings.Cut" => {
            let (x, sep) = (s(&a(0)), s(&a(1)));
            match x.split_once(&*sep) {
                Some((before, after)) => vals(vec![Value::str(before), Value::str(after), Value::bool(true)]),
                None => vals(vec![Value::Str(x, STRING), Value::str(""), Value::bool(false)]),
            }
        }
        "strings.LastIndex" => one(Value::int(s(&a(0)).rfind(&*s(&a(1))).map_or(-1, |i| i as i64))),
        "strings.EqualFold" => one(Value::bool(
            super::case::to_lower(&s(&a(0))) == super::case::to_lower(&s(&a(1))),
        )),
        "strings.ContainsRune" => {
            let c = u32::try_from(as_int(&a(1))).ok().and_then(char::from_u32);
            one(Value::bool(c.is_some_and(|c| s(&a(0)).contains(c))))
        }
        "strings.ContainsAny" => {
            let set = s(&a(1));
            one(Value::bool(s(&a(0)).chars().any(|c| set.contains(c))))
        }
        "strings.TrimLeft" | "strings.TrimRight" => {
            let (x, set) = (s(&a(0)), s(&a(1)));
            let cut = |c: char| set.contains(c);
            one(Value::str(if name_of(id) == "strings.TrimLeft" {
                x.trim_start_matches(cut)
            } else {
                x.trim_end_matches(cut)
            }))
        }
        "strings.Compare" => one(Value::int(match s(&a(0)).cmp(&s(&a(1))) {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        })),
        "strconv.ParseInt" => {
            let (x, base, bits) = (s(&a(0)), as_int(&a(1)), as_int(&a(2)));
            if !(0..=64).contains(&bits) {
                return vals(vec![
                    Value::Int(0, INT64),
                    num_error("ParseInt", &x, &format!("invalid bit size {bits}")),
                ]);
            }
            if base == 1 || !(0..=36).contains(&base) {
                return vals(vec![
                    Value::Int(0, INT64),
                    num_error("ParseInt", &x, &format!("invalid base {base}")),
                ]);
            }
            let bits = if bits == 0 { 64 } else { bits };
            // Base 0 reads Go's prefixes (0x, 0o, 0b, a leading 0) and
            // underscores between digits.
            let (neg, body) = match x.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, x.strip_prefix('+').unwrap_or(&x)),
            };
            let (base, body): (i64, String) = if base == 0 {
                let lower = body.to_ascii_lowercase();
                let (b, rest) = if let Some(r) = lower.strip_prefix("0x") {
                    (16, r)
                } else if let Some(r) = lower.strip_prefix("0b") {
                    (2, r)
                } else if let Some(r) = lower.strip_prefix("0o") {
                    (8, r)
                } else if lower.len() > 1 && lower.starts_with('0') {
                    (8, &lower[1..])
                } else {
                    (10, lower.as_str())
                };
                (b, rest.replace('_', ""))
            } else {
                (base, body.to_string())
            };
            let signed = if neg { format!("-{body}") } else { body };
            let parsed = if !signed.trim_start_matches('-').starts_with(['+', '-']) {
                i64::from_str_radix(&signed, base as u32).map_err(|e| {
                    matches!(
                        e.kind(),
                        std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow
                    )
                })
            } else {
                Err(false)
            };
            let limit = 1i128 << (bits - 1);
            match parsed {
                Ok(v) if (-limit..limit).contains(&i128::from(v)) => {
                    vals(vec![Value::Int(v, INT64), Value::Nil])
                }
                Ok(v) => {
                    let v = if v < 0 { -limit } else { limit - 1 } as i64;
                    vals(vec![
                        Value::Int(v, INT64),
                        num_error("ParseInt", &x, "value out of range"),
                    ])
                }
                // Out of range: the nearest value the size holds, as Go.
                Err(true) => {
                    let v = if neg { -limit } else { limit - 1 } as i64;
                    vals(vec![
                        Value::Int(v, INT64),
                        num_error("ParseInt", &x, "value out of range"),
                    ])
                }
                Err(false) => vals(vec![
                    Value::Int(0, INT64),
                    num_error("ParseInt", &x, "invalid syntax"),
                ]),
            }
        }
        "strconv.ParseFloat" => {
            let x = s(&a(0));
            match super::float::parse(&x) {
                Some(v) => vals(vec![Value::Float(v, FLOAT64), Value::Nil]),
                None => vals(vec![
                    Value::Float(0.0, FLOAT64),
                    num_error("ParseFloat", &x, "invalid syntax"),
                ]),
            }
        }
        "strconv.ParseBool" => {
            let x = s(&a(0));
            match &*x {
                "1" | "t" | "T" | "TRUE" | "true" | "True" => vals(vec![Value::bool(true), Value::Nil]),
                "0" | "f" | "F" | "FALSE" | "false" | "False" => vals(vec![Value::bool(false), Value::Nil]),
                _ => vals(vec![
                    Value::bool(false),
                    num_error("ParseBool", &x, "invalid syntax"),
                ]),
            }
        }
        "strconv.FormatBool" => one(Value::str(if a(0).truthy() { "true" } else { "false" })),
        "sort.SearchInts" => {
            let x = as_int(&a(1));
            let n = match a(0) {
                Value::Slice(sl) => sl.items().iter().take_while(|v| as_int(v) < x).count(),
                _ => 0,
            };
            one(Value::int(n as i64))
        }
        "strings.Index" => one(Value::int(s(&a(0)).find(&*s(&a(1))).map_or(-1, |i| i as i64))),
        "strings.ReplaceAll" => one(Value::str(s(&a(0)).replace(&*s(&a(1)), &s(&a(2))))),
        "strings.Replace" => {
            let n = as_int(&a(3));
            let x = s(&a(0));
            let r = if n < 0 {
                x.replace(&*s(&a(1)), &s(&a(2)))
            } else {
                x.replacen(&*s(&a(1)), &s(&a(2)), n as usize)
            };
            one(Value::str(&r))
        }
        "strings.Count" => {
            let (x, sub) = (s(&a(0)), s(&a(1)));
            let n = if sub.is_empty() {
                x.chars().count() + 1
            } else {
                x.matches(&*sub).count()
            };
            one(Value::int(n as i64))
        }
        "strings.TrimPrefix" => {
            let (x, p) = (s(&a(0)), s(&a(1)));
            one(Value::str(x.strip_prefix(&*p).unwrap_or(&x)))
        }
        "strings.TrimSuffix" => {
            let (x, p) = (s(&a(0)), s(&a(1)));
            one(Value::str(x.strip_suffix(&*p).unwrap_or(&x)))
        }
        "strings.Trim" => {
            let (x, cut) = (s(&a(0)), s(&a(1)));
            one(Value::str(x.trim_matches(|c| cut.contains(c))))
        }
        "strconv.Itoa" => one(Value::str(as_int(&a(0)).to_string())),
        "strconv.FormatInt" => {
            let (v, base) = (as_int(&a(0)), as_int(&a(1)));
            if !(2..=36).contains(&base) {
                return Err(panic_str("strconv: illegal AppendInt/FormatInt base"));
            }
            one(Value::str(format::int_in_base(v, base as u32, false)))
        }
        "strconv.Quote" => one(Value::str(format::quote(&s(&a(0))))),
        "time.ParseDuration" => {
            let text = s(&a(0));
            match parse_duration(&text) {
                Ok(ns) => vals(vec![Value::Int(ns, DURATION), Value::Nil]),
                Err(why) => vals(vec![
                    Value::Int(0, DURATION),
                    Value::error(format!("time: {why} {}", format::quote(&text))),
                ]),
            }
        }
        "strconv.Atoi" => {
            let x = s(&a(0));
            match x.parse::<i64>() {
                Ok(v) => vals(vec![Value::int(v), Value::Nil]),
                Err(e) => {
                    let why = if matches!(
                        e.kind(),
                        std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow
                    ) {
                        "value out of range"
                    } else {
                        "invalid syntax"
                    };
                    vals(vec![
                        Value::int(0),
                        Value::Error(Rc::new(ErrorObj {
                            msg: Rc::from(format!("strconv.Atoi: parsing {}: {why}", format::quote(&x))),
                            wrapped: None,
                            ty: "*strconv.NumError",
                        })),
                    ])
                }
            }
        }
        "sort.Float64s" => {
            if let Value::Slice(sl) = a(0) {
                let mut items = sl.items();
                crate::sort::sort_by(&mut items, |x, y| {
                    as_f64(x)
                        .partial_cmp(&as_f64(y))
                        .unwrap_or(std::cmp::Ordering::Equal)
                });
                let mut arr = sl.arr.borrow_mut();
                for (j, v) in items.into_iter().enumerate() {
                    arr[sl.off as usize + j] = v;
                }
            }
            none()
        }
        "sort.IntsAreSorted" | "sort.StringsAreSorted" => {
            let items = match a(0) {
                Value::Slice(sl) => sl.items(),
                _ => Vec::new(),
            };
            let sorted = items.windows(2).all(|w| match (&w[0], &w[1]) {
                (Value::Int(p, _), Value::Int(q, _)) => p <= q,
                (Value::Str(p, _), Value::Str(q, _)) => p <= q,
                _ => true,
            });
            one(Value::bool(sorted))
        }
        "strings.IndexRune" | "strings.IndexByte" => {
            let c = u32::try_from(as_int(&a(1))).ok().and_then(char::from_u32);
            let at = c.and_then(|c| s(&a(0)).find(c));
            one(Value::int(at.map_or(-1, |i| i as i64)))
        }
        "utf8.RuneCountInString" => one(Value::int(s(&a(0)).chars().count() as i64)),
        // Go's RuneLen: -1 for a surrogate or a value past the last rune.
        // A string here is valid UTF-8: the first character, or
        // RuneError and 0 for "".
        "utf8.DecodeRuneInString" => {
            let c = s(&a(0)).chars().next();
            vals(vec![
                Value::Int(c.map_or(0xFFFD, |c| c as i64), INT32),
                Value::int(c.map_or(0, char::len_utf8) as i64),
            ])
        }
        "strconv.FormatFloat" => {
            let fmt = as_int(&a(1)) as u8;
            let text = super::float::strconv(as_f64(&a(0)), fmt, as_int(&a(2)), as_int(&a(3)) == 32);
            one(Value::str(text.unwrap_or_else(|| format!("%{}", fmt as char))))
        }
        // Each word's first letter in upper case; a word ends at anything
        // but a letter, a digit or `_` (Go's isSeparator).
        "strings.Title" => {
            let mut sep = true;
            let out: String = s(&a(0))
                .chars()
                .map(|c| {
                    let up = if sep {
                        super::case::to_upper(c.encode_utf8(&mut [0; 4]))
                    } else {
                        c.to_string()
                    };
                    sep = !(c.is_alphanumeric() || c == '_');
                    up
                })
                .collect();
            one(Value::str(out))
        }
        "utf8.RuneLen" => {
            let c = u32::try_from(as_int(&a(0))).ok().and_then(char::from_u32);
            one(Value::int(c.map_or(-1, |c| c.len_utf8() as i64)))
        }
        // A string here is always valid UTF-8 (see the README's limits).
        "utf8.ValidString" => one(Value::bool(true)),
        "sort.Ints" | "sort.Strings" => {
            if let Value::Slice(sl) = a(0) {
                let mut items = sl.items();
                // Numbers sort as numbers: a third of the time of sorting
                // values, which held the page 0.6 s for a million ints.
                if let Some(&Value::Int(_, ty)) = items.first() {
                    let mut ns: Vec<i64> = items.iter().map(as_int).collect();
                    merge_sort(&mut ns, |x, y| x < y);
                    items = ns.into_iter().map(|n| Value::Int(n, ty)).collect();
                } else {
                    merge_sort(&mut items, |x, y| match (x, y) {
                        (Value::Int(p, _), Value::Int(q, _)) => p < q,
                        (Value::Str(p, _), Value::Str(q, _)) => p < q,
                        _ => false,
                    });
                }
                let mut arr = sl.arr.borrow_mut();
                for (j, v) in items.into_iter().enumerate() {
                    arr[sl.off as usize + j] = v;
                }
            }
            none()
        }
        "math.Sqrt" => one(Value::Float(as_f64(&a(0)).sqrt(), FLOAT64)),
        "math.Abs" => one(Value::Float(as_f64(&a(0)).abs(), FLOAT64)),
        "math.Floor" => one(Value::Float(as_f64(&a(0)).floor(), FLOAT64)),
        "math.Round" => one(Value::Float(as_f64(&a(0)).round(), FLOAT64)),
        "math.Trunc" => one(Value::Float(as_f64(&a(0)).trunc(), FLOAT64)),
        "math.Mod" => one(Value::Float(as_f64(&a(0)) % as_f64(&a(1)), FLOAT64)),
        "math.Inf" => one(Value::Float(
            if as_int(&a(0)) >= 0 {
                f64::INFINITY
            } else {
                f64::NEG_INFINITY
            },
            FLOAT64,
        )),
        "math.IsInf" => {
            let (f, sign) = (as_f64(&a(0)), as_int(&a(1)));
            one(Value::bool(
                f.is_infinite() && (sign == 0 || (sign > 0) == (f > 0.0)),
            ))
        }
        "math.IsNaN" => one(Value::bool(as_f64(&a(0)).is_nan())),
        "math.NaN" => one(Value::Float(f64::NAN, FLOAT64)),
        "math.Log" => one(Value::Float(as_f64(&a(0)).ln(), FLOAT64)),
        "math.Exp" => one(Value::Float(as_f64(&a(0)).exp(), FLOAT64)),
        "math.Ceil" => one(Value::Float(as_f64(&a(0)).ceil(), FLOAT64)),
        "math.Pow" => one(Value::Float(as_f64(&a(0)).powf(as_f64(&a(1))), FLOAT64)),
        "math.Max" => one(Value::Float(as_f64(&a(0)).max(as_f64(&a(1))), FLOAT64)),
        "math.Min" => one(Value::Float(as_f64(&a(0)).min(as_f64(&a(1))), FLOAT64)),
        "WaitGroup.Add" | "WaitGroup.Done" => {
            let delta = if name_of(id) == "WaitGroup.Done" {
                -1
            } else {
                as_int(&a(1))
            };
            if let Value::Obj(o) = a(0) {
                if let NativeObj::WaitGroup(wg) = &*o {
                    if !host::wg_add(wg, delta) {
                        return Err(panic_str("sync: negative WaitGroup counter"));
                    }
                }
            }
            none()
        }
        "WaitGroup.Wait" => match a(0) {
            Value::Obj(o) => match &*o {
                NativeObj::WaitGroup(wg) => Ok(NRes::Block(Pending::wait(wg), After::Nothing)),
                _ => none(),
            },
            _ => none(),
        },
        "Mutex.Lock" => match a(0) {
            Value::Obj(o) => match &*o {
                NativeObj::Mutex(m) => Ok(NRes::Block(Pending::lock(m, o.clone()), After::Nothing)),
                _ => none(),
            },
            _ => none(),
        },
        "Mutex.TryLock" => match a(0) {
            Value::Obj(o) => match &*o {
                NativeObj::Mutex(m) => one(Value::bool(host::try_lock(m))),
                _ => one(Value::bool(false)),
            },
            _ => one(Value::bool(false)),
        },
        "Mutex.Unlock" => {
            if let Value::Obj(o) = a(0) {
                if let NativeObj::Mutex(m) = &*o {
                    if !host::unlock(m) {
                        return Err(super::vm::Trap::Fatal(
                            "fatal error: sync: unlock of unlocked mutex".into(),
                        ));
                    }
                }
            }
            none()
        }
        "Duration.Milliseconds" => one(Value::Int(as_int(&a(0)) / 1_000_000, INT64)),
        "Duration.Microseconds" => one(Value::Int(as_int(&a(0)) / 1_000, INT64)),
        "Duration.Nanoseconds" => one(Value::Int(as_int(&a(0)), INT64)),
        "Duration.Seconds" => one(Value::Float(as_int(&a(0)) as f64 / 1e9, FLOAT64)),
        "Duration.Minutes" => one(Value::Float(as_int(&a(0)) as f64 / 6e10, FLOAT64)),
        "Duration.Hours" => one(Value::Float(as_int(&a(0)) as f64 / 3.6e12, FLOAT64)),
        "Duration.String" => one(Value::str(format::duration(as_int(&a(0))))),
        "Duration.Round" => one(Value::Int(round_duration(as_int(&a(0)), as_int(&a(1))), DURATION)),
        "Duration.Truncate" => {
            let (d, m) = (as_int(&a(0)), as_int(&a(1)));
            one(Value::Int(if m <= 0 { d } else { d - d % m }, DURATION))
        }
        "Duration.Abs" => {
            let d = as_int(&a(0));
            one(Value::Int(
                if d == i64::MIN { i64::MAX } else { d.abs() },
                DURATION,
            ))
        }
        "Time.Add" => match a(0) {
            Value::Time(t) => one(Value::Time(t.saturating_add(as_int(&a(1))))),
            _ => one(Value::Nil),
        },
        "Time.Sub" => match (a(0), a(1)) {
            (Value::Time(x), Value::Time(y)) => one(Value::Int(super::civil::sub(x, y), DURATION)),
            _ => one(Value::Int(0, DURATION)),
        },
        "Time.Before" | "Time.After" | "Time.Equal" => match (a(0), a(1)) {
            (Value::Time(x), Value::Time(y)) => one(Value::bool(match name_of(id) {
                "Time.Before" => x < y,
                "Time.After" => x > y,
                _ => x == y,
            })),
            _ => one(Value::bool(false)),
        },
        "Time.IsZero" => one(Value::bool(matches!(a(0), Value::Time(t) if t == ZERO_TIME))),
        "Time.Month" | "Time.Weekday" | "Time.Date" => {
            let c = super::civil::civil(time_of(&a(0)));
            let month = Value::Int(i64::from(c.month), MONTH);
            match name_of(id) {
                "Time.Month" => one(month),
                "Time.Weekday" => one(Value::Int(i64::from(c.weekday), WEEKDAY)),
                _ => vals(vec![Value::int(c.year), month, Value::int(i64::from(c.day))]),
            }
        }
        "Time.Unix" | "Time.UnixMilli" | "Time.UnixMicro" | "Time.UnixNano" | "Time.Year" | "Time.Day"
        | "Time.Hour" | "Time.Minute" | "Time.Second" | "Time.Nanosecond" | "Time.YearDay" => {
            let t = time_of(&a(0));
            let (secs, nanos) = super::civil::unix(t);
            let c = super::civil::civil(t);
            let ns = i128::from(secs) * 1_000_000_000 + i128::from(nanos);
            one(Value::int(match name_of(id) {
                "Time.Unix" => secs,
                "Time.UnixMilli" => (ns.div_euclid(1_000_000)) as i64,
                "Time.UnixMicro" => (ns.div_euclid(1_000)) as i64,
                // Go's, for a time outside int64 nanoseconds, is undefined.
                "Time.UnixNano" => ns as i64,
                "Time.Year" => c.year,
                "Time.Day" => i64::from(c.day),
                "Time.Hour" => i64::from(c.hour),
                "Time.Minute" => i64::from(c.minute),
                "Time.Second" => i64::from(c.second),
                "Time.Nanosecond" => i64::from(c.nanosecond),
                _ => i64::from(c.yday),
            }))
        }
        "Time.Format" | "Time.String" => {
            let t = time_of(&a(0));
            one(Value::Str(
                Rc::from(match name_of(id) {
                    "Time.Format" => super::civil::format(t, &s(&a(1))),
                    _ => super::civil::string(t),
                }),
                STRING,
            ))
        }
        "error.Error" => one(Value::Str(s(&a(0)), STRING)),
        "Ticker.Stop" | "Ticker.Reset" => {
            if let Value::Obj(o) = a(0) {
                if let NativeObj::Ticker(ch, epoch) = &*o {
                    let reset = name_of(id) == "Ticker.Reset";
                    // Go panics before it changes anything.
                    if reset && as_int(&a(1)) <= 0 {
                        return Err(panic_str("non-positive interval for Ticker.Reset"));
                    }
                    epoch.set(epoch.get() + 1);
                    if let (Value::Chan(ChanV::Chan(c, _)), true) = (ch, reset) {
                        start_ticker(&sh, c.clone(), ms_of(&a(1)), epoch.clone());
                    }
                }
            }
            none()
        }
        other => Err(panic_str(format!("{other} is not supported here"))),
    }
}

/// A time's nanoseconds, or the zero time's for anything else.
fn time_of(v: &Value) -> i64 {
    match v {
        Value::Time(t) => *t,
        _ => ZERO_TIME,
    }
}

/// `time.Time{}`: the zero time, far before any run's clock.
pub(crate) const ZERO_TIME: i64 = i64::MIN / 2;

/// `time.Duration.Round`: halfway values round away from zero, and a
/// result that would overflow is the largest (or smallest) duration.
fn round_duration(d: i64, m: i64) -> i64 {
    if m <= 0 {
        return d;
    }
    let r = (d % m).abs();
    let less_than_half = (r as u64) + (r as u64) < m as u64;
    if d < 0 {
        if less_than_half {
            return d + r;
        }
        d.checked_sub(m - r).unwrap_or(i64::MIN)
    } else {
        if less_than_half {
            return d - r;
        }
        d.checked_add(m - r).unwrap_or(i64::MAX)
    }
}

/// What `fmt`'s printing functions return: the bytes written, and no error.
fn written(text: &str) -> Res<NRes> {
    vals(vec![Value::int(text.len() as i64), Value::Nil])
}
