//! Browser entry point of the attendee view alone (`view/`): a share link or a published
//! file, read-only. Much smaller than the planner, for phones.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // The page's shell goes when the schedule shows (`AttendeeApp`).
    leptos::mount::mount_to_body(agenda_planner::attendee::AttendeeRoot);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The attendee view runs in the browser: see README.md (`make serve`).");
    std::process::exit(2);
}
