//! Reading the phone's code with this device's camera: the browser's `BarcodeDetector` where
//! it has one, else the `rqrr` decoder compiled into the app (desktop Chrome on Windows and
//! Linux has no detector). Frames are read from a canvas that is never shown or attached.

use js_sys::{Array, Object, Reflect};
use leptos::task::spawn_local;
use leptos::{html, prelude::*};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream};

use crate::i18n::{Texts, use_i18n};

/// Frames are scaled to at most this width before decoding: enough for a code that fills a
/// phone's screen, and quick to search.
const FRAME_WIDTH: u32 = 640;
const EVERY_MS: u64 = 250;

#[derive(Clone, Copy, PartialEq)]
enum Camera {
    Off,
    Starting,
    On,
    Refused,
}

/// A button that starts the camera and calls `on_text` with each code it reads, until
/// `on_text` says it has what it needs (a single code: at once; a sequence: its last).
/// `button` names the button and `scanning` says what to hold in front of the camera.
#[component]
pub fn CameraScan(
    on_text: Callback<String, bool>,
    #[prop(optional)] button: Option<fn(&Texts) -> &'static str>,
    #[prop(optional)] scanning: Option<fn(&Texts) -> &'static str>,
) -> impl IntoView {
    let button = button.unwrap_or(Texts::handover_receive_scan);
    let scanning = scanning.unwrap_or(Texts::handover_receive_scanning);
    let i18n = use_i18n();
    let camera = RwSignal::new(Camera::Off);
    let video = NodeRef::<html::Video>::new();
    let stream = StoredValue::new_local(None::<MediaStream>);
    let timer = StoredValue::new_local(None::<IntervalHandle>);
    let busy = StoredValue::new(false);
    let stop = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(None);
        if let Some(stream) = stream.get_value() {
            stream.get_tracks().for_each(&mut |track, _, _| {
                track.unchecked_into::<web_sys::MediaStreamTrack>().stop();
            });
        }
        stream.set_value(None);
    };
    on_cleanup(stop);
    let start = move |_| {
        camera.set(Camera::Starting);
        spawn_local(async move {
            let (Some(element), Ok(media)) = (video.get_untracked(), open_camera().await) else {
                return camera.set(Camera::Refused);
            };
            element.set_src_object(Some(&media));
            let _ = element.play();
            stream.set_value(Some(media));
            camera.set(Camera::On);
            let canvas = document()
                .create_element("canvas")
                .ok()
                .and_then(|c| c.dyn_into().ok());
            let detector = barcode_detector();
            let handle = set_interval_with_handle(
                move || {
                    if busy.get_value() {
                        return;
                    }
                    busy.set_value(true);
                    let (element, canvas, detector) =
                        (element.clone(), canvas.clone(), detector.clone());
                    spawn_local(async move {
                        let found = match &detector {
                            Some(detector) => detect(detector, &element).await,
                            None => canvas.as_ref().and_then(|c| decode_frame(&element, c)),
                        };
                        busy.set_value(false);
                        if let Some(text) = found
                            && on_text.run(text)
                        {
                            stop();
                            camera.set(Camera::Off);
                        }
                    });
                },
                std::time::Duration::from_millis(EVERY_MS),
            );
            timer.set_value(handle.ok());
        });
    };
    let on_stop = move |_| {
        stop();
        camera.set(Camera::Off);
    };
    view! {
        <div class="camera">
            <video
                node_ref=video
                class="camera-view"
                class:hidden=move || camera.get() != Camera::On
                playsinline
                muted
                aria-hidden="true"
            ></video>
            {move || match camera.get() {
                Camera::On => {
                    view! {
                        <p role="status">{scanning(i18n.t())}</p>
                        <button type="button" class="button secondary" on:click=on_stop>
                            {i18n.t().handover_receive_scan_stop()}
                        </button>
                    }
                        .into_any()
                }
                Camera::Refused => {
                    view! {
                        <p class="warning" role="alert">
                            {i18n.t().handover_receive_no_camera()}
                        </p>
                        <button type="button" class="button secondary" on:click=start>
                            {button(i18n.t())}
                        </button>
                    }
                        .into_any()
                }
                Camera::Off | Camera::Starting => {
                    view! {
                        <button
                            type="button"
                            class="button"
                            disabled=move || camera.get() == Camera::Starting
                            on:click=start
                        >
                            {button(i18n.t())}
                        </button>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// The camera facing away from the user where there is a choice; Err when refused or absent.
async fn open_camera() -> Result<MediaStream, JsValue> {
    let devices = window().navigator().media_devices()?;
    let constraints = web_sys::MediaStreamConstraints::new();
    let video = Object::new();
    Reflect::set(&video, &"facingMode".into(), &"environment".into())?;
    constraints.set_video(&video);
    let stream = JsFuture::from(devices.get_user_media_with_constraints(&constraints)?).await?;
    Ok(stream.unchecked_into())
}

/// `new BarcodeDetector({formats: ["qr_code"]})`, where the browser has one.
fn barcode_detector() -> Option<JsValue> {
    let class = Reflect::get(&window(), &"BarcodeDetector".into()).ok()?;
    let class: js_sys::Function = class.dyn_into().ok()?;
    let options = Object::new();
    Reflect::set(&options, &"formats".into(), &Array::of1(&"qr_code".into())).ok()?;
    Reflect::construct(&class, &Array::of1(&options)).ok()
}

async fn detect(detector: &JsValue, video: &HtmlVideoElement) -> Option<String> {
    let detect: js_sys::Function = Reflect::get(detector, &"detect".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: js_sys::Promise = detect.call1(detector, video).ok()?.dyn_into().ok()?;
    let codes: Array = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    Reflect::get(&codes.get(0), &"rawValue".into())
        .ok()?
        .as_string()
}

/// Looks for a QR code in the current frame with `rqrr`: in the whole frame, then in its
/// central square at a few sizes. rqrr misses some larger codes (a record's, version 15) beside
/// wide plain margins, and at some sizes of their modules (measured on a fake webcam's frames:
/// each code read at some of these sizes and not at others). Each look takes milliseconds.
fn decode_frame(video: &HtmlVideoElement, canvas: &HtmlCanvasElement) -> Option<String> {
    let (width, height) = (
        f64::from(video.video_width()),
        f64::from(video.video_height()),
    );
    if width == 0.0 || height == 0.0 {
        return None;
    }
    let side = width.min(height);
    let square = ((width - side) / 2.0, (height - side) / 2.0, side, side);
    [
        ((0.0, 0.0, width, height), 1.0),
        (square, 1.0),
        (square, 0.75),
        (square, 0.66),
        (square, 0.5),
    ]
    .into_iter()
    .find_map(|(area, size)| decode_area(video, canvas, area, size))
}

/// Draws `area` of the frame (x, y, width, height), in grey, at most [`FRAME_WIDTH`] wide
/// times `size`, and decodes the first code found in it.
fn decode_area(
    video: &HtmlVideoElement,
    canvas: &HtmlCanvasElement,
    (x, y, width, height): (f64, f64, f64, f64),
    size: f64,
) -> Option<String> {
    let scale = f64::from(FRAME_WIDTH).min(width) * size / width;
    let (w, h) = ((width * scale) as u32, (height * scale) as u32);
    canvas.set_width(w);
    canvas.set_height(h);
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context
        .draw_image_with_html_video_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
            video,
            x,
            y,
            width,
            height,
            0.0,
            0.0,
            f64::from(w),
            f64::from(h),
        )
        .ok()?;
    let rgba = context
        .get_image_data(0.0, 0.0, f64::from(w), f64::from(h))
        .ok()?
        .data();
    let (w, h) = (w as usize, h as usize);
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| {
        let i = (y * w + x) * 4;
        ((u16::from(rgba[i]) * 3 + u16::from(rgba[i + 1]) * 6 + u16::from(rgba[i + 2])) / 10) as u8
    });
    image
        .detect_grids()
        .iter()
        .find_map(|grid| grid.decode().ok().map(|(_, text)| text))
}
