//! A half-filled form survives locking: the text in the page's fields is kept, sealed like
//! every other private value, and put back once, after unlocking on the same page.

use js_sys::Reflect;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use crate::storage::keys;
use crate::storage::kv::KeyValue;

/// The fields a person types in; passwords are never kept.
const FIELDS: &str = "main input:not([type=checkbox]):not([type=radio]):not([type=file])\
                      :not([type=password]):not([type=hidden]), main textarea";

#[derive(Serialize, Deserialize)]
struct Draft {
    path: String,
    /// Field number (in page order) and its text, for fields that are not empty.
    fields: Vec<(u32, String)>,
}

fn path() -> String {
    web_sys::window()
        .and_then(|w| {
            let location = w.location();
            Some(location.pathname().ok()? + &location.search().ok()?)
        })
        .unwrap_or_default()
}

fn fields() -> Vec<web_sys::Element> {
    let Some(list) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(FIELDS).ok())
    else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// Keeps what is typed in this page's fields, if anything.
pub fn keep(store: &impl KeyValue) {
    let fields: Vec<(u32, String)> = fields()
        .iter()
        .enumerate()
        .filter_map(|(i, field)| {
            let value = Reflect::get(field, &"value".into()).ok()?.as_string()?;
            (!value.is_empty()).then_some((i as u32, value))
        })
        .collect();
    if !fields.is_empty() {
        let draft = Draft {
            path: path(),
            fields,
        };
        let text = serde_json::to_string(&draft).expect("a draft serialises");
        let _ = store.set(keys::DRAFT, &text);
    }
}

/// Puts a kept draft back into the fields of the same page, once.
pub fn restore(store: &impl KeyValue) {
    let Ok(Some(text)) = store.get(keys::DRAFT) else {
        return;
    };
    let Ok(draft) = serde_json::from_str::<Draft>(&text) else {
        return;
    };
    if draft.path != path() {
        return;
    }
    let fields = fields();
    for (index, value) in draft.fields {
        if let Some(field) = fields.get(index as usize) {
            let _ = Reflect::set(field, &"value".into(), &value.into());
            // The page's own handlers take the text in as if it were typed.
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
                let _ = field.dispatch_event(&event);
            }
        }
    }
    let _ = store.remove(keys::DRAFT);
}
