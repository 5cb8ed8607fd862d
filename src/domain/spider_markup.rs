//! Her spider diagram as SVG markup, written from its geometry (`spider_shape`). One string
//! rather than a view per element: the drawing is redrawn whole, and a view type per SVG
//! element would be compiled into the wasm once each. Every text is escaped; a point carries
//! `data-round` and `data-spoke` so that one listener can tell which was tapped.

use std::fmt::Write as _;

use super::spider_shape::{LEGEND_SAMPLE, Point, SpiderShape};

/// The page's own font (style/main.css), written on the drawing so that its PNG has it too.
pub const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Ubuntu, sans-serif";
const INK: &str = "#1c2730";
const GRID: &str = "#d5dde3";
const FRAME: &str = "#8d99a3";
/// A point's tap target: larger than the point, for a finger.
const TAP_RADIUS: i64 = 14;

/// Text for SVG content or a quoted attribute.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A length in whole pixels: enough at the drawing's own scale, and formatting integers keeps
/// the float formatter (12 KB) out of the wasm.
fn px(length: f64) -> i64 {
    length.round() as i64
}

fn points(run: &[Point]) -> String {
    run.iter()
        .map(|p| format!("{},{}", px(p.x), px(p.y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The latest round's line is thick and solid, earlier ones thin and dashed.
fn stroke(strong: bool) -> &'static str {
    if strong {
        r#"stroke-width="3""#
    } else {
        r#"stroke-width="1.5" stroke-dasharray="6 4""#
    }
}

impl SpiderShape {
    /// The whole drawing, `<svg>` to `</svg>`, with its size in pixels.
    pub fn svg(&self) -> String {
        let (w, h) = (px(self.width), px(self.height));
        let (cx, cy) = (px(self.centre.x), px(self.centre.y));
        // Left to right whatever the page's direction: a name's anchor is the side of the
        // diagram it stands on (its own words, Arabic too, still run their own way).
        let mut out = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT}" font-size="{}" direction="ltr" focusable="false">"#,
            px(self.font_size)
        );
        for (i, r) in self.rings.iter().enumerate() {
            // The outer ring, the highest step, frames the diagram.
            let colour = if i + 1 == self.rings.len() {
                FRAME
            } else {
                GRID
            };
            let _ = write!(
                out,
                r#"<circle cx="{cx}" cy="{cy}" r="{}" fill="none" stroke="{colour}"/>"#,
                px(*r)
            );
        }
        for end in &self.spokes {
            let _ = write!(
                out,
                r#"<line x1="{cx}" y1="{cy}" x2="{}" y2="{}" stroke="{GRID}"/>"#,
                px(end.x),
                px(end.y)
            );
        }
        for name in &self.names {
            let x = px(name.at.x);
            let _ = write!(
                out,
                r#"<text x="{x}" y="{}" text-anchor="{}" fill="{INK}">"#,
                px(name.at.y),
                name.anchor.svg()
            );
            for (i, line) in name.lines.iter().enumerate() {
                let dy = if i == 0 { 0 } else { px(self.line_height) };
                let _ = write!(out, r#"<tspan x="{x}" dy="{dy}">{}</tspan>"#, escape(line));
            }
            out.push_str("</text>");
        }
        for (index, line) in self.lines.iter().enumerate() {
            let (colour, stroke) = (line.colour, stroke(line.strong));
            for run in &line.runs {
                let _ = write!(
                    out,
                    r#"<polyline points="{}" fill="none" stroke="{colour}" {stroke} stroke-linejoin="round"/>"#,
                    points(run)
                );
            }
            let size = if line.strong { 5 } else { 3 };
            for mark in &line.marks {
                let (x, y) = (px(mark.at.x), px(mark.at.y));
                let _ = write!(
                    out,
                    concat!(
                        r#"<g class="chart-point" data-round="{index}" data-spoke="{spoke}">"#,
                        r#"<title>{title}</title>"#,
                        r#"<circle cx="{x}" cy="{y}" r="{TAP_RADIUS}" fill="{colour}" fill-opacity="0"/>"#,
                        r#"<circle cx="{x}" cy="{y}" r="{size}" fill="{colour}"/></g>"#,
                    ),
                    index = index,
                    spoke = mark.spoke,
                    title = escape(&mark.detail),
                    x = x,
                    y = y,
                    colour = colour,
                    size = size,
                    TAP_RADIUS = TAP_RADIUS,
                );
            }
        }
        for entry in &self.legend {
            let Point { x, y } = entry.at;
            let _ = write!(
                out,
                concat!(
                    r#"<line x1="{x}" y1="{y}" x2="{end}" y2="{y}" stroke="{colour}" {stroke}/>"#,
                    r#"<text x="{text}" y="{y}" dominant-baseline="central" fill="{INK}">{name}</text>"#,
                ),
                x = px(x),
                y = px(y),
                end = px(x + LEGEND_SAMPLE),
                colour = entry.colour,
                stroke = stroke(entry.strong),
                text = px(x + LEGEND_SAMPLE + 6.0),
                INK = INK,
                name = escape(&entry.name),
            );
        }
        out.push_str("</svg>");
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::charts::RadarSeries;
    use crate::domain::spider_shape::{Measures, spider_shape};

    fn drawn(detail: &str, name: &str) -> String {
        let series = [RadarSeries {
            name: name.into(),
            values: vec![Some(3), None, Some(5)],
            details: vec![detail.into(), String::new(), "C".into()],
        }];
        spider_shape(&["A & B", "C", "D"], &series, 400.0, &Measures::estimated()).svg()
    }

    #[test]
    fn every_text_is_escaped() {
        let svg = drawn(r#"<script>alert("x")</script> & 'so'"#, "<b>June</b>");
        assert!(!svg.contains("<script"));
        assert!(!svg.contains("<b>"));
        assert!(
            svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;so&#39;")
        );
        assert!(svg.contains(">A &amp; B</tspan>"));
        assert!(svg.contains(">&lt;b&gt;June&lt;/b&gt;</text>"));
    }

    #[test]
    fn each_answered_point_can_be_tapped_and_a_gap_has_none() {
        let svg = drawn("A: 3", "June");
        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"));
        assert_eq!(svg.matches(r#"class="chart-point""#).count(), 2);
        assert!(svg.contains(r#"data-round="0" data-spoke="0"><title>A: 3</title>"#));
        assert!(svg.contains(r#"data-round="0" data-spoke="2"><title>C</title>"#));
        assert!(!svg.contains(r#"data-spoke="1""#));
        assert_eq!(
            svg.matches("<circle").count(),
            5 + 2 * 2,
            "five rings, two per point"
        );
    }
}
