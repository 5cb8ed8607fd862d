//! The line chart of answers over time: one line per item, the next follow-up marked, and
//! periods without any active intervention shaded (in BIP, people went backwards in breaks).

use charming::{
    Chart,
    component::{Axis, Grid, Legend},
    datatype::{CompositeValue, DataPoint, DataPointItem},
    element::{
        AxisLabel, AxisType, Color, ItemStyle, Label, LineStyle, LineStyleType, MarkArea,
        MarkAreaData, MarkLine, MarkLineData, MarkLineVariant, Symbol, TextStyle, Tooltip, Trigger,
    },
    series::Line,
};
use chrono::NaiveDate;

use super::assessment::{Interventions, Round};
use super::charts::ChartWidth;
use super::questionnaire::{SCALE_MAX, SCALE_MIN};

/// One item's answers by date (`None`: rather not answer, drawn as a gap).
#[derive(Clone, Debug, PartialEq)]
pub struct ItemLine {
    pub name: String,
    pub points: Vec<(NaiveDate, Option<u8>)>,
}

/// Periods between two rounds after which the counsellor answered "no intervention".
pub fn quiet_periods(rounds: &[&Round]) -> Vec<(NaiveDate, NaiveDate)> {
    rounds
        .windows(2)
        .filter(|pair| {
            pair[1]
                .counsellor_part
                .as_ref()
                .is_some_and(|p| p.interventions == Interventions::NoneGiven)
        })
        .map(|pair| (pair[0].date, pair[1].date))
        .collect()
}

const COLOURS: [&str; 8] = [
    "#0b6e99", "#d55e00", "#009e73", "#cc79a7", "#8a6d00", "#56b4e9", "#4a5660", "#a4262c",
];

/// Besides its colour each line has its own point shape and stroke, so that lines stay apart
/// in grey print and for every kind of colour vision.
const SYMBOLS: [Symbol; 8] = [
    Symbol::Circle,
    Symbol::Rect,
    Symbol::Triangle,
    Symbol::Diamond,
    Symbol::RoundRect,
    Symbol::Pin,
    Symbol::Arrow,
    Symbol::Circle,
];
const STROKES: [LineStyleType; 3] = [
    LineStyleType::Solid,
    LineStyleType::Dashed,
    LineStyleType::Dotted,
];

/// How far apart, in steps, the lines drawn on one step lie: answers are whole steps, so eight
/// areas at the same step would otherwise draw one line over the other.
const SPREAD: f64 = 0.24;

/// Where line `index` of `count` draws `step`: a little above or below it, in the same order
/// on every step, and on the top and bottom step all on the chart's side of it.
fn drawn_at(step: u8, index: usize, count: usize) -> f64 {
    if count < 2 {
        return f64::from(step);
    }
    let place = index as f64 / (count - 1) as f64; // 0 for the first line, 1 for the last
    let centre = if step <= SCALE_MIN {
        0.0
    } else if step >= SCALE_MAX {
        1.0
    } else {
        0.5
    };
    f64::from(step) + (place - centre) * SPREAD
}

/// Answers over time. `next_due` marks the coming follow-up; `quiet` shades breaks.
pub fn over_time_chart(
    lines: &[ItemLine],
    next_due: Option<(NaiveDate, &str)>,
    quiet: &[(NaiveDate, NaiveDate)],
    quiet_label: &str,
    width: ChartWidth,
) -> Chart {
    let font_size = if width == ChartWidth::Narrow {
        12.0
    } else {
        14.0
    };
    let mut chart = Chart::new()
        .animation(false)
        // No ECharts description: it is English on every page; the screen gives its own.
        // "{b}" is the point's name: its whole step, not where the line is drawn.
        .tooltip(Tooltip::new().trigger(Trigger::Item).formatter("{a}: {b}"))
        .color(COLOURS.iter().map(|c| Color::from(*c)).collect::<Vec<_>>())
        .legend(
            Legend::new()
                .bottom(0)
                .text_style(TextStyle::new().font_size(font_size)),
        )
        .grid(
            Grid::new()
                .left(36)
                .right(64) // room for the follow-up label at the right edge
                .top(36)
                .bottom(if width == ChartWidth::Narrow { 110 } else { 70 }),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Time)
                // The page's short month names: the chart is given a locale of the app's own.
                .axis_label(AxisLabel::new().formatter("{d} {MMM}"))
                // Fewer dates on a phone, so that "1 mars" never runs into "1 apr".
                .split_number(if width == ChartWidth::Narrow {
                    3.0
                } else {
                    5.0
                })
                // Reach the next follow-up so that its mark is on the chart.
                .max(
                    next_due.map_or(CompositeValue::from("dataMax"), |(date, _)| {
                        CompositeValue::from(date.to_string())
                    }),
                ),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .min(f64::from(SCALE_MIN))
                .max(f64::from(SCALE_MAX))
                .interval(1.0),
        );
    for (index, line) in lines.iter().enumerate() {
        let data: Vec<DataPoint> = line
            .points
            .iter()
            .map(|(date, value)| {
                let at = CompositeValue::from(date.to_string());
                match value {
                    Some(step) => DataPoint::Item(
                        DataPointItem::new(CompositeValue::Array(vec![
                            at,
                            CompositeValue::from(drawn_at(*step, index, lines.len())),
                        ]))
                        .name(step.to_string()),
                    ),
                    None => {
                        DataPoint::Value(CompositeValue::Array(vec![at, CompositeValue::from("-")]))
                    }
                }
            })
            .collect();
        let mut series = Line::new()
            .name(line.name.as_str())
            .connect_nulls(false)
            .symbol(SYMBOLS[index % SYMBOLS.len()].clone())
            .symbol_size(8.0)
            .line_style(
                LineStyle::new()
                    .width(2.0)
                    .type_(STROKES[index % STROKES.len()]),
            )
            .data(data);
        // The markers belong to the chart, not to an item: they ride on the first line.
        if index == 0 {
            if let Some((date, label)) = next_due {
                series = series.mark_line(
                    MarkLine::new()
                        .symbol(vec![Symbol::None, Symbol::None])
                        .line_style(
                            LineStyle::new()
                                .type_(LineStyleType::Dashed)
                                .color("#4a5660"),
                        )
                        .label(Label::new().formatter(label))
                        .data(vec![MarkLineVariant::Simple(
                            MarkLineData::new().x_axis(date.to_string()),
                        )]),
                );
            }
            if !quiet.is_empty() {
                series = series.mark_area(
                    MarkArea::new()
                        .item_style(ItemStyle::new().color("rgba(179, 92, 0, 0.12)"))
                        .data(
                            quiet
                                .iter()
                                .map(|(from, to)| {
                                    (
                                        MarkAreaData::new()
                                            .name(quiet_label)
                                            .x_axis(from.to_string()),
                                        MarkAreaData::new().x_axis(to.to_string()),
                                    )
                                })
                                .collect(),
                        ),
                );
            }
        }
        chart = chart.series(series);
    }
    chart
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn day(m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, 1).unwrap()
    }

    fn options(chart: &Chart) -> Value {
        serde_json::from_str(&chart.to_string()).unwrap()
    }

    #[test]
    fn eight_lines_on_one_step_lie_apart_in_order_and_on_the_chart() {
        for step in 1..=5 {
            let drawn: Vec<f64> = (0..8).map(|i| drawn_at(step, i, 8)).collect();
            assert!(drawn.windows(2).all(|pair| pair[1] > pair[0] + 0.03));
            assert!(drawn.iter().all(|y| (1.0..=5.0).contains(y)));
            assert!(
                drawn
                    .iter()
                    .all(|y| (y - f64::from(step)).abs() <= SPREAD + 1e-9)
            );
        }
        assert_eq!(drawn_at(3, 0, 1), 3.0, "a single line sits on its step");
    }

    #[test]
    fn lines_by_date_with_gaps_a_due_date_and_shaded_breaks() {
        let lines = [
            ItemLine {
                name: "Health".into(),
                points: vec![(day(1), Some(2)), (day(4), None)],
            },
            ItemLine {
                name: "Skills".into(),
                points: vec![(day(1), Some(3)), (day(4), Some(4))],
            },
        ];
        let chart = over_time_chart(
            &lines,
            Some((day(7), "Next")),
            &[(day(1), day(4))],
            "Break",
            ChartWidth::Wide,
        );
        let json = options(&chart);
        assert_eq!(json["series"].as_array().unwrap().len(), 2);
        // Two lines on whole steps lie a little apart; each point is named by its true step.
        assert_eq!(
            json["series"][0]["data"],
            json!([{"value": ["2026-01-01", 1.88], "name": "2"}, ["2026-04-01", "-"]])
        );
        assert_eq!(
            json["series"][1]["data"][0],
            json!({"value": ["2026-01-01", 3.12], "name": "3"})
        );
        assert_ne!(
            json["series"][0]["symbol"], json["series"][1]["symbol"],
            "each line has its own shape"
        );
        assert_ne!(
            json["series"][0]["lineStyle"]["type"],
            json["series"][1]["lineStyle"]["type"]
        );
        assert_eq!(json["xAxis"]["axisLabel"]["formatter"], json!("{d} {MMM}"));
        assert_eq!(
            json["series"][0]["markLine"]["data"],
            json!([{"xAxis": "2026-07-01"}])
        );
        assert_eq!(
            json["series"][0]["markArea"]["data"],
            json!([[{"name": "Break", "xAxis": "2026-01-01"}, {"xAxis": "2026-04-01"}]])
        );
        assert!(json["series"][1].get("markArea").is_none());
        assert_eq!(json["yAxis"]["min"], json!(1.0));
        assert_eq!(
            json["xAxis"]["max"],
            json!("2026-07-01"),
            "the due date is on the chart"
        );
    }
}
