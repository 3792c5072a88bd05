//! The words a spec uses, and splitting a lowercase run such as
//! `passwordinfoquerydto` (a per-resource spec's file stem) into them:
//! `password info query dto`.

use heck::ToSnakeCase;
use serde_json::Value;
use std::collections::BTreeMap;

/// Shortest word the vocabulary keeps from names: single letters would let
/// the splitter cut a run almost anywhere.
const MIN_WORD: usize = 2;

/// Shortest word the vocabulary keeps from prose, where short words (`on`,
/// `in`, `to`, `the`) are everywhere and would be cut off unknown words
/// (`durati` + `on`).
const MIN_PROSE_WORD: usize = 4;

/// Shortest piece of a run left unknown, unless it is the whole run: a
/// stray letter or two (`mode` + `l`) is a sign of a wrong cut, not a word.
const MIN_UNKNOWN: usize = 3;

/// Longest run the splitter takes on (the splitter is quadratic in it); a
/// longer run is kept whole. Real file stems are under 50 characters.
const MAX_RUN: usize = 96;

/// How much more a word counts when it is part of a name (a title, a
/// component or property name, an operation id) than when it is part of a
/// description: names say how the spec's authors cut words into names.
const NAME_WEIGHT: u64 = 16;

/// Fractional bits of the fixed-point costs below.
const FRACTION_BITS: u32 = 8;

/// Cost of each character no known word covers, in fixed-point bits: about
/// `log2(26)`, as if it were a letter picked at random.
const UNKNOWN_CHAR_COST: u64 = (47 << FRACTION_BITS) / 10;

/// Cost of every word of a split, known or not, on top of its own: fewer
/// words are preferred.
const WORD_COST: u64 = 3 << FRACTION_BITS;

/// Extra cost of reading a piece as the plural of a known word.
const PLURAL_COST: u64 = 1 << FRACTION_BITS;

/// The lowercase words a document uses, with how often: the words of its
/// titles, component names, property names and operation ids
/// (`Password Info Query DTO`, `passwordStatus`, `queryPasswordInfoV1` give
/// `password`, `info`, `query`, `dto`, `status`, `v1`), and, weighing less,
/// those of its descriptions and summaries.
#[derive(Debug, Default, Clone)]
pub(crate) struct Vocabulary {
    /// Per word: its weight from names and from prose.
    counts: BTreeMap<String, Count>,
    total: u64,
}

#[derive(Debug, Default, Clone, Copy)]
struct Count {
    names: u64,
    prose: u64,
}

impl Count {
    fn all(self) -> u64 {
        self.names.saturating_add(self.prose)
    }
}

/// Which words a pass of the splitter may use, and whether it may leave a
/// piece unknown.
#[derive(Clone, Copy)]
enum Pass {
    /// Every known word; every piece must be one.
    Covering,
    /// Only words from names; what they do not cover stays one word.
    WithRemainder,
}

impl Vocabulary {
    /// The words of names `texts` (for tests of the splitter).
    #[cfg(test)]
    pub(crate) fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut v = Vocabulary::default();
        for t in texts {
            v.add_words(t, NAME_WEIGHT, MIN_WORD);
        }
        v.drop_compounds();
        v
    }

    /// The words of `raw`, a whole (bundled) document: every `title`,
    /// `operationId` and `name`, every key of a `properties` map and every
    /// component's key as names; every `description` and `summary` as prose.
    /// Examples, defaults and enums are skipped: they are data, not names.
    pub(crate) fn from_document(raw: &Value) -> Self {
        let mut v = Vocabulary::default();
        // An explicit stack: a document may nest deeper than the call stack.
        let mut stack = vec![raw];
        while let Some(value) = stack.pop() {
            match value {
                Value::Object(map) => {
                    for (k, child) in map {
                        match (k.as_str(), child) {
                            ("title" | "operationId" | "name", Value::String(s)) => {
                                v.add_words(s, NAME_WEIGHT, MIN_WORD);
                            }
                            ("description" | "summary", Value::String(s)) => {
                                v.add_words(s, 1, MIN_PROSE_WORD);
                            }
                            ("example" | "examples" | "default" | "enum", _) => continue,
                            ("properties", Value::Object(props)) => {
                                for p in props.keys() {
                                    v.add_words(p, NAME_WEIGHT, MIN_WORD);
                                }
                            }
                            ("components", Value::Object(kinds)) => {
                                for c in kinds.values().filter_map(Value::as_object) {
                                    for key in c.keys() {
                                        v.add_words(key, NAME_WEIGHT, MIN_WORD);
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
        v.drop_compounds();
        v
    }

    /// Counts the words of `text` (`passwordInfoQueryDTO`, `IN_PROGRESS`,
    /// `Password Info`) that have `min_len` letters or more, `weight` times
    /// each: [`NAME_WEIGHT`] for a name, 1 for prose.
    fn add_words(&mut self, text: &str, weight: u64, min_len: usize) {
        let spaced: String = text
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
            .collect();
        for word in spaced.to_snake_case().split('_') {
            if word.len() >= min_len {
                let count = self.counts.entry(word.to_owned()).or_default();
                if weight == 1 {
                    count.prose += 1;
                } else {
                    count.names += weight;
                }
                self.total += weight;
            }
        }
    }

    /// Forgets the words that are two more frequent words written together
    /// (`accessprofile`, `usagetype`): a spec that writes them so somewhere
    /// has the very defect the splitter undoes.
    fn drop_compounds(&mut self) {
        let count = |w: &str| self.counts.get(w).map_or(0, |c| c.all());
        let compounds: Vec<String> = self
            .counts
            .iter()
            .filter(|(w, c)| {
                (MIN_UNKNOWN..w.len().saturating_sub(MIN_UNKNOWN - 1)).any(|k| {
                    w.is_char_boundary(k) && count(&w[..k]) > c.all() && count(&w[k..]) > c.all()
                })
            })
            .map(|(w, _)| w.clone())
            .collect();
        for w in compounds {
            self.counts.remove(&w);
        }
    }

    /// Whether `word` (lowercase) is known.
    #[cfg(test)]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.counts.contains_key(word)
    }

    /// The weight of `word` in `pass`, 0 if it does not count there.
    fn weight(&self, word: &str, pass: Pass) -> u64 {
        let c = self.counts.get(word).copied().unwrap_or_default();
        match pass {
            Pass::Covering => c.all(),
            Pass::WithRemainder => c.names,
        }
    }

    /// The cost of `piece` as one word of a split: [`WORD_COST`] plus
    /// `log2(total / count)` in fixed point for a known word (a frequent word
    /// is cheap), a little more for the plural of one (`details` when
    /// `detail` is known) where every piece must be known (next to an
    /// unknown piece, a plural would cut `approvals` + `cheme` out of
    /// `approvalscheme`), and for an unknown piece the cost of the rarest
    /// word plus [`UNKNOWN_CHAR_COST`] per character. `None` where `pass`
    /// does not allow the piece.
    fn cost(&self, piece: &str, whole: bool, pass: Pass) -> Option<u64> {
        let total = self.total.max(1);
        let known = |w: &str| Some(self.weight(w, pass)).filter(|&c| c > 0 && w.len() >= MIN_WORD);
        // Next to an unknown piece a final `s` may start the next word
        // (`aggregations` + `pecification`): there the singular is used.
        let plural_of_known = || piece.strip_suffix('s').and_then(known).is_some();
        if let Some(c) = known(piece) {
            if matches!(pass, Pass::WithRemainder) && plural_of_known() {
                return None;
            }
            return Some(WORD_COST + log2_fixed(total / c));
        }
        let allowed = match pass {
            Pass::Covering => {
                if let Some(c) = piece.strip_suffix('s').and_then(known) {
                    return Some(WORD_COST + log2_fixed(total / c) + PLURAL_COST);
                }
                false
            }
            Pass::WithRemainder => whole || piece.len() >= MIN_UNKNOWN,
        };
        let len = u64::try_from(piece.len()).unwrap_or(u64::MAX);
        allowed.then(|| WORD_COST + log2_fixed(total) + UNKNOWN_CHAR_COST.saturating_mul(len))
    }

    /// Splits `run` (lowercase letters and digits) into words, as the most
    /// likely sequence of the document's words: the split with the lowest
    /// total [cost](Self::cost), found by dynamic programming, wins, which
    /// favours fewer, longer and more frequent words; ties go to the first
    /// found. A split into known words of names and prose is taken if there
    /// is one; else the words of names are cut off and what they leave stays
    /// one word (a prose word would cut `specific` off `specification`).
    /// Anything that is not one lowercase run is returned whole.
    pub(crate) fn split<'r>(&self, run: &'r str) -> Vec<&'r str> {
        if !is_lowercase_run(run) || run.len() > MAX_RUN {
            return vec![run];
        }
        self.split_in(run, Pass::Covering)
            .or_else(|| self.split_in(run, Pass::WithRemainder))
            .unwrap_or_else(|| vec![run])
    }

    fn split_in<'r>(&self, run: &'r str, pass: Pass) -> Option<Vec<&'r str>> {
        // best[i]: the cost of the best split of run[..i] and where its last
        // word starts.
        let n = run.len();
        let mut best: Vec<Option<(u64, usize)>> = vec![None; n + 1];
        best[0] = Some((0, 0));
        for i in 0..n {
            let Some((so_far, _)) = best[i] else {
                continue;
            };
            for j in i + 1..=n {
                let Some(cost) = self.cost(&run[i..j], i == 0 && j == n, pass) else {
                    continue;
                };
                let candidate = so_far.saturating_add(cost);
                if best[j].is_none_or(|(b, _)| candidate < b) {
                    best[j] = Some((candidate, i));
                }
            }
        }
        let mut words = Vec::new();
        let mut end = n;
        while end > 0 {
            let (_, start) = best[end]?;
            words.push(&run[start..end]);
            end = start;
        }
        words.reverse();
        Some(words)
    }
}

/// `log2(x)` in fixed point with [`FRACTION_BITS`], from the integer part
/// and the bits under the leading one (exact at powers of two, within a few
/// hundredths elsewhere); integer arithmetic keeps names the same on every
/// platform.
fn log2_fixed(x: u64) -> u64 {
    let x = x.max(1);
    let whole = u64::from(x.ilog2());
    let shift = 63 - x.ilog2();
    let fraction = ((x << shift) >> (63 - FRACTION_BITS)) & ((1 << FRACTION_BITS) - 1);
    (whole << FRACTION_BITS) | fraction
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
        // Between two splits into known words, the more frequent words win.
        let v = vocab(&[
            "base",
            "reference",
            "dto",
            "referenced",
            "reference dto",
            "to",
        ]);
        assert_eq!(v.split("basereferencedto"), ["base", "reference", "dto"]);
        // A plural of a known word counts as known.
        assert_eq!(
            vocab(&["task", "detail"]).split("taskdetails"),
            ["task", "details"]
        );
        // Next to an unknown word, a plural's `s` goes to that word.
        let v = vocab(&["search", "aggregation", "aggregations", "approval"]);
        assert_eq!(
            v.split("searchaggregationspecification"),
            ["search", "aggregation", "specification"]
        );
        assert_eq!(v.split("approvalscheme"), ["approval", "scheme"]);
    }

    #[test]
    fn unknown_remainder_stays_one_word() {
        let v = vocab(&["generator", "id", "Dto"]);
        // A stray `u` is no word: `uuid` stays whole.
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
        for w in [
            "password", "status", "change", "response", "request", "id", "query", "info",
        ] {
            assert!(v.contains(w), "{w}");
        }
        assert!(!v.contains("secretword"));
        assert!(!v.contains("paths"));
    }
}
