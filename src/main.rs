//! Browser entry point: panic hook, the sample on a first visit, and mount.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // On a first visit the sample's code loads before the app starts with it (Leptos's own
    // executor starts with the mount).
    wasm_bindgen_futures::spawn_local(async {
        agenda_planner::planner::sample::prepare().await;
        leptos::mount::mount_to_body(agenda_planner::planner::App);
        agenda_planner::web::dom::remove_shell();
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The agenda planner runs in the browser: see README.md (`make serve`).");
    std::process::exit(2);
}
