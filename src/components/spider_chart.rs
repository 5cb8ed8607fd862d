use charming::{Chart, Echarts, WasmRenderer};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// ECharts' own clean-up; charming does not expose it.
    #[wasm_bindgen(js_namespace = echarts, js_name = dispose)]
    fn dispose(chart: &Echarts);
}

/// Draws a chart built by a pure builder in `domain::charts`. Redraws when the chart changes,
/// follows the window size, and frees ECharts when the page is left.
/// `label` names the chart for screen readers; ECharts adds its own description of the data.
#[component]
pub fn SpiderChart(
    id: &'static str,
    #[prop(into)] chart: Signal<Chart>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let instance = StoredValue::new_local(None::<Echarts>);
    Effect::new(move |_| {
        let chart = chart.get();
        instance.update_value(|slot| {
            // A fresh instance each time: setOption would merge the old legend into the new one.
            if let Some(old) = slot.take() {
                dispose(&old);
            }
            *slot = WasmRenderer::new_opt(None, None).render(id, &chart).ok();
        });
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
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
    view! { <div id=id class="spider-chart" role="img" aria-label=label></div> }
}
