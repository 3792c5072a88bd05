//! Doc comment text taken from the spec and made safe for rustdoc: spec
//! descriptions are Markdown written for a web page, and an untagged code
//! fence or an indented block would otherwise become a failing doctest, a
//! bare URL a `rustdoc::bare_urls` warning.

/// A doc comment, as paragraphs of Markdown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Docs {
    paragraphs: Vec<String>,
}

impl Docs {
    /// No documentation.
    pub fn new() -> Self {
        Docs::default()
    }

    /// Adds a paragraph of spec Markdown, sanitized; empty text is skipped.
    pub fn push(&mut self, text: &str) -> &mut Self {
        let clean = sanitize_markdown(text);
        if !clean.trim().is_empty() {
            self.paragraphs.push(clean.trim().to_owned());
        }
        self
    }

    /// Adds a paragraph if `text` is `Some`.
    pub fn push_opt(&mut self, text: Option<&str>) -> &mut Self {
        if let Some(t) = text {
            self.push(t);
        }
        self
    }

    /// Adds the spec's example as a JSON code block (or inline for scalars).
    pub fn push_example(&mut self, example: Option<&serde_json::Value>) -> &mut Self {
        match example {
            None | Some(serde_json::Value::Null) => {}
            Some(v @ (serde_json::Value::Object(_) | serde_json::Value::Array(_))) => {
                let pretty = serde_json::to_string_pretty(v).unwrap_or_default();
                self.paragraphs
                    .push(format!("Example:\n```json\n{pretty}\n```"));
            }
            // A code span cannot hold a blank line (XML documents do), and
            // rustdoc reads the tags in a broken span as HTML.
            Some(serde_json::Value::String(s)) if s.trim().contains('\n') => {
                let text = s.trim_end().replace("```", "'''");
                self.paragraphs
                    .push(format!("Example:\n```text\n{text}\n```"));
            }
            Some(v) => self
                .paragraphs
                .push(format!("Example: `{}`", inline_code(v))),
        }
        self
    }

    /// Adds a paragraph the generator wrote itself (no sanitizing).
    pub fn push_raw(&mut self, text: String) -> &mut Self {
        self.paragraphs.push(text);
        self
    }

    /// Whether there is no text at all.
    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    /// The text on one line, for a list item: Markdown paragraphs joined
    /// by a space, with a full stop after one that ends without a mark.
    pub fn inline(&self) -> String {
        let mut out = String::new();
        let mut new_paragraph = false;
        // A paragraph ends like a blank line within one.
        let lines = self
            .paragraphs
            .iter()
            .flat_map(|p| p.lines().chain(std::iter::once("")));
        for line in lines.map(str::trim) {
            if line.is_empty() {
                new_paragraph = !out.is_empty();
                continue;
            }
            if new_paragraph && !out.ends_with(['.', ':', '!', '?']) {
                out.push('.');
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(line);
            new_paragraph = false;
        }
        out
    }

    /// The lines of the doc comment.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (i, p) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                out.push(String::new());
            }
            out.extend(p.lines().map(|l| format!(" {l}").trim_end().to_owned()));
        }
        out
    }
}

fn inline_code(v: &serde_json::Value) -> String {
    let s = match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    s.replace('`', "'")
}

/// Tags untagged code fences as `text` and removes leading indentation
/// outside fences, so nothing in a description is compiled as a doctest;
/// outside fences, bare URLs become autolinks and runs of spaces one.
fn sanitize_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_fence = false;
    let defined = super::prose::definitions(text);
    for line in text.lines() {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix("```") {
            if in_fence {
                out.push_str("```");
            } else {
                let lang = rest.trim();
                let lang = if lang.is_empty() || is_rust_like(lang) {
                    "text"
                } else {
                    lang
                };
                out.push_str("```");
                out.push_str(lang);
            }
            in_fence = !in_fence;
        } else if in_fence {
            out.push_str(line);
        } else {
            out.push_str(&super::prose::clean_line(trimmed, &defined));
        }
        out.push('\n');
    }
    if in_fence {
        out.push_str("```\n");
    }
    out
}

/// Fence tags rustdoc would compile.
fn is_rust_like(lang: &str) -> bool {
    lang.split(',').any(|t| {
        matches!(
            t.trim(),
            "rust" | "should_panic" | "no_run" | "compile_fail" | "edition2018" | "edition2021"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_are_tagged_and_indentation_removed() {
        let mut d = Docs::new();
        d.push("Intro\n\n    indented code\n```\nlet x = 1;\n```\n```bash\necho hi\n```");
        let text = d.lines().join("\n");
        assert!(text.contains("```text"), "{text}");
        assert!(text.contains("```bash"), "{text}");
        assert!(
            text.contains(" indented code") && !text.contains("    indented"),
            "{text}"
        );
    }

    #[test]
    fn a_multi_line_example_is_a_block() {
        let mut d = Docs::new();
        d.push_example(Some(&serde_json::json!("<a>\n\n  <b/>\n</a>\n")));
        assert_eq!(
            d.lines(),
            [
                " Example:",
                " ```text",
                " <a>",
                "",
                "   <b/>",
                " </a>",
                " ```"
            ]
        );
    }

    #[test]
    fn paragraphs_inline_with_stops_between() {
        let mut d = Docs::new();
        d.push("Password change request ID\n\nOr   its alias:\nthe id");
        d.push_example(Some(&serde_json::json!("abc")));
        assert_eq!(
            d.inline(),
            "Password change request ID. Or its alias: the id. Example: `abc`"
        );
    }

    #[test]
    fn unterminated_fence_is_closed() {
        let mut d = Docs::new();
        d.push("```\nabc");
        assert!(d.lines().join("\n").ends_with("```"));
    }
}
