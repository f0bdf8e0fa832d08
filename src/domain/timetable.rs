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
        named(&self.title, &self.time, &self.place)
    }
}

fn named(title: &str, time: &str, place: &str) -> String {
    format!("{title}, {time}, {place}")
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
        let blocks = sessions
            .iter()
            .map(|s| {
                let (column, span) = column_span(&columns, s.placement);
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

    /// The first column and how many a session at `placement` covers (what its block would
    /// span, for one held over the grid before it has a block).
    pub fn column_span(&self, placement: Placement) -> (usize, usize) {
        column_span(&self.columns, placement)
    }

    /// Where a session added without a slot goes: in the first room, when the day's last
    /// session ends (the day's first hour when it has none), in minutes, and the column.
    pub fn after_last(&self) -> (i64, usize) {
        let row = self
            .blocks
            .iter()
            .map(|b| b.row + b.rows)
            .max()
            .unwrap_or(0)
            .min((self.rows - 1).max(0));
        (self.minutes_at(row), 0)
    }

    /// The first place a session `minutes` long fits on the day: the earliest start on the
    /// grid's lines, within the day's hours, at which a room (every room, for one in all
    /// rooms) is free for that long, in minutes, and the column. `None` when none is.
    pub fn free_slot(&self, m: &Meeting, minutes: i64, all_rooms: bool) -> Option<(i64, usize)> {
        let day = m.day(self.day)?;
        let minutes = minutes.max(SNAP_MINUTES);
        let open = (day.starts() + SNAP_MINUTES - 1).div_euclid(SNAP_MINUTES) * SNAP_MINUTES;
        let busy = |column: usize, start: i64| {
            self.blocks.iter().any(|b| {
                b.column <= column
                    && column < b.column + b.span
                    && self.minutes_at(b.row) < start + minutes
                    && start < self.minutes_at(b.row + b.rows)
            })
        };
        let columns = self.columns.len();
        (open..=day.ends() - minutes)
            .step_by(SNAP_MINUTES as usize)
            .find_map(|start| {
                if all_rooms {
                    (0..columns).all(|c| !busy(c, start)).then_some((start, 0))
                } else {
                    (0..columns).find(|&c| !busy(c, start)).map(|c| (start, c))
                }
            })
    }

    /// The minutes after midnight a row starts at.
    pub fn minutes_at(&self, row: i64) -> i64 {
        self.from + row * SNAP_MINUTES
    }

    /// "09:00–10:15" for `rows` rows from `row`: a dragged block's target time.
    pub fn span_text(&self, row: i64, rows: i64) -> String {
        format!(
            "{}–{}",
            clock(self.minutes_at(row)),
            clock(self.minutes_at(row + rows))
        )
    }

    /// The row a pointer `fraction` of the way down the grid (0 at its top, 1 at its bottom)
    /// falls in, kept inside the grid.
    pub fn row_at(&self, fraction: f64) -> i64 {
        let row = (fraction * self.rows as f64).floor() as i64;
        row.clamp(0, (self.rows - 1).max(0))
    }
}

/// "16:30" for minutes after the day's midnight (the next day's early hours as "01:30").
pub fn clock(minutes: i64) -> String {
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

/// A session put on the grid's day where a room (every room, for one in all rooms) is first
/// free for its length: what *Add to this day* does with a session of the Unscheduled tray.
pub fn placed_where_free(m: &Meeting, grid: &Grid, id: SessionId) -> Result<Edit, EditError> {
    let s = find(m, id)?;
    let minutes = s.duration_minutes();
    match grid.free_slot(m, minutes, s.placement == Placement::AllRooms) {
        Some((start, column)) => dropped(m, grid, id, start, column),
        None => Err(EditError::NoFreeSlot {
            title: s.title.clone(),
            minutes,
        }),
    }
}

/// The first column and how many a session at `placement` covers: one room's, or all.
fn column_span(columns: &[Column], placement: Placement) -> (usize, usize) {
    match placement {
        Placement::AllRooms => (0, columns.len()),
        Placement::Room(id) => (
            columns
                .iter()
                .position(|c| c.placement == Placement::Room(id))
                .unwrap_or(0),
            1,
        ),
    }
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
    Some(named(
        &s.title,
        &time_range(s),
        &m.placement_label(s.placement),
    ))
}
