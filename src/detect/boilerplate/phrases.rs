//! The phrase list: wording that site templates use and articles do not. Each entry is a case-insensitive
//! pattern, the longest line (in code points) it may decide for, and the sentence shown as `why`. The length cap
//! keeps a pattern from firing on an article sentence that merely mentions "subscribe" or "related".

use std::sync::OnceLock;

/// What kind of chrome a phrase reveals; each kind has its own rule id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Navigation, prompts, boxes and notices (`boilerplate.phrase`).
    Prompt,
    /// Bylines, sources, photo captions and credits (`boilerplate.credit`).
    Credit,
    /// A box that introduces other articles ("Read also:"): what follows it up to a rule is part of the box.
    Teaser,
    /// The heading of the comment section ("34 responses to …", "View Comments"): the article has ended.
    Comments,
}

/// One chrome phrase: a pattern, the longest line it decides for, and what it says about the line.
pub struct Entry {
    re: &'static str,
    max_chars: usize,
    /// What the phrase marks.
    pub kind: Kind,
    /// The sentence shown as the verdict's `why`.
    pub why: &'static str,
}

const fn e(re: &'static str, max_chars: usize, kind: Kind, why: &'static str) -> Entry {
    Entry { re, max_chars, kind, why }
}

use Kind::{Comments, Credit, Prompt, Teaser};

const ENTRIES: &[Entry] = &[
    e(
        r"^\d[\d,.]*k?\s+(comments?|responses?|replies|reactions)\b|^(top rated |reader |user |latest |recent |view |show |hide |load |read |see )?(all )?(\d+ )?comments?\s*(\(\d+\))?\s*([:.]|…)*$|^(leave|post|add|write|submit) (a|your) (comment|reply|response)|^(join|start) the (discussion|conversation)|^discussion\s*(\(\d+\))?$|^comments? (are|have been) closed",
        120,
        Comments,
        "Opens the comment section: the article has ended.",
    ),
    e(
        r"^(read|see) (also|more|next)\b|^(also read|more to read|further reading)\b",
        160,
        Teaser,
        "Points to other articles (\"Read also\").",
    ),
    e(
        // The same boxes in the other languages of news pages: Portuguese, Spanish, French, German, Italian,
        // Dutch, Polish, Russian and Ukrainian (literals only: the set runs without Unicode classes or case
        // folding, so capitals outside ASCII are spelled out).
        r"^(voc(e|ê) (também |tambem )?pode (gostar|se interessar)|veja (também|tambem)|leia (também|tambem|mais)|(también |tambien )?te puede interesar|lee (también|tambien)|vous aimerez (aussi|également)|(À |à |a )?lire aussi|das könnte sie auch interessieren|lesen sie auch|auch interessant|(ti )?potrebbe (anche )?interessarti|leggi anche|lees ook|zie ook|(przeczytaj|czytaj) (też|także|również)|(Ч|ч)итайте (также|еще|ещё|також)|(С|с)мотрите также|(Д|д)ивіться також)",
        80,
        Teaser,
        "Points to other articles (\"Read also\", in the page's language).",
    ),
    e(
        r"^related( articles?| posts?| stories| coverage| content| news| topics| links| reading| videos?)?\s*:?$",
        40,
        Prompt,
        "Heading of a related-articles box.",
    ),
    e(
        r"^(you may|you might|we think you.?ll|you.?ll) (also )?(like|enjoy|be interested)|^(more|other) (stories|articles|news|posts|videos)\b|^more (from|on|in|about) [^.!?]*$",
        80,
        Prompt,
        "Recommends other articles.",
    ),
    e(
        r"^(editors?.? picks?|latest (posts|news|stories|articles|videos|headlines)|most (read|popular|viewed|shared|commented|recent)|trending( now| stories)?|top (stories|news|picks)|popular (posts|stories|now)|recommended( for you| stories)?|what.?s hot|in case you missed it|don.?t miss|featured( stories| posts)?|up next|watch next|more headlines|news feed|breaking news|recent posts|previous (post|article)|next (post|article))\s*:?$",
        40,
        Prompt,
        "Heading of a list of other articles.",
    ),
    e(
        r"^back to top|^skip to( main)? (content|navigation)|^(scroll|go) to top|^jump to\b|^toggle (navigation|menu)|^(main )?menu$|^search$|^close$|^open menu|^show more$|^load more|^see all|^view all|^more$",
        40,
        Prompt,
        "Page navigation control.",
    ),
    e(r"^home\s*([>/|:-]|›|»|•|$)|^home\s+(?-i:[A-Z]{2,})\b|^you are here\s*:", 200, Prompt, "Breadcrumb navigation."),
    e(
        r"^(share|tweet|pin it|email|e-mail|print|copy link|whatsapp|reddit|linkedin|facebook|twitter|telegram|flipboard)( (this|on|via|article|story|page|link|it))*\s*[:!]?$",
        40,
        Prompt,
        "Share button.",
    ),
    e(
        r"^(share|tweet|send|email) (this|the) (article|story|post|page)|^share (on|via|with)\b|^click to share|^share:|^share this\b",
        90,
        Prompt,
        "Share prompt.",
    ),
    e(
        r"^(please )?follow\b.*\b(on|us)\b|^follow (us|@)|^(like|find) us on|^connect with us|^join us on|^stay connected",
        90,
        Prompt,
        "Follow prompt for the site's social accounts.",
    ),
    e(
        r"^(twitter|facebook|youtube|instagram|telegram|linkedin|tiktok|mastodon|threads|x|vk|whatsapp)\s*:",
        200,
        Prompt,
        "Link to the site's social account.",
    ),
    e(
        r"^(please )?(subscribe|sign up|signup)\b|\bnewsletters?\b|\bunsubscribe\b|\b(subscribe|sign up) (to|for) (our|the|my)\b|\b(delivered|straight|directly) to your inbox\b",
        140,
        Prompt,
        "Subscribe or newsletter prompt.",
    ),
    e(
        r"^(sign in|log in|login|log out|register|create (an )?account|my account|already (a subscriber|have an account))\b",
        80,
        Prompt,
        "Account control.",
    ),
    e(
        r"\b(we use cookies|cookie (policy|settings|preferences|notice)|uses cookies|accept (all )?cookies|privacy (policy|notice|settings)|terms (of|and) (use|service|conditions)|do not sell my)\b",
        300,
        Prompt,
        "Cookie or legal notice.",
    ),
    e(r"\ball rights reserved\b", 300, Prompt, "Copyright line."),
    e(
        r"^\d[\d,.]*k?\s+(shares?|views?|likes?)$|^(responses?|replies|shares?|views?)\s*:?\s*\(?\d*\)?$|^no comments?\b|^reply$|^report( comment| abuse)?$|^(be the first to|click to) comment",
        90,
        Prompt,
        "Comment counter or prompt.",
    ),
    e(
        r"^\d+\s+(min|mins|minute|minutes)( read)?$|^reading time\b|^(\d+ )?(min|minute) read$",
        40,
        Prompt,
        "Reading-time counter.",
    ),
    e(
        r"^(advertisement|advertising|sponsored( content| by)?|ad|ads|promoted|paid (content|post)|partner content|story continues (below|after)( advertisement)?|continue reading( below| the main story)?|article continues (below|after))\s*:?\.?$|^scroll to continue",
        60,
        Prompt,
        "Advertisement marker.",
    ),
    e(
        r"\b(suggest a correction|report (an error|a typo|a mistake)|spotted (an error|a mistake|a typo)|ctrl\s*\+\s*enter|leave your suggestions|send us a (tip|news tip)|got a (news )?tip)\b",
        200,
        Prompt,
        "Correction or tip prompt.",
    ),
    e(
        r"\b(join our community|support (our|independent|quality) (journalism|work|reporting|newsroom)|support us\b|donate (now|today)?\b|make a donation|become a (member|patron|supporter|subscriber)|help us produce|relies (solely|entirely) on|reader.?(funded|supported)|independent media outlet|independent journalism)",
        1500,
        Prompt,
        "Donation or membership appeal.",
    ),
    e(
        r"\b(may|might|will) (earn|get|receive|collect) (a )?(small |an affiliate )?(commission|share of (the )?sales?|compensation)\b|\baffiliate (links?|commissions?|partnerships?)\b|\bwe (may )?earn (a )?commission",
        300,
        Prompt,
        "Affiliate disclosure.",
    ),
    e(
        r"^(about|contact|about us|contact us|careers|advertise|advertise with us|imprint|impressum|sitemap|site map|faq|help|rss|rss feeds?|feedback|masthead|staff|jobs|press( releases)?|corrections|ethics( policy)?|accessibility)$",
        40,
        Prompt,
        "Site menu item.",
    ),
    e(
        r"^(tags?|topics?|categories|category|filed under|posted in|labels|keywords|sections?)\s*:",
        200,
        Prompt,
        "Tag or category list.",
    ),
    e(
        r"^(updated|published|posted|last (updated|modified)|first published|modified|created|date)\s*:?\s*(on\s+)?(\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|yesterday|today|\d+ (hours?|minutes?|days?) ago)",
        90,
        Prompt,
        "Publication timestamp.",
    ),
    e(
        r"^(above|below|pictured|top|left|right|main|inset|header|featured|lead)( image| photo| picture| video)?\s*:\s*\S",
        300,
        Credit,
        "Photo caption.",
    ),
    e(
        r"^(photo|photos|image|images|picture|pictures|video|videos|illustration|graphic|caption|credit|credits|image credit|photo credit|photograph|footage|file photo|source|sources|via|image source|photo source|featured image|header image|lead image)\s*:",
        300,
        Credit,
        "Photo caption, credit or source line.",
    ),
    e(
        r"\b(photo|image|picture|credit|illustration|pictured|photograph)\s*:\s*[^.!?]{1,80}$|\((photo|image|picture|file photo|ap photo|reuters|afp|getty)[^)]{0,80}\)\s*$|\b(getty images|shutterstock|ap photo|afp via getty|reuters/\w+|epa-efe|istock(photo)?|alamy|pa wire|pa images|via reuters|via ap)\b[^.]{0,40}$",
        300,
        Credit,
        "Photo caption or credit.",
    ),
    e(
        r"^by\s+(?-i:[A-Z])[^.!?]*$|^by\s*:|^words by\b|^(written|reported|posted|edited|compiled|story) by\b|^\(?(reporting|writing|editing|additional reporting|compiled|research) by\b|^author\s*:|^(correspondent|staff writer|contributor|reporter|editor)$",
        160,
        Credit,
        "Byline.",
    ),
    e(
        r"\bcontributed (reporting )?to this (report|story|article)\b|\bcontributed reporting\b|^this (story|article|report) (was|has been) (updated|corrected|produced|written|edited|first published|originally published)\b|^(a version of )?this (article|story) (first |originally )?appeared\b|^originally published\b",
        400,
        Credit,
        "Contributor credit.",
    ),
    e(
        r"^(about the author|more articles by|more by|more from this author|author profile|view (all )?posts by|posts by|articles by)\b",
        80,
        Credit,
        "Author box.",
    ),
    e(r"^(copyright|\(c\)|©)", 300, Credit, "Copyright line."),
    e(
        r"\bthe associated press\b.*\b(writers?|contributed|reporters?)\b|^associated press\b|^(ap|afp|reuters|bloomberg|dpa|ani|pti|ians)$",
        200,
        Credit,
        "Agency credit.",
    ),
];

/// The patterns, compiled once into one set (one pass over a line for all of them). They run on bytes with ASCII-only classes and case folding (`(?i-u)`) over the
/// line as [`fold`] prepares it: the phrases are English, and Unicode case folding and word boundaries make the
/// regex crate's lazy DFA build states for every line anew, which cost three quarters of the layer's time.
fn compiled() -> &'static regex::bytes::RegexSet {
    static SET: OnceLock<regex::bytes::RegexSet> = OnceLock::new();
    SET.get_or_init(|| {
        regex::bytes::RegexSetBuilder::new(ENTRIES.iter().map(|e| e.re))
            .unicode(false)
            .case_insensitive(true)
            // Room for the lazy DFA's states of the whole set: with the default 2 MiB it filled on long pages and
            // was rebuilt from scratch, which was a quarter of the layer's time.
            .dfa_size_limit(32 << 20)
            .build()
            .expect("phrase patterns are valid")
    })
}

/// Drops bullets and NBSP in front of the wording.
fn wording(s: &str) -> &str {
    s.trim_start_matches(|c: char| matches!(c, '*' | '+' | '-' | '•' | '·' | '|' | '»' | '›') || c.is_whitespace())
}

/// The line's bytes for the ASCII patterns: any Unicode whitespace (NBSP) becomes a space and curly apostrophes
/// a straight one, as the Unicode patterns would see them (`\s`, `.`); other text is kept as it is.
fn fold(s: &str, out: &mut Vec<u8>) {
    out.clear();
    for c in s.chars() {
        match c {
            c if c.is_ascii() => out.push(c as u8),
            c if c.is_whitespace() => out.push(b' '),
            '’' | '‘' => out.push(b'\''),
            c => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
}

/// The first chrome phrase that decides for the trimmed line `s` of `chars` code points.
pub fn find(s: &str, chars: usize) -> Option<&'static Entry> {
    // Lines longer than every cap cannot match; most paragraphs are.
    if chars > MAX_CHARS {
        return None;
    }
    thread_local!(static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) });
    BUF.with_borrow_mut(|buf| {
        fold(wording(s), buf);
        let set = compiled();
        if !set.is_match(buf) {
            return None;
        }
        set.matches(buf).into_iter().map(|i| &ENTRIES[i]).find(|e| chars <= e.max_chars)
    })
}

/// The longest cap in the list.
const MAX_CHARS: usize = {
    let mut i = 0;
    let mut m = 0;
    while i < ENTRIES.len() {
        if ENTRIES[i].max_chars > m {
            m = ENTRIES[i].max_chars;
        }
        i += 1;
    }
    m
};

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The direct transcription: every pattern as written, in list order. [`find`] must agree with it.
    fn find_naive(s: &str, chars: usize) -> Option<&'static Entry> {
        static ONE_BY_ONE: OnceLock<Vec<Regex>> = OnceLock::new();
        let res =
            ONE_BY_ONE.get_or_init(|| ENTRIES.iter().map(|e| Regex::new(&format!("(?i){}", e.re)).unwrap()).collect());
        let s = wording(s);
        ENTRIES.iter().zip(res).find(|(e, re)| chars <= e.max_chars && re.is_match(s)).map(|(e, _)| e)
    }

    #[test]
    fn find_agrees_with_pattern_by_pattern_on_the_corpus() {
        let mut text = String::new();
        for entry in std::fs::read_dir("tests/data/corpus").unwrap() {
            let p = entry.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                text.push_str(&std::fs::read_to_string(p).unwrap());
                text.push('\n');
            }
        }
        // Chrome lines with non-ASCII text around them, and caps: the same line under and over an entry's cap.
        text.push_str("• Read also: “Ukraine” ’s war\nRelated\nall rights reserved ©\nKomments\n");
        let mut lines = 0;
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            for chars in [line.chars().count(), 39, 41, 121, 301, 1501] {
                let (fast, naive) = (find(line, chars), find_naive(line, chars));
                assert_eq!(fast.map(|e| e.re), naive.map(|e| e.re), "{line:?} at {chars} chars");
            }
            lines += 1;
        }
        assert!(lines > 100, "the corpus has lines to compare");
    }

    fn kind(s: &str) -> Option<Kind> {
        find(s, s.chars().count()).map(|e| e.kind)
    }

    #[test]
    fn chrome_lines_from_the_corpus_and_bench() {
        let table: &[(&str, Kind)] = &[
            ("Read also:", Teaser),
            ("Read also:\u{a0}US Embassy Warns of Imminent Attack in Moscow by Islamic State Terrorists", Teaser),
            ("Related Articles", Prompt),
            ("Related Posts", Prompt),
            ("Back to top button", Prompt),
            ("You may also like", Prompt),
            ("Você pode gostar...", Teaser),
            ("Leia também: Governo anuncia novas medidas", Teaser),
            ("À lire aussi", Teaser),
            ("Lesen Sie auch:", Teaser),
            ("Читайте также: В Москве задержали подозреваемых", Teaser),
            ("Leave a Comment", Comments),
            ("0 comment", Comments),
            ("34 responses to “ Anthony Lynn: “We needed to win this game” ”", Comments),
            ("View Comments", Comments),
            ("Editors' Picks", Prompt),
            ("Latest Posts", Prompt),
            ("Follow EU Today on social media:", Prompt),
            ("Twitter: \u{a0} \u{a0}@EU_today \u{a0}", Prompt),
            ("To suggest a correction or clarification, write to us here", Prompt),
            ("You can also highlight the text and press Ctrl + Enter", Prompt),
            ("+ Got a news tip?", Prompt),
            ("Support independent journalism", Prompt),
            ("If you buy something through this post, IGN may get a share of the sale. For more, learn more.", Prompt),
            ("BGR may receive a commission", Prompt),
            ("by EUToday Correspondents", Credit),
            ("Source: Vanessa Gera, The Associated Press", Credit),
            ("Image Credit: WeWork", Credit),
            ("Above: A WeWork coworking space in San Francisco.", Credit),
            ("The Crocus City Hall outside Moscow is burning after the attack. Photo: Meduza via Telegram", Credit),
            ("(Reporting by Greg Roumeliotis, Joshua Franklin, editing by Nick Zieminski)", Credit),
            ("Associated Press writers Michael Balsamo in Washington contributed to this report.", Credit),
        ];
        for (s, want) in table {
            assert_eq!(kind(s), Some(*want), "{s:?}");
        }
    }

    #[test]
    fn article_sentences_are_not_chrome() {
        for s in [
            "US confirms ISIS behind deadly Moscow concert attack",
            "The US confirmed this shortly afterward.",
            "Putin denounced the U.S. warning as an attempt to scare Russians.",
            "Islamic State Claim Responsibility For March 22 Moscow Terror Attack",
            "He said WeWork needs a more efficient and more customer-centric organization to grow.",
            "Home sales rose 4% in March, the fastest pace in a year, according to the National Association of Realtors.",
            "Shares of the company fell 5% on Monday after the report was published by the newspaper.",
            // CT24 debate sentences.
            "\"And I subscribe completely to the spirit that Senator Kennedy has expressed tonight.\"",
            "We're working hard to sign up children.",
            "More in August than July.",
            "By Russia or anybody else.",
            "By giving parents the tools to protect their children against cultural pollution.",
        ] {
            assert_eq!(kind(s), None, "{s:?}");
        }
    }
}
