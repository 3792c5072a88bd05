//! Log capture: a `tracing` subscriber at TRACE level, without colours,
//! that appends every line to a buffer the test reads back.

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use tracing::subscriber::DefaultGuard;

/// The captured log lines; a `MakeWriter` for `tracing_subscriber::fmt`.
#[derive(Clone, Default)]
pub struct Capture(Arc<Mutex<Vec<u8>>>);

impl Capture {
    /// Captures what the current thread logs until the guard is dropped
    /// (`tracing::subscriber::set_default`): for a test on a
    /// current-thread runtime, everything the test and its client log.
    pub fn scoped() -> (Capture, DefaultGuard) {
        let capture = Capture::default();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_writer(capture.clone())
            .with_ansi(false)
            .finish();
        let guard = tracing::subscriber::set_default(subscriber);
        (capture, guard)
    }

    /// The capture of every thread of the test binary: installs the global
    /// subscriber once (it also routes `log` records into `tracing`). A
    /// binary that calls this captures the logs of all its tests.
    pub fn global() -> &'static Capture {
        static CAPTURE: OnceLock<Capture> = OnceLock::new();
        CAPTURE.get_or_init(|| {
            let capture = Capture::default();
            tracing_subscriber::fmt()
                .with_max_level(tracing::Level::TRACE)
                .with_writer(capture.clone())
                .with_ansi(false)
                .try_init()
                .expect("the only global subscriber");
            capture
        })
    }

    /// Everything captured so far, as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap_or_else(PoisonError::into_inner)).into_owned()
    }
}

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Capture {
    type Writer = Capture;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}
