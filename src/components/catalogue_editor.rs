//! The organisation's intervention catalogue: rename, add, retire and offer again. Retiring
//! never removes an entry, so plans and rounds that used it stay readable.

use leptos::ev;
use leptos::prelude::*;

use crate::browser;
use crate::components::refusal::{Refusal, RefusalAlert, withdraw_on_input};
use crate::domain::interventions::InterventionGroup;
use crate::i18n::{Texts, use_i18n};
use crate::state::{AppState, use_state};

/// The name an entry has in the current language.
fn entry_name(t: &Texts, state: AppState, id: &str) -> String {
    state.read(|d| {
        d.settings()
            .catalogue
            .get(id)
            .map(|e| t.catalogue_name(e))
            .unwrap_or_default()
    })
}

#[component]
pub fn CatalogueEditor() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let status = RwSignal::new(String::new());
    let group_list = move |group: InterventionGroup| {
        let ids = Memo::new(move |_| {
            state.read(|d| {
                d.settings()
                    .catalogue
                    .entries()
                    .iter()
                    .filter(|e| e.group == group)
                    .map(|e| e.id.clone())
                    .collect::<Vec<_>>()
            })
        });
        view! {
            <h3>{move || i18n.t().group_name(group)}</h3>
            <ul class="plain catalogue-group">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <EntryRow id=id status=status />
                </For>
            </ul>
        }
    };
    view! {
        <section class="panel catalogue" aria-labelledby="catalogue-heading">
            <h2 id="catalogue-heading">{i18n.text(|t| t.catalogue_heading())}</h2>
            <p>{i18n.text(|t| t.catalogue_intro())}</p>
            {InterventionGroup::ALL.into_iter().map(group_list).collect_view()}
            <AddEntry status=status />
            <p class="status" role="status">
                {move || status.get()}
            </p>
        </section>
    }
}

#[component]
fn EntryRow(id: String, status: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let id = StoredValue::new(id);
    let retired = Memo::new(move |_| {
        state.read(|d| {
            d.settings()
                .catalogue
                .get(&id.get_value())
                .is_some_and(|e| e.retired)
        })
    });
    let refused = RwSignal::new(None::<Refusal>);
    let rename = move |ev: ev::Event| {
        let name = event_target_value(&ev);
        // Written back to the shipped name, an entry follows the language again.
        let shipped = i18n.t().seed_activity(&id.get_value()) == Some(name.trim());
        let result = state.change(|d| {
            let catalogue = d.catalogue_mut();
            if shipped {
                catalogue.use_shipped_name(&id.get_value())
            } else {
                catalogue.rename(&id.get_value(), &name)
            }
        });
        refused.set(result.err().map(Refusal::from));
    };
    let set_retired = move |retire: bool| {
        let result = state.change(|d| {
            let catalogue = d.catalogue_mut();
            if retire {
                catalogue.retire(&id.get_value())
            } else {
                catalogue.restore(&id.get_value())
            }
        });
        refused.set(result.as_ref().err().cloned().map(Refusal::from));
        if result.is_ok() {
            let t = i18n.t();
            let name = entry_name(t, state, &id.get_value());
            status.set(if retire {
                t.catalogue_retired(name)
            } else {
                t.catalogue_restored(name)
            });
        }
    };
    // Follows the language but not the stored name, so typing keeps its place and its spaces.
    let name_now = Memo::new(move |_| {
        let t = i18n.t();
        untrack(|| entry_name(t, state, &id.get_value()))
    });
    let action = move || {
        let t = i18n.t();
        if retired.get() {
            t.catalogue_restore()
        } else {
            t.catalogue_retire()
        }
    };
    view! {
        <li class="catalogue-entry" class:retired=move || retired.get()>
            <label class="field">
                <span class="visually-hidden">{i18n.text(|t| t.catalogue_name_label())}</span>
                <input type="text" dir="auto" prop:value=move || name_now.get() on:input=rename />
            </label>
            <RefusalAlert refusal=refused required=|t| t.catalogue_name_required() />
            <Show when=move || retired.get()>
                <p class="help">{i18n.text(|t| t.catalogue_retired_note())}</p>
            </Show>
            <button
                type="button"
                class="button secondary"
                // Says which activity, for screen readers; the row shows it to everyone else.
                aria-label=move || {
                    format!("{}: {}", action(), entry_name(i18n.t(), state, &id.get_value()))
                }
                on:click=move |_| set_retired(!retired.get_untracked())
            >
                {action}
            </button>
        </li>
    }
}

#[component]
fn AddEntry(status: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let group = RwSignal::new(InterventionGroup::JobFocused);
    let name = RwSignal::new(String::new());
    let refused = RwSignal::new(None::<Refusal>);
    let add = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        let text = name.get_untracked();
        let result = state.change(|d| {
            d.catalogue_mut()
                .add_custom(browser::new_id(), group.get_untracked(), &text)
        });
        let saved = result.is_ok();
        refused.set(result.err().map(Refusal::from));
        if saved {
            status.set(i18n.t().catalogue_added(text.trim()));
            name.set(String::new());
        }
    };
    view! {
        <form class="add-block" on:submit=add on:input=withdraw_on_input(refused)>
            <h3>{i18n.text(|t| t.catalogue_add_heading())}</h3>
            <div class="field-row">
                <label class="field">
                    <span>{i18n.text(|t| t.catalogue_add_group())}</span>
                    <select on:change=move |ev| {
                        if let Some(chosen) = InterventionGroup::from_id(&event_target_value(&ev)) {
                            group.set(chosen);
                        }
                    }>
                        {move || {
                            let t = i18n.t();
                            InterventionGroup::ALL
                                .map(|g| {
                                    view! {
                                        <option value=g.id() prop:selected=move || group.get() == g>
                                            {t.group_name(g)}
                                        </option>
                                    }
                                })
                        }}
                    </select>
                </label>
                <label class="field">
                    <span>{i18n.text(|t| t.catalogue_add_name())}</span>
                    <input type="text" dir="auto" bind:value=name />
                </label>
            </div>
            <RefusalAlert refusal=refused required=|t| t.catalogue_add_name_required() />
            <button type="submit" class="button">
                {i18n.text(|t| t.catalogue_add_button())}
            </button>
        </form>
    }
}
