//! Label Studio `relation` results whose regions live in another result list of the task
//! (`tests/data/label-studio/cross-list-relations.json`): read by resolving region ids across every list, with
//! the own list first, and an id no list holds reported where it is.

use serde_json::Value;
use sift::formats::{read, Format};
use sift::text::slice_chars;
use sift::{Document, Import, Origin, Status};
use std::collections::HashSet;

fn fixture() -> String {
    std::fs::read_to_string("tests/data/label-studio/cross-list-relations.json").unwrap()
}

/// (type, from text, to text, origin, status) of every relation of `d`.
fn relations_text(d: &Document) -> Vec<(String, String, String, Origin, Status)> {
    let text = |id: &str| {
        let s = d.spans.iter().find(|s| s.id == id).unwrap_or_else(|| panic!("relation end {id} is a span"));
        slice_chars(&d.text, s.start, s.end).unwrap().to_string()
    };
    d.relations.iter().map(|r| (r.label.clone(), text(&r.from), text(&r.to), r.origin, r.status)).collect()
}

fn rel(ty: &str, from: &str, to: &str) -> (String, String, String, Origin, Status) {
    (ty.into(), from.into(), to.into(), Origin::Manual, Status::Accepted)
}

fn unique_ids(imp: &Import) {
    for d in &imp.documents {
        let mut seen = HashSet::new();
        assert!(d.spans.iter().all(|s| seen.insert(s.id.as_str())), "{}: {:?}", d.id, d.spans);
    }
}

#[test]
fn relations_to_regions_of_other_result_lists_are_read_and_a_missing_id_is_reported() {
    let imp = read(Format::LabelStudio, &fixture()).unwrap();
    unique_ids(&imp);
    // The annotation links the prediction's Moscow concert hall; the second annotator's claim links the first
    // annotator's speaker.
    assert_eq!(
        relations_text(&imp.documents[0]),
        [
            rel("attacked", "The Islamic State group", "Moscow concert hall"),
            rel("about", "at least 133", "Moscow concert hall")
        ]
    );
    assert_eq!(
        relations_text(&imp.documents[1]),
        [rel("said-by", "ISIS-K has been fixated on Russia for the past two years", "Colin P. Clarke")]
    );
    assert_eq!(
        imp.losses,
        ["Label Studio: 1 × task [0]: annotations[0].result[4]: relation to region id \"gone\", which no result \
          list of the task holds, dropped"]
    );
}

#[test]
fn a_region_id_in_two_lists_is_the_own_lists_first_and_stays_unique() {
    let imp = read(Format::LabelStudio, &fixture()).unwrap();
    let d = &imp.documents[0];
    let ids: Vec<(&str, Origin, Status)> = d.spans.iter().map(|s| (s.id.as_str(), s.origin, s.status)).collect();
    // The accepted copy in the annotation keeps the id; the prediction's own region is told apart by its list.
    assert!(ids.contains(&("p1", Origin::Auto, Status::Accepted)), "{ids:?}");
    assert!(ids.contains(&("p1@predictions[0]", Origin::Auto, Status::Suggested)), "{ids:?}");
    assert_eq!(d.relations[0].from, "p1", "the annotation's relation takes the annotation's copy");
    // A third annotator holding the first one's region id as well: the id is in two other lists, the first is
    // linked, and the report says which.
    let mut tasks: Vec<Value> = serde_json::from_str(&fixture()).unwrap();
    let copy = tasks[1]["annotations"][0].clone();
    tasks[1]["annotations"].as_array_mut().unwrap().push(copy);
    let imp = read(Format::LabelStudio, &Value::Array(tasks).to_string()).unwrap();
    unique_ids(&imp);
    assert_eq!(imp.documents[1].relations[0].to, "r1");
    assert_eq!(
        imp.repairs,
        ["Label Studio: task [1].annotations[1].result[1]: region id \"r1\" is in annotations[0] and \
          annotations[2]: linked to the region of annotations[0]"]
    );
}
