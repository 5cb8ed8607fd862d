//! What a chart says to a screen reader, in the page's language. ECharts' own description is
//! English on every page (and reads a gap as "NaN"), so the charts carry none: the screen's
//! label names what the chart shows, then its rounds and where the latest is highest and lowest.

use crate::domain::bar_charts::BarSeries;
use crate::domain::charts::extremes;
use crate::i18n::Texts;

/// The chart's own label as a sentence, so that what follows reads as the next one.
fn sentence(label: &str) -> String {
    if label.ends_with(['.', '!', '?']) {
        label.to_owned()
    } else {
        format!("{label}.")
    }
}

fn names(all: &[&str], at: &[usize]) -> String {
    at.iter()
        .filter_map(|i| all.get(*i).copied())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A chart of rounds (the spider diagram, answers over time): `label` says what it shows,
/// `rounds` are the rounds' names in order, `latest` the last round's step per area in `areas`.
pub fn rounds_description(
    t: &Texts,
    label: &str,
    rounds: &[String],
    areas: &[&str],
    latest: &[Option<u8>],
) -> String {
    if rounds.is_empty() {
        return format!("{} {}", sentence(label), t.charts_no_rounds());
    }
    let rounds_text = t.charts_rounds(rounds.join(", "));
    let where_latest = match extremes(latest) {
        None => t.charts_none_answered().to_owned(),
        Some(e) if e.highest == e.lowest => t.charts_all_same(e.highest.to_string()),
        Some(e) => t.charts_extremes(
            e.highest.to_string(),
            names(areas, &e.at_highest),
            e.lowest.to_string(),
            names(areas, &e.at_lowest),
        ),
    };
    format!("{} {rounds_text} {where_latest}", sentence(label))
}

/// A bar chart: `label`, then each series' value per category, written by `number` as the page
/// writes it (no bar is "no figure").
pub fn bars_description(
    t: &Texts,
    label: &str,
    categories: &[&str],
    series: &[BarSeries],
    number: impl Fn(f64) -> String,
) -> String {
    let rows = series.iter().map(|s| {
        let values = categories
            .iter()
            .zip(&s.values)
            .map(|(category, value)| {
                let value = value.map_or(t.charts_no_figure().to_owned(), &number);
                format!("{category} {value}")
            })
            .collect::<Vec<_>>()
            .join(", ");
        t.charts_series_values(&s.name, &values)
    });
    std::iter::once(sentence(label))
        .chain(rows)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::language::Language;
    use crate::i18n::texts;

    #[test]
    fn a_round_chart_names_its_rounds_and_the_highest_and_lowest_areas() {
        let t = texts(Language::Sv);
        let text = rounds_description(
            t,
            "Diagram.",
            &["1 sep. 2026".into(), "1 dec. 2026".into()],
            &["Hälsa", "Jobb", "Ekonomi"],
            &[Some(2), Some(4), Some(2)],
        );
        assert_eq!(
            text,
            "Diagram. Omgångar: 1 sep. 2026, 1 dec. 2026. I den senaste omgången är Jobb högst \
             (steg 4) och Hälsa, Ekonomi lägst (steg 2)."
        );
        assert!(!text.contains("NaN"));
        let same = rounds_description(t, "D.", &["x".into()], &["A", "B"], &[Some(3), None]);
        assert!(same.ends_with("alla svar på steg 3."));
        let empty = rounds_description(t, "D", &[], &["A"], &[]);
        assert_eq!(empty, "D. Inga omgångar än.");
    }

    #[test]
    fn a_bar_chart_reads_out_every_value_and_says_where_there_is_none() {
        let t = texts(Language::En);
        let series = [BarSeries {
            name: "Per cent".into(),
            values: vec![Some(100.0), Some(78.04), None],
        }];
        assert_eq!(
            bars_description(t, "Chances", &["None", "One", "Two"], &series, |v| {
                format!("{v:.0}")
            }),
            "Chances. Per cent: None 100, One 78, Two no figure."
        );
    }
}
