//! The words a spec uses, and splitting a lowercase run such as
//! `passwordinfoquerydto` (a per-resource spec's file stem) into them:
//! `password info query dto`.

use heck::ToSnakeCase;
use serde_json::Value;
use std::collections::BTreeSet;

/// Shortest word the vocabulary keeps: single letters would let the
/// splitter cut a run almost anywhere.
const MIN_WORD: usize = 2;

/// Longest run the splitter takes on (the splitter is quadratic in it); a
/// longer run is kept whole. Real file stems are under 50 characters.
const MAX_RUN: usize = 96;

/// The splitter's score of a split is `WORD_COST` per word plus
/// `UNKNOWN_CHAR_COST` per character no known word covers; the lowest score
/// wins. With the ratio 2/5, a known word of three letters or more is cut off
/// an unknown remainder (`uuid` + `generator`), a two-letter one is not
/// (`uuid`, not `u` + `u` + `id`).
const WORD_COST: usize = 5;
const UNKNOWN_CHAR_COST: usize = 2;

/// The lowercase words of a document's titles, component names, property
/// names and operation ids (`Password Info Query DTO`, `passwordStatus`,
/// `queryPasswordInfoV1` give `password`, `info`, `query`, `dto`, `status`,
/// `v1`).
#[derive(Debug, Default, Clone)]
pub(crate) struct Vocabulary {
    words: BTreeSet<String>,
}

impl Vocabulary {
    /// The words of `texts`.
    pub(crate) fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut v = Vocabulary::default();
        for t in texts {
            v.add(t);
        }
        v
    }

    /// The words of the names in `raw`, a whole (bundled) document: every
    /// `title` and `operationId`, every key of a `properties` map, and every
    /// component's key. Examples are skipped: their keys are data, not names.
    pub(crate) fn from_document(raw: &Value) -> Self {
        let mut v = Vocabulary::default();
        // An explicit stack: a document may nest deeper than the call stack.
        let mut stack = vec![raw];
        while let Some(value) = stack.pop() {
            match value {
                Value::Object(map) => {
                    for (k, child) in map {
                        match (k.as_str(), child) {
                            ("title" | "operationId", Value::String(s)) => v.add(s),
                            ("example" | "examples", _) => continue,
                            ("properties", Value::Object(props)) => {
                                props.keys().for_each(|p| v.add(p));
                            }
                            ("components", Value::Object(kinds)) => {
                                for entries in kinds.values() {
                                    if let Value::Object(e) = entries {
                                        e.keys().for_each(|c| v.add(c));
                                    }
                                }
                            }
                            _ => {}
                        }
                        stack.push(child);
                    }
                }
                Value::Array(items) => stack.extend(items),
                _ => {}
            }
        }
        v
    }

    /// Adds the words of one name (`passwordInfoQueryDTO`, `IN_PROGRESS`,
    /// `Password Info`).
    pub(crate) fn add(&mut self, text: &str) {
        let spaced: String = text
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
            .collect();
        for word in spaced.to_snake_case().split('_') {
            if word.len() >= MIN_WORD {
                self.words.insert(word.to_owned());
            }
        }
    }

    /// Whether `word` (lowercase) is known.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Splits `run` (lowercase letters and digits) into known words by
    /// dynamic programming: the split with the lowest score (fewest words,
    /// fewest characters outside known words; see [`WORD_COST`]) wins, ties
    /// going to the split with longer words, then to the first found. What no
    /// known word covers stays one word. Anything else is returned whole.
    pub(crate) fn split<'r>(&self, run: &'r str) -> Vec<&'r str> {
        if !is_lowercase_run(run) || run.len() > MAX_RUN {
            return vec![run];
        }
        // best[i]: the best split of run[..i] as (score, -Σ len², start of
        // its last word).
        let n = run.len();
        let mut best: Vec<Option<(usize, isize, usize)>> = vec![None; n + 1];
        best[0] = Some((0, 0, 0));
        for i in 0..n {
            let Some((score, neg_sq, _)) = best[i] else {
                continue;
            };
            for j in i + 1..=n {
                let piece = &run[i..j];
                let len = j - i;
                let cost = if len >= MIN_WORD && self.contains(piece) {
                    WORD_COST
                } else {
                    WORD_COST + UNKNOWN_CHAR_COST * len
                };
                let sq = isize::try_from(len * len).unwrap_or(isize::MAX);
                let candidate = (score + cost, neg_sq.saturating_sub(sq), i);
                if best[j].is_none_or(|b| (candidate.0, candidate.1) < (b.0, b.1)) {
                    best[j] = Some(candidate);
                }
            }
        }
        let mut words = Vec::new();
        let mut end = n;
        while end > 0 {
            let start = best[end].map_or(0, |b| b.2);
            words.push(&run[start..end]);
            end = start;
        }
        words.reverse();
        words
    }
}

/// Whether `s` is one lowercase run: ASCII lowercase letters and digits,
/// starting with a letter (`passwordinfo`, `e164phone`).
pub(crate) fn is_lowercase_run(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab(texts: &[&str]) -> Vocabulary {
        Vocabulary::from_texts(texts.iter().copied())
    }

    #[test]
    fn runs_split_into_known_words() {
        let v = vocab(&[
            "Password Info Query DTO",
            "passwordStatus",
            "Error Response Dto",
            "generator",
            "requestId",
        ]);
        assert_eq!(
            v.split("passwordinfoquerydto"),
            ["password", "info", "query", "dto"]
        );
        assert_eq!(v.split("errorresponsedto"), ["error", "response", "dto"]);
        assert_eq!(v.split("passwordstatus"), ["password", "status"]);
        assert_eq!(v.split("password"), ["password"]);
    }

    #[test]
    fn fewer_longer_words_win() {
        // `pass word` and `password` are both known: one word beats two.
        let v = vocab(&["pass", "word", "password", "info"]);
        assert_eq!(v.split("passwordinfo"), ["password", "info"]);
        // Same number of words: the longer words win.
        let v = vocab(&["abc", "de", "ab", "cde"]);
        assert_eq!(v.split("abcde").len(), 2);
        let v = vocab(&["ab", "cdef", "abcd", "ef"]);
        assert_eq!(v.split("abcdef"), ["ab", "cdef"]);
    }

    #[test]
    fn unknown_remainder_stays_one_word() {
        let v = vocab(&["generator", "id", "Dto"]);
        // `id` is too short to cut `uuid` apart.
        assert_eq!(v.split("uuidgenerator"), ["uuid", "generator"]);
        assert_eq!(v.split("widgetdto"), ["widget", "dto"]);
        assert_eq!(v.split("zzzz"), ["zzzz"]);
        assert_eq!(vocab(&[]).split("passwordinfo"), ["passwordinfo"]);
    }

    #[test]
    fn only_lowercase_runs_are_split() {
        let v = vocab(&["password", "info"]);
        assert_eq!(v.split("PasswordInfo"), ["PasswordInfo"]);
        assert_eq!(v.split("password-info"), ["password-info"]);
        assert_eq!(v.split("1password"), ["1password"]);
        assert_eq!(v.split(""), [""]);
        assert_eq!(vocab(&["phone"]).split("e164phone"), ["e164", "phone"]);
        let long = "password".repeat(20);
        assert_eq!(v.split(&long), [long.as_str()]);
    }

    #[test]
    fn vocabulary_comes_from_names_not_examples() {
        let doc = serde_json::json!({
            "components": {"schemas": {"PasswordStatus": {
                "title": "Password Change Response",
                "properties": {"requestId": {"type": "string"}},
                "example": {"secretword": 1}
            }}},
            "paths": {"/x": {"get": {"operationId": "queryPasswordInfoV1"}}}
        });
        let v = Vocabulary::from_document(&doc);
        for w in ["password", "status", "change", "response", "request", "id", "query", "info"] {
            assert!(v.contains(w), "{w}");
        }
        assert!(!v.contains("secretword"));
        assert!(!v.contains("paths"));
    }
}
