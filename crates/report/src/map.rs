//! A map of places as one self-contained SVG: the world outline of `data/world.txt` (Natural
//! Earth 1:110m, public domain, built by `data/build_world.py`) cropped to the places shown,
//! a pin per place sized by its number of mentions, each pin a link. No tiles, no script,
//! no network: the report and the web app embed it as markup.
//!
//! The plane is equirectangular, [`SCALE`] units per degree. The view is the box around the
//! places that are points (towns, regions, countries), padded and at least [`MIN_SPAN`]
//! degrees wide, kept at 2:1 and inside the world; wide areas (oceans, seas, continents,
//! world regions: feature class `H` or `L`) are pinned where they fall in that view but do
//! not widen it, so "the Atlantic" does not zoom a story about two towns out to the globe.

use maud::{html, Markup, PreEscaped};
use std::sync::OnceLock;

/// Units of the outline's plane per degree (as `data/build_world.py` writes it).
pub const SCALE: f64 = 4.0;

/// Narrowest view, in degrees of longitude.
pub const MIN_SPAN: f64 = 24.0;

/// Most pins drawn with a label beside them (the most mentioned).
const LABELLED: usize = 12;

/// One place on the map.
#[derive(Debug, Clone)]
pub struct Pin<'a> {
    pub lat: f64,
    pub lon: f64,
    pub label: &'a str,
    /// Where the pin leads: the place's mentions.
    pub href: String,
    pub mentions: usize,
    /// A wide area (ocean, sea, continent, world region) rather than a point.
    pub area: bool,
}

struct Outline {
    land: &'static str,
    borders: &'static str,
}

fn outline() -> &'static Outline {
    static OUTLINE: OnceLock<Outline> = OnceLock::new();
    OUTLINE.get_or_init(|| {
        let mut o = Outline {
            land: "",
            borders: "",
        };
        for line in include_str!("../data/world.txt").lines() {
            match line.split_once('\t') {
                Some(("land", d)) => o.land = d,
                Some(("borders", d)) => o.borders = d,
                _ => {}
            }
        }
        o
    })
}

fn project(lat: f64, lon: f64) -> (f64, f64) {
    (
        (lon.clamp(-180.0, 180.0) + 180.0) * SCALE,
        (90.0 - lat.clamp(-90.0, 90.0)) * SCALE,
    )
}

/// The view box (x, y, width, height) around the point pins.
fn view(pins: &[Pin]) -> (f64, f64, f64, f64) {
    let (world_w, world_h) = (360.0 * SCALE, 180.0 * SCALE);
    let points: Vec<(f64, f64)> = pins
        .iter()
        .filter(|p| !p.area)
        .map(|p| project(p.lat, p.lon))
        .collect();
    if points.is_empty() {
        return (0.0, 0.0, world_w, world_h);
    }
    let min_x = points.iter().map(|p| p.0).fold(f64::MAX, f64::min);
    let max_x = points.iter().map(|p| p.0).fold(f64::MIN, f64::max);
    let min_y = points.iter().map(|p| p.1).fold(f64::MAX, f64::min);
    let max_y = points.iter().map(|p| p.1).fold(f64::MIN, f64::max);
    let pad = 0.15;
    let mut w = ((max_x - min_x) * (1.0 + 2.0 * pad)).max(MIN_SPAN * SCALE);
    let mut h = ((max_y - min_y) * (1.0 + 2.0 * pad)).max(w / 2.0);
    w = w.max(h * 2.0).min(world_w);
    h = (w / 2.0).min(world_h);
    let x = ((min_x + max_x) / 2.0 - w / 2.0).clamp(0.0, world_w - w);
    let y = ((min_y + max_y) / 2.0 - h / 2.0).clamp(0.0, world_h - h);
    (x, y, w, h)
}

/// Pin radius in view units (`unit` is one 720th of the view's width).
fn radius(pin: &Pin, unit: f64) -> f64 {
    unit * (3.0 + 2.0 * (pin.mentions.max(1) as f64).sqrt()).min(14.0)
}

/// Where each pin's label goes: (x, y, anchored at its end), or none. The most mentioned
/// are placed first, right of the pin, else left of it; a label that would overlap one
/// already placed is left out (the pin keeps its tooltip).
fn labels(pins: &[&Pin], unit: f64) -> Vec<Option<(f64, f64, bool)>> {
    let font = 12.0 * unit;
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    let mut out = vec![None; pins.len()];
    let mut order: Vec<usize> = (0..pins.len()).collect();
    order.sort_by(|&a, &b| pins[b].mentions.cmp(&pins[a].mentions).then(a.cmp(&b)));
    for &i in order.iter().take(LABELLED) {
        let p = pins[i];
        let (px, py) = project(p.lat, p.lon);
        let r = radius(p, unit);
        let width = p.label.chars().count() as f64 * font * 0.58;
        let (top, bottom) = (py - font * 0.75, py + font * 0.45);
        for (x0, end) in [
            (px + r + 2.0 * unit, false),
            (px - r - 2.0 * unit - width, true),
        ] {
            let bx = (x0, top, x0 + width, bottom);
            let free = placed
                .iter()
                .all(|o| bx.2 < o.0 || o.2 < bx.0 || bx.3 < o.1 || o.3 < bx.1);
            if free {
                placed.push(bx);
                out[i] = Some((if end { x0 + width } else { x0 }, py + 4.0 * unit, end));
                break;
            }
        }
    }
    out
}

/// The map of `pins`, `title` its accessible name.
pub fn svg(pins: &[Pin], title: &str) -> Markup {
    let o = outline();
    let (x, y, w, h) = view(pins);
    // Pin and text sizes in view units, so that they look the same at every zoom.
    let unit = w / 720.0;
    // Small pins on top of big ones, so every pin can be clicked.
    let mut order: Vec<&Pin> = pins.iter().collect();
    order.sort_by_key(|p| std::cmp::Reverse(p.mentions));
    let placed = labels(&order, unit);
    html! {
        svg.map xmlns="http://www.w3.org/2000/svg" role="img" aria-label=(title)
            viewBox=(format!("{x:.1} {y:.1} {w:.1} {h:.1}")) preserveAspectRatio="xMidYMid meet" {
            title { (title) }
            rect.sea x=(format!("{x:.1}")) y=(format!("{y:.1}")) width=(format!("{w:.1}")) height=(format!("{h:.1}")) {}
            path.land d=(PreEscaped(o.land)) {}
            path.borders d=(PreEscaped(o.borders)) vector-effect="non-scaling-stroke" {}
            @for (p, label) in order.iter().zip(&placed).rev() {
                @let (px, py) = project(p.lat, p.lon);
                a href=(p.href) {
                    title { (p.label) " (" (p.mentions) (if p.mentions == 1 { " mention" } else { " mentions" }) ")" }
                    circle class=(if p.area { "pin area" } else { "pin" }) cx=(format!("{px:.1}")) cy=(format!("{py:.1}")) r=(format!("{:.1}", radius(p, unit))) {}
                    @if let Some((lx, ly, end)) = label {
                        text x=(format!("{lx:.1}")) y=(format!("{ly:.1}")) text-anchor=(if *end { "end" } else { "start" }) font-size=(format!("{:.1}", 12.0 * unit)) { (p.label) }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pin(lat: f64, lon: f64, label: &str, area: bool) -> Pin<'_> {
        Pin {
            lat,
            lon,
            label,
            href: format!("#place-{label}"),
            mentions: 2,
            area,
        }
    }

    #[test]
    fn the_view_fits_the_points_not_the_oceans() {
        let pins = [
            pin(41.7, 44.8, "Tbilisi", false),
            pin(42.0, 44.1, "Gori", false),
            pin(15.0, -35.0, "Atlantic Ocean", true),
        ];
        let (x, y, w, h) = view(&pins);
        assert!((w - MIN_SPAN * SCALE).abs() < 1e-6 && (h - w / 2.0).abs() < 1e-6);
        let (tx, ty) = project(41.7, 44.8);
        assert!(x < tx && tx < x + w && y < ty && ty < y + h);
        // No point: the whole world.
        assert_eq!(view(&[]), (0.0, 0.0, 1440.0, 720.0));
    }

    #[test]
    fn pins_are_links_and_labels_are_escaped() {
        let pins = [pin(48.9, 2.35, "<Paris>", false)];
        let out = svg(&pins, "Places").into_string();
        assert!(out.starts_with("<svg"), "{out}");
        assert!(out.contains("href=\"#place-&lt;Paris&gt;\""), "{out}");
        assert!(!out.contains("<Paris>"));
        assert!(out.contains("class=\"land\""));
    }

    #[test]
    fn labels_that_would_overlap_are_left_out() {
        let pins = [
            pin(34.43, 35.84, "Tripoli", false),
            pin(34.43, 35.84, "Tripoli again", false),
            pin(10.0, 10.0, "Far away", false),
        ];
        let refs: Vec<&Pin> = pins.iter().collect();
        let placed = labels(&refs, 1.0);
        // The second takes the left side, the third its own place; a fourth at the same
        // point would find both sides taken.
        assert!(placed[0].is_some_and(|l| !l.2));
        assert!(placed[1].is_some_and(|l| l.2));
        assert!(placed[2].is_some());
        let crowded = [
            pins[0].clone(),
            pins[1].clone(),
            pin(34.43, 35.84, "Third", false),
        ];
        let refs: Vec<&Pin> = crowded.iter().collect();
        assert!(labels(&refs, 1.0)[2].is_none());
    }

    #[test]
    fn the_outline_is_embedded() {
        let o = outline();
        assert!(o.land.starts_with('M') && o.land.len() > 10_000);
        assert!(o.borders.starts_with('M'));
    }
}
