use charming::{Chart, Echarts, WasmRenderer};

use crate::domain::charts::ChartWidth;
use leptos::{html, prelude::*};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    // ECharts' own entry points. charming's renderer looks its element up by id, which fails
    // when the router builds a page before attaching it; these take the element itself.
    #[wasm_bindgen(js_namespace = echarts, js_name = init)]
    fn init(element: &web_sys::HtmlElement) -> Echarts;

    #[wasm_bindgen(js_namespace = echarts, js_name = dispose)]
    fn dispose(chart: &Echarts);
}

/// Draws a chart built by a pure builder in `domain::charts`. Redraws when the chart's data
/// changes or the container crosses between narrow and wide, follows the window size, and frees
/// ECharts when the page is left.
/// `label` names the chart for screen readers; ECharts adds its own description of the data.
#[component]
pub fn SpiderChart(
    id: &'static str,
    /// Builds the chart for the room it has; reading signals inside makes it redraw on change.
    draw: impl Fn(ChartWidth) -> Chart + 'static,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let container = NodeRef::<html::Div>::new();
    let instance = StoredValue::new_local(None::<Echarts>);
    let width = RwSignal::new(None::<ChartWidth>);
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
        let chart = draw(room);
        instance.update_value(|slot| {
            // A fresh instance each time: setOption would merge the old legend into the new one.
            if let Some(old) = slot.take() {
                dispose(&old);
            }
            let echarts = init(&element);
            WasmRenderer::update(&echarts, &chart);
            *slot = Some(echarts);
        });
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        measure();
        instance.with_value(|slot| {
            if let Some(echarts) = slot {
                echarts.resize(JsValue::UNDEFINED);
            }
        });
    });
    on_cleanup(move || {
        resize.remove();
        instance.try_update_value(|slot| {
            if let Some(echarts) = slot.take() {
                dispose(&echarts);
            }
        });
    });
    view! { <div id=id node_ref=container class="spider-chart" role="img" aria-label=label></div> }
}
