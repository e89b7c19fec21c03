//! The schema.org ClaimReview export on the gold articles: one review per claim a person gave a verdict, the
//! claim's exact sentence, the rating on the guidelines' scale, the author and the evidence; everything else
//! named in the losses; and a format sift refuses to read back.

use serde_json::Value;
use sift::annotation::{auto_id, Relation, EVIDENCE, SAID_BY, VERDICT};
use sift::formats::{read, read_files, write, Format};
use sift::text::slice_chars;
use sift::{Category, Document, ErrorKind, Label, Span, Status};
use std::process::{Command, Stdio};

/// Site chrome before the article, outside the Basic Multilingual Plane (flags, emoji): a code point is one
/// `char` here but four UTF-8 bytes and two UTF-16 units, so a writer cutting at the wrong unit quotes the
/// wrong words.
const PREFIX: &str = "🇷🇺🔥 Live updates 📰\n\n";

/// Where the second article was published: its name, as a JSONL record keyed by URL gives.
const AP_URL: &str = "https://apnews.com/article/moscow-concert-hall-attack";

fn gold(stem: &str) -> Document {
    let path = format!("tests/data/corpus/{stem}.gold.json");
    let mut imp = read(Format::Sift, &std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(imp.documents.len(), 1, "{path}");
    imp.documents.remove(0)
}

/// `d` with `prefix` before its text and every span moved past it.
fn prefixed(mut d: Document, prefix: &str) -> Document {
    let n = prefix.chars().count();
    d.text = format!("{prefix}{}", d.text);
    for s in &mut d.spans {
        s.start += n;
        s.end += n;
        s.id = auto_id(&s.label, &s.range());
    }
    d
}

/// The claim of `d` covering exactly `sentence`.
fn claim<'d>(d: &'d mut Document, sentence: &str) -> &'d mut Span {
    let text = d.text.clone();
    d.spans
        .iter_mut()
        .find(|s| s.label == "claim" && slice_chars(&text, s.start, s.end) == Some(sentence))
        .unwrap_or_else(|| panic!("no claim {sentence:?} in {}", d.id))
}

/// One claim a person reviewed, and the review it must give (`None`: none).
struct Case {
    doc: usize,
    sentence: &'static str,
    verdict: &'static str,
    evidence: Option<&'static str>,
    status: Status,
    /// `ratingValue` and `alternateName`.
    want: Option<(Option<u64>, &'static str)>,
    /// The author's `@type` and `name`.
    author: Option<(&'static str, &'static str)>,
}

const CASES: &[Case] = &[
    Case {
        doc: 0,
        sentence: "Ukraine has dismissed the allegations of its involvement in the mass shooting.",
        verdict: "true",
        evidence: Some("https://mfa.gov.ua/en/news/statement-moscow-region"),
        status: Status::Accepted,
        want: Some((Some(5), "true")),
        author: Some(("Organization", "Ukraine")),
    },
    Case {
        doc: 0,
        sentence: "“ISIS-K has been fixated on Russia for the past two years,” Colin P. Clarke, a counterterrorism \
                   analyst at the Soufan Group, a security consulting firm based in New York, is quoted as saying.",
        verdict: "Mostly-False",
        evidence: Some("  The quote is from an interview given in 2022, not this week. "),
        status: Status::Accepted,
        want: Some((Some(2), "mostly false")),
        author: Some(("Person", "Colin P. Clarke")),
    },
    Case {
        doc: 0,
        sentence: "There were reportedly over 120 injured people.",
        verdict: "unverifiable",
        evidence: None,
        status: Status::Accepted,
        want: Some((None, "unverifiable")),
        author: None,
    },
    Case {
        doc: 0,
        sentence: "The US confirmed this shortly afterward.",
        verdict: "false",
        evidence: Some("https://example.org/rejected"),
        status: Status::Rejected,
        want: None,
        author: None,
    },
    Case {
        doc: 0,
        sentence: "The White House also confirmed that there was no indication that Ukraine was behind the Moscow \
                   attack.",
        verdict: "pants on fire",
        evidence: None,
        status: Status::Accepted,
        want: None,
        author: None,
    },
    Case {
        doc: 1,
        sentence:
            "He noted that it took place on a Friday during the holy month of Ramadan, a time favored by jihadis.",
        verdict: "true",
        evidence: Some("https://en.wikipedia.org/wiki/Ramadan_(calendar_month)"),
        status: Status::Accepted,
        want: Some((Some(5), "true")),
        author: Some(("Person", "Olivier Guitta")),
    },
    Case {
        doc: 1,
        sentence: "In the same statement, the ministry in Kyiv suggested that the Russian government itself might be \
                   involved.",
        verdict: "mixed",
        evidence: Some("The statement says so, but as a question."),
        status: Status::Accepted,
        want: Some((Some(3), "mixed")),
        author: Some(("Organization", "Ukraine’s Foreign Ministry")),
    },
];

/// The Euromaidan article behind emoji chrome, and the AP original named by its URL, with the verdicts of
/// [`CASES`], a verdict on a number, a relation and a document label.
fn reviewed() -> Vec<Document> {
    let mut ap = gold("002_601354975c3094f5");
    ap.name = AP_URL.to_string();
    let mut docs = vec![prefixed(gold("000_266354f2ac06ead1"), PREFIX), ap];
    for c in CASES {
        let s = claim(&mut docs[c.doc], c.sentence);
        s.status = c.status;
        s.attrs.insert(VERDICT.into(), c.verdict.into());
        if let Some(e) = c.evidence {
            s.attrs.insert(EVIDENCE.into(), e.into());
        }
    }
    let n = docs[0].spans.iter_mut().find(|s| s.label == "number").expect("a number");
    n.attrs.insert(VERDICT.into(), "true".into());
    let (from, to) = (docs[1].spans[0].id.clone(), docs[1].spans[1].id.clone());
    docs[1].relations.push(Relation::manual(from, to, SAID_BY));
    docs[1].categories.push(Category::manual("attack"));
    docs
}

fn export(docs: &[Document]) -> (Vec<Value>, Vec<String>) {
    let out = write(Format::ClaimReview, docs, &Label::builtin());
    assert_eq!(out.files.len(), 1);
    assert_eq!(out.files[0].0, "claimreview.json");
    let Value::Array(reviews) = serde_json::from_str(&out.files[0].1).unwrap() else { panic!("not an array") };
    (reviews, out.losses)
}

#[test]
fn one_review_per_verdict_with_the_exact_sentence_rating_author_and_evidence() {
    let docs = reviewed();
    assert!(PREFIX.len() > PREFIX.chars().count() + 8, "the prefix must shift bytes and code points apart");
    let (reviews, _) = export(&docs);
    let want: Vec<&Case> = CASES.iter().filter(|c| c.want.is_some()).collect();
    assert_eq!(reviews.len(), want.len(), "{reviews:#?}");
    for (r, c) in reviews.iter().zip(want) {
        let at = c.sentence;
        assert_eq!(r["@context"], "https://schema.org", "{at}");
        assert_eq!(r["@type"], "ClaimReview", "{at}");
        assert_eq!(r["claimReviewed"], c.sentence);
        let (value, word) = c.want.unwrap();
        let rating = r["reviewRating"].as_object().unwrap();
        assert_eq!(rating["@type"], "Rating", "{at}");
        assert_eq!(rating["alternateName"], word, "{at}");
        match value {
            Some(v) => {
                assert_eq!(rating["ratingValue"], v, "{at}");
                assert_eq!((&rating["bestRating"], &rating["worstRating"]), (&5.into(), &1.into()), "{at}");
            }
            None => assert_eq!(rating.keys().collect::<Vec<_>>(), ["@type", "alternateName"], "{at}"),
        }
        let item = &r["itemReviewed"];
        assert_eq!(item["@type"], "Claim", "{at}");
        match c.author {
            Some((kind, name)) => {
                assert_eq!((&item["author"]["@type"], &item["author"]["name"]), (&kind.into(), &name.into()), "{at}")
            }
            None => assert!(item.get("author").is_none(), "{at}"),
        }
        let appearance = item.get("appearance").map(|a| (a["@type"].clone(), a["url"].clone()));
        assert_eq!(appearance, (c.doc == 1).then(|| ("CreativeWork".into(), AP_URL.into())), "{at}");
        let evidence = c.evidence.map(str::trim);
        let is_url = evidence.is_some_and(|e| e.starts_with("https://"));
        assert_eq!(r.get("citation").map(|x| &x["url"]), evidence.filter(|_| is_url).map(Value::from).as_ref(), "{at}");
        assert_eq!(r.get("reviewBody"), evidence.filter(|_| !is_url).map(Value::from).as_ref(), "{at}");
        assert!(r.get("url").is_none() && r.get("datePublished").is_none(), "sift knows neither: {at}");
    }
}

/// The count of the loss line `ClaimReview: <n> × <what>`, if there is one.
fn count(losses: &[String], what: &str) -> Option<usize> {
    losses.iter().find_map(|l| l.strip_prefix("ClaimReview: ")?.strip_suffix(what)?.strip_suffix(" × ")?.parse().ok())
}

#[test]
fn what_is_not_carried_is_counted_in_the_losses() {
    let docs = reviewed();
    let (reviews, losses) = export(&docs);
    let spans = |f: &dyn Fn(&Span) -> bool| docs.iter().flat_map(|d| &d.spans).filter(|s| f(s)).count();
    let unverdicted = spans(&|s| s.label == "claim" && !s.attrs.contains_key(VERDICT));
    let numbers = spans(&|s| s.label == "number");
    let chrome = spans(&|s| s.label == "boilerplate");
    assert!(unverdicted > 40 && numbers > 40 && chrome > 10, "{unverdicted} {numbers} {chrome}");
    let table: &[(&str, usize)] = &[
        ("rejected claims not exported", 1),
        ("claims without a verdict not exported", unverdicted),
        (
            "claims whose verdict is not one of true, mostly true, mixed, mostly false, false, unverifiable not \
             exported",
            1,
        ),
        ("verdict on a \"number\" span not exported (only claims are reviewed)", 1),
        ("\"number\" spans not exported (only claims with a verdict are)", numbers - 1),
        ("\"boilerplate\" spans not exported (only claims with a verdict are)", chrome),
        ("claim offsets and span id not kept (a review quotes the text)", reviews.len()),
        ("origin `gold` dropped", reviews.len()),
        ("attr `cue` dropped", reviews.len()),
        ("attr `quote` dropped", 1),
        (
            "document text, id and name not kept (only the claims' text, and a name or id that is a URL as where \
             they appear)",
            2,
        ),
        ("relation `said-by` dropped (the format has no relations)", 1),
        ("document label `attack` dropped (the format has no document labels)", 1),
    ];
    for (what, n) in table {
        assert_eq!(count(&losses, what), Some(*n), "{what}\n{losses:#?}");
    }
    assert!(losses.iter().any(|l| l.starts_with("ClaimReview: label colours")), "{losses:#?}");
    // The verdict, evidence and source are carried, and every claim reviewed was accepted: no line says otherwise.
    for carried in ["`verdict`", "`evidence`", "`source`", "status"] {
        assert!(!losses.iter().any(|l| l.contains(carried)), "{carried}: {losses:#?}");
    }
    assert!(!losses.iter().any(|l| l.contains("no claim has a verdict")), "{losses:#?}");
}

#[test]
fn no_verdict_gives_an_empty_array_and_says_why() {
    let docs = vec![
        gold("000_266354f2ac06ead1"),
        sift::annotate("a", "a.txt", "Prices rose 3% in May, officials said.", sift::Layers::ALL),
    ];
    let claims: Vec<usize> = docs.iter().map(|d| d.spans.iter().filter(|s| s.label == "claim").count()).collect();
    assert_eq!(claims[0], 19);
    assert!(claims[1] > 0, "the detector finds the claim");
    let (reviews, losses) = export(&docs);
    assert!(reviews.is_empty());
    assert!(losses[0].starts_with("ClaimReview: no claim has a verdict"), "{losses:#?}");
    assert_eq!(count(&losses, "claims without a verdict not exported"), Some(claims[0] + claims[1]), "{losses:#?}");
    let (reviews, losses) = export(&[]);
    assert!(reviews.is_empty() && losses[0].contains("no claim has a verdict"), "{losses:#?}");
}

#[test]
fn sift_refuses_to_read_it_back_and_detects_it_as_what_it_is() {
    let out = write(Format::ClaimReview, &reviewed(), &Label::builtin());
    let body = out.single().unwrap();
    assert_eq!(Format::detect("claimreview.json", body), Some(Format::ClaimReview));
    for e in [
        read(Format::ClaimReview, body).unwrap_err(),
        read_files(Format::ClaimReview, &[("r.json", body)]).unwrap_err(),
    ] {
        assert_eq!(e.kind(), ErrorKind::Unsupported);
        assert_eq!(e.to_string(), "ClaimReview is an export format: sift cannot read it back");
    }
    // Read as W3C (its JSON-LD neighbour), the error says what the file is instead of sending the user on.
    let e = read(Format::W3c, body).unwrap_err().to_string();
    assert!(e.ends_with("(this looks like a claimreview export, which sift cannot read)"), "{e}");
    let names: Vec<&str> = Format::ALL.iter().filter(|f| !f.is_readable()).map(|f| f.name()).collect();
    assert_eq!(names, ["claimreview"]);
    for alias in ["claimreview", "ClaimReview", "claim-review", "claim_review", "schema.org"] {
        assert_eq!(Format::from_name(alias).unwrap(), Format::ClaimReview, "{alias}");
    }
    assert_eq!(Format::ClaimReview.extension(), "json");
}

#[test]
fn no_other_file_is_taken_for_a_claimreview() {
    let docs = reviewed();
    let mut files: Vec<(String, String)> = Vec::new();
    for f in Format::ALL.iter().copied().filter(|f| f.is_readable()) {
        files.extend(write(f, &docs, &Label::builtin()).files);
    }
    let mut dirs = vec![std::path::PathBuf::from("tests/data/interop")];
    while let Some(dir) = dirs.pop() {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if let Ok(text) = std::fs::read_to_string(&p) {
                files.push((p.display().to_string(), text));
            }
        }
    }
    assert!(files.len() > 30, "{}", files.len());
    for (name, content) in &files {
        assert_ne!(Format::detect(name, content), Some(Format::ClaimReview), "{name}");
    }
}

#[test]
fn the_command_line_writes_it_and_refuses_to_read_it() {
    let dir = std::env::temp_dir().join(format!("sift-claimreview-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("reviewed.json");
    std::fs::write(&input, write(Format::Sift, &reviewed(), &Label::builtin()).single().unwrap()).unwrap();
    let run =
        |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_sift")).args(args).stdin(Stdio::null()).output().unwrap();
    let out = run(&["convert", "--from", "sift", "--to", "claim-review", input.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let reviews: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(reviews.len(), CASES.iter().filter(|c| c.want.is_some()).count());
    assert!(String::from_utf8_lossy(&out.stderr).contains("rejected claims not exported"));
    // A file that is not there: refused for its format before sift looks for the file.
    let out = run(&["convert", "--from", "claimreview", "--to", "sift", "no-such-file.json"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("ClaimReview is an export format: sift cannot read it back") && !err.contains("no-such-file"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
