//! The page's side of the service worker (`sw.js`): registers it in a release build, notices
//! when a newer version has installed, and lets that version take over when the person agrees.
//!
//! Page loads ask the network first, so after an online reload the page may already be the
//! newest build while the older worker still runs: then the new worker takes over quietly (the
//! page already is that version). Only a page older than the waiting worker offers the update.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{
    MessageChannel, MessageEvent, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration,
    ServiceWorkerState,
};

use super::navigator_part;
use crate::browser::app_path;

/// How often an app left open looks for a newer version (it also looks when it comes back
/// into view and when the network returns).
const LOOK_EVERY: Duration = Duration::from_secs(60 * 60);
/// The two messages the worker understands.
const ASK_VERSION: &str = "version";
const ACTIVATE: &str = "activate";
/// The worker copies every file of the build. It is registered only once the page has loaded
/// and settled, so the copying never competes with her first screen, and finds every file in
/// the browser's cache: registered at once, it could fetch the 700 KB wasm a second time.
const SETTLE: Duration = Duration::from_secs(2);

fn container() -> Option<ServiceWorkerContainer> {
    navigator_part("serviceWorker")
}

/// This build's version, from the tag the post-build step writes into index.html. None in a
/// development build (`trunk serve`): it has no service worker.
fn build_version() -> Option<String> {
    document()
        .query_selector("meta[name='stegvis-offline']")
        .ok()
        .flatten()?
        .get_attribute("content")
}

/// Registers the worker; `update_ready` becomes true when a newer version waits.
pub fn start(update_ready: RwSignal<bool>) {
    let Some(container) = container() else {
        return;
    };
    let Some(version) = build_version() else {
        forget_worker(&container);
        return;
    };
    after_load_settled(move || register(container, version, update_ready));
}

fn after_load_settled(run: impl FnOnce() + 'static) {
    let settle = move || set_timeout(run, SETTLE);
    if document().ready_state() == "complete" {
        settle();
        return;
    }
    let on_load = Closure::once_into_js(settle);
    let _ = window().add_event_listener_with_callback("load", on_load.unchecked_ref());
}

fn register(container: ServiceWorkerContainer, version: String, update_ready: RwSignal<bool>) {
    spawn_local(async move {
        // Where workers are turned off, registering may answer nothing at all rather than fail.
        let Some(registration) =
            registration_from(JsFuture::from(container.register(&app_path("/sw.js"))).await)
        else {
            return;
        };
        watch(&registration, version, update_ready);
        look_now_and_then(registration);
    });
}

/// A development build on an address where a release build once ran: the old worker goes.
fn forget_worker(container: &ServiceWorkerContainer) {
    let lookup = container.get_registration();
    spawn_local(async move {
        if let Some(registration) = registration_from(JsFuture::from(lookup).await)
            && let Ok(done) = registration.unregister()
        {
            let _ = JsFuture::from(done).await;
        }
    });
}

fn registration_from(found: Result<JsValue, JsValue>) -> Option<ServiceWorkerRegistration> {
    found
        .ok()
        .filter(|value| !value.is_undefined())
        .map(JsCast::unchecked_into)
}

/// Follows the registration for a newer worker: one already waiting, one installing now, or
/// one found later.
fn watch(registration: &ServiceWorkerRegistration, version: String, ready: RwSignal<bool>) {
    if let Some(waiting) = registration.waiting() {
        consider(waiting, version.clone(), ready);
    }
    // With no active worker yet this is the first visit: the worker starts by itself.
    let follow = {
        let registration = registration.clone();
        move || {
            if let (Some(installing), Some(_)) = (registration.installing(), registration.active())
            {
                follow_install(installing, version.clone(), ready);
            }
        }
    };
    follow();
    let on_update_found = Closure::<dyn Fn()>::new(follow).into_js_value();
    registration.set_onupdatefound(Some(on_update_found.unchecked_ref()));
}

fn follow_install(worker: ServiceWorker, version: String, ready: RwSignal<bool>) {
    let installed = worker.clone();
    let on_state = Closure::<dyn Fn()>::new(move || {
        if installed.state() == ServiceWorkerState::Installed {
            consider(installed.clone(), version.clone(), ready);
        }
    })
    .into_js_value();
    worker.set_onstatechange(Some(on_state.unchecked_ref()));
}

/// A newer worker has installed and waits.
fn consider(worker: ServiceWorker, version: String, ready: RwSignal<bool>) {
    spawn_local(async move {
        match worker_version(&worker).await {
            // This page came from the network and already is that version: nothing to reload.
            Some(theirs) if theirs == version => {
                let _ = worker.post_message(&JsValue::from_str(ACTIVATE));
            }
            Some(_) => ready.set(true),
            None => {}
        }
    });
}

/// Asks a worker which build it holds.
async fn worker_version(worker: &ServiceWorker) -> Option<String> {
    let channel = MessageChannel::new().ok()?;
    let port = channel.port1();
    let reply = js_sys::Promise::new(&mut |resolve, _reject| {
        let on_message = Closure::once_into_js(move |event: MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &event.data());
        });
        port.set_onmessage(Some(on_message.unchecked_ref()));
    });
    worker
        .post_message_with_transferable(
            &JsValue::from_str(ASK_VERSION),
            &js_sys::Array::of1(&channel.port2()),
        )
        .ok()?;
    JsFuture::from(reply).await.ok()?.as_string()
}

/// The person chose "Reload to update": the waiting worker takes over, then the page reloads
/// into the new version. (If another tab let it take over already, just reload.)
pub fn take_update() {
    let Some(container) = container() else {
        return;
    };
    let reload = Closure::once_into_js(crate::browser::reload);
    container.set_oncontrollerchange(Some(reload.unchecked_ref()));
    let lookup = container.get_registration();
    spawn_local(async move {
        match registration_from(JsFuture::from(lookup).await).and_then(|r| r.waiting()) {
            Some(waiting) => {
                let _ = waiting.post_message(&JsValue::from_str(ACTIVATE));
            }
            None => crate::browser::reload(),
        }
    });
}

/// Calls `then` once this page's worker is running (the app then opens with no network).
pub fn when_ready(then: impl FnOnce() + 'static) {
    let Some(ready) = container().and_then(|c| c.ready().ok()) else {
        return;
    };
    if build_version().is_none() {
        return;
    }
    spawn_local(async move {
        if JsFuture::from(ready).await.is_ok() {
            then();
        }
    });
}

/// An app left open in a meeting looks for a newer version when it comes back into view, when
/// the network returns, and every hour; never while offline or hidden.
fn look_now_and_then(registration: ServiceWorkerRegistration) {
    let look = move || {
        if !window().navigator().on_line() || document().hidden() {
            return;
        }
        if let Ok(done) = registration.update() {
            spawn_local(async move {
                let _ = JsFuture::from(done).await; // offline or a server error: look again later
            });
        }
    };
    for event in ["visibilitychange", "online"] {
        let look = look.clone();
        let _ = window_event_listener_untyped(event, move |_| look());
    }
    set_interval(look, LOOK_EVERY);
}
