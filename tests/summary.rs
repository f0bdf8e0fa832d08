//! The meeting's record and the summary report: the sample's report against the meeting's
//! own published summary (`fixtures/`, a copy of `../shared/seed/`), escaping, and the record
//! through edits, undo, removals, other tabs and validation.

use agenda_planner::domain::programme::NameStyle;
use agenda_planner::domain::sample::sample_meeting;
use agenda_planner::domain::{
    Edit, EditError, Item, ItemId, Meeting, Recommendation, Record, SessionId, ThemeId,
};
use agenda_planner::export::summary::{spoke, summary};
use agenda_planner::export::Format;
use agenda_planner::storage::{decode, encode};

const SEED: &str = include_str!("fixtures/r2p-focal-points-10th-annual-meeting-summary.txt");

/// Text as the sample writes it: typographic quotes and apostrophes, the seed's typos fixed.
fn typeset(text: &str) -> String {
    let mut out = String::new();
    let mut open = true;
    for c in text.chars() {
        match c {
            '"' => {
                out.push(if open { '“' } else { '”' });
                open = !open;
            }
            '\'' => out.push('’'),
            c => out.push(c),
        }
    }
    out.replace("twoday", "two-day")
}

/// Lower case, with the report's escaping undone and runs of white space as one space.
fn plain(html: &str) -> String {
    html.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

/// The seed's sections after its introduction: heading (upper case in the seed) and text.
fn seed_sections() -> Vec<(String, String)> {
    let mut sections: Vec<(String, String)> = Vec::new();
    for para in SEED.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let is_heading = para.len() > 3
            && !para.contains('\n')
            && para.chars().any(|c| c.is_alphabetic())
            && para.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
        if is_heading {
            sections.push((para.to_string(), String::new()));
        } else if let Some((_, text)) = sections.last_mut() {
            text.push_str(para);
            text.push('\n');
        }
    }
    sections
}

/// The report's part under the heading that contains `heading` (ignoring case): from that
/// `<h2>` to the end of its section.
fn report_section<'a>(report: &'a str, heading: &str) -> Option<&'a str> {
    let lower = report.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<h2") {
        let start = from + at;
        let end = start + lower[start..].find("</section>")?;
        let h2_end = start + lower[start..].find("</h2>")?;
        if plain(&report[start..h2_end]).contains(&heading.to_ascii_lowercase()) {
            return Some(&report[start..end]);
        }
        from = end;
    }
    None
}

/// Whether `word` stands in `text` as a word (not inside a longer one).
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn the_samples_report_has_every_section_of_the_meetings_own_summary() {
    let report = summary(&sample_meeting());
    let sections = seed_sections();
    assert_eq!(
        sections.len(),
        7,
        "the seed's six sessions and its recommendations"
    );
    for (heading, _) in &sections {
        assert!(
            report_section(&report, heading).is_some(),
            "no section “{heading}” in the report"
        );
    }
    // In the seed's order, which is the programme's.
    let at: Vec<usize> = sections
        .iter()
        .map(|(h, _)| {
            report_section(&report, h).unwrap().as_ptr() as usize - report.as_ptr() as usize
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
}

#[test]
fn the_samples_report_names_every_speaker_the_summary_names_in_that_section() {
    let m = sample_meeting();
    let report = summary(&m);
    let mut checked = 0;
    for (heading, text) in seed_sections() {
        let Some(section) = report_section(&report, &heading) else {
            panic!("no section “{heading}”");
        };
        for person in &m.people {
            if has_word(&text, &person.family_name) {
                let name = person.display_name(true);
                assert!(
                    plain(section).contains(&name.to_ascii_lowercase()),
                    "“{heading}”: the seed names {name}; the report's section does not"
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 20, "only {checked} speakers checked");
}

#[test]
fn the_samples_report_has_the_summarys_introduction_messages_and_its_four_recommendations() {
    let report = summary(&sample_meeting());
    let lower = plain(&report);
    let seed = typeset(SEED);
    let recommendations: Vec<String> = seed
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- "))
        .map(|l| {
            let l = l.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
            plain(l.trim())
        })
        .collect();
    assert_eq!(recommendations.len(), 4);
    let list = &lower[lower.find("<ol>").unwrap()..lower.find("</ol>").unwrap()];
    for (i, rec) in recommendations.iter().enumerate() {
        let found = list.find(rec.as_str());
        assert!(found.is_some(), "recommendation {} missing: {rec}", i + 1);
    }
    assert_eq!(list.matches("<li>").count(), 4, "numbered by the list");
    // Paragraphs of the introduction and of the sessions' key messages, as the seed has them.
    for para in [
        "The Global Network of R2P Focal Points held its tenth annual meeting from 15-16 September 2022 in Washington, D.C.",
        "Regional organizations play a unique role in preventing and responding to mass atrocities",
        "There is sometimes a conflation between the WPS agenda, women issues and gender",
        "One speaker recommended that prior to the annual meeting each R2P Focal Point prepare a one-page report",
    ] {
        assert!(lower.contains(&plain(&typeset(para))), "missing: {para}");
    }
    // Breaks, meals and the reception have nothing to report and no section.
    assert!(!lower.contains(">coffee break<"));
    assert!(!lower.contains(">lunch<"));
}

#[test]
fn who_spoke_reads_as_sentences_in_the_programmes_order() {
    let m = sample_meeting();
    let opening = m
        .sessions
        .iter()
        .find(|s| s.title == "Opening ceremony")
        .unwrap();
    let text = spoke(&m.entry(opening, NameStyle::default()).roles);
    assert!(
        text.starts_with("Chaired by H.E. Luis Almagro Lemes, Secretary General, Organization of American States. Opening remarks by Mr George Okoth-Obbo, "),
        "{text}"
    );
    assert!(text.contains("; and Ms Savita Pawnday, "), "{text}");
    assert!(text.ends_with('.'), "{text}");
    let regional = m
        .sessions
        .iter()
        .find(|s| s.title.starts_with("Regional organizations"))
        .unwrap();
    let text = spoke(&m.entry(regional, NameStyle::default()).roles);
    assert!(text.starts_with("Panelists: Mr Jared Genser, "), "{text}");
    assert!(text.contains(", and Mr Alexandre Polack, "), "{text}");
}

#[test]
fn odd_text_in_the_record_is_escaped_and_the_report_runs_no_script() {
    let mut m = sample_meeting();
    let hostile =
        "</p><script>alert(1)</script><img src=x onerror=alert(2)> & \"quotes\" \u{202e}RLO";
    m.title = hostile.into();
    m.record.introduction = format!("{hostile}\n\n- {hostile}");
    m.record.closing = hostile.into();
    m.record.recommendations[0].text = hostile.into();
    m.sessions[1].outcomes = hostile.into();
    m.sessions[1].title = hostile.into();
    m.people[0].family_name = hostile.into();
    let report = summary(&m);
    assert!(!report.contains("<script"), "a script element");
    assert!(!report.contains("<img"), "an element from the text");
    assert!(report.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(report.contains("&amp; \"quotes\""));
    // The file's own policy: no script of any kind.
    assert!(report.contains("Content-Security-Policy"));
    assert!(report.contains("default-src 'none'"));
    assert_eq!(report.matches("<html").count(), 1);
    assert!(report.trim_end().ends_with("</html>"));
}

#[test]
fn a_meeting_with_nothing_written_says_so() {
    let mut m = sample_meeting();
    m.record = Record::default();
    for s in &mut m.sessions {
        s.outcomes.clear();
        s.participants.clear();
    }
    let report = summary(&m);
    assert!(report.contains("Nothing is written yet"), "{report}");
    assert!(!report.contains("Recommendations</h2>"));
}

#[test]
fn the_summary_is_an_export_format_of_its_own() {
    let m = sample_meeting();
    assert_eq!(Format::parse("summary"), Some(Format::Summary));
    assert!(Format::ALL.contains(&Format::Summary));
    assert_eq!(
        Format::Summary.file_name(&m),
        "r2p-focal-points-2022-summary.html"
    );
    assert!(Format::Summary.mime().starts_with("text/html"));
}

#[test]
fn the_record_is_changed_and_undone_as_one_edit() {
    let mut m = sample_meeting();
    let before = m.clone();
    let mut record = m.record.clone();
    record.recommendations.push(Recommendation {
        text: "Meet again next year.".into(),
        sessions: vec![SessionId(15)],
        themes: Vec::new(),
    });
    let undo = Edit::SetRecord(Box::new(record.clone()))
        .apply(&mut m)
        .unwrap();
    assert_eq!(m.record, record);
    undo.apply(&mut m).unwrap();
    assert_eq!(m, before);
}

#[test]
fn recommendations_move_within_the_list() {
    let r = sample_meeting().record;
    let moved = r.moved(3, -1).unwrap();
    assert_eq!(moved.recommendations[2], r.recommendations[3]);
    assert_eq!(moved.recommendations[3], r.recommendations[2]);
    assert_eq!(r.moved(0, -1), None, "the first cannot go earlier");
    assert_eq!(r.moved(3, 1), None, "the last cannot go later");
    assert_eq!(r.moved(9, 1), None);
}

#[test]
fn removing_a_session_or_theme_takes_it_out_of_the_recommendations_and_undo_puts_it_back() {
    let mut m = sample_meeting();
    let before = m.clone();
    let id = m.record.recommendations[3].sessions[0];
    let undo = Edit::Remove(ItemId::Session(id)).apply(&mut m).unwrap();
    assert!(m
        .record
        .recommendations
        .iter()
        .all(|r| !r.sessions.contains(&id)));
    assert!(m.validate().is_empty());
    undo.apply(&mut m).unwrap();
    assert_eq!(m, before);

    // A day's sessions go with it, and so do they from the recommendations.
    let day = m.session(id).unwrap().day;
    let undo = Edit::Remove(ItemId::Day(day)).apply(&mut m).unwrap();
    assert!(m.validate().is_empty());
    undo.apply(&mut m).unwrap();
    assert_eq!(m, before);

    let theme = m.themes[0].id;
    m.record.recommendations[0].themes.push(theme);
    let with_theme = m.clone();
    let undo = Edit::Remove(ItemId::Theme(theme)).apply(&mut m).unwrap();
    assert!(m.record.recommendations[0].themes.is_empty());
    undo.apply(&mut m).unwrap();
    assert_eq!(m, with_theme);
}

#[test]
fn a_recommendation_naming_what_the_meeting_lacks_or_saying_nothing_is_refused() {
    let mut m = sample_meeting();
    for (rec, says) in [
        (
            Recommendation {
                text: "x".into(),
                sessions: vec![SessionId(999)],
                themes: Vec::new(),
            },
            "names session 999",
        ),
        (
            Recommendation {
                text: "x".into(),
                sessions: Vec::new(),
                themes: vec![ThemeId(999)],
            },
            "names theme 999",
        ),
        (Recommendation::default(), "has no text"),
    ] {
        let mut record = m.record.clone();
        record.recommendations.push(rec);
        let before = m.clone();
        match Edit::SetRecord(Box::new(record)).apply(&mut m) {
            Err(EditError::InvalidMeeting(e)) => assert!(e.contains(says), "{e}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(m, before, "nothing changed");
    }
}

#[test]
fn a_record_changed_in_another_tab_meanwhile_is_not_overwritten() {
    let base = sample_meeting();
    let mut newer = base.clone();
    newer.record.closing = "Changed elsewhere.".into();
    let mine = Edit::SetRecord(Box::new(Record {
        closing: "Mine.".into(),
        ..base.record.clone()
    }));
    assert_eq!(
        mine.clone().rebase(&base, &newer),
        Err(EditError::ChangedElsewhere)
    );
    // A session's outcomes are part of the session: changed in both, refused too.
    let mut s = base.sessions[1].clone();
    s.outcomes = "Mine.".into();
    let mut other = newer.clone();
    other.sessions[1].outcomes = "Theirs.".into();
    assert_eq!(
        Edit::Put(Box::new(Item::Session(s))).rebase(&base, &other),
        Err(EditError::ChangedElsewhere)
    );
    // Unchanged elsewhere: it goes through.
    assert!(mine.rebase(&base, &base).is_ok());
}

#[test]
fn the_record_and_outcomes_are_kept_in_the_meeting_file() {
    let m: Meeting = sample_meeting();
    assert_eq!(m.record.recommendations.len(), 4);
    assert_eq!(decode(&encode(&m)), Ok(m));
}
