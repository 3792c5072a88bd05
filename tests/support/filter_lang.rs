//! A parser of ISC's filter language, as a server reads the `filters`
//! query parameter: for tests that check a filter reaches the server as
//! the expression it was built as (one comparison with the exact value,
//! never a changed expression). Written from SailPoint's description of
//! the language (standard collection parameters): comparisons
//! `field op value`, `in`/`ca` lists, `pr field`, `field isnull`, and
//! `not` > `and` > `or` with parentheses. Strings are double-quoted with
//! `\\` and `\"` the only escapes.

/// A parsed filter.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// `field op value`.
    Compare {
        field: String,
        op: String,
        value: Value,
    },
    /// `field in (a, b)` or `field ca (a, b)`.
    List {
        field: String,
        op: String,
        values: Vec<Value>,
    },
    /// `pr field`.
    Present(String),
    /// `field isnull`.
    IsNull(String),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
}

/// A literal: a quoted string, unescaped, or a bare word (a number, a
/// boolean, a date-time).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Str(String),
    Bare(String),
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Open,
    Close,
    Comma,
    Str(String),
    Word(String),
}

fn tokens(text: &str) -> Result<Vec<Token>, String> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '(' | ')' | ',' => {
                chars.next();
                out.push(match c {
                    '(' => Token::Open,
                    ')' => Token::Close,
                    _ => Token::Comma,
                });
            }
            '"' => {
                chars.next();
                let mut s = String::new();
                loop {
                    match chars.next() {
                        None => return Err(format!("unterminated string in {text:?}")),
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(e @ ('"' | '\\')) => s.push(e),
                            other => return Err(format!("bad escape \\{other:?} in {text:?}")),
                        },
                        Some(c) => s.push(c),
                    }
                }
                out.push(Token::Str(s));
            }
            _ => {
                let mut w = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_whitespace() || matches!(c, '(' | ')' | ',' | '"') {
                        break;
                    }
                    w.push(c);
                    chars.next();
                }
                out.push(Token::Word(w));
            }
        }
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

const COMPARISONS: &[&str] = &["eq", "ne", "co", "sw", "gt", "ge", "lt", "le"];

impl Parser {
    fn peek_word(&self, word: &str) -> bool {
        matches!(self.tokens.get(self.at), Some(Token::Word(w)) if w == word)
    }

    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.at).cloned();
        self.at += 1;
        t
    }

    fn or(&mut self) -> Result<Expr, String> {
        let mut left = self.and()?;
        while self.peek_word("or") {
            self.at += 1;
            left = Expr::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, String> {
        let mut left = self.unary()?;
        while self.peek_word("and") {
            self.at += 1;
            left = Expr::And(Box::new(left), Box::new(self.unary()?));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, String> {
        if self.peek_word("not") {
            self.at += 1;
            return Ok(Expr::Not(Box::new(self.unary()?)));
        }
        self.primary()
    }

    fn field(&mut self) -> Result<String, String> {
        match self.next() {
            Some(Token::Word(w)) if w.chars().all(|c| c.is_alphanumeric() || "._".contains(c)) => {
                Ok(w)
            }
            other => Err(format!("expected a field, got {other:?}")),
        }
    }

    fn value(&mut self) -> Result<Value, String> {
        match self.next() {
            Some(Token::Str(s)) => Ok(Value::Str(s)),
            Some(Token::Word(w)) => Ok(Value::Bare(w)),
            other => Err(format!("expected a value, got {other:?}")),
        }
    }

    fn primary(&mut self) -> Result<Expr, String> {
        if self.tokens.get(self.at) == Some(&Token::Open) {
            self.at += 1;
            let e = self.or()?;
            return match self.next() {
                Some(Token::Close) => Ok(e),
                other => Err(format!("expected `)`, got {other:?}")),
            };
        }
        if self.peek_word("pr") {
            self.at += 1;
            return Ok(Expr::Present(self.field()?));
        }
        let field = self.field()?;
        match self.next() {
            Some(Token::Word(op)) if op == "isnull" => Ok(Expr::IsNull(field)),
            Some(Token::Word(op)) if COMPARISONS.contains(&op.as_str()) => Ok(Expr::Compare {
                field,
                op,
                value: self.value()?,
            }),
            Some(Token::Word(op)) if op == "in" || op == "ca" => {
                if self.next() != Some(Token::Open) {
                    return Err("expected `(` after a list operator".into());
                }
                let mut values = vec![self.value()?];
                loop {
                    match self.next() {
                        Some(Token::Comma) => values.push(self.value()?),
                        Some(Token::Close) => break,
                        other => return Err(format!("expected `,` or `)`, got {other:?}")),
                    }
                }
                Ok(Expr::List { field, op, values })
            }
            other => Err(format!("expected an operator, got {other:?}")),
        }
    }
}

/// Parses `text` as a whole filter expression.
pub fn parse(text: &str) -> Result<Expr, String> {
    let mut p = Parser {
        tokens: tokens(text)?,
        at: 0,
    };
    let e = p.or()?;
    match p.tokens.get(p.at) {
        None => Ok(e),
        Some(t) => Err(format!("trailing {t:?} in {text:?}")),
    }
}
