//! Every change the app can make to a [`Session`](super::Session), as data: components emit these, the pure
//! reducer applies them, and undo, redo and saving hang off that one place.

use crate::{Document, Label, Origin, Span, Status};

use super::doc::NewDoc;
use super::Detectors;
use crate::agree::{Annotator, Choice};
use crate::compare::Decision;

/// What to do with the spans of a label being deleted.
#[derive(Debug, Clone, PartialEq)]
pub enum OnDelete {
    /// Delete them too.
    DeleteSpans,
    /// Give them another label.
    Relabel(String),
}

/// Filters of the span list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Only this label.
    pub label: Option<String>,
    /// Only this origin.
    pub origin: Option<Origin>,
    /// Only this status.
    pub status: Option<Status>,
    /// Most check-worthy first, instead of text order.
    pub by_worth: bool,
}

impl Filter {
    /// Whether `s` passes.
    pub fn admits(&self, s: &Span) -> bool {
        self.label.as_ref().is_none_or(|l| *l == s.label)
            && self.origin.is_none_or(|o| o == s.origin)
            && self.status.is_none_or(|st| st == s.status)
    }
}

/// What the main area shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum View {
    /// The open document, to annotate.
    #[default]
    Annotate,
    /// The open documents side by side ([`crate::compare`]): figures, shared passages, sources.
    Compare,
    /// Agreement with other annotators' exports, and adjudication of where they differ.
    Agree,
}

/// Where "label every occurrence" ([`Action::LabelAll`]) looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AllScope {
    /// The open document.
    ThisDocument,
    /// Every document.
    AllDocuments,
}

/// Which publication fact of a document [`Action::SetPublished`] sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// Where it was published: an http(s) URL.
    Url,
    /// When: an ISO 8601 date, or date and time.
    Date,
}

/// Every change the app can make.
#[derive(Debug, Clone)]
pub enum Action {
    /// Adds documents (pasted, typed, opened or imported) and opens the first; labels from an import are merged.
    AddDocs(Vec<NewDoc>, Vec<Label>),
    /// Opens a document.
    Open(String),
    /// Renames a document.
    Rename(String, String),
    /// Deletes a document (undoable).
    DeleteDoc(String),
    /// Moves a document up (-1) or down (+1) in the list.
    MoveDoc(String, i32),
    /// Sets the status of spans of the open document.
    SetStatus(Vec<String>, Status),
    /// Accepts or rejects every suggestion of a label in the open document.
    LayerStatus(String, Status),
    /// Tags a code-point range of the open document with a label (manual span, accepted).
    Tag(usize, usize, String),
    /// Changes a span of the open document: new range, label and note. Fixing a suggestion rejects it and adds
    /// the corrected span as a manual one, so re-annotation does not bring the original back.
    Fix {
        /// The span.
        id: String,
        /// New start (code points).
        start: usize,
        /// New end (code points).
        end: usize,
        /// New label.
        label: String,
        /// New note (`None` or blank: no note).
        note: Option<String>,
    },
    /// Sets one attribute of a span of the open document (`None`: removes it), e.g. a claim's `source` or
    /// `verdict`, a number's `value`. Editing a suggestion's attribute reviews it: it becomes accepted, keeping its
    /// id and relations.
    SetAttr {
        /// The span.
        id: String,
        /// Attribute name.
        key: String,
        /// New value.
        value: Option<serde_json::Value>,
    },
    /// Deletes a span: manual spans go, suggestions become rejected.
    DeleteSpan(String),
    /// Labels every other whole-word occurrence of a span's exact text (span of the open document, by id) with
    /// its label, as suggestions to review (manual, suggested, rule `label-all`), in the open document or in
    /// every document: one undo step, with a notice saying how many.
    LabelAll {
        /// The span whose text and label are copied.
        id: String,
        /// Where to look.
        scope: AllScope,
    },
    /// Links two spans of the open document (by id) with a typed, directed relation, made by hand and accepted
    /// (an existing one of that type between them is accepted).
    Link {
        /// Where it starts (the claim of a `said-by`).
        from: String,
        /// Where it points (the source of a `said-by`).
        to: String,
        /// Relation type.
        label: String,
    },
    /// Sets the status of a relation of the open document (by id).
    RelationStatus(String, Status),
    /// Deletes a relation: hand-made ones go, suggested ones become rejected.
    Unlink(String),
    /// Sets where or when a document (by id) was published, from what the user typed (blank: unknown). A value
    /// the sift format would refuse (not an http(s) URL, not an ISO 8601 date) is refused with a notice and the
    /// old one kept, so that what the app saves always reads back.
    SetPublished(String, Published, String),
    /// Sets a document label of the open document to a status (`None`: takes it away; a suggested one is then
    /// rejected, so re-annotation does not bring it back).
    SetCategory(String, Option<Status>),
    /// Runs the detectors again on the open document (with its markup's line facts, when it came from HTML),
    /// keeping every review decision.
    Reannotate,
    /// Uses (`true`) or ignores the open document's page structure (the line facts of the HTML it came from) and
    /// re-annotates it, keeping every review decision. Ignored structure is not saved: a reload keeps it off.
    UseStructure(bool),
    /// Drops the unreviewed suggestions of the open document (before a long text is annotated again in slices).
    ClearSuggestions,
    /// Adds a label.
    AddLabel(Label),
    /// Adds a label by name, with a colour and a key not yet taken.
    AddLabelNamed(String),
    /// Changes a label (name, colour, key); spans follow a rename.
    UpdateLabel(String, Label),
    /// Deletes a label. A built-in label's detector is switched off with it ([`super::Detectors`]).
    DeleteLabel(String, OnDelete),
    /// Switches the detector of a built-in label on (the label comes back if it was deleted, and the open
    /// document is annotated again) or off (its spans stay; re-annotation finds no more).
    Detector(String, bool),
    /// Adds a label to the document label set.
    AddDocLabel(String),
    /// Takes a label out of the document label set (documents that have it keep it).
    DeleteDocLabel(String),
    /// Makes the document label set single-choice (`true`: a document gets at most one of its labels) or
    /// multiple-choice. Documents keep the labels they have; the next one set excludes the others.
    SetDocLabelsSingle(bool),
    /// Undoes the last edit.
    Undo,
    /// Redoes the last undone edit.
    Redo,
    /// Another tab saved a newer revision of a document (or deleted it: `None`).
    External(String, Option<Document>, u64),
    /// A save found that another tab had saved a newer revision first: theirs is kept and shown, with a notice.
    Conflict(String, Document, u64),
    /// Another tab changed the labels.
    ExternalLabels(Vec<Label>),
    /// Another tab saved the index: the document order and which detectors run.
    ExternalIndex(Vec<String>, Detectors),
    /// Shows or hides a label's spans.
    ToggleLayer(String),
    /// Draws only the claims whose check-worthiness reaches this score (0 to 1).
    SetMinWorth(f64),
    /// Selects a span of the open document (or none).
    SelectSpan(Option<String>),
    /// Sets the span-list filter.
    SetFilter(Filter),
    /// Suggestions for a document being annotated slice by slice, with the progress in percent (`None`: the
    /// last slice). Added without an undo step: they are the detectors' work, not an edit.
    Suggest(String, Vec<Span>, Option<u8>),
    /// Switches the main area between the open document and the comparison of all documents.
    ShowView(View),
    /// Takes a document (by id) out of the comparison, or puts it back: the Compare view compares the open
    /// documents the user has not taken out.
    ToggleCompared(String),
    /// Records a decision on the comparison (a row reviewed, two rows merged, a figure split off); undoable.
    Decide(Decision),
    /// Adds the comparison decisions an imported `sift-annotations` file carried. Their document indices count
    /// from the first of the last `of_last` documents (the ones just imported with them).
    AddDecisions {
        /// The decisions, as the file has them.
        decisions: Vec<Decision>,
        /// How many documents, at the end of the list, they are about.
        of_last: usize,
    },
    /// Sets another annotator's export of the same documents beside this browser's work (undoable).
    AddAnnotator(Annotator),
    /// Takes the other annotator at this index away (undoable).
    RemoveAnnotator(usize),
    /// Records the adjudicator's choice for a disagreement (by id); a second choice replaces the first.
    Adjudicate(String, Choice),
    /// Writes the merged spans of the choices made so far into the documents (one undo step).
    ApplyReview,
    /// Moves the adjudication cursor to this disagreement (by index).
    ReviewAt(usize),
    /// A precise check-worthiness model is loaded (in the shell's worker): its name and claim threshold.
    PreciseLoaded {
        /// What the model is.
        name: String,
        /// Its claim threshold.
        threshold: f64,
    },
    /// The worker has scored this many of the sentences it was asked about, of this many.
    PreciseProgress(usize, usize),
    /// The worker's scores for a document's sentences (by text): its claims are scored by them, as
    /// re-annotation does (decisions kept; one undo step).
    PreciseScores(String, Vec<(String, f64)>),
    /// The precise model could not be loaded or run: why. The built-in scorer goes on.
    PreciseFailed(String),
    /// Shows a message to the user.
    Notice(String),
    /// Hides the message.
    DismissNotice,
}

impl Action {
    /// Whether the action edits data, and so is undoable.
    pub fn is_edit(&self) -> bool {
        !matches!(
            self,
            Action::Open(_)
                | Action::Undo
                | Action::Redo
                | Action::External(..)
                | Action::Conflict(..)
                | Action::ExternalLabels(_)
                | Action::ExternalIndex(..)
                | Action::ToggleLayer(_)
                | Action::ToggleCompared(_)
                | Action::SetMinWorth(_)
                | Action::ShowView(_)
                | Action::ReviewAt(_)
                | Action::SelectSpan(_)
                | Action::SetFilter(_)
                | Action::Notice(_)
                | Action::Suggest(..)
                | Action::PreciseLoaded { .. }
                | Action::PreciseProgress(..)
                | Action::PreciseFailed(_)
                | Action::DismissNotice
        )
    }
}
