//! Path templates as the mock server routes them: which operation a
//! request is for, which two operations it could not tell apart, and which
//! operation is closest to a request none routes.

use http::Method;
use percent_encoding::percent_decode_str;

/// One segment of a path template.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Literal(String),
    /// A `{name}` segment.
    Param(&'static str),
}

/// An operation's method and full path template (`/v2024/accounts/{id}`).
#[derive(Debug, Clone)]
pub(super) struct Route {
    pub(super) method: Method,
    /// The template as written, for messages.
    pub(super) template: String,
    segments: Vec<Segment>,
}

impl Route {
    pub(super) fn new(method: Method, base_path: &'static str, path: &'static str) -> Route {
        let segments = split(base_path)
            .chain(split(path))
            .map(|s| match param_name(s) {
                Some(name) => Segment::Param(name),
                None => Segment::Literal(s.to_owned()),
            })
            .collect();
        Route {
            method,
            template: format!("{base_path}{path}"),
            segments,
        }
    }

    /// The path parameters of `path` when this route takes it, with their
    /// values percent-decoded; `None` when it does not.
    pub(super) fn capture(
        &self,
        method: &Method,
        path: &str,
    ) -> Option<Vec<(&'static str, String)>> {
        if *method != self.method {
            return None;
        }
        let parts: Vec<&str> = split(path).collect();
        if parts.len() != self.segments.len() {
            return None;
        }
        let mut params = Vec::new();
        for (seg, part) in self.segments.iter().zip(&parts) {
            let decoded = percent_decode_str(part).decode_utf8_lossy();
            match seg {
                Segment::Literal(l) if *l == decoded => {}
                Segment::Literal(_) => return None,
                Segment::Param(name) => params.push((*name, decoded.into_owned())),
            }
        }
        Some(params)
    }

    /// Whether a request could be for both routes with neither preferred:
    /// same method and the same shape, segment by segment (literal for
    /// literal, parameter for parameter). A literal where the other has a
    /// parameter is preferred (see [`specificity`](Self::specificity)), so
    /// `/accounts/me` and `/accounts/{id}` do not collide.
    pub(super) fn collides_with(&self, other: &Route) -> bool {
        self.method == other.method
            && self.segments.len() == other.segments.len()
            && self
                .segments
                .iter()
                .zip(&other.segments)
                .all(|pair| match pair {
                    (Segment::Literal(a), Segment::Literal(b)) => a == b,
                    (Segment::Param(_), Segment::Param(_)) => true,
                    _ => false,
                })
    }

    /// Orders routes taking the same request: a literal beats a parameter
    /// at the first segment where they differ.
    pub(super) fn specificity(&self) -> Vec<bool> {
        self.segments
            .iter()
            .map(|s| matches!(s, Segment::Literal(_)))
            .collect()
    }

    /// How near `path` is to this route, for naming the closest operation
    /// to a request none takes: leading segments that fit, then the method.
    pub(super) fn nearness(&self, method: &Method, path: &str) -> (usize, bool, bool) {
        let parts: Vec<&str> = split(path).collect();
        let fitting = self
            .segments
            .iter()
            .zip(&parts)
            .take_while(|(seg, part)| match seg {
                Segment::Literal(l) => l == *part,
                Segment::Param(_) => true,
            })
            .count();
        (
            fitting,
            parts.len() == self.segments.len(),
            *method == self.method,
        )
    }
}

fn split(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|s| !s.is_empty())
}

fn param_name(segment: &'static str) -> Option<&'static str> {
    segment.strip_prefix('{')?.strip_suffix('}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_decoded_parameters_and_refuses_other_shapes() {
        let r = Route::new(
            Method::GET,
            "/v2024",
            "/sources/{sourceId}/schemas/{schemaId}",
        );
        assert_eq!(
            r.capture(&Method::GET, "/v2024/sources/a%20b/schemas/s1"),
            Some(vec![
                ("sourceId", "a b".to_owned()),
                ("schemaId", "s1".to_owned())
            ])
        );
        assert_eq!(
            r.capture(&Method::POST, "/v2024/sources/a/schemas/s1"),
            None
        );
        assert_eq!(r.capture(&Method::GET, "/v2024/sources/a/schemas"), None);
        assert_eq!(r.capture(&Method::GET, "/beta/sources/a/schemas/s1"), None);
    }

    #[test]
    fn same_shapes_collide_and_a_literal_does_not_collide_with_a_parameter() {
        let by_id = Route::new(Method::GET, "/v2024", "/accounts/{id}");
        let by_other_name = Route::new(Method::GET, "/v2024", "/accounts/{accountId}");
        let me = Route::new(Method::GET, "/v2024", "/accounts/me");
        let put = Route::new(Method::PUT, "/v2024", "/accounts/{id}");
        assert!(by_id.collides_with(&by_other_name));
        assert!(!by_id.collides_with(&me));
        assert!(!by_id.collides_with(&put));
        assert!(me.specificity() > by_id.specificity());
    }
}
