//! Messages for the person using the app, and the banner that shows the latest one.

use leptos::prelude::*;

/// A message for the person using the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
    /// Offer to download the meeting as a file (when it could not be saved in the browser).
    pub offer_file: bool,
    /// Offer to undo the change the notice tells of (a removal).
    pub offer_undo: bool,
}

impl Notice {
    pub fn error(text: impl Into<String>) -> Notice {
        Notice {
            kind: NoticeKind::Error,
            text: text.into(),
            offer_file: false,
            offer_undo: false,
        }
    }

    pub fn info(text: impl Into<String>) -> Notice {
        Notice {
            kind: NoticeKind::Info,
            text: text.into(),
            offer_file: false,
            offer_undo: false,
        }
    }

    /// The same notice, offering to undo what it tells of.
    pub fn with_undo(self) -> Notice {
        Notice {
            offer_undo: true,
            ..self
        }
    }

    /// The same notice, offering to save the meeting as a file.
    pub fn with_file(self) -> Notice {
        Notice {
            offer_file: true,
            ..self
        }
    }
}

/// How serious a [`Notice`] is; `as_str` is its CSS modifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Error,
}

impl NoticeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::Info => "info",
            NoticeKind::Error => "error",
        }
    }
}

/// Shows the current notice (an alert for errors, a status for information) until dismissed.
#[component]
pub fn NoticeBanner(
    /// The notice on show, if any.
    notice: RwSignal<Option<Notice>>,
    /// What "Save as file" does, for notices that offer it.
    #[prop(optional, into)]
    on_save_file: Option<Callback<()>>,
    /// What "Undo" does, for notices that offer it (the notice goes with it).
    #[prop(optional, into)]
    on_undo: Option<Callback<()>>,
) -> impl IntoView {
    move || {
        notice.get().map(|n| {
            let role = match n.kind {
                NoticeKind::Error => "alert",
                NoticeKind::Info => "status",
            };
            let save = on_save_file.filter(|_| n.offer_file).map(|save| {
                view! { <button type="button" on:click=move |_| save.run(())>"Save as file"</button> }
            });
            let undo = on_undo.filter(|_| n.offer_undo).map(|undo| {
                view! { <button type="button" on:click=move |_| { notice.set(None); undo.run(()); }>"Undo"</button> }
            });
            view! {
                <div class=format!("notice notice--{}", n.kind.as_str()) role=role>
                    <p>{n.text}</p>
                    {save}
                    {undo}
                    <button type="button" on:click=move |_| notice.set(None)>"Dismiss"</button>
                </div>
            }
        })
    }
}
