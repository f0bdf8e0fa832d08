//! A shared meeting, live: this browser's link to the sync server for the open meeting.
//!
//! The meeting stays this browser's own copy (local-first): every change made here is written
//! into the shared Yjs document (`sync::doc`) and sent; every change from another organizer is
//! read from it and shown (`AppState::take_live`), and the checks follow as after any edit. The
//! document itself is kept beside the meeting (`keys::live_state`), so edits made offline —
//! also across a reload — merge when the connection is back. Its code (and yrs) loads only when
//! a shared meeting is opened.

use std::cell::RefCell;

use leptos::prelude::*;

use super::state::{AppState, LiveHooks};
use crate::domain::Meeting;
use crate::storage::browser::BrowserStore;
use crate::storage::keys;
use crate::storage::kv::KeyValue;
use crate::storage::share::{base64url, from_base64url};
use crate::sync::client::{Client, Event, Here};
use crate::sync::doc::Shared;
use crate::sync::links::{id, Kind, Link};
use crate::ui::lazy::NotLoaded;
use crate::web::socket::{random_bytes, random_u64, sync_url, Socket};

/// What the rest of the planner asks of the live link.
pub enum Action {
    /// Share the open meeting (its edit link comes back).
    Invite,
    /// Open an edit link (the address's fragment, `#join=…`).
    Join(String),
    /// Reconnect the open meeting if it is shared, or end the link of the one before.
    Resume,
}

/// The one way into this module's code, which loads when first used.
#[leptos::wasm_split::wasm_split(live, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn act(state: AppState, action: Action) -> Result<Result<Option<Link>, String>, NotLoaded> {
    let inviting = matches!(action, Action::Invite);
    let done = match action {
        Action::Invite => invite(state).map(Some),
        Action::Join(fragment) => match Link::parse(&fragment).filter(|l| l.kind == Kind::Join) {
            Some(link) => join(state, link).map(|()| None),
            None => Err("the edit link is damaged (copy it again, whole)".into()),
        },
        Action::Resume => resume(state).map(|()| None),
    };
    Ok(done.map_err(|e| match inviting {
        true => format!("The meeting was not shared: {e}."),
        false => format!("The shared meeting could not be opened: {e}."),
    }))
}

struct Session {
    client: Client,
    socket: Option<Socket>,
    /// The meeting as last written to or read from the document: what the next local change is
    /// compared with.
    base: Meeting,
    slot: u32,
    link: Link,
    /// Seconds until the next try after the connection dropped (doubling up to 30).
    retry: u32,
    /// The browser's "offline" and "online": the link is dropped at once, and tried again
    /// as soon as the network is back.
    listeners: Vec<WindowListenerHandle>,
}

impl Drop for Session {
    fn drop(&mut self) {
        for l in self.listeners.drain(..) {
            l.remove();
        }
    }
}

thread_local! {
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
}

/// Whether the open meeting is shared with co-organizers through the sync server, and how
/// that link is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
enum Live {
    /// Not shared (this browser's alone).
    #[default]
    Off,
    Connecting,
    /// Connected: every change goes to the others at once; `others` are the organizers here.
    On {
        others: Vec<String>,
    },
    /// No connection: editing goes on, and the changes are sent when it is back.
    Offline,
    /// The server refused the link (wrong, or replaced).
    Refused(String),
}

thread_local! {
    static LIVE: RefCell<Live> = const { RefCell::new(Live::Off) };
}

fn live() -> Live {
    LIVE.with(|l| l.borrow().clone())
}

/// The link's state, and what the top bar says of it.
fn set_live(state: AppState, live: Live) {
    let (ok, badge) = match &live {
        Live::Off => (false, None),
        Live::Connecting => (false, Some("Shared · connecting…".to_string())),
        Live::On { others } => (
            true,
            Some(match others.len() {
                0 => "Shared · live".to_string(),
                1 => "Shared · live · 1 other organizer here".to_string(),
                n => format!("Shared · live · {n} other organizers here"),
            }),
        ),
        Live::Offline => (false, Some("Offline — changes will sync".to_string())),
        Live::Refused(why) => (
            false,
            Some(format!("Not shared: the server refused the link ({why})")),
        ),
    };
    LIVE.with(|l| *l.borrow_mut() = live);
    state.live_ok.set(ok);
    state.live_badge.set(badge);
}

fn random() -> impl FnMut() -> u64 {
    random_u64
}

/// The full address of a link, for the organizer to send.
pub fn address(link: &Link) -> String {
    let location = web_sys::window().map(|w| w.location());
    let base = location
        .and_then(|l| Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?)))
        .unwrap_or_default();
    format!("{base}{}", link.fragment())
}

/// Whether the meeting in `slot` is shared (cheap: the planner asks at start).
pub fn is_shared(slot: u32) -> bool {
    BrowserStore.get(&keys::live(slot)).ok().flatten().is_some()
}

/// The edit link of the open meeting, if it is shared.
pub fn stored_link(slot: u32) -> Option<Link> {
    let text = BrowserStore.get(&keys::live(slot)).ok().flatten()?;
    Link::parse(text.lines().next()?)
}

/// Turns the open meeting into a shared one: a new document on the sync server, made from it,
/// and its edit link. The document's keys come from the browser's cryptographic generator.
fn invite(state: AppState) -> Result<Link, String> {
    let slot = state.slot_untracked();
    if let Some(link) = stored_link(slot) {
        return Ok(link);
    }
    let key = || {
        random_bytes()
            .map(id)
            .ok_or("this browser has no secure random numbers")
    };
    let (document, edit, read) = (format!("m-{}", key()?), key()?, key()?);
    let link = Link {
        kind: Kind::Join,
        document,
        key: edit,
    };
    let meeting = state.meeting().get_untracked();
    let shared = Shared::share(&meeting, &mut random());
    BrowserStore
        .set(&keys::live(slot), &format!("{}\n{read}", link.fragment()))
        .map_err(|e| e.to_string())?;
    let token = format!("claim.{}.{read}", link.key);
    start(state, slot, link.clone(), shared, &token);
    Ok(link)
}

/// Opens an edit link: the shared meeting becomes a new meeting of this browser's library,
/// filled from the server.
fn join(state: AppState, link: Link) -> Result<(), String> {
    // Already in the library: open it.
    let slots = crate::storage::library::Library::load(&BrowserStore).slots;
    if let Some(&slot) = slots
        .iter()
        .find(|&&s| stored_link(s).is_some_and(|l| l.document == link.document))
    {
        if slot != state.slot_untracked() {
            state.open(slot)?;
        }
        return resume(state);
    }
    let slot = state.create(Meeting::blank(crate::web::clock::today()))?;
    BrowserStore
        .set(&keys::live(slot), &link.fragment())
        .map_err(|e| e.to_string())?;
    let token = link.token();
    start(state, slot, link, Shared::new(), &token);
    Ok(())
}

/// Reconnects the open meeting if it is shared (at start, and when another is opened).
fn resume(state: AppState) -> Result<(), String> {
    let slot = state.slot_untracked();
    stop(state);
    let Some(link) = stored_link(slot) else {
        return Ok(());
    };
    let mut shared = Shared::new();
    if let Some(bytes) = BrowserStore
        .get(&keys::live_state(slot))
        .ok()
        .flatten()
        .and_then(|t| from_base64url(&t).ok())
    {
        // A damaged copy is left out: the server has the document.
        let _ = shared.apply(&bytes);
    }
    let token = link.token();
    start(state, slot, link, shared, &token);
    Ok(())
}

/// Ends the open meeting's live link (another meeting is opened).
fn stop(state: AppState) {
    SESSION.with(|s| s.borrow_mut().take());
    state.live_hooks.set_value(None);
    set_live(state, Live::Off);
}

fn start(state: AppState, slot: u32, link: Link, mut shared: Shared, token: &str) {
    let mut base = shared.meeting().map(|m| m.0).unwrap_or_default();
    let meeting = state.meeting().get_untracked();
    if base.days.is_empty() && base.sessions.is_empty() {
        // Nothing in the document yet (joining): the server's copy is shown when it comes.
        base = meeting.clone();
    }
    let mut client = Client::new(&link.document, token, shared);
    let _ = client.present(Here {
        name: "Organizer".into(),
        session: None,
    });
    // Changes made here since the document was last kept (none, normally) go into it now.
    if base != meeting && !base.days.is_empty() {
        let _ = client.edit(&base, &meeting, &mut random());
        base = meeting;
    }
    SESSION.with(|s| {
        *s.borrow_mut() = Some(Session {
            client,
            socket: None,
            base,
            slot,
            link,
            retry: 1,
            listeners: vec![
                window_event_listener(leptos::ev::offline, move |_| went_offline(state)),
                window_event_listener(leptos::ev::online, move |_| {
                    with_session(|s| s.retry = 1);
                    if with_session(|s| s.socket.is_none()).unwrap_or(false) {
                        connect(state);
                    }
                }),
            ],
        })
    });
    state.live_hooks.set_value(Some(LiveHooks {
        step: Callback::new(move |redo| step(state, redo)),
        edited: Callback::new(move |()| edited(state)),
    }));
    connect(state);
}

fn connect(state: AppState) {
    let Some(url) = sync_url() else { return };
    set_live(state, Live::Connecting);
    let opened = Socket::open(
        &url,
        move || {
            let out = with_session(|s| s.client.connected()).unwrap_or_default();
            send_all(out);
        },
        move |bytes| received(state, &bytes),
        move || closed(state),
    );
    match opened {
        Ok(socket) => {
            with_session(|s| s.socket = Some(socket));
        }
        Err(e) => {
            set_live(state, Live::Offline);
            leptos::logging::warn!("{e}");
            retry_later(state);
        }
    }
}

fn with_session<T>(f: impl FnOnce(&mut Session) -> T) -> Option<T> {
    SESSION.with(|s| s.borrow_mut().as_mut().map(f))
}

fn send_all(messages: Vec<Vec<u8>>) {
    with_session(|s| {
        if let Some(socket) = &s.socket {
            for m in &messages {
                socket.send(m);
            }
        }
    });
}

fn received(state: AppState, bytes: &[u8]) {
    let Some((out, events, claimed)) = with_session(|s| {
        let (out, events) = s.client.receive(bytes);
        (out, events, s.link.key.clone())
    }) else {
        return;
    };
    send_all(out);
    for event in events {
        match event {
            Event::Opened { .. } => {
                // A claim worked once: from now on this browser opens it with the edit key.
                with_session(|s| {
                    s.client.set_token(&format!("edit.{claimed}"));
                    s.retry = 1;
                });
                show_others(state);
            }
            Event::Refused(reason) => {
                set_live(state, Live::Refused(reason));
                SESSION.with(|s| {
                    if let Some(s) = s.borrow_mut().as_mut() {
                        s.socket = None;
                    }
                });
            }
            Event::Changed | Event::Synced => take(state),
            Event::Presence => show_others(state),
            Event::Rejected(why) => leptos::logging::warn!("{why}"),
        }
    }
}

fn show_others(state: AppState) {
    if let Some(others) = with_session(|s| s.client.others()) {
        set_live(
            state,
            Live::On {
                others: others.into_iter().map(|h| h.name).collect(),
            },
        );
    }
}

/// Shows what the document holds now, and keeps the document.
fn take(state: AppState) {
    let Some(read) = with_session(|s| {
        let read = s.client.shared.meeting();
        if let Ok((m, _)) = &read {
            s.base = m.clone();
        }
        read
    }) else {
        return;
    };
    match read {
        Ok((meeting, _)) if !meeting.days.is_empty() => {
            state.take_live(meeting);
            keep(state);
        }
        Ok(_) => {}
        Err(e) => leptos::logging::warn!("{e}"),
    }
}

/// A change made here (the meeting on screen differs from the document's): written and sent.
fn edited(state: AppState) {
    let meeting = state.meeting().get_untracked();
    let message = with_session(|s| {
        if s.base == meeting || s.slot != state.slot_untracked() {
            return None;
        }
        let m = s.client.edit(&s.base, &meeting, &mut random());
        s.base = meeting;
        Some(m)
    });
    if let Some(Some(m)) = message {
        send_all(m.into_iter().collect());
        keep(state);
        show_steps(state);
    }
}

fn step(state: AppState, redo: bool) {
    let Some((done, message)) = with_session(|s| s.client.undo(redo)) else {
        return;
    };
    send_all(message.into_iter().collect());
    if done {
        take(state);
    }
    show_steps(state);
}

fn show_steps(state: AppState) {
    if let Some((undo, redo)) =
        with_session(|s| (s.client.shared.can_undo(), s.client.shared.can_redo()))
    {
        state.show_live_history(undo, redo);
    }
}

/// Keeps the document beside the meeting (after the next paint, like the meeting's save).
fn keep(state: AppState) {
    crate::web::dom::after_paint_or_hidden(move || {
        let Some((slot, text)) = with_session(|s| (s.slot, base64url(&s.client.shared.state())))
        else {
            return;
        };
        if slot == state.slot_untracked() {
            let _ = BrowserStore.set(&keys::live_state(slot), &text);
        }
    });
}

fn went_offline(state: AppState) {
    // Dropping the socket runs no handler of ours (they are taken off first).
    let dropped = with_session(|s| {
        s.client.disconnected();
        s.socket.take()
    });
    drop(dropped);
    if !matches!(live(), Live::Refused(_)) {
        set_live(state, Live::Offline);
    }
}

fn closed(state: AppState) {
    let had = with_session(|s| {
        s.client.disconnected();
        s.socket = None;
    });
    if had.is_none() {
        return;
    }
    if !matches!(live(), Live::Refused(_)) {
        set_live(state, Live::Offline);
        retry_later(state);
    }
}

fn retry_later(state: AppState) {
    let Some(seconds) = with_session(|s| {
        let now = s.retry;
        s.retry = (s.retry * 2).min(30);
        now
    }) else {
        return;
    };
    leptos::prelude::set_timeout(
        move || {
            let waiting = with_session(|s| s.socket.is_none()).unwrap_or(false);
            if waiting && matches!(live(), Live::Offline) {
                connect(state);
            }
        },
        std::time::Duration::from_secs(u64::from(seconds)),
    );
}
