//! Giving freed memory back to the system once the server is quiet.
//!
//! glibc's allocator keeps memory freed by many threads in per-thread arenas instead of
//! returning it: after a load test with 200 clients the server held 357 MB of anonymous memory
//! where 182 MB were in use (measured by calling `malloc_trim` from gdb). So when a burst of
//! requests has ended (a whole [`QUIET`] period without one), and after a snapshot is replaced,
//! the allocator is asked to return what it no longer uses. Elsewhere this does nothing.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// How long without a request counts as quiet.
pub const QUIET: Duration = Duration::from_secs(5);

/// Returns freed heap memory to the system, where the allocator can (glibc).
pub fn release() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists; it takes no pointers.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Counts requests and releases memory once they stop for a while.
#[derive(Debug, Default)]
pub struct Quiet {
    requests: AtomicU64,
}

impl Quiet {
    pub fn request(&self) {
        self.requests.fetch_add(1, Ordering::Relaxed);
    }

    /// Checks every [`QUIET`] period; releases memory after the first quiet one that follows
    /// requests.
    pub async fn watch(self: Arc<Self>) {
        let mut seen = 0;
        let mut released = 0;
        loop {
            tokio::time::sleep(QUIET).await;
            let now = self.requests.load(Ordering::Relaxed);
            if now == seen && now != released {
                release();
                released = now;
            }
            seen = now;
        }
    }
}
