//! On the data page: receiving a person from a colleague. This device's receive link (its
//! public key, also as a code for the colleague's camera) to give the colleague, and the
//! sealed record that comes back, by link, file or a sequence of codes read with the camera,
//! opened here and handed to the import review, which shows what comes and overwrites nothing.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::handover::HandoverError;
use crate::domain::handover::codec::to_base64url;
use crate::domain::handover::colleague::SealedRecord;
use crate::domain::handover::sequence::{self, Read, Sequence};
use crate::handover::camera::CameraScan;
use crate::handover::colleague::open_record;
use crate::handover::error_text;
use crate::handover::link::{link_to, on_payload};
use crate::handover::paste_or_file::PasteOrFile;
use crate::handover::qr::QrImage;
use crate::handover::seal::new_device_key;
use crate::handover::share::CopyLink;
use crate::i18n::{Texts, use_i18n};
use crate::routes::Route;
use crate::state::use_state;

#[derive(Clone, PartialEq)]
enum Opening {
    Idle,
    Busy,
    Opened,
    Refused(HandoverError),
}

#[component]
pub fn ReceivePerson(
    /// Where an opened record goes: the import review's offered text.
    offered: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let showing = RwSignal::new(false);
    let key_failed = RwSignal::new(None::<HandoverError>);
    let opening = RwSignal::new(Opening::Idle);
    let receive_link = Memo::new(move |_| {
        state.read(|d| {
            d.receive_code()
                .map(|code| link_to(Route::Data, &code.encode()))
        })
    });
    let show = move |_| {
        showing.set(true);
        if receive_link.get_untracked().is_some() {
            return;
        }
        spawn_local(async move {
            match new_device_key().await {
                Ok(key) => {
                    let _ = state.change(|d| {
                        d.keep_device_key(key);
                        Ok(())
                    });
                }
                Err(error) => key_failed.set(Some(error)),
            }
        });
    };
    let open = move |text: String| {
        let record = match SealedRecord::decode(&text) {
            Ok(record) => record,
            Err(error) => return opening.set(Opening::Refused(error)),
        };
        let Some(device) = state.read(|d| d.handover().device_key.clone()) else {
            return opening.set(Opening::Refused(HandoverError::NotForThisDevice));
        };
        opening.set(Opening::Busy);
        spawn_local(async move {
            match open_record(&record, &device).await {
                Ok(backup) => {
                    opening.set(Opening::Opened);
                    offered.set(Some(backup));
                }
                Err(error) => opening.set(Opening::Refused(error)),
            }
        });
    };
    // The codes of a sequence, read by the camera in any order; a whole record in one code
    // opens at once. The camera stops once the record is whole (or refused).
    let sequence = StoredValue::new(Sequence::default());
    let progress = RwSignal::new(None::<(usize, usize)>);
    let scanned = move |text: String| {
        if !sequence::is_part(&text) {
            open(text);
            return true;
        }
        match sequence.try_update_value(|s| s.add(&text)) {
            Some(Ok(Read::Reading { read, count })) => {
                progress.set(Some((read, count)));
                false
            }
            Some(Ok(Read::Whole(bytes))) => {
                progress.set(None);
                sequence.set_value(Sequence::default());
                open(to_base64url(&bytes));
                true
            }
            Some(Err(error)) => {
                progress.set(None);
                opening.set(Opening::Refused(error));
                true
            }
            None => true,
        }
    };
    // A record's link opens this page with the record in its fragment.
    on_payload(open);
    view! {
        <section class="panel handover" aria-labelledby="receive-person-heading">
            <h2 id="receive-person-heading">{i18n.text(|t| t.colleague_receive_heading())}</h2>
            <p>{i18n.text(|t| t.colleague_receive_intro())}</p>
            <button
                type="button"
                class="button secondary"
                aria-expanded=move || showing.get().to_string()
                on:click=show
            >
                {i18n.text(|t| t.colleague_receive_show())}
            </button>
            {move || {
                let t = i18n.t();
                match (showing.get(), key_failed.get(), receive_link.get()) {
                    (false, _, _) => ().into_any(),
                    (true, Some(error), _) => {
                        view! {
                            <p class="error" role="alert">
                                {error_text(t, &error)}
                            </p>
                        }
                            .into_any()
                    }
                    (true, None, Some(link)) => {
                        view! {
                            <div class="handover-code receive-code">
                                <QrImage
                                    text=link.clone()
                                    label=t.colleague_receive_qr_label().to_owned()
                                />
                            </div>
                            <CopyLink link=link label=t.colleague_receive_link_label() />
                        }
                            .into_any()
                    }
                    (true, None, None) => ().into_any(),
                }
            }}
            <CameraScan
                on_text=Callback::new(scanned)
                button=Texts::colleague_receive_codes_scan
                scanning=Texts::colleague_receive_codes_scanning
            />
            <p role="status">
                {move || {
                    progress
                        .get()
                        .map(|(read, count)| i18n.t().colleague_receive_codes_progress(count, read))
                }}
            </p>
            <PasteOrFile
                id="record-link"
                label=|t| t.colleague_receive_record_label()
                open=|t| t.colleague_receive_open()
                file=|t| t.colleague_receive_record_file()
                on_text=Callback::new(open)
                on_unreadable=Callback::new(move |()| {
                    opening.set(Opening::Refused(HandoverError::NotStegvis))
                })
            />
            {move || {
                let t = i18n.t();
                match opening.get() {
                    Opening::Idle => ().into_any(),
                    Opening::Busy => {
                        view! { <p role="status">{t.handover_sealing()}</p> }.into_any()
                    }
                    Opening::Opened => {
                        view! { <p role="status">{t.colleague_receive_opened()}</p> }.into_any()
                    }
                    Opening::Refused(error) => {
                        view! {
                            <p class="error" role="alert">
                                {error_text(t, &error)}
                            </p>
                        }
                            .into_any()
                    }
                }
            }}
        </section>
    }
}
