//! Leptos' executor (wasm-bindgen-futures), except while the app starts. Its first render and
//! the tasks that render spawns (every effect's first run, the router's drawing of the page,
//! the reactive updates' listeners) would make one long task of the browser's. Here the render
//! runs alone, and the tasks it spawns, and those they spawn in turn, get their first turn in
//! slices, each a task of the browser's that takes no new task once `SLICE_MS` have passed,
//! until none is waiting: then the app has started, and the boot screen that covered it goes.
//! In between, a slow phone can answer a tap (Lighthouse's total blocking time).
//!
//! A task's first turn is a poll with a waker that does nothing; wasm-bindgen-futures then owns
//! the task and polls it again at once with its own waker, so nothing that happened meanwhile
//! is missed (a future that is not ready must keep the waker of its latest poll).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::task::{Context, Waker};
use std::time::Duration;

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use leptos::prelude::*;

/// Short enough that a tap waits no longer than this, long enough that the slices' own cost
/// stays small.
const SLICE_MS: f64 = 8.0;

thread_local! {
    /// Tasks waiting for their first turn while the app starts; `None` once it has started.
    static WAITING: RefCell<Option<VecDeque<PinnedLocalFuture<()>>>> = const { RefCell::new(None) };
}

/// What to do once the app has started.
type Started = fn();

struct StartInSlices;

impl CustomExecutor for StartInSlices {
    /// The browser's main thread is the only one, so a `Send` task runs there too.
    fn spawn(&self, task: PinnedFuture<()>) {
        self.spawn_local(task);
    }

    fn spawn_local(&self, task: PinnedLocalFuture<()>) {
        let now = WAITING.with_borrow_mut(|waiting| match waiting {
            Some(waiting) => {
                waiting.push_back(task);
                None
            }
            None => Some(task),
        });
        if let Some(task) = now {
            wasm_bindgen_futures::spawn_local(task);
        }
    }

    fn poll_local(&self) {}
}

/// Runs `render` (which mounts the app) now, the tasks it spawns in the slices that follow, and
/// `started` after them.
pub fn render_then_start_tasks(render: impl FnOnce(), started: Started) {
    // Set before Leptos' mount tries to set its own (it ignores that one is set).
    let _ = Executor::init_local_custom_executor(StartInSlices);
    WAITING.set(Some(VecDeque::new()));
    render();
    next_slice(started);
}

fn next_slice(started: Started) {
    set_timeout(move || run_slice(started), Duration::ZERO);
}

fn run_slice(app_started: Started) {
    let started = js_sys::Date::now();
    while js_sys::Date::now() - started < SLICE_MS {
        let Some(mut task) = WAITING.with_borrow_mut(|waiting| waiting.as_mut()?.pop_front())
        else {
            WAITING.set(None);
            app_started();
            return;
        };
        if task
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
            .is_pending()
        {
            wasm_bindgen_futures::spawn_local(task);
        }
    }
    next_slice(app_started);
}

/// True while the app starts: tasks spawned now wait for a slice of their own.
fn starting() -> bool {
    WAITING.with_borrow(Option::is_some)
}

/// Draws its children in a slice of their own while the app starts (they are under the boot
/// screen then), and at once at any other time: for the large parts of a first page.
#[component]
pub fn OwnSlice(children: ChildrenFn) -> impl IntoView {
    let drawn = RwSignal::new(!starting());
    if !drawn.get_untracked() {
        Executor::spawn_local(async move { drawn.set(true) });
    }
    move || drawn.get().then(&*children)
}
