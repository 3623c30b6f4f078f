//! Hash routes, so the static site works from any path: `#/`, `#/profile`, `#/assess/<section>`,
//! `#/results`, `#/soa`, `#/policy`, `#/documents`, `#/roadmap`, `#/assessments`, `#/compare/<id>/<id>`,
//! `#/look`, and share links `#share=…`.

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Start,
    Profile,
    /// The questionnaire at a section ("6", "A.6"); `None` means the first section in scope.
    Assess(Option<String>),
    Results,
    /// The Statement of Applicability.
    Soa,
    Policy,
    /// The register of required documented information.
    Documents,
    /// The road to certification: stage 1 and stage 2 readiness.
    Roadmap,
    /// The assessments kept in this browser.
    Assessments,
    /// Two assessments compared, by library ID: the earlier first.
    Compare(String, String),
    /// An imported file or share link shown read-only, kept nowhere.
    Look,
    /// A share link; the payload is everything after `#`.
    Share(String),
    /// Anything else, kept so the page can say what was not found.
    NotFound(String),
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        if crate::share::is_link(hash) {
            return Route::Share(hash.to_owned());
        }
        let path = hash.strip_prefix('/').unwrap_or(hash);
        let path = path
            .split(['?', '#'])
            .next()
            .unwrap_or_default()
            .trim_end_matches('/');
        match path.split_once('/') {
            None => match path {
                "" => Route::Start,
                "profile" => Route::Profile,
                "assess" => Route::Assess(None),
                "results" => Route::Results,
                "soa" => Route::Soa,
                "policy" => Route::Policy,
                "documents" => Route::Documents,
                "roadmap" => Route::Roadmap,
                "assessments" => Route::Assessments,
                "look" => Route::Look,
                other => Route::NotFound(other.to_owned()),
            },
            Some(("assess", section)) if !section.is_empty() && !section.contains('/') => {
                Route::Assess(Some(section.to_owned()))
            }
            Some(("compare", pair)) => match pair.split_once('/') {
                Some((a, b)) if crate::library::is_id(a) && crate::library::is_id(b) => {
                    Route::Compare(a.to_owned(), b.to_owned())
                }
                _ => Route::NotFound(path.to_owned()),
            },
            Some(_) => Route::NotFound(path.to_owned()),
        }
    }

    /// The `href` of this route.
    pub fn href(&self) -> String {
        match self {
            Route::Start => "#/".into(),
            Route::Profile => "#/profile".into(),
            Route::Assess(None) => "#/assess".into(),
            Route::Assess(Some(section)) => format!("#/assess/{section}"),
            Route::Results => "#/results".into(),
            Route::Soa => "#/soa".into(),
            Route::Policy => "#/policy".into(),
            Route::Documents => "#/documents".into(),
            Route::Roadmap => "#/roadmap".into(),
            Route::Assessments => "#/assessments".into(),
            Route::Compare(a, b) => format!("#/compare/{a}/{b}"),
            Route::Look => "#/look".into(),
            Route::Share(payload) => format!("#{payload}"),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn parses_every_page_and_round_trips() {
        for route in [
            Route::Start,
            Route::Profile,
            Route::Assess(None),
            Route::Assess(Some("A.6".into())),
            Route::Assess(Some("6".into())),
            Route::Results,
            Route::Soa,
            Route::Policy,
            Route::Documents,
            Route::Roadmap,
            Route::Assessments,
            Route::Look,
            Route::Compare("abc123".into(), "x9".into()),
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }

    #[test]
    fn tolerates_missing_hash_slashes_and_trailing_slash() {
        assert_eq!(Route::parse(""), Route::Start);
        assert_eq!(Route::parse("#"), Route::Start);
        assert_eq!(Route::parse("#/"), Route::Start);
        assert_eq!(Route::parse("#results"), Route::Results);
        assert_eq!(
            Route::parse("#/assess/A.10/"),
            Route::Assess(Some("A.10".into()))
        );
    }

    #[test]
    fn share_links_and_unknown_paths() {
        assert_eq!(Route::parse("#share=abc"), Route::Share("share=abc".into()));
        assert_eq!(Route::parse("#/nope"), Route::NotFound("nope".into()));
        assert_eq!(
            Route::parse("#/compare/a/B"),
            Route::NotFound("compare/a/B".into())
        );
        assert_eq!(
            Route::parse("#/compare/a"),
            Route::NotFound("compare/a".into())
        );
        assert_eq!(
            Route::parse("#/assess/6/extra"),
            Route::NotFound("assess/6/extra".into())
        );
    }
}
