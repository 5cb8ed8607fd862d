use leptos::{html, prelude::*};

/// A native modal dialog for a decision that cannot be undone: it keeps focus inside, closes
/// on Esc, and returns focus to where it was. `open` shows it; the caller renders the trigger.
#[component]
pub fn ConfirmDialog(
    open: RwSignal<bool>,
    #[prop(into)] message: Signal<String>,
    #[prop(into)] confirm_label: Signal<String>,
    #[prop(into)] cancel_label: Signal<String>,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move |_| {
        let Some(dialog) = dialog.get() else { return };
        if open.get() && !dialog.open() {
            let _ = dialog.show_modal();
        } else if !open.get() && dialog.open() {
            dialog.close();
        }
    });
    view! {
        <dialog node_ref=dialog class="confirm-dialog" on:close=move |_| open.set(false)>
            <p>{message}</p>
            <div class="actions">
                <button
                    type="button"
                    class="button danger"
                    on:click=move |_| {
                        open.set(false);
                        on_confirm.run(());
                    }
                >
                    {confirm_label}
                </button>
                <button type="button" class="button secondary" on:click=move |_| open.set(false)>
                    {cancel_label}
                </button>
            </div>
        </dialog>
    }
}
