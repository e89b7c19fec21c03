//! The words the number grammar knows: number words, ordinals, fraction denominators, vague counts, months,
//! weekdays, calendar names, units, currencies and the phrases that bound a number.
//!
//! Everything is keyed by the ASCII-lowercased word and merged into one [`Entry`] per word, so the tokenizer does
//! a single hash lookup per word and the grammar reads plain fields. A word can play several roles ("second" is an
//! ordinal and a unit, "m" a unit and a scale, "march" a month); the grammar picks the role from context.

use super::temporal::Dir;
use crate::text::calendar::WEEKDAYS;
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The class of a cardinal number word, which decides what may follow it ("twenty" + "two", "two" + "hundred").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Card {
    /// zero … nine.
    Unit(u8),
    /// ten … nineteen.
    Teen(u8),
    /// twenty, thirty … ninety.
    Tens(u8),
    /// "hundred".
    Hundred,
    /// thousand, million, billion, trillion (the multiplier).
    Scale(f64),
    /// "dozen" (multiplies by 12 like "hundred" multiplies by 100).
    Dozen,
}

/// The physical dimension of a unit; `Time` units make durations, the others quantities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dim {
    /// seconds … millennia: the span is a duration.
    Time,
    /// Everything else (length, mass, area, volume, speed, energy, temperature, data).
    Other,
}

/// A measurement unit: canonical name and dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unit {
    /// Canonical, singular name written into the `unit` attribute ("km", "hour", "lb").
    pub name: &'static str,
    /// Whether it measures time.
    pub dim: Dim,
    /// Abbreviations that are also ordinary words or letters ("m", "h", "g", "l") only count when glued to the
    /// digits ("5m", "48h").
    pub glued_only: bool,
}

/// What kind of bound or approximation a phrase puts on the number after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bound {
    /// "at least", "more than", "over": the true figure is at or above the number.
    Min,
    /// "up to", "less than", "nearly", "almost": at or below.
    Max,
    /// "about", "around", "approximately": near it.
    Approx,
}

impl Bound {
    /// The `bound` attribute value.
    pub fn name(self) -> &'static str {
        match self {
            Bound::Min => "min",
            Bound::Max => "max",
            Bound::Approx => "approx",
        }
    }
}

/// Everything known about one lowercased word.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Entry {
    /// Cardinal number word.
    pub card: Option<Card>,
    /// Ordinal word and its value ("first" 1, "twentieth" 20, "hundredth" 100).
    pub ordinal: Option<u32>,
    /// Fraction denominator ("third" 3, "quarters" 4) and whether the word is plural.
    pub denom: Option<(u8, bool)>,
    /// Plural count words with no exact value: "hundreds", "thousands", "dozens", "millions".
    pub vague: bool,
    /// Month number 1–12, for full names and abbreviations.
    pub month: Option<u8>,
    /// The month word is an abbreviation ("Jan", "Sept") and needs a day or a year after it.
    pub month_abbr: bool,
    /// Month names that are also given names or common words ("April", "May", "June", "August", "March" as a
    /// verb is rare when capitalized): alone they need a dating preposition before them.
    pub month_ambiguous: bool,
    /// Weekday 1 (Monday) – 7 (Sunday), plural forms included ("Fridays").
    pub weekday: Option<u8>,
    /// A calendar name that dates an event ("Ramadan", "Christmas").
    pub holiday: bool,
    /// Measurement unit.
    pub unit: Option<Unit>,
    /// Currency named by the word, as an ISO 4217 code ("rubles" → RUB).
    pub currency: Option<&'static str>,
    /// Uppercase currency code written before or after the amount ("USD 5", "5 EUR").
    pub currency_code: Option<&'static str>,
    /// Abbreviated scale glued to digits ("5m", "2.3bn", "10k").
    pub scale_abbr: Option<f64>,
    /// First word of a bound phrase; the grammar then tries [`BOUNDS`].
    pub bound_start: bool,
    /// The phrases of [`BOUNDS`] that start with this word: the first index and how many (they are adjacent).
    pub bounds: (u8, u8),
    /// A word that starts an expression without being a number itself ("a dozen", "between", "noon", "US$").
    pub trigger: bool,
    /// The word can be the number part of an expression (a number word, an ordinal, a month, a unit, a
    /// currency…). A weak word (only a trigger or a bound's first word: "a", "in", "this") starts an expression
    /// only when a digit or a strong word follows within [`WEAK_REACH`] tokens, which the grammar checks first.
    pub strong: bool,
}

/// How far after a weak word ("a", "between", "at least", "last") the number of its expression can start.
pub(crate) const WEAK_REACH: usize = 4;

/// Weak-looking triggers that are a whole expression by themselves.
const SELF_TRIGGERS: [&str; 4] = ["noon", "midnight", "midday", "q"];

/// Unit words: 0–9.
const UNITS: [&str; 10] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
/// 10–19.
const TEENS: [&str; 10] =
    ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
/// 20, 30, … 90 (index + 2 times ten).
const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
/// Scale words and their multipliers.
/// "lakh" (100,000) and "crore" (10 million) are the South Asian scales of Indian and Pakistani news.
const SCALES: [(&str, f64); 8] = [
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("crore", 1e7),
    ("crores", 1e7),
];
/// Ordinal words with their values.
const ORDINALS: [(&str, u32); 32] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
    ("thousandth", 1000),
    ("millionth", 1_000_000),
    ("billionth", 1_000_000_000),
    ("zeroth", 0),
];
/// Fraction denominators (singular, plural, value).
const DENOMS: [(&str, &str, u8); 9] = [
    ("half", "halves", 2),
    ("third", "thirds", 3),
    ("quarter", "quarters", 4),
    ("fourth", "fourths", 4),
    ("fifth", "fifths", 5),
    ("sixth", "sixths", 6),
    ("eighth", "eighths", 8),
    ("tenth", "tenths", 10),
    ("hundredth", "hundredths", 100),
];
/// Counts with no exact value.
const VAGUE: [&str; 7] = ["dozens", "hundreds", "thousands", "millions", "billions", "trillions", "tens"];
/// Month names and the abbreviations news copy uses (AP style "Sept.").
const MONTHS: [(&str, u8, bool); 22] = [
    ("january", 1, false),
    ("february", 2, false),
    ("march", 3, false),
    ("april", 4, false),
    ("may", 5, false),
    ("june", 6, false),
    ("july", 7, false),
    ("august", 8, false),
    ("september", 9, false),
    ("october", 10, false),
    ("november", 11, false),
    ("december", 12, false),
    ("jan", 1, true),
    ("feb", 2, true),
    ("mar", 3, true),
    ("apr", 4, true),
    ("jun", 6, true),
    ("jul", 7, true),
    ("aug", 8, true),
    ("sep", 9, true),
    ("oct", 10, true),
    ("nov", 11, true),
];
/// Further month abbreviations (kept apart to keep the table above readable).
const MONTHS_MORE: [(&str, u8); 2] = [("sept", 9), ("dec", 12)];
/// Month names that are also names or words; alone they need a dating preposition.
const MONTHS_AMBIGUOUS: [&str; 4] = ["april", "may", "june", "august"];
/// Calendar names that date an event when a preposition introduces them ("during Ramadan").
const HOLIDAYS: [&str; 12] = [
    "ramadan",
    "christmas",
    "easter",
    "eid",
    "hanukkah",
    "passover",
    "thanksgiving",
    "diwali",
    "halloween",
    "nowruz",
    "lent",
    "navruz",
];

/// Units: (spellings, canonical name, dimension, glued only).
const UNIT_TABLE: &[(&[&str], &str, Dim, bool)] = &[
    (&["second", "seconds", "sec", "secs"], "second", Dim::Time, false),
    (&["minute", "minutes", "min", "mins"], "minute", Dim::Time, false),
    (&["hour", "hours", "hr", "hrs"], "hour", Dim::Time, false),
    (&["h"], "hour", Dim::Time, true),
    (&["day", "days"], "day", Dim::Time, false),
    (&["week", "weeks", "wk", "wks"], "week", Dim::Time, false),
    (&["fortnight", "fortnights"], "fortnight", Dim::Time, false),
    (&["month", "months"], "month", Dim::Time, false),
    (&["year", "years", "yr", "yrs"], "year", Dim::Time, false),
    (&["decade", "decades"], "decade", Dim::Time, false),
    (&["century", "centuries"], "century", Dim::Time, false),
    (&["millennium", "millennia"], "millennium", Dim::Time, false),
    (&["km", "kilometre", "kilometres", "kilometer", "kilometers", "kms"], "km", Dim::Other, false),
    (&["m"], "m", Dim::Other, true),
    (&["metre", "metres", "meter", "meters"], "m", Dim::Other, false),
    (&["cm", "centimetre", "centimetres", "centimeter", "centimeters"], "cm", Dim::Other, false),
    (&["mm", "millimetre", "millimetres", "millimeter", "millimeters"], "mm", Dim::Other, false),
    (&["mile", "miles", "mi"], "mi", Dim::Other, false),
    (&["ft", "foot", "feet"], "ft", Dim::Other, false),
    (&["inch", "inches"], "in", Dim::Other, false),
    (&["yard", "yards", "yd", "yds"], "yd", Dim::Other, false),
    (&["hectare", "hectares"], "ha", Dim::Other, false),
    (&["ha"], "ha", Dim::Other, true),
    (&["acre", "acres"], "acre", Dim::Other, false),
    (&["km2"], "km2", Dim::Other, false),
    (&["kg", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos", "kgs"], "kg", Dim::Other, false),
    (&["g"], "g", Dim::Other, true),
    (&["gram", "grams", "gramme", "grammes"], "g", Dim::Other, false),
    (&["tonne", "tonnes", "ton", "tons"], "t", Dim::Other, false),
    (&["lb", "lbs"], "lb", Dim::Other, false),
    (&["ounce", "ounces", "oz"], "oz", Dim::Other, false),
    (&["litre", "litres", "liter", "liters"], "l", Dim::Other, false),
    (&["l"], "l", Dim::Other, true),
    (&["ml", "millilitre", "millilitres", "milliliter", "milliliters"], "ml", Dim::Other, false),
    (&["gallon", "gallons"], "gal", Dim::Other, false),
    (&["barrel", "barrels"], "bbl", Dim::Other, false),
    (&["bpd"], "bbl/d", Dim::Other, false),
    (&["mph"], "mph", Dim::Other, false),
    (&["kph"], "km/h", Dim::Other, false),
    (&["knot", "knots"], "kn", Dim::Other, false),
    (&["kw", "kilowatt", "kilowatts"], "kW", Dim::Other, false),
    (&["mw", "megawatt", "megawatts"], "MW", Dim::Other, false),
    (&["gw", "gigawatt", "gigawatts"], "GW", Dim::Other, false),
    (&["kwh"], "kWh", Dim::Other, false),
    (&["mwh"], "MWh", Dim::Other, false),
    (&["gwh"], "GWh", Dim::Other, false),
    (&["twh"], "TWh", Dim::Other, false),
    (&["degree", "degrees"], "degree", Dim::Other, false),
    (&["hp", "horsepower", "bhp"], "hp", Dim::Other, false),
    (&["kb", "kilobyte", "kilobytes"], "kB", Dim::Other, false),
    (&["mb", "megabyte", "megabytes"], "MB", Dim::Other, false),
    (&["gb", "gigabyte", "gigabytes"], "GB", Dim::Other, false),
    (&["tb", "terabyte", "terabytes"], "TB", Dim::Other, false),
    (&["mbps"], "Mbit/s", Dim::Other, false),
    (&["gbps"], "Gbit/s", Dim::Other, false),
    (&["milligram", "milligrams", "milligramme"], "mg", Dim::Other, false),
    (&["microgram", "micrograms", "mcg"], "µg", Dim::Other, false),
    (&["nanogram", "nanograms"], "ng", Dim::Other, false),
    (&["nanometre", "nanometres", "nanometer", "nanometers"], "nm", Dim::Other, false),
    (&["micrometre", "micrometres", "micrometer", "micrometers", "micron", "microns"], "µm", Dim::Other, false),
    (&["picometre", "picometres", "picometer", "picometers"], "pm", Dim::Other, false),
    (&["centilitre", "centilitres", "centiliter", "centiliters"], "cl", Dim::Other, false),
    (&["decilitre", "decilitres", "deciliter", "deciliters"], "dl", Dim::Other, false),
    // Not "cup": "the cost of one cup of coffee" counts cups (the gold corpus), it does not measure.
    (&["tablespoon", "tablespoons", "tbsp", "tbs"], "tbsp", Dim::Other, false),
    (&["teaspoon", "teaspoons", "tsp"], "tsp", Dim::Other, false),
    (&["pint", "pints"], "pt", Dim::Other, false),
    (&["quart", "quarts"], "qt", Dim::Other, false),
    (&["nautical"], "nmi", Dim::Other, false),
    (&["joule", "joules"], "J", Dim::Other, false),
    (&["kilojoule", "kilojoules", "kj"], "kJ", Dim::Other, false),
    (&["calorie", "calories", "cal"], "cal", Dim::Other, false),
    (&["kilocalorie", "kilocalories", "kcal"], "kcal", Dim::Other, false),
    (&["watt", "watts"], "W", Dim::Other, false),
    (&["terawatt", "terawatts"], "TW", Dim::Other, false),
    (&["volt", "volts"], "V", Dim::Other, false),
    (&["kilovolt", "kilovolts", "kv"], "kV", Dim::Other, false),
    (&["amp", "amps", "ampere", "amperes"], "A", Dim::Other, false),
    (&["hertz"], "Hz", Dim::Other, false),
    (&["kilohertz", "khz"], "kHz", Dim::Other, false),
    (&["megahertz", "mhz"], "MHz", Dim::Other, false),
    (&["gigahertz", "ghz"], "GHz", Dim::Other, false),
    (&["electronvolt", "electronvolts"], "eV", Dim::Other, false),
    (&["pascal", "pascals"], "Pa", Dim::Other, false),
    (&["kilopascal", "kilopascals", "kpa"], "kPa", Dim::Other, false),
    (&["hectopascal", "hectopascals", "hpa"], "hPa", Dim::Other, false),
    (&["millibar", "millibars", "mbar"], "mbar", Dim::Other, false),
    (&["psi"], "psi", Dim::Other, false),
    (&["decibel", "decibels", "db"], "dB", Dim::Other, false),
    (&["kelvin"], "K", Dim::Other, false),
    (&["sievert", "sieverts"], "Sv", Dim::Other, false),
    (&["millisievert", "millisieverts", "msv"], "mSv", Dim::Other, false),
    (&["microsievert", "microsieverts"], "µSv", Dim::Other, false),
    (&["gray", "grays"], "Gy", Dim::Other, true),
    (&["carat", "carats"], "ct", Dim::Other, false),
    (&["ppm"], "ppm", Dim::Other, false),
    (&["ppb"], "ppb", Dim::Other, false),
    (&["mpg"], "mpg", Dim::Other, false),
    (&["kmph", "kmh"], "km/h", Dim::Other, false),
    (&["tpd"], "t/d", Dim::Other, false),
    (&["bit", "bits"], "bit", Dim::Other, false),
    (&["byte", "bytes"], "B", Dim::Other, false),
    (&["petabyte", "petabytes"], "PB", Dim::Other, false),
    (&["exabyte", "exabytes"], "EB", Dim::Other, false),
    (&["parsec", "parsecs"], "pc", Dim::Other, false),
    (&["gigaannum", "gigayear", "gigayears"], "Ga", Dim::Other, false),
    (&["megaannum", "megayear", "megayears"], "Ma", Dim::Other, false),
    (&["deg"], "degree", Dim::Other, false),
];

/// Unit symbols whose case carries their meaning ("mW" milliwatt, "MW" megawatt; "Ma" a million years) or
/// that are not ASCII ("μg"): (symbol as written, canonical name, dimension, glued only). Looked up with
/// the token exactly as written, before the lowercase names above. Not "A" (ampere): "6A" is a school sports
/// class far more often than a current. "s", "fb" and "cd" count only with a power ("4e14 s-1", "5 fb−1").
const SYMBOL_UNITS: &[(&str, &str, Dim, bool)] = &[
    ("mg", "mg", Dim::Other, false),
    ("µg", "µg", Dim::Other, false),
    ("μg", "µg", Dim::Other, false),
    ("ng", "ng", Dim::Other, false),
    ("nm", "nm", Dim::Other, false),
    ("µm", "µm", Dim::Other, false),
    ("μm", "µm", Dim::Other, false),
    ("pm", "pm", Dim::Other, false),
    ("cl", "cl", Dim::Other, false),
    ("dl", "dl", Dim::Other, false),
    ("mL", "ml", Dim::Other, false),
    ("L", "l", Dim::Other, false),
    ("t", "t", Dim::Other, true),
    ("kt", "kt", Dim::Other, false),
    ("Mt", "Mt", Dim::Other, false),
    ("Gt", "Gt", Dim::Other, false),
    ("eV", "eV", Dim::Other, false),
    ("keV", "keV", Dim::Other, false),
    ("MeV", "MeV", Dim::Other, false),
    ("GeV", "GeV", Dim::Other, false),
    ("TeV", "TeV", Dim::Other, false),
    ("Hz", "Hz", Dim::Other, false),
    ("kHz", "kHz", Dim::Other, false),
    ("MHz", "MHz", Dim::Other, false),
    ("GHz", "GHz", Dim::Other, false),
    ("THz", "THz", Dim::Other, false),
    ("W", "W", Dim::Other, true),
    ("mW", "mW", Dim::Other, false),
    ("kW", "kW", Dim::Other, false),
    ("MW", "MW", Dim::Other, false),
    ("GW", "GW", Dim::Other, false),
    ("TW", "TW", Dim::Other, false),
    ("Wh", "Wh", Dim::Other, false),
    ("kWh", "kWh", Dim::Other, false),
    ("MWh", "MWh", Dim::Other, false),
    ("GWh", "GWh", Dim::Other, false),
    ("TWh", "TWh", Dim::Other, false),
    ("J", "J", Dim::Other, true),
    ("Js", "J s", Dim::Other, false),
    ("kJ", "kJ", Dim::Other, false),
    ("MJ", "MJ", Dim::Other, false),
    ("GJ", "GJ", Dim::Other, false),
    ("V", "V", Dim::Other, true),
    ("mV", "mV", Dim::Other, false),
    ("kV", "kV", Dim::Other, false),
    ("mA", "mA", Dim::Other, false),
    ("Pa", "Pa", Dim::Other, false),
    ("kPa", "kPa", Dim::Other, false),
    ("MPa", "MPa", Dim::Other, false),
    ("Gy", "Gy", Dim::Other, false),
    ("mGy", "mGy", Dim::Other, false),
    ("Sv", "Sv", Dim::Other, false),
    ("mSv", "mSv", Dim::Other, false),
    ("µSv", "µSv", Dim::Other, false),
    ("μSv", "µSv", Dim::Other, false),
    ("Ga", "Ga", Dim::Other, false),
    ("Ma", "Ma", Dim::Other, false),
    ("s", "s", Dim::Other, true),
    ("fb", "fb", Dim::Other, true),
    ("cd", "cd", Dim::Other, true),
    ("cds", "cd s", Dim::Other, true),
    ("EB", "EB", Dim::Other, false),
    ("PB", "PB", Dim::Other, false),
    ("TB", "TB", Dim::Other, false),
    ("GB", "GB", Dim::Other, false),
    ("MB", "MB", Dim::Other, false),
    ("kB", "kB", Dim::Other, false),
    ("KB", "kB", Dim::Other, false),
];

/// The symbol table, keyed by the symbol as written.
static SYMBOLS: LazyLock<HashMap<&'static str, Unit>> = LazyLock::new(|| {
    SYMBOL_UNITS
        .iter()
        .map(|(w, name, dim, glued_only)| (*w, Unit { name, dim: *dim, glued_only: *glued_only }))
        .collect()
});

/// A unit symbol written exactly so ("mg", "GHz", "μg").
pub(crate) fn symbol_unit(word: &str) -> Option<Unit> {
    if word.len() > 4 {
        return None;
    }
    SYMBOLS.get(word).copied()
}

/// Currency names written after the amount ("5 million rubles").
const CURRENCY_WORDS: &[(&[&str], &str)] = &[
    (&["dollar", "dollars"], "USD"),
    (&["euro", "euros"], "EUR"),
    (&["sterling"], "GBP"),
    (&["ruble", "rubles", "rouble", "roubles"], "RUB"),
    (&["yuan", "renminbi"], "CNY"),
    (&["yen"], "JPY"),
    (&["rupee", "rupees"], "INR"),
    (&["hryvnia", "hryvnias", "hryvnas", "hryvnya"], "UAH"),
    (&["franc", "francs"], "CHF"),
    (&["lira", "liras", "lire"], "TRY"),
    (&["shekel", "shekels"], "ILS"),
    (&["riyal", "riyals"], "SAR"),
    (&["dirham", "dirhams"], "AED"),
    (&["naira"], "NGN"),
    (&["rand"], "ZAR"),
    (&["zloty", "zlotys", "zlotych"], "PLN"),
    (&["peso", "pesos"], "MXN"),
    (&["bitcoin", "bitcoins"], "BTC"),
];

/// Uppercase ISO 4217 codes that news text writes next to amounts.
const CURRENCY_CODES: [&str; 40] = [
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "RUB", "UAH", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD", "KRW",
    "TRY", "ILS", "BRL", "MXN", "ZAR", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "SAR", "AED", "QAR", "EGP", "NGN",
    "KES", "PKR", "IDR", "THB", "PHP", "MYR", "TWD", "ARS",
];

/// Currency symbols and their ISO codes. A bare "$" is read as US dollars, the convention of English news.
pub(crate) const CURRENCY_SYMBOLS: [(char, &str); 14] = [
    ('$', "USD"),
    ('€', "EUR"),
    ('£', "GBP"),
    ('¥', "JPY"),
    ('₹', "INR"),
    ('₽', "RUB"),
    ('₴', "UAH"),
    ('₩', "KRW"),
    ('₺', "TRY"),
    ('₪', "ILS"),
    ('₦', "NGN"),
    ('₱', "PHP"),
    ('₫', "VND"),
    ('₿', "BTC"),
];

/// Letters glued before "$" that name the dollar ("US$", "A$", "HK$").
pub(crate) const DOLLAR_PREFIXES: [(&str, &str); 10] = [
    ("US", "USD"),
    ("U.S.", "USD"),
    ("A", "AUD"),
    ("AU", "AUD"),
    ("C", "CAD"),
    ("CA", "CAD"),
    ("HK", "HKD"),
    ("NZ", "NZD"),
    ("S", "SGD"),
    ("NT", "TWD"),
];

/// Adjectives that qualify "dollars" ("5 million Canadian dollars").
pub(crate) const DOLLAR_ADJECTIVES: [(&str, &str); 8] = [
    ("us", "USD"),
    ("american", "USD"),
    ("canadian", "CAD"),
    ("australian", "AUD"),
    ("singapore", "SGD"),
    ("taiwan", "TWD"),
    ("zimbabwean", "ZWL"),
    ("hong", "HKD"),
];

/// Scale abbreviations glued to digits ("€5m", "$2.3bn", "10k").
const SCALE_ABBR: [(&str, f64); 10] = [
    ("k", 1e3),
    ("m", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("bn", 1e9),
    ("b", 1e9),
    ("bln", 1e9),
    ("tn", 1e12),
    ("trn", 1e12),
    ("tr", 1e12),
];

/// Phrases that bound or approximate the number right after them. Longest first within a first word, so
/// "just over" wins over "just" would (there is no bare "just").
pub(crate) const BOUNDS: &[(&[&str], Bound)] = &[
    (&["at", "least"], Bound::Min),
    (&["at", "most"], Bound::Max),
    (&["more", "than"], Bound::Min),
    (&["greater", "than"], Bound::Min),
    (&["upwards", "of"], Bound::Min),
    (&["in", "excess", "of"], Bound::Min),
    (&["no", "fewer", "than"], Bound::Min),
    (&["no", "less", "than"], Bound::Min),
    (&["no", "more", "than"], Bound::Max),
    (&["not", "more", "than"], Bound::Max),
    (&["not", "less", "than"], Bound::Min),
    (&["just", "over"], Bound::Min),
    (&["just", "above"], Bound::Min),
    (&["just", "under"], Bound::Max),
    (&["just", "below"], Bound::Max),
    (&["well", "over"], Bound::Min),
    (&["well", "above"], Bound::Min),
    (&["well", "under"], Bound::Max),
    (&["well", "below"], Bound::Max),
    (&["slightly", "more", "than"], Bound::Min),
    (&["slightly", "less", "than"], Bound::Max),
    (&["a", "little", "over"], Bound::Min),
    (&["a", "little", "under"], Bound::Max),
    (&["a", "minimum", "of"], Bound::Min),
    (&["a", "maximum", "of"], Bound::Max),
    (&["an", "estimated"], Bound::Approx),
    (&["over"], Bound::Min),
    (&["above"], Bound::Min),
    (&["up", "to"], Bound::Max),
    (&["less", "than"], Bound::Max),
    (&["fewer", "than"], Bound::Max),
    (&["under"], Bound::Max),
    (&["below"], Bound::Max),
    (&["as", "many", "as"], Bound::Max),
    (&["as", "much", "as"], Bound::Max),
    (&["as", "few", "as"], Bound::Min),
    (&["nearly"], Bound::Max),
    (&["almost"], Bound::Max),
    (&["close", "to"], Bound::Max),
    (&["about"], Bound::Approx),
    (&["around"], Bound::Approx),
    (&["approximately"], Bound::Approx),
    (&["roughly"], Bound::Approx),
    (&["some"], Bound::Approx),
    (&["estimated"], Bound::Approx),
    (&["circa"], Bound::Approx),
];

/// Words before a bare month or calendar name that make it date an event ("in March", "during Ramadan").
pub(crate) const DATE_PREPOSITIONS: [&str; 22] = [
    "in",
    "on",
    "since",
    "by",
    "until",
    "till",
    "through",
    "during",
    "of",
    "from",
    "before",
    "after",
    "early",
    "late",
    "last",
    "next",
    "this",
    "every",
    "mid",
    "ahead",
    "throughout",
    "for",
];

/// Words before a four-digit number that make it a year ("in 2014", "the 2015 attack").
pub(crate) const YEAR_PREPOSITIONS: [&str; 24] = [
    "in", "since", "by", "until", "till", "from", "of", "during", "before", "after", "through", "to", "the", "early",
    "late", "mid", "spring", "summer", "autumn", "fall", "winter", "fiscal", "year", "circa",
];

/// Common English function words. A capitalized word before digits that is not one of these is read as a
/// name ("iPhone 11", "Boeing 737"); these are not ("In 2020", "Top 10", "To Watch In 2020").
pub(crate) const FUNCTION_WORDS: [&str; 61] = [
    "a", "an", "the", "in", "on", "at", "to", "for", "of", "by", "from", "with", "and", "or", "but", "as", "top",
    "since", "until", "after", "before", "over", "under", "about", "around", "nearly", "almost", "than", "into",
    "during", "between", "per", "is", "was", "are", "were", "has", "had", "have", "all", "only", "just", "some",
    "least", "most", "up", "more", "reach", "her", "his", "their", "its", "our", "my", "your", "these", "those",
    "this", "that", "every", "each",
];

/// Words after a capitalized weekday that make it part of a title ("The Sunday Times", "Sunday Spotlight").
pub(crate) const WEEKDAY_TITLES: [&str; 14] = [
    "times",
    "telegraph",
    "express",
    "mirror",
    "post",
    "herald",
    "star",
    "independent",
    "spotlight",
    "magazine",
    "edition",
    "review",
    "people",
    "mail",
];

/// Determiners and words before "one" that make it a pronoun ("no one", "the one", "this one").
pub(crate) const ONE_PRONOUN_BEFORE: [&str; 19] = [
    "the", "this", "that", "no", "any", "every", "each", "which", "another", "only", "little", "such", "a", "everyone",
    "other", "last", "if", "unless", "whether",
];

/// Words after "one" that make it a pronoun ("one of the deadliest", "one another", "one who").
pub(crate) const ONE_PRONOUN_AFTER: [&str; 25] = [
    "of",
    "another",
    "who",
    "that",
    "which",
    "is",
    "was",
    "has",
    "had",
    "would",
    "could",
    "can",
    "should",
    "must",
    "might",
    "may",
    "will",
    "does",
    "myself",
    "yourself",
    "himself",
    "herself",
    "itself",
    "ourselves",
    "themselves",
];

/// Nouns after a four-digit number that show it counts things ("2000 people") rather than names a year.
pub(crate) const COUNT_NOUNS: [&str; 12] =
    ["people", "men", "women", "children", "police", "personnel", "staff", "cattle", "sheep", "fish", "feet", "more"];

/// Words that can start an expression without a number role of their own.
const TRIGGERS: [&str; 32] = [
    "a", "an", "several", "few", "many", "between", "from", "half", "noon", "midnight", "midday", "mid", "us", "au",
    "ca", "hk", "nz", "nt", "s", "c", "tens", "rs", "last", "next", "this", "coming", "early", "late", "pre", "post",
    "q", "fiscal",
];

/// Words before a month, a weekday or a count of time that date it from the document date ("last November",
/// "next Friday", "this March", "the last five years") and the direction they point.
pub(crate) const RELATIVE_WORDS: [(&str, Dir); 4] =
    [("last", Dir::Last), ("next", Dir::Next), ("coming", Dir::Next), ("this", Dir::Near)];

/// Words before a month, a year or a decade that take part of it ("early December", "late 1999", "post-1959");
/// "pre" and "post" are glued with a hyphen.
pub(crate) const PERIOD_EDGES: [&str; 5] = ["early", "late", "pre", "post", "fiscal"];

/// Parts of the day after a weekday ("Thursday evening") and TimeML's code for each.
pub(crate) const DAY_PARTS: [(&str, &str); 5] =
    [("morning", "MO"), ("afternoon", "AF"), ("evening", "EV"), ("night", "NI"), ("overnight", "NI")];

/// Time zones written after a clock time ("4 a.m. EDT Thursday").
pub(crate) const TIME_ZONES: [&str; 20] = [
    "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "PT", "GMT", "UTC", "BST", "CET", "CEST", "EET",
    "EEST", "IST", "JST", "AEST",
];

/// Words before a weekday or a month in the same sentence that make it the coming one ("will meet Tuesday").
pub(crate) const AHEAD_WORDS: [&str; 14] = [
    "will",
    "ll",
    "shall",
    "scheduled",
    "upcoming",
    "tomorrow",
    "expected",
    "plans",
    "planned",
    "due",
    "until",
    "next",
    "soon",
    "planning",
];

fn build() -> HashMap<&'static str, Entry> {
    let mut m: HashMap<&'static str, Entry> = HashMap::with_capacity(600);
    for (v, w) in UNITS.iter().enumerate() {
        m.entry(w).or_default().card = Some(Card::Unit(v as u8));
    }
    // British "nought" and "naught" are zero ("nought point three").
    for w in ["nought", "naught"] {
        m.entry(w).or_default().card = Some(Card::Unit(0));
    }
    for (v, w) in TEENS.iter().enumerate() {
        m.entry(w).or_default().card = Some(Card::Teen(10 + v as u8));
    }
    for (v, w) in TENS.iter().enumerate() {
        m.entry(w).or_default().card = Some(Card::Tens(20 + 10 * v as u8));
    }
    m.entry("hundred").or_default().card = Some(Card::Hundred);
    m.entry("dozen").or_default().card = Some(Card::Dozen);
    for (w, s) in SCALES {
        m.entry(w).or_default().card = Some(Card::Scale(s));
    }
    for (w, v) in ORDINALS {
        m.entry(w).or_default().ordinal = Some(v);
    }
    for (one, many, d) in DENOMS {
        m.entry(one).or_default().denom = Some((d, false));
        m.entry(many).or_default().denom = Some((d, true));
    }
    for w in VAGUE {
        m.entry(w).or_default().vague = true;
    }
    for (w, n, abbr) in MONTHS {
        let e = m.entry(w).or_default();
        e.month = Some(n);
        e.month_abbr = abbr;
    }
    for (w, n) in MONTHS_MORE {
        let e = m.entry(w).or_default();
        e.month = Some(n);
        e.month_abbr = true;
    }
    for w in MONTHS_AMBIGUOUS {
        m.entry(w).or_default().month_ambiguous = true;
    }
    for (i, w) in WEEKDAYS.iter().enumerate() {
        m.entry(w).or_default().weekday = Some(i as u8 + 1);
    }
    for (i, w) in
        ["mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays"].iter().enumerate()
    {
        m.entry(w).or_default().weekday = Some(i as u8 + 1);
    }
    for w in HOLIDAYS {
        m.entry(w).or_default().holiday = true;
    }
    for (spellings, name, dim, glued_only) in UNIT_TABLE {
        for w in spellings.iter() {
            m.entry(w).or_default().unit = Some(Unit { name, dim: *dim, glued_only: *glued_only });
        }
    }
    for (spellings, code) in CURRENCY_WORDS {
        for w in spellings.iter() {
            m.entry(w).or_default().currency = Some(code);
        }
    }
    for code in CURRENCY_CODES {
        let lower: &'static str = Box::leak(code.to_ascii_lowercase().into_boxed_str());
        m.entry(lower).or_default().currency_code = Some(if code == "RMB" { "CNY" } else { code });
    }
    for (w, s) in SCALE_ABBR {
        m.entry(w).or_default().scale_abbr = Some(s);
    }
    for w in TRIGGERS {
        m.entry(w).or_default().trigger = true;
    }
    for e in m.values_mut() {
        e.strong = e.card.is_some()
            || e.ordinal.is_some()
            || e.denom.is_some()
            || e.vague
            || e.month.is_some()
            || e.weekday.is_some()
            || e.holiday
            || e.unit.is_some()
            || e.currency.is_some()
            || e.currency_code.is_some()
            || e.scale_abbr.is_some();
    }
    for w in SELF_TRIGGERS {
        m.entry(w).or_default().strong = true;
    }
    for (i, (words, _)) in BOUNDS.iter().enumerate() {
        let e = m.entry(words[0]).or_default();
        if !e.bound_start {
            e.bounds = (i as u8, 0);
        }
        e.bound_start = true;
        e.bounds.1 += 1;
    }
    m
}

/// The merged lexicon, built once.
/// Keyed by bytes with a fast non-cryptographic hash: the keys are our own words, and the tokenizer looks up
/// every short ASCII word of the text.
static LEXICON: LazyLock<FxHashMap<&'static [u8], Entry>> =
    LazyLock::new(|| build().into_iter().map(|(k, v)| (k.as_bytes(), v)).collect());

/// The longest key in the lexicon, so longer words skip the lookup.
pub(crate) const MAX_WORD: usize = 16;

/// Looks up an ASCII-lowercased word.
pub(crate) fn lookup(lower: &[u8]) -> Option<&'static Entry> {
    LEXICON.get(lower)
}

/// Whether `word` (any case) equals one of `list` (lowercase).
pub(crate) fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_longer_than_the_lookup_buffer() {
        assert!(LEXICON.keys().all(|k| k.len() <= MAX_WORD && k.is_ascii() && *k == k.to_ascii_lowercase()));
        for (words, _) in BOUNDS {
            let e = lookup(words[0].as_bytes()).expect("bound word");
            let (first, n) = e.bounds;
            assert!(BOUNDS[first as usize..(first + n) as usize].iter().any(|(w, _)| w == words), "{words:?}");
        }
    }

    type Check = &'static dyn Fn(&Entry) -> bool;

    #[test]
    fn words_carry_every_role() {
        let cases: &[(&str, Check)] = &[
            ("second", &|e| e.ordinal == Some(2) && e.unit.is_some_and(|u| u.dim == Dim::Time)),
            ("m", &|e| e.scale_abbr == Some(1e6) && e.unit.is_some_and(|u| u.glued_only)),
            ("march", &|e| e.month == Some(3) && !e.month_abbr),
            ("may", &|e| e.month == Some(5) && e.month_ambiguous),
            ("sept", &|e| e.month == Some(9) && e.month_abbr),
            ("fridays", &|e| e.weekday == Some(5)),
            ("thirds", &|e| e.denom == Some((3, true))),
            ("rubles", &|e| e.currency == Some("RUB")),
            ("rmb", &|e| e.currency_code == Some("CNY")),
            ("twenty", &|e| e.card == Some(Card::Tens(20))),
            ("billion", &|e| e.card == Some(Card::Scale(1e9))),
            ("hundreds", &|e| e.vague),
            ("at", &|e| e.bound_start),
        ];
        for (w, check) in cases {
            let e = lookup(w.as_bytes()).unwrap_or_else(|| panic!("{w} missing"));
            assert!(check(e), "{w}: {e:?}");
        }
        assert!(lookup(b"hallone").is_none());
    }
}
