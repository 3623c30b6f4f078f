//! The browser shell (wasm32 only).

/// Mounts the app on the page body.
pub fn mount() {}
