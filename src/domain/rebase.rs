//! Edits made against an older meeting, moved onto a newer one: another tab (or another
//! organizer) saved in between. Additions whose id was taken meanwhile get the next free one
//! (and the sessions that name a renumbered person follow); a change to anything that also
//! changed in the newer meeting is refused, so nothing newer is overwritten unseen.

use super::edit::{Details, Edit, EditError, Item, ItemId};
use super::ids::PersonId;
use super::meeting::Meeting;

impl Edit {
    /// The same edit for a `newer` meeting than the `base` it was made against. A batch is
    /// rebased step by step (each step against the base with the batch's earlier steps made),
    /// all or nothing.
    pub fn rebase(self, base: &Meeting, newer: &Meeting) -> Result<Edit, EditError> {
        match self {
            Edit::Batch(edits) => {
                let mut r = Rebaser::new(base.clone(), newer.clone());
                r.step(Edit::Batch(edits)).map(|(step, _)| step)
            }
            single => single.rebase_single(base, newer),
        }
    }

    /// One edit that is not a batch.
    fn rebase_single(self, base: &Meeting, newer: &Meeting) -> Result<Edit, EditError> {
        let unchanged = |id: ItemId| Item::find(base, id) == Item::find(newer, id);
        match self {
            Edit::SetTitle(_) | Edit::SetDetails(_) if Details::of(base) != Details::of(newer) => {
                Err(EditError::ChangedElsewhere)
            }
            Edit::SetChecks(_) if base.checks != newer.checks => Err(EditError::ChangedElsewhere),
            Edit::SetRecord(_) if base.record != newer.record => Err(EditError::ChangedElsewhere),
            Edit::Put(item) => {
                let id = item.id();
                match (Item::find(base, id), Item::find(newer, id)) {
                    // An addition whose id was taken meanwhile: the next free one.
                    (None, Some(_)) => {
                        let free = item.free_id(newer);
                        Ok(Edit::Put(Box::new(item.with_id(free))))
                    }
                    _ if unchanged(id) => Ok(Edit::Put(item)),
                    _ => Err(EditError::ChangedElsewhere),
                }
            }
            Edit::Remove(id) if !unchanged(id) => Err(EditError::ChangedElsewhere),
            Edit::Shift(ids, _) if !ids.iter().all(|&id| unchanged(ItemId::Session(id))) => {
                Err(EditError::ChangedElsewhere)
            }
            Edit::Replace(_) if base != newer => Err(EditError::ChangedElsewhere),
            other => Ok(other),
        }
    }
}

/// Edits rebased onto a newer meeting: the result, the edits as they were applied to it, and
/// how many were refused.
#[derive(Debug)]
pub struct Rebased {
    pub meeting: Meeting,
    pub kept: Vec<Edit>,
    pub refused: usize,
}

/// Rebases edits made one after another on `base` (the first against `base`, the next
/// against `base` with the first made, …) onto `newer`, one by one: an edit that no longer
/// applies (it changes what changed in `newer`, or the result would not be valid) is
/// refused, the others are kept.
pub fn rebase_all(edits: Vec<Edit>, base: Meeting, newer: Meeting) -> Rebased {
    let mut r = Rebaser::new(base, newer);
    let mut kept = Vec::with_capacity(edits.len());
    let mut refused = 0;
    for edit in edits {
        match r.step(edit) {
            Ok((step, inverse)) => {
                if r.newer.validate().is_empty() {
                    kept.push(step);
                } else {
                    let _ = inverse.apply_unchecked(&mut r.newer);
                    refused += 1;
                }
            }
            Err(_) => refused += 1,
        }
    }
    Rebased {
        meeting: r.newer,
        kept,
        refused,
    }
}

/// Walks a sequence of edits: `base` advances with each edit as it was made, `newer` with each
/// edit as rebased; `renamed` remembers people added under another id.
struct Rebaser {
    base: Meeting,
    newer: Meeting,
    renamed: Vec<(PersonId, PersonId)>,
}

impl Rebaser {
    fn new(base: Meeting, newer: Meeting) -> Rebaser {
        Rebaser {
            base,
            newer,
            renamed: Vec::new(),
        }
    }

    /// Rebases one edit and makes it on `newer`: the rebased edit and its inverse there.
    /// On refusal `newer` is as it was.
    fn step(&mut self, edit: Edit) -> Result<(Edit, Edit), EditError> {
        match edit {
            Edit::Batch(edits) => {
                let saved = (self.newer.clone(), self.renamed.clone());
                let mut steps = Vec::with_capacity(edits.len());
                let mut inverses = Vec::with_capacity(edits.len());
                let mut failed = None;
                for edit in edits {
                    if failed.is_some() {
                        let _ = edit.apply_unchecked(&mut self.base);
                        continue;
                    }
                    match self.step(edit) {
                        Ok((step, inverse)) => {
                            steps.push(step);
                            inverses.push(inverse);
                        }
                        Err(e) => failed = Some(e),
                    }
                }
                if let Some(e) = failed {
                    (self.newer, self.renamed) = saved;
                    return Err(e);
                }
                inverses.reverse();
                Ok((Edit::Batch(steps), Edit::Batch(inverses)))
            }
            single => {
                let original = single.clone();
                let edit = rename_people(single, &self.renamed);
                let added = match &edit {
                    Edit::Put(item) => Some(item.id()),
                    _ => None,
                };
                let result = edit
                    .rebase_single(&self.base, &self.newer)
                    .and_then(|step| {
                        let inverse = step.clone().apply_unchecked(&mut self.newer)?;
                        Ok((step, inverse))
                    });
                let _ = original.apply_unchecked(&mut self.base);
                if let (Some(ItemId::Person(from)), Ok((Edit::Put(item), _))) = (added, &result) {
                    if let ItemId::Person(to) = item.id() {
                        if from != to {
                            self.renamed.push((from, to));
                        }
                    }
                }
                result
            }
        }
    }
}

/// A session put or inserted by the edit names people by their ids as rebased.
fn rename_people(edit: Edit, renamed: &[(PersonId, PersonId)]) -> Edit {
    if renamed.is_empty() {
        return edit;
    }
    let rename = |item: Box<Item>| match *item {
        Item::Session(mut s) => {
            for (from, to) in renamed {
                for p in s.participants.iter_mut().filter(|p| p.person == *from) {
                    p.person = *to;
                }
                for i in s.items.iter_mut().filter(|i| i.person == Some(*from)) {
                    i.person = Some(*to);
                }
            }
            Box::new(Item::Session(s))
        }
        other => Box::new(other),
    };
    match edit {
        Edit::Put(item) => Edit::Put(rename(item)),
        Edit::Insert(index, item) => Edit::Insert(index, rename(item)),
        other => other,
    }
}

/// A field a form changed that another tab changed too while the form was open: its name in
/// the stored file, and its value now.
#[derive(Clone, Debug, PartialEq)]
pub struct Clash {
    pub field: String,
    pub now: serde_json::Value,
}

/// The fields of a form's thing that the form changed and that also changed, to something
/// else, since the form's editing began: `drawn` is the thing as the form showed it then,
/// `submitted` as the form gives it, `now` as it is stored now. The fields only the form
/// changed, and those only the other tab changed (the form shows them as they are now), are
/// no clash.
pub fn clashes<T: serde::Serialize>(drawn: &T, submitted: &T, now: &T) -> Vec<Clash> {
    let fields = |t: &T| {
        let mut value = serde_json::to_value(t).unwrap_or_default();
        // An item is tagged by its kind ({"room": {…}}): its fields are inside.
        if let Some(inner) = value
            .as_object_mut()
            .filter(|o| o.len() == 1)
            .and_then(|o| o.values_mut().next())
            .filter(|v| v.is_object())
        {
            value = inner.take();
        }
        match value {
            serde_json::Value::Object(map) => map,
            _ => Default::default(),
        }
    };
    let (drawn, submitted, now) = (fields(drawn), fields(submitted), fields(now));
    submitted
        .iter()
        .filter(|(key, value)| {
            let before = drawn.get(*key);
            let after = now.get(*key);
            before != Some(*value) && before != after && after != Some(*value)
        })
        .map(|(key, _)| Clash {
            field: key.clone(),
            now: now.get(key).cloned().unwrap_or_default(),
        })
        .collect()
}

/// What a person reads when a form's change is refused for clashes: which fields, with
/// their values now where they are short text, and how to go on.
pub fn clash_message(clashes: &[Clash]) -> String {
    let named: Vec<String> = clashes
        .iter()
        .map(|c| {
            let label = match c.field.as_str() {
                "placement" => "room".to_string(),
                "participants" => "people".to_string(),
                "run_of_show" => "run of show".to_string(),
                other => other.replace('_', " "),
            };
            match c.now.as_str() {
                Some(text) if !text.is_empty() => {
                    format!("{label} (now “{}”)", super::validate::brief(text))
                }
                _ => label,
            }
        })
        .collect();
    format!(
        "While this form was open, another tab changed the {}: your change was not saved. The form shows yours; save again to put it in their place.",
        named.join(", ")
    )
}
