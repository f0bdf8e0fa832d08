//! The name of every form field: what the views write into `name=` and the parsers read.

/// Not a field: the place for a problem of the whole form.
pub const FORM: &str = "_form";
/// The submit buttons' name; their value is an action (`actions`).
pub const ACTION: &str = "action";

// Meeting details.
pub const TITLE: &str = "title";
pub const SHORT_NAME: &str = "short_name";
pub const EDITION: &str = "edition";
pub const HOST: &str = "host";
pub const VENUE: &str = "venue";
pub const CITY: &str = "city";
pub const TIMEZONE: &str = "timezone";
pub const DESCRIPTION: &str = "description";

// Days.
pub const DATE: &str = "date";
pub const LABEL: &str = "label";
pub const START: &str = "start";
pub const END: &str = "end";
/// A checkbox: the session or day ends after midnight.
pub const ENDS_NEXT_DAY: &str = "ends_next_day";
/// A session's "No time yet" box: it goes to the timetable's Unscheduled tray.
pub const UNSCHEDULED: &str = "unscheduled";

// Rooms and themes.
pub const NAME: &str = "name";
pub const CAPACITY: &str = "capacity";
pub const COLOUR: &str = "colour";

// People.
pub const HONORIFIC: &str = "honorific";
pub const GIVEN_NAME: &str = "given_name";
pub const FAMILY_NAME: &str = "family_name";
pub const POSITION: &str = "position";
pub const ORGANIZATION: &str = "organization";
pub const ORGANIZATION_SHORT: &str = "organization_short";
pub const CATEGORY: &str = "category";
pub const BIO: &str = "bio";
pub const AVAILABILITY: &str = "availability";

// Sessions (with TITLE, START, END, DESCRIPTION).
pub const TEMPLATE: &str = "template";
pub const KIND: &str = "kind";
pub const DAY: &str = "day";
pub const ROOM: &str = "room";
pub const THEMES: &str = "themes";
pub const OUTCOMES: &str = "outcomes";

// The meeting's record.
pub const INTRODUCTION: &str = "introduction";
pub const CLOSING: &str = "closing";
pub const RECOMMENDATION: &str = "recommendation";
pub const FROM_SESSIONS: &str = "from_sessions";
pub const SHIFT_LATER: &str = "shift_later";
pub const PARTICIPANT_PERSON: &str = "participant_person";
pub const PARTICIPANT_ROLE: &str = "participant_role";
pub const PARTICIPANT_STATUS: &str = "participant_status";
pub const NEW_PERSON: &str = "new_person";
pub const NEW_ROLE: &str = "new_role";
pub const NEW_STATUS: &str = "new_status";
/// The people field's text: who to find, or the name of a person to create.
pub const NEW_PERSON_NAME: &str = "new_person_name";
pub const ITEM_TIME: &str = "item_time";
pub const ITEM_TITLE: &str = "item_title";
pub const ITEM_PERSON: &str = "item_person";
pub const NEW_ITEM_TIME: &str = "new_item_time";
pub const NEW_ITEM_TITLE: &str = "new_item_title";
pub const NEW_ITEM_PERSON: &str = "new_item_person";

/// The value of the room field for a session in every room.
pub const ALL_ROOMS: &str = "all";
/// The value of the person field for someone not yet in the meeting.
pub const NEW: &str = "new";

// Check settings.
pub const CHANGEOVER_MINUTES: &str = "changeover_minutes";
pub const CONFIRM_WITHIN_DAYS: &str = "confirm_within_days";
pub const GAP_MINUTES: &str = "gap_minutes";

// The Meetings screen.
pub const SHIFT_DAYS: &str = "shift_days";
pub const NEW_START: &str = "new_start";
pub const RESET_STATUSES: &str = "reset_statuses";

// The Export screen (its programme options are read by `export::html::ProgrammeOptions`).
pub const FORMAT: &str = "format";
pub const HONORIFICS: &str = "honorifics";
pub const SHORT_ORGANIZATIONS: &str = "short_organizations";
pub const DESCRIPTIONS: &str = "descriptions";
pub const RUN_OF_SHOW: &str = "run_of_show";
pub const PEOPLE_INDEX: &str = "people_index";
pub const BIOGRAPHIES: &str = "biographies";
pub const DRAFT: &str = "draft";
pub const VERSION_LABEL: &str = "version_label";
pub const VERSION_DATE: &str = "version_date";
pub const SCHEDULE_URL: &str = "schedule_url";

// Saved versions and their comparison.
pub const VERSION_NAME: &str = "version_name";
pub const VERSION_NOTE: &str = "version_note";
pub const SAVED_ON: &str = "saved_on";
pub const COMPARE_FROM: &str = "compare_from";
pub const COMPARE_TO: &str = "compare_to";
pub const PAPER: &str = "paper";
