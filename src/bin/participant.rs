//! The participant's own app (see `participant_app`): `index.html` loads it instead of the
//! whole app on her paths, so her phone downloads a fraction of the bytes.
fn main() {
    console_error_panic_hook::set_once();
    stegvis::start_participant_app();
}
