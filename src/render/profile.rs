//! Where a build's time and memory go, for `planbook build -v`: wall time and resident memory
//! at the end of each phase, and the time spent in each step of rendering pages, summed over
//! the threads that render them.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// One finished phase.
#[derive(Debug, Clone)]
pub struct Phase {
    /// What it did.
    pub name: &'static str,
    /// How long it took.
    pub wall: Duration,
    /// Resident memory at its end and the peak so far, in bytes (0 where unknown).
    pub rss: (u64, u64),
}

/// A step of rendering one page, timed across threads.
#[derive(Debug, Clone, Copy)]
pub enum Step {
    /// Building the page's view (markdown included).
    View,
    /// tera.
    Template,
    /// Writing (or linking) the file.
    Write,
}

/// The phases of one build so far, and the per-page steps.
#[derive(Debug)]
pub struct Profile {
    started: Instant,
    last: Instant,
    phases: Vec<Phase>,
    steps: [AtomicU64; 3],
}

impl Default for Profile {
    fn default() -> Profile {
        let now = Instant::now();
        Profile { started: now, last: now, phases: Vec::new(), steps: Default::default() }
    }
}

impl Profile {
    /// Ends the current phase.
    pub fn phase(&mut self, name: &'static str) {
        let now = Instant::now();
        self.phases.push(Phase { name, wall: now - self.last, rss: memory() });
        self.last = now;
    }

    /// Runs `f` and adds its time to `step`.
    pub fn time<T>(&self, step: Step, f: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let out = f();
        let nanos = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
        self.steps[step as usize].fetch_add(nanos, Ordering::Relaxed);
        out
    }

    /// The phases, in order.
    pub fn phases(&self) -> &[Phase] {
        &self.phases
    }

    /// Time summed over threads in building views, in templates and in writing.
    pub fn steps(&self) -> [(&'static str, Duration); 3] {
        let d = |s: Step| Duration::from_nanos(self.steps[s as usize].load(Ordering::Relaxed));
        [("views", d(Step::View)), ("templates", d(Step::Template)), ("writes", d(Step::Write))]
    }

    /// Wall time since the profile started.
    pub fn total(&self) -> Duration {
        self.started.elapsed()
    }
}

/// Resident and peak resident memory of this process in bytes, from `/proc/self/status`
/// (zeros where there is none).
pub fn memory() -> (u64, u64) {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else { return (0, 0) };
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|kb| kb.parse::<u64>().ok())
            .map_or(0, |kb| kb * 1024)
    };
    (field("VmRSS:"), field("VmHWM:"))
}
