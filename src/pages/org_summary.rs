use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use wasm_bindgen_futures::JsFuture;

use crate::browser;
use crate::components::chart_description::bars_description;
use crate::components::chart_view::ChartView;
use crate::domain::bar_charts::{BarSeries, bar_chart};
use crate::domain::language::Language;
use crate::domain::org_summary::{
    Figure, MAX_SUMMARY_BYTES, Month, Period, SummaryCounts, SummaryFile, SummaryFileError,
};
use crate::domain::questionnaire::ParticipantItem;
use crate::i18n::{I18n, TextWith, Texts, use_i18n};
use crate::routes::Route;
use crate::state::use_state;
use crate::storage::summary_csv::summary_csv;

/// Whose figures the screen shows: this device's caseload, or summary files from several.
#[derive(Clone, Debug, PartialEq)]
enum Source {
    Device,
    Files(Vec<SummaryFile>),
}

fn figure_name(t: &Texts, figure: Figure) -> &'static str {
    match figure {
        Figure::FollowUpsOnTime => t.summary_figure_follow_ups_on_time(),
        Figure::PeriodsWithoutIntervention => t.summary_figure_periods_without_intervention(),
        Figure::ParallelJobFocus => t.summary_figure_parallel_job_focus(),
        Figure::CounsellorChanged => t.summary_figure_counsellor_changed(),
        Figure::BeliefCertain => t.summary_figure_belief_certain(),
    }
}

fn figure_short(t: &Texts, figure: Figure) -> &'static str {
    match figure {
        Figure::FollowUpsOnTime => t.summary_short_follow_ups_on_time(),
        Figure::PeriodsWithoutIntervention => t.summary_short_periods_without_intervention(),
        Figure::ParallelJobFocus => t.summary_short_parallel_job_focus(),
        Figure::CounsellorChanged => t.summary_short_counsellor_changed(),
        Figure::BeliefCertain => t.summary_short_belief_certain(),
    }
}

/// BIP's two publications, numbered in the table and named under it.
const SOURCES: [&str; 2] = ["source_parallel", "source_job_prospects"];

/// Why a file was not read, as a text that names the file.
type FileProblem = TextWith<String>;

fn error_text(error: &SummaryFileError) -> FileProblem {
    match error {
        SummaryFileError::NotJson => Texts::summary_error_not_json,
        SummaryFileError::NotASummary => Texts::summary_error_not_summary,
        SummaryFileError::TooNew { .. } => Texts::summary_error_too_new,
        SummaryFileError::Invalid { .. } => Texts::summary_error_invalid,
        SummaryFileError::TooLarge => Texts::summary_error_too_large,
    }
}

/// A number as the language writes it: a decimal comma in the Nordic languages.
fn decimal(i18n: I18n, value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    if i18n.language() == Language::En {
        text
    } else {
        text.replace('.', ",")
    }
}

fn percent(i18n: I18n, value: f64) -> String {
    i18n.t().summary_percent_value(decimal(i18n, value, 0))
}

fn month_text(t: &Texts, month: Month) -> String {
    let first = chrono::NaiveDate::from_ymd_opt(month.year, month.month, 1).unwrap_or_default();
    format!("{} {}", t.month_name(first), month.year)
}

/// `/organisation`: what the organisation learns from the caseload, anonymous and never per
/// counsellor; export, print and CSV; combining the summary files of several devices.
#[component]
pub fn OrgSummaryPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let source = RwSignal::new(Source::Device);
    let errors = RwSignal::new(Vec::<String>::new());
    let status = RwSignal::new(String::new());
    let period = Memo::new(move |_| Period {
        from: Month::parse(&from.get()),
        to: Month::parse(&to.get()),
    });
    let file = Memo::new(move |_| match source.get() {
        Source::Device => state.read(|d| SummaryFile::of(d, period.get(), browser::today())),
        Source::Files(files) => SummaryFile::combine(&files)
            .unwrap_or_else(|| state.read(|d| SummaryFile::of(d, period.get(), browser::today()))),
    });
    let counts = Memo::new(move |_| file.with(|f| f.counts.clone()));
    let combined = move || matches!(source.get(), Source::Files(_));

    let export = move |_| {
        let name = format!("stegvis-summary-{}.json", Month::of(browser::today()));
        browser::download(
            &name,
            "application/json",
            &file.with_untracked(SummaryFile::write),
        );
        status.set(i18n.t().summary_exported(&name));
    };
    let export_csv = move |_| {
        let name = format!("stegvis-summary-{}.csv", Month::of(browser::today()));
        let csv = counts.with_untracked(summary_csv);
        browser::download(&name, "text/csv;charset=utf-8", &csv);
        status.set(i18n.t().summary_exported(&name));
    };
    let print = move |_| {
        let _ = window().print();
    };
    let on_files = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else {
            return;
        };
        let chosen: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        input.set_value(""); // choosing the same files again reads them again
        spawn_local(async move {
            let mut files = Vec::new();
            let mut problems = Vec::new();
            for chosen in chosen {
                let name = chosen.name();
                let t = i18n.t();
                let read = if chosen.size() > MAX_SUMMARY_BYTES as f64 {
                    Err(Texts::summary_error_too_large as FileProblem)
                } else {
                    match JsFuture::from(chosen.text())
                        .await
                        .ok()
                        .and_then(|v| v.as_string())
                    {
                        None => Err(Texts::summary_error_file as FileProblem),
                        Some(text) => SummaryFile::read(&text).map_err(|e| error_text(&e)),
                    }
                };
                match read {
                    Ok(file) => files.push(file),
                    Err(message) => problems.push(message(t, name)),
                }
            }
            errors.set(problems);
            if !files.is_empty() {
                source.set(Source::Files(files));
            }
        });
    };

    view! {
        <div class="org-summary">
            <p>
                <A href=Route::Caseload.href() attr:class="link-tap">
                    {i18n.text(|t| t.summary_back())}
                </A>
            </p>
            <h1>{i18n.text(|t| t.summary_title())}</h1>
            <p class="lead">{i18n.text(|t| t.summary_intro())}</p>
            <p class="no-ranking">{i18n.text(|t| t.summary_no_ranking())}</p>
            <Show when=move || !combined()>
                <fieldset class="summary-period">
                    <legend>{i18n.text(|t| t.summary_period_legend())}</legend>
                    <label class="field">
                        <span>{i18n.text(|t| t.summary_from_label())}</span>
                        <input type="month" bind:value=from />
                    </label>
                    <label class="field">
                        <span>{i18n.text(|t| t.summary_to_label())}</span>
                        <input type="month" bind:value=to />
                    </label>
                </fieldset>
            </Show>
            <Show when=combined>
                <p class="combined-from" role="status">
                    {move || {
                        let (files, devices) = match source.get() {
                            Source::Files(files) => {
                                (files.len(), files.iter().map(|f| f.devices).sum::<u32>())
                            }
                            Source::Device => (0, 0),
                        };
                        i18n.t().summary_combined_from(devices.to_string(), files.to_string())
                    }}
                </p>
                <button
                    type="button"
                    class="button secondary"
                    on:click=move |_| source.set(Source::Device)
                >
                    {i18n.text(|t| t.summary_show_device())}
                </button>
            </Show>
            <p class="summary-people">
                {move || {
                    let t = i18n.t();
                    let c = counts.get();
                    let people = c
                        .people_shown()
                        .map_or(
                            t.summary_fewer_than_five().to_owned(),
                            |(p, r)| { t.summary_people_rounds(p.to_string(), r.to_string()) },
                        );
                    let covered = file
                        .with(|f| f.period.from.zip(f.period.to))
                        .map(|(a, b)| {
                            t.summary_period_covered(month_text(t, a), month_text(t, b))
                        });
                    match covered {
                        Some(covered) => format!("{people}. {covered}."),
                        None => t.summary_empty().to_owned(),
                    }
                }}
            </p>
            <p class="help">{i18n.text(|t| t.summary_suppression_help())}</p>
            <Figures counts=counts />
            <Belief counts=counts />
            <MovementPerArea counts=counts />
            <section class="panel summary-tools" aria-labelledby="export-heading">
                <h2 id="export-heading">{i18n.text(|t| t.summary_export_heading())}</h2>
                <p class="help">{i18n.text(|t| t.summary_export_help())}</p>
                <div class="actions">
                    <button type="button" class="button" on:click=export>
                        {i18n.text(|t| t.summary_export_file())}
                    </button>
                    <button type="button" class="button secondary" on:click=export_csv>
                        {i18n.text(|t| t.summary_export_csv())}
                    </button>
                    <button type="button" class="button secondary" on:click=print>
                        {i18n.text(|t| t.summary_print())}
                    </button>
                </div>
                <p class="status" role="status">
                    {move || status.get()}
                </p>
            </section>
            <section class="panel summary-tools" aria-labelledby="combine-heading">
                <h2 id="combine-heading">{i18n.text(|t| t.summary_combine_heading())}</h2>
                <p class="help" id="combine-help">
                    {i18n.text(|t| t.summary_combine_help())}
                </p>
                <label class="file-pick button secondary">
                    {i18n.text(|t| t.summary_combine_label())}
                    <input
                        type="file"
                        class="visually-hidden"
                        multiple=true
                        accept=".json,application/json"
                        aria-describedby="combine-help"
                        on:change=on_files
                    />
                </label>
                <ul class="errors">
                    {move || {
                        errors
                            .get()
                            .into_iter()
                            .map(|e| {
                                view! {
                                    <li class="error" role="alert">
                                        {e}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
        </div>
    }
}

/// The shares beside BIP's: a table with the source of each, and the same as bars.
#[component]
fn Figures(counts: Memo<SummaryCounts>) -> impl IntoView {
    let i18n = use_i18n();
    let bars = move |t: &'static Texts| {
        let c = counts.get();
        let names: Vec<&str> = Figure::ALL.iter().map(|f| figure_short(t, *f)).collect();
        let here = Figure::ALL.iter().map(|f| f.tally(&c).percent()).collect();
        let bip = Figure::ALL
            .iter()
            .map(|f| f.bip().map(|b| b.percent))
            .collect();
        let series = [
            BarSeries {
                name: t.summary_series_here().to_owned(),
                values: here,
            },
            BarSeries {
                name: t.summary_series_bip().to_owned(),
                values: bip,
            },
        ];
        (names, series)
    };
    let label = Signal::derive(move || {
        let t = i18n.t();
        let (names, series) = bars(t);
        bars_description(t, t.summary_chart_shares_label(), &names, &series, |v| {
            decimal(i18n, v, 0)
        })
    });
    let draw = move |width| {
        let (names, series) = bars(i18n.t());
        bar_chart(&names, &series, (0.0, 100.0), width)
    };
    view! {
        <section class="panel" aria-labelledby="figures-heading">
            <h2 id="figures-heading">{i18n.text(|t| t.summary_figures_heading())}</h2>
            <SummaryTable columns=vec![
                |t| t.summary_col_figure(),
                |t| t.summary_col_here(),
                |t| t.summary_col_people(),
                |t| t.summary_col_bip(),
            ]>
                {move || {
                    let t = i18n.t();
                    let c = counts.get();
                    Figure::ALL
                        .into_iter()
                        .map(|figure| {
                            let tally = figure.tally(&c);
                            let (here, people) = match tally.percent() {
                                Some(p) => {
                                    (
                                        percent(i18n, p),
                                        t.summary_people_count(tally.people.to_string()),
                                    )
                                }
                                None => {
                                    (
                                        t.summary_fewer_than_five().to_owned(),
                                        t.summary_fewer_than_five().to_owned(),
                                    )
                                }
                            };
                            let bip = figure
                                .bip()
                                .map_or(
                                    t.summary_no_bip().to_owned(),
                                    |b| {
                                        let number = SOURCES
                                            .iter()
                                            .position(|s| *s == b.source)
                                            .map_or(0, |i| i + 1);
                                        t.summary_bip_value(
                                            number.to_string(),
                                            percent(i18n, b.percent),
                                        )
                                    },
                                );
                            view! {
                                <tr>
                                    <th scope="row">{figure_name(t, figure)}</th>
                                    <td>{here}</td>
                                    <td>{people}</td>
                                    <td class="bip">{bip}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </SummaryTable>
            <h3 class="sources-heading">{i18n.text(|t| t.summary_sources_heading())}</h3>
            <ol class="sources">
                {move || {
                    let t = i18n.t();
                    SOURCES
                        .iter()
                        .map(|key| {
                            view! {
                                <li>{t.lookup(&format!("summary_{key}")).unwrap_or_default()}</li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
            <p class="help">{i18n.text(|t| t.summary_source_note())}</p>
            <ChartView id="summary-shares-chart" draw=draw label=label />
        </section>
    }
}

/// How the counsellors rated their belief, as counts per step (hidden under five people).
#[component]
fn Belief(counts: Memo<SummaryCounts>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel" aria-labelledby="belief-heading">
            <h2 id="belief-heading">{i18n.text(|t| t.summary_belief_heading())}</h2>
            <SummaryTable columns=vec![
                |t| t.summary_col_answer(),
                |t| t.summary_col_people_here(),
            ]>
                {move || {
                    let t = i18n.t();
                    let c = counts.get();
                    let shown = c.belief_certain().percent().is_some();
                    let steps = t.steps("belief");
                    let rows = steps
                        .into_iter()
                        .zip(c.belief)
                        .chain([(t.summary_belief_rather_not().to_owned(), c.belief_rather_not)]);
                    rows.map(|(answer, count)| {
                            let value = if shown {
                                count.to_string()
                            } else {
                                t.summary_fewer_than_five().to_owned()
                            };
                            view! {
                                <tr>
                                    <th scope="row">{answer}</th>
                                    <td>{value}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </SummaryTable>
        </section>
    }
}

/// Average steps per area from the first to the latest round, with how many people each rests on.
#[component]
fn MovementPerArea(counts: Memo<SummaryCounts>) -> impl IntoView {
    let i18n = use_i18n();
    let averages = move || {
        counts.with(|c| {
            ParticipantItem::ALL.map(|item| c.movement.get(&item).copied().unwrap_or_default())
        })
    };
    let series = move |t: &'static Texts| {
        let values: Vec<Option<f64>> = averages().iter().map(|m| m.average()).collect();
        [BarSeries {
            name: t.summary_series_here().to_owned(),
            values,
        }]
    };
    let label = Signal::derive(move || {
        let t = i18n.t();
        bars_description(
            t,
            t.summary_chart_movement_label(),
            &t.item_axes(),
            &series(t),
            |v| decimal(i18n, v, 1),
        )
    });
    let draw = move |width| {
        let t = i18n.t();
        let series = series(t);
        let bound = series[0]
            .values
            .iter()
            .flatten()
            .fold(1.0f64, |b, v| b.max(v.abs().ceil()));
        bar_chart(&t.item_axes(), &series, (-bound, bound), width)
    };
    view! {
        <section class="panel" aria-labelledby="movement-heading">
            <h2 id="movement-heading">{i18n.text(|t| t.summary_movement_heading())}</h2>
            <p class="help">{i18n.text(|t| t.summary_movement_help())}</p>
            <SummaryTable columns=vec![
                |t| t.summary_col_area(),
                |t| t.summary_col_movement(),
                |t| t.summary_col_people(),
            ]>
                {move || {
                    let t = i18n.t();
                    ParticipantItem::ALL
                        .into_iter()
                        .zip(averages())
                        .map(|(item, movement)| {
                            let (value, people) = match movement.average() {
                                Some(average) => {
                                    (
                                        t
                                            .summary_steps_value(
                                                format!(
                                                    "{}{}",
                                                    if average > 0.0 { "+" } else { "" },
                                                    decimal(i18n, average, 1),
                                                ),
                                            ),
                                        t.summary_people_count(movement.people.to_string()),
                                    )
                                }
                                None => {
                                    (
                                        t.summary_fewer_than_five().to_owned(),
                                        t.summary_fewer_than_five().to_owned(),
                                    )
                                }
                            };
                            view! {
                                <tr>
                                    <th scope="row">{t.item_short(item)}</th>
                                    <td>{value}</td>
                                    <td>{people}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </SummaryTable>
            <ChartView id="summary-movement-chart" draw=draw label=label />
        </section>
    }
}

/// A table of the summary: its column headings in the page's language, its rows as given.
#[component]
fn SummaryTable(columns: Vec<fn(&Texts) -> &'static str>, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="numbers summary-table">
            <thead>
                <tr>
                    {columns
                        .into_iter()
                        .map(|column| view! { <th scope="col">{i18n.text(column)}</th> })
                        .collect_view()}
                </tr>
            </thead>
            <tbody>{children()}</tbody>
        </table>
    }
}
