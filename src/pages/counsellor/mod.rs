pub mod opening;
mod rows_html;

use std::collections::HashSet;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::components::backup_reminder::BackupReminder;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::import_backup::ImportBackup;
use crate::components::refusal::{Refusal, RefusalAlert, withdraw_on_input};
use crate::domain::worklist::{
    Filters, Flag, Row, Sort, counsellors, drawn, rows, same_name, worklist,
};
use crate::i18n::{Texts, use_i18n};
use crate::routes::{Route, use_go};
use crate::state::use_state;
use crate::storage::space::Space;
use rows_html::rows_html;

/// `/counsellor`: the caseload: add a participant, and the list to work from, with search,
/// filters and sort held in the URL.
#[component]
pub fn CounsellorPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let name = RwSignal::new(String::new());
    let counsellor = RwSignal::new(String::new());
    let refused = RwSignal::new(None::<Refusal>);
    let add_now = Callback::new(move |()| {
        let id = browser::new_id();
        let result = state.change(|d| {
            d.add_to_caseload(
                id.clone(),
                &name.get_untracked(),
                &counsellor.get_untracked(),
                browser::today(),
            )
        });
        match result {
            Ok(()) => {
                refused.set(None);
                name.set(String::new());
            }
            Err(error) => refused.set(Some(error.into())),
        }
    });
    // The same person added twice is hard to see later: a name already on the list asks first.
    let confirm_same_name = RwSignal::new(false);
    let same_name = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let existing = state.read(|d| {
            d.same_name(&name.get_untracked())
                .map(|p| p.display_name.clone())
        });
        match existing {
            Some(existing) => {
                same_name.set(existing);
                confirm_same_name.set(true);
            }
            None => add_now.run(()),
        }
    };
    view! {
        <h1>{i18n.text(|t| t.caseload_title())}</h1>
        <p class="lead">{i18n.text(|t| t.caseload_intro())}</p>
        <BackupReminder />
        <p>
            <A href=Route::Organisation.href() attr:class="link-tap">
                {i18n.text(|t| t.worklist_summary_link())}
            </A>
        </p>
        <crate::executor::OwnSlice>
            <form class="panel add-form" on:submit=add on:input=withdraw_on_input(refused)>
                <h2>{i18n.text(|t| t.caseload_add_heading())}</h2>
                <label for="participant-name">{i18n.text(|t| t.caseload_name_label())}</label>
                <p class="help" id="participant-name-help">
                    {i18n.text(|t| t.caseload_name_help())}
                </p>
                <input
                    id="participant-name"
                    type="text"
                    dir="auto"
                    aria-describedby="participant-name-help"
                    bind:value=name
                />
                <label for="counsellor-name">{i18n.text(|t| t.caseload_counsellor_label())}</label>
                <input
                    id="counsellor-name"
                    type="text"
                    dir="auto"
                    autocomplete="name"
                    bind:value=counsellor
                />
                <RefusalAlert refusal=refused required=|t| t.caseload_name_required() />
                <button type="submit" class="button">
                    {i18n.text(|t| t.caseload_add_button())}
                </button>
            </form>
            <ConfirmDialog
                open=confirm_same_name
                message=Signal::derive(move || {
                    i18n.t().dialogue_same_name_confirm(same_name.get())
                })
                confirm_label=Signal::derive(move || i18n.t().dialogue_same_name_yes().to_owned())
                cancel_label=Signal::derive(move || i18n.t().caseload_cancel().to_owned())
                on_confirm=add_now
            />
            <RestoreAtStart />
            <h2 id="list-heading">{i18n.text(|t| t.caseload_list_heading())}</h2>
            <p>
                <A href=Route::Receive.href() attr:class="button secondary">
                    {i18n.text(|t| t.handover_receive_title())}
                </A>
            </p>
            <CaseloadList />
            <crate::offline::IosStorageNote />
            <crate::offline::MacSafariNote />
        </crate::executor::OwnSlice>
    }
}

/// An empty device may be one whose browser deleted what it held (Safari after seven days away,
/// a cleared history): restoring from a backup file stands beside adding a person, with the
/// same review of what the file adds. Gone once someone is on the list.
#[component]
fn RestoreAtStart() -> impl IntoView {
    let state = use_state();
    let status = RwSignal::new(String::new());
    let empty = move || state.space() == Space::Real && state.read(|d| d.participants().is_empty());
    view! {
        <Show when=empty>
            <ImportBackup status=status empty_device=true />
        </Show>
        <p class="status" role="status">
            {move || status.get()}
        </p>
    }
}

fn flag_label(t: &Texts, flag: Flag) -> &'static str {
    match flag {
        Flag::FollowUpDue => t.worklist_filter_due(),
        Flag::Break => t.worklist_filter_break(),
        Flag::NoJobFocused => t.worklist_filter_no_job(),
        Flag::AwaitingCounsellor => t.worklist_filter_awaiting(),
        Flag::LowBelief => t.worklist_filter_low_belief(),
        Flag::NewCounsellor => t.worklist_filter_new_counsellor(),
    }
}

fn sort_label(t: &Texts, sort: Sort) -> &'static str {
    match sort {
        Sort::NextFollowUp => t.worklist_sort_follow_up(),
        Sort::Name => t.worklist_sort_name(),
        Sort::LatestRound => t.worklist_sort_latest(),
    }
}

/// The list as the URL asks for it. The rows are computed once per change of data and drawn
/// (as one HTML text, `rows_html`) once per change of data, sort, archive choice or language;
/// search and filters only hide and show drawn rows (150 rows are too many to draw again on
/// every tap on a phone).
#[component]
fn CaseloadList() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let query = use_query_map();
    let navigate = use_go();
    let from_url = Memo::new(move |_| query.with(|q| Filters::from_query(|key| q.get(key))));
    let filters = RwSignal::new(from_url.get_untracked());
    // Back, forward and bookmarks change the URL: the list follows.
    Effect::new(move |_| {
        let asked = from_url.get();
        if filters.with_untracked(|now| *now != asked) {
            filters.set(asked);
        }
    });
    let all_rows = Memo::new(move |_| state.read(|d| rows(d, browser::today())));
    let order = Memo::new(move |_| filters.with(|f| (f.sort, f.archived)));
    let drawn_rows = Memo::new(move |_| {
        let (sort, archived) = order.get();
        let scope = Filters {
            sort,
            archived,
            ..Filters::default()
        };
        all_rows.with(|all| {
            drawn(all, &scope)
                .into_iter()
                .cloned()
                .collect::<Vec<Row>>()
        })
    });
    let list = Memo::new(move |_| {
        all_rows.with(|all| {
            let found = worklist(all, &filters.get());
            let shown: HashSet<String> = found.shown.iter().map(|row| row.id.clone()).collect();
            (shown, found.counts, found.in_scope, found.archived)
        })
    });
    // More than one counsellor named: a team shares this device, so each row says whose person
    // it is, and the list can be narrowed to one counsellor's people.
    let team = Memo::new(move |_| all_rows.with(|all| counsellors(all)));
    let shared = Signal::derive(move || team.with(|team| team.len() > 1));
    let list_ref = NodeRef::<leptos::html::Ul>::new();
    let html = Memo::new(move |_| {
        let t = i18n.t();
        let shared = shared.get();
        drawn_rows.with(|rows| rows_html(t, rows, shared, |id| Route::Person(id).href()))
    });
    let show_found = move |ul: &web_sys::HtmlUListElement| {
        list.with_untracked(|l| drawn_rows.with_untracked(|rows| show_only(ul, rows, &l.0)));
    };
    Effect::new(move |_| {
        if let Some(ul) = list_ref.get() {
            html.with(|html| redraw(&ul, html));
            show_found(&ul);
        }
    });
    Effect::new(move |_| {
        list.track();
        if let Some(ul) = list_ref.get_untracked() {
            show_found(&ul);
        }
    });
    // The list answers a tap at once; the URL follows right after (writing history costs a phone
    // more than the list does), once for changes that come together. Typing replaces the history
    // entry; a filter or sort choice adds one, so Back undoes it.
    let url_pending: StoredValue<Option<bool>> = StoredValue::new(None);
    let write_url = move || {
        let replace = url_pending.get_value().unwrap_or(true);
        url_pending.set_value(None);
        let path = Route::Caseload.href_with_query(&filters.get_untracked().to_query());
        let options = NavigateOptions {
            replace,
            scroll: false,
            ..Default::default()
        };
        navigate(&path, options);
    };
    let go = Callback::new(move |(next, replace): (Filters, bool)| {
        filters.set(next);
        let queued = url_pending.get_value();
        url_pending.set_value(Some(queued.map_or(replace, |queued| queued && replace)));
        if queued.is_none() {
            set_timeout(write_url.clone(), std::time::Duration::ZERO);
        }
    });
    let on_search = move |ev: leptos::ev::Event| {
        let search = event_target_value(&ev);
        go.run((
            Filters {
                search,
                ..filters.get_untracked()
            },
            true,
        ));
    };
    let on_sort = move |ev: leptos::ev::Event| {
        let sort = Sort::from_key(&event_target_value(&ev)).unwrap_or_default();
        go.run((
            Filters {
                sort,
                ..filters.get_untracked()
            },
            false,
        ));
    };
    let on_counsellor = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev);
        go.run((
            Filters {
                counsellor: (!chosen.is_empty()).then_some(chosen),
                ..filters.get_untracked()
            },
            false,
        ));
    };
    // The names to choose from: the team's, and one asked for in the URL that is not on the list.
    let asked = Memo::new(move |_| filters.with(|f| f.counsellor.clone()));
    let counsellor_choices = Memo::new(move |_| {
        let mut names = team.get();
        if let Some(asked) = asked.get()
            && !names.iter().any(|name| same_name(name, &asked))
        {
            names.push(asked);
        }
        names
    });
    let toggle_archived = move |_| {
        let current = filters.get_untracked();
        go.run((
            Filters {
                archived: !current.archived,
                ..current
            },
            false,
        ));
    };
    let any_filter = move || filters.with(|f| !f.flags.is_empty() || !f.search.is_empty());
    let clear = move |_| {
        let current = filters.get_untracked();
        // Whose people and whether the people who left are shown say what the list is; search
        // and flags are what is asked of it.
        go.run((
            Filters {
                sort: current.sort,
                archived: current.archived,
                counsellor: current.counsellor,
                ..Filters::default()
            },
            false,
        ));
    };
    let has_people = move || all_rows.with(|rows| !rows.is_empty());
    view! {
        <Show when=has_people fallback=move || view! { <p>{i18n.text(|t| t.caseload_empty())}</p> }>
            <div class="worklist-controls panel">
                <label for="worklist-search">{i18n.text(|t| t.worklist_search_label())}</label>
                <input
                    id="worklist-search"
                    type="search"
                    dir="auto"
                    autocomplete="off"
                    prop:value=move || filters.with(|f| f.search.clone())
                    on:input=on_search
                />
                <fieldset class="worklist-filters">
                    <legend>{i18n.text(|t| t.worklist_filters_legend())}</legend>
                    {Flag::ALL
                        .into_iter()
                        .map(|flag| {
                            let count = move || {
                                list.with(|l| {
                                    l.1.iter().find(|(f, _)| *f == flag).map_or(0, |(_, n)| *n)
                                })
                            };
                            let checked = move || filters.with(|f| f.flags.contains(&flag));
                            view! {
                                <label class="check">
                                    <input
                                        type="checkbox"
                                        prop:checked=checked
                                        on:change=move |_| {
                                            go.run((filters.get_untracked().toggled(flag), false))
                                        }
                                    />
                                    <span>
                                        {move || flag_label(i18n.t(), flag)} " "
                                        <span class="filter-count">{count}</span>
                                    </span>
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <Show when=move || shared.get() || filters.with(|f| f.counsellor.is_some())>
                    <div class="worklist-sort">
                        <label for="worklist-counsellor">
                            {i18n.text(|t| t.worklist_counsellor_label())}
                        </label>
                        <select id="worklist-counsellor" on:change=on_counsellor>
                            <option
                                value=""
                                prop:selected=move || filters.with(|f| f.counsellor.is_none())
                            >
                                {i18n.text(|t| t.worklist_counsellor_all())}
                            </option>
                            {move || {
                                counsellor_choices
                                    .get()
                                    .into_iter()
                                    .map(|name| {
                                        let selected = name.clone();
                                        let value = name.clone();
                                        view! {
                                            <option
                                                value=value
                                                prop:selected=move || {
                                                    asked
                                                        .with(|a| {
                                                            a.as_deref().is_some_and(|a| same_name(a, &selected))
                                                        })
                                                }
                                            >
                                                {name}
                                            </option>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </select>
                    </div>
                </Show>
                <div class="worklist-sort">
                    <label for="worklist-sort">{i18n.text(|t| t.worklist_sort_label())}</label>
                    <select id="worklist-sort" on:change=on_sort>
                        {Sort::ALL
                            .into_iter()
                            .map(|sort| {
                                view! {
                                    <option
                                        value=sort.key()
                                        prop:selected=move || filters.with(|f| f.sort == sort)
                                    >
                                        {move || sort_label(i18n.t(), sort)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <Show when=move || list.with(|l| l.3 > 0)>
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=move || filters.with(|f| f.archived)
                            on:change=toggle_archived
                        />
                        <span>
                            {move || {
                                let count = list.with(|l| l.3).to_string();
                                i18n.t().worklist_show_archived(&count)
                            }}
                        </span>
                    </label>
                </Show>
            </div>
            <p class="worklist-status" role="status">
                <span id="worklist-shown">
                    {move || {
                        let (shown, total) = list.with(|l| (l.0.len(), l.2));
                        i18n.t().worklist_shown(shown.to_string(), total.to_string())
                    }}
                </span>
                <Show when=any_filter>
                    " " <button type="button" class="button secondary" on:click=clear>
                        {i18n.text(|t| t.worklist_clear())}
                    </button>
                </Show>
            </p>
            <Show when=move || list.with(|l| l.0.is_empty())>
                <p>{i18n.text(|t| t.worklist_none_match())}</p>
            </Show>
            <ul class="caseload" aria-labelledby="list-heading" node_ref=list_ref></ul>
        </Show>
    }
}

/// Puts the rows in `html` in the list. A link that had the keyboard's focus (a change made in
/// another tab redraws the list) has it again.
fn redraw(ul: &web_sys::HtmlUListElement, html: &str) {
    let focused = (document().active_element())
        .filter(|element| ul.contains(Some(element)))
        .and_then(|element| element.get_attribute("href"));
    ul.set_inner_html(html);
    let Some(href) = focused else { return };
    let links = ul.get_elements_by_tag_name("a");
    let again = (0..links.length())
        .filter_map(|i| links.item(i))
        .find(|link| link.get_attribute("href").as_deref() == Some(href.as_str()));
    if let Some(link) = again.and_then(|link| link.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = link.focus();
    }
}

/// Hides the drawn rows the search and filters leave out, and shows the others; `rows` are the
/// drawn rows, in the order they were drawn.
fn show_only(ul: &web_sys::HtmlUListElement, rows: &[Row], shown: &HashSet<String>) {
    let items = ul.children();
    // Drawn from other rows (a redraw is on its way, and shows them after): nothing to match.
    if items.length() as usize != rows.len() {
        return;
    }
    for (i, row) in (0..items.length()).zip(rows) {
        let Some(item) = items
            .item(i)
            .and_then(|item| item.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let hidden = !shown.contains(&row.id);
        if item.hidden() != hidden {
            item.set_hidden(hidden);
        }
    }
}
