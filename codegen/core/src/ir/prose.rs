//! One line of spec prose (outside code fences) made clean for rustdoc:
//! a bare URL becomes an autolink (`<https://…>`), which `rustdoc::bare_urls`
//! asks for, and a run of spaces becomes one, so no doc line carries the
//! double and triple spaces of hand-edited YAML. Code spans, links, HTML
//! tags and autolinks are copied as they are: a URL in them is not bare.

/// `line` with its bare URLs autolinked, its runs of spaces collapsed and
/// its brackets escaped where rustdoc would take them for a link to an
/// item (`[Deprecated]`) that `defined` (the text's reference definitions,
/// lowercase) does not name.
pub(super) fn clean_line(line: &str, defined: &[String]) -> String {
    // A reference definition's URL is no bare URL.
    if !definitions(line).is_empty() {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        let taken = match c {
            '`' => code_span(rest),
            // `[1]` in `[text][1]` is a reference, not a path.
            '[' => match item_like(rest, defined).filter(|_| !out.ends_with(']')) {
                Some(n) => {
                    out.push_str("\\[");
                    out.push_str(&rest[1..n - 1]);
                    out.push_str("\\]");
                    rest = &rest[n..];
                    continue;
                }
                None => link(rest),
            },
            '<' => tag(rest),
            '\\' => rest.char_indices().nth(2).map_or(rest.len(), |(i, _)| i),
            'h' if starts_url(rest) && !after_word(&out) => {
                let n = url_len(rest);
                out.push('<');
                out.push_str(&rest[..n]);
                out.push('>');
                rest = &rest[n..];
                continue;
            }
            ' ' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
                rest = &rest[1..];
                continue;
            }
            _ => c.len_utf8(),
        };
        out.push_str(&rest[..taken]);
        rest = &rest[taken..];
    }
    out
}

fn starts_url(s: &str) -> bool {
    s.starts_with("https://") || s.starts_with("http://")
}

/// Whether the text so far ends inside a word (`xhttps://` is no URL).
fn after_word(out: &str) -> bool {
    out.chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '/')
}

/// The length of a code span at the start of `s` (a run of backticks up to
/// the next run of the same length), or of the run alone when unclosed.
fn code_span(s: &str) -> usize {
    let ticks = s.len() - s.trim_start_matches('`').len();
    let fence = &s[..ticks];
    let mut from = ticks;
    while let Some(i) = s[from..].find(fence) {
        let end = from + i;
        let run = s[end..].len() - s[end..].trim_start_matches('`').len();
        if run == ticks {
            return end + ticks;
        }
        from = end + run;
    }
    ticks
}

/// The length of a `[text](destination)` link at the start of `s`, or 1
/// when the bracket opens none (its text is then cleaned like the rest).
fn link(s: &str) -> usize {
    let Some(close) = matching(s, '[', ']') else {
        return 1;
    };
    if !s[close + 1..].starts_with('(') {
        return 1;
    }
    matching(&s[close + 1..], '(', ')').map_or(1, |end| close + 1 + end + 1)
}

/// The length of a `[name]` at the start of `s` that rustdoc would resolve
/// as a path: one word of path characters, followed by no link part, and
/// not a reference the text defines.
fn item_like(s: &str, defined: &[String]) -> Option<usize> {
    let close = s.find(']')?;
    let label = &s[1..close];
    let path_like = !label.is_empty()
        && label
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | ':' | '-' | '.'));
    let after = s[close + 1..].chars().next();
    let plain = !matches!(after, Some('(' | '[' | ':'));
    (path_like && plain && !defined.contains(&label.to_lowercase())).then_some(close + 1)
}

/// The labels of the reference definitions (`[label]: url`) in `text`,
/// lowercase.
pub(super) fn definitions(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            let l = l.trim_start().strip_prefix('[')?;
            let (label, rest) = l.split_once(']')?;
            rest.starts_with(':').then(|| label.to_lowercase())
        })
        .collect()
}

/// The byte index of the bracket that closes the one `s` starts with.
fn matching(s: &str, open: char, close: char) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        if c == open {
            depth += 1;
        } else if c == close {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

/// The length of an HTML tag or an autolink at the start of `s`, or 1 when
/// the `<` opens neither.
fn tag(s: &str) -> usize {
    let opens = s[1..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
    match s[1..].find(['<', '>']) {
        Some(i) if opens && s[1 + i..].starts_with('>') => i + 2,
        _ => 1,
    }
}

/// The length of the URL at the start of `s`: up to a space or a character
/// a URL in prose does not hold, without the punctuation that ends the
/// sentence or an unbalanced closing bracket.
fn url_len(s: &str) -> usize {
    let mut end = s
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`'))
        .unwrap_or(s.len());
    loop {
        let url = &s[..end];
        let Some(last) = url.chars().next_back() else {
            return end;
        };
        let unbalanced = |open: char, close: char| {
            last == close && url.matches(close).count() > url.matches(open).count()
        };
        if matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' | '_')
            || unbalanced('(', ')')
            || unbalanced('[', ']')
        {
            end -= last.len_utf8();
        } else {
            return end;
        }
    }
}

#[cfg(test)]
mod tests {
    fn clean_line(line: &str) -> String {
        super::clean_line(line, &super::definitions(line))
    }

    #[test]
    fn bare_urls_become_autolinks() {
        assert_eq!(
            clean_line("See https://developer.sailpoint.com/docs/api/v3. Then"),
            "See <https://developer.sailpoint.com/docs/api/v3>. Then"
        );
        assert_eq!(
            clean_line("(for example http://x.io/a_(b))"),
            "(for example <http://x.io/a_(b)>)"
        );
        assert_eq!(
            clean_line("**Note: https://x.io/y**"),
            "**Note: <https://x.io/y>**"
        );
    }

    #[test]
    fn urls_in_links_code_and_tags_stay() {
        for line in [
            "a [guide](https://x.io/g) b",
            "a [https://x.io](https://x.io) b",
            "`https://{tenant}.api.identitynow.com`",
            "``a ` https://x.io``",
            "<https://x.io>",
            "<a href=\"https://x.io\">x</a>",
            "\\https://x.io is escaped",
        ] {
            assert_eq!(clean_line(line), line);
        }
    }

    #[test]
    fn runs_of_spaces_collapse_outside_code() {
        assert_eq!(clean_line("a   b  c"), "a b c");
        assert_eq!(clean_line("`a   b`  c"), "`a   b` c");
    }

    #[test]
    fn a_bracket_that_opens_no_link_is_cleaned_inside() {
        assert_eq!(clean_line("[see https://x.io]"), "[see <https://x.io>]");
        assert_eq!(clean_line("a < b"), "a < b");
    }

    #[test]
    fn brackets_rustdoc_would_resolve_are_escaped() {
        assert_eq!(
            clean_line("[Deprecated] This endpoint"),
            "\\[Deprecated\\] This endpoint"
        );
        for line in [
            "[see the guide]",
            "[guide][1]",
            "[guide]: https://x.io",
            "[]",
        ] {
            assert_eq!(clean_line(line), line);
        }
        assert_eq!(
            super::clean_line("see [guide]", &["guide".to_owned()]),
            "see [guide]"
        );
    }
}
