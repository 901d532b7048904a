//! Person identity: a normalised key that one person's spellings share
//! (Sergey/Sergei, Zelensky/Zelenskyy, Alexei/Aleksei), used for IRIs.

use crate::fact::PersonKey;

/// Folds accents of the Latin letters that news text uses.
pub fn fold_accents(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
            'ç' | 'č' | 'ć' => 'c',
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ě' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'ı' | 'ī' => 'i',
            'ñ' | 'ń' => 'n',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
            'ý' | 'ÿ' => 'y',
            'ğ' => 'g',
            'ş' | 'š' | 'ś' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ł' => 'l',
            'ř' => 'r',
            'Á' | 'À' | 'Â' | 'Ä' => 'A',
            'Ç' | 'Č' => 'C',
            'É' | 'È' => 'E',
            'İ' | 'Í' => 'I',
            'Ö' | 'Ó' => 'O',
            'Ş' | 'Š' => 'S',
            'Ü' | 'Ú' => 'U',
            'Ž' => 'Z',
            '’' => '\'',
            other => other,
        })
        .collect()
}

/// The transliteration-folded form of one word: lowercase, accents folded,
/// `ks` as `x`, `y`/`j` as `i`, doubled letters single, `ie` as `e`.
pub fn fold_word(word: &str) -> String {
    let lower = fold_accents(word).to_lowercase();
    let lower = lower.replace("ks", "x").replace("kh", "h");
    let mapped: String = lower
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-')
        .map(|c| if c == 'y' || c == 'j' { 'i' } else { c })
        .collect();
    let mut out = String::with_capacity(mapped.len());
    for c in mapped.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    // "Umierov" and "Umerov", "Yermak" and "Ermak"
    out.replace("ie", "e")
}

/// The key of a full name: its words folded, joined by spaces.
/// Hyphens count as spaces ("Kim Jong-un" is "Kim Jong Un"), and a short
/// given name its full form ("Mike Pompeo" is "Michael Pompeo").
pub fn person_key(name: &str) -> PersonKey {
    let given = &crate::lexicon::lexicon().given_names;
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    PersonKey(
        words
            .iter()
            .enumerate()
            .map(|(i, w)| match given.get(&w.to_lowercase()) {
                Some(full) if i == 0 && words.len() >= 2 => fold_word(full),
                _ => fold_word(w),
            })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The folded surname (last word) of a name, past a generational suffix
/// ("Benigno Aquino III": Aquino).
pub fn surname_key(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .rfind(|w| !w.is_empty() && !is_suffix(w))
        .map(fold_word)
        .unwrap_or_default()
}

/// What may follow a family name as part of the name, as written.
const SUFFIXES: [&str; 7] = ["Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"];

/// Whether `word` is a generational suffix ("Jr.", "III").
pub fn is_suffix(word: &str) -> bool {
    SUFFIXES.contains(&word)
}

/// Particles that make the next word a father's name, not a family name.
const PATRONYMIC: [&str; 4] = ["bin", "ibn", "bint", "ben"];

/// Whether a full name ends in a father's name ("Mohammed bin Salman"), so
/// its last word alone ("King Salman") is someone else.
pub fn ends_in_patronymic(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() >= 2 && PATRONYMIC.contains(&words[words.len() - 2].to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generational_suffix_is_no_family_name() {
        assert_eq!(surname_key("Benigno Aquino III"), "aquino");
        assert_eq!(surname_key("Llewellyn E. Thompson Jr."), "thompson");
        assert_eq!(surname_key("Lev Dorn"), "dorn");
    }

    #[test]
    fn a_fathers_name_is_no_family_name() {
        assert!(ends_in_patronymic("Mohammed bin Salman"));
        assert!(ends_in_patronymic("Hamad Bin Jassim"));
        assert!(!ends_in_patronymic("Sergei Lavrov"));
        assert!(!ends_in_patronymic("Salman"));
    }

    #[test]
    fn spelling_variants_share_a_key() {
        assert_eq!(person_key("Sergey Lavrov"), person_key("Sergei Lavrov"));
        assert_eq!(person_key("Kim Jong-un"), person_key("Kim Jong Un"));
        assert_eq!(person_key("Rustem Umierov"), person_key("Rustem Umerov"));
        assert_eq!(person_key("Mike Pompeo"), person_key("Michael Pompeo"));
        assert_ne!(person_key("Mike Pompeo"), person_key("Mike Waltz"));
        assert_eq!(
            person_key("Volodymyr Zelenskyy"),
            person_key("Volodymyr Zelensky")
        );
        assert_eq!(
            person_key("Alexei Polishchuk"),
            person_key("Aleksey Polishchuk")
        );
        assert_eq!(
            person_key("Recep Tayyip Erdoğan"),
            person_key("Recep Tayyip Erdogan")
        );
        assert_eq!(
            person_key("Yelena Podobreyevskaya"),
            person_key("Elena Podobreyevskaya")
        );
    }

    #[test]
    fn different_people_keep_different_keys() {
        assert_ne!(
            person_key("Vladimir Putin"),
            person_key("Vladimir Medinsky")
        );
        assert_ne!(
            person_key("Oleksiy Shevchenko"),
            person_key("Viktor Shevtsov")
        );
    }
}
