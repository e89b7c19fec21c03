//! schema.org [`ClaimReview`](https://schema.org/ClaimReview) JSON-LD, the markup fact-checkers publish and
//! Google's Fact Check tools read: one review per claim a person gave a verdict (GUIDELINES "claim verdicts").
//!
//! **Write-only.** A review quotes its claim but not where it stands in the document, and the rest of the
//! document is not there: nothing could be read back into spans.
//!
//! **Unit: none** (the claim's text is quoted, cut at code points). **Kept:** claims that are not rejected and
//! whose `attrs.verdict` is on the scale, with their `source` (the claim's author) and `evidence`. **Lost on
//! export:** every other span, the offsets and other fields of the claims kept, the documents' text, ids and
//! names (the document's `url`, else a name or id that is a URL, becomes where the claim appears), relations,
//! document labels, label colours.
//!
//! ```json
//! {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "…",
//!  "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "…"},
//!                   "appearance": {"@type": "CreativeWork", "url": "https://…", "datePublished": "2024-03-23"}},
//!  "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1,
//!                   "alternateName": "mostly false"},
//!  "citation": {"@type": "CreativeWork", "url": "https://…"}}
//! ```
//!
//! The review has no `url` and no `author`: in ClaimReview those are the fact-check's own page and its writer,
//! which sift does not know (the article the claim comes from is the claim's `appearance`). For the same reason
//! the review has no `datePublished` (the day the fact-check was published): the document's `date` is the
//! article's, so it is the appearance's `datePublished`. An unknown `url` or `date` is left out, never empty.

use super::common::{label_styles_lost, quote, Tally};
use super::published::is_url;
use super::Export;
use crate::annotation::{Document, Label, Origin, Span, Status, Verdict, CLAIM, EVIDENCE, VERDICT};
use crate::text::OffsetMap;
use serde_json::{json, Map, Value};

/// The one file's name: `.json`, since [`super::Format::detect`] takes `.jsonld` for W3C Web Annotation.
pub(super) const FILE_NAME: &str = "claimreview.json";

/// The span attribute naming who made a claim (the claim detector's, GUIDELINES "source").
const SOURCE: &str = "source";

/// The attrs of a claim a review carries.
const CARRIED: &[&str] = &[VERDICT, EVIDENCE, SOURCE];

/// Loss lines are prefixed with this.
const NAME: &str = "ClaimReview";

pub(crate) fn write(docs: &[Document], labels: &[Label]) -> Export {
    let mut t = Tally::default();
    let mut reviews = Vec::new();
    for d in docs {
        let map = OffsetMap::new(&d.text);
        let appearance = appearance(d);
        for s in &d.spans {
            match verdict_of(s, map.len_chars()) {
                Ok(v) => reviews.push(review(s, map.slice(&d.text, s.start, s.end), v, appearance.as_ref(), &mut t)),
                Err(why) => t.add(why),
            }
        }
    }
    t.add_n(
        "document text, id and name not kept (only the claims' text, and a name or id that is a URL as where they \
         appear)",
        docs.len(),
    );
    let mut losses = Vec::new();
    if reviews.is_empty() {
        losses.push(format!(
            "{NAME}: no claim has a verdict (`attrs.{VERDICT}`: {}), so there is nothing to export",
            scale()
        ));
    }
    losses.extend(t.lines(NAME));
    losses.extend(super::links::unsupported(NAME, docs));
    losses.extend(label_styles_lost(NAME, labels));
    let mut body = serde_json::to_string_pretty(&Value::Array(reviews)).expect("JSON values always serialize");
    body.push('\n');
    Export { files: vec![(FILE_NAME.into(), body)], losses }
}

/// The verdict names, as messages list them.
fn scale() -> String {
    Verdict::ALL.map(Verdict::name).join(", ")
}

/// The verdict a review of `s` gives, or why `s` gets none (a loss line). `len` is the text's length.
fn verdict_of(s: &Span, len: usize) -> Result<Verdict, String> {
    let verdict = s.attrs.get(VERDICT).filter(|v| !v.is_null());
    if s.label != CLAIM {
        return Err(match verdict {
            Some(_) => format!("verdict on a {} span not exported (only claims are reviewed)", quote(&s.label)),
            None => format!("{} spans not exported (only claims with a verdict are)", quote(&s.label)),
        });
    }
    if s.start > s.end || s.end > len {
        return Err("claims with offsets outside the text not exported".into());
    }
    if s.start == s.end {
        return Err("empty claims not exported".into());
    }
    if s.status == Status::Rejected {
        return Err("rejected claims not exported".into());
    }
    match verdict {
        None => Err("claims without a verdict not exported".into()),
        Some(v) => v
            .as_str()
            .and_then(Verdict::from_name)
            .ok_or_else(|| format!("claims whose verdict is not one of {} not exported", scale())),
    }
}

/// The review of claim `s`, whose text is `text`; `appearance` is the document it appears in, when known.
fn review(s: &Span, text: &str, v: Verdict, appearance: Option<&Value>, t: &mut Tally) -> Value {
    let mut rating = Map::new();
    rating.insert("@type".into(), "Rating".into());
    if let Some(r) = v.rating() {
        rating.insert("ratingValue".into(), r.into());
        rating.insert("bestRating".into(), Verdict::BEST_RATING.into());
        rating.insert("worstRating".into(), Verdict::WORST_RATING.into());
    }
    rating.insert("alternateName".into(), v.name().into());
    let mut claim = Map::new();
    claim.insert("@type".into(), "Claim".into());
    match s.attrs.get(SOURCE) {
        Some(Value::String(who)) if !who.trim().is_empty() => {
            let who = who.trim();
            claim.insert("author".into(), json!({"@type": author_type(who), "name": who}));
        }
        None | Some(Value::Null) | Some(Value::String(_)) => {}
        Some(_) => t.add(format!("attr `{SOURCE}` that is not text dropped")),
    }
    if let Some(a) = appearance {
        claim.insert("appearance".into(), a.clone());
    }
    let mut out = Map::new();
    out.insert("@context".into(), "https://schema.org".into());
    out.insert("@type".into(), "ClaimReview".into());
    out.insert("claimReviewed".into(), text.into());
    out.insert("itemReviewed".into(), claim.into());
    out.insert("reviewRating".into(), rating.into());
    // Evidence that is a URL is a work the review cites: `citation` ("a citation or reference to another
    // creative work, such as another publication, web page"), not `isBasedOn`, which says the review was
    // adapted from it. A note is the review's own words: `reviewBody`.
    match s.attrs.get(EVIDENCE) {
        Some(Value::String(e)) if is_url(e.trim()) => {
            out.insert("citation".into(), json!({"@type": "CreativeWork", "url": e.trim()}));
        }
        Some(Value::String(e)) if !e.trim().is_empty() => {
            out.insert("reviewBody".into(), e.trim().into());
        }
        None | Some(Value::Null) | Some(Value::String(_)) => {}
        Some(_) => t.add(format!("attr `{EVIDENCE}` that is not text dropped")),
    }
    tally_dropped(s, t);
    Value::Object(out)
}

/// What a review leaves out of the claim it was made from.
fn tally_dropped(s: &Span, t: &mut Tally) {
    t.add("claim offsets and span id not kept (a review quotes the text)");
    if s.origin != Origin::Manual {
        t.add(format!("origin `{}` dropped", s.origin.name()));
    }
    if s.status != Status::Accepted {
        t.add(format!("status `{}` dropped", s.status.name()));
    }
    for (field, set) in [("rule", s.rule.is_some()), ("why", s.why.is_some()), ("note", s.note.is_some())] {
        if set {
            t.add(format!("{field} dropped"));
        }
    }
    for k in s.attrs.keys().filter(|k| !CARRIED.contains(&k.as_str())) {
        t.add(format!("attr `{k}` dropped"));
    }
}

/// The document a claim appears in, as a `CreativeWork` with what sift knows of it: its `url` (the document's
/// own, else its name or id when that is an http(s) URL, as a JSONL record keyed by URL is named) and its
/// `datePublished`; `None` when it knows neither.
fn appearance(d: &Document) -> Option<Value> {
    let named = || [d.name.as_str(), d.id.as_str()].into_iter().map(str::trim).find(|s| is_url(s));
    let url = d.url.as_deref().or_else(named);
    let mut work = Map::new();
    work.insert("@type".into(), "CreativeWork".into());
    if let Some(u) = url {
        work.insert("url".into(), u.into());
    }
    if let Some(day) = &d.date {
        work.insert("datePublished".into(), day.as_str().into());
    }
    (work.len() > 1).then_some(Value::Object(work))
}

/// Words that make a source an organization however it is written ("Islamic State", "Foreign Ministry").
const ORG_WORDS: &[&str] = &[
    "administration",
    "agency",
    "airlines",
    "amnesty",
    "army",
    "assembly",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "cabinet",
    "center",
    "centre",
    "church",
    "city",
    "college",
    "commission",
    "committee",
    "company",
    "congress",
    "corporation",
    "council",
    "court",
    "department",
    "embassy",
    "federation",
    "force",
    "forces",
    "foundation",
    "front",
    "fund",
    "government",
    "group",
    "guard",
    "hall",
    "herald",
    "house",
    "inc",
    "institute",
    "international",
    "journal",
    "kingdom",
    "kremlin",
    "league",
    "ltd",
    "media",
    "military",
    "ministry",
    "movement",
    "nations",
    "network",
    "news",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "pentagon",
    "police",
    "post",
    "press",
    "republic",
    "school",
    "senate",
    "service",
    "services",
    "society",
    "state",
    "states",
    "team",
    "telegraph",
    "times",
    "tribune",
    "union",
    "united",
    "university",
    "watch",
];

/// Lower-case words a personal name may hold ("Charles de Gaulle", "Ursula von der Leyen").
const PARTICLES: &[&str] =
    &["al", "bin", "da", "de", "del", "della", "der", "di", "du", "el", "ibn", "la", "le", "van", "von", "y"];

/// The schema.org type of the `author` a claim's `source` names, as Google's ClaimReview guide allows:
/// `Person` when it reads as a personal name, else `Organization`. A personal name is two or more capitalised
/// words (an initial such as "P." counts; lower-case particles such as "de", "von", "al-" are allowed), with no
/// acronym ("US", "FSB", "U.S."), no leading "The" and no organization word ("Ministry", "House", "State").
/// Sources are as often institutions, countries and groups ("officials", "Ukraine", "Islamic State") as people,
/// so the rule leans to `Organization`: a bare surname ("Putin") gets it, the price of never making a ministry
/// a person.
pub(crate) fn author_type(source: &str) -> &'static str {
    let words: Vec<&str> = source.split_whitespace().collect();
    let capitalised = words.iter().filter(|w| !PARTICLES.contains(w)).count();
    let person = capitalised >= 2
        && !words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"))
        && words.iter().all(|w| PARTICLES.contains(w) || name_word(w));
    if person {
        "Person"
    } else {
        "Organization"
    }
}

/// Whether `w` can be a word of a personal name: capitalised, an initial, not an acronym, not an organization
/// word.
fn name_word(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
    let w = ["al-", "el-"].iter().find_map(|p| w.strip_prefix(p)).unwrap_or(w);
    let bare = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
    let letters: Vec<char> = bare.chars().filter(|c| c.is_alphabetic()).collect();
    let Some(first) = bare.chars().next() else { return false };
    let marks = bare.chars().filter(|c| matches!(c, '.' | '-' | '\'' | '’')).count();
    if !first.is_uppercase() || letters.len() + marks != bare.chars().count() {
        return false; // lower case, or digits and symbols ("2024", "G7")
    }
    if letters.len() == 1 {
        return true; // an initial: "P.", "J"
    }
    let acronym = letters.iter().all(|c| c.is_uppercase());
    let lower: String = letters.iter().flat_map(|c| c.to_lowercase()).collect();
    !acronym && !ORG_WORDS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_types_of_the_corpus_sources_and_some_names() {
        // Every `source` of the gold corpus (tests/data/corpus), then names the corpus does not have.
        let people = [
            "Colin P. Clarke",
            "Olivier Guitta",
            "Syed Muhammad Ali",
            "Vladimir Putin",
            "Ursula von der Leyen",
            "Charles de Gaulle",
            "Abu Bakr al-Baghdadi",
            "Jean-Pierre Raffarin",
            "J. K. Rowling",
            "Conan O'Brien",
        ];
        let organizations = [
            "A U.S. official",
            "IS-K",
            "ISIS-K",
            "Islamic State",
            "Moscow and Kyiv",
            "One US official",
            "Putin",
            "Russia’s FSB",
            "The Islamic State group",
            "The Kremlin’s press service",
            "The U.S. Embassy in Moscow",
            "The US",
            "The United States",
            "The White House",
            "The official",
            "U.S. counterterrorism officials",
            "US officials",
            "US",
            "Ukraine",
            "Ukraine’s Foreign Ministry",
            "a branch of the Islamic State",
            "officials",
            "the Investigative Committee of the Russian Federation",
            "the New York Times",
            "the United States",
            "Human Rights Watch",
            "G7 Leaders",
            "",
        ];
        for (names, want) in [(&people[..], "Person"), (&organizations[..], "Organization")] {
            for n in names {
                assert_eq!(author_type(n), want, "{n:?}");
            }
        }
    }
}
