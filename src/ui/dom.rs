//! Small wrappers over browser APIs the components need: the clock, the location hash, downloads, the
//! clipboard, file reading and printing. Failures come back as messages a user can act on.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::route::Route;

/// Now, as an RFC 3339 timestamp (UTC, milliseconds).
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Today's local date (YYYY-MM-DD).
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// The local time of day, for the "Saved locally" indicator.
pub fn time_of_day() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:02}:{:02}:{:02}",
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    )
}

fn window() -> web_sys::Window {
    web_sys::window().expect("the app runs in a browser window")
}

/// The current `location.hash`.
pub fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Goes to a route (adds a history entry, like following a link).
pub fn navigate(route: &Route) {
    let _ = window().location().set_hash(&route.href());
}

/// Replaces the current history entry's hash, e.g. to drop a share link's payload from the address bar.
pub fn replace_route(route: &Route) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&route.href()));
    }
}

/// The page's address without its fragment: the base of a share link.
pub fn page_address() -> String {
    let location = window().location();
    let href = location.href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

/// Offers `text` as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "The browser could not prepare the file.".to_owned())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "The browser could not prepare the file.".to_owned())?;
    let document = window().document().expect("a window has a document");
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "The browser could not start the download.".to_owned())?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Copies text to the clipboard.
pub async fn copy(text: &str) -> Result<(), String> {
    let clipboard = window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| {
            "The browser did not allow copying; select the link in the field and copy it yourself."
                .to_owned()
        })
}

/// Reads a chosen file's bytes.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("The file “{}” could not be read.", file.name()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Opens the browser's print dialog (which also offers Save as PDF).
pub fn print() {
    let _ = window().print();
}

/// Moves keyboard focus to the first element matching `selector`, if any.
pub fn focus(selector: &str) {
    let document = window().document().expect("a window has a document");
    if let Ok(Some(element)) = document.query_selector(selector) {
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}

/// Whether an element matches a CSS selector.
pub fn exists(selector: &str) -> bool {
    let document = window().document().expect("a window has a document");
    matches!(document.query_selector(selector), Ok(Some(_)))
}

/// Removes the element with this `id`, if there is one.
pub fn remove_by_id(id: &str) {
    let document = window().document().expect("a window has a document");
    if let Some(element) = document.get_element_by_id(id) {
        element.remove();
    }
}

/// Removes every element that matches a CSS selector.
pub fn remove_all(selector: &str) {
    let document = window().document().expect("a window has a document");
    while let Ok(Some(element)) = document.query_selector(selector) {
        element.remove();
    }
}

/// Scrolls to the top of the page.
pub fn scroll_to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// The file chosen in a file input, if any; the input is cleared so choosing the same file again fires
/// `change` again.
pub fn take_file(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// This page runs inside another page's frame (an embedded quiz), where the browser keeps a separate
/// storage for it.
pub fn in_frame() -> bool {
    let window = window();
    match window.parent() {
        Ok(Some(parent)) => !js_sys::Object::is(&parent, &window),
        _ => false,
    }
}

/// Goes to a location hash (adds a history entry, like following a link): the quiz's screens.
pub fn go_to_hash(hash: &str) {
    let _ = window().location().set_hash(hash);
}
