//! The line scanner: the root file's lines classified by looking at them
//! alone, without parsing, as far as cutting the file into entries needs.

/// What a line of the root file is, as far as cutting it up is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Nothing but whitespace.
    Blank,
    /// A comment.
    Comment,
    /// Inside a scalar that began on an earlier line: a block scalar's text,
    /// or the continuation of a plain or quoted one.
    Scalar,
    /// Structure: a key, a sequence entry, part of a flow collection.
    Node,
    /// Indented deeper than any level the file is cut at, and not looked
    /// into: structure or scalar text, it belongs to the entry above it.
    Deep,
}

/// One line of the root file.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line {
    /// Byte offset of its first character.
    pub(super) start: usize,
    /// Byte offset past its line break (or the end of the text).
    pub(super) next: usize,
    /// Leading spaces.
    pub(super) indent: usize,
    pub(super) kind: Kind,
}

/// The root file's lines, classified.
#[derive(Debug)]
pub(super) struct Scan {
    pub(super) lines: Vec<Line>,
    /// Indices in `lines` of the [`Kind::Node`] lines, in order.
    pub(super) nodes: Vec<usize>,
    /// Lines indented up to this many spaces are classified; deeper ones
    /// are [`Kind::Deep`] unless they continue a scalar begun above.
    pub(super) shallow: usize,
}

/// Most steps [`inside_scalar`] may take in all, so that a file made of
/// anchor-like text cannot make the scan quadratic.
const WALK_BUDGET: usize = 200_000;

/// Classifies the lines the cut needs (the top-level keys, the entries of
/// `paths` and of each `components` section, and their children's keys:
/// three levels of the file's first indentation), or gives up on a file
/// that uses anchors (an alias in a part that is not parsed could stand for
/// anything) or tabs in indentation.
///
/// This runs over every line of a large file in an unoptimized build, so
/// deeper lines cost no more than finding where they end: a line's kind
/// depends only on lines less indented than itself, and the text of deeper
/// lines is only looked at where an anchor could be.
///
/// A quoted scalar must continue on lines indented deeper than the key
/// that owns it (libyaml accepts less); one opened on a deep line is not
/// followed, so the cut assumes that rule holds there.
pub(super) fn scan(text: &str) -> Option<Scan> {
    let scan = classify(text)?;
    refuse_anchors(text, &scan)?;
    Some(scan)
}

/// The lines of `text` classified (see [`scan`]), or `None` for a tab in
/// the indentation or text after a multi-line quoted scalar closes.
fn classify(text: &str) -> Option<Scan> {
    let mut lines = Vec::with_capacity(text.len() / 24 + 1);
    let mut shallow: Option<usize> = None;
    // Lines indented deeper than this continue a scalar begun above.
    let mut scalar_above: Option<usize> = None;
    // A quoted scalar left open: lines up to its closing quote are its text,
    // however they are indented.
    let mut open_quote: Option<char> = None;
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let bytes = piece.as_bytes();
        let mut indent = 0;
        while indent < bytes.len() && bytes[indent] == b' ' {
            indent += 1;
        }
        // Most lines are decided by their indentation and first character.
        let first = bytes.get(indent).copied();
        let kind = if let Some(q) = open_quote {
            if let Some(after) = close_quote(piece, q) {
                open_quote = None;
                if !is_blank_or_comment(after) {
                    return None;
                }
            }
            Kind::Scalar
        } else if matches!(first, None | Some(b'\n' | b'\r' | b'\t'))
            && piece.get(indent..)?.trim().is_empty()
        {
            Kind::Blank
        } else if scalar_above.is_some_and(|n| indent > n) {
            Kind::Scalar
        } else if first == Some(b'#') {
            scalar_above = None;
            Kind::Comment
        } else if shallow.is_some_and(|s| indent > s) {
            Kind::Deep
        } else if first == Some(b'\t') {
            return None;
        } else {
            if indent > 0 && shallow.is_none() {
                shallow = Some(3 * indent);
            }
            let rest = piece.get(indent..)?.trim_end_matches(['\n', '\r']);
            let shape = node_shape(rest, indent);
            scalar_above = shape.scalar_owner;
            open_quote = shape.open_quote;
            Kind::Node
        };
        lines.push(Line {
            start,
            next: start + piece.len(),
            indent,
            kind,
        });
        start += piece.len();
    }
    let nodes = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == Kind::Node)
        .map(|(i, _)| i)
        .collect();
    Some(Scan {
        lines,
        nodes,
        shallow: shallow.unwrap_or(0),
    })
}

/// `None` if `text` may use an anchor where a node can start: on a
/// classified structural line, or on a deep line that is not the text of a
/// scalar (or when telling that costs more than the walk budget).
fn refuse_anchors(text: &str, scan: &Scan) -> Option<()> {
    let mut budget = WALK_BUDGET;
    for (at, _) in text.match_indices('&') {
        let bytes = text.as_bytes();
        let before = at.checked_sub(1).and_then(|b| bytes.get(b)).copied();
        let after = bytes.get(at + 1).copied();
        if !(matches!(
            before,
            None | Some(b' ' | b'\t' | b'\n' | b'[' | b'{' | b',')
        ) && after.is_some_and(|a| !anchor_end(a)))
        {
            continue;
        }
        let i = scan
            .lines
            .partition_point(|l| l.start <= at)
            .checked_sub(1)?;
        let line = scan.lines.get(i)?;
        let suspect = match line.kind {
            Kind::Node => true,
            Kind::Deep => !inside_scalar(text, &scan.lines, i, &mut budget)?,
            Kind::Blank | Kind::Comment | Kind::Scalar => false,
        };
        if suspect && has_anchor(text.get(line.start + line.indent..line.next)?) {
            return None;
        }
    }
    Some(())
}

/// Whether byte `b` cannot begin an anchor's name.
fn anchor_end(b: u8) -> bool {
    matches!(
        b,
        b' ' | b'\t' | b'\r' | b'\n' | b',' | b'[' | b']' | b'{' | b'}'
    )
}

/// Whether line `x`, which the scan did not look into, is the text of a
/// scalar begun above it: walking back, some line less indented than every
/// line since owns a scalar that `x` is deeper than. `None` when the walk
/// budget is spent.
fn inside_scalar(text: &str, lines: &[Line], x: usize, budget: &mut usize) -> Option<bool> {
    let mut min = lines.get(x)?.indent;
    for j in (0..x).rev() {
        *budget = budget.checked_sub(1)?;
        let p = lines.get(j)?;
        if p.kind == Kind::Blank || p.indent >= min {
            continue;
        }
        if p.kind == Kind::Scalar {
            return Some(true);
        }
        let rest = text.get(p.start + p.indent..p.next)?.trim_end();
        if !rest.starts_with('#')
            && node_shape(rest, p.indent)
                .scalar_owner
                .is_some_and(|n| n < min)
        {
            return Some(true);
        }
        min = p.indent;
        if min == 0 {
            break;
        }
    }
    Some(false)
}

fn is_blank_or_comment(text: &str) -> bool {
    let t = text.trim();
    t.is_empty() || t.starts_with('#')
}

/// An anchor (`&name`) where a node can start. A false alarm (an `&` that
/// starts a word in plain text) only costs the fast path.
fn has_anchor(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    rest.match_indices('&').any(|(i, _)| {
        let before = i.checked_sub(1).and_then(|b| bytes.get(b)).copied();
        let after = bytes.get(i + 1).copied();
        matches!(before, None | Some(b' ' | b'\t' | b'[' | b'{' | b','))
            && after.is_some_and(|a| !anchor_end(a))
    })
}

/// What a structural line says about the lines after it.
#[derive(Debug, Default)]
struct Shape {
    /// The line ends in a scalar owned by the key or sequence entry at this
    /// column: deeper lines that follow are its text.
    scalar_owner: Option<usize>,
    /// The line ends inside a quoted scalar opened with this quote.
    open_quote: Option<char>,
}

/// Reads a structural line (`rest`, after `indent` spaces): sequence dashes,
/// then `key: value` or a value. Only a value after a key or a dash counts;
/// a bare value line (part of a flow collection, say) says nothing, so the
/// lines after it are all looked at.
fn node_shape(rest: &str, indent: usize) -> Shape {
    let mut col = indent;
    let mut owner = None;
    let mut s = rest;
    while let Some(after) = s.strip_prefix('-') {
        if !(after.is_empty() || after.starts_with(' ')) {
            break;
        }
        owner = Some(col);
        let t = after.trim_start_matches(' ');
        col += s.len() - t.len();
        s = t;
    }
    let value = match split_key(s) {
        Some((_, value)) => {
            owner = Some(col);
            value
        }
        None => s,
    };
    let Some(owner) = owner else {
        return Shape::default();
    };
    let value = value.trim_start_matches([' ', '\t']);
    match value.chars().next() {
        None | Some('#' | '[' | '{' | '!' | '&' | '*' | '?') => Shape::default(),
        Some(q @ ('"' | '\'')) => Shape {
            scalar_owner: Some(owner),
            open_quote: match value.get(1..).and_then(|v| close_quote(v, q)) {
                Some(_) => None,
                None => Some(q),
            },
        },
        Some(_) => Shape {
            scalar_owner: Some(owner),
            open_quote: None,
        },
    }
}

/// The text after the quote `q` that closes a quoted scalar whose content
/// starts at `text`, or `None` if it does not close on this line.
fn close_quote(text: &str, q: char) -> Option<&str> {
    let mut from = 0;
    loop {
        let i = from + text.get(from..)?.find(q)?;
        let after = text.get(i + 1..)?;
        if q == '\'' {
            // `''` is a quote inside single quotes.
            match after.strip_prefix('\'') {
                Some(_) => from = i + 2,
                None => return Some(after),
            }
        } else {
            // Escaped by an odd number of backslashes before it.
            let backslashes = text
                .get(..i)?
                .bytes()
                .rev()
                .take_while(|&b| b == b'\\')
                .count();
            if backslashes % 2 == 0 {
                return Some(after);
            }
            from = i + 1;
        }
    }
}

/// Splits `key: value` (or `key:`) into its key text and the value text,
/// or `None` if `s` is not a simple mapping entry.
fn split_key(s: &str) -> Option<(&str, &str)> {
    let key_end = match s.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let after = close_quote(s.get(1..)?, q)?;
            s.len() - after.len()
        }
        _ => {
            let mut from = 0;
            loop {
                let i = from + s.get(from..)?.find(':')?;
                let next = s.get(i + 1..)?;
                if next.is_empty() || next.starts_with(' ') || next.starts_with('\t') {
                    break i;
                }
                from = i + 1;
            }
        }
    };
    let after = s.get(key_end..)?.strip_prefix(':')?;
    if !(after.is_empty() || after.starts_with(' ') || after.starts_with('\t')) {
        return None;
    }
    Some((s.get(..key_end)?, after))
}

/// The key a split-level line names, exactly as the YAML parser reads it,
/// and whether a value follows on the line; `None` for anything but a
/// plain key of ordinary characters or a quoted key without escapes.
pub(super) fn parse_key(rest: &str) -> Option<(String, bool)> {
    let (key_text, after) = split_key(rest)?;
    let key = match key_text.chars().next()? {
        '\'' => key_text
            .strip_prefix('\'')?
            .strip_suffix('\'')?
            .replace("''", "'"),
        '"' => {
            let inner = key_text.strip_prefix('"')?.strip_suffix('"')?;
            if inner.contains('\\') {
                return None;
            }
            inner.to_owned()
        }
        c if c.is_ascii_alphanumeric() || c == '/' || c == '_' => {
            // The parser keeps a plain key's text as is (`200`, `true` and
            // `~` stay strings), except what ends it or is trimmed.
            if key_text.contains(" #")
                || key_text.ends_with(' ')
                || key_text.chars().any(|c| c.is_control())
            {
                return None;
            }
            key_text.to_owned()
        }
        _ => return None,
    };
    Some((key, !is_blank_or_comment(after)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_scalar_text_is_not_structure() {
        let text = "a:\n  b: |-\n    x && y\n    &z\n  c: 1\n";
        let kinds: Vec<Kind> = scan(text).unwrap().lines.iter().map(|l| l.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Node,
                Kind::Node,
                Kind::Scalar,
                Kind::Scalar,
                Kind::Node
            ]
        );
        assert!(scan("a:\n  b: &x 1\n").is_none());
        assert!(scan("a:\n  b:\t&x 1\n").is_none());
        assert!(scan("a:\n  b:\n    c:\n      d:\n        e: &x 1\n").is_none());
        assert!(scan("a:\n  b:\n    c:\n      d: |\n        &x 1\n").is_some());
        assert!(scan("a:\n  b: [1,\n    &x 2]\n").is_none());
    }

    #[test]
    fn keys_are_read_as_the_parser_reads_them() {
        assert_eq!(parse_key("/a/{id}:"), Some(("/a/{id}".to_owned(), false)));
        assert_eq!(parse_key("'400':"), Some(("400".to_owned(), false)));
        assert_eq!(parse_key("'it''s': x"), Some(("it's".to_owned(), true)));
        assert_eq!(parse_key("a: # c"), Some(("a".to_owned(), false)));
        assert_eq!(parse_key("\"a\\tb\":"), None);
        assert_eq!(parse_key("? a"), None);
        assert_eq!(parse_key("- a:"), None);
        assert_eq!(parse_key("a #b:"), None);
    }

    #[test]
    fn quoted_scalars_may_span_lines_at_any_indentation() {
        let text = "a:\n  b: \"x\nc: y\"\nd: 1\n";
        let kinds: Vec<Kind> = scan(text).unwrap().lines.iter().map(|l| l.kind).collect();
        assert_eq!(kinds, [Kind::Node, Kind::Node, Kind::Scalar, Kind::Node]);
    }
}
