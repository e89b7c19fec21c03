//! Where and when a document was published, as the user sets it in the app. Checked as the `sift-annotations`
//! reader checks it ([`crate::formats::published`]), so that what the app saves and exports always reads back;
//! ClaimReview names the article by them.

use super::{quoted, DocData, Published, Session, AT_ONCE};
use crate::formats::published::{is_date, is_url};

impl Published {
    /// Whether `typed` is refused: not blank (blank clears) and not what the sift format accepts.
    pub fn refuses(self, typed: &str) -> bool {
        let t = typed.trim();
        !t.is_empty()
            && !match self {
                Published::Url => is_url(t),
                Published::Date => is_date(t),
            }
    }

    /// The notice for a refused value.
    fn notice(self, typed: &str) -> String {
        let (what, field) = match self {
            Published::Url => ("an http(s) URL", "URL"),
            Published::Date => ("an ISO 8601 date (2024-03-23)", "date"),
        };
        format!("{} is not {what}; the document's {field} is unchanged.", quoted(typed.trim()))
    }
}

impl DocData {
    /// The document's value of `field`, when known.
    pub fn published(&self, field: Published) -> Option<&str> {
        match field {
            Published::Url => self.url.as_deref(),
            Published::Date => self.date.as_deref(),
        }
    }
}

impl Session {
    /// [`super::Action::SetPublished`]: a refused value leaves the document alone, so no undo step is made.
    pub(super) fn set_published(&mut self, id: &str, field: Published, typed: &str) {
        let Some(d) = self.docs.iter().find(|d| d.id == id).cloned() else { return };
        if field.refuses(typed) {
            self.notice = Some(field.notice(typed));
            return;
        }
        let value = Some(typed.trim()).filter(|t| !t.is_empty()).map(str::to_string);
        if d.published(field) == value.as_deref() {
            return;
        }
        let (url, date) = match field {
            Published::Url => (value, d.date.clone()),
            Published::Date => (d.url.clone(), value),
        };
        let mut d = d.with_published(url, date);
        // Relative dates ("Thursday", "last year") count from the document's date: the suggestions are found
        // again with it (unreviewed ones only; decisions stay), in the same undo step. A text too long for one
        // run is re-annotated in slices when the user asks.
        if field == Published::Date {
            if d.text.len() <= AT_ONCE {
                d = d.with_spans(d.refreshed(d.spans.as_ref().clone(), self.detectors, self.scorer().as_ref()));
            } else {
                self.notice = Some("Re-annotate the document to count its relative dates from the new date.".into());
            }
        }
        self.replace_doc(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Action, NewDoc, Saved, SavedDoc};
    use crate::{Document, Span, Status};

    const URL: &str = "https://apnews.com/article/moscow-concert-hall-attack";
    const TEXT: &str = "Officials said 12 people were hurt in Lyon on Friday.";

    fn session() -> Session {
        let doc = crate::annotate("a", "Report", TEXT, crate::Layers::ALL);
        Session::from_saved(Saved { docs: vec![SavedDoc { doc, markup: None, rev: 1 }], ..Saved::default() })
    }

    fn set(s: &Session, field: Published, typed: &str) -> Session {
        s.reduce(Action::SetPublished("a".into(), field, typed.into()))
    }

    fn both(s: &Session) -> (Option<String>, Option<String>) {
        let d = s.doc().unwrap().to_document();
        (d.url, d.date)
    }

    #[test]
    fn set_and_clear_are_undoable_and_reach_the_document() {
        let s0 = session();
        let s1 = set(&s0, Published::Url, &format!("  {URL} "));
        let s2 = set(&s1, Published::Date, "2024-03-23");
        assert_eq!(both(&s2), (Some(URL.into()), Some("2024-03-23".into())), "trimmed, both kept");
        assert_eq!(s2.notice, None);
        // Each one undo step; undo gives back exactly the state before.
        let u = s2.reduce(Action::Undo);
        assert_eq!(both(&u), (Some(URL.into()), None));
        assert_eq!(both(&u.reduce(Action::Undo)), (None, None));
        assert_eq!(both(&u.reduce(Action::Redo)), both(&s2));
        // Blank clears; the same value again is no edit.
        let cleared = set(&s2, Published::Url, " ");
        assert_eq!(both(&cleared), (None, Some("2024-03-23".into())));
        assert_eq!(both(&cleared.reduce(Action::Undo)), both(&s2));
        let same = set(&s2, Published::Date, "2024-03-23");
        assert_eq!(both(&same.reduce(Action::Undo)), (Some(URL.into()), None), "no extra undo step");
        // Another id: nothing happens.
        let other = s2.reduce(Action::SetPublished("zz".into(), Published::Url, URL.into()));
        assert!(std::rc::Rc::ptr_eq(&other.docs, &s2.docs));
    }

    #[test]
    fn a_date_set_counts_relative_dates_from_it_and_keeps_decisions() {
        let value = |s: &Session, text: &str| {
            let d = s.doc().unwrap();
            let sp = d.spans.iter().find(|x| d.slice(x.start, x.end) == text).cloned().unwrap();
            (sp.attrs.get("value").cloned(), sp.status)
        };
        let s0 = session();
        assert_eq!(value(&s0, "Friday").0, None, "no date: no value for a weekday");
        let twelve = s0.doc().unwrap().spans.iter().find(|x| x.label == "number").unwrap().id.clone();
        let s1 = s0.reduce(Action::SetStatus(vec![twelve], Status::Accepted));
        let s2 = set(&s1, Published::Date, "2024-03-23");
        assert_eq!(value(&s2, "Friday"), (Some("2024-03-22".into()), Status::Suggested));
        assert_eq!(value(&s2, "12").1, Status::Accepted, "a decision stays");
        // One undo step takes the date and the new values back.
        assert_eq!(value(&s2.reduce(Action::Undo), "Friday").0, None);
    }

    #[test]
    fn invalid_values_are_refused_with_a_notice_and_the_old_value_kept() {
        let s = set(&set(&session(), Published::Url, URL), Published::Date, "2024-03-23");
        let table = [
            (Published::Url, "apnews.com/article/x", "“apnews.com/article/x” is not an http(s) URL"),
            (Published::Url, "javascript:alert(1)", "is not an http(s) URL"),
            (Published::Date, "2024-02-30", "“2024-02-30” is not an ISO 8601 date"),
            (Published::Date, "March 23, 2024", "is not an ISO 8601 date"),
        ];
        for (field, typed, want) in table {
            assert!(field.refuses(typed), "{typed}");
            let after = set(&s, field, typed);
            assert!(after.notice.as_deref().is_some_and(|n| n.contains(want)), "{typed}: {:?}", after.notice);
            assert_eq!(both(&after), both(&s), "{typed}: the old value stays");
            assert_eq!(both(&after.reduce(Action::Undo)), (Some(URL.into()), None), "{typed}: no undo step");
        }
        assert!(!Published::Date.refuses(" ") && !Published::Date.refuses("2024-03-23T09:30:00+03:00"));
    }

    #[test]
    fn edits_imports_other_tabs_and_saves_keep_them() {
        let s = set(&set(&session(), Published::Url, URL), Published::Date, "2024-03-23");
        let want = both(&s);
        let first = s.doc().unwrap().spans[0].id.clone();
        let edits = [
            Action::Reannotate,
            Action::Rename("a".into(), "Lyon".into()),
            Action::DeleteSpan(first),
            Action::Tag(0, 9, "claim".into()),
            Action::SetCategory("security".into(), Some(crate::Status::Accepted)),
            Action::Suggest("a".into(), vec![Span::manual("x", 15..17, "number")], None),
            Action::ClearSuggestions,
        ];
        let mut now = s.clone();
        for a in edits {
            now = now.reduce(a.clone());
            assert_eq!(both(&now), want, "{a:?}");
        }
        // Saved as the serde form, loaded again.
        let json = serde_json::to_string(&now.doc().unwrap().to_document()).unwrap();
        let doc: Document = serde_json::from_str(&json).unwrap();
        let back =
            Session::from_saved(Saved { docs: vec![SavedDoc { doc, markup: None, rev: 2 }], ..Saved::default() });
        assert_eq!(both(&back), want);
        // An imported document, and another tab's version, bring theirs.
        let theirs = Document { url: Some("http://example.org/b".into()), ..Document::new("a", "a", TEXT, vec![]) };
        let imported = Session::default().reduce(Action::AddDocs(vec![NewDoc::from(theirs.clone())], vec![]));
        assert_eq!(both(&imported), (theirs.url.clone(), None));
        let ext = now.reduce(Action::External("a".into(), Some(theirs.clone()), 9));
        assert_eq!(both(&ext), (theirs.url, None));
    }
}
