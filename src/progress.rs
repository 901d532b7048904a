//! Progress of a long build on standard error: the pass, articles done, MB/s
//! and the time left in the pass. Drawn only when standard error is a
//! terminal and `--quiet` is off; otherwise every call does nothing.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How the bar is drawn: the pass, the bar, bytes done of the pass, the
/// rate, the time left in the pass and the articles done.
const TEMPLATE: &str =
    "{prefix:>15} {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}";

/// A progress bar over the passes of a build, or nothing.
pub struct Progress {
    bar: ProgressBar,
    articles: usize,
    done: AtomicUsize,
}

impl Progress {
    /// A bar for `articles` articles of `bytes` bytes in all, on standard
    /// error when [`Progress::wanted`] says so.
    pub fn new(quiet: bool, articles: usize, bytes: u64) -> Self {
        let bar = if Self::wanted(quiet, std::io::stderr().is_terminal()) {
            let style = ProgressStyle::with_template(TEMPLATE)
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> ");
            ProgressBar::with_draw_target(Some(bytes), ProgressDrawTarget::stderr())
                .with_style(style)
        } else {
            ProgressBar::hidden()
        };
        Progress {
            bar,
            articles,
            done: AtomicUsize::new(0),
        }
    }

    /// No bar at all (tests, libraries).
    pub fn hidden() -> Self {
        Progress {
            bar: ProgressBar::hidden(),
            articles: 0,
            done: AtomicUsize::new(0),
        }
    }

    /// Whether to draw: on a terminal, unless asked to be quiet.
    pub fn wanted(quiet: bool, terminal: bool) -> bool {
        terminal && !quiet
    }

    /// Starts a pass: `name` shows before the bar, which starts again at 0.
    pub fn pass(&self, name: &str) {
        self.done.store(0, Ordering::Relaxed);
        self.bar.set_prefix(name.to_owned());
        self.bar.reset();
        self.bar
            .set_message(format!("0/{} articles", self.articles));
    }

    /// One more article of `bytes` bytes is done.
    pub fn advance(&self, bytes: u64) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        self.bar.inc(bytes);
        if !self.bar.is_hidden() {
            self.bar
                .set_message(format!("{done}/{} articles", self.articles));
        }
    }

    /// Shows what is being done when there is no count to show (a commit).
    pub fn step(&self, name: &str) {
        self.bar.set_prefix(name.to_owned());
        self.bar.set_message("");
        self.bar.tick();
    }

    /// Removes the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drawn_only_on_a_terminal_and_never_when_quiet() {
        assert!(Progress::wanted(false, true));
        assert!(!Progress::wanted(true, true));
        assert!(!Progress::wanted(false, false));
        assert!(!Progress::wanted(true, false));
    }

    #[test]
    fn the_template_parses() {
        assert!(ProgressStyle::with_template(TEMPLATE).is_ok());
    }
}
