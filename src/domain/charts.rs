//! Pure chart builders: data in, a `charming::Chart` (ECharts options) out.
//! Tested natively by comparing the JSON they produce; a thin component renders them.

use charming::{
    Chart,
    component::{Aria, Legend, RadarAxisName, RadarCoordinate, RadarIndicator},
    element::{AreaStyle, Color, LineStyle, LineStyleType, Symbol, TextStyle},
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

/// How much room a chart has: a phone needs a smaller diagram to leave room for axis names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartWidth {
    Narrow,
    Wide,
}

impl ChartWidth {
    /// Below this many CSS pixels the axis names would not fit beside a full-size diagram.
    pub const NARROW_BELOW: f64 = 520.0;

    pub fn of(pixels: f64) -> ChartWidth {
        if pixels < Self::NARROW_BELOW {
            ChartWidth::Narrow
        } else {
            ChartWidth::Wide
        }
    }
}

/// Breaks a long axis name at spaces into lines of about `width` characters.
fn wrap(name: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for word in name.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines.join("\n")
}

/// A spider diagram with one axis per label and one polygon per series.
/// The last series is the latest round: drawn strongest; earlier ones fainter and dashed.
pub fn spider_chart(axes: &[&str], series: &[RadarSeries], width: ChartWidth) -> Chart {
    let (radius, font_size, line_length) = match width {
        ChartWidth::Narrow => ("44%", 12.0, 10),
        ChartWidth::Wide => ("62%", 14.0, 24),
    };
    // The centre sits one step below the lowest answer so that a 1 is still visible.
    let indicators: Vec<RadarIndicator> = axes
        .iter()
        .enumerate()
        .map(|(index, name)| {
            // The top and bottom names have room to the sides; breaking them would push
            // their lines into the diagram.
            let vertical = index == 0 || 2 * index == axes.len();
            let name = if vertical {
                (*name).to_owned()
            } else {
                wrap(name, line_length)
            };
            RadarIndicator::from((
                name.as_str(),
                i64::from(SCALE_MIN) - 1,
                i64::from(SCALE_MAX),
            ))
        })
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
                .text_style(TextStyle::new().font_size(font_size))
                .data(series.iter().map(|s| s.name.clone()).collect()),
        )
        .radar(
            RadarCoordinate::new()
                .indicator(indicators)
                .radius(radius)
                .axis_name(
                    RadarAxisName::new()
                        .font_size(font_size)
                        .line_height(font_size * 1.3)
                        .color("#1c2730"),
                )
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
        let json = options(&spider_chart(
            &["A", "B", "C"],
            &two_rounds(),
            ChartWidth::Wide,
        ));
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
        let json = options(&spider_chart(
            &["A", "B", "C"],
            &two_rounds(),
            ChartWidth::Wide,
        ));
        assert_eq!(json["series"][0]["data"][0]["value"], json!([2, null, 1]));
    }

    #[test]
    fn latest_round_is_strongest() {
        let json = options(&spider_chart(
            &["A", "B", "C"],
            &two_rounds(),
            ChartWidth::Wide,
        ));
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
    fn long_axis_names_break_into_short_lines() {
        assert_eq!(wrap("Managing a job", 10), "Managing a\njob");
        assert_eq!(wrap("Cooperation", 10), "Cooperation");
        let axes = [
            "Top axis name",
            "Klara ett jobb",
            "Bottom axis name",
            "Side",
        ];
        let json = options(&spider_chart(&axes, &[], ChartWidth::Narrow));
        let names = &json["radar"][0]["indicator"];
        assert_eq!(names[0]["name"], json!("Top axis name"));
        assert_eq!(names[1]["name"], json!("Klara ett\njobb"));
        assert_eq!(names[2]["name"], json!("Bottom axis name"));
        assert_eq!(json["radar"][0]["radius"], json!("44%"));
    }

    #[test]
    fn no_rounds_gives_an_empty_diagram() {
        let json = options(&spider_chart(&["A"], &[], ChartWidth::Narrow));
        assert!(json.get("series").is_none());
    }
}
