//! Reading items from form fields: good text becomes model values, bad text names its field.

use std::collections::HashMap;

use agenda_planner::domain::fields::{FieldError, Fields};
use agenda_planner::domain::schedule::{parse_date, parse_time};
use agenda_planner::domain::*;

fn form(pairs: &[(&str, &str)]) -> Fields<impl Fn(&str) -> Option<String>> {
    let map: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Fields(move |name: &str| map.get(name).cloned())
}

fn field_of<T: std::fmt::Debug>(result: Result<T, FieldError>) -> &'static str {
    result.expect_err("refused").field
}

#[test]
fn a_day_reads_from_its_fields_and_names_the_bad_one() {
    let day = Day::from_fields(
        DayId(3),
        &form(&[
            ("date", "2023-09-14"),
            ("label", " Day 1 "),
            ("start", "08:30"),
            ("end", "18:00"),
        ]),
    )
    .unwrap();
    assert_eq!(
        day,
        Day {
            id: DayId(3),
            date: parse_date("2023-09-14").unwrap(),
            label: "Day 1".into(),
            start: parse_time("08:30").unwrap(),
            end: parse_time("18:00").unwrap()
        }
    );
    assert_eq!(
        field_of(Day::from_fields(
            DayId(1),
            &form(&[("date", "14/09/2023"), ("start", "08:30"), ("end", "18:00")])
        )),
        "date"
    );
    assert_eq!(
        field_of(Day::from_fields(
            DayId(1),
            &form(&[("date", "2023-09-14"), ("start", "8h"), ("end", "18:00")])
        )),
        "start"
    );
    let backwards = Day::from_fields(
        DayId(1),
        &form(&[("date", "2023-09-14"), ("start", "18:00"), ("end", "08:00")]),
    );
    assert_eq!(
        backwards.unwrap_err(),
        FieldError {
            field: "end",
            message: "The day must end after it starts.".into()
        }
    );
}

#[test]
fn rooms_themes_and_people_read_from_their_fields() {
    let room =
        Room::from_fields(RoomId(2), &form(&[("name", "Hall"), ("capacity", "120")])).unwrap();
    assert_eq!((room.name.as_str(), room.capacity), ("Hall", Some(120)));
    assert_eq!(
        Room::from_fields(RoomId(2), &form(&[("name", "Hall"), ("capacity", "")]))
            .unwrap()
            .capacity,
        None
    );
    assert_eq!(
        field_of(Room::from_fields(
            RoomId(2),
            &form(&[("name", "Hall"), ("capacity", "many")])
        )),
        "capacity"
    );
    assert_eq!(
        field_of(Room::from_fields(RoomId(2), &form(&[("name", "  ")]))),
        "name"
    );

    let theme = Theme::from_fields(
        ThemeId(1),
        &form(&[("name", "Early warning"), ("colour", "#0F766E")]),
    )
    .unwrap();
    assert_eq!(theme.colour, "#0f766e");
    assert_eq!(
        field_of(Theme::from_fields(
            ThemeId(1),
            &form(&[("name", "X"), ("colour", "teal")])
        )),
        "colour"
    );

    let person = Person::from_fields(
        PersonId(5),
        &form(&[
            ("honorific", "Amb."),
            ("family_name", "Odhiambo"),
            ("category", "united_nations"),
            ("bio", "Line one.\n\nLine two."),
        ]),
    )
    .unwrap();
    assert_eq!(
        (person.honorific.as_str(), person.category),
        ("Amb.", Category::UnitedNations)
    );
    assert_eq!(person.bio, "Line one.\n\nLine two.");
    assert_eq!(
        Person::from_fields(
            PersonId(5),
            &form(&[("given_name", "Ana"), ("category", "bogus")])
        )
        .unwrap()
        .category,
        Category::Other
    );
    assert_eq!(
        field_of(Person::from_fields(
            PersonId(5),
            &form(&[("position", "Director")])
        )),
        "family_name"
    );
}

#[test]
fn meeting_details_need_a_title_and_default_to_utc() {
    let details =
        Details::from_fields(&form(&[("title", "Consultation"), ("city", "Nairobi")])).unwrap();
    assert_eq!(
        (details.title.as_str(), details.timezone.as_str()),
        ("Consultation", "UTC")
    );
    assert_eq!(
        field_of(Details::from_fields(&form(&[("title", "")]))),
        "title"
    );
}
