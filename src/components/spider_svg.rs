//! The spider diagram a participant sees of herself, drawn as SVG (`domain::spider_shape`,
//! `domain::spider_markup`): her pages then need neither ECharts nor charming. It works as the
//! counsellor's ECharts diagram does: a tap on a point shows its round, question, step and
//! comment; a screen reader hears `label`; the table beside it has the numbers; it can be saved
//! as a PNG.

use leptos::{html, prelude::*};
use wasm_bindgen::{JsCast, prelude::*};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlImageElement};

use crate::browser;
use crate::domain::charts::RadarSeries;
use crate::domain::spider_markup::FONT;
use crate::domain::spider_shape::{Measures, estimated_width, spider_shape};
use crate::i18n::use_i18n;

/// An angle's cosine and sine, by the browser's Math.
fn cos_sin(angle: f64) -> (f64, f64) {
    (js_sys::Math::cos(angle), js_sys::Math::sin(angle))
}

/// Measures texts in the page's own font, as the drawing will show them.
fn text_measurer() -> impl Fn(&str, f64) -> f64 {
    let context = browser::document()
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
        .and_then(|c| c.get_context("2d").ok().flatten())
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
    move |text: &str, font_size: f64| {
        let measured = context.as_ref().and_then(|context| {
            context.set_font(&format!("{}px {FONT}", font_size.round() as i64));
            context.measure_text(text).ok().map(|m| m.width())
        });
        measured.unwrap_or_else(|| estimated_width(text, font_size))
    }
}

/// Which point a tap landed on, as (round, spoke), read from the drawing's data attributes.
fn tapped_point(event: &web_sys::MouseEvent) -> Option<(usize, usize)> {
    let target: web_sys::Element = event.target()?.dyn_into().ok()?;
    let point = target.closest(".chart-point").ok()??;
    let read = |key: &str| point.get_attribute(key)?.parse::<usize>().ok();
    Some((read("data-round")?, read("data-spoke")?))
}

#[component]
pub fn SpiderSvg(
    id: &'static str,
    #[prop(into)] series: Signal<Vec<RadarSeries>>,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] png_name: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let container = NodeRef::<html::Div>::new();
    let width = RwSignal::new(None::<f64>);
    // The tapped point: its text follows the language and the answers.
    let tapped = RwSignal::new(None::<(usize, usize)>);
    let measure = move || {
        if let Some(element) = container.get_untracked() {
            width.set(Some(f64::from(element.client_width())));
        }
    };
    Effect::new(move |_| {
        if container.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    let measure_text = text_measurer();
    let shape = Memo::new(move |_| {
        // Nothing is drawn until the container has a width (0 while the page is laid out).
        let width = width.get().filter(|width| *width > 0.0)?;
        Some(spider_shape(
            &i18n.t().item_axes(),
            &series.get(),
            width,
            &Measures {
                text_width: &measure_text,
                cos_sin: &cos_sin,
            },
        ))
    });
    let detail = move || {
        let (round, spoke) = tapped.get()?;
        shape.with(|shape| {
            let line = shape.as_ref()?.lines.get(round)?;
            let mark = line.marks.iter().find(|m| m.spoke == spoke)?;
            (!mark.detail.is_empty()).then(|| mark.detail.clone())
        })
    };
    let on_tap = move |event: web_sys::MouseEvent| {
        if let Some(point) = tapped_point(&event) {
            // A second tap on the same point hides its text again.
            tapped.update(|t| *t = (*t != Some(point)).then_some(point));
        }
    };
    let save_png = move |_| {
        if let Some(shape) = shape.get_untracked() {
            save_as_png(
                shape.svg(),
                png_name.get_untracked(),
                shape.width,
                shape.height,
            );
        }
    };
    view! {
        <div
            id=id
            node_ref=container
            class="chart-view spider"
            role="img"
            aria-label=label
            inner_html=move || shape.with(|s| s.as_ref().map(|s| s.svg()).unwrap_or_default())
            on:click=on_tap
        ></div>
        <p class="chart-detail" aria-live="polite">
            {detail}
        </p>
        <button type="button" class="button secondary" on:click=save_png>
            {i18n.text(|t| t.progress_save_png())}
        </button>
    }
}

/// Saves the drawing as a PNG at twice its size, on white: its SVG drawn into a canvas.
fn save_as_png(svg: String, name: String, width: f64, height: f64) {
    let Ok(image) = HtmlImageElement::new() else {
        return;
    };
    let source = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        js_sys::encode_uri_component(&svg)
    );
    let drawn = image.clone();
    let on_load = Closure::once_into_js(move || {
        if let Some(url) = png_of(&drawn, width, height) {
            browser::download_url(&name, &url);
        }
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_src(&source);
}

fn png_of(image: &HtmlImageElement, width: f64, height: f64) -> Option<String> {
    const SCALE: f64 = 2.0;
    let canvas: HtmlCanvasElement = browser::document()
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    canvas.set_width((width * SCALE) as u32);
    canvas.set_height((height * SCALE) as u32);
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, width * SCALE, height * SCALE);
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            image,
            0.0,
            0.0,
            width * SCALE,
            height * SCALE,
        )
        .ok()?;
    canvas.to_data_url_with_type("image/png").ok()
}
