//! ISO/IEC 42001:2023 readiness self-assessment.
//!
//! The pure core of the app: everything that decides something lives here and is tested natively. None of
//! these modules imports `leptos`, `web_sys`, `gloo` or `js_sys`, and none does I/O; the browser shell in
//! `ui` (compiled for wasm32 only) wires events to these functions and stores what they return.

pub mod assessment;
pub mod catalogue;
pub mod chart;
pub mod checkpoints;
// The command line's core (argument parsing with clap, a native-only dependency): never in the site.
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod codec;
pub mod compare;
pub mod csv;
pub mod documents;
pub mod gaps;
pub mod jwe;
pub mod library;
pub mod markdown;
pub mod passphrase;
pub mod policy;
pub mod quiz;
pub mod report;
pub mod roadmap;
pub mod route;
pub mod score;
pub mod share;
pub mod site;
pub mod soa;
pub mod sync;

#[cfg(target_arch = "wasm32")]
pub mod ui;
