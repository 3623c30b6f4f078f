//! The only module that talks to the app's other tabs in this browser: a `BroadcastChannel` carrying
//! [`crate::sync::Message`]s (each about one assessment) and list changes as JSON. What to do with them is decided in [`crate::sync`].

use std::cell::RefCell;

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use serde::{Deserialize, Serialize};

use crate::sync::Message;

/// What a tab hears from another.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Heard {
    /// A change of one assessment (the message names which).
    Change(Message),
    /// The list of assessments changed (one was added, deleted or brought back): read it again.
    Library,
}

/// The channel's name; every tab of this origin that runs the app listens on it.
const CHANNEL: &str = "aims-readiness/tabs";

thread_local! {
    static OPEN: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
}

/// A random ID for this tab (53 bits, as many as a JavaScript number holds exactly).
pub fn new_tab_id() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

/// The wall clock, in milliseconds since 1970.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Listens for other tabs' messages for as long as the page lives. Messages that are not the app's are
/// ignored. Without `BroadcastChannel` (very old browsers) the tab works alone.
pub fn listen(on_message: impl Fn(Heard) + 'static) {
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let handler =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            if let Some(text) = event.data().as_string() {
                if let Ok(message) = serde_json::from_str::<Heard>(&text) {
                    on_message(message);
                }
            }
        });
    channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The page keeps listening until it is closed.
    handler.forget();
    OPEN.with(|open| *open.borrow_mut() = Some(channel));
}

/// What a tab sends: [`Heard`], borrowing the message (it may hold megabytes).
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
enum Sent<'a> {
    Change(&'a Message),
    Library,
}

/// Tells the other tabs about a change of one assessment.
pub fn send_change(message: &Message) {
    send(&Sent::Change(message));
}

/// Tells the other tabs the list of assessments changed.
pub fn send_library() {
    send(&Sent::Library);
}

fn send(heard: &Sent) {
    let Ok(text) = serde_json::to_string(heard) else {
        return;
    };
    OPEN.with(|open| {
        if let Some(channel) = open.borrow().as_ref() {
            let _ = channel.post_message(&JsValue::from_str(&text));
        }
    });
}
