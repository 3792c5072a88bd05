//! Panic capture and the hang watchdog: a failure is reported once,
//! compactly, with its case number, and a hung case aborts the run.

use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Once};
use std::time::{Duration, Instant};

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

pub(crate) fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let captured = LAST_PANIC.with(|p| {
                let mut p = p.borrow_mut();
                if p.is_some() {
                    // Inside a case: keep the message for the report.
                    *p = Some(info.to_string());
                    true
                } else {
                    false
                }
            });
            if !captured {
                default(info);
            }
        }));
    });
}

/// Runs `f`, returning the panic message if it panicked.
pub(crate) fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    LAST_PANIC.with(|p| *p.borrow_mut() = Some(String::new()));
    let r = catch_unwind(AssertUnwindSafe(f));
    let msg = LAST_PANIC
        .with(|p| p.borrow_mut().take())
        .unwrap_or_default();
    r.map_err(|_| msg)
}

/// Aborts the process if one case runs longer than the timeout: a hang
/// must fail the run with the case's number, not stall it.
pub(crate) struct Watchdog {
    started_ms: Arc<AtomicU64>,
    case: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
    epoch: Instant,
}

impl Watchdog {
    pub(crate) fn start(label: String, seed: u64, timeout: Duration) -> Self {
        let w = Watchdog {
            started_ms: Arc::new(AtomicU64::new(u64::MAX)),
            case: Arc::new(AtomicU64::new(0)),
            stop: Arc::new(AtomicBool::new(false)),
            epoch: Instant::now(),
        };
        let (started, case, stop, epoch) = (
            w.started_ms.clone(),
            w.case.clone(),
            w.stop.clone(),
            w.epoch,
        );
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(250));
                let s = started.load(Ordering::Relaxed);
                if s != u64::MAX {
                    let now = epoch.elapsed().as_millis() as u64;
                    if now.saturating_sub(s) > timeout.as_millis() as u64 {
                        eprintln!(
                            "HUNG: {label} case {} (FUZZ_SEED={seed} FUZZ_ONLY={}) ran over {timeout:?}",
                            case.load(Ordering::Relaxed),
                            case.load(Ordering::Relaxed),
                        );
                        std::process::exit(101);
                    }
                }
            }
        });
        w
    }

    pub(crate) fn begin(&self, case: u64) {
        self.case.store(case, Ordering::Relaxed);
        self.started_ms
            .store(self.epoch.elapsed().as_millis() as u64, Ordering::Relaxed);
    }

    pub(crate) fn end(&self) {
        self.started_ms.store(u64::MAX, Ordering::Relaxed);
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}
