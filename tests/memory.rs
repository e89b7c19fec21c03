//! Peak heap of the CLI's own path (read, annotate, write) on 5 MB of machine-made input, counted by a global
//! allocator: the README's memory bound ("any 5 MB input under 500 MB"). The span limit caps what the densest
//! text costs; `scripts/hostile.sh` measures the release binary's whole resident memory on the same inputs.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use sift::formats::{self, Format, WriteOptions};
use sift::{Label, Layers};

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// Allocations made on this thread: what one test does, whatever the other tests' threads do meanwhile.
    static ALLOCATIONS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn grew(n: usize) {
    let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
    let now = NOW.fetch_add(n, Ordering::Relaxed) + n;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed on to the system allocator unchanged; only the byte counts are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        if new > layout.size() {
            grew(new - layout.size());
        } else {
            NOW.fetch_sub(layout.size() - new, Ordering::Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// One measurement at a time: the counters are global.
static ONE: Mutex<()> = Mutex::new(());

/// Heap bytes held at the peak of `f`, above what was held before it.
fn peak_of(f: impl FnOnce()) -> usize {
    let before = NOW.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    f();
    PEAK.load(Ordering::Relaxed) - before
}

/// What `sift annotate [--format F]` does with one file: read it, annotate it (span limit and all), write it.
fn annotate_and_write(name: &str, bytes: &[u8], format: Format) {
    let source = sift::input::read_bytes(name, None, bytes).expect("readable");
    let opts = sift::detect::Options { layers: Layers::ALL, ..Default::default() };
    let (doc, _) = source.annotate_bounded("d", name, &opts, sift::detect::MAX_SPANS);
    let docs = [doc];
    if format == Format::Sift {
        formats::sift::write_to(&docs, &Label::builtin(), false, std::io::sink()).expect("written");
    } else {
        let out = formats::write_with(format, &docs, &Label::builtin(), &WriteOptions::default());
        assert!(!out.files.is_empty());
    }
}

#[test]
fn five_megabytes_of_machine_made_input_need_less_than_500_megabytes() {
    let _one = ONE.lock().unwrap();
    const MB: usize = 5_000_000;
    const BOUND: usize = 500_000_000;
    let para = "The minister said on Tuesday that 1,200 people had left.\r\n";
    let ordinals: String = (1..).map(|i| format!("{i}th ")).take(MB / 8).collect();
    let cases: Vec<(&str, String, Format)> = vec![
        ("numbers.txt", "1 ".repeat(MB / 2), Format::Sift),
        ("ordinals.txt", ordinals.chars().take(MB).collect(), Format::Sift),
        ("short-lines.txt", "a\n".repeat(MB / 2), Format::Sift),
        ("line-breaks.txt", "\n".repeat(MB), Format::Sift),
        ("crlf.txt", para.repeat(MB / para.len()), Format::LabelStudio),
        ("crlf-brat.txt", para.repeat(MB / para.len()), Format::Brat),
        ("nested.html", "<div/>x".repeat(MB / 7), Format::Sift),
        ("center.html", "<center>x".repeat(MB / 9), Format::Sift),
    ];
    let mut report = Vec::new();
    for (name, text, format) in &cases {
        let peak = peak_of(|| annotate_and_write(name, text.as_bytes(), *format));
        report.push(format!("{name} → {format:?}: {} KB of input, peak heap {} KB", text.len() / 1000, peak / 1000));
        assert!(peak < BOUND, "{name}: peak heap {peak} B for {} B of input\n{}", text.len(), report.join("\n"));
    }
    eprintln!("{}", report.join("\n"));
}

/// Allocations `f` makes on this thread.
fn allocations_of(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(|c| c.get());
    f();
    ALLOCATIONS.with(|c| c.get()) - before
}

#[test]
fn writing_a_stream_line_allocates_nothing_per_span() {
    // Non-ASCII, so that the offset tables are built too (a fixed number of allocations a document).
    let doc = |times: usize| {
        let text = "Kyiv \u{2013} at least 133 people died, police said on 22 March. ".repeat(times);
        let source = sift::input::read_bytes("d.txt", None, text.as_bytes()).expect("readable");
        source.annotate("d", "d.txt", Layers::ALL)
    };
    let (small, big) = (doc(1), doc(300));
    assert!(big.spans.len() >= 300 * small.spans.len().max(1), "{} spans", big.spans.len());
    for fields in [formats::sift::Fields::ALL, formats::sift::Fields::COMPACT] {
        let write = |d| allocations_of(|| formats::sift::write_stream_line(std::io::sink(), d, None, fields).unwrap());
        let (a, b) = (write(&small), write(&big));
        let report =
            format!("{fields:?}: {a} allocations for {} spans, {b} for {}", small.spans.len(), big.spans.len());
        eprintln!("{report}");
        assert!(a == b && b <= 4, "{report}");
    }
}
