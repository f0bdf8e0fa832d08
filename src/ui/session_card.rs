//! One session as the agenda shows it.

use leptos::prelude::*;

use crate::domain::programme::SessionEntry;

/// A session: time range, kind, place, themes, description, people by role, run of show.
#[component]
pub fn SessionCard(
    /// The session, already resolved to what the programme shows.
    entry: SessionEntry,
) -> impl IntoView {
    let SessionEntry {
        id,
        kind,
        kind_label,
        title,
        start,
        end,
        place,
        themes,
        description,
        roles,
        items,
    } = entry;
    let heading_id = format!("session-{id}-title");
    let labelled_by = heading_id.clone();
    let pause = kind.is_pause();
    view! {
        <article
            class=format!(
                "session session--{}{}",
                kind.as_str(),
                if pause { " session--pause" } else { "" }
            )
            aria-labelledby=labelled_by
        >
            <p class="session__time">
                <time>{start}</time>
                "–"
                <time>{end}</time>
            </p>
            <div class="session__body">
                <p class="session__meta">
                    <span class="session__kind">{kind_label}</span>
                    <span class="session__place">{place}</span>
                </p>
                <h4 class="session__title" id=heading_id>{title}</h4>
                {(!themes.is_empty()).then(|| view! {
                    <ul class="theme-tags" aria-label="Themes">
                        {themes.into_iter().map(|t| view! {
                            <li class="theme-tag" style:--theme-colour=t.colour.clone()>
                                {t.name}
                            </li>
                        }).collect_view()}
                    </ul>
                })}
                {(!description.is_empty()).then(|| view! {
                    <p class="session__description">{description}</p>
                })}
                {(!roles.is_empty()).then(|| view! {
                    <dl class="session__people">
                        {roles.into_iter().map(|group| view! {
                            <div class=format!("role role--{}", group.role.as_str())>
                                <dt>{group.heading}</dt>
                                <dd>
                                    <ul>
                                        {group.people.into_iter().map(|line| view! {
                                            <li>
                                                <span class="person-line__name">{line.name}</span>
                                                {(!line.affiliation.is_empty()).then(|| format!(", {}", line.affiliation))}
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                </dd>
                            </div>
                        }).collect_view()}
                    </dl>
                })}
                {(!items.is_empty()).then(|| view! {
                    <ol class="run-of-show" aria-label="Run of show">
                        {items.into_iter().map(|item| view! {
                            <li>
                                <time>{item.time}</time>
                                " "
                                <span>{item.title}</span>
                                {item.person.map(|p| view! { <span class="run-of-show__person">{p}</span> })}
                            </li>
                        }).collect_view()}
                    </ol>
                })}
            </div>
        </article>
    }
}
