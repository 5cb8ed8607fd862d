//! The spider diagram's geometry in CSS pixels, for the diagram a participant sees of herself,
//! drawn as SVG: her app then carries neither ECharts nor charming (a sixth of what her phone
//! downloads). The same look as `charts::spider_chart`: spokes from the top, clockwise; rings
//! at the steps; the latest round strongest; a gap where she would rather not answer.

use super::charts::{ChartWidth, RadarSeries, series_colour, spoke_names};
use super::questionnaire::{SCALE_MAX, SCALE_MIN};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// Where a name's lines start: SVG's `text-anchor`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    pub fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A spoke's name: its lines, the first line's baseline at `at`, each next one `line_height` lower.
#[derive(Clone, Debug, PartialEq)]
pub struct SpokeName {
    pub lines: Vec<String>,
    pub at: Point,
    pub anchor: Anchor,
}

/// An answered point, with what a tap on it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub at: Point,
    pub spoke: usize,
    pub detail: String,
}

/// One round: its unbroken runs of points (a gap splits them), and its points.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundLine {
    pub name: String,
    pub colour: &'static str,
    /// The latest round: thicker, solid, larger points. Earlier ones are thin and dashed.
    pub strong: bool,
    pub runs: Vec<Vec<Point>>,
    pub marks: Vec<Mark>,
}

/// A legend entry: a short sample of the line at `at`, the name after it.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub at: Point,
    pub name: String,
    pub colour: &'static str,
    pub strong: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SpiderShape {
    pub width: f64,
    pub height: f64,
    pub font_size: f64,
    pub line_height: f64,
    pub centre: Point,
    /// One ring per step, innermost first.
    pub rings: Vec<f64>,
    /// The outer end of each spoke.
    pub spokes: Vec<Point>,
    pub names: Vec<SpokeName>,
    pub lines: Vec<RoundLine>,
    pub legend: Vec<LegendEntry>,
}

/// The legend's sample line is this long, and the name starts this far after it.
pub const LEGEND_SAMPLE: f64 = 24.0;
const LEGEND_GAP: f64 = 6.0;
/// Space between a spoke's end and its name, and kept free at the drawing's edges.
const NAME_GAP: f64 = 8.0;
const EDGE: f64 = 4.0;
/// As large as the counsellor's diagram on a projector; never smaller than readable.
const MAX_RADIUS: f64 = 170.0;
const MIN_RADIUS: f64 = 48.0;
/// What the browser works out for the drawing: how wide a text is at a font size, in pixels
/// (in its own font: fonts differ by a fifth between phones), and an angle's cosine and sine
/// (its own Math, so that the wasm carries no sine tables). Tests use `Measures::estimated`.
pub struct Measures<'a> {
    pub text_width: &'a dyn Fn(&str, f64) -> f64,
    pub cos_sin: &'a dyn Fn(f64) -> (f64, f64),
}

/// A wide sans-serif's width (DejaVu Sans, Debian's system-ui), where nothing can measure.
pub fn estimated_width(text: &str, font_size: f64) -> f64 {
    text.chars().count() as f64 * 0.62 * font_size
}

#[cfg(test)]
impl Measures<'static> {
    pub fn estimated() -> Measures<'static> {
        Measures {
            text_width: &estimated_width,
            cos_sin: &|angle: f64| (angle.cos(), angle.sin()),
        }
    }
}

/// The diagram for `width` pixels: the largest radius (up to `MAX_RADIUS`) at which every
/// spoke's name still fits across, as tall as it needs, with the legend (one round per row)
/// below. No empty bands above and below it on a phone.
pub fn spider_shape(
    axes: &[&str],
    series: &[RadarSeries],
    width: f64,
    measures: &Measures,
) -> SpiderShape {
    let text_width = measures.text_width;
    let room = ChartWidth::of(width);
    let font_size = room.font_size();
    let line_height = (font_size * 1.25).round();
    let legend_row = line_height + 6.0;
    let count = axes.len().max(1);
    let direction = |spoke: usize| {
        let angle =
            -std::f64::consts::FRAC_PI_2 + spoke as f64 * std::f64::consts::TAU / count as f64;
        (measures.cos_sin)(angle)
    };
    let names = spoke_names(axes, room);
    let blocks: Vec<f64> = names
        .iter()
        .map(|name| name.lines().count() as f64 * line_height)
        .collect();
    let radius = fitting_radius(&names, &direction, width, font_size, text_width);
    // Each name's block, from its top to its bottom, relative to the centre: above the top
    // spoke, below the bottom one, centred beside the side ones.
    let block_top = |spoke: usize| {
        let (_, sin) = direction(spoke);
        (radius + NAME_GAP) * sin - blocks[spoke] * (1.0 - sin) / 2.0
    };
    let up = (0..names.len())
        .map(|spoke| -block_top(spoke))
        .fold(radius, f64::max);
    let down = (0..names.len())
        .map(|spoke| block_top(spoke) + blocks[spoke])
        .fold(radius, f64::max);
    let drawing_height = up + down + 2.0 * EDGE;
    let height = drawing_height + series.len() as f64 * legend_row;
    let centre = Point {
        x: width / 2.0,
        y: EDGE + up,
    };
    let at = |spoke: usize, distance: f64| {
        let (cos, sin) = direction(spoke);
        Point {
            x: centre.x + distance * cos,
            y: centre.y + distance * sin,
        }
    };
    // The centre is one step below the lowest answer, so that a 1 is still visible.
    let steps = f64::from(SCALE_MAX - SCALE_MIN + 1);
    let step_distance = |step: u8| radius * f64::from(step + 1 - SCALE_MIN) / steps;
    let names = names
        .iter()
        .enumerate()
        .map(|(spoke, name)| {
            let lines: Vec<String> = name.lines().map(str::to_owned).collect();
            let (cos, _) = direction(spoke);
            SpokeName {
                at: Point {
                    x: at(spoke, radius + NAME_GAP).x,
                    y: centre.y + block_top(spoke) + font_size * 0.9,
                },
                anchor: anchor(cos),
                lines,
            }
        })
        .collect();
    let lines = series
        .iter()
        .enumerate()
        .map(|(index, round)| {
            // Spoke `n` closes the line: it is spoke 0 again.
            let point = |spoke: usize| {
                let spoke = spoke % round.values.len();
                round.values[spoke].map(|step| at(spoke, step_distance(step)))
            };
            RoundLine {
                name: round.name.clone(),
                colour: series_colour(index, series.len()),
                strong: index + 1 == series.len(),
                runs: runs(
                    (0..=round.values.len())
                        .filter(|_| !round.values.is_empty())
                        .map(point),
                ),
                marks: (0..round.values.len())
                    .filter_map(|spoke| {
                        Some(Mark {
                            at: point(spoke)?,
                            spoke,
                            detail: round.details.get(spoke).cloned().unwrap_or_default(),
                        })
                    })
                    .collect(),
            }
        })
        .collect();
    let legend = series
        .iter()
        .enumerate()
        .map(|(index, round)| {
            let entry = LEGEND_SAMPLE + LEGEND_GAP + text_width(&round.name, font_size);
            LegendEntry {
                at: Point {
                    x: ((width - entry) / 2.0).max(EDGE),
                    y: drawing_height + (index as f64 + 0.5) * legend_row,
                },
                name: round.name.clone(),
                colour: series_colour(index, series.len()),
                strong: index + 1 == series.len(),
            }
        })
        .collect();
    SpiderShape {
        width,
        height,
        font_size,
        line_height,
        centre,
        rings: (SCALE_MIN..=SCALE_MAX).map(step_distance).collect(),
        spokes: (0..axes.len()).map(|spoke| at(spoke, radius)).collect(),
        names,
        lines,
        legend,
    }
}

/// Names right of the centre start at their spoke, names left of it end there.
fn anchor(cos: f64) -> Anchor {
    if cos.abs() < 0.2 {
        Anchor::Middle
    } else if cos > 0.0 {
        Anchor::Start
    } else {
        Anchor::End
    }
}

/// The largest radius at which every name stays inside the drawing's width, neither less than
/// a readable minimum nor more than `MAX_RADIUS`.
fn fitting_radius(
    names: &[String],
    direction: &dyn Fn(usize) -> (f64, f64),
    width: f64,
    font_size: f64,
    text_width: &dyn Fn(&str, f64) -> f64,
) -> f64 {
    // Never less than nothing: a drawing with no room yet (a width of 0 while the page is laid
    // out) gets a radius of 0, not a negative one the browser refuses to draw.
    let half_width = (width / 2.0 - EDGE).max(0.0);
    let most = half_width.min(MAX_RADIUS);
    names
        .iter()
        .enumerate()
        .filter_map(|(spoke, name)| {
            let cos = direction(spoke).0.abs();
            let widest = name
                .lines()
                .map(|line| text_width(line, font_size))
                .fold(0.0, f64::max);
            // How far the name reaches past its spoke's end, across.
            if anchor(cos) == Anchor::Middle {
                (cos > 1e-9).then(|| (half_width - widest / 2.0) / cos)
            } else {
                Some((half_width - NAME_GAP * cos - widest) / cos)
            }
        })
        .fold(most, f64::min)
        .max(most.min(MIN_RADIUS))
}

/// Splits the points around the diagram where one is missing: each run is drawn as one line.
fn runs(points: impl Iterator<Item = Option<Point>>) -> Vec<Vec<Point>> {
    let mut runs = vec![Vec::new()];
    for point in points {
        match point {
            Some(point) => runs.last_mut().into_iter().for_each(|run| run.push(point)),
            None => runs.push(Vec::new()),
        }
    }
    runs.retain(|run| !run.is_empty());
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rounds() -> Vec<RadarSeries> {
        vec![
            RadarSeries {
                name: "March".into(),
                values: vec![Some(2), None, Some(1), Some(5)],
                details: vec!["A: 2".into(), String::new(), "C: 1".into(), "D: 5".into()],
            },
            RadarSeries {
                name: "June".into(),
                values: vec![Some(5), Some(4), Some(3), Some(5)],
                details: Vec::new(),
            },
        ]
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn spokes_start_at_the_top_and_go_clockwise() {
        let shape = spider_shape(
            &["A", "B", "C", "D"],
            &rounds(),
            600.0,
            &Measures::estimated(),
        );
        let c = shape.centre;
        let [top, right, bottom, left] = shape.spokes[..] else {
            panic!("four spokes")
        };
        assert!(close(top.x, c.x) && top.y < c.y);
        assert!(right.x > c.x && close(right.y, c.y));
        assert!(close(bottom.x, c.x) && bottom.y > c.y);
        assert!(left.x < c.x && close(left.y, c.y));
        assert_eq!(shape.rings.len(), 5, "one ring per step");
    }

    #[test]
    fn a_step_sits_on_its_ring_and_one_is_not_the_centre() {
        let shape = spider_shape(
            &["A", "B", "C", "D"],
            &rounds(),
            600.0,
            &Measures::estimated(),
        );
        let latest = &shape.lines[1];
        let distance =
            |p: Point| ((p.x - shape.centre.x).powi(2) + (p.y - shape.centre.y).powi(2)).sqrt();
        assert!(
            close(distance(latest.marks[0].at), shape.rings[4]),
            "5 on the outer ring"
        );
        assert!(close(distance(latest.marks[2].at), shape.rings[2]));
        let march = &shape.lines[0];
        assert!(
            close(distance(march.marks[1].at), shape.rings[0]),
            "a 1 on the first ring"
        );
        assert!(shape.rings[0] > 0.0);
    }

    #[test]
    fn rather_not_answer_is_a_gap_not_zero() {
        let shape = spider_shape(
            &["A", "B", "C", "D"],
            &rounds(),
            600.0,
            &Measures::estimated(),
        );
        let march = &shape.lines[0];
        // A, then the gap at B, then C, D and back to A.
        assert_eq!(march.runs.len(), 2);
        assert_eq!(march.runs[0].len(), 1);
        assert_eq!(march.runs[1].len(), 3);
        assert_eq!(
            march.runs[1][2], march.runs[0][0],
            "the line closes at the first spoke"
        );
        assert_eq!(
            march.marks.iter().map(|m| m.spoke).collect::<Vec<_>>(),
            [0, 2, 3]
        );
        assert_eq!(march.marks[1].detail, "C: 1");
        let june = &shape.lines[1];
        assert_eq!(june.runs.len(), 1, "all answered: one closed line");
        assert_eq!(june.runs[0].len(), 5);
        assert_eq!(june.runs[0][0], june.runs[0][4]);
    }

    #[test]
    fn the_latest_round_is_strongest_and_gets_the_first_colour() {
        let shape = spider_shape(
            &["A", "B", "C", "D"],
            &rounds(),
            600.0,
            &Measures::estimated(),
        );
        assert!(!shape.lines[0].strong && shape.lines[1].strong);
        assert_eq!(shape.lines[1].colour, series_colour(0, 1));
        assert_eq!(shape.legend.len(), 2);
        assert!(shape.legend[1].at.y > shape.legend[0].at.y);
        assert!(shape.legend.iter().all(|e| e.at.y < shape.height));
    }

    #[test]
    fn every_name_fits_inside_on_a_phone() {
        let axes = [
            "Chans till jobb",
            "Klara ett jobb",
            "Samarbete",
            "Hälsa",
            "Vardagen",
            "Kompetens",
            "Lönenivå",
            "Söka jobb",
        ];
        let width = 330.0;
        let shape = spider_shape(&axes, &rounds_of_eight(), width, &Measures::estimated());
        for name in &shape.names {
            let widest = name
                .lines
                .iter()
                .map(|l| estimated_width(l, shape.font_size))
                .fold(0.0, f64::max);
            let (left, right) = match name.anchor {
                Anchor::Start => (name.at.x, name.at.x + widest),
                Anchor::Middle => (name.at.x - widest / 2.0, name.at.x + widest / 2.0),
                Anchor::End => (name.at.x - widest, name.at.x),
            };
            assert!(
                left >= 0.0 && right <= width,
                "{:?} fits across",
                name.lines
            );
            assert!(
                name.at.y - shape.font_size >= 0.0,
                "{:?} fits above",
                name.lines
            );
        }
        assert!(
            shape.rings[4] > 80.0,
            "the diagram stays large enough to read"
        );
    }

    /// With no room yet (a width of 0 while the page is laid out) no ring got a negative radius,
    /// which the browser refuses with an error each time.
    #[test]
    fn no_room_draws_no_negative_length() {
        for width in [0.0, 1.0, 7.9, 8.0, 20.0] {
            let shape = spider_shape(
                &["A", "B", "C"],
                &rounds_of_eight(),
                width,
                &Measures::estimated(),
            );
            assert!(
                shape.rings.iter().all(|r| *r >= 0.0),
                "rings at width {width}: {:?}",
                shape.rings
            );
            assert!(shape.height >= 0.0 && shape.line_height >= 0.0);
        }
    }

    fn rounds_of_eight() -> Vec<RadarSeries> {
        vec![RadarSeries {
            name: "1 Dec 2026".into(),
            values: vec![Some(3); 8],
            details: Vec::new(),
        }]
    }
}
