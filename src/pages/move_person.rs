//! `/counsellor/:pid/move`: one person's whole record to a colleague's device. The colleague's
//! receive link says whom to seal it for; the colleague becomes her counsellor from today;
//! sensitive answers go only when ticked. The receive link can be read from the colleague's
//! screen with the camera. The record travels as a link, a file or (small enough) a sequence
//! of codes for the colleague's camera, and this
//! device then keeps her archived ("moved to a colleague") or erases her, as chosen.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::browser;
use crate::domain::handover::HandoverError;
use crate::domain::handover::colleague::ReceiveCode;
use crate::domain::handover::sequence;
use crate::domain::participant::LeftFor;
use crate::handover::camera::CameraScan;
use crate::handover::colleague::seal_record;
use crate::handover::error_text;
use crate::handover::link::link_to;
use crate::handover::sequence::CodeSequence;
use crate::handover::share::CopyLink;
use crate::i18n::{Texts, use_i18n};
use crate::routes::{Route, use_person_id};
use crate::state::use_state;
use crate::storage::backup::export_backup;

#[derive(Clone, PartialEq)]
enum Sealing {
    Not,
    Busy,
    /// `codes`: the record as a sequence of QR codes, where it is small enough.
    Done {
        link: String,
        bytes: usize,
        codes: Option<Vec<String>>,
    },
    Refused(HandoverError),
}

#[derive(Clone, Copy, PartialEq)]
enum Afterwards {
    Archive,
    Erase,
}

#[component]
pub fn MovePersonPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let pid = use_person_id();
    let name = Memo::new(move |_| {
        state.read(|d| d.participant(&pid.get()).map(|p| p.display_name.clone()))
    });
    let code_text = RwSignal::new(String::new());
    let colleague = RwSignal::new(String::new());
    let include_sensitive = RwSignal::new(false);
    let sealing = RwSignal::new(Sealing::Not);
    let missing = RwSignal::new(false);
    let afterwards = RwSignal::new(Afterwards::Archive);
    let finished = RwSignal::new(None::<String>);
    let code = Memo::new(move |_| {
        let text = code_text.get();
        (!text.trim().is_empty()).then(|| ReceiveCode::decode(&text))
    });
    let has_sensitive = Memo::new(move |_| {
        state.read(|d| {
            d.for_colleague(&pid.get(), "-", browser::today())
                .is_ok_and(|record| record.has_sensitive_answers())
        })
    });
    let seal = move |_| {
        let (Some(Ok(code)), name) = (code.get_untracked(), colleague.get_untracked()) else {
            missing.set(true);
            return;
        };
        if name.trim().is_empty() {
            missing.set(true);
            return;
        }
        missing.set(false);
        let record = state.read(|d| d.for_colleague(&pid.get_untracked(), &name, browser::today()));
        let Ok(record) = record else { return };
        let text = export_backup(&record, browser::now(), include_sensitive.get_untracked());
        sealing.set(Sealing::Busy);
        spawn_local(async move {
            sealing.set(match seal_record(&code, &text).await {
                Ok(sealed) => {
                    let bytes = sealed.to_bytes();
                    Sealing::Done {
                        link: link_to(Route::Data, &sealed.encode()),
                        codes: sequence::codes(&bytes),
                        bytes: bytes.len(),
                    }
                }
                Err(error) => Sealing::Refused(error),
            });
        });
    };
    let finish = move |_| {
        let (pid, who) = (pid.get_untracked(), colleague.get_untracked());
        let Some(name) = name.get_untracked() else {
            return;
        };
        let t = i18n.t();
        let done = match afterwards.get_untracked() {
            Afterwards::Archive => state
                .change(|d| {
                    d.change_counsellor(&pid, &who, browser::today())?;
                    d.archive_participant(&pid, LeftFor::Colleague, browser::today())
                })
                .map(|()| t.colleague_move_done_archived(&name)),
            Afterwards::Erase => state
                .change(|d| d.erase_participant(&pid))
                .map(|()| t.colleague_move_done_erased(&name)),
        };
        if let Ok(text) = done {
            finished.set(Some(text));
        }
    };
    move || {
        if let Some(text) = finished.get() {
            return view! {
                <h1>{i18n.t().colleague_move_link()}</h1>
                <p role="status">{text}</p>
                <p>
                    <A href=Route::Caseload.href() attr:class="button">
                        {i18n.t().caseload_back_to_list()}
                    </A>
                </p>
            }
            .into_any();
        }
        let Some(name) = name.get() else {
            return view! { <h1>{i18n.t().caseload_not_found()}</h1> }.into_any();
        };
        let t = i18n.t();
        let (back, title) = (t.plan_back(&name), t.colleague_move_title(&name));
        let (archive_label, erase_label) = (
            t.colleague_move_after_archive(&name),
            t.colleague_move_after_erase(&name),
        );
        view! {
            <p>
                <A href=Route::Person(&pid.get()).href() exact=true attr:class="link-tap">
                    {back}
                </A>
            </p>
            <h1>{title}</h1>
            <p class="lead">{t.colleague_move_intro()}</p>
            <div class="panel">
                <TextField
                    id="receive-code"
                    label=t.colleague_move_code_label()
                    help=t.colleague_move_code_help()
                    value=code_text
                />
                <CameraScan
                    on_text=Callback::new(move |text| {
                        code_text.set(text);
                        true
                    })
                    scanning=Texts::colleague_move_code_scanning
                />
                <p id="receive-code-error" class="error" role="alert">
                    {move || match code.get() {
                        Some(Err(error)) => error_text(i18n.t(), &error),
                        _ => "",
                    }}
                </p>
                <TextField
                    id="colleague-name"
                    label=t.colleague_move_colleague_label()
                    help=t.colleague_move_colleague_help()
                    value=colleague
                />
                <Show when=move || has_sensitive.get()>
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=move || include_sensitive.get()
                            on:change=move |e| include_sensitive.set(event_target_checked(&e))
                        />
                        {i18n.text(|t| t.colleague_move_sensitive())}
                    </label>
                </Show>
                <p>
                    <button type="button" class="button" on:click=seal>
                        {t.colleague_move_seal()}
                    </button>
                </p>
                <p class="error" role="alert">
                    {move || if missing.get() { i18n.t().colleague_move_missing() } else { "" }}
                </p>
                {move || sealed_view(sealing.get())}
            </div>
            <Show when=move || matches!(sealing.get(), Sealing::Done { .. })>
                <section class="panel" aria-labelledby="after-heading">
                    <h2 id="after-heading">{i18n.text(|t| t.colleague_move_after_heading())}</h2>
                    <fieldset>
                        <legend class="visually-hidden">
                            {i18n.text(|t| t.colleague_move_after_heading())}
                        </legend>
                        <label class="check">
                            <input
                                type="radio"
                                name="afterwards"
                                prop:checked=move || afterwards.get() == Afterwards::Archive
                                on:change=move |_| afterwards.set(Afterwards::Archive)
                            />
                            {archive_label.clone()}
                        </label>
                        <label class="check">
                            <input
                                type="radio"
                                name="afterwards"
                                prop:checked=move || afterwards.get() == Afterwards::Erase
                                on:change=move |_| afterwards.set(Afterwards::Erase)
                            />
                            {erase_label.clone()}
                        </label>
                    </fieldset>
                    <button type="button" class="button" on:click=finish>
                        {i18n.text(|t| t.colleague_move_done())}
                    </button>
                </section>
            </Show>
        }
        .into_any()
    }
}

/// A labelled text field with its help (`{id}-help`) and room for an error (`{id}-error`).
#[component]
fn TextField(
    id: &'static str,
    label: &'static str,
    help: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <label for=id>{label}</label>
        <p id=format!("{id}-help") class="help">
            {help}
        </p>
        <input
            id=id
            type="text"
            autocomplete="off"
            dir="auto"
            aria-describedby=format!("{id}-help {id}-error")
            prop:value=move || value.get()
            on:input=move |e| value.set(event_target_value(&e))
        />
    }
}

/// The record as codes for the colleague's camera, shown when asked for; or why not.
fn codes_view(codes: Option<Vec<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t();
    let Some(codes) = codes else {
        return view! { <p class="help">{t.colleague_move_codes_too_many()}</p> }.into_any();
    };
    let showing = RwSignal::new(false);
    let codes = StoredValue::new(codes);
    view! {
        <button
            type="button"
            class="button secondary"
            aria-expanded=move || showing.get().to_string()
            on:click=move |_| showing.update(|s| *s = !*s)
        >
            {t.colleague_move_codes_show()}
        </button>
        <Show when=move || showing.get()>
            <p>{i18n.text(|t| t.colleague_move_codes_help())}</p>
            <CodeSequence
                codes=codes.get_value()
                label=i18n.t().colleague_move_codes_label().to_owned()
            />
        </Show>
    }
    .into_any()
}

/// The sealed record: its size, the link to copy and the file to save.
fn sealed_view(sealing: Sealing) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t();
    match sealing {
        Sealing::Not => ().into_any(),
        Sealing::Busy => view! { <p role="status">{t.colleague_move_sealing()}</p> }.into_any(),
        Sealing::Refused(error) => view! {
            <p class="error" role="alert">
                {error_text(t, &error)}
            </p>
        }
        .into_any(),
        Sealing::Done { link, bytes, codes } => {
            let file = link.clone();
            let save = move |_| {
                crate::handover::link::save_as_file("stegvis-record", &file);
            };
            view! {
                <p role="status">{t.colleague_move_sealed(bytes.div_ceil(1024))}</p>
                <CopyLink link=link label=t.colleague_move_link_label() />
                <button type="button" class="button secondary" on:click=save>
                    {t.colleague_move_file()}
                </button>
                {codes_view(codes)}
            }
            .into_any()
        }
    }
}
