use super::*;

/// An article in the shape of the corpus pages (lines from 002 and 004), with its chrome.
const PAGE: &str = "Home SECURITY & DEFENCE What is known after Islamic State group claims responsibility for massacre at a Moscow concert hall

What is known after Islamic State group claims responsibility for massacre at a Moscow concert hall
by EUToday Correspondents
0 comment

WARSAW, Poland (AP) — The Islamic State group has claimed responsibility for an attack on a suburban Moscow concert hall that killed more than 130 people, even as Russian President Vladimir Putin sought to link it to Ukraine.

Much remains unknown about the Friday night attack, including whether it related to a security alert the U.S. Embassy issued two weeks before warning of a possible attack in Moscow.

Here is a look at some of what is known so far.

Russia continues to investigate after detaining 11 suspects but it wasn’t possible to confirm the authenticity of the claim, which was posted on social media channels used by the group.

What is known after Islamic State group claims responsibility for massacre at a Moscow concert hall
The March 7 warning advised U.S. citizens to avoid large gatherings for the coming 48 hours. The bloody attack happened two weeks later.

Associated Press writers Michael Balsamo in Washington and Munir Ahmed in Islamabad contributed to this report.
_________________________________________________________________________________________________________
Follow EU Today on social media:
Twitter: \u{a0} \u{a0}@EU_today \u{a0}
You may also like
2131
";

fn verdicts(text: &str) -> Vec<(String, bool, &'static str)> {
    let model = TextModel::new(text);
    classify(&model)
        .into_iter()
        .zip(&model.lines)
        .map(|(v, l)| (text.get(l.trimmed.clone()).unwrap_or_default().to_string(), v.boilerplate, v.rule))
        .collect()
}

#[test]
fn lines_of_a_page() {
    let got = verdicts(PAGE);
    let table: &[(&str, bool, &str)] = &[
        ("Home SECURITY & DEFENCE What is known", true, "boilerplate.repeat"),
        (
            "What is known after Islamic State group claims responsibility for massacre at a Moscow concert hall",
            false,
            "boilerplate.headline",
        ),
        ("by EUToday Correspondents", true, "boilerplate.credit"),
        ("0 comment", true, "boilerplate.phrase"),
        ("WARSAW, Poland (AP)", false, "boilerplate.prose"),
        ("Here is a look at some", false, "boilerplate.context"),
        ("Associated Press writers", true, "boilerplate.credit"),
        ("_____", true, "boilerplate.separator"),
        ("Follow EU Today", true, "boilerplate.phrase"),
        ("Twitter:", true, "boilerplate.phrase"),
        ("You may also like", true, "boilerplate.phrase"),
        ("2131", true, "boilerplate.counter"),
    ];
    for (prefix, chrome, rule) in table {
        let (line, b, r) = got.iter().find(|(l, _, _)| l.starts_with(prefix)).unwrap_or_else(|| panic!("{prefix:?}"));
        assert_eq!((*b, *r), (*chrome, *rule), "{line:?}");
    }
    // The headline again, later in the page, is a repeat; the first one is kept.
    let repeats: Vec<_> = got.iter().filter(|(l, _, _)| l.starts_with("What is known after")).collect();
    assert_eq!(repeats.len(), 2);
    assert_eq!((repeats[1].1, repeats[1].2), (true, "boilerplate.repeat"));
    assert!(got.iter().filter(|(l, _, _)| l.is_empty()).all(|(_, b, _)| !b), "blank lines are never boilerplate");
}

#[test]
fn line_breaks_and_nbsp_do_not_change_verdicts() {
    let lf = verdicts(PAGE);
    for variant in [PAGE.replace('\n', "\r\n"), PAGE.replace('\n', "\r"), PAGE.replace("\n\n", "\n\u{a0} \u{a0}\n")] {
        let other: Vec<_> = verdicts(&variant).into_iter().filter(|(l, _, _)| !l.is_empty()).collect();
        let base: Vec<_> = lf.iter().filter(|(l, _, _)| !l.is_empty()).cloned().collect();
        assert_eq!(other, base, "{:?}", variant.get(..40));
    }
}

#[test]
fn spans_are_trimmed_lines_in_code_points() {
    let text = "\u{1F469}\u{200D}\u{1F692} Fire crews at the scene, a long paragraph of article prose that is dense in function words and ends with a period.\r\n\u{a0}\u{a0}Share this article\u{a0}\r\nAnd the article goes on with a second paragraph that is long enough to be prose on its own, as the first one was.\r";
    let model = TextModel::new(text);
    let spans = spans(&model, &classify(&model));
    assert_eq!(spans.len(), 1, "{spans:?}");
    let s = &spans[0];
    assert_eq!(crate::text::slice_chars(text, s.start, s.end), Some("Share this article"));
    assert_eq!(s.rule.as_deref(), Some("boilerplate.phrase"));
    assert!(s.why.as_deref().is_some_and(|w| w.ends_with('.')));
}

#[test]
fn short_text_without_prose_keeps_its_lines() {
    // Too little to place an article: only the decisive rules speak.
    let got = verdicts("Moscow concert hall attack\nPhoto: Meduza via Telegram\n");
    assert_eq!(got.iter().map(|g| g.1).collect::<Vec<_>>(), [false, true]);
    assert!(verdicts("").is_empty());
}

#[test]
fn html_facts_mark_navigation() {
    let html = "<nav><ul><li><a href='/'>World news and analysis from our desk</a></li></ul></nav>\
        <h1>Islamic State claims responsibility for Moscow attack</h1>\
        <p>The Islamic State group has claimed responsibility for an attack on a suburban Moscow concert hall that killed more than 130 people.</p>\
        <p>Russia continues to investigate after detaining 11 suspects, but it was not possible to confirm the claim.</p>";
    let vis = crate::input::html_to_text(html);
    let model = TextModel::new(&vis.text);
    let with = classify_with(&model, Some(&vis.lines));
    let first = &with[0];
    assert_eq!((first.boilerplate, first.rule), (true, "boilerplate.chrome"), "{first:?}");
    let h1 = model
        .lines
        .iter()
        .position(|l| vis.text.get(l.range.clone()).is_some_and(|t| t.starts_with("Islamic State")))
        .unwrap();
    assert!(!with[h1].boilerplate);
    // Facts of the wrong length are ignored, not misapplied.
    assert_eq!(classify_with(&model, Some(&vis.lines[1..])), classify(&model));
}

#[test]
fn a_mega_menu_larger_than_the_article_still_counts_as_chrome() {
    // The menu's teasers outweigh the article; the article itself lies outside the menu, so the page's
    // landmarks still speak (a page wholly inside one landmark says nothing with it).
    let teaser = "<li><a href='/x'><strong>Officials report new case in county</strong><em>Health officials said \
        on Monday that a resident had died after an infection, the sixth this year.</em></a></li>";
    let html = format!(
        "<nav><ul>{}</ul></nav><article><h1>Sixth death linked to virus</h1>\
        <p>ST. JOSEPH, Mich. (AP) — Michigan health authorities are reporting a sixth death from the virus, and \
        officials said the risk will continue until the first hard frost.</p>\
        <p>County officials said Monday the victim was an adult who lived in the southwest of the state and had \
        been treated in a hospital for two weeks.</p></article>",
        teaser.repeat(12)
    );
    let vis = crate::input::html_to_text(&html);
    let model = TextModel::new(&vis.text);
    let got = classify_with(&model, Some(&vis.lines));
    let line = |start: &str| {
        let i = model.lines.iter().position(|l| vis.text.get(l.range.clone()).is_some_and(|t| t.starts_with(start)));
        &got[i.expect(start)]
    };
    let menu = line("Officials report new case");
    assert!(menu.boilerplate && menu.rule == "boilerplate.chrome", "{menu:?}");
    assert!(!line("ST. JOSEPH").boilerplate);
    assert!(!line("County officials said").boilerplate);
}

#[test]
fn date_lines() {
    let f = |s: &str| is_date_line(s, &Features::of(s));
    for s in ["Reuters November 18, 2019 11:03 PM", "Updated 3:14 PM ET, Mon March 25, 2024", "March 22, 2024"] {
        assert!(f(s), "{s:?}");
    }
    for s in [
        "Elections in March 2024 drew record turnout",
        "The attack happened on March 22.",
        "US confirms ISIS behind deadly Moscow concert attack",
        "BGR may receive a commission",
        "Clinching in November",
    ] {
        assert!(!f(s), "{s:?}");
    }
}

fn kept(text: &str) -> Vec<String> {
    verdicts(text).into_iter().filter(|(l, b, _)| !b && !l.is_empty()).map(|(l, _, _)| l).collect()
}

#[test]
fn comment_section_ends_the_article() {
    // profootballtalk (aeb): the comments read as prose, but come after "34 responses to …".
    let text = "Posted by Michael David Smith on November 19, 2019, 6:21 AM EST
Chargers coach Anthony Lynn recognizes that his team’s playoff hopes are somewhere between slim and none after Monday night’s loss to the Chiefs.
Lynn said after the game that the Chargers saw winning Monday night as the most important step toward getting back into the playoff race. Instead, they lost 24-17.
34 responses to “ Anthony Lynn: “We needed to win this game” ”
As usual too many mistakes by Rivers. As good as the class of 2004 QBs have been one of them always leads in INTs. With Hill out the KC offense doesn’t look that dynamic against a decent D.
Rivers is done. Get a new QB, Chargers. Philip has hit the wall. You’ve got a good team, but you need a QB who won’t throw interceptions.
";
    let got = kept(text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|l| l.starts_with("Chargers coach") || l.starts_with("Lynn said")), "{got:?}");
    let v = verdicts(text);
    let comment = v.iter().find(|(l, _, _)| l.starts_with("Rivers is done")).unwrap();
    assert_eq!((comment.1, comment.2), (true, "boilerplate.context"));
}

#[test]
fn text_in_another_language_is_judged_without_the_stoplist() {
    // jaraguadosul.com.br (aeb): Portuguese menu, tag cloud and one paragraph of news.
    let text = "* Acesso à Informação
o Concultura
+ Portal da Transparência
adote um amigo agua alerta ambiente amizade atendimento atirador bem-estar biblioteca caminhada campanha capacitacao capacitação carnaval civil cmdca comunicado comunicação concreto concurso conselheiros conselho contação cultura curso cursos dança defesa civil dia edital educacao empossados encerra
o Dezembro (111)
05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde - Tags: sad arrombamento veiculo
A equipe do Serviço de Atendimento Domiciliar (SAD), do bairro Amizade, registrou nesta manhã o arrombamento de dois dos cinco automóveis da unidade. Os veículos estavam sem as respectivas baterias e com marcas de depredação. Foi feito boletim de ocorrência e a polícia foi até o local para verificar.
Jaraguá do Sul - SC - CNPJ: 83.102.459/0001-23 - Rua Walter Marquardt, 1111 - Barra do Rio Molha - 89259-565 - Caixa Postal 421 - Fone: (047) 2106-8000
";
    let got = kept(text);
    assert!(got.iter().any(|l| l.starts_with("A equipe do Serviço")), "{got:?}");
    assert!(!got.iter().any(|l| l.starts_with("adote um amigo") || l.starts_with("* Acesso")), "{got:?}");
}

#[test]
fn html_round_up_with_linked_sentences_stays_prose() {
    // businessinsider "10 things in tech" (aebhtml): each item is a sentence whose words are mostly one link.
    let item = |s: &str| format!("<p><a href='/x'>{s}</a> It was reported on Monday.</p>");
    let html = format!(
        "<nav><a href='/'>Tech</a> <a href='/f'>Finance</a></nav><h1>10 things in tech you need to know today</h1>{}{}{}\
         <figure><img src=x><figcaption>The WeWork logo is displayed outside of a co-working space in New York.</figcaption></figure>\
         <div class='related-stories'><p>More stories from the desk about the company and its plans for next year.</p></div>",
        item("The New York state attorney general is investigating WeWork amid layoffs, and the company confirmed that it was cooperating."),
        item("T-Mobile CEO John Legere is stepping down in May 2020, and he will hand over the reins to the chief operating officer."),
        item("SoftBank CEO Masayoshi Son has told WeWork executives he wants the company to turn a profit by 2021, people said."),
    );
    let vis = crate::input::html_to_text(&html);
    let model = TextModel::new(&vis.text);
    let got: Vec<(String, bool, &str)> = classify_with(&model, Some(&vis.lines))
        .into_iter()
        .zip(&model.lines)
        .filter(|(_, l)| !l.is_blank())
        .map(|(v, l)| (vis.text.get(l.trimmed.clone()).unwrap_or_default().to_string(), v.boilerplate, v.rule))
        .collect();
    let find = |p: &str| got.iter().find(|g| g.0.starts_with(p)).unwrap_or_else(|| panic!("{p:?} in {got:?}"));
    assert!(!find("The New York state").1 && !find("SoftBank").1, "{got:?}");
    assert!(!find("10 things in tech").1);
    assert_eq!((find("The WeWork logo").1, find("The WeWork logo").2), (true, "boilerplate.credit"));
    assert_eq!((find("More stories").1, find("More stories").2), (true, "boilerplate.chrome"));
}

/// jusText's revision pass transcribed directly (quadratic): the reference for [`smooth`].
fn smooth_naive(class: &[Class]) -> Vec<Class> {
    let n = class.len();
    let prev = |c: &[Class], k: usize, skip_near: bool| -> Class {
        (0..k)
            .rev()
            .map(|j| c[j])
            .find(|&x| x != Class::Short && !(skip_near && x == Class::NearGood))
            .unwrap_or(Class::Bad)
    };
    let next = |c: &[Class], k: usize, skip_near: bool| -> Class {
        (k + 1..n)
            .map(|j| c[j])
            .find(|&x| x != Class::Short && !(skip_near && x == Class::NearGood))
            .unwrap_or(Class::Bad)
    };
    let mut out = class.to_vec();
    for k in 0..n {
        if class[k] != Class::Short {
            continue;
        }
        let (p, q) = (prev(class, k, true), next(class, k, true));
        out[k] = if p == Class::Good && q == Class::Good {
            Class::Good
        } else if p == Class::Bad && q == Class::Bad {
            Class::Bad
        } else if (p == Class::Bad && prev(class, k, false) == Class::NearGood)
            || (q == Class::Bad && next(class, k, false) == Class::NearGood)
        {
            Class::Good
        } else {
            Class::Bad
        };
    }
    let fixed = out.clone();
    for k in 0..n {
        if fixed[k] == Class::NearGood {
            let (p, q) = (prev(&fixed, k, true), next(&fixed, k, true));
            out[k] = if p == Class::Bad && q == Class::Bad { Class::Bad } else { Class::Good };
        }
    }
    out
}

#[test]
fn linear_smoothing_agrees_with_the_naive_transcription() {
    use Class::*;
    let all = [Bad, Short, NearGood, Good];
    // Every sequence of up to 6 classes, then some long pseudo-random ones.
    for len in 0..=6u32 {
        for code in 0..4usize.pow(len) {
            let seq: Vec<Class> = (0..len).map(|i| all[(code >> (2 * i)) & 3]).collect();
            assert_eq!(smooth(&seq), smooth_naive(&seq), "{seq:?}");
        }
    }
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..50 {
        let seq: Vec<Class> = (0..300)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                all[(x % 4) as usize]
            })
            .collect();
        assert_eq!(smooth(&seq), smooth_naive(&seq));
    }
}
