"""Writes cross-list-relations.json: Label Studio tasks whose `relation` results name regions of other result
lists of their task (a prediction's regions linked in an annotation; two annotators' regions linked by the
second), one relation to a region id no list holds, and a prediction region copied into the annotation made from
it (same region id, as Label Studio does). Offsets are code points, as Label Studio writes for <Text>.
Run from this folder: `python3 make_relations.py`."""
import json

T1 = ("The Islamic State group has claimed responsibility for an attack on a suburban Moscow concert hall that "
      "killed at least 133 people, the most deadly attack in Russia in years.")
T2 = ("“ISIS-K has been fixated on Russia for the past two years,” Colin P. Clarke, a counterterrorism analyst at "
      "the Soufan Group, said.")


def region(rid, text, piece, label, origin="manual"):
    s = text.index(piece)
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "origin": origin,
            "value": {"start": s, "end": s + len(piece), "text": piece, "labels": [label]}}


def relation(a, b, label):
    return {"from_id": a, "to_id": b, "type": "relation", "direction": "right", "labels": [label]}


tasks = [
    {"id": 1, "data": {"text": T1},
     "annotations": [{"id": 11, "completed_by": 1, "result": [
         # Accepted from the prediction: Label Studio keeps the prediction's region id.
         region("p1", T1, "The Islamic State group", "ORG", "prediction"),
         region("a1", T1, "at least 133", "NUM"),
         relation("p1", "p2", "attacked"),  # p2 is only in the prediction
         relation("a1", "p2", "about"),
         relation("a1", "gone", "about"),  # no list holds "gone"
     ]}],
     "predictions": [{"model_version": "ner-1", "result": [
         region("p1", T1, "The Islamic State group", "ORG"),
         region("p2", T1, "Moscow concert hall", "LOC"),
     ]}]},
    {"id": 2, "data": {"text": T2},
     "annotations": [
         {"id": 21, "completed_by": 1, "result": [region("r1", T2, "Colin P. Clarke", "PER")]},
         {"id": 22, "completed_by": 2, "result": [
             region("r2", T2, "ISIS-K has been fixated on Russia for the past two years", "CLAIM"),
             relation("r2", "r1", "said-by"),  # r1 is the first annotator's
         ]},
     ]},
]
with open("cross-list-relations.json", "w", encoding="utf-8") as f:
    json.dump(tasks, f, ensure_ascii=False, indent=2)
    f.write("\n")
