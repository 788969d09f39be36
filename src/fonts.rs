//! The fonts the binary carries: Liberation Serif 2 (SIL OFL, metrics of
//! Times New Roman, full Vietnamese coverage). No system font is ever used,
//! so the same records give the same pages on any machine.

use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

pub const FAMILY: &str = "Liberation Serif";

/// The font files, by name (for `--emit-typ`) and content.
pub const FILES: [(&str, &[u8]); 4] = [
    (
        "LiberationSerif-Regular.ttf",
        include_bytes!("../fonts/LiberationSerif-Regular.ttf"),
    ),
    (
        "LiberationSerif-Bold.ttf",
        include_bytes!("../fonts/LiberationSerif-Bold.ttf"),
    ),
    (
        "LiberationSerif-Italic.ttf",
        include_bytes!("../fonts/LiberationSerif-Italic.ttf"),
    ),
    (
        "LiberationSerif-BoldItalic.ttf",
        include_bytes!("../fonts/LiberationSerif-BoldItalic.ttf"),
    ),
];

/// The embedded fonts, loaded once per process and shared by `check` (which
/// refuses text they cannot print) and rendering.
pub fn embedded() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(Fonts::load)
}

pub struct Fonts {
    pub book: LazyHash<FontBook>,
    pub fonts: Vec<Font>,
}

impl Fonts {
    fn load() -> Fonts {
        let fonts: Vec<Font> = FILES
            .iter()
            .flat_map(|(_, data)| Font::iter(Bytes::new(*data)))
            .collect();
        Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    }

    /// Whether every face can draw `c` (a page may set any text bold or
    /// italic). White space is laid out, not drawn.
    pub fn covers(&self, c: char) -> bool {
        c.is_whitespace()
            || self
                .fonts
                .iter()
                .all(|f| f.info().coverage.contains(c as u32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_vietnamese_but_not_emoji_or_han() {
        let fonts = embedded();
        assert_eq!(fonts.fonts.len(), 4);
        for c in "ẮẰẲẴẶắằẳẵặỆệỸỹỰựĐđƠơƯư“”–…".chars()
        {
            assert!(fonts.covers(c), "{c}");
        }
        assert!(!fonts.covers('😀'));
        assert!(!fonts.covers('中'));
    }
}
