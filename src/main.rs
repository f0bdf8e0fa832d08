//! Browser entry point: panic hook and mount, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(agenda_planner::planner::App);
    agenda_planner::web::dom::remove_shell();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The agenda planner runs in the browser: see README.md (`make serve`).");
    std::process::exit(2);
}
