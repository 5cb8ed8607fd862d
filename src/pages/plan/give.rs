//! "Give the plan to …": the plan, sealed here as a QR code her phone's ordinary camera opens,
//! a link and a file. Sealed to her phone's own key where her latest reply brought it (only
//! that phone opens it, with nothing to type); else, or when that phone cannot open it, under
//! a ten-digit code shown beside it and never part of the link. Her phone keeps it under
//! "My plan" (`pages::my_plan`).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::labels::activity_name;
use crate::browser;
use crate::domain::her_plan::{HerPlan, code};
use crate::handover::error_text;
use crate::handover::link::link_to;
use crate::handover::plan_seal::{seal_plan, seal_plan_to_phone};
use crate::handover::qr::QrImage;
use crate::handover::share::CopyLink;
use crate::i18n::use_i18n;
use crate::routes::Route;
use crate::state::use_state;

#[derive(Clone)]
enum Shown {
    Nothing,
    Sealing,
    /// `code`: the digits she types, or none when the plan is sealed to her phone.
    Ready {
        link: String,
        code: Option<String>,
    },
    Refused(crate::domain::handover::HandoverError),
}

#[component]
pub fn GivePlan(pid: Memo<String>, name: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let shown = RwSignal::new(Shown::Nothing);
    let saved = RwSignal::new(false);
    let has_plan = Memo::new(move |_| {
        state.read(|d| {
            d.plan_of(&pid.get())
                .is_some_and(|p| !p.sub_goals.is_empty() || !p.activities.is_empty())
        })
    });
    // Her phone and this device's key, where her latest reply came from a phone that keeps
    // its key: the plan is sealed between them.
    let phone = Memo::new(move |_| {
        state.read(|d| Some((d.her_phone(&pid.get())?, d.handover().device_key.clone()?)))
    });
    let give = move |with_digits: bool| {
        let t = i18n.t();
        let plan = state.read(|d| {
            let catalogue = &d.settings().catalogue;
            HerPlan::of(d, &pid.get_untracked(), browser::now(), |a| {
                activity_name(t, catalogue, a)
            })
        });
        let Some(plan) = plan else { return };
        shown.set(Shown::Sealing);
        saved.set(false);
        let phone = phone.get_untracked().filter(|_| !with_digits);
        spawn_local(async move {
            let sealed = match phone {
                Some((phone, device)) => seal_plan_to_phone(&plan, &device, &phone)
                    .await
                    .map(|p| (p, None)),
                None => seal_plan(&plan).await.map(|(p, code)| (p, Some(code))),
            };
            shown.set(match sealed {
                Ok((payload, code)) => Shown::Ready {
                    link: link_to(Route::MyPlan, &payload),
                    code,
                },
                Err(error) => Shown::Refused(error),
            });
        });
    };
    let heading = i18n.t().her_plan_give_heading(&name);
    let intro = name.clone();
    view! {
        <section class="panel handover give-plan" aria-labelledby="give-heading">
            <h2 id="give-heading">{heading}</h2>
            <p>{move || i18n.t().her_plan_give_intro(&intro)}</p>
            <Show
                when=move || has_plan.get()
                fallback=move || {
                    view! { <p class="help">{i18n.text(|t| t.her_plan_give_no_plan())}</p> }
                }
            >
                <button type="button" class="button" on:click=move |_| give(false)>
                    {i18n.text(|t| t.her_plan_give_button())}
                </button>
            </Show>
            {move || {
                let t = i18n.t();
                match shown.get() {
                    Shown::Nothing => ().into_any(),
                    Shown::Sealing => {
                        view! { <p role="status">{t.her_plan_give_sealing()}</p> }.into_any()
                    }
                    Shown::Refused(error) => {
                        view! {
                            <p class="error" role="alert">
                                {error_text(t, &error)}
                            </p>
                        }
                            .into_any()
                    }
                    Shown::Ready { link, code: digits } => {
                        let with_code = digits.is_some();
                        let file = link.clone();
                        let save = move |_| {
                            crate::handover::link::save_as_file("stegvis-plan", &file);
                            saved.set(true);
                        };
                        let fits = crate::handover::qr::qr_path(&link).is_some();
                        let help = match &digits {
                            Some(_) => t.her_plan_give_scan_help(&name),
                            None => t.her_plan_give_phone_help(&name),
                        };
                        let digits_view = match digits {
                            Some(digits) => {
                                view! {
                                    <p class="plan-code-digits">
                                        {t.her_plan_give_code_label()} ": "
                                        <strong class="code-digits" dir="ltr">
                                            {code::shown(&digits)}
                                        </strong>
                                    </p>
                                }
                                    .into_any()
                            }
                            None => ().into_any(),
                        };
                        view! {
                            <p>{help}</p>
                            // The code and the digits side by side where there is room, so
                            // that a projector shows both at once.
                            <div class="plan-code-pair">
                                {if fits {
                                    view! {
                                        <div class="handover-code plan-code">
                                            <QrImage
                                                text=link.clone()
                                                label=t.her_plan_give_qr_label().to_owned()
                                            />
                                        </div>
                                    }
                                        .into_any()
                                } else {
                                    view! { <p class="warning">{t.her_plan_give_too_long()}</p> }
                                        .into_any()
                                }} {digits_view}
                            </div>
                            {if with_code {
                                view! { <p class="help">{t.her_plan_give_code_help()}</p> }
                                    .into_any()
                            } else {
                                view! {
                                    <button
                                        type="button"
                                        class="button secondary"
                                        on:click=move |_| give(true)
                                    >
                                        {t.her_plan_give_with_digits()}
                                    </button>
                                }
                                    .into_any()
                            }}
                            <h3 class="send-option">{t.her_plan_give_other_ways()}</h3>
                            <CopyLink link=link label=t.her_plan_give_link_label() />
                            <button type="button" class="button secondary" on:click=save>
                                {t.her_plan_give_file()}
                            </button>
                            <Show when=move || saved.get()>
                                <p role="status">{i18n.text(|t| t.her_plan_give_file_saved())}</p>
                            </Show>
                        }
                            .into_any()
                    }
                }
            }}
        </section>
    }
}
