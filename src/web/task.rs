//! [`spawn_owned`]: `spawn_local` for work that must stop with its owner.
//!
//! A bare `spawn_local` future runs until it returns, whoever wanted it:
//! the page's one-off computations (such as "Explore 200 seeds") are
//! spawned through here instead, and their [`OwnedTask`] lives where the
//! result goes (a component's slot). Dropping the handle cancels the work,
//! so replacing it starts afresh and unmounting stops it.
//!
//! ```no_run
//! use csp_playground::web::{spawn_owned, yield_to_browser};
//! let task = spawn_owned(async {
//!     loop {
//!         yield_to_browser().await; // one chunk of work per macrotask
//!     }
//! });
//! drop(task); // the loop stops at its next await, and its future is dropped
//! ```

use std::fmt;
use std::future::Future;

use futures::future::{abortable, AbortHandle};

/// Owns a spawned future: dropping it cancels the future.
#[must_use = "dropping the OwnedTask cancels it"]
pub struct OwnedTask {
    abort: AbortHandle,
}

impl fmt::Debug for OwnedTask {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OwnedTask")
            .field("cancelled", &self.abort.is_aborted())
            .finish()
    }
}

impl Drop for OwnedTask {
    fn drop(&mut self) {
        // The future is not polled again; it is dropped (with everything it
        // holds) when the executor next looks at it, which abort() wakes it
        // for: within the current microtask checkpoint.
        self.abort.abort();
    }
}

/// Spawns `future` on the page's event loop, owned by the returned handle.
pub fn spawn_owned(future: impl Future<Output = ()> + 'static) -> OwnedTask {
    let (future, abort) = abortable(future);
    wasm_bindgen_futures::spawn_local(async move {
        // Err(Aborted) only says the owner cancelled it: nothing to do.
        let _ = future.await;
    });
    OwnedTask { abort }
}
