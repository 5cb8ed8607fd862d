use leptos::prelude::*;

/// The text of a field that saves on every keystroke. It keeps exactly what is typed (spaces
/// included, or an empty field whose emptiness was refused), and shows the stored text
/// whenever that changes to something else — another tab saved a newer text — so that the
/// next keystroke builds on the newest text instead of writing an old one back.
///
/// The caller binds `prop:value` to the signal and sets it on input before saving.
pub fn live_text(stored: impl Fn() -> String + Send + Sync + 'static) -> RwSignal<String> {
    let field = RwSignal::new(stored());
    Effect::new(move |_| {
        let stored = stored();
        if field.with_untracked(|typed| typed.trim() != stored.trim()) {
            field.set(stored);
        }
    });
    field
}
