//! ECharts is a sixth of what a phone downloads, and most screens draw no chart: it is fetched the
//! first time a chart is shown. The build (scripts/lazy-echarts.mjs) turns Trunk's script tag into
//! `<meta name="stegvis-echarts" content="<hashed file>" data-integrity="sha384-…">`; the script
//! is added from this origin with that integrity, so the browser refuses a changed file. Offline,
//! the service worker has it with the rest of the build.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

thread_local! {
    // Reference-counted, not owned by a component: the first chart's page may go, the answer stays.
    static READY: ArcRwSignal<bool> = ArcRwSignal::new(false);
    static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// True once ECharts can draw; asks for it the first time. Tracked: a chart drawn inside an
/// effect that reads this is drawn as soon as the script has run.
pub fn echarts_ready() -> bool {
    let ready = READY.with(|ready| ready.clone());
    if !ready.get() && !ASKED.replace(true) {
        if loaded() {
            ready.set(true);
        } else {
            load(ready.clone());
        }
    }
    ready.get()
}

fn loaded() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("echarts"))
        .is_ok_and(|echarts| !echarts.is_undefined())
}

fn load(ready: ArcRwSignal<bool>) {
    let document = leptos::prelude::document();
    let Some(meta) = document
        .query_selector(r#"meta[name="stegvis-echarts"]"#)
        .ok()
        .flatten()
    else {
        return; // a build without charts' script: the tables still say everything
    };
    let (Some(src), Some(integrity)) = (
        meta.get_attribute("content"),
        meta.get_attribute("data-integrity"),
    ) else {
        return;
    };
    let Ok(script) = document.create_element("script") else {
        return;
    };
    let _ = script.set_attribute("src", &src);
    let _ = script.set_attribute("integrity", &integrity);
    let on_load = Closure::once_into_js(move || ready.set(true));
    let _ = script.add_event_listener_with_callback("load", on_load.unchecked_ref());
    if let Some(head) = document.head() {
        let _ = head.append_child(&script);
    }
}
