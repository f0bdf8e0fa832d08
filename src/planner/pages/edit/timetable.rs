//! Timetable: the chosen day's sessions on a time × room grid (`domain::timetable` lays it out
//! and makes every move). A session is a block, a button named by its title, time and room:
//! ArrowDown/ArrowUp move it 5 minutes (15 with Shift), ArrowRight/ArrowLeft to the next room,
//! Alt+ArrowDown/ArrowUp make it 5 minutes longer or shorter, Enter opens its form, Delete
//! removes it; each move is announced. With the pointer, a block is dragged to a time and a
//! room (5-minute snap, the target time shown, clashes marked on the blocks while dragging),
//! its lower edge to a new end; a click in an empty slot offers to add a session there.
//!
//! Blocks are keyed by session id and read their own block: a move redraws the block it moved
//! (and the focus stays on it), not the day.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::domain::check::Severity;
use crate::domain::timetable::{self, Block, Grid};
use crate::domain::{DayId, Edit, ItemId, Placement, SessionId, Template, TEMPLATES};
use crate::planner::state::use_app_state;
use crate::ui::day_tabs::DayTabs;
use crate::ui::notice::Notice;
use crate::web::dom::{self, Submitted};

/// What a pointer holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Grab {
    /// The block: it moves.
    Block,
    /// Its lower edge: the end moves.
    End,
}

/// A drag in progress.
#[derive(Clone, Copy)]
struct Drag {
    id: SessionId,
    grab: Grab,
    /// Rows between the block's top and the pointer when it was grabbed.
    offset: i64,
    /// Where the block was.
    from: (i64, usize, i64),
    /// How many columns it covers.
    span: usize,
}

/// Where a dragged block would land: first row, column, rows, span, and its time.
#[derive(Clone, PartialEq)]
struct Target {
    row: i64,
    column: usize,
    rows: i64,
    span: usize,
    time: String,
}

const GRID_ID: &str = "timetable-grid";

fn lane_id(column: usize) -> String {
    format!("timetable-lane-{column}")
}

fn block_id(id: SessionId) -> String {
    format!("timetable-block-{id}")
}

/// The grid row and column under a pointer at (`x`, `y`), kept inside the grid.
fn cell_at(grid: &Grid, x: f64, y: f64) -> Option<(i64, usize)> {
    let (_, top, _, height) = dom::rect_of(GRID_ID)?;
    if height <= 0.0 {
        return None;
    }
    let row = grid.row_at((y - top) / height);
    let mut column = 0;
    for c in 0..grid.columns.len() {
        if let Some((left, _, _, _)) = dom::rect_of(&lane_id(c)) {
            if x >= left {
                column = c;
            }
        }
    }
    Some((row, column))
}

fn grid_column(column: usize, span: usize) -> String {
    format!("{} / span {}", column + 2, span)
}

fn grid_row(row: i64, rows: i64) -> String {
    format!("{} / span {}", row + 1, rows.max(1))
}

/// The grid's scrolling view.
const SCROLL_ID: &str = "timetable-view";

/// How far a drag held at (`x`, `y`) scrolls the view `id` each frame: up to 16 px towards an
/// edge it is within 48 px of (the room names' band counted as the top edge); `None` away
/// from every edge.
fn edge_speed(id: &str, x: f64, y: f64) -> Option<(f64, f64)> {
    const BAND: f64 = 48.0;
    const HEAD: f64 = 40.0;
    let (left, top, width, height) = dom::rect_of(id)?;
    let towards = |at: f64, low: f64, high: f64| {
        if at > high - BAND {
            ((at - (high - BAND)) / BAND).min(1.0) * 16.0
        } else if at < low + BAND {
            -((low + BAND - at) / BAND).min(1.0) * 16.0
        } else {
            0.0
        }
    };
    let dx = towards(x, left + HEAD, left + width);
    let dy = towards(y, top + HEAD, top + height);
    (dx != 0.0 || dy != 0.0).then_some((dx.round(), dy.round()))
}

/// Whether a press may start a drag: the main button, on the grid. On a phone the day is a
/// list (no lanes drawn): a touch there scrolls it or opens a session.
fn can_drag(ev: &leptos::ev::PointerEvent) -> bool {
    ev.button() == 0 && dom::rect_of(&lane_id(0)).is_some_and(|(_, _, w, _)| w > 0.0)
}

/// Runs `step` once a frame for as long as it returns true.
fn every_frame(step: impl Fn() -> bool + Copy + 'static) {
    request_animation_frame(move || {
        if step() {
            every_frame(step);
        }
    });
}

/// The Timetable part: day tabs, then the day's grid.
#[component]
pub fn TimetablePart() -> impl IntoView {
    let state = use_app_state();
    let meeting = state.meeting();
    let super::DayChoice {
        chosen: day,
        days,
        current: current_day,
    } = super::DayChoice::used();
    let grid = Memo::new(move |_| {
        let d = current_day.get()?;
        meeting.with(|m| Grid::of(m, d))
    });
    let ids = Memo::new(move |_| {
        grid.with(|g| {
            g.as_ref()
                .map(|g| g.blocks.iter().map(|b| b.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    // The sessions with no time yet: the Unscheduled tray (id, title, length in minutes,
    // placement).
    let waiting = Memo::new(move |_| {
        meeting.with(|m| {
            m.unscheduled()
                .into_iter()
                .map(|s| (s.id, s.title.clone(), s.duration_minutes(), s.placement))
                .collect::<Vec<_>>()
        })
    });
    // Sessions with an open error or warning: marked on their blocks.
    let troubled = Memo::new(move |_| {
        state.findings.with(|f| {
            f.iter()
                .filter(|f| !f.dismissed && f.severity != Severity::Note)
                .flat_map(|f| f.sessions.iter().copied())
                .collect::<HashSet<SessionId>>()
        })
    });
    // What the live region says: the block after a move, or why a move was refused.
    let said = RwSignal::new(String::new());
    let drag = StoredValue::new(None::<Drag>);
    let target = RwSignal::new(None::<Target>);
    let clashing = RwSignal::new(Vec::<SessionId>::new());
    // A drag ends in a click on the block; that click does not open the session.
    let dragged = StoredValue::new(false);
    let slot = RwSignal::new(None::<(i64, usize)>);

    // The session open in the panel beside the grid: Enter or a click opens it, Escape or
    // Close closes it, and the focus goes into the form and back to the block.
    let editing = RwSignal::new(None::<SessionId>);
    let drawn = super::Drawn::<SessionId, crate::domain::Session>::new();
    Effect::new(move |before: Option<Option<SessionId>>| {
        let now = editing.get();
        match (before.flatten(), now) {
            (_, Some(_)) => dom::reveal("session-form".into()),
            // Back on its block, or on its place in the tray when it has no time now.
            (Some(was), None) => match dom::rect_of(&block_id(was)) {
                Some(_) => dom::focus_id(block_id(was)),
                None => dom::focus_id(format!("timetable-waiting-{was}")),
            },
            (None, None) => {}
        }
        now
    });
    let run = move |id: SessionId, edit: Result<Option<Edit>, crate::domain::EditError>| {
        match edit.and_then(|e| e.map(|e| state.apply(e)).transpose()) {
            Ok(Some(())) => {
                if let Some(text) = meeting.with_untracked(|m| timetable::announcement(m, id)) {
                    said.set(text);
                }
                // A block moved past another changes place in the page (Tab follows the
                // times), which takes the focus away: it goes back.
                dom::focus_id(block_id(id));
            }
            Ok(None) => said.set("It cannot go further that way.".into()),
            Err(e) => {
                said.set(e.to_string());
                state.notice.set(Some(Notice::error(e.to_string())));
            }
        }
    };

    let remove = move |id: SessionId| match state.remove(ItemId::Session(id)) {
        Ok(text) => {
            if editing.get_untracked() == Some(id) {
                editing.set(None);
            }
            said.set(format!("{text} Undo brings it back."));
            dom::focus_id(GRID_ID.into());
        }
        Err(e) => state.notice.set(Some(Notice::error(e.to_string()))),
    };

    // A drag let go of with Escape puts nothing anywhere; true when there was one.
    let let_go = move |ev: &leptos::ev::KeyboardEvent| {
        if ev.key() != "Escape" || drag.with_value(Option::is_none) {
            return false;
        }
        drag.set_value(None);
        target.set(None);
        clashing.set(Vec::new());
        true
    };

    let on_key = move |id: SessionId, ev: leptos::ev::KeyboardEvent| {
        if let_go(&ev) {
            return;
        }
        if ev.key() == "Delete" {
            ev.prevent_default();
            remove(id);
            return;
        }
        let Some(mv) = timetable::key_move(&ev.key(), ev.shift_key(), ev.alt_key()) else {
            return;
        };
        ev.prevent_default();
        let edit = meeting.with_untracked(|m| timetable::moved(m, id, mv));
        run(id, edit);
    };

    // The target under the pointer, and what would clash there.
    let follow_at = move |x: f64, y: f64| {
        let Some(d) = drag.get_value() else {
            return;
        };
        let Some(next) = grid.with_untracked(|g| {
            let g = g.as_ref()?;
            let (row, column) = cell_at(g, x, y)?;
            let (_, from_column, rows) = d.from;
            let span = d.span;
            Some(match d.grab {
                Grab::Block => {
                    let top = (row - d.offset).clamp(0, (g.rows - rows).max(0));
                    let column = if span > 1 { from_column } else { column };
                    Target {
                        row: top,
                        column,
                        rows,
                        span,
                        time: g.span_text(top, rows),
                    }
                }
                Grab::End => {
                    let (from_row, _, _) = d.from;
                    let rows = (row + 1 - from_row).max(1);
                    Target {
                        row: from_row,
                        column: from_column,
                        rows,
                        span,
                        time: g.span_text(from_row, rows),
                    }
                }
            })
        }) else {
            return;
        };
        if target.with_untracked(|t| t.as_ref() == Some(&next)) {
            return;
        }
        let clashes = match d.grab {
            Grab::Block => meeting.with_untracked(|m| {
                grid.with_untracked(|g| {
                    g.as_ref()
                        .map(|g| {
                            timetable::clashes_at(m, g, d.id, g.minutes_at(next.row), next.column)
                        })
                        .unwrap_or_default()
                })
            }),
            Grab::End => Vec::new(),
        };
        if clashing.with_untracked(|c| *c != clashes) {
            clashing.set(clashes);
        }
        target.set(Some(next));
    };

    // Held near an edge of the grid's view, a drag scrolls it that way (faster nearer the
    // edge), every frame until the pointer moves away or lets go; the target follows.
    let pointer = StoredValue::new((0.0_f64, 0.0_f64));
    let scrolling = StoredValue::new(false);
    let scroll_step = move || {
        let (x, y) = pointer.get_value();
        let speed = edge_speed(SCROLL_ID, x, y).filter(|_| drag.with_value(Option::is_some));
        let Some((dx, dy)) = speed else {
            scrolling.set_value(false);
            return false;
        };
        dom::scroll_by(SCROLL_ID, dx, dy);
        follow_at(x, y);
        true
    };
    let follow = move |ev: &leptos::ev::PointerEvent| {
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        pointer.set_value((x, y));
        follow_at(x, y);
        if drag.with_value(Option::is_some)
            && !scrolling.get_value()
            && edge_speed(SCROLL_ID, x, y).is_some()
        {
            scrolling.set_value(true);
            every_frame(scroll_step);
        }
    };

    // A drag begins: what is held, and the pointer kept by the element pressed.
    let hold = move |held: Drag, ev: &leptos::ev::PointerEvent| {
        drag.set_value(Some(held));
        dragged.set_value(false);
        if let Some(el) = ev
            .current_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
    };

    let on_down = move |id: SessionId, ev: leptos::ev::PointerEvent| {
        if !can_drag(&ev) {
            return;
        }
        let Some(b) = grid.with_untracked(|g| {
            g.as_ref()
                .and_then(|g| g.blocks.iter().find(|b| b.id == id).cloned())
        }) else {
            return;
        };
        let on_edge = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| el.class_list().contains("timetable__edge"));
        let Some((row, _)) = grid.with_untracked(|g| {
            g.as_ref()
                .and_then(|g| cell_at(g, f64::from(ev.client_x()), f64::from(ev.client_y())))
        }) else {
            return;
        };
        let held = Drag {
            id,
            grab: if on_edge { Grab::End } else { Grab::Block },
            offset: (row - b.row).clamp(0, b.rows - 1),
            from: (b.row, b.column, b.rows),
            span: b.span,
        };
        hold(held, &ev);
    };

    // A session taken from the tray: held by its top, as long as it is and as many columns
    // as its block would cover, from nowhere (row -1 is never a target: any drop moves it).
    let on_tray_down =
        move |id: SessionId, minutes: i64, placement: Placement, ev: leptos::ev::PointerEvent| {
            let Some((column, span)) =
                grid.with_untracked(|g| g.as_ref().map(|g| g.column_span(placement)))
            else {
                return;
            };
            if !can_drag(&ev) {
                return;
            }
            let held = Drag {
                id,
                grab: Grab::Block,
                offset: 0,
                from: (-1, column, (minutes / timetable::SNAP_MINUTES).max(1)),
                span,
            };
            hold(held, &ev);
        };

    // "Add to this day": the first time a room is free for it.
    let schedule_here = move |id: SessionId| {
        let edit = meeting.with_untracked(|m| {
            grid.with_untracked(|g| {
                g.as_ref()
                    .map(|g| timetable::placed_where_free(m, g, id).map(Some))
            })
        });
        if let Some(edit) = edit {
            run(id, edit);
        }
    };

    let finish_drag = move |drop_it: bool| {
        let Some(d) = drag.get_value() else {
            return;
        };
        drag.set_value(None);
        let landed = target.get_untracked();
        target.set(None);
        if !clashing.with_untracked(Vec::is_empty) {
            clashing.set(Vec::new());
        }
        let Some(t) = landed.filter(|_| drop_it) else {
            return;
        };
        if (t.row, t.column, t.rows) == d.from {
            return;
        }
        // The click that ends a drag opens nothing; then clicks count again (a session
        // dropped from the tray is gone from under the pointer before its click).
        dragged.set_value(true);
        set_timeout(move || dragged.set_value(false), std::time::Duration::ZERO);
        let edit = meeting.with_untracked(|m| {
            grid.with_untracked(|g| {
                let g = g
                    .as_ref()
                    .ok_or(crate::domain::EditError::NotFound(ItemId::Session(d.id)))?;
                match d.grab {
                    Grab::Block => {
                        timetable::dropped(m, g, d.id, g.minutes_at(t.row), t.column).map(Some)
                    }
                    Grab::End => {
                        timetable::resized(m, d.id, g.minutes_at(t.row + t.rows)).map(Some)
                    }
                }
            })
        });
        run(d.id, edit);
    };

    let on_click = move |id: SessionId| {
        if dragged.get_value() {
            dragged.set_value(false);
            return;
        }
        editing.set(Some(id));
    };

    let block = move |id: SessionId| {
        let data = Memo::new(move |_| {
            grid.with(|g| {
                g.as_ref()
                    .and_then(|g| g.blocks.iter().find(|b| b.id == id).cloned())
            })
        });
        // The button is made once and follows its block, so the focus stays on it through a
        // move.
        let shown = move |f: fn(&Block) -> String| {
            move || data.with(|b| b.as_ref().map(f).unwrap_or_default())
        };
        view! {
            <button
                type="button"
                id=block_id(id)
                class="timetable__block"
                class:timetable__block--all=move || data.with(|b| b.as_ref().is_some_and(|b| b.span > 1))
                class:timetable__block--clash=move || clashing.with(|c| c.contains(&id))
                class:timetable__block--trouble=move || troubled.with(|t| t.contains(&id))
                class:timetable__block--dragged=move || target.with(|t| t.is_some()) && drag.with_value(|d| d.is_some_and(|d| d.id == id))
                style:grid-column=shown(|b| grid_column(b.column, b.span))
                style:grid-row=shown(|b| grid_row(b.row, b.rows))
                aria-label=shown(Block::label)
                aria-keyshortcuts="ArrowUp ArrowDown ArrowLeft ArrowRight Alt+ArrowUp Alt+ArrowDown Delete"
                on:keydown=move |ev| on_key(id, ev)
                on:pointerdown=move |ev| on_down(id, ev)
                on:pointermove=move |ev| follow(&ev)
                on:pointerup=move |_| finish_drag(true)
                on:pointercancel=move |_| finish_drag(false)
                on:click=move |_| on_click(id)
            >
                <span class="timetable__time">{shown(|b| b.time.clone())}</span>
                <span class="timetable__title">{shown(|b| b.title.clone())}</span>
                // Shown in the phone's list, where no column says it.
                <span class="timetable__place">{shown(|b| b.place.clone())}</span>
                <span class="timetable__edge" aria-hidden="true"></span>
            </button>
        }
    };

    let on_lane = move |column: usize, ev: leptos::ev::MouseEvent| {
        let Some(cell) = grid.with_untracked(|g| {
            g.as_ref().and_then(|g| {
                cell_at(g, f64::from(ev.client_x()), f64::from(ev.client_y()))
                    .map(|(row, _)| (g.minutes_at(row), column))
            })
        }) else {
            return;
        };
        slot.set(Some(cell));
        dom::focus_id("timetable-template".into());
    };

    let on_add = move |ev: leptos::ev::SubmitEvent| {
        let Some(form) = Submitted::from_event(&ev) else {
            return;
        };
        let Some((minutes, column)) = slot.get_untracked() else {
            return;
        };
        let template = form
            .field("template")
            .and_then(|slug| Template::find(&slug))
            .unwrap_or(TEMPLATES[0]);
        let added = meeting.with_untracked(|m| {
            grid.with_untracked(|g| {
                g.as_ref()
                    .map(|g| timetable::added(m, g, template, minutes, column))
            })
        });
        let Some((edit, id)) = added else {
            return;
        };
        match state.apply(edit) {
            Ok(()) => {
                slot.set(None);
                if let Some(text) = meeting.with_untracked(|m| timetable::announcement(m, id)) {
                    said.set(format!("Added {text}"));
                }
                dom::focus_id(block_id(id));
            }
            Err(e) => state.notice.set(Some(Notice::error(e.to_string()))),
        }
    };

    let add_form = move || {
        let (minutes, column) = slot.get()?;
        let place = grid.with(|g| {
            g.as_ref()
                .and_then(|g| g.columns.get(column).map(|c| c.name.clone()))
        })?;
        let at = timetable::clock(minutes);
        Some(view! {
            <form class="timetable__add" aria-label="New session in the timetable" on:submit=on_add
                on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { slot.set(None); }>
                <p>{format!("New session at {at} in {place}")}</p>
                <label for="timetable-template">"Session"</label>
                <select id="timetable-template" name="template">
                    {TEMPLATES.into_iter().map(|t| view! { <option value=t.slug>{t.title}</option> }).collect_view()}
                </select>
                <button type="submit">"Add session"</button>
                <button type="button" on:click=move |_| slot.set(None)>"Cancel"</button>
            </form>
        })
    };

    // The grid's frame (rooms, hours) is drawn again only when it changes, not for a move:
    // the blocks inside follow the moves on their own.
    let frame = Memo::new(move |_| {
        grid.with(|g| {
            g.as_ref()
                .map(|g| (g.columns.clone(), g.rows, g.hours.clone()))
        })
    });
    let body = move || {
        let (names, rows, hour_lines) = frame.get()?;
        let columns = names.len();
        let head = names
            .iter()
            .enumerate()
            .map(|(i, c)| view! { <div class="timetable__room" style:grid-column=grid_column(i, 1)>{c.name.clone()}</div> })
            .collect_view();
        let hours = hour_lines
            .iter()
            .map(|(row, label)| view! {
                <div class="timetable__hour" style:grid-row=grid_row(*row, 60 / timetable::SNAP_MINUTES)>
                    <span>{label.clone()}</span>
                </div>
            })
            .collect_view();
        let lanes = (0..columns)
            .map(|c| {
                view! {
                    <div class="timetable__lane" id=lane_id(c) style:grid-column=grid_column(c, 1)
                        on:click=move |ev| on_lane(c, ev)></div>
                }
            })
            .collect_view();
        Some(view! {
            <div class="timetable" id=SCROLL_ID style:--rooms=columns.to_string() style:--rows=rows.to_string()>
                <div class="timetable__head" aria-hidden="true">
                    <div class="timetable__corner"></div>
                    {head}
                </div>
                <div class="timetable__grid" id=GRID_ID tabindex="-1" role="group"
                    aria-label=format!("Timetable, {} rooms; click an empty slot to add a session", columns)>
                    {hours}
                    {lanes}
                    <For each=move || ids.get() key=|id| *id let:id>
                        {block(id)}
                    </For>
                    {move || target.get().map(|t| view! {
                        <div class="timetable__ghost" class:timetable__ghost--clash=move || !clashing.with(Vec::is_empty)
                            style:grid-column=grid_column(t.column, t.span) style:grid-row=grid_row(t.row, t.rows)
                            aria-hidden="true">{t.time}</div>
                    })}
                </div>
            </div>
        })
    };

    view! {
        <section class="editor__section" aria-labelledby="timetable-heading">
            <h2 id="timetable-heading">"Timetable"</h2>
            <p class="timetable__help" id="timetable-help">
                <span class="timetable__help-grid">"Drag a session to move it, its lower edge to change its end. "</span>
                <span class="timetable__help-list">"Tap a session to change its time, room or anything else. "</span>
                "On a session: arrow keys move it (Shift: 15 minutes), Alt+↑/↓ change its length, Enter opens it, Delete removes it."
            </p>
            {move || if days.with(Vec::is_empty) {
                Some(view! { <p class="empty">"Add a day first (Setup)."</p> })
            } else {
                None
            }}
            <DayTabs days=days selected=current_day on_select=move |id: DayId| { slot.set(None); editing.set(None); day.set(Some(id)); }/>
            <div class="timetable__panel" role="tabpanel"
                class:timetable__panel--open=move || editing.with(Option::is_some)
                aria-labelledby=move || current_day.get().map(|id| format!("day-tab-{id}")).unwrap_or_default()>
                {move || {
                    let list = waiting.get();
                    (!list.is_empty()).then(|| view! {
                        <section class="timetable__tray" aria-labelledby="timetable-tray-heading">
                            <h3 id="timetable-tray-heading">{format!("Unscheduled ({})", list.len())}</h3>
                            <p class="timetable__tray-help">"No time yet: add one to this day where a room is first free, or drag it onto the grid."</p>
                            <ul>
                                {list.into_iter().map(|(id, title, minutes, placement)| {
                                    let add_name = format!("Add “{title}” to this day");
                                    let name = format!("{title}, {minutes} minutes, no time yet");
                                    view! {
                                        <li>
                                            <button type="button" id=format!("timetable-waiting-{id}") class="timetable__waiting"
                                                aria-label=name
                                                aria-keyshortcuts="Delete"
                                                on:keydown=move |ev: leptos::ev::KeyboardEvent| if !let_go(&ev) && ev.key() == "Delete" { ev.prevent_default(); remove(id); }
                                                on:pointerdown=move |ev| on_tray_down(id, minutes, placement, ev)
                                                on:pointermove=move |ev| follow(&ev)
                                                on:pointerup=move |_| finish_drag(true)
                                                on:pointercancel=move |_| finish_drag(false)
                                                on:click=move |_| on_click(id)
                                            >
                                                <span class="timetable__time">{format!("{minutes} min")}</span>
                                                <span class="timetable__title">{title}</span>
                                            </button>
                                            <button type="button" class="button--quiet" aria-label=add_name
                                                on:click=move |_| schedule_here(id)>"Add to this day"</button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </section>
                    })
                }}
                // On a phone, where no empty slot is there to click: a session after the day's last.
                <button type="button" class="timetable__list-add" on:click=move |_| {
                    if let Some(cell) = grid.with_untracked(|g| g.as_ref().map(Grid::after_last)) {
                        slot.set(Some(cell));
                        dom::focus_id("timetable-template".into());
                    }
                }>"Add a session to this day"</button>
                {add_form}
                {body}
                {move || editing.get().map(|id| view! {
                    <aside class="timetable__side" aria-label="The session open"
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { ev.prevent_default(); editing.set(None); }>
                        {super::sessions::lone_session_form(state, id, editing, drawn)}
                    </aside>
                })}
            </div>
            <p class="visually-hidden" role="status" aria-live="polite" aria-label="Timetable moves">{move || said.get()}</p>
        </section>
    }
}
