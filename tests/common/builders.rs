//! Small builders for the scoring, gap, SoA and report tests.

use aims_readiness::assessment::{Assessment, Level, Mode};
use aims_readiness::catalogue::{catalogue, Catalogue};

/// The timestamp every built assessment carries.
pub const NOW: &str = "2025-03-01T10:00:00Z";

/// The embedded catalogue.
pub fn cat() -> &'static Catalogue {
    catalogue()
}

/// A level the test knows is valid.
pub fn level(n: u8) -> Level {
    Level::new(n).expect("test levels are 0 … 5")
}

/// An empty full assessment.
pub fn full() -> Assessment {
    Assessment::new(Mode::Full, NOW)
}

/// Answers an item with a level.
pub fn set(a: &mut Assessment, id: &str, n: u8) {
    a.set_level(cat(), id, level(n)).expect("known item");
}
