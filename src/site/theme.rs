//! The colours `public/styles.css` puts next to the accent in each theme: what the accent must stand out
//! from. `tests/site.rs` reads the stylesheet and holds these to it.

use super::colour::Rgb;

/// One colour scheme of the stylesheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// "light" or "dark", as error messages name it.
    pub name: &'static str,
    /// `--bg`: the page background, under links.
    pub background: Rgb,
    /// `--surface`: cards and the header, under links and secondary buttons.
    pub surface: Rgb,
    /// `--accent-text`: the text on the accent (buttons, the current page in the menu).
    pub accent_text: Rgb,
    /// `--accent`: the stylesheet's own accent in this theme, used where the site sets none.
    pub accent: Rgb,
}

/// `:root` in styles.css.
pub const LIGHT: Theme = Theme {
    name: "light",
    background: Rgb(0xf6, 0xf7, 0xf9),
    surface: Rgb(0xff, 0xff, 0xff),
    accent_text: Rgb(0xff, 0xff, 0xff),
    accent: Rgb(0x1f, 0x5f, 0xbf),
};

/// `@media (prefers-color-scheme: dark)` in styles.css.
pub const DARK: Theme = Theme {
    name: "dark",
    background: Rgb(0x11, 0x14, 0x18),
    surface: Rgb(0x1b, 0x20, 0x27),
    accent_text: Rgb(0x0b, 0x1a, 0x33),
    accent: Rgb(0x7f, 0xb0, 0xff),
};

/// Where an accent colour is used in a theme, and what it is seen against there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// The text colour on an accent background.
    TextOn,
    /// The accent as link text on the page background.
    OnBackground,
    /// The accent as link or button text on cards and the header.
    OnSurface,
}

impl Theme {
    /// The three pairs the stylesheet makes with the accent.
    pub fn pairs(&self) -> [(Use, Rgb); 3] {
        [
            (Use::TextOn, self.accent_text),
            (Use::OnBackground, self.background),
            (Use::OnSurface, self.surface),
        ]
    }
}

impl Use {
    /// How an error message describes this use of the colour `other`.
    pub fn describe(self, other: Rgb) -> String {
        let other = other.hex();
        match self {
            Use::TextOn => {
                format!("with the text on it ({other}: buttons, the current page in the menu)")
            }
            Use::OnBackground => format!("as link text on the page background ({other})"),
            Use::OnSurface => format!("as link text on cards and the header ({other})"),
        }
    }
}
