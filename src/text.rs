//! Text as the extractor reads it: markdown left-overs removed, split into
//! sentences and tokens, every piece keeping its byte span in the original.

use crate::lexicon::{Lexicon, OfficeWord};
use regex::Regex;
use std::sync::OnceLock;

/// A byte range into the original article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// The article text with markdown left-overs removed, and for every byte of
/// it the offset of the byte it came from.
#[derive(Debug, Clone)]
pub struct CleanText {
    /// The cleaned text.
    pub text: String,
    origin: Vec<usize>,
    original_len: usize,
}

impl CleanText {
    /// The span in the original text of the cleaned range `start..end`.
    pub fn original(&self, start: usize, end: usize) -> Span {
        let at = |i: usize| self.origin.get(i).copied().unwrap_or(self.original_len);
        let last = if end > start {
            at(end - 1) + 1
        } else {
            at(start)
        };
        Span {
            start: at(start),
            end: last.max(at(start)),
        }
    }
}

/// Markdown links, emphasis, angle-bracket URLs and heading marks.
fn markdown_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?x)
              \[(?P<link>[^\]\n]*)\]\([^)\n]*\)   # [text](url) keeps text
            | \*\*(?P<bold>[^*\n]+)\*\*           # **bold**
            | (?m:^[\#>]+[\ \t]*)                 # heading or quote marks
            | <https?://[^>\s]*>                  # <https://...>
            | (?P<star>\*)                        # stray emphasis stars
            ",
        )
        .expect("valid regex")
    })
}

/// Removes markdown left-overs, keeping a map back to the original bytes.
pub fn clean(original: &str) -> CleanText {
    let mut text = String::with_capacity(original.len());
    let mut origin = Vec::with_capacity(original.len());
    let keep = |text: &mut String, origin: &mut Vec<usize>, from: usize, piece: &str| {
        text.push_str(piece);
        origin.extend((0..piece.len()).map(|i| from + i));
    };
    let mut last = 0;
    for caps in markdown_regex().captures_iter(original) {
        let Some(m) = caps.get(0) else { continue };
        keep(&mut text, &mut origin, last, &original[last..m.start()]);
        if let Some(inner) = caps.name("link").or_else(|| caps.name("bold")) {
            keep(&mut text, &mut origin, inner.start(), inner.as_str());
        }
        last = m.end();
    }
    keep(&mut text, &mut origin, last, &original[last..]);
    CleanText {
        text,
        origin,
        original_len: original.len(),
    }
}

/// One sentence of an article.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Zero-based index among the article's sentences.
    pub index: usize,
    /// Byte range in the cleaned text.
    pub clean: Span,
    /// Byte range in the original file.
    pub span: Span,
    /// The sentence text (cleaned, white space collapsed).
    pub text: String,
    /// Whether the sentence stands alone on its line without final punctuation
    /// (a headline, caption or section heading).
    pub is_heading: bool,
}

/// Each word with only its first letter capital: "SHARM EL-SHEIKH" as
/// "Sharm El-Sheikh", "MONDAY, JULY 28" as "Monday, July 28".
pub fn title_case(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    let mut start = true;
    for c in phrase.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = c == ' ' || c == '-';
    }
    out
}

/// Splits cleaned text into sentences: at line breaks and at `.`, `!`, `?`
/// followed by a capital, unless the full stop ends a known abbreviation or
/// an initial. A sentence repeated right after itself (a photo caption
/// printed twice) is kept once.
pub fn sentences(clean: &CleanText, lex: &Lexicon) -> Vec<Sentence> {
    let text = &clean.text;
    let mut out: Vec<Sentence> = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let base = line_start;
        line_start += line.len();
        let mut start = 0;
        let bytes = line.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i];
            if matches!(c, b'.' | b'!' | b'?') && ends_sentence(line, i, lex) {
                let mut end = i + 1;
                // closing quotes and brackets belong to the sentence
                while let Some(ch) = line[end..].chars().next() {
                    if matches!(ch, '"' | '\'' | '”' | '’' | ')' | '»') {
                        end += ch.len_utf8();
                    } else {
                        break;
                    }
                }
                push(&mut out, clean, base + start, base + end);
                start = end;
                i = end;
                continue;
            }
            i += 1;
        }
        push(&mut out, clean, base + start, base + line.len());
    }
    for (i, s) in out.iter_mut().enumerate() {
        s.index = i;
    }
    out
}

/// The longest sentence read as one, in bytes: a text with no full stops
/// (a 50 MB line) is cut at white space into pieces of at most this size,
/// so the work per sentence stays bounded.
const MAX_SENTENCE: usize = 2000;

fn push(out: &mut Vec<Sentence>, clean: &CleanText, start: usize, end: usize) {
    let mut from = start;
    while end - from > MAX_SENTENCE {
        let mut cut = from + MAX_SENTENCE;
        while !clean.text.is_char_boundary(cut) {
            cut -= 1;
        }
        let piece = &clean.text[from..cut];
        let at = piece
            .rfind(char::is_whitespace)
            .filter(|&k| k > 0)
            .unwrap_or(piece.len());
        push_one(out, clean, from, from + at, false);
        from += at;
    }
    push_one(out, clean, from, end, from == start);
}

/// Adds one sentence; `dedup`: drop it when it repeats one just before (a
/// caption printed twice), never for the pieces of a cut sentence.
fn push_one(out: &mut Vec<Sentence>, clean: &CleanText, start: usize, end: usize, dedup: bool) {
    let raw = &clean.text[start..end];
    let trimmed = raw.trim();
    if trimmed.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
        return;
    }
    let lead = raw.len() - raw.trim_start().len();
    let s = start + lead;
    let e = s + trimmed.len();
    let text: String = trimmed.split_whitespace().collect::<Vec<_>>().join(" ");
    if dedup && out.iter().rev().take(3).any(|prev| prev.text == text) {
        return;
    }
    let is_heading = !text.ends_with(['.', '!', '?', '"', '”', ':', ')', '»', '’', '\'']);
    out.push(Sentence {
        index: 0,
        clean: Span { start: s, end: e },
        span: clean.original(s, e),
        text,
        is_heading,
    });
}

/// Whether the punctuation at byte `i` of `line` ends a sentence.
fn ends_sentence(line: &str, i: usize, lex: &Lexicon) -> bool {
    let rest = &line[i + 1..];
    let after = rest.trim_start_matches(['"', '\'', '”', '’', ')', '»']);
    let next = after.chars().next();
    // must be followed by white space and then a capital, quote or digit
    match next {
        None => return true,
        Some(c) if !c.is_whitespace() => return false,
        _ => {}
    }
    let following = after.trim_start().chars().next();
    if let Some(f) = following {
        if !(f.is_uppercase() || f.is_numeric() || matches!(f, '"' | '“' | '‘' | '\'' | '(' | '['))
        {
            return false;
        }
    }
    if line.as_bytes()[i] != b'.' {
        return true;
    }
    // the word this full stop ends
    let before = &line[..=i];
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '“'))
        .map(|(p, c)| p + c.len_utf8())
        .unwrap_or(0);
    let word = &before[word_start..];
    if lex.abbreviations.contains(word) {
        return false;
    }
    // a single capital initial ("John F. Kennedy")
    let letters: Vec<char> = word.trim_end_matches('.').chars().collect();
    !(letters.len() == 1 && letters[0].is_uppercase())
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner hyphens, apostrophes or abbreviation dots).
    Word,
    /// Digits, with `,` or `.` group separators.
    Number,
    /// The possessive `'s` split off a word.
    Possessive,
    /// Any other single character that is not white space.
    Punct,
}

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The token text.
    pub text: String,
    /// What it is.
    pub kind: TokenKind,
    /// Byte range in the sentence text.
    pub start: usize,
    /// One past the last byte in the sentence text.
    pub end: usize,
    /// The text in lower case, made once: the rules compare it often.
    lower: String,
}

impl Token {
    /// A token of `text`, `kind`, at `start..end` of its sentence.
    pub fn new(text: String, kind: TokenKind, start: usize, end: usize) -> Token {
        let lower = text.to_lowercase();
        Token {
            text,
            kind,
            start,
            end,
            lower,
        }
    }

    /// Whether the token starts with a capital letter.
    pub fn is_capitalized(&self) -> bool {
        self.kind == TokenKind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The token lowercased.
    pub fn lower(&self) -> &str {
        &self.lower
    }

    /// Whether this is the punctuation `c`.
    pub fn is(&self, c: &str) -> bool {
        self.text == c
    }
}

fn token_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?x)
              (?P<abbr>(?:\p{Lu}\.){2,})                          # U.S., U.K.
            | (?P<num>\d+(?:[.,]\d+)*)                            # 1,000  16.05.2025
            | (?P<poss>['’]s\b)                                   # possessive 's
            | (?P<word>\p{L}[\p{L}\p{M}\d]*(?:[-'’]\p{L}[\p{L}\p{M}\d]*)*
                 (?:\.(?:\s|$))?)                                 # words; Gen. keeps its dot
            | (?P<punct>[^\s])
            ",
        )
        .expect("valid regex")
    })
}

/// The branch of [`token_regex`] a match came from (an abbreviation is a
/// word here).
#[derive(Debug, PartialEq)]
enum Alternative {
    Number,
    Possessive,
    Word,
    Punct,
}

/// Which branch of [`token_regex`] matched `text`. Each branch opens its
/// own way: an ASCII digit only a number, an ASCII letter only an
/// abbreviation or a word, an apostrophe with more after it only a
/// possessive, any other ASCII character only one punctuation mark. A match
/// opening with any other character is matched again with its groups, as
/// the regex's classes (`\d`, `\p{L}`) are not the standard library's.
fn alternative(text: &str) -> Alternative {
    match text.as_bytes().first() {
        Some(b) if b.is_ascii_digit() => Alternative::Number,
        Some(b) if b.is_ascii_alphabetic() => Alternative::Word,
        Some(b'\'') if text.len() > 1 => Alternative::Possessive,
        Some(b) if b.is_ascii() => Alternative::Punct,
        _ => alternative_by_groups(text),
    }
}

/// Which branch of [`token_regex`] matched `text`, as its capture groups
/// name it: the slow way.
fn alternative_by_groups(text: &str) -> Alternative {
    let caps = token_regex().captures(text);
    let has = |name: &str| caps.as_ref().is_some_and(|c| c.name(name).is_some());
    if has("num") {
        Alternative::Number
    } else if has("poss") {
        Alternative::Possessive
    } else if has("abbr") || has("word") {
        Alternative::Word
    } else {
        Alternative::Punct
    }
}

/// Splits a sentence into tokens.
pub fn tokens(sentence: &str, lex: &Lexicon) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    // a single quote opened and not yet closed ("called them 'useful talks'")
    let mut quoted = false;
    // the match alone (no capture groups) runs on the regex's fast DFA; the
    // alternative that matched is told by the text, as each begins its own
    // way (see `alternative`)
    for m in token_regex().find_iter(sentence) {
        let (kind, mut text, start, mut end) = match alternative(m.as_str()) {
            Alternative::Word => (TokenKind::Word, m.as_str(), m.start(), m.end()),
            Alternative::Number => (TokenKind::Number, m.as_str(), m.start(), m.end()),
            Alternative::Possessive => (TokenKind::Possessive, "'s", m.start(), m.end()),
            Alternative::Punct => (TokenKind::Punct, m.as_str(), m.start(), m.end()),
        };
        // "Barbados' foreign minister": an apostrophe right after a word in
        // -s is its possessive, unless it closes a quote
        if kind == TokenKind::Punct && matches!(text, "'" | "’") {
            let after_word = out.last().filter(|t| {
                t.end == start && t.kind == TokenKind::Word && t.text.ends_with(['s', 'S'])
            });
            match (after_word.is_some(), quoted) {
                (true, false) => {
                    out.push(Token::new("'s".into(), TokenKind::Possessive, start, end));
                    continue;
                }
                (true, true) => quoted = false,
                (false, _) => quoted = !quoted,
            }
        }
        // a word ending "Gen. " keeps its dot only when it is an abbreviation
        let trimmed = text.trim_end();
        end -= text.len() - trimmed.len();
        text = trimmed;
        if kind == TokenKind::Word && text.ends_with('.') && !lex.abbreviations.contains(text) {
            let word = &text[..text.len() - 1];
            out.push(Token::new(word.to_string(), kind, start, end - 1));
            out.push(Token::new(".".into(), TokenKind::Punct, end - 1, end));
            continue;
        }
        // Ukraine's: the possessive is a token of its own
        if kind == TokenKind::Word {
            if let Some(stem) = text.strip_suffix("'s").or_else(|| text.strip_suffix("’s")) {
                let cut = start + stem.len();
                out.push(Token::new(stem.to_string(), kind, start, cut));
                out.push(Token::new("'s".into(), TokenKind::Possessive, cut, end));
                continue;
            }
        }
        // "Vice-Premier", "Deputy-Minister": an office written as one word
        // is read as its two ("then-President": the office he held then)
        if let Some((first, rest)) = text.split_once('-').filter(|_| kind == TokenKind::Word) {
            let modifier = lex.office_word(first).contains(&OfficeWord::Modifier)
                || first.eq_ignore_ascii_case("then");
            if modifier && !lex.office_word(rest).is_empty() {
                let cut = start + first.len();
                out.push(Token::new(first.to_string(), kind, start, cut));
                out.push(Token::new(rest.to_string(), kind, cut + 1, end));
                continue;
            }
        }
        out.push(Token::new(text.to_string(), kind, start, end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_branch_told_from_the_text_is_the_one_the_groups_name() {
        let text = "The U.S. and U.K. sent Gen. Smith's team; Ukraine’s envoy, Çavuşoğlu, \
                    said 1,000 (16.05.2025) ½ ² ٣ troops' «talks» — 'soon' at 5:30 p.m. \
                    in Zürich's Ölberg, Łódź, O'Neil; Ⅷ ’s x";
        let mut seen = 0;
        for m in token_regex().find_iter(text) {
            assert_eq!(
                alternative(m.as_str()),
                alternative_by_groups(m.as_str()),
                "{:?}",
                m.as_str()
            );
            seen += 1;
        }
        assert!(seen > 40, "{seen} matches");
    }

    #[test]
    fn an_apostrophe_after_a_word_in_s_is_its_possessive_unless_it_closes_a_quote() {
        let lex = crate::lexicon::lexicon();
        let kinds = |s: &str| -> Vec<(String, TokenKind)> {
            tokens(s, lex)
                .into_iter()
                .map(|t| (t.text, t.kind))
                .collect()
        };
        let barbados = kinds("Barbados' minister");
        assert_eq!(barbados[1], ("'s".to_string(), TokenKind::Possessive));
        let quote = kinds("called them 'useful talks' and Barbados' envoy");
        let possessives = quote
            .iter()
            .filter(|(_, k)| *k == TokenKind::Possessive)
            .count();
        assert_eq!(possessives, 1, "{quote:?}");
        assert_eq!(quote[5], ("'".to_string(), TokenKind::Punct));
    }

    #[test]
    fn a_line_without_full_stops_is_cut_into_bounded_pieces() {
        let lex = crate::lexicon::lexicon();
        let long = "talks in Istanbul ".repeat(2000);
        let clean = clean(&format!("Title\n\n{long}\n"));
        let all = sentences(&clean, lex);
        assert!(all.len() > 10, "{} pieces", all.len());
        assert!(all.iter().all(|s| s.text.len() <= MAX_SENTENCE));
        let words: usize = all.iter().map(|s| s.text.split(' ').count()).sum();
        assert_eq!(words, 1 + 3 * 2000, "no word lost or cut");
    }
    use crate::lexicon::lexicon;

    #[test]
    fn markdown_links_and_bold_keep_their_text_and_offsets() {
        let original = "Umerov [told](#) reporters. **Bold** end";
        let c = clean(original);
        assert_eq!(c.text, "Umerov told reporters. Bold end");
        let at = c.text.find("reporters").unwrap_or(0);
        let span = c.original(at, at + "reporters".len());
        assert_eq!(&original[span.start..span.end], "reporters");
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let c = clean("U.S. Secretary of State Marco Rubio spoke. Gen. Smith agreed. It ended.");
        let s = sentences(&c, lexicon());
        let texts: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "U.S. Secretary of State Marco Rubio spoke.",
                "Gen. Smith agreed.",
                "It ended."
            ]
        );
    }

    #[test]
    fn a_caption_printed_twice_is_kept_once() {
        let c = clean("A caption here\nA caption here\nBody text.");
        let s = sentences(&c, lexicon());
        assert_eq!(s.len(), 2);
        assert!(s[0].is_heading);
        assert!(!s[1].is_heading);
    }

    #[test]
    fn tokens_split_possessives_and_keep_numbers() {
        let t = tokens("Ukraine's 1,000 prisoners, U.S. side.", lexicon());
        let texts: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Ukraine",
                "'s",
                "1,000",
                "prisoners",
                ",",
                "U.S.",
                "side",
                "."
            ]
        );
        assert_eq!(t[1].kind, TokenKind::Possessive);
        assert_eq!(t[2].kind, TokenKind::Number);
    }
}
