use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser;
use crate::components::refusal::{Refusal, RefusalAlert, withdraw_on_input};
use crate::components::round_answers::TheirAnswer;
use crate::components::round_missing::RoundMissing;
use crate::components::scale_question::{ScaleChoice, ScaleQuestion};
use crate::domain::assessment::{
    CounsellorPart, Interventions, ItemAnswer, SensitiveAnswer, SensitiveItem,
};
use crate::domain::caseload::Caseload;
use crate::domain::error::ModelError;
use crate::domain::interventions::InterventionGroup;
use crate::domain::questionnaire::ParticipantItem;
use crate::i18n::{Texts, use_i18n};
use crate::routes::{Route, use_round_id};
use crate::state::{AppState, use_state};

/// The round and the counsellor's name for it, shared by the sections of the page.
#[derive(Clone, Copy)]
struct Part {
    state: AppState,
    round_id: StoredValue<String>,
    counsellor: RwSignal<String>,
    refused: RwSignal<Option<Refusal>>,
}

impl Part {
    fn read<T>(&self, f: impl FnOnce(Option<&CounsellorPart>) -> T) -> T {
        self.state.read(|d| {
            f(d.round(&self.round_id.get_value())
                .and_then(|r| r.counsellor_part.as_ref()))
        })
    }

    /// Saves one answer, opening the part under the counsellor's name on the first one.
    fn change(&self, apply: impl FnOnce(&mut Caseload, &str) -> Result<(), ModelError>) {
        let rid = self.round_id.get_value();
        let counsellor = self.counsellor.get_untracked();
        let result = self.state.change(|d| {
            if d.round(&rid).is_some_and(|r| r.counsellor_part.is_none()) {
                d.start_counsellor_part(&rid, &counsellor, browser::now())?;
            }
            apply(d, &rid)
        });
        self.refused.set(result.err().map(Refusal::from));
    }
}

/// `/round/:rid/counsellor`: belief, determination, interventions of the past period, the
/// counsellor's own view of the eight items, and (if switched on) the sensitive items.
#[component]
pub fn CounsellorPartPage() -> impl IntoView {
    let state = use_state();
    let round_id = use_round_id();
    let exists = Memo::new(move |_| state.read(|d| d.round(&round_id.get()).is_some()));
    move || {
        if exists.get() {
            view! { <CounsellorPartForm round_id=round_id.get() /> }.into_any()
        } else {
            view! { <RoundMissing /> }.into_any()
        }
    }
}

#[component]
fn CounsellorPartForm(round_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let (participant_id, name, date, known_counsellor) = state.read(|d| {
        let round = d.round(&round_id).expect("checked by the page");
        let person = d.participant(&round.participant_id);
        let counsellor = round
            .counsellor_part
            .as_ref()
            .map(|p| p.counsellor.clone())
            .or_else(|| {
                person
                    .and_then(|p| p.current_counsellor())
                    .map(|c| c.name.clone())
            })
            .unwrap_or_default();
        let name = person.map(|p| p.display_name.clone()).unwrap_or_default();
        (round.participant_id.clone(), name, round.date, counsellor)
    });
    let part = Part {
        state,
        round_id: StoredValue::new(round_id),
        counsellor: RwSignal::new(known_counsellor),
        refused: RwSignal::new(None),
    };
    let started = move || part.read(|p| p.is_some());
    let sensitive_on = move || state.read(|d| d.settings().sensitive_items_enabled);

    let rated =
        move |key: &'static str,
              get: fn(&CounsellorPart) -> Option<&ItemAnswer>,
              set: fn(&mut Caseload, &str, ItemAnswer) -> Result<(), ModelError>| {
            view! {
                <ScaleQuestion
                    name=key.to_owned()
                    question=Signal::derive(move || i18n.t().keyed_question(key).to_owned())
                    steps=Signal::derive(move || i18n.t().steps(key))
                    no_value_label=Signal::derive(move || {
                        i18n.t().questions_rather_not().to_owned()
                    })
                    selected=Signal::derive(move || {
                        part.read(|p| p.and_then(get).map(ScaleChoice::from))
                    })
                    on_select=Callback::new(move |choice: ScaleChoice| {
                        if let Ok(answer) = ItemAnswer::try_from(choice) {
                            part.change(|d, rid| set(d, rid, answer));
                        }
                    })
                />
            }
        };

    let their_answer = move |item: ParticipantItem| {
        Signal::derive(move || {
            state.read(|d| {
                d.round(&part.round_id.get_value())
                    .and_then(|r| r.participant_part.as_ref())
                    .and_then(|p| p.answers.get(&item).cloned())
            })
        })
    };
    // The own ratings are optional: folded until the counsellor gives one.
    let has_ratings = part.read(|p| p.is_some_and(|p| !p.ratings.is_empty()));
    let sections = Sections {
        outlook: RwSignal::new(true),
        interventions: RwSignal::new(true),
        ratings: RwSignal::new(has_ratings),
        sensitive: RwSignal::new(true),
    };
    let page_path = Route::CounsellorPart(&part.round_id.get_value()).href();
    let link_name = name.clone();
    view! {
        <p>
            <A href=Route::Person(&participant_id).href()>{link_name}</A>
        </p>
        <h1>{i18n.text(|t| t.round_counsellor_title())}</h1>
        <p class="lead">{move || format!("{name} · {}", i18n.t().date(date))}</p>
        <p>{i18n.text(|t| t.round_counsellor_intro())}</p>
        <Contents page=page_path sections=sections sensitive_on=Signal::derive(sensitive_on) />
        <label for="part-counsellor">{i18n.text(|t| t.round_counsellor_name())}</label>
        <input
            id="part-counsellor"
            type="text"
            dir="auto"
            bind:value=part.counsellor
            prop:disabled=started
            on:input=withdraw_on_input(part.refused)
        />
        <RefusalAlert refusal=part.refused required=|t| t.caseload_name_required() />
        <PartSection
            id="part-outlook"
            open=sections.outlook
            heading=|t| t.dialogue_section_outlook()
        >
            {rated(
                "belief",
                |p| p.belief.as_ref(),
                |d, rid, a| d.set_belief(rid, a, browser::now()),
            )}
            {rated(
                "determination",
                |p| p.determination.as_ref(),
                |d, rid, a| d.set_determination(rid, a, browser::now()),
            )}
        </PartSection>
        <PartSection
            id="part-interventions"
            open=sections.interventions
            heading=|t| t.dialogue_section_interventions()
        >
            <InterventionChoice part=part />
        </PartSection>
        <PartSection id="part-ratings" open=sections.ratings heading=|t| t.round_ratings_heading()>
            <p class="help">{i18n.text(|t| t.round_ratings_help())}</p>
            {ParticipantItem::ALL
                .into_iter()
                .map(|item| {
                    view! {
                        <ScaleQuestion
                            name=format!("rating-{}", item.id())
                            question=Signal::derive(move || {
                                i18n.t().item_counsellor_question(item).to_owned()
                            })
                            steps=Signal::derive(move || i18n.t().counsellor_steps(item))
                            no_value_label=Signal::derive(move || {
                                i18n.t().questions_rather_not().to_owned()
                            })
                            selected=Signal::derive(move || {
                                part.read(|p| {
                                    p.and_then(|p| p.ratings.get(&item)).map(ScaleChoice::from)
                                })
                            })
                            on_select=Callback::new(move |choice: ScaleChoice| {
                                if let Ok(answer) = ItemAnswer::try_from(choice) {
                                    part.change(|d, rid| {
                                        d.set_counsellor_rating(rid, item, answer, browser::now())
                                    });
                                }
                            })
                        >
                            <TheirAnswer item=item answer=their_answer(item) />
                        </ScaleQuestion>
                    }
                })
                .collect_view()}
        </PartSection>
        <Show when=sensitive_on>
            <PartSection
                id="part-sensitive"
                open=sections.sensitive
                heading=|t| t.round_sensitive_heading()
            >
                <SensitiveItems part=part />
            </PartSection>
        </Show>
        <p class="actions">
            <A href=Route::Person(&participant_id).href() attr:class="button">
                {i18n.text(|t| t.round_done())}
            </A>
        </p>
    }
}

/// Whether each section of the page is unfolded; the contents list unfolds the one it leads to.
#[derive(Clone, Copy)]
struct Sections {
    outlook: RwSignal<bool>,
    interventions: RwSignal<bool>,
    ratings: RwSignal<bool>,
    sensitive: RwSignal<bool>,
}

/// A short list of the page's sections, so that a long part shows where one is. The links
/// carry the page's own path: under the app's base URL a bare `#id` would lead to the start page.
#[component]
fn Contents(page: String, sections: Sections, sensitive_on: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let entry =
        move |id: &'static str, open: RwSignal<bool>, heading: fn(&Texts) -> &'static str| {
            view! {
                <li>
                    <a href=format!("{page}#{id}") on:click=move |_| open.set(true)>
                        {move || heading(i18n.t())}
                    </a>
                </li>
            }
        };
    view! {
        <nav class="panel part-contents" aria-labelledby="part-contents-heading">
            <h2 id="part-contents-heading">{i18n.text(|t| t.dialogue_contents_heading())}</h2>
            <ol>
                {entry("part-outlook", sections.outlook, |t| t.dialogue_section_outlook())}
                {entry(
                    "part-interventions",
                    sections.interventions,
                    |t| t.dialogue_section_interventions(),
                )} {entry("part-ratings", sections.ratings, |t| t.round_ratings_heading())}
                <Show when=move || {
                    sensitive_on.get()
                }>
                    {entry("part-sensitive", sections.sensitive, |t| t.round_sensitive_heading())}
                </Show>
            </ol>
        </nav>
    }
}

/// One foldable section of the counsellor's part, its heading in the summary line.
#[component]
fn PartSection(
    id: &'static str,
    open: RwSignal<bool>,
    heading: fn(&Texts) -> &'static str,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("{id}-heading");
    view! {
        <details
            class="panel part-section"
            id=id
            prop:open=move || open.get()
            on:toggle=move |ev| {
                let now_open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                if now_open != open.get_untracked() {
                    open.set(now_open);
                }
            }
        >
            <summary>
                <h2 id=heading_id>{move || heading(i18n.t())}</h2>
            </summary>
            {children()}
        </details>
    }
}

/// Interventions during the past period: several from the catalogue, grouped as in BIP, or none.
#[component]
fn InterventionChoice(part: Part) -> impl IntoView {
    let i18n = use_i18n();
    let state = part.state;
    let chosen = move || {
        part.read(|p| match p.map(|p| &p.interventions) {
            Some(Interventions::Given(ids)) => ids.clone(),
            _ => Vec::new(),
        })
    };
    let none_given =
        move || part.read(|p| p.is_some_and(|p| p.interventions == Interventions::NoneGiven));
    let toggle = move |id: String, on: bool| {
        let mut ids = chosen();
        ids.retain(|x| *x != id);
        if on {
            ids.push(id);
        }
        let interventions = if ids.is_empty() {
            Interventions::NotAnswered
        } else {
            Interventions::Given(ids)
        };
        part.change(|d, rid| d.set_interventions(rid, interventions, browser::now()));
    };
    let set_none = move |on: bool| {
        let interventions = if on {
            Interventions::NoneGiven
        } else {
            Interventions::NotAnswered
        };
        part.change(|d, rid| d.set_interventions(rid, interventions, browser::now()));
    };
    view! {
        <fieldset class="interventions">
            <legend>{i18n.text(|t| t.questions_interventions_question())}</legend>
            <p class="help">{i18n.text(|t| t.round_interventions_help())}</p>
            {InterventionGroup::ALL
                .into_iter()
                .map(|group| {
                    let entries = move || {
                        let chosen = chosen();
                        state
                            .read(|d| {
                                d.settings()
                                    .catalogue
                                    .entries()
                                    .iter()
                                    .filter(|e| {
                                        e.group == group && (!e.retired || chosen.contains(&e.id))
                                    })
                                    .cloned()
                                    .collect::<Vec<_>>()
                            })
                    };
                    // Active entries, and retired ones still chosen in this round.
                    view! {
                        <div class="group">
                            <h3>{move || i18n.t().group_name(group)}</h3>
                            <For each=entries key=|e| e.id.clone() let:entry>
                                {
                                    let id = entry.id.clone();
                                    let checked_id = entry.id.clone();
                                    view! {
                                        <label class="check">
                                            <input
                                                type="checkbox"
                                                prop:checked=move || chosen().contains(&checked_id)
                                                on:change=move |ev| toggle(
                                                    id.clone(),
                                                    event_target_checked(&ev),
                                                )
                                            />
                                            <span>{move || i18n.t().catalogue_name(&entry)}</span>
                                        </label>
                                    }
                                }
                            </For>
                        </div>
                    }
                })
                .collect_view()}
            // Apart from the four groups: "none" is an answer about the whole period.
            <div class="group none-group">
                <h3>{i18n.text(|t| t.dialogue_none_heading())}</h3>
                <label class="check none">
                    <input
                        type="checkbox"
                        prop:checked=none_given
                        on:change=move |ev| set_none(event_target_checked(&ev))
                    />
                    <span>{i18n.text(|t| t.questions_interventions_none())}</span>
                </label>
            </div>
        </fieldset>
    }
}

/// Violence in a close relationship and risky use: counsellor side only, "not asked" allowed.
#[component]
fn SensitiveItems(part: Part) -> impl IntoView {
    let i18n = use_i18n();
    let item = move |key: &'static str, which: SensitiveItem| {
        let selected = Signal::derive(move || {
            part.read(|p| {
                let answers = p.map(|p| p.sensitive)?;
                let answer = match which {
                    SensitiveItem::Violence => answers.violence,
                    SensitiveItem::SubstanceUse => answers.substance_use,
                }?;
                Some(ScaleChoice::from(answer))
            })
        });
        let on_select = Callback::new(move |choice| {
            let Ok(answer) = SensitiveAnswer::try_from(choice) else {
                return;
            };
            part.change(|d, rid| d.set_sensitive(rid, which, answer, browser::now()));
        });
        view! {
            <ScaleQuestion
                name=format!("sensitive-{key}")
                question=Signal::derive(move || i18n.t().keyed_question(key).to_owned())
                steps=Signal::derive(move || i18n.t().steps(key))
                no_value_label=Signal::derive(move || i18n.t().questions_not_asked().to_owned())
                selected=selected
                on_select=on_select
            />
        }
    };
    view! {
        <div class="sensitive">
            <p class="warning">{i18n.text(|t| t.questions_violence_reminder())}</p>
            {item("violence", SensitiveItem::Violence)}
            {item("substance", SensitiveItem::SubstanceUse)}
        </div>
    }
}
