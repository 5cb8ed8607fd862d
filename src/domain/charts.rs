//! Pure chart builders: data in, a `charming::Chart` (ECharts options) out.
//! Tested natively by comparing the JSON they produce; a thin component renders them.

use charming::{
    Chart,
    component::{Aria, Legend, RadarCoordinate, RadarIndicator},
    element::{AreaStyle, Color, LineStyle, LineStyleType, Symbol},
    series::Radar,
};

use super::questionnaire::{SCALE_MAX, SCALE_MIN};

/// One polygon on the spider diagram: a round's answers in item order.
/// `None` is "rather not answer": drawn as a gap, never as zero.
#[derive(Clone, Debug, PartialEq)]
pub struct RadarSeries {
    pub name: String,
    pub values: Vec<Option<u8>>,
}

/// Calm colours that stay apart for common colour-vision differences (Okabe–Ito).
const PALETTE: [&str; 4] = ["#0b6e99", "#d55e00", "#009e73", "#cc79a7"];

/// A spider diagram with one axis per label and one polygon per series.
/// The last series is the latest round: drawn strongest; earlier ones fainter and dashed.
pub fn spider_chart(axes: &[&str], series: &[RadarSeries]) -> Chart {
    // The centre sits one step below the lowest answer so that a 1 is still visible.
    let indicators: Vec<RadarIndicator> = axes
        .iter()
        .map(|name| RadarIndicator::from((*name, i64::from(SCALE_MIN) - 1, i64::from(SCALE_MAX))))
        .collect();
    let latest = series.len().saturating_sub(1);
    let polygons = series.iter().enumerate().map(|(index, round)| {
        let strong = index == latest;
        let values: Vec<Option<i64>> = round.values.iter().map(|v| v.map(i64::from)).collect();
        Radar::new()
            .name(round.name.as_str())
            .symbol(Symbol::Circle)
            .symbol_size(if strong { 8.0 } else { 5.0 })
            .line_style(
                LineStyle::new()
                    .width(if strong { 3.0 } else { 1.5 })
                    .type_(if strong {
                        LineStyleType::Solid
                    } else {
                        LineStyleType::Dashed
                    }),
            )
            .area_style(AreaStyle::new().opacity(if strong { 0.25 } else { 0.05 }))
            .data(vec![(values, round.name.as_str())])
    });
    let mut chart = Chart::new()
        .aria(Aria::new().enabled(true))
        // The latest round always gets the first colour, whatever the number of rounds.
        .color(
            (0..series.len())
                .map(|index| Color::from(PALETTE[(latest - index) % PALETTE.len()]))
                .collect::<Vec<_>>(),
        )
        .legend(
            Legend::new()
                .bottom(0)
                .data(series.iter().map(|s| s.name.clone()).collect()),
        )
        .radar(
            RadarCoordinate::new()
                .indicator(indicators)
                .radius("62%")
                .split_number(f64::from(SCALE_MAX - SCALE_MIN + 1)),
        );
    for polygon in polygons {
        chart = chart.series(polygon);
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

    fn two_rounds() -> Vec<RadarSeries> {
        vec![
            RadarSeries {
                name: "March".into(),
                values: vec![Some(2), None, Some(1)],
            },
            RadarSeries {
                name: "June".into(),
                values: vec![Some(3), Some(4), Some(2)],
            },
        ]
    }

    #[test]
    fn one_axis_per_label_on_the_five_step_scale() {
        let json = options(&spider_chart(&["A", "B", "C"], &two_rounds()));
        assert_eq!(
            json["radar"][0]["indicator"],
            json!([
                {"name": "A", "min": 0.0, "max": 5.0},
                {"name": "B", "min": 0.0, "max": 5.0},
                {"name": "C", "min": 0.0, "max": 5.0}
            ])
        );
        assert_eq!(json["aria"]["enabled"], json!(true));
    }

    #[test]
    fn rather_not_answer_is_a_gap_not_zero() {
        let json = options(&spider_chart(&["A", "B", "C"], &two_rounds()));
        assert_eq!(json["series"][0]["data"][0]["value"], json!([2, null, 1]));
    }

    #[test]
    fn latest_round_is_strongest() {
        let json = options(&spider_chart(&["A", "B", "C"], &two_rounds()));
        let width = |i: usize| json["series"][i]["lineStyle"]["width"].as_f64().unwrap();
        assert!(width(1) > width(0));
        assert_eq!(json["series"][1]["lineStyle"]["type"], json!("solid"));
        assert_eq!(json["series"][0]["lineStyle"]["type"], json!("dashed"));
        assert_eq!(
            json["legend"]["data"],
            json!([{"name": "March"}, {"name": "June"}])
        );
    }

    #[test]
    fn no_rounds_gives_an_empty_diagram() {
        let json = options(&spider_chart(&["A"], &[]));
        assert!(json.get("series").is_none());
    }
}
