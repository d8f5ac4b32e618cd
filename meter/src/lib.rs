//! A global allocator that counts the bytes live on the heap.
//!
//! On wasm32 an allocation that fails aborts the whole module, so a Go
//! program that grows without bound took the page down with it. With
//! [`Meter`] as the global allocator, the interpreter reads [`live`] and
//! stops such a program with Go's out-of-memory error instead, while the
//! page still has room to show it.
//!
//! It lives in a crate of its own because implementing `GlobalAlloc` is
//! unsafe, and the playground's crate forbids unsafe code.
//!
//! ```
//! #[global_allocator]
//! static METER: csp_meter::Meter = csp_meter::Meter;
//!
//! let before = csp_meter::live().unwrap_or(0);
//! let big = vec![0u8; 1 << 20];
//! assert!(csp_meter::live().unwrap_or(0) >= before + big.len());
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

static LIVE: AtomicUsize = AtomicUsize::new(0);

/// The system allocator, counting what it hands out and takes back.
#[derive(Debug, Clone, Copy, Default)]
pub struct Meter;

// SAFETY: every method hands the call to `System` unchanged and only
// counts sizes beside it, so `System`'s guarantees are this allocator's.
unsafe impl GlobalAlloc for Meter {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract for `alloc` is `System.alloc`'s.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from this allocator, that is from `System`.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from `System`, and the caller's contract for
        // `realloc` is `System.realloc`'s.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_add(new_size, Ordering::Relaxed);
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }
}

/// The bytes live on the heap now, if [`Meter`] is the global allocator
/// (`None` if it is not: nothing was ever counted).
pub fn live() -> Option<usize> {
    match LIVE.load(Ordering::Relaxed) {
        0 => None,
        n => Some(n),
    }
}
