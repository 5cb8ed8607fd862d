//! QR codes drawn as SVG elements by the `qrcode` crate's encoder: no canvas and no inline
//! styles, so the page's strict CSP stays as it is.

use leptos::prelude::*;
use qrcode::{Color, EcLevel, QrCode};

/// The largest code we show. Beyond it the modules get too small for a webcam across a table
/// (and for many phone cameras), so the screen offers the link and the file instead.
pub const LARGEST_VERSION: i16 = 25;

/// The dark modules of `text`'s code as one SVG path, its width in modules and its version;
/// `None` when the text does not fit a code we show. Level M where it fits, else level L: a
/// code on a clean screen loses little to damage, and L keeps a longer text (a plan) readable.
pub fn qr_path(text: &str) -> Option<(String, usize, i16)> {
    let (code, version) = [EcLevel::M, EcLevel::L].into_iter().find_map(|level| {
        let code = QrCode::with_error_correction_level(text, level).ok()?;
        match code.version() {
            qrcode::Version::Normal(v) if v <= LARGEST_VERSION => Some((code, v)),
            _ => None,
        }
    })?;
    let width = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] == Color::Dark {
                let start = x;
                while x < width && row[x] == Color::Dark {
                    x += 1;
                }
                path.push_str(&format!("M{start} {y}h{}v1H{start}z", x - start));
            } else {
                x += 1;
            }
        }
    }
    Some((path, width, version))
}

/// A QR code of `text` with its quiet zone, or nothing when it does not fit (see [`qr_path`]).
#[component]
pub fn QrImage(text: String, label: String) -> impl IntoView {
    qr_path(&text).map(|(path, width, version)| {
        let size = width + 8;
        view! {
            <svg
                class="qr-code"
                viewBox=format!("-4 -4 {size} {size}")
                role="img"
                aria-label=label
                data-version=version
                shape-rendering="crispEdges"
            >
                <rect x="-4" y="-4" width=size height=size fill="#fff" />
                <path d=path fill="#000" />
            </svg>
        }
    })
}
