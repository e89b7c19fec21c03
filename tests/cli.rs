//! The `sift` binary end to end: real articles in, valid annotations out, clear messages on bad input.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

const ARTICLE: &str = "tests/data/corpus/002_601354975c3094f5.txt";

/// Starts the binary with `args`, its stdin fed with `stdin` from a thread (so a large input cannot deadlock on a
/// full stdout pipe); the caller waits for the child, then joins the feeder.
fn spawn_fed(args: &[&str], stdin: &[u8]) -> (std::process::Child, std::thread::JoinHandle<()>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sift"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    (child, feeder)
}

fn sift(args: &[&str], stdin: &[u8]) -> Output {
    let (child, feeder) = spawn_fed(args, stdin);
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

fn stdout_json(o: &Output) -> Value {
    assert!(o.status.success(), "exit {:?}: {}", o.status, String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn annotate_a_file_writes_valid_sift_annotations() {
    let o = sift(&["annotate", ARTICLE], b"");
    let v = stdout_json(&o);
    assert_eq!(v["format"], "sift-annotations");
    assert_eq!(v["version"], 2);
    let doc = &v["documents"][0];
    assert_eq!(doc["name"], "002_601354975c3094f5.txt");
    let text = std::fs::read_to_string(ARTICLE).unwrap();
    assert_eq!(doc["text"].as_str().unwrap(), text);
    let spans = doc["spans"].as_array().unwrap();
    let chars: Vec<char> = text.chars().collect();
    for s in spans {
        let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        assert_eq!(s["text"].as_str().unwrap(), chars[a..b].iter().collect::<String>());
        assert!(s["rule"].is_string() && s["why"].as_str().is_some_and(|w| !w.is_empty()), "{s}");
    }
    // The output reads back through the validating reader.
    sift::formats::read(sift::Format::Sift, std::str::from_utf8(&o.stdout).unwrap()).unwrap();
}

#[test]
fn stdin_and_layers() {
    let o =
        sift(&["annotate", "--layers", "number", "-"], "Officials said at least 133 people died on Friday.".as_bytes());
    let v = stdout_json(&o);
    let spans = v["documents"][0]["spans"].as_array().unwrap();
    assert!(!spans.is_empty());
    assert!(spans.iter().all(|s| s["label"] == "number"), "only the number layer ran");
}

#[test]
fn jsonl_stream_keeps_order_and_reports_bad_lines() {
    let input = "{\"id\": \"a\", \"text\": \"Putin said 11 people were detained.\"}\n\
                 {broken\n\
                 {\"id\": \"c\", \"text\": \"\u{1F1FA}\u{1F1E6} Kyiv denied it on 22 March.\"}\n";
    let o = sift(&["annotate", "--jsonl"], input.as_bytes());
    assert!(!o.status.success(), "a bad line makes the exit non-zero");
    assert!(String::from_utf8_lossy(&o.stderr).contains("1 of 3 lines"));
    let lines: Vec<Value> =
        std::str::from_utf8(&o.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().unwrap().contains("not JSON"));
    assert_eq!(lines[2]["id"], "c");
    let text = lines[2]["text"].as_str().unwrap();
    for s in lines[2]["spans"].as_array().unwrap() {
        let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        let (ua, ub) = (s["start_utf16"].as_u64().unwrap() as usize, s["end_utf16"].as_u64().unwrap() as usize);
        assert_eq!(s["text"].as_str().unwrap(), text.chars().skip(a).take(b - a).collect::<String>());
        let u: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16(&u[ua..ub]).unwrap(), s["text"].as_str().unwrap(), "UTF-16 offsets agree");
    }
}

#[test]
fn clean_removes_boilerplate_lines() {
    let path = "tests/data/corpus/004_88583a0961250598.txt";
    let text = std::fs::read_to_string(path).unwrap();
    let o = sift(&["clean", path], b"");
    assert!(o.status.success());
    let clean = String::from_utf8(o.stdout).unwrap();
    assert!(clean.len() < text.len(), "something was removed");
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(path.replace(".txt", ".gold.json")).unwrap()).unwrap();
    // Most gold claims survive cleaning, most gold boilerplate lines do not.
    let spans = gold["documents"][0]["spans"].as_array().unwrap();
    let kept = |label: &str| {
        let of: Vec<&str> = spans.iter().filter(|s| s["label"] == label).map(|s| s["text"].as_str().unwrap()).collect();
        of.iter().filter(|t| clean.contains(*t)).count() as f64 / of.len() as f64
    };
    assert!(kept("claim") >= 0.9, "claims kept {}", kept("claim"));
    assert!(kept("boilerplate") <= 0.4, "boilerplate kept {}", kept("boilerplate"));
}

#[test]
fn html_input_is_reduced_to_visible_text() {
    let html = "<html><head><title>t</title><script>alert('x')</script></head><body><nav>Home | World</nav>\
                <h1>Moscow attack</h1><p>At least 133 people were killed, officials said.</p></body></html>";
    let dir = std::env::temp_dir().join(format!("sift-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("page.html");
    std::fs::write(&f, html).unwrap();
    let v = stdout_json(&sift(&["annotate", f.to_str().unwrap()], b""));
    let text = v["documents"][0]["text"].as_str().unwrap();
    assert!(text.contains("At least 133 people were killed"));
    assert!(!text.contains("alert") && !text.contains('<'), "{text:?}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn bad_input_gets_one_clear_message_and_a_failure_exit() {
    let dir = std::env::temp_dir().join(format!("sift-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bin = dir.join("junk.txt");
    std::fs::write(&bin, b"caf\xe9 \x00\xff binary").unwrap();
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"Le caf\xe9 a ferm\xe9 apr\xe8s 130 ans.").unwrap();
    let cases: Vec<(Vec<String>, &[u8], &str)> = vec![
        (vec!["annotate".into(), latin1.display().to_string()], b"", "not UTF-8 text (invalid byte at offset 6)"),
        (vec!["annotate".into(), bin.display().to_string()], b"", "looks like a binary file"),
        (vec!["clean".into(), bin.display().to_string()], b"", "looks like a binary file"),
        (
            vec!["convert".into(), "--from".into(), "sift".into(), "--to".into(), "sift".into()],
            b"{\"a\": \"\xff\"}",
            "stdin: not UTF-8",
        ),
        (vec!["annotate".into(), "/nonexistent/x.txt".into()], b"", "/nonexistent/x.txt"),
        (vec!["annotate".into(), "--layers".into(), "numbrs".into()], b"x", "unknown layer \"numbrs\""),
        (
            vec!["convert".into(), "--from".into(), "sift".into(), "--to".into(), "sift".into()],
            b"{\"format\": 1",
            "sift",
        ),
        (vec!["convert".into(), "--from".into(), "nope".into(), "--to".into(), "sift".into()], b"", "unknown format"),
    ];
    for (args, stdin, want) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = sift(&args, stdin);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success(), "{args:?} should fail");
        assert!(err.starts_with("sift: ") && err.contains(want), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(err.lines().count(), 1, "one message: {err}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn convert_brat_fixture_to_sift_and_back_to_brat_files() {
    let dir = "tests/data/interop/brat/tutorials-news";
    let (ann, txt) = (format!("{dir}/110-note_annotation.ann"), format!("{dir}/110-note_annotation.txt"));
    let v = stdout_json(&sift(&["convert", "--from", "brat", "--to", "sift", &ann, &txt], b""));
    let doc = &v["documents"][0];
    let text = doc["text"].as_str().unwrap();
    assert_eq!(text, std::fs::read_to_string(&txt).unwrap());
    assert!(!doc["spans"].as_array().unwrap().is_empty());
    // Multi-file output needs a directory, and says so.
    let sift_json = serde_json::to_vec(&v).unwrap();
    let o = sift(&["convert", "--from", "sift", "--to", "brat"], &sift_json);
    assert!(!o.status.success() && String::from_utf8_lossy(&o.stderr).contains("give a directory with -o"));
    let out = std::env::temp_dir().join(format!("sift-cli-brat-{}", std::process::id()));
    let o = sift(&["convert", "--from", "sift", "--to", "brat", "-o", out.to_str().unwrap()], &sift_json);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut names: Vec<String> =
        std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    assert!(names.iter().any(|n| n.ends_with(".ann")) && names.iter().any(|n| n.ends_with(".txt")), "{names:?}");
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn convert_accepted_only_leaves_out_what_nobody_reviewed() {
    let input = "At least 133 people died, officials said on Friday. The mall held 6,200 people.";
    let mut v = stdout_json(&sift(&["annotate", "-"], input.as_bytes()));
    let spans = v["documents"][0]["spans"].as_array_mut().unwrap();
    assert!(spans.len() >= 3, "{spans:?}");
    spans[0]["status"] = "accepted".into();
    spans[1]["status"] = "rejected".into();
    let file = serde_json::to_vec(&v).unwrap();
    let labels = |args: &[&str]| {
        let o = sift(&[&["convert", "--from", "sift", "--to", "doccano"], args].concat(), &file);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let line: Value = serde_json::from_slice(&o.stdout).unwrap();
        // doccano's relation layout ("entities") when the document has relations, else "label".
        line.get("entities").or(line.get("label")).and_then(Value::as_array).unwrap().len()
    };
    assert_eq!(labels(&["--accepted-only"]), 1, "the accepted span only");
    assert!(labels(&[]) >= 2, "without the flag the suggestions go out too");
}

#[test]
fn annotate_to_conll_writes_one_layer() {
    let input = "At least 133 people died, officials said on Friday.";
    let o = sift(&["annotate", "--format", "conll", "--layer", "number", "-"], input.as_bytes());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("B-number") && out.contains("I-number"), "{out}");
    assert!(!out.contains("-claim"), "only the chosen layer: {out}");
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_annotated_text() {
    let o = sift(&["annotate", "--layers", "number", "-"], "\u{feff}11 people".as_bytes());
    let v = stdout_json(&o);
    assert_eq!(v["documents"][0]["text"], "11 people");
    assert_eq!(v["documents"][0]["spans"][0]["start"], 0);
}

/// A scratch directory for one test, removed by the caller.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sift-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_tag_column_starting_with_a_multibyte_char_is_an_error_not_a_panic() {
    // A euro sign, an emoji, a BOM and a CJK character where a two-byte `B-` prefix is looked for.
    for tag in ["€X", "😀X", "\u{feff}B-number", "中-number", "Bé"] {
        let o = sift(&["convert", "--from", "conll", "--to", "sift"], format!("EU\t{tag}\n").as_bytes());
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{tag:?}: {err}");
        assert!(err.contains("is not a tag") && !err.contains("panicked"), "{tag:?}: {err}");
    }
}

#[test]
fn a_closed_stderr_does_not_stop_the_command() {
    let dir = scratch("stderr");
    let input = dir.join("x.jsonl");
    // The category is not kept: sift says so on stderr, whose reader is gone.
    std::fs::write(
        &input,
        "{\"text\": \"At least 115 people died.\", \"label\": [[9, 12, \"number\"]], \"cats\": [\"news\"]}\n",
    )
    .unwrap();
    let out = dir.join("out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_sift"))
        .args(["convert", "--from", "doccano", "--to", "brat", "-o"])
        .arg(&out)
        .arg(&input)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take()); // the read end closes: every write to stderr is a broken pipe
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    let ann = std::fs::read_to_string(out.join("doc-1.ann")).unwrap();
    assert!(ann.contains("number 9 12\t115"), "{ann}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_closed_stdout_is_an_error_not_a_silent_success() {
    for args in [&["annotate", ARTICLE][..], &["clean", ARTICLE], &["annotate", "--jsonl", "-"]] {
        let o = Command::new("sh")
            .arg("-c")
            .arg("exec \"$0\" \"$@\" >&- </dev/null")
            .arg(env!("CARGO_BIN_EXE_sift"))
            .args(args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.starts_with("sift: stdout is closed") && err.lines().count() == 1, "{args:?}: {err}");
    }
}

#[test]
fn a_reader_that_goes_away_ends_the_command_quietly_with_sigpipe_status() {
    // Far more output than a pipe buffers, so the writer meets the closed pipe.
    let text = std::fs::read_to_string(ARTICLE).unwrap().repeat(40);
    let jsonl: String =
        (0..400).map(|i| format!("{}\n", serde_json::json!({"id": i, "text": text[..2000].to_string()}))).collect();
    for (args, stdin) in [(&["annotate", "-"][..], text.as_bytes()), (&["annotate", "--jsonl"], jsonl.as_bytes())] {
        let (mut child, feeder) = spawn_fed(args, stdin);
        let mut first = [0u8; 1];
        std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
        drop(child.stdout.take()); // like `| head -c1`
        let o = child.wait_with_output().unwrap();
        feeder.join().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(141), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: quiet, but said {err}");
    }
}

#[test]
fn html_nested_deeper_than_browsers_go_is_read_with_a_message_and_its_text_kept() {
    let dir = std::env::temp_dir().join(format!("sift-cli-deep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("deep.html");
    let html = format!("<html><body>{}<p>Officials said 12 people were hurt.</p></body></html>", "<div>".repeat(600));
    std::fs::write(&page, &html).unwrap();
    let o = sift(&["annotate", page.to_str().unwrap()], b"");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("deep.html: 90 HTML tags nested deeper than 511 levels were left out (their text is kept)"),
        "{err}"
    );
    let v = stdout_json(&o);
    assert!(v["documents"][0]["text"].as_str().unwrap().contains("Officials said 12 people were hurt."));
    // An ordinary page says nothing.
    std::fs::write(&page, "<html><body><div><p>Officials said 12 people were hurt.</p></div></body></html>").unwrap();
    let o = sift(&["annotate", page.to_str().unwrap()], b"");
    assert!(o.status.success() && o.stderr.is_empty(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_document_past_the_span_limit_gets_a_message_and_the_spans_before_the_cut() {
    let text = "At least 133 people died on Friday. Police detained 11 suspects, including 4 gunmen. The toll rose to \
                137 by Sunday, and 60 people remain in hospital.";
    let full = stdout_json(&sift(&["annotate", "--layers", "number", "-"], text.as_bytes()));
    let mut child = Command::new(env!("CARGO_BIN_EXE_sift"))
        .args(["annotate", "--layers", "number", "-"])
        .env("SIFT_MAX_SPANS", "3")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("more than 3 spans, the limit for one document"), "{err}");
    let cut: u64 = err.split("before code point ").nth(1).unwrap().split_whitespace().next().unwrap().parse().unwrap();
    let part = stdout_json(&o);
    let spans = part["documents"][0]["spans"].as_array().unwrap();
    let want: Vec<&Value> =
        full["documents"][0]["spans"].as_array().unwrap().iter().filter(|s| s["start"].as_u64() < Some(cut)).collect();
    assert_eq!(spans.iter().collect::<Vec<_>>(), want);
    assert!(!spans.is_empty() && spans.len() <= 3);
}

#[test]
fn a_jsonl_document_past_the_span_limit_says_so_on_its_line_and_the_stream_goes_on() {
    let many = "At least 133 people died on Friday. Police detained 11 suspects, including 4 gunmen.";
    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "many", "text": many}),
        serde_json::json!({"id": "few", "text": "Two people died."})
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_sift"))
        .args(["annotate", "--jsonl", "--layers", "number", "-"])
        .env("SIFT_MAX_SPANS", "2")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("1 document reached the limit of 2 spans and was cut"), "{err}");
    let lines: Vec<Value> =
        String::from_utf8(o.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    let warning = lines[0]["warning"].as_str().expect("the cut document says so");
    let at: u64 =
        warning.split("before code point ").nth(1).unwrap().split_whitespace().next().unwrap().parse().unwrap();
    let spans = lines[0]["spans"].as_array().unwrap();
    assert!(!spans.is_empty() && spans.len() <= 2);
    assert!(spans.iter().all(|s| s["start"].as_u64().unwrap() < at), "{spans:?}");
    assert!(lines[1].get("warning").is_none(), "{}", lines[1]);
    assert_eq!(lines[1]["spans"].as_array().unwrap().len(), 1);
}

/// The stream lines of `sift annotate --jsonl ARGS` on `input`, parsed; the command must succeed.
fn jsonl_lines(args: &[&str], input: &str) -> Vec<Value> {
    let o = sift(&[&["annotate", "--jsonl"], args].concat(), input.as_bytes());
    assert!(o.status.success(), "{args:?}: exit {:?}: {}", o.status, String::from_utf8_lossy(&o.stderr));
    std::str::from_utf8(&o.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

const SAID: &str = "{\"id\": \"p\", \"text\": \"Putin said 11 people were detained.\"}\n";

#[test]
fn jsonl_compact_leaves_out_why_rule_and_the_echoed_text() {
    let full = &jsonl_lines(&[], SAID)[0];
    assert_eq!(keys(full), ["id", "text", "spans", "relations"]);
    assert!(full["spans"].as_array().unwrap().iter().all(|s| s["why"].is_string() && s["rule"].is_string()));
    let compact = &jsonl_lines(&["--compact"], SAID)[0];
    assert_eq!(keys(compact), ["id", "spans", "relations"], "{compact}");
    assert_eq!(compact["relations"], full["relations"]);
    let (c, f) = (compact["spans"].as_array().unwrap(), full["spans"].as_array().unwrap());
    assert_eq!(c.len(), f.len());
    for (c, f) in c.iter().zip(f) {
        let mut want = f.clone();
        want.as_object_mut().unwrap().retain(|k, _| k != "why" && k != "rule");
        assert_eq!(c, &want, "the same span without why and rule");
        assert_eq!(keys(c)[..4], ["id", "start", "end", "start_utf16"], "fields keep their order");
    }
}

#[test]
fn jsonl_fields_keep_only_the_fields_named() {
    let lines = jsonl_lines(&["--fields", "label, start,end,attrs"], SAID);
    assert_eq!(keys(&lines[0]), ["id", "spans"], "no text, no relations unless named: {}", lines[0]);
    let spans = lines[0]["spans"].as_array().unwrap();
    assert_eq!(spans.len(), 3);
    for s in spans {
        let k = keys(s);
        assert!(k == ["start", "end", "label"] || k == ["start", "end", "label", "attrs"], "{s}");
    }
    assert_eq!(spans[2]["attrs"]["value"], 11);
    let lines = jsonl_lines(&["--fields", "id,label,doc.text,doc.relations"], SAID);
    assert_eq!(keys(&lines[0]), ["id", "text", "spans", "relations"]);
    assert_eq!(keys(&lines[0]["spans"][0]), ["id", "label"]);
    // Error lines are never cut down.
    let o = sift(&["annotate", "--jsonl", "--fields", "start"], b"{\"id\": 1, \"text\": 5}\n");
    let line: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(keys(&line), ["line", "error", "id"]);
}

#[test]
fn jsonl_field_mistakes_get_one_short_message_before_any_input_is_read() {
    for (args, says) in [
        (&["--fields", "start,bogus"][..], "unknown field \"bogus\""),
        (&["--fields", "doc.text"], "at least one span field"),
        (&["--fields", "start,doc.relations"], "add the field id"),
    ] {
        let o = sift(&[&["annotate", "--jsonl"], args].concat(), SAID.as_bytes());
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert!(o.stdout.is_empty(), "{args:?}");
        assert!(err.starts_with("sift: --fields: ") && err.contains(says) && err.lines().count() == 1, "{err}");
    }
    for args in [&["annotate", "--compact", "-"][..], &["annotate", "--jsonl", "--compact", "--fields", "start"]] {
        let o = sift(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}: a usage error");
    }
    let o = sift(&["annotate", "--jsonl", "--threads", "0"], b"");
    assert!(String::from_utf8_lossy(&o.stderr).contains("1 or more"));
}

#[test]
fn jsonl_threads_do_not_change_the_output() {
    let mut input = String::new();
    for i in 0..60 {
        let text = "Putin said 11 people were detained. ".repeat(1 + i % 7);
        input.push_str(&serde_json::json!({"id": format!("d{i}"), "text": text}).to_string());
        input.push_str(if i % 13 == 5 { "\n{broken\n" } else { "\n" });
    }
    let run = |args: &[&str]| sift(&[&["annotate", "--jsonl"], args].concat(), input.as_bytes()).stdout;
    let default = run(&[]);
    assert_eq!(String::from_utf8_lossy(&default).lines().count(), 65);
    for n in ["1", "2", "5"] {
        assert!(run(&["--threads", n]) == default, "--threads {n} gives other output");
    }
}
