//! Memory: a long document's memo cache swept while it compiles, and freed
//! memory handed back before one starts.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::thread::JoinHandle;
use std::time::Duration;

/// Empties Typst's memo cache of what a long document no longer uses while
/// it compiles. Typst keeps every intermediate result of a compilation until
/// it ends, and for a list of thousands of table rows those results are most
/// of the memory it takes: the province-sized registration list peaked at
/// about 480 MB without a janitor (docs/benchmarks.md).
/// A result evicted and asked for again is recomputed, so the PDF is the same
/// either way (tested); the cost is a little time. Stops when dropped.
pub struct CacheJanitor {
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
    sweeps: Arc<AtomicUsize>,
}

impl CacheJanitor {
    /// The period the build uses for its large documents.
    pub const PERIOD: Duration = Duration::from_millis(50);

    /// How many sweeps a result survives unused. Too few and a result Typst
    /// needs again a little later is evicted first and recomputed (at one
    /// sweep of 100 ms, 3 of 31 renders of the province-sized list took
    /// 3.9-4.4 s and 291-305 MB instead of 2.5 s and 240-250 MB); too many
    /// and the cache holds more (four sweeps of 100 ms: 268-280 MB, eight:
    /// 336-350 MB). Three of 50 ms: 228-232 MB for the list alone, against
    /// 235-245 MB with two of 100 ms.
    const MAX_AGE: usize = 3;

    /// Every `period`, evicts the results no compilation has used in the
    /// last `MAX_AGE` sweeps.
    pub fn start(period: Duration) -> CacheJanitor {
        let (stop, stopped) = mpsc::channel::<()>();
        let sweeps = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&sweeps);
        let thread = std::thread::Builder::new()
            .name("tdkt-janitor".into())
            .spawn(move || {
                while let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(period) {
                    typst::comemo::evict(Self::MAX_AGE);
                    counter.fetch_add(1, Ordering::Relaxed);
                }
            })
            .ok();
        CacheJanitor {
            stop: Some(stop),
            thread,
            sweeps,
        }
    }

    /// How many times it has swept so far.
    pub fn sweeps(&self) -> usize {
        self.sweeps.load(Ordering::Relaxed)
    }
}

impl Drop for CacheJanitor {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Returns memory the allocator holds but no longer uses to the system.
/// glibc keeps what thousands of small documents freed in per-thread pools;
/// a large document rendered after them would add its own peak on top
/// (about 140 MB more at province scale).
pub fn return_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of the allocator's own
    // pools to the system; it reads and writes no memory of ours.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// At most two malloc arenas for the whole process. glibc gives each new
/// thread an arena of its own, up to eight per core, and memory freed in one
/// is never reused by another: after thousands of forms on two threads, the
/// long list rendered on a third held 25 MB more than alone. With two, a
/// province-sized build peaked at 241-255 MB instead of 258-311 MB (untagged
/// PDFs, same machine), no slower; with one, at 241 MB but 25 % slower, the
/// threads then waiting on one lock. Called before any thread starts.
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes the allocator's settings; it is called
    // before the build starts its threads.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}
