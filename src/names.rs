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
/// `ks` as `x`, `y`/`j` as `i`, doubled letters single, a leading `ie` as `e`.
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
    match out.strip_prefix("ie") {
        Some(rest) => format!("e{rest}"),
        None => out,
    }
}

/// The key of a full name: its words folded, joined by spaces.
pub fn person_key(name: &str) -> PersonKey {
    PersonKey(
        name.split_whitespace()
            .map(fold_word)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The folded surname (last word) of a name.
pub fn surname_key(name: &str) -> String {
    name.split_whitespace()
        .last()
        .map(fold_word)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants_share_a_key() {
        assert_eq!(person_key("Sergey Lavrov"), person_key("Sergei Lavrov"));
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
