//! The line chart of answers over time: one line per item, the next follow-up marked, and
//! periods without any active intervention shaded (in BIP, people went backwards in breaks).

use charming::{
    Chart,
    component::{Aria, Axis, Grid, Legend},
    datatype::{CompositeValue, DataPoint},
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
        .aria(Aria::new().enabled(true))
        .tooltip(Tooltip::new().trigger(Trigger::Item).formatter("{a}: {c}"))
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
                // Day/month reads the same in all four languages (ECharts' month names are English).
                .axis_label(AxisLabel::new().formatter("{d}/{M}"))
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
                let step = value.map_or(CompositeValue::from("-"), |v| {
                    CompositeValue::from(i64::from(v))
                });
                DataPoint::Value(CompositeValue::Array(vec![
                    CompositeValue::from(date.to_string()),
                    step,
                ]))
            })
            .collect();
        let mut series = Line::new()
            .name(line.name.as_str())
            .connect_nulls(false)
            .symbol(Symbol::Circle)
            .symbol_size(7.0)
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
        assert_eq!(
            json["series"][0]["data"],
            json!([["2026-01-01", 2], ["2026-04-01", "-"]])
        );
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
