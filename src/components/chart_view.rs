use charming::{Chart, Echarts};

use crate::browser;
use crate::components::echarts_loader;
use crate::domain::charts::{ChartWidth, option_json};
use crate::domain::language::Language;
use crate::i18n::{Texts, use_i18n};
use chrono::NaiveDate;
use leptos::{html, prelude::*};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    // ECharts' own entry points. charming's renderer looks its element up by id, which fails
    // when the router builds a page before attaching it; these take the element itself.
    #[wasm_bindgen(js_namespace = echarts, js_name = init)]
    fn init(element: &web_sys::HtmlElement, theme: &JsValue, options: &JsValue) -> Echarts;

    #[wasm_bindgen(js_namespace = echarts, js_name = registerLocale)]
    fn register_locale(name: &str, locale: &JsValue);

    #[wasm_bindgen(js_namespace = echarts, js_name = dispose)]
    fn dispose(chart: &Echarts);
}

/// ECharts in the page's language: a locale of the app's own short month names (ECharts has
/// none for Norwegian or Danish), so that a time axis' "{MMM}" reads as the page does.
/// Returns the options for `init` that choose it.
fn page_locale(t: &Texts, language: Language) -> JsValue {
    let months = js_sys::Array::new();
    for month in 1..=12 {
        if let Some(first) = NaiveDate::from_ymd_opt(2000, month, 1) {
            months.push(&JsValue::from_str(t.month_name(first)));
        }
    }
    let days = js_sys::Array::new();
    for _ in 0..7 {
        days.push(&JsValue::from_str(""));
    }
    let time = js_sys::Object::new();
    for key in ["month", "monthAbbr"] {
        let _ = js_sys::Reflect::set(&time, &JsValue::from_str(key), &months);
    }
    for key in ["dayOfWeek", "dayOfWeekAbbr"] {
        let _ = js_sys::Reflect::set(&time, &JsValue::from_str(key), &days);
    }
    let locale = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&locale, &JsValue::from_str("time"), &time);
    let name = format!("stegvis-{}", language.code());
    register_locale(&name, &locale);
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &options,
        &JsValue::from_str("locale"),
        &JsValue::from_str(&name),
    );
    options.into()
}

/// The chart as a PNG data URL, via ECharts' `getDataURL` (charming's type does not expose it).
fn png_data_url(chart: &Echarts) -> Option<String> {
    let method: js_sys::Function = js_sys::Reflect::get(chart, &JsValue::from_str("getDataURL"))
        .ok()?
        .dyn_into()
        .ok()?;
    method.call1(chart, &png_options()).ok()?.as_string()
}

/// Options for `getDataURL`: a sharp PNG on a white background (the page's own is not drawn).
fn png_options() -> JsValue {
    let options = js_sys::Object::new();
    for (key, value) in [
        ("type", JsValue::from_str("png")),
        ("pixelRatio", JsValue::from_f64(2.0)),
        ("backgroundColor", JsValue::from_str("#ffffff")),
    ] {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(key), &value);
    }
    options.into()
}

/// Draws `option` in place of everything drawn before ("notMerge": an old legend entry or
/// series never lingers). charming's own update merges, so ECharts is called directly.
fn replace_option(chart: &Echarts, option: &Chart) {
    let Some(value) = option_json(option).and_then(|json| js_sys::JSON::parse(&json).ok()) else {
        return;
    };
    let set_option = js_sys::Reflect::get(chart, &JsValue::from_str("setOption"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(set_option) = set_option {
        let _ = set_option.call2(chart, &value, &JsValue::TRUE);
    }
}

/// What was tapped or clicked on a chart.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartClick {
    /// A point of a line: the index of its spoke (a closing point repeats spoke 0 as `n`).
    Point(usize),
    /// A spoke's name, as drawn (long names carry line breaks).
    Label(String),
}

/// Reads ECharts' click parameters: a series point's `[value, spoke]`, or an axis label.
fn chart_click(params: &JsValue) -> Option<ChartClick> {
    let field =
        |target: &JsValue, key: &str| js_sys::Reflect::get(target, &JsValue::from_str(key)).ok();
    match field(params, "componentType")?.as_string()?.as_str() {
        "series" => {
            let value = field(params, "value")?;
            let spoke = js_sys::Reflect::get_u32(&value, 1).ok()?.as_f64()?;
            Some(ChartClick::Point(spoke as usize))
        }
        "angleAxis" => field(params, "value")?.as_string().map(ChartClick::Label),
        _ => None,
    }
}

/// Listens to ECharts' click event (charming's type does not expose `on`).
fn listen_to_clicks(chart: &Echarts, handler: &Closure<dyn Fn(JsValue)>) {
    let on = js_sys::Reflect::get(chart, &JsValue::from_str("on"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(on) = on {
        let _ = on.call2(chart, &JsValue::from_str("click"), handler.as_ref());
    }
}

thread_local! {
    // Set while a task has made a chart: the next one waits for a task of its own.
    static MADE_THIS_TASK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a new chart may be made in this task: one per task, in the order the page builds
/// them, so that on a slow device the chart at the top is on the screen before the next is
/// made. If not, `turn` changes once the next frame has been painted (the caller's effect reads
/// it and runs again): a task queued at once would run before the browser paints.
fn may_make_chart(turn: RwSignal<u32>) -> bool {
    let next_task = std::time::Duration::ZERO;
    if MADE_THIS_TASK.replace(true) {
        request_animation_frame(move || {
            set_timeout(move || _ = turn.try_update(|n| *n += 1), next_task);
        });
        return false;
    }
    set_timeout(|| MADE_THIS_TASK.set(false), next_task);
    true
}

/// Draws a chart built by a pure builder in `domain::charts`. Redraws when the chart's data
/// changes or the container crosses between narrow and wide, follows the window size, and frees
/// ECharts when the page is left.
/// `label` is all a screen reader hears of the chart (see `chart_description`): ECharts' own
/// description is off.
#[component]
pub fn ChartView(
    id: &'static str,
    /// Builds the chart for the room it has; reading signals inside makes it redraw on change.
    draw: impl Fn(ChartWidth) -> Chart + 'static,
    #[prop(into)] label: Signal<String>,
    /// When given, a button saves the chart as a PNG file with this name.
    #[prop(optional)]
    png_name: Option<Signal<String>>,
    /// Called when a point or a spoke's name is tapped.
    #[prop(optional)]
    on_click: Option<Callback<ChartClick>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let container = NodeRef::<html::Div>::new();
    // The element drawn in, its ECharts instance, and the language the instance was made for.
    let instance = StoredValue::new_local(None::<(web_sys::HtmlDivElement, Echarts, Language)>);
    let width = RwSignal::new(None::<ChartWidth>);
    let turn = RwSignal::new(0);
    // Kept for as long as the component lives: ECharts calls it on every click.
    let click_handler = StoredValue::new_local(on_click.map(|callback| {
        Closure::<dyn Fn(JsValue)>::new(move |params: JsValue| {
            if let Some(click) = chart_click(&params) {
                callback.run(click);
            }
        })
    }));
    let measure = move || {
        if let Some(element) = container.get_untracked() {
            width.set(Some(ChartWidth::of(f64::from(element.client_width()))));
        }
    };
    Effect::new(move |_| {
        let Some(element) = container.get() else {
            return; // not attached yet: the effect runs again when it is
        };
        let Some(room) = width.get() else {
            measure();
            return;
        };
        if !echarts_loader::echarts_ready() {
            return; // drawn when the script has come
        }
        turn.track();
        let language = i18n.language();
        // One instance per element and language, redrawn in place: a new instance would not
        // know that a tap just happened and would take the browser's follow-up click for a
        // second tap. A new language needs a new one: ECharts fixes its locale at the start.
        let current = instance.with_value(|slot| {
            slot.as_ref().is_some_and(|(dom, _, made_for)| {
                AsRef::<JsValue>::as_ref(dom) == AsRef::<JsValue>::as_ref(&element)
                    && *made_for == language
            })
        });
        if !current && !may_make_chart(turn) {
            return;
        }
        let chart = draw(room);
        instance.update_value(|slot| {
            if !current {
                if let Some((_, old, _)) = slot.take() {
                    dispose(&old);
                }
                let options = page_locale(i18n.t(), language);
                let echarts = init(&element, &JsValue::NULL, &options);
                click_handler.with_value(|handler| {
                    if let Some(handler) = handler {
                        listen_to_clicks(&echarts, handler);
                    }
                });
                *slot = Some((element.clone(), echarts, language));
            }
            if let Some((_, echarts, _)) = slot {
                replace_option(echarts, &chart);
            }
        });
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        measure();
        instance.with_value(|slot| {
            if let Some((_, echarts, _)) = slot {
                echarts.resize(JsValue::UNDEFINED);
            }
        });
    });
    on_cleanup(move || {
        resize.remove();
        instance.try_update_value(|slot| {
            if let Some((_, echarts, _)) = slot.take() {
                dispose(&echarts);
            }
        });
    });
    let save_png = move |name: String| {
        instance.with_value(|slot| {
            if let Some(url) = slot.as_ref().and_then(|(_, chart, _)| png_data_url(chart)) {
                browser::download_url(&name, &url);
            }
        });
    };
    view! {
        <div id=id node_ref=container class="chart-view" role="img" aria-label=label></div>
        {png_name
            .map(|name| {
                view! {
                    <button
                        type="button"
                        class="button secondary"
                        on:click=move |_| save_png(name.get_untracked())
                    >
                        {i18n.text(|t| t.progress_save_png())}
                    </button>
                }
            })}
    }
}
