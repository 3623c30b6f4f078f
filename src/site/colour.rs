//! sRGB colours and the WCAG 2 contrast ratio between two of them.
//!
//! Like the rest of `src/site/`, this file uses nothing but `std` and `serde`: `build.rs` includes it
//! with `#[path]` to check `content/site.toml` before the app is built.

/// WCAG 2 level AA for normal-size text: at least 4.5 to 1.
pub const AA_TEXT: f64 = 4.5;

/// An opaque sRGB colour, 8 bits per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Reads `#rrggbb` (either case); nothing else (no `#rgb`, no names, no alpha).
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
    }

    /// `#rrggbb`, lower case.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG 2 relative luminance: 0 for black, 1 for white.
    pub fn luminance(self) -> f64 {
        fn linear(channel: u8) -> f64 {
            let c = f64::from(channel) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }
}

/// The WCAG 2 contrast ratio of two colours, from 1 (the same) to 21 (black on white); the order does not
/// matter.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (light, dark) = if la >= lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// A ratio as people write it, `4.51:1`: rounded down to two decimals, so a ratio just below a threshold
/// never reads as the threshold itself.
pub fn ratio_text(ratio: f64) -> String {
    let hundredths = (ratio * 100.0).floor() / 100.0;
    format!("{hundredths:.2}:1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn black_on_white_is_21() {
        assert_eq!(contrast(Rgb(0, 0, 0), Rgb(255, 255, 255)), 21.0);
        assert_eq!(ratio_text(21.0), "21.00:1");
    }

    #[test]
    fn parse_is_strict() {
        assert_eq!(Rgb::parse("#1D4e89"), Some(Rgb(0x1d, 0x4e, 0x89)));
        for bad in [
            "1d4e89", "#1d4e8", "#1d4e899", "#1d4e8g", "#fff", "", "#", "blue", "#1d4e89 ",
        ] {
            assert_eq!(Rgb::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn ratio_text_rounds_down() {
        assert_eq!(ratio_text(4.499_9), "4.49:1");
        assert_eq!(ratio_text(4.5), "4.50:1");
    }
}
