//! A sequence of QR codes shown one after another for another device's camera (the format is
//! `domain::handover::sequence`). It moves on by itself, as the reader takes codes in any
//! order and a missed one comes round again; it can be paused and stepped through by hand,
//! since moving content must be stoppable.

use leptos::prelude::*;

use super::qr::QrImage;
use crate::i18n::use_i18n;

/// How long each code stays: long enough for a webcam reading four frames a second.
const EACH_MS: u64 = 900;

#[component]
pub fn CodeSequence(codes: Vec<String>, label: String) -> impl IntoView {
    let i18n = use_i18n();
    let count = codes.len();
    let codes = StoredValue::new(codes);
    let shown = RwSignal::new(0usize);
    let playing = RwSignal::new(true);
    let step = move |by: usize| shown.update(|s| *s = (*s + by) % count);
    let timer = set_interval_with_handle(
        move || {
            if playing.get_untracked() {
                step(1);
            }
        },
        std::time::Duration::from_millis(EACH_MS),
    )
    .ok();
    on_cleanup(move || {
        if let Some(timer) = timer {
            timer.clear();
        }
    });
    view! {
        <div class="code-sequence">
            {move || {
                let place = shown.get();
                view! {
                    <div class="handover-code sequence-code" data-place=place>
                        <QrImage text=codes.with_value(|c| c[place].clone()) label=label.clone() />
                    </div>
                    <p class="sequence-place">
                        {i18n.t().colleague_move_codes_place(count, place + 1)}
                    </p>
                }
            }} <div class="sequence-controls">
                <button
                    type="button"
                    class="button secondary"
                    on:click=move |_| {
                        playing.set(false);
                        step(count - 1);
                    }
                >
                    {i18n.text(|t| t.colleague_move_codes_previous())}
                </button>
                <button
                    type="button"
                    class="button secondary"
                    aria-pressed=move || (!playing.get()).to_string()
                    on:click=move |_| playing.update(|p| *p = !*p)
                >
                    {i18n.text(|t| t.colleague_move_codes_pause())}
                </button>
                <button
                    type="button"
                    class="button secondary"
                    on:click=move |_| {
                        playing.set(false);
                        step(1);
                    }
                >
                    {i18n.text(|t| t.colleague_move_codes_next())}
                </button>
            </div>
        </div>
    }
}
