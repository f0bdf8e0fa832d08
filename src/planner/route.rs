//! The planner's screens and their addresses. Pure: parsed from and written to the page's
//! fragment (`#/edit/people`), so every screen has an address that works on any static host,
//! Back and Forward move between screens, and a reload stays where it was.

/// A part of the Edit screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EditPart {
    /// A day's sessions on a time × room grid (the default part).
    #[default]
    Timetable,
    /// The sessions of a day as a list, each with its form.
    Sessions,
    People,
    /// Details, days, rooms and themes.
    Setup,
    /// The summary report's texts and the recommendations.
    Outcomes,
    Checks,
}

impl EditPart {
    pub const ALL: [EditPart; 6] = [
        EditPart::Timetable,
        EditPart::Sessions,
        EditPart::People,
        EditPart::Setup,
        EditPart::Outcomes,
        EditPart::Checks,
    ];

    /// The part's name in the sub-navigation and the document title.
    pub fn label(self) -> &'static str {
        match self {
            EditPart::Timetable => "Timetable",
            EditPart::Sessions => "Sessions",
            EditPart::People => "People",
            EditPart::Setup => "Setup",
            EditPart::Outcomes => "Outcomes",
            EditPart::Checks => "Checks",
        }
    }

    fn segment(self) -> &'static str {
        match self {
            EditPart::Timetable => "",
            EditPart::Sessions => "/sessions",
            EditPart::People => "/people",
            EditPart::Setup => "/setup",
            EditPart::Outcomes => "/outcomes",
            EditPart::Checks => "/checks",
        }
    }
}

/// A screen of the planner.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Route {
    /// The programme as it will print (the first screen).
    #[default]
    Programme,
    Edit(EditPart),
    Export,
    Meetings,
}

impl Route {
    /// The screen a fragment names ("#/export"); anything else is the programme.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#');
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let path = path.trim_end_matches('/');
        match path {
            "/edit" => Route::Edit(EditPart::Timetable),
            "/edit/sessions" => Route::Edit(EditPart::Sessions),
            "/edit/people" => Route::Edit(EditPart::People),
            "/edit/setup" => Route::Edit(EditPart::Setup),
            "/edit/outcomes" => Route::Edit(EditPart::Outcomes),
            "/edit/checks" => Route::Edit(EditPart::Checks),
            "/export" => Route::Export,
            "/meetings" => Route::Meetings,
            _ => Route::Programme,
        }
    }

    /// The fragment of this screen's address, with its "#".
    pub fn href(self) -> String {
        match self {
            Route::Programme => "#/".to_string(),
            Route::Edit(part) => format!("#/edit{}", part.segment()),
            Route::Export => "#/export".to_string(),
            Route::Meetings => "#/meetings".to_string(),
        }
    }

    /// The top-level screen, for the main navigation.
    pub fn screen(self) -> Route {
        match self {
            Route::Edit(_) => Route::Edit(EditPart::Timetable),
            other => other,
        }
    }

    /// What the screen is called in the document title.
    pub fn label(self) -> &'static str {
        match self {
            Route::Programme => "Programme",
            Route::Edit(EditPart::Timetable) => "Edit: timetable",
            Route::Edit(EditPart::Sessions) => "Edit: sessions",
            Route::Edit(EditPart::People) => "Edit: people",
            Route::Edit(EditPart::Setup) => "Edit: setup",
            Route::Edit(EditPart::Outcomes) => "Edit: outcomes",
            Route::Edit(EditPart::Checks) => "Edit: checks",
            Route::Export => "Export",
            Route::Meetings => "Meetings",
        }
    }

    /// The document title: the screen, the meeting, the app.
    pub fn title(self, meeting_title: &str) -> String {
        let meeting = meeting_title.trim();
        if meeting.is_empty() {
            format!("{} — Agenda planner", self.label())
        } else {
            format!("{} — {meeting} — Agenda planner", self.label())
        }
    }
}
