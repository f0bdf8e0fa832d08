//! The timetable: one day's sessions on a time × room grid (a row per five minutes, a column
//! per room, an all-rooms session across every column), and the moves made on it — by keys
//! (a 5- or 15-minute step, the neighbouring room, 5 minutes longer or shorter), by dragging a
//! block to a time and a room or its lower edge to a new end, and a new session in an empty
//! slot. Each move is one [`Edit`]; what would clash where a block is being dragged is found
//! here too, so the screen can mark it before the drop.

use chrono::NaiveTime;

use super::commands::NUDGE_MINUTES;
use super::schedule::hh_mm;
use super::session::{minutes_of, time_of};
use super::{
    DayId, Edit, EditError, Item, ItemId, Meeting, Placement, RoomId, Session, SessionId, Template,
};

/// Minutes per grid row: where a drag snaps and what one arrow key moves.
pub const SNAP_MINUTES: i64 = NUDGE_MINUTES;
/// What Shift with an arrow key moves.
pub const BIG_STEP_MINUTES: i64 = 15;
/// The shortest a session can be made by shortening it.
pub const SHORTEST_MINUTES: i64 = SNAP_MINUTES;

/// A column of the grid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The room; `AllRooms` for the one column of a meeting without rooms.
    pub placement: Placement,
    pub name: String,
}

/// A session as drawn on the grid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub id: SessionId,
    pub title: String,
    /// "09:00–10:15".
    pub time: String,
    /// The room's name, or "All rooms".
    pub place: String,
    /// First column (from 0) and how many it spans.
    pub column: usize,
    pub span: usize,
    /// First row (from 0) and how many it covers (at least one).
    pub row: i64,
    pub rows: i64,
}

impl Block {
    /// What a screen reader says for the block, and what a move announces:
    /// "Gendering R2P, 16:30–17:45, Hall of the Americas".
    pub fn label(&self) -> String {
        format!("{}, {}, {}", self.title, self.time, self.place)
    }
}

/// One day as a grid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grid {
    pub day: DayId,
    /// Minutes after the day's midnight of the first row (a whole hour).
    pub from: i64,
    /// How many rows of [`SNAP_MINUTES`].
    pub rows: i64,
    pub columns: Vec<Column>,
    /// The hour lines: row and "09:00".
    pub hours: Vec<(i64, String)>,
    /// The day's sessions in programme order.
    pub blocks: Vec<Block>,
}

impl Grid {
    /// The day's grid: from the hour at or before the day's start (or its first session) to the
    /// hour at or after its end (or its last session's), a column per room of the meeting.
    pub fn of(m: &Meeting, day: DayId) -> Option<Grid> {
        let d = m.days.iter().find(|d| d.id == day)?;
        let sessions = m.sessions_on(day);
        let day_end = minutes_of(d.end) + if d.ends_next_day { 1440 } else { 0 };
        let first = sessions
            .iter()
            .map(|s| s.starts())
            .chain([minutes_of(d.start)])
            .min()
            .unwrap_or(0);
        let last = sessions
            .iter()
            .map(|s| s.ends())
            .chain([day_end])
            .max()
            .unwrap_or(1440);
        let from = first - first.rem_euclid(60);
        let to = (last + 59).div_euclid(60) * 60;
        let to = to.max(from + 60);
        let columns: Vec<Column> = if m.rooms.is_empty() {
            vec![Column {
                placement: Placement::AllRooms,
                name: "All rooms".into(),
            }]
        } else {
            m.rooms
                .iter()
                .map(|r| Column {
                    placement: Placement::Room(r.id),
                    name: r.name.clone(),
                })
                .collect()
        };
        let column_of = |p: Placement| match p {
            Placement::AllRooms => (0, columns.len()),
            Placement::Room(id) => (
                columns
                    .iter()
                    .position(|c| c.placement == Placement::Room(id))
                    .unwrap_or(0),
                1,
            ),
        };
        let blocks = sessions
            .iter()
            .map(|s| {
                let (column, span) = column_of(s.placement);
                Block {
                    id: s.id,
                    title: s.title.clone(),
                    time: time_range(s),
                    place: m.placement_label(s.placement),
                    column,
                    span,
                    row: (s.starts() - from) / SNAP_MINUTES,
                    rows: (s.duration_minutes() / SNAP_MINUTES).max(1),
                }
            })
            .collect();
        let hours = (from..to)
            .step_by(60)
            .map(|t| ((t - from) / SNAP_MINUTES, clock(t)))
            .collect();
        Some(Grid {
            day,
            from,
            rows: (to - from) / SNAP_MINUTES,
            columns,
            hours,
            blocks,
        })
    }

    /// The column of a room.
    pub fn column(&self, room: RoomId) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| c.placement == Placement::Room(room))
    }

    /// The minutes after midnight a row starts at.
    pub fn minutes_at(&self, row: i64) -> i64 {
        self.from + row * SNAP_MINUTES
    }

    /// The row a pointer `fraction` of the way down the grid (0 at its top, 1 at its bottom)
    /// falls in, kept inside the grid.
    pub fn row_at(&self, fraction: f64) -> i64 {
        let row = (fraction * self.rows as f64).floor() as i64;
        row.clamp(0, (self.rows - 1).max(0))
    }
}

/// "16:30" for minutes after the day's midnight (past 24:00 for the next day's early hours).
fn clock(minutes: i64) -> String {
    let m = minutes.rem_euclid(1440);
    format!("{:02}:{:02}", m / 60, m % 60)
}

fn time_range(s: &Session) -> String {
    format!("{}–{}", hh_mm(s.start), hh_mm(s.end))
}

/// A move made on the timetable with the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// Later by these minutes (earlier when negative).
    Time(i64),
    /// To the neighbouring room: right (+1) or left (-1).
    Room(i8),
    /// Longer by these minutes (shorter when negative): the end moves, the start stays.
    Length(i64),
}

/// What a key on a block does: ArrowDown/ArrowUp 5 minutes later/earlier (15 with Shift),
/// ArrowRight/ArrowLeft the neighbouring room, Alt+ArrowDown/ArrowUp 5 minutes longer/shorter.
pub fn key_move(key: &str, shift: bool, alt: bool) -> Option<Move> {
    let step = if shift {
        BIG_STEP_MINUTES
    } else {
        SNAP_MINUTES
    };
    match (key, alt) {
        ("ArrowDown", false) => Some(Move::Time(step)),
        ("ArrowUp", false) => Some(Move::Time(-step)),
        ("ArrowDown", true) => Some(Move::Length(SNAP_MINUTES)),
        ("ArrowUp", true) => Some(Move::Length(-SNAP_MINUTES)),
        ("ArrowRight", false) => Some(Move::Room(1)),
        ("ArrowLeft", false) => Some(Move::Room(-1)),
        _ => None,
    }
}

fn find(m: &Meeting, id: SessionId) -> Result<&Session, EditError> {
    m.session(id)
        .ok_or(EditError::NotFound(ItemId::Session(id)))
}

/// The edit a keyboard move makes, or `None` when there is nowhere to go (the last room, an
/// all-rooms session moved sideways). A move that would leave the day or break the meeting is
/// refused when the edit is applied.
pub fn moved(m: &Meeting, id: SessionId, mv: Move) -> Result<Option<Edit>, EditError> {
    let s = find(m, id)?;
    match mv {
        Move::Time(minutes) => Ok(Some(Edit::nudge(id, minutes))),
        Move::Length(minutes) => resized(m, id, s.ends() + minutes).map(Some),
        Move::Room(step) => {
            let Placement::Room(room) = s.placement else {
                return Ok(None);
            };
            let at = m.rooms.iter().position(|r| r.id == room);
            let next = at
                .and_then(|i| i.checked_add_signed(isize::from(step)))
                .and_then(|i| m.rooms.get(i));
            match next {
                None => Ok(None),
                Some(r) => {
                    Edit::move_session(m, id, s.day, s.start, Placement::Room(r.id)).map(Some)
                }
            }
        }
    }
}

/// The session ending at `end` (minutes after its day's midnight, snapped to the grid), its
/// start kept; at least [`SHORTEST_MINUTES`] long.
pub fn resized(m: &Meeting, id: SessionId, end: i64) -> Result<Edit, EditError> {
    let s = find(m, id)?;
    let end = snap(end).max(s.starts() + SHORTEST_MINUTES);
    let mut session = s.clone();
    session.end = time_of(end.rem_euclid(1440)).ok_or(EditError::PastMidnight {
        title: s.title.clone(),
        minutes: end - s.ends(),
    })?;
    session.ends_next_day = end >= 1440;
    if end >= 2 * 1440 {
        return Err(EditError::PastMidnight {
            title: s.title.clone(),
            minutes: end - s.ends(),
        });
    }
    Ok(Edit::Put(Box::new(Item::Session(session))))
}

/// Where a dragged block lands: its start at `start` (snapped), in `column` of the grid (an
/// all-rooms session stays across all rooms), its length kept.
pub fn dropped(
    m: &Meeting,
    grid: &Grid,
    id: SessionId,
    start: i64,
    column: usize,
) -> Result<Edit, EditError> {
    let s = find(m, id)?;
    let (day, start, placement) = landing(grid, s, start, column)?;
    Edit::move_session(m, id, day, start, placement)
}

/// The day, start and place a block dragged to `start` in `column` would have.
fn landing(
    grid: &Grid,
    s: &Session,
    start: i64,
    column: usize,
) -> Result<(DayId, NaiveTime, Placement), EditError> {
    let start = snap(start);
    let time = time_of(start).ok_or(EditError::PastMidnight {
        title: s.title.clone(),
        minutes: start - s.starts(),
    })?;
    let placement = match s.placement {
        Placement::AllRooms => Placement::AllRooms,
        Placement::Room(_) => grid
            .columns
            .get(column)
            .map(|c| c.placement)
            .unwrap_or(s.placement),
    };
    Ok((grid.day, time, placement))
}

/// `minutes` to the nearest grid line.
pub fn snap(minutes: i64) -> i64 {
    (minutes + SNAP_MINUTES / 2).div_euclid(SNAP_MINUTES) * SNAP_MINUTES
}

/// The sessions a block would clash with if it were dragged to `start` in `column` (the same
/// room, or either across all rooms, at overlapping times; or a person of it elsewhere at the
/// same time), with the block itself first when there are any: what a screen marks while the
/// block is being dragged.
pub fn clashes_at(
    m: &Meeting,
    grid: &Grid,
    id: SessionId,
    start: i64,
    column: usize,
) -> Vec<SessionId> {
    let Some(s) = m.session(id) else {
        return Vec::new();
    };
    let Ok((day, time, placement)) = landing(grid, s, start, column) else {
        return Vec::new();
    };
    let from = minutes_of(time);
    let to = from + s.duration_minutes();
    let shares_room = |p: Placement| match (p, placement) {
        (Placement::AllRooms, _) | (_, Placement::AllRooms) => true,
        (Placement::Room(a), Placement::Room(b)) => a == b,
    };
    let shares_person = |o: &Session| {
        o.participants
            .iter()
            .any(|p| s.participants.iter().any(|q| q.person == p.person))
    };
    let mut clashes: Vec<SessionId> = m
        .sessions
        .iter()
        .filter(|o| o.id != id && o.day == day && o.starts() < to && from < o.ends())
        .filter(|o| shares_room(o.placement) || shares_person(o))
        .map(|o| o.id)
        .collect();
    if !clashes.is_empty() {
        clashes.insert(0, id);
    }
    clashes
}

/// A new session from `template` in an empty slot: `start` (snapped) in `column` of the grid;
/// with the new session's id.
pub fn added(
    m: &Meeting,
    grid: &Grid,
    template: Template,
    start: i64,
    column: usize,
) -> (Edit, SessionId) {
    let start = time_of(snap(start).clamp(0, 1440 - SNAP_MINUTES)).unwrap_or(NaiveTime::MIN);
    let placement = grid
        .columns
        .get(column)
        .map(|c| c.placement)
        .unwrap_or(Placement::AllRooms);
    Edit::add_session(m, template, grid.day, start, placement)
}

/// What a screen reader is told after a move: the block's name as it now is.
pub fn announcement(m: &Meeting, id: SessionId) -> Option<String> {
    let s = m.session(id)?;
    Some(format!(
        "{}, {}, {}",
        s.title,
        time_range(s),
        m.placement_label(s.placement)
    ))
}

/// The room a column shows, if it is one.
pub fn column_room(grid: &Grid, column: usize) -> Option<RoomId> {
    match grid.columns.get(column)?.placement {
        Placement::Room(id) => Some(id),
        Placement::AllRooms => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::sample_meeting;
    use crate::domain::{Participant, Person, PersonId, Role, Room, SessionKind, TEMPLATES};

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
        assert_eq!(column_room(&grid, col), Some(b));
        assert_ne!(column_room(&grid, col), Some(a));
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
}
