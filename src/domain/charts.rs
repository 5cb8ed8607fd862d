//! Pure chart builders: data in, a `charming::Chart` (ECharts options) out.
//! Tested natively by comparing the JSON they produce; a thin component renders them.

use charming::{
    Chart,
    component::{AngleAxis, Legend, PolarCoordinate, RadiusAxis},
    datatype::{CompositeValue, DataPoint, DataPointItem},
    element::{
        AxisLabel, AxisLine, AxisTick, AxisType, BoundaryGap, Color, CoordinateSystem, LineStyle,
        LineStyleType, SplitLine, Symbol, TextStyle, Tooltip, Trigger,
    },
    series::Line,
};

use super::questionnaire::{SCALE_MAX, SCALE_MIN};

/// One polygon on the spider diagram: a round's answers in item order.
/// `None` is "rather not answer": drawn as a gap, never as zero.
#[derive(Clone, Debug, PartialEq)]
pub struct RadarSeries {
    pub name: String,
    pub values: Vec<Option<u8>>,
    /// What a tap or hover on each point shows (the question's step, a comment); may be empty.
    pub details: Vec<String>,
}

/// Calm colours that stay apart for common colour-vision differences (Okabe–Ito).
/// Where the diagram sits: a little above the middle, leaving room for the legend below.
const CENTER: [&str; 2] = ["50%", "46%"];

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

    /// The size of a spoke's name, in CSS pixels.
    pub fn font_size(self) -> f64 {
        match self {
            ChartWidth::Narrow => 12.0,
            ChartWidth::Wide => 14.0,
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

/// The points of one round around the diagram as [step, spoke], closed back to the first
/// spoke (spoke `n` is spoke 0 again). A missing answer is ECharts' empty value "-", so the
/// line breaks there instead of dropping to zero. A point's name is its detail text.
fn polygon(round: &RadarSeries) -> Vec<DataPoint> {
    let values = &round.values;
    values
        .iter()
        .chain(values.first())
        .enumerate()
        .map(|(spoke, value)| {
            let radius = value.map_or(CompositeValue::from("-"), |v| {
                CompositeValue::from(i64::from(v))
            });
            let point = CompositeValue::Array(vec![radius, CompositeValue::from(spoke as i64)]);
            match round.details.get(spoke % values.len()) {
                Some(detail) if !detail.is_empty() => {
                    DataPoint::Item(DataPointItem::new(point).name(detail.as_str()))
                }
                _ => DataPoint::Value(point),
            }
        })
        .collect()
}

/// The spokes' names as a spider diagram writes them: on a phone, long names break onto short
/// lines. The top and bottom names have room to the sides; breaking them would push their lines
/// into the diagram.
pub fn spoke_names(axes: &[&str], width: ChartWidth) -> Vec<String> {
    let line_length = match width {
        ChartWidth::Narrow => 10,
        ChartWidth::Wide => 24,
    };
    axes.iter()
        .enumerate()
        .map(|(index, name)| {
            let vertical = index == 0 || 2 * index == axes.len();
            if vertical {
                (*name).to_owned()
            } else {
                wrap(name, line_length)
            }
        })
        .collect()
}

/// The colour of series `index` of `count`: the latest round always gets the first colour,
/// whatever the number of rounds.
pub fn series_colour(index: usize, count: usize) -> &'static str {
    let latest = count.saturating_sub(1);
    PALETTE[latest.saturating_sub(index) % PALETTE.len()]
}

/// A spider diagram with one spoke per label and one closed line per series. The last series
/// is the latest round: drawn strongest; earlier ones thinner and dashed. Drawn as lines on
/// polar axes rather than ECharts' radar, which cannot leave a gap for "rather not answer";
/// for the same reason no area is filled (it would reach into a gap).
pub fn spider_chart(axes: &[&str], series: &[RadarSeries], width: ChartWidth) -> Chart {
    let radius = match width {
        // A phone: names break onto short lines (see `spoke_names`), so that the diagram
        // itself can stay large enough to read (at 38% it was tiny on a phone).
        ChartWidth::Narrow => "50%",
        ChartWidth::Wide => "62%",
    };
    let font_size = width.font_size();
    let names = spoke_names(axes, width);
    let latest = series.len().saturating_sub(1);
    let lines = series.iter().enumerate().map(|(index, round)| {
        let strong = index == latest;
        Line::new()
            .name(round.name.as_str())
            .coordinate_system(CoordinateSystem::Polar)
            .connect_nulls(false)
            .symbol(Symbol::Circle)
            .symbol_size(if strong { 9.0 } else { 6.0 })
            .line_style(
                LineStyle::new()
                    .width(if strong { 3.0 } else { 1.5 })
                    .type_(if strong {
                        LineStyleType::Solid
                    } else {
                        LineStyleType::Dashed
                    }),
            )
            .data(polygon(round))
    });
    let steps = || {
        RadiusAxis::new()
            .min(f64::from(SCALE_MIN) - 1.0)
            .max(f64::from(SCALE_MAX))
            .interval(1.0)
            .axis_label(AxisLabel::new().show(false))
    };
    let mut chart = Chart::new()
        // Drawn at once: nothing moves on a projector or for people sensitive to motion.
        .animation(false)
        // No ECharts description: it is English on every page; the screen gives its own.
        // Plain text only: "{b}" is the point's detail, and no HTML markers (which would need
        // inline styles the Content-Security-Policy refuses).
        .tooltip(Tooltip::new().trigger(Trigger::Item).formatter("{b}"))
        .color(
            (0..series.len())
                .map(|index| Color::from(series_colour(index, series.len())))
                .collect::<Vec<_>>(),
        )
        .legend(
            Legend::new()
                .bottom(0)
                .text_style(TextStyle::new().font_size(font_size))
                .data(series.iter().map(|s| s.name.clone()).collect()),
        )
        // Two polar systems on the same spot: the first carries the lines on a value angle
        // axis (a category axis stops one spoke short of the full circle, so a line could not
        // close); the second only writes the spoke names.
        .polar(
            PolarCoordinate::new()
                .radius(radius)
                .center(CENTER.to_vec()),
        )
        .polar(
            PolarCoordinate::new()
                .radius(radius)
                .center(CENTER.to_vec()),
        )
        .angle_axis(
            AngleAxis::new()
                .type_(AxisType::Value)
                .min(0.0)
                .max(axes.len() as f64)
                .interval(1.0)
                .start_angle(90.0)
                .clockwise(true)
                .axis_label(AxisLabel::new().show(false))
                .axis_tick(AxisTick::new().show(false))
                .split_line(SplitLine::new().show(true)),
        )
        .angle_axis(
            AngleAxis::new()
                .polar_index(1.0)
                .type_(AxisType::Category)
                .data(names)
                // A tap on a spoke's name is reported, so that screens can act on an item.
                .trigger_event(true)
                .start_angle(90.0)
                .clockwise(true)
                .boundary_gap(BoundaryGap::CategoryAxis(false))
                .axis_line(AxisLine::new().show(false))
                .axis_tick(AxisTick::new().show(false))
                .split_line(SplitLine::new().show(false))
                .axis_label(AxisLabel::new().font_size(font_size).color("#1c2730")),
        )
        // The centre sits one step below the lowest answer so that a 1 is still visible.
        // The rings mark the steps; the numbers are in the table beside the chart.
        .radius_axis(steps())
        .radius_axis(
            steps()
                .polar_index(1.0)
                .axis_line(AxisLine::new().show(false)),
        );
    for line in lines {
        chart = chart.series(line);
    }
    chart
}

/// Room between the lines of a name broken onto several: ECharts' own spacing for axis labels
/// lets the lines overlap, and charming cannot set it.
const LINE_HEIGHT: f64 = 1.3;

/// The options ECharts is given, as JSON: the chart's own, each axis label with a line height
/// in proportion to its font size.
pub fn option_json(chart: &Chart) -> Option<String> {
    let mut value = serde_json::to_value(chart).ok()?;
    space_axis_labels(&mut value);
    Some(value.to_string())
}

fn space_axis_labels(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Array(items) => items.iter_mut().for_each(space_axis_labels),
        serde_json::Value::Object(fields) => {
            if let Some(serde_json::Value::Object(label)) = fields.get_mut("axisLabel")
                && let Some(size) = label.get("fontSize").and_then(serde_json::Value::as_f64)
            {
                label
                    .entry("lineHeight")
                    .or_insert_with(|| (size * LINE_HEIGHT).round().into());
            }
            fields.values_mut().for_each(space_axis_labels);
        }
        _ => {}
    }
}

/// The highest and lowest answered steps of one round, with the spokes at each: what a chart's
/// description names. `None` when nothing is answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extremes {
    pub highest: u8,
    pub at_highest: Vec<usize>,
    pub lowest: u8,
    pub at_lowest: Vec<usize>,
}

pub fn extremes(values: &[Option<u8>]) -> Option<Extremes> {
    let answered = || {
        values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| Some((i, (*v)?)))
    };
    let highest = answered().map(|(_, v)| v).max()?;
    let lowest = answered().map(|(_, v)| v).min()?;
    let at = |step: u8| {
        answered()
            .filter(|(_, v)| *v == step)
            .map(|(i, _)| i)
            .collect()
    };
    Some(Extremes {
        highest,
        at_highest: at(highest),
        lowest,
        at_lowest: at(lowest),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn options(chart: &Chart) -> Value {
        serde_json::from_str(&chart.to_string()).unwrap()
    }

    #[test]
    fn a_name_broken_onto_two_lines_keeps_its_lines_apart() {
        let chart = spider_chart(
            &["A", "Klara ett jobb", "B", "C"],
            &two_rounds(),
            ChartWidth::Narrow,
        );
        let json: Value = serde_json::from_str(&option_json(&chart).unwrap()).unwrap();
        let names = &json["angleAxis"][1];
        assert_eq!(names["data"][1], json!("Klara ett\njobb"));
        assert_eq!(names["axisLabel"]["fontSize"], json!(12.0));
        assert_eq!(names["axisLabel"]["lineHeight"], json!(16.0));
        // Nothing else changes.
        let mut without = json.clone();
        without["angleAxis"][1]["axisLabel"]
            .as_object_mut()
            .unwrap()
            .remove("lineHeight");
        assert_eq!(without, options(&chart));
    }

    fn two_rounds() -> Vec<RadarSeries> {
        vec![
            RadarSeries {
                name: "March".into(),
                values: vec![Some(2), None, Some(1)],
                details: vec!["A: 2".into(), String::new(), "C: 1".into()],
            },
            RadarSeries {
                name: "June".into(),
                values: vec![Some(3), Some(4), Some(2)],
                details: Vec::new(),
            },
        ]
    }

    #[test]
    fn one_spoke_per_label_on_the_five_step_scale() {
        let json = options(&spider_chart(
            &["A", "B", "C"],
            &two_rounds(),
            ChartWidth::Wide,
        ));
        assert_eq!(json["angleAxis"][1]["data"], json!(["A", "B", "C"]));
        assert_eq!(
            json["angleAxis"][0]["max"],
            json!(3.0),
            "the lines' axis spans the full circle"
        );
        assert_eq!(json["radiusAxis"][0]["min"], json!(0.0));
        assert_eq!(json["radiusAxis"][0]["max"], json!(5.0));
        assert_eq!(json["series"][0]["coordinateSystem"], json!("polar"));
        assert!(
            json.get("aria").is_none(),
            "the screen's own description, not ECharts' English one"
        );
        assert_eq!(json["animation"], json!(false));
    }

    #[test]
    fn rather_not_answer_is_a_gap_not_zero() {
        let json = options(&spider_chart(
            &["A", "B", "C"],
            &two_rounds(),
            ChartWidth::Wide,
        ));
        // [radius, spoke] around the diagram and back to the first spoke.
        assert_eq!(
            json["series"][0]["data"],
            json!([
                {"value": [2, 0], "name": "A: 2"},
                ["-", 1],
                {"value": [1, 2], "name": "C: 1"},
                {"value": [2, 3], "name": "A: 2"}
            ])
        );
        assert_eq!(json["series"][0]["connectNulls"], json!(false));
    }

    #[test]
    fn a_point_names_its_detail_for_tap_and_hover() {
        let json = options(&spider_chart(
            &["A", "B", "C"],
            &two_rounds(),
            ChartWidth::Wide,
        ));
        assert_eq!(
            json["series"][0]["data"][0],
            json!({"value": [2, 0], "name": "A: 2"})
        );
        assert_eq!(json["series"][0]["data"][1], json!(["-", 1]));
        assert_eq!(json["tooltip"]["formatter"], json!("{b}"));
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
            "Klara ett jobb nu idag",
            "Bottom axis name",
            "Side",
        ];
        let json = options(&spider_chart(&axes, &[], ChartWidth::Narrow));
        let names = &json["angleAxis"][1]["data"];
        assert_eq!(names[0], json!("Top axis name"));
        assert_eq!(names[1], json!("Klara ett\njobb nu\nidag"));
        assert_eq!(names[2], json!("Bottom axis name"));
        assert_eq!(json["polar"][0]["radius"], json!("50%"));
    }

    #[test]
    fn extremes_name_every_spoke_at_the_highest_and_lowest_step() {
        assert_eq!(
            extremes(&[Some(4), None, Some(2), Some(4), Some(2), Some(3)]),
            Some(Extremes {
                highest: 4,
                at_highest: vec![0, 3],
                lowest: 2,
                at_lowest: vec![2, 4],
            })
        );
        assert_eq!(extremes(&[None, None]), None);
    }

    #[test]
    fn no_rounds_gives_an_empty_diagram() {
        let json = options(&spider_chart(&["A"], &[], ChartWidth::Narrow));
        assert!(json.get("series").is_none());
    }
}
