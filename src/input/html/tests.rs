use super::*;

fn text(html: &str) -> String {
    html_to_text(html).text
}

#[test]
fn blocks_breaks_entities_and_whitespace() {
    let table: &[(&str, &str)] = &[
        ("<p>Moscow  concert\n hall</p><p>attack</p>", "Moscow concert hall\n\nattack"),
        ("<div>one<br>two<br/>three</div>", "one\ntwo\nthree"),
        ("<p>AT&amp;T &lt;3 &eacute;t&eacute; &#8212; &nbsp;x</p>", "AT&T <3 été — \u{a0}x"),
        ("<p><b>Bold</b>face and <i>it</i> <a href=/x>link</a></p>", "Boldface and it link"),
        ("<ul><li>one</li><li>two</li></ul><p>after</p>", "one\ntwo\n\nafter"),
        ("<pre>a  b\n  c</pre>", "a  b\n  c"),
        ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"),
        (
            "<p>\u{1F469}\u{200D}\u{1F692} \u{1F1FA}\u{1F1E6} 東京</p>",
            "\u{1F469}\u{200D}\u{1F692} \u{1F1FA}\u{1F1E6} 東京",
        ),
        ("line one\r\nline two", "line one line two"),
        ("", ""),
    ];
    for (html, want) in table {
        assert_eq!(text(html), *want, "{html:?}");
    }
}

#[test]
fn nothing_invisible_or_executable_survives() {
    let html = "<html><head><title>T</title><style>p{}</style><script>alert(1)</script></head><body>\
        <noscript>enable js</noscript><template><p>tpl</p></template><p hidden>h</p>\
        <p style='display: none'>d</p><svg><text>icon</text></svg><p>kept</p>\
        <script>document.write('<p>w</p>')</script></body></html>";
    assert_eq!(text(html), "kept");
}

#[test]
fn facts_follow_the_markup() {
    let html = "<body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>\
        <article><header><h1>Islamic State claims Moscow attack</h1></header>\
        <p>The group said so on <a href='/t'>Telegram</a>.</p></article>\
        <footer>© 2024 Site</footer></body>";
    let v = html_to_text(html);
    let lines: Vec<&str> = v.text.split('\n').collect();
    assert_eq!(lines.len(), v.lines.len());
    let get = |needle: &str| &v.lines[lines.iter().position(|l| l.contains(needle)).unwrap()];
    let nav = get("Home World");
    assert_eq!(nav.chrome, Some("nav"));
    assert!(nav.link_density > 0.8, "{nav:?}");
    let h = get("Islamic State");
    assert_eq!((h.chrome, h.heading), (None, Some(1)), "an article's own header is not chrome");
    let p = get("The group");
    assert!(p.chrome.is_none() && p.link_density > 0.1 && p.link_density < 0.5, "{p:?}");
    assert_eq!(get("© 2024").chrome, Some("footer"));
    assert!(p.in_article && h.in_article && !nav.in_article && !get("© 2024").in_article);
}

#[test]
fn class_names_give_hints_captions_and_containers() {
    let html = "<div class='site-header__menu'><a href='/'>Sections</a></div>        <div class='story-body'><p>The shooting attack occurred on the evening of 22 March.</p>        <figure><img src=x><figcaption>The Crocus City Hall is burning. Photo: Meduza</figcaption></figure>        <span class='sr-only'>Opens in a new window</span></div>        <div id='comments'><p>First!</p></div><div class='shareholders'><p>Investors met.</p></div>";
    let v = html_to_text(html);
    let lines: Vec<&str> = v.text.split('\n').collect();
    let get = |needle: &str| &v.lines[lines.iter().position(|l| l.contains(needle)).unwrap()];
    assert_eq!(get("Sections").hint, Some("menu"));
    assert!(get("The shooting").in_article && get("The shooting").hint.is_none());
    assert!(get("Crocus").caption);
    assert_eq!(get("First!").hint, Some("comments"));
    assert_eq!(get("Investors").hint, None, "whole words only");
    assert!(!v.text.contains("new window"), "screen-reader text is not visible");
}

#[test]
fn hostile_input_does_not_panic() {
    // Nesting far beyond any real page is capped (the parser is quadratic in depth), and the text survives.
    let deep = "<div><span>".repeat(100_000) + "deep" + &"</span></div>".repeat(100_000) + "<p>after</p>";
    assert_eq!(text(&deep), "deep\n\nafter");
    let moderate = "<div>".repeat(300) + "<p>kept</p>" + &"</div>".repeat(300);
    assert_eq!(cap_nesting(&moderate), moderate.as_str(), "ordinary depth is left alone");
    for junk in [
        "<",
        "</p>",
        "<div/",
        "<!--",
        "<a b='>",
        "<script>",
        "<svg><style>",
        "</ x>",
        "<<<>>>",
        "<a href=",
        "\u{0}\u{1}\u{fffd}",
        "<p>unclosed <b>bold <i>it",
        "&#xD800;&#0;",
    ] {
        let v = html_to_text(junk);
        assert_eq!(v.text.split('\n').count(), v.lines.len().max(1), "{junk:?}");
    }
}

#[test]
fn a_deep_tree_from_any_parser_renders_without_recursion() {
    // The walkers take the tree as given: a feeder without the nesting cap (a browser's DOM) must not overflow.
    let mut b = crate::input::tree::Builder::default();
    for _ in 0..200_000 {
        b.open("div", [("class", "article-body")]);
        b.open("span", []);
    }
    b.text("deep");
    assert_eq!(render(&b.finish()).text, "deep");
}

#[test]
fn nesting_is_capped_on_every_element_the_parser_opens() {
    // A self-closing `<div/>` still opens a `div` in HTML, and `<center>`, `<li>`, `<svg>` children and unknown
    // elements nest like any other: each case is far past the cap, its text must survive.
    let (n, m) = (200_000, 5_000);
    let cases: Vec<(String, &str)> = vec![
        ("<div/>x".repeat(n), "<div/>"),
        ("<center>x".repeat(n), "<center>"),
        ("<custom-el>x".repeat(m), "custom element"),
        ("<span><div></span>x".repeat(m), "end tags the parser ignores"),
        ("<svg><p>".to_string() + &"<div/>x".repeat(m), "after leaving SVG"),
        ("<table><td>x".repeat(m), "nested tables"),
    ];
    for (html, what) in &cases {
        let capped = cap_nesting(html);
        assert!(capped.len() < html.len(), "{what}: deep tags dropped");
        let v = html_to_text(html);
        assert_eq!(v.text.matches('x').count(), html.matches('x').count(), "{what}");
    }
    // Ordinary pages are left alone: unclosed paragraphs, list items and cells close themselves.
    let page = "<ul>".to_string() + &"<li><p>item".repeat(2_000) + "</ul><table>" + &"<tr><td>a<td>b".repeat(2_000);
    assert_eq!(cap_nesting(&page), page.as_str());
    let svg = "<svg>".to_string() + &"<path d='M0 0'/>".repeat(2_000) + "</svg><p>after</p>";
    assert_eq!(cap_nesting(&svg), svg.as_str());
}

#[test]
fn sniffing_pasted_text() {
    let table: &[(&str, bool)] = &[
        ("<!DOCTYPE html><html><body>x</body></html>", true),
        ("\u{feff}  <html lang=en>", true),
        ("<p>One</p>\n<p>Two <a href='x'>link</a></p>", true),
        ("US confirms ISIS behind deadly Moscow concert attack", false),
        ("I <3 this: a < b and b > c", false),
        ("Use the <p> tag for paragraphs.", false),
        ("", false),
    ];
    for (s, want) in table {
        assert_eq!(looks_like_html(s), *want, "{s:?}");
    }
}

#[test]
fn main_block_holds_the_story_and_not_the_teasers() {
    // A wrapper whose class names a sidebar holds the article; the story's paragraphs sit in sibling cards; a
    // related list of teasers with long titles is outside.
    let para = |s: &str| format!("<div class='card'><p>{s}</p></div>");
    let story = [
        "NASA scientists using a telescope atop Mauna Kea have confirmed the presence of water vapor on Europa, one of Jupiter's moons.",
        "The find almost certainly means the moon has liquid water, an essential ingredient for life, the agency said on Monday.",
        "In fact, scientists believe that there is a liquid ocean beneath a miles-thick ice shell, twice the size of Earth's oceans.",
        "Lucas Paganini, a planetary scientist who led the investigation, said two of three requirements for life are common.",
    ];
    let html = format!(
        "<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>\
         <div class='l-sidebar-fixed l-article-body'><h1>Scientists spot water vapor on distant moon</h1>{}</div>\
         <div class='more-stories'><ul>\
         <li><a href='/a'>Police: two in custody after the death of a student athlete, officers said on Sunday</a></li>\
         <li><a href='/b'>Customers leave without paying a $690 bill at a steakhouse after a fight broke out</a></li>\
         </ul></div><footer>© 2019 Hawaii News Now</footer></body>",
        story.iter().map(|s| para(s)).collect::<String>()
    );
    let vis = html_to_text(&html);
    let lines: Vec<&str> = vis.text.split('\n').collect();
    let fact = |needle: &str| {
        let i = lines.iter().position(|l| l.contains(needle)).unwrap_or_else(|| panic!("{needle:?} rendered"));
        vis.lines[i].clone()
    };
    for s in story {
        let f = fact(&s.chars().take(30).collect::<String>());
        assert!(f.in_main && f.hint.is_none(), "{s:?}: {f:?}");
    }
    for s in ["Police: two in custody", "Customers leave", "Home News", "© 2019"] {
        assert!(!fact(s).in_main, "{s:?}");
    }
}

#[test]
fn every_boilerplate_span_is_one_whole_line() {
    // Line and paragraph separators (U+2028, U+2029) split lines in other tools: they collapse as whitespace, so
    // a span on a rendered line is a whole line for any reader of the text.
    let html = "<nav><a href='/'>Home</a>\u{2028}<a href='/w'>World</a></nav>\
        <p>\u{a0}Share this article\u{a0}\u{2029}</p>\
        <ul><li>\u{a0}\u{2003}Live: Moscow attack\u{a0}</li><li>\u{a0}</li></ul>\
        <p>The Islamic State group has claimed responsibility for an attack on a suburban Moscow concert hall that killed more than 130 people.</p>\
        <div class='related'><p>More from our reporters on the war and its costs\u{2028}for Russia</p></div>\
        <p>Russia continues to investigate after detaining 11 suspects, but it was not possible to confirm the claim.</p>";
    let vis = html_to_text(html);
    assert!(!vis.text.contains(['\u{2028}', '\u{2029}']), "{:?}", vis.text);
    let model = crate::text::TextModel::new(&vis.text);
    let verdicts = crate::detect::boilerplate::classify_with(&model, Some(&vis.lines));
    let spans = crate::detect::boilerplate::spans(&model, &verdicts);
    assert!(spans.len() >= 3, "{spans:?}");
    let lines: Vec<&str> = vis.text.split('\n').collect();
    assert!(lines.iter().all(|l| l.trim() == *l), "a line keeps whitespace at an end: {lines:?}");
    for s in &spans {
        let got = crate::text::slice_chars(&vis.text, s.start, s.end).unwrap();
        assert!(lines.contains(&got), "{got:?} is not a whole line of {:?}", vis.text);
    }
}

#[test]
fn what_the_browser_parser_is_given_reads_the_same_here() {
    // DOMParser has scripting off: the content of a noscript html5ever reads as text is emptied for it (in the
    // head it would end the head; in the body an unclosed element in it would swallow the page), its tags kept.
    // Inside SVG a noscript is an ordinary foreign element and is left alone, as are other raw-text elements.
    let html = "<html><head><noscript><img src=/px.gif>Enable JavaScript</noscript><title>T</title></head>\
        <body><noscript><p>Unclosed <b>fallback</noscript><p>Officials said 12 people were hurt.</p>\
        <svg><noscript><text>in svg</text></noscript></svg><textarea><noscript>kept</noscript></textarea>\
        <noscript>to the end";
    let dom = nesting::for_dom(html);
    assert_eq!(
        dom,
        "<html><head><noscript></noscript><title>T</title></head>\
        <body><noscript></noscript><p>Officials said 12 people were hurt.</p>\
        <svg><noscript><text>in svg</text></noscript></svg><textarea><noscript>kept</noscript></textarea>\
        <noscript>"
    );
    assert_eq!(html_to_text(&dom), html_to_text(html));
    // The nesting cap cuts the same tags as natively.
    let deep = "<div>".repeat(600) + "<p>deep</p>";
    assert_eq!(nesting::for_dom(&deep), cap_nesting(&deep));
    assert_eq!(too_deep(&deep), 601 - MAX_DEPTH, "the divs past the cap and the p");
    assert_eq!(nesting::for_dom("<p>plain</p>"), "<p>plain</p>");
}
