//! Doc comment text taken from the spec and made safe for rustdoc: spec
//! descriptions are Markdown written for a web page, and an untagged code
//! fence or an indented block would otherwise become a failing doctest.

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
/// outside fences, so nothing in a description is compiled as a doctest.
fn sanitize_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_fence = false;
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
            out.push_str(trimmed);
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
    fn unterminated_fence_is_closed() {
        let mut d = Docs::new();
        d.push("```\nabc");
        assert!(d.lines().join("\n").ends_with("```"));
    }
}
