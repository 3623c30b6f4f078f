//! Geometry of the dashboard charts, so the SVG components only place what this computes.

/// A point in SVG user units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// Where a label sits and which way its text runs from there.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub at: Point,
    /// SVG `text-anchor`: "start", "middle" or "end".
    pub anchor: &'static str,
    pub text: String,
}

/// A radar (spider) chart: one axis per value, 0 at the centre and 100 at the rim.
#[derive(Debug, Clone, PartialEq)]
pub struct Radar {
    pub centre: Point,
    /// The rim of each axis.
    pub axes: Vec<Point>,
    /// Rings at 25, 50, 75 and 100 %, each as an SVG `points` list.
    pub rings: Vec<String>,
    /// The data polygon as an SVG `points` list.
    pub polygon: String,
    /// The data points (a value of `None` sits at the centre).
    pub dots: Vec<Point>,
    pub labels: Vec<Label>,
}

/// Lays out a radar chart in a square of `size` units with room for labels around it.
pub fn radar(values: &[(String, Option<f64>)], size: f64) -> Radar {
    let centre = Point {
        x: size / 2.0,
        y: size / 2.0,
    };
    let radius = size * 0.34;
    let n = values.len().max(1);
    let at = |i: usize, fraction: f64| {
        let angle = -std::f64::consts::FRAC_PI_2 + i as f64 * std::f64::consts::TAU / n as f64;
        Point {
            x: centre.x + radius * fraction * angle.cos(),
            y: centre.y + radius * fraction * angle.sin(),
        }
    };
    let points = |fractions: &mut dyn Iterator<Item = (usize, f64)>| {
        fractions
            .map(|(i, f)| {
                let p = at(i, f);
                format!("{:.1},{:.1}", p.x, p.y)
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let fraction = |v: Option<f64>| v.unwrap_or(0.0).clamp(0.0, 100.0) / 100.0;
    let axes = (0..values.len()).map(|i| at(i, 1.0)).collect();
    let rings = [0.25, 0.5, 0.75, 1.0]
        .iter()
        .map(|&f| points(&mut (0..values.len()).map(|i| (i, f))))
        .collect();
    let polygon = points(
        &mut values
            .iter()
            .enumerate()
            .map(|(i, (_, v))| (i, fraction(*v))),
    );
    let dots = values
        .iter()
        .enumerate()
        .map(|(i, (_, v))| at(i, fraction(*v)))
        .collect();
    let labels = values
        .iter()
        .enumerate()
        .map(|(i, (text, _))| {
            let p = at(i, 1.18);
            let anchor = if (p.x - centre.x).abs() < 1.0 {
                "middle"
            } else if p.x > centre.x {
                "start"
            } else {
                "end"
            };
            Label {
                at: p,
                anchor,
                text: text.clone(),
            }
        })
        .collect();
    Radar {
        centre,
        axes,
        rings,
        polygon,
        dots,
        labels,
    }
}

/// The length of a bar for a percentage, on a scale whose 100 % is `full` units.
pub fn bar_length(percent: Option<f64>, full: f64) -> f64 {
    percent.unwrap_or(0.0).clamp(0.0, 100.0) / 100.0 * full
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radar_puts_full_marks_on_the_rim_and_zero_at_the_centre() {
        let values: Vec<(String, Option<f64>)> = vec![
            ("4".into(), Some(100.0)),
            ("5".into(), Some(0.0)),
            ("6".into(), None),
        ];
        let r = radar(&values, 300.0);
        assert_eq!(r.axes.len(), 3);
        assert!(
            (r.dots[0].x - r.axes[0].x).abs() < 1e-9 && (r.dots[0].y - r.axes[0].y).abs() < 1e-9
        );
        assert_eq!(r.dots[1], r.centre);
        assert_eq!(r.dots[2], r.centre);
        assert_eq!(r.rings.len(), 4);
        assert_eq!(
            r.labels[0].anchor, "middle",
            "the first axis points straight up"
        );
        assert!(r.axes[0].y < r.centre.y);
    }

    #[test]
    fn bars_are_clamped_to_the_scale() {
        assert_eq!(bar_length(Some(50.0), 200.0), 100.0);
        assert_eq!(bar_length(Some(150.0), 200.0), 200.0);
        assert_eq!(bar_length(None, 200.0), 0.0);
    }
}
