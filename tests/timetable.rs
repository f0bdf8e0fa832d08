//! The timetable's core (`domain::timetable`): a day as a time × room grid and the moves made
//! on it by keys, by dragging a block or its lower edge, and in an empty slot; what would
//! clash where a block is held.

use agenda_planner::domain::sample::sample_meeting;
use agenda_planner::domain::session::minutes_of;
use agenda_planner::domain::timetable::*;
use agenda_planner::domain::*;
use chrono::NaiveTime;

/// A blank meeting's day (08:00–20:00) with two rooms, A and B, and one person.
fn two_rooms() -> (Meeting, DayId, RoomId, RoomId) {
    let mut m = Meeting::blank(chrono::NaiveDate::from_ymd_opt(2022, 9, 15).unwrap());
    m.days[0].start = at(8, 0);
    m.days[0].end = at(20, 0);
    let day = m.days[0].id;
    let a = m.rooms[0].id;
    m.rooms[0].name = "Room A".into();
    let b = m.new_room_id();
    m.rooms.push(Room {
        id: b,
        name: "Room B".into(),
        ..m.rooms[0].clone()
    });
    m.people.push(Person {
        id: PersonId(1),
        given_name: "Jane".into(),
        family_name: "Doe".into(),
        ..Person::default()
    });
    (m, day, a, b)
}

fn at(h: u32, min: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, min, 0).unwrap()
}

fn put(m: &mut Meeting, id: SessionId, day: DayId, start: NaiveTime, min: i64, p: Placement) {
    let mut s = Session::new(id, TEMPLATES[0], day, start, p);
    s.end = start + chrono::Duration::minutes(min);
    s.title = format!("Session {}", id.0);
    s.kind = SessionKind::Panel;
    m.sessions.push(s);
}

#[test]
fn the_grid_runs_from_the_hour_before_the_day_to_the_hour_after_with_a_column_per_room() {
    let m = sample_meeting();
    let day = m.days_in_order()[0].id;
    let grid = Grid::of(&m, day).unwrap();
    let d = &m.days_in_order()[0];
    assert_eq!(grid.from, minutes_of(d.start) - minutes_of(d.start) % 60);
    assert_eq!(grid.columns.len(), m.rooms.len().max(1));
    assert_eq!(grid.blocks.len(), m.sessions_on(day).len());
    assert_eq!(grid.hours[0].0, 0);
    assert_eq!(grid.hours.len() as i64 * 60 / SNAP_MINUTES, grid.rows);
    for b in &grid.blocks {
        let s = m.session(b.id).unwrap();
        assert_eq!(grid.minutes_at(b.row), s.starts());
        assert_eq!(b.rows * SNAP_MINUTES, s.duration_minutes());
        assert!(b.row + b.rows <= grid.rows);
    }
}

#[test]
fn an_all_rooms_session_spans_every_column_and_a_room_session_one() {
    let (mut m, day, a, b) = two_rooms();
    m.sessions.clear();
    put(&mut m, SessionId(1), day, at(9, 0), 60, Placement::AllRooms);
    put(&mut m, SessionId(2), day, at(10, 0), 30, Placement::Room(b));
    let grid = Grid::of(&m, day).unwrap();
    let all = &grid.blocks[0];
    assert_eq!((all.column, all.span), (0, grid.columns.len()));
    let one = &grid.blocks[1];
    let col = grid.column(b).unwrap();
    assert_eq!((one.column, one.span, one.rows), (col, 1, 6));
    assert_eq!(one.label(), "Session 2, 10:00–10:30, Room B");
    assert_ne!(grid.column(a), Some(col));
    assert_eq!(grid.span_text(one.row, one.rows), "10:00–10:30");
    // What a session held over the grid before it has a block (from the tray) covers.
    assert_eq!(
        grid.column_span(Placement::AllRooms),
        (all.column, all.span)
    );
    assert_eq!(grid.column_span(Placement::Room(b)), (one.column, one.span));
}

#[test]
fn the_exact_keys_move_five_or_fifteen_minutes_change_room_and_length() {
    assert_eq!(key_move("ArrowDown", false, false), Some(Move::Time(5)));
    assert_eq!(key_move("ArrowUp", false, false), Some(Move::Time(-5)));
    assert_eq!(key_move("ArrowDown", true, false), Some(Move::Time(15)));
    assert_eq!(key_move("ArrowUp", true, false), Some(Move::Time(-15)));
    assert_eq!(key_move("ArrowRight", false, false), Some(Move::Room(1)));
    assert_eq!(key_move("ArrowLeft", false, false), Some(Move::Room(-1)));
    assert_eq!(key_move("ArrowDown", false, true), Some(Move::Length(5)));
    assert_eq!(key_move("ArrowUp", false, true), Some(Move::Length(-5)));
    assert_eq!(key_move("Enter", false, false), None);
    assert_eq!(key_move("ArrowLeft", false, true), None);
}

#[test]
fn keyboard_moves_apply_and_are_announced() {
    let (mut m, day, a, b) = two_rooms();
    m.sessions.clear();
    put(
        &mut m,
        SessionId(1),
        day,
        at(16, 30),
        75,
        Placement::Room(a),
    );
    let id = SessionId(1);
    let run = |m: &mut Meeting, mv| {
        let edit = moved(m, id, mv).unwrap().unwrap();
        edit.apply(m).unwrap();
    };
    run(&mut m, Move::Time(15));
    assert_eq!(m.session(id).unwrap().start, at(16, 45));
    run(&mut m, Move::Time(-5));
    assert_eq!(m.session(id).unwrap().start, at(16, 40));
    assert_eq!(m.session(id).unwrap().end, at(17, 55));
    run(&mut m, Move::Room(1));
    assert_eq!(m.session(id).unwrap().placement, Placement::Room(b));
    // The last room: nowhere further right.
    assert_eq!(moved(&m, id, Move::Room(1)).unwrap(), None);
    run(&mut m, Move::Length(5));
    assert_eq!(m.session(id).unwrap().end, at(18, 0));
    run(&mut m, Move::Length(-5));
    assert_eq!(m.session(id).unwrap().end, at(17, 55));
    assert_eq!(
        announcement(&m, id).unwrap(),
        "Session 1, 16:40–17:55, Room B"
    );
}

#[test]
fn an_all_rooms_session_does_not_move_sideways() {
    let (mut m, day, _, _) = two_rooms();
    m.sessions.clear();
    put(&mut m, SessionId(1), day, at(9, 0), 60, Placement::AllRooms);
    assert_eq!(moved(&m, SessionId(1), Move::Room(-1)).unwrap(), None);
}

#[test]
fn shortening_stops_at_five_minutes_and_a_session_cannot_leave_its_day() {
    let (mut m, day, a, _) = two_rooms();
    m.sessions.clear();
    put(&mut m, SessionId(1), day, at(9, 0), 10, Placement::Room(a));
    let id = SessionId(1);
    for _ in 0..3 {
        moved(&m, id, Move::Length(-5))
            .unwrap()
            .unwrap()
            .apply(&mut m)
            .unwrap();
    }
    assert_eq!(m.session(id).unwrap().duration_minutes(), 5);
    // Far too early: refused, and nothing changes.
    let before = m.clone();
    let edit = moved(&m, id, Move::Time(-10 * 60)).unwrap().unwrap();
    assert!(edit.apply(&mut m).is_err());
    assert_eq!(m, before);
}

#[test]
fn a_drop_snaps_to_five_minutes_keeps_the_length_and_takes_the_column_room() {
    let (mut m, day, a, b) = two_rooms();
    m.sessions.clear();
    put(&mut m, SessionId(1), day, at(9, 0), 45, Placement::Room(a));
    let grid = Grid::of(&m, day).unwrap();
    let col_b = grid.column(b).unwrap();
    let edit = dropped(&m, &grid, SessionId(1), 11 * 60 + 7, col_b).unwrap();
    edit.apply(&mut m).unwrap();
    let s = m.session(SessionId(1)).unwrap();
    assert_eq!(
        (s.start, s.end, s.placement),
        (at(11, 5), at(11, 50), Placement::Room(b))
    );
    assert_eq!(snap(11 * 60 + 8), 11 * 60 + 10);
    assert_eq!(snap(-3), -5);
}

#[test]
fn dragging_the_lower_edge_sets_the_end_and_keeps_the_start() {
    let (mut m, day, a, _) = two_rooms();
    m.sessions.clear();
    put(&mut m, SessionId(1), day, at(9, 0), 45, Placement::Room(a));
    resized(&m, SessionId(1), 10 * 60 + 31)
        .unwrap()
        .apply(&mut m)
        .unwrap();
    let s = m.session(SessionId(1)).unwrap();
    assert_eq!((s.start, s.end), (at(9, 0), at(10, 30)));
    // Dragged above its start: five minutes long.
    resized(&m, SessionId(1), 8 * 60)
        .unwrap()
        .apply(&mut m)
        .unwrap();
    assert_eq!(m.session(SessionId(1)).unwrap().end, at(9, 5));
}

#[test]
fn a_block_dragged_onto_a_busy_room_or_person_clashes_with_both_marked() {
    let (mut m, day, a, b) = two_rooms();
    m.sessions.clear();
    let person = m.people[0].id;
    put(&mut m, SessionId(1), day, at(9, 0), 60, Placement::Room(a));
    put(&mut m, SessionId(2), day, at(11, 0), 60, Placement::Room(b));
    put(&mut m, SessionId(3), day, at(14, 0), 60, Placement::Room(a));
    for id in [1, 3] {
        let s = m.sessions.iter_mut().find(|s| s.id.0 == id).unwrap();
        s.participants.push(Participant {
            person,
            role: Role::Panelist,
            status: Default::default(),
            order: 0,
        });
    }
    let grid = Grid::of(&m, day).unwrap();
    let col = |r: RoomId| grid.column(r).unwrap();
    // Session 2's room and time: the room is booked twice.
    assert_eq!(
        clashes_at(&m, &grid, SessionId(1), 11 * 60 + 30, col(b)),
        vec![SessionId(1), SessionId(2)]
    );
    // Another room at session 3's time: its panelist would be in two places.
    assert_eq!(
        clashes_at(&m, &grid, SessionId(1), 14 * 60, col(b)),
        vec![SessionId(1), SessionId(3)]
    );
    // A free slot: nothing.
    assert!(clashes_at(&m, &grid, SessionId(1), 16 * 60, col(b)).is_empty());
}

#[test]
fn a_click_on_an_empty_slot_adds_the_template_there() {
    let (mut m, day, _, b) = two_rooms();
    put(&mut m, SessionId(1), day, at(9, 0), 60, Placement::AllRooms);
    let grid = Grid::of(&m, day).unwrap();
    let col_b = grid.column(b).unwrap();
    let template = Template::find("keynote").unwrap();
    let count = m.sessions.len();
    let (edit, id) = added(&m, &grid, template, 15 * 60 + 2, col_b);
    edit.apply(&mut m).unwrap();
    assert_eq!(m.sessions.len(), count + 1);
    let s = m.session(id).unwrap();
    assert_eq!(
        (s.day, s.start, s.placement),
        (day, at(15, 0), Placement::Room(b))
    );
    assert_eq!(s.duration_minutes(), template.minutes);
}

#[test]
fn a_pointer_position_falls_in_a_row_inside_the_grid() {
    let m = sample_meeting();
    let grid = Grid::of(&m, m.days_in_order()[0].id).unwrap();
    assert_eq!(grid.row_at(0.0), 0);
    assert_eq!(grid.row_at(-0.5), 0);
    assert_eq!(grid.row_at(1.0), grid.rows - 1);
    assert_eq!(grid.row_at(0.5), grid.rows / 2);
}

#[test]
fn a_session_added_without_a_slot_goes_after_the_days_last_in_the_first_room() {
    let (mut m, day, a, b) = two_rooms();
    let grid = Grid::of(&m, day).unwrap();
    assert_eq!(
        grid.after_last(),
        (minutes_of(at(8, 0)), 0),
        "an empty day: its first hour"
    );
    put(&mut m, SessionId(1), day, at(9, 0), 60, Placement::Room(a));
    put(
        &mut m,
        SessionId(2),
        day,
        at(14, 30),
        45,
        Placement::Room(b),
    );
    let grid = Grid::of(&m, day).unwrap();
    assert_eq!(grid.after_last(), (minutes_of(at(15, 15)), 0));
    // A day full to the grid's last row: the last row, never past the grid.
    put(&mut m, SessionId(3), day, at(19, 0), 60, Placement::Room(a));
    let grid = Grid::of(&m, day).unwrap();
    let (minutes, _) = grid.after_last();
    assert!(minutes < grid.minutes_at(grid.rows), "{minutes}");
}

#[test]
fn the_first_free_slot_is_the_earliest_time_a_room_is_free_for_that_long() {
    let (mut m, day, a, b) = two_rooms();
    put(&mut m, SessionId(1), day, at(8, 0), 60, Placement::Room(a));
    put(&mut m, SessionId(2), day, at(8, 0), 30, Placement::Room(b));
    let grid = Grid::of(&m, day).unwrap();
    assert_eq!(
        grid.free_slot(&m, 45, false),
        Some((minutes_of(at(8, 30)), 1)),
        "room B after its 30 minutes"
    );
    assert_eq!(
        grid.free_slot(&m, 45, true),
        Some((minutes_of(at(9, 0)), 0)),
        "all rooms: when both are free"
    );
    // A whole day taken in both rooms: no slot, and a session longer than the day never fits.
    put(
        &mut m,
        SessionId(3),
        day,
        at(9, 0),
        660,
        Placement::AllRooms,
    );
    let grid = Grid::of(&m, day).unwrap();
    assert_eq!(
        grid.free_slot(&m, 30, false),
        Some((minutes_of(at(8, 30)), 1)),
        "exactly the gap"
    );
    assert_eq!(
        grid.free_slot(&m, 31, false),
        None,
        "08:30–09:00 in B is 30 minutes"
    );
    assert_eq!(grid.free_slot(&m, 13 * 60, false), None);
}
