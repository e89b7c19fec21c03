//! Where and when a document was published (`url`, `date`) on the gold AP article: kept by both sift formats and
//! in Label Studio's task `data`, absent from older files and from files that do not know them, refused (dropped
//! by Label Studio, saying so) when malformed, named by ClaimReview as where and when a claim appeared, and listed
//! as losses by formats without a place for them.

use serde_json::Value;
use sift::annotation::VERDICT;
use sift::formats::{read, sift as sift_format, write, Format};
use sift::{Document, Label};

const AP: &str = "tests/data/corpus/002_601354975c3094f5.gold.json";
const AP_URL: &str = "https://apnews.com/article/moscow-concert-hall-attack";

/// The AP article as its gold file has it.
fn ap() -> Document {
    read(Format::Sift, &std::fs::read_to_string(AP).unwrap()).unwrap().documents.remove(0)
}

/// The AP article with where and when it was published.
fn ap_published() -> Document {
    Document { url: Some(AP_URL.into()), date: Some("2024-03-23".into()), ..ap() }
}

#[test]
fn url_and_date_survive_both_sift_formats_and_files_without_them_still_read() {
    let gold = ap();
    assert_eq!((gold.url.as_deref(), gold.date.as_deref()), (None, None), "a version 1 gold file has neither");
    let doc = ap_published();
    let json = sift_format::write_json(std::slice::from_ref(&doc), &Label::builtin());
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!((&v["documents"][0]["url"], &v["documents"][0]["date"]), (&AP_URL.into(), &"2024-03-23".into()));
    for (f, text) in [
        (Format::Sift, json),
        (Format::SiftJsonl, sift_format::write_jsonl(std::slice::from_ref(&doc), &Label::builtin())),
    ] {
        let back = read(f, &text).unwrap();
        assert_eq!(back.documents, std::slice::from_ref(&doc), "{f:?}");
        assert!(back.losses.is_empty() && back.repairs.is_empty(), "{f:?}: {:?} {:?}", back.losses, back.repairs);
    }
    // Unknown: left out, not written empty; and the reviewed-only copy keeps them.
    let v: Value = serde_json::from_str(&sift_format::write_json(std::slice::from_ref(&gold), &[])).unwrap();
    let keys: Vec<&String> = v["documents"][0].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["id", "name", "text", "spans"]);
    assert_eq!((doc.accepted().url, doc.accepted().date), (doc.url.clone(), doc.date.clone()));
    // The serde form (what the app saves) reads a document saved before the fields existed.
    let mut saved = serde_json::to_value(&gold).unwrap();
    assert!(saved.get("url").is_none() && saved.get("date").is_none());
    saved["url"] = AP_URL.into();
    let d: Document = serde_json::from_value(saved).unwrap();
    assert_eq!((d.url.as_deref(), d.date), (Some(AP_URL), None));
}

#[test]
fn a_malformed_url_or_date_is_refused_with_where_it_is() {
    let good: Value = serde_json::from_str(&sift_format::write_json(&[ap_published()], &[])).unwrap();
    let table: &[(&str, Value, &str)] = &[
        ("url", "apnews.com/article/x".into(), "documents[0]: `url` \"apnews.com/article/x\" is not an http(s) URL"),
        ("url", "".into(), "documents[0]: `url` \"\" is not an http(s) URL"),
        ("date", "March 23, 2024".into(), "documents[0]: `date` \"March 23, 2024\" is not an ISO 8601 date"),
        ("date", "2024-02-30".into(), "`date` \"2024-02-30\" is not an ISO 8601 date"),
        ("date", 20240323.into(), "documents[0]: `date` must be a string, not a number"),
    ];
    for (key, value, want) in table {
        let mut bad = good.clone();
        bad["documents"][0][key] = value.clone();
        let err = read(Format::Sift, &bad.to_string()).unwrap_err().to_string();
        assert!(err.contains(want), "{key} = {value}: {err}");
    }
    let mut null = good;
    null["documents"][0]["date"] = Value::Null;
    assert_eq!(read(Format::Sift, &null.to_string()).unwrap().documents[0].date, None);
}

/// The reviews of `doc` with a verdict on its first claim.
fn reviews(mut doc: Document) -> Vec<Value> {
    let claim = doc.spans.iter_mut().find(|s| s.label == "claim").expect("a claim");
    claim.attrs.insert(VERDICT.into(), "mostly true".into());
    let out = write(Format::ClaimReview, &[doc], &Label::builtin());
    let Value::Array(r) = serde_json::from_str(out.single().unwrap()).unwrap() else { panic!("an array") };
    assert_eq!(r.len(), 1);
    r
}

#[test]
fn claimreview_names_the_article_and_its_date_and_leaves_out_what_is_unknown() {
    let r = &reviews(ap_published())[0];
    assert_eq!(
        r["itemReviewed"]["appearance"],
        serde_json::json!({"@type": "CreativeWork", "url": AP_URL, "datePublished": "2024-03-23"})
    );
    // The review's own date is the fact-check's, which sift does not know.
    assert!(r.get("datePublished").is_none() && r.get("url").is_none(), "{r}");
    // A date alone, a url alone, neither: only what is known, never an empty string.
    let date_only = Document { url: None, ..ap_published() };
    let a = &reviews(date_only)[0]["itemReviewed"]["appearance"];
    assert_eq!(*a, serde_json::json!({"@type": "CreativeWork", "datePublished": "2024-03-23"}));
    let url_only = Document { date: None, ..ap_published() };
    let a = &reviews(url_only)[0]["itemReviewed"]["appearance"];
    assert_eq!(*a, serde_json::json!({"@type": "CreativeWork", "url": AP_URL}));
    assert!(reviews(ap())[0]["itemReviewed"].get("appearance").is_none());
}

#[test]
fn formats_without_a_place_for_them_list_them_as_losses() {
    let docs = [ap_published()];
    for f in [Format::Doccano, Format::Spacy, Format::Brat, Format::W3c, Format::Conll, Format::Text] {
        let losses = write(f, &docs, &Label::builtin()).losses;
        for field in ["url", "date"] {
            let want = format!("1 × document `{field}` dropped (the format has no place for it)");
            assert!(losses.iter().any(|l| l.ends_with(&want)), "{f:?}: {losses:?}");
        }
    }
    for f in [Format::Sift, Format::SiftJsonl] {
        assert!(write(f, &docs, &Label::builtin()).losses.is_empty(), "{f:?}");
    }
    let ls = write(Format::LabelStudio, &docs, &Label::builtin()).losses;
    assert!(!ls.iter().any(|l| l.contains("document `url`") || l.contains("document `date`")), "{ls:?}");
    let none = write(Format::Doccano, &[ap()], &Label::builtin()).losses;
    assert!(!none.iter().any(|l| l.contains("document `url`")), "{none:?}");
}

/// The tasks file of a Label Studio export.
fn tasks(doc: Document) -> Value {
    let out = write(Format::LabelStudio, &[doc], &Label::builtin());
    serde_json::from_str(&out.files[0].1).unwrap()
}

#[test]
fn label_studio_keeps_them_in_data_and_drops_malformed_ones_saying_so() {
    let v = tasks(ap_published());
    assert_eq!((&v[0]["data"]["url"], &v[0]["data"]["date"]), (&AP_URL.into(), &"2024-03-23".into()));
    let back = read(Format::LabelStudio, &v.to_string()).unwrap();
    let d = &back.documents[0];
    assert_eq!((d.url.as_deref(), d.date.as_deref()), (Some(AP_URL), Some("2024-03-23")));
    assert!(!back.losses.iter().any(|l| l.contains("url") || l.contains("date")), "{:?}", back.losses);
    // Unknown: left out of `data`, and read back as unknown.
    let none = tasks(ap());
    let keys: Vec<&String> = none[0]["data"].as_object().unwrap().keys().collect();
    assert!(!keys.iter().any(|k| *k == "url" || *k == "date"), "{keys:?}");
    let d = read(Format::LabelStudio, &none.to_string()).unwrap().documents.remove(0);
    assert_eq!((d.url, d.date), (None, None));
    // Malformed: dropped, the task read, the other one kept, the loss saying which task and why.
    let table: &[(&str, Value, &str)] = &[
        ("url", "apnews.com/x".into(), "task [0]: `data.url` \"apnews.com/x\" is not an http(s) URL; dropped"),
        ("date", "23.03.2024".into(), "task [0]: `data.date` \"23.03.2024\" is not an ISO 8601 date"),
        ("date", 20240323.into(), "task [0]: `data.date` must be a string, not a number; dropped"),
    ];
    for (key, value, want) in table {
        let mut bad = v.clone();
        bad[0]["data"][key] = value.clone();
        let r = read(Format::LabelStudio, &bad.to_string()).unwrap();
        assert!(r.losses.iter().any(|l| l.contains(want)), "{key} = {value}: {:?}", r.losses);
        let d = &r.documents[0];
        let (this, other) = if *key == "url" { (&d.url, &d.date) } else { (&d.date, &d.url) };
        assert_eq!(this, &None, "{key}");
        assert!(other.is_some(), "{key}: the other one is kept");
    }
    // A task whose text is under another key: the url and date are not taken for the text.
    let t = serde_json::json!([{"data": {"content": "Police said 11 people were detained.", "url": AP_URL}}]);
    let r = read(Format::LabelStudio, &t.to_string()).unwrap();
    assert_eq!(
        (r.documents[0].text.as_str(), r.documents[0].url.as_deref()),
        ("Police said 11 people were detained.", Some(AP_URL))
    );
}
