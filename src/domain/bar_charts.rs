//! Bar charts for the organisation summary: one bar per figure or area, lying down so that
//! long names fit on a phone. Pure builders, tested by their JSON like the spider diagram.

use charming::{
    Chart,
    component::{Axis, Grid, Legend},
    datatype::{CompositeValue, DataPoint},
    element::{AxisLabel, AxisType, Color, Label, LabelPosition, TextStyle, Tooltip, Trigger},
    series::Bar,
};

use super::charts::ChartWidth;

/// One row of bars: a name (for the legend) and a value per category. `None` is a figure not
/// shown (it rests on fewer than five people): no bar, never a zero bar.
#[derive(Clone, Debug, PartialEq)]
pub struct BarSeries {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

/// The same calm, colour-blind-safe colours as the spider diagram; BIP's comparison in grey.
const COLOURS: [&str; 2] = ["#0b6e99", "#8a959e"];

/// Horizontal bars, categories from top to bottom, on a value axis from `min` to `max`.
/// Each bar carries its value as text, so the chart reads without a legend lookup. Names stay
/// on one line (ECharts draws broken axis names over each other): give short ones.
pub fn bar_chart(
    categories: &[&str],
    series: &[BarSeries],
    (min, max): (f64, f64),
    width: ChartWidth,
) -> Chart {
    let font_size = match width {
        ChartWidth::Narrow => 12.0,
        ChartWidth::Wide => 14.0,
    };
    let names: Vec<String> = categories.iter().map(|c| (*c).to_owned()).collect();
    let mut chart = Chart::new()
        .animation(false)
        // No ECharts description: it is English on every page; the screen gives its own.
        .tooltip(Tooltip::new().trigger(Trigger::Item).formatter("{a}: {c}"))
        .color(COLOURS.iter().map(|c| Color::from(*c)).collect::<Vec<_>>())
        .legend(
            Legend::new()
                .bottom(0)
                .text_style(TextStyle::new().font_size(font_size))
                .data(series.iter().map(|s| s.name.clone()).collect()),
        )
        .grid(
            Grid::new()
                .left(8)
                .right(48) // room for the value beside the longest bar
                .top(8)
                .bottom(40)
                .contain_label(true),
        )
        .x_axis(Axis::new().type_(AxisType::Value).min(min).max(max))
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .data(names)
                .axis_label(AxisLabel::new().font_size(font_size).color("#1c2730")),
        );
    for line in series {
        let data: Vec<DataPoint> = line
            .values
            .iter()
            .map(|value| {
                DataPoint::Value(value.map_or(CompositeValue::from("-"), |v| {
                    CompositeValue::from((v * 10.0).round() / 10.0)
                }))
            })
            .collect();
        chart = chart.series(
            Bar::new()
                .name(line.name.as_str())
                .label(
                    Label::new()
                        .show(true)
                        .position(LabelPosition::Right)
                        .font_size(font_size),
                )
                .data(data),
        );
    }
    chart
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn options(chart: &Chart) -> Value {
        serde_json::from_str(&chart.to_string()).unwrap()
    }

    #[test]
    fn bars_lie_down_with_one_per_category_and_a_gap_for_a_hidden_figure() {
        let series = [
            BarSeries {
                name: "Here".into(),
                values: vec![Some(40.0), None],
            },
            BarSeries {
                name: "BIP".into(),
                values: vec![Some(23.0), Some(18.0)],
            },
        ];
        let json = options(&bar_chart(
            &["Breaks", "Parallel"],
            &series,
            (0.0, 100.0),
            ChartWidth::Wide,
        ));
        assert_eq!(json["yAxis"]["type"], json!("category"));
        assert_eq!(json["yAxis"]["data"], json!(["Breaks", "Parallel"]));
        assert_eq!(json["xAxis"]["max"], json!(100.0));
        assert_eq!(json["series"][0]["type"], json!("bar"));
        assert_eq!(json["series"][0]["data"], json!([40.0, "-"]));
        assert_eq!(json["series"][1]["data"], json!([23.0, 18.0]));
        assert_eq!(
            json["legend"]["data"],
            json!([{"name": "Here"}, {"name": "BIP"}])
        );
        assert!(json.get("aria").is_none());
    }
}
