//! Dates: the article's own date in its many forms, date mentions in a
//! sentence as unresolved expressions, and their resolution against a
//! reference date (chrono).

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;
use std::sync::OnceLock;

/// A date as a sentence states it, before it is tied to a calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateExpr {
    /// A full date (`May 16, 2025`, `16.05.2025`, `2025-05-16`).
    Absolute(NaiveDate),
    /// Month and day without a year (`May 16`, `16 May`).
    MonthDay {
        /// 1-12.
        month: u32,
        /// 1-31.
        day: u32,
    },
    /// Month and day in a year relative to the article's (`September 23
    /// last year`: `years` is -1).
    MonthDayOfYear {
        /// 1-12.
        month: u32,
        /// 1-31.
        day: u32,
        /// Years from the article's year.
        years: i32,
    },
    /// A weekday (`on Friday`, `next Monday`, `last Tuesday`).
    Weekday {
        /// Which day.
        day: Weekday,
        /// +1 for `next`, -1 for `last`, 0 for plain (the most recent), 2
        /// for a future tense (`will meet on Friday`: the coming one, today
        /// included).
        direction: i8,
    },
    /// Days from the reference date (`yesterday` = -1, `today` = 0).
    Deictic(i64),
    /// Days from the date mentioned just before (`a day earlier` = -1).
    Anaphoric(i64),
    /// A year alone (`in 2022`, `the 2022 talks`).
    Year(i32),
    /// A time too vague for a day (`last week`, `earlier this month`): it
    /// still marks the event it is attached to as not on another day named
    /// in the sentence.
    Vague,
}

/// A date mention found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// What was said.
    pub expr: DateExpr,
    /// Byte range in the sentence.
    pub start: usize,
    /// One past the end.
    pub end: usize,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a name or abbreviation names (`Jan`, `Jan.`, `January`): 1-12.
pub fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    let lower = lower.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| *m == lower || (lower.len() >= 3 && m.starts_with(lower)))
        .map(|i| i as u32 + 1)
}

fn weekday(name: &str) -> Option<Weekday> {
    Some(match name.to_lowercase().as_str() {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

const MONTH_NAMES: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

/// Every form of date the extractor reads, as one alternation.
fn date_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pattern = format!(
            r"(?x)
              \b(?P<iso_y>\d{{4}})-(?P<iso_m>\d{{2}})-(?P<iso_d>\d{{2}})
                 (?:T\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?\b # 2025-05-16(T18:05:00+03:00)
            | \b(?P<ymd_y>\d{{4}})[./](?P<ymd_m>\d{{1,2}})[./](?P<ymd_d>\d{{1,2}})\b # 2025/05/16, 2025.05.16
            | \b(?P<dot_d>\d{{1,2}})\.(?P<dot_m>\d{{1,2}})\.(?P<dot_y>\d{{4}})\b # 16.05.2025
            | \b(?P<sl_a>\d{{1,2}})/(?P<sl_b>\d{{1,2}})/(?P<sl_y>\d{{4}})\b     # 10/04/1998 (day first), 4/28/2018
            | \b(?P<mdy_m>{m})\s+(?P<mdy_d>\d{{1,2}})(?:st|nd|rd|th)?\b
                 (?:,?\s+(?P<mdy_y>\d{{4}})\b|,?\s+(?P<mdy_rel>last|next)\s+year\b)? # May 16, 2025; May 16 last year
            | \b(?P<dmy_d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|-)(?P<dmy_m>{m})
                 (?:(?:,?\s+|-)(?P<dmy_y>\d{{4}})\b|,?\s+(?P<dmy_rel>last|next)\s+year\b)? # 16 May 2025, 16-May-2025
            | \b(?P<dir>next|last|this|previous|coming)?\s*
                 (?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b # (next) Friday
            | \b(?P<vague>(?:last|next|this)\s+(?:week|month)|(?:last|next)\s+year|(?:last|next)\s+{m}(?:\s*,\s*[a-z]+|\s+[a-z]+)|earlier\s+this\s+(?:week|month|year)
                 |later\s+this\s+(?:week|month|year)|in\s+recent\s+(?:days|weeks))\b   # last week
            | \b(?P<deictic>yesterday|today|tomorrow|tonight
                 |this\s+(?:morning|afternoon|evening))\b                      # this morning: today
            | \b(?P<ana>(?:a|one|two|three|\d)\s+days?\s+(?:earlier|before|later|after)
                 |the\s+(?:day|night)\s+before|the\s+previous\s+day
                 |the\s+(?:next|following)\s+day)\b                             # a day earlier
            | \b(?P<same>later\s+(?:in|on)\s+the\s+day|later\s+that\s+day|(?:that|the)\s+same\s+day
                 |earlier\s+(?:in\s+the|that)\s+day)\b                        # later in the day
            | \b(?P<year>(?:19|20)\d{{2}})\b                                    # 2022
            ",
            m = MONTH_NAMES
        );
        Regex::new(&pattern).expect("valid regex")
    })
}

fn small_number(word: &str) -> i64 {
    match word {
        "a" | "one" => 1,
        "two" => 2,
        "three" => 3,
        w => w.parse().unwrap_or(1),
    }
}

/// Finds the date mentions in `sentence`, in order.
pub fn mentions(sentence: &str) -> Vec<DateMention> {
    let mut out = Vec::new();
    for c in date_regex().captures_iter(sentence) {
        let Some(m) = c.get(0) else { continue };
        let num = |name: &str| c.name(name).and_then(|v| v.as_str().parse::<u32>().ok());
        let expr = if let (Some(y), Some(mo), Some(d)) = (num("iso_y"), num("iso_m"), num("iso_d"))
        {
            NaiveDate::from_ymd_opt(y as i32, mo, d).map(DateExpr::Absolute)
        } else if let (Some(y), Some(mo), Some(d)) = (num("ymd_y"), num("ymd_m"), num("ymd_d")) {
            NaiveDate::from_ymd_opt(y as i32, mo, d).map(DateExpr::Absolute)
        } else if let (Some(y), Some(mo), Some(d)) = (num("dot_y"), num("dot_m"), num("dot_d")) {
            NaiveDate::from_ymd_opt(y as i32, mo, d).map(DateExpr::Absolute)
        } else if let (Some(y), Some(a), Some(b)) = (num("sl_y"), num("sl_a"), num("sl_b")) {
            // day first, as most of the world writes it, unless the second
            // number cannot be a month ("4/28/2018")
            let (mo, d) = if b > 12 { (a, b) } else { (b, a) };
            NaiveDate::from_ymd_opt(y as i32, mo, d).map(DateExpr::Absolute)
        } else if let Some(mo) = c.name("mdy_m").and_then(|m| month_number(m.as_str())) {
            month_day(mo, num("mdy_d"), num("mdy_y"))
                .map(|e| in_year(e, c.name("mdy_rel").map(|r| r.as_str())))
        } else if let Some(mo) = c.name("dmy_m").and_then(|m| month_number(m.as_str())) {
            month_day(mo, num("dmy_d"), num("dmy_y"))
                .map(|e| in_year(e, c.name("dmy_rel").map(|r| r.as_str())))
        } else if let Some(day) = c.name("wd").and_then(|w| weekday(w.as_str())) {
            let direction = match c.name("dir").map(|d| d.as_str().to_lowercase()).as_deref() {
                Some("next") | Some("coming") => 1,
                Some("last") | Some("previous") => -1,
                _ => 0,
            };
            Some(DateExpr::Weekday { day, direction })
        } else if c.name("vague").is_some() {
            Some(DateExpr::Vague)
        } else if let Some(d) = c.name("deictic") {
            Some(DateExpr::Deictic(
                match d.as_str().to_lowercase().as_str() {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                },
            ))
        } else if c.name("same").is_some() {
            Some(DateExpr::Anaphoric(0))
        } else if let Some(a) = c.name("ana") {
            let text = a.as_str().to_lowercase();
            let n = small_number(text.split_whitespace().next().unwrap_or("a"));
            // "a day earlier", "the day before": back; "a day after <event>":
            // the event was the day before too
            let back = text.contains("earlier")
                || text.contains("previous")
                || text.contains("after")
                || text.starts_with("the") && text.contains("before");
            let n = if text.starts_with("the") { 1 } else { n };
            Some(DateExpr::Anaphoric(if back { -n } else { n }))
        } else {
            num("year").map(|y| DateExpr::Year(y as i32))
        };
        if let Some(expr) = expr {
            let start = m.start() + (m.len() - m.as_str().trim_start().len());
            out.push(DateMention {
                expr,
                start,
                end: m.end(),
            });
        }
    }
    out
}

/// "September 23 last year": the month-day in the year before (or after)
/// the article's.
fn in_year(e: DateExpr, relative: Option<&str>) -> DateExpr {
    match (e, relative) {
        (DateExpr::MonthDay { month, day }, Some(r)) => DateExpr::MonthDayOfYear {
            month,
            day,
            years: if r == "last" { -1 } else { 1 },
        },
        (e, _) => e,
    }
}

fn month_day(month: u32, day: Option<u32>, year: Option<u32>) -> Option<DateExpr> {
    let day = day?;
    match year {
        Some(y) => NaiveDate::from_ymd_opt(y as i32, month, day).map(DateExpr::Absolute),
        None => {
            NaiveDate::from_ymd_opt(2000, month, day).map(|_| DateExpr::MonthDay { month, day })
        }
    }
}

impl DateExpr {
    /// The calendar date this expression names, given the article's date
    /// (`reference`) and the date mentioned just before (`previous`).
    /// `Year` resolves to no day.
    pub fn resolve(
        &self,
        reference: Option<NaiveDate>,
        previous: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        match *self {
            DateExpr::Absolute(d) => Some(d),
            DateExpr::MonthDay { month, day } => {
                let r = reference?;
                let this = NaiveDate::from_ymd_opt(r.year(), month, day)?;
                // a month-day more than eight months ahead is last year's
                if this > r + Duration::days(240) {
                    NaiveDate::from_ymd_opt(r.year() - 1, month, day)
                } else {
                    Some(this)
                }
            }
            DateExpr::MonthDayOfYear { month, day, years } => {
                NaiveDate::from_ymd_opt(reference?.year() + years, month, day)
            }
            DateExpr::Weekday { day, direction } => {
                let r = reference?;
                let from = r.weekday().num_days_from_monday() as i64;
                let to = day.num_days_from_monday() as i64;
                let back = (from - to).rem_euclid(7);
                Some(match direction {
                    1 => r + Duration::days(if back == 0 { 7 } else { 7 - back }),
                    2 => r + Duration::days((7 - back) % 7),
                    -1 => r - Duration::days(if back == 0 { 7 } else { back }),
                    _ => r - Duration::days(back),
                })
            }
            DateExpr::Deictic(n) => reference.map(|r| r + Duration::days(n)),
            DateExpr::Anaphoric(n) => previous.or(reference).map(|p| p + Duration::days(n)),
            DateExpr::Year(_) | DateExpr::Vague => None,
        }
    }

    /// The year this expression names on its own, if it is a bare year.
    pub fn year(&self) -> Option<i32> {
        match self {
            DateExpr::Year(y) => Some(*y),
            _ => None,
        }
    }

    /// Whether the expression names a day of the calendar by its month
    /// (`June 2`, `September 23 last year`, `2025-06-02`), not a weekday.
    pub fn is_calendar_day(&self) -> bool {
        matches!(
            self,
            DateExpr::Absolute(_) | DateExpr::MonthDay { .. } | DateExpr::MonthDayOfYear { .. }
        )
    }

    /// Whether the expression needs the article's date to mean anything.
    pub fn is_relative(&self) -> bool {
        !matches!(self, DateExpr::Absolute(_) | DateExpr::Year(_))
    }
}

/// A line that marks the article's date: `Published On: May 29, 2025`,
/// `date 2025-05-16`, `Updated: ...`.
fn marker_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:published(?:\s+on)?|date|posted(?:\s+on)?|updated(?:\s+on)?|dated)\s*:?\s*")
            .expect("valid regex")
    })
}

/// Removes a leading `date 2025-05-16` marker from a headline line.
pub fn strip_leading_date_marker(line: &str) -> &str {
    if let Some(m) = marker_regex().find(line) {
        let rest = &line[m.end()..];
        if let Some(d) = mentions(rest).first() {
            if d.start == 0 && matches!(d.expr, DateExpr::Absolute(_)) {
                return rest[d.end..].trim_start();
            }
        }
    }
    line
}

/// The date an article gives for itself: after a `Published`/`date` marker
/// (possibly on the next line), or a full date in the first lines.
pub fn article_date(text: &str) -> Option<NaiveDate> {
    article_date_before(text, chrono::Local::now().date_naive())
}

/// [`article_date`], for an article written no later than `today`: a
/// dateline's day without a year (`ISTANBUL, Feb 27 (Reuters) -`) takes the
/// latest year, up to ten back, in which that day falls on the weekday the
/// lead gives (`on Thursday`), or else on the day after it.
pub fn article_date_before(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    if let Some(d) = stated_date(text) {
        return Some(d);
    }
    let floor = latest_weekday_date(text).filter(|d| *d <= today);
    let lead: String = text.chars().take(1500).collect();
    let found = mentions(&lead);
    let Some((month, day)) = found.iter().find_map(|m| match m.expr {
        DateExpr::MonthDay { month, day } => Some((month, day)),
        _ => None,
    }) else {
        return floor;
    };
    let Some(weekday) = found.iter().find_map(|m| match m.expr {
        DateExpr::Weekday { day, direction: 0 } => Some(day),
        _ => None,
    }) else {
        return floor;
    };
    let year_where = |fits: &dyn Fn(NaiveDate) -> bool| {
        (0..=10).find_map(|back| {
            let d = NaiveDate::from_ymd_opt(today.year() - back, month, day)?;
            (fits(d) && d <= today).then_some(d)
        })
    };
    year_where(&|d| d.weekday() == weekday)
        .or_else(|| year_where(&|d| d.pred_opt().is_some_and(|p| p.weekday() == weekday)))
        .filter(|d| floor.is_none_or(|f| *d >= f))
        .or(floor)
}

/// The latest full date the text gives with its weekday ("a statement on
/// Friday, May 12, 2023"): news names the weekday of recent days, so the
/// article was written on or after it.
fn latest_weekday_date(text: &str) -> Option<NaiveDate> {
    let found = mentions(text);
    found
        .windows(2)
        .filter_map(|w| match (&w[0].expr, &w[1].expr) {
            (DateExpr::Weekday { day, direction: 0 }, DateExpr::Absolute(d))
                if d.weekday() == *day && w[1].start - w[0].end <= 2 =>
            {
                Some(*d)
            }
            _ => None,
        })
        .max()
}

/// A full date the article states: after a marker (`Published:`), or among
/// its first three lines.
fn stated_date(text: &str) -> Option<NaiveDate> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    for (i, line) in lines.iter().enumerate() {
        if let Some(m) = marker_regex().find(line) {
            let rest = &line[m.end()..];
            let candidates = [rest, lines.get(i + 1).copied().unwrap_or("")];
            for c in candidates {
                if let Some(DateExpr::Absolute(d)) = mentions(c).first().map(|m| m.expr.clone()) {
                    return Some(d);
                }
            }
        }
    }
    // a full date among the first three lines: a date line or a timestamp
    // (a line in capitals read as well in title case: "MONDAY, JULY 28, 2025")
    let absolute = |line: &str| {
        mentions(line).into_iter().find_map(|m| match m.expr {
            DateExpr::Absolute(d) => Some(d),
            _ => None,
        })
    };
    for line in lines.iter().take(3) {
        let capitals = !line.chars().any(char::is_lowercase);
        let found = absolute(line).or_else(|| {
            capitals
                .then(|| absolute(&crate::text::title_case(line)))
                .flatten()
        });
        if found.is_some() {
            return found;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn a_dateline_without_a_year_takes_the_year_its_weekday_fits() {
        let text = "Officials Meet\n\nISTANBUL, Feb 27 (Reuters) - Diplomats held talks in \
                    Istanbul on Thursday.";
        // 2025-02-27 was a Thursday; 2026's is a Friday, 2024's a Tuesday
        assert_eq!(
            article_date_before(text, ymd(2026, 11, 25)),
            Some(ymd(2025, 2, 27))
        );
        assert_eq!(
            article_date_before("Talks on Thursday.", ymd(2026, 11, 25)),
            None
        );
    }

    #[test]
    fn an_undated_article_is_no_older_than_a_full_date_it_gives_with_its_weekday() {
        let text = "JEDDAH \u{2014} The sides signed late on Thursday after talks that \
                    opened on May 6.\nA statement on Friday, May 12, 2023, followed.";
        assert_eq!(
            article_date_before(text, ymd(2026, 11, 25)),
            Some(ymd(2023, 5, 12))
        );
        // a full date without its weekday may be history: no floor
        let old = "Title\nSub\nThe talks opened on Thursday.\nThe war began on 7 October 2023.";
        assert_eq!(article_date_before(old, ymd(2026, 11, 25)), None);
    }

    #[test]
    fn article_dates_in_their_forms() {
        assert_eq!(
            article_date("Title\nMay 16, 2025\n\nBody"),
            Some(ymd(2025, 5, 16))
        );
        assert_eq!(
            article_date(" date 2025-05-16 Title\n"),
            Some(ymd(2025, 5, 16))
        );
        assert_eq!(
            article_date("Title\n15:06 GMT 16.05.2025 (Updated)"),
            Some(ymd(2025, 5, 16))
        );
        assert_eq!(
            article_date("T\nBody.\nPublished On:\nMay 29, 2025"),
            Some(ymd(2025, 5, 29))
        );
        assert_eq!(
            article_date("Title\n2022-03-10T18:05:00+03:00\n\nBody"),
            Some(ymd(2022, 3, 10))
        );
        assert_eq!(
            article_date("Title\nUpdated 2023-11-02T09:30Z\n\nBody"),
            Some(ymd(2023, 11, 2))
        );
        assert_eq!(
            article_date("Title\n2021/06/07\n\nBody"),
            Some(ymd(2021, 6, 7))
        );
        assert_eq!(
            article_date("Title\n2019.11.30 08:15 KST\n\nBody"),
            Some(ymd(2019, 11, 30))
        );
        assert_eq!(
            article_date("Title\n10/04/1998 18:47\n\nBody"),
            Some(ymd(1998, 4, 10)),
            "day first"
        );
        assert_eq!(
            article_date("Title\n4/28/2018\n\nBody"),
            Some(ymd(2018, 4, 28)),
            "month first when the second number is no month"
        );
        assert_eq!(
            article_date("Title\nMONDAY, JULY 28, 2025\n\nBody"),
            Some(ymd(2025, 7, 28)),
            "a date line in capitals"
        );
        assert_eq!(
            article_date("Title\n26-Oct-2020\n\nBody"),
            Some(ymd(2020, 10, 26))
        );
        // a season or a ratio is no date
        assert_eq!(article_date("Title\nThe 2024/25 budget.\nNo date."), None);
        assert_eq!(article_date("Title\nNo date here.\nNor here."), None);
    }

    #[test]
    fn weekdays_resolve_to_the_most_recent_or_next() {
        let friday = ymd(2025, 5, 16);
        let thursday = ymd(2025, 5, 29);
        let e = |s: &str| mentions(s).remove(0).expr;
        assert_eq!(e("on Friday").resolve(Some(friday), None), Some(friday));
        assert_eq!(
            e("on Wednesday").resolve(Some(thursday), None),
            Some(ymd(2025, 5, 28))
        );
        assert_eq!(
            e("next Monday").resolve(Some(thursday), None),
            Some(ymd(2025, 6, 2))
        );
        assert_eq!(
            e("on Thursday").resolve(Some(friday), None),
            Some(ymd(2025, 5, 15))
        );
    }

    #[test]
    fn explicit_month_day_wins_over_the_weekday() {
        let found = mentions("in Istanbul next Monday, June 2.");
        assert!(found
            .iter()
            .any(|m| m.expr == DateExpr::MonthDay { month: 6, day: 2 }));
        assert_eq!(
            DateExpr::MonthDay { month: 6, day: 2 }.resolve(Some(ymd(2025, 5, 29)), None),
            Some(ymd(2025, 6, 2))
        );
    }

    #[test]
    fn day_month_year_and_anaphora() {
        for text in [
            "met on September 23 last year",
            "met on 23 September, last year",
        ] {
            let found = mentions(text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(
                found[0].expr.resolve(Some(ymd(1999, 2, 21)), None),
                Some(ymd(1998, 9, 23)),
                "{text}"
            );
        }
        assert_eq!(
            mentions("to meet on May 5 next year")[0]
                .expr
                .resolve(Some(ymd(1999, 2, 21)), None),
            Some(ymd(2000, 5, 5))
        );
        assert_eq!(
            mentions("on 11 March 2025")[0].expr,
            DateExpr::Absolute(ymd(2025, 3, 11))
        );
        assert_eq!(
            mentions("signed an agreement here early this morning")[0].expr,
            DateExpr::Deictic(0)
        );
        let same = mentions("He met the prime minister later in the day.");
        assert_eq!(same[0].expr, DateExpr::Anaphoric(0));
        let a = mentions("talks held a day earlier in Istanbul");
        assert_eq!(a[0].expr, DateExpr::Anaphoric(-1));
        assert_eq!(
            a[0].expr.resolve(None, Some(ymd(2025, 5, 17))),
            Some(ymd(2025, 5, 16))
        );
        assert_eq!(
            mentions("the failed 2022 peace talks")[0].expr,
            DateExpr::Year(2022)
        );
    }

    #[test]
    fn vague_times_are_found_but_name_no_day() {
        let found = mentions("in a phone call last week and earlier this month");
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|m| m.expr == DateExpr::Vague));
        assert_eq!(DateExpr::Vague.resolve(Some(ymd(2025, 5, 16)), None), None);
        // "last November" is a month, not a day; "last May 5" is a day
        let found = mentions("a trip to Jerusalem last November, when he spoke");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].expr, DateExpr::Vague);
        let found = mentions("since its talks began last year");
        assert_eq!(found[0].expr, DateExpr::Vague);
        let found = mentions("they met last May 5 in Geneva");
        assert_eq!(found[0].expr, DateExpr::MonthDay { month: 5, day: 5 });
    }

    #[test]
    fn a_number_is_not_a_date() {
        assert!(mentions("exchange 1,000 prisoners").is_empty());
    }
}
