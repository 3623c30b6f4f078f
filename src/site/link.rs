//! The links a site adds (its call to action, its footer): which addresses are allowed, and the sentence
//! beside the call to action that says what following it does and does not carry.

use serde::{Deserialize, Serialize};

/// A link's text and address, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub text: String,
    pub url: String,
}

/// What kind of address a link may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allowed {
    /// `https:`, `mailto:` and `tel:` only: the call to action always leaves the app.
    External,
    /// Those, or a path on this site (`imprint.html`, `/legal/privacy`), as footer links may be.
    ExternalOrLocal,
}

/// Characters that never belong in an address written in `site.toml`: they would need escaping in HTML
/// or are not URL characters at all.
fn is_url_char(c: char) -> bool {
    c.is_ascii_graphic() && !matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}')
}

/// The host name of an `https://` address, lower case, without port or user; `None` if it has none that
/// looks like a public host name (ASCII letters, digits, hyphens, at least one dot).
pub fn https_host(url: &str) -> Option<String> {
    let rest = url
        .get(..8)
        .filter(|s| s.eq_ignore_ascii_case("https://"))?;
    let rest = &url[rest.len()..];
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return None;
    }
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => host,
        Some(_) => return None,
        None => authority,
    };
    let labels: Vec<&str> = host.split('.').collect();
    let good_label = |l: &&str| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    (labels.len() >= 2 && labels.iter().all(good_label)).then(|| host.to_ascii_lowercase())
}

/// Why `url` is not an allowed address, or `None` when it is.
pub fn url_problem(url: &str, allowed: Allowed) -> Option<String> {
    if url.is_empty() {
        return Some("is empty".into());
    }
    if let Some(bad) = url.chars().find(|&c| !is_url_char(c)) {
        return Some(format!(
            "contains {bad:?}, which an address cannot hold unencoded"
        ));
    }
    let lower = url.to_ascii_lowercase();
    let external = "https://, mailto: or tel:";
    if lower.starts_with("https://") {
        return https_host(url).is_none().then(|| {
            "needs a host name after https:// (like https://example.org/contact), without a user name"
                .to_owned()
        });
    }
    if let Some(address) = lower.strip_prefix("mailto:") {
        let address = address.split('?').next().unwrap_or_default();
        return match address.split_once('@') {
            Some((user, domain)) if !user.is_empty() && domain.contains('.') => None,
            _ => {
                Some("needs an email address after mailto: (like mailto:hello@example.org)".into())
            }
        };
    }
    if let Some(number) = lower.strip_prefix("tel:") {
        let digits = number.bytes().filter(u8::is_ascii_digit).count();
        let only_phone = number
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'(' | b')'));
        return (!only_phone || digits < 3)
            .then(|| "needs a phone number after tel: (like tel:+4930123456)".to_owned());
    }
    let has_scheme = lower
        .split_once(':')
        .is_some_and(|(scheme, _)| !scheme.contains(['/', '?', '#']));
    match allowed {
        Allowed::External => Some(format!("must start with {external}")),
        Allowed::ExternalOrLocal if has_scheme || lower.starts_with("//") => Some(format!(
            "must start with {external}, or be a path on this site (like imprint.html)"
        )),
        Allowed::ExternalOrLocal => None,
    }
}

/// The sentence shown beside the call to action: where the link goes, and that it takes no answers along.
pub fn call_to_action_note(url: &str) -> String {
    let stays = "The link carries none of your answers; they stay in this browser.";
    let lower = url.to_ascii_lowercase();
    if let Some(host) = https_host(url) {
        format!("Opens {host}. {stays}")
    } else if lower.starts_with("mailto:") {
        let address = url[7..].split('?').next().unwrap_or_default();
        format!("Opens your email app to write to {address}. {stays}")
    } else if lower.starts_with("tel:") {
        format!("Calls {}. {stays}", &url[4..])
    } else {
        stays.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(
            https_host("https://Example.org:8443/a?b#c").as_deref(),
            Some("example.org")
        );
        assert_eq!(
            https_host("https://example.org").as_deref(),
            Some("example.org")
        );
        assert_eq!(https_host("https://user@example.org/"), None);
        assert_eq!(https_host("https://localhost/"), None);
        assert_eq!(https_host("https://exa_mple.org/"), None);
        assert_eq!(https_host("http://example.org/"), None);
    }

    #[test]
    fn call_to_action_addresses() {
        for good in [
            "https://example.org/contact",
            "mailto:hello@example.org",
            "tel:+49 30",
        ] {
            let good = good.replace(' ', "");
            assert_eq!(url_problem(&good, Allowed::External), None, "{good}");
        }
        for bad in [
            "http://example.org",
            "javascript:alert(1)",
            "imprint.html",
            "//example.org",
            "mailto:nobody",
            "tel:call-me",
            "https://exa mple.org",
            "https://example.org/\"onclick",
            "data:text/html,hi",
        ] {
            assert!(url_problem(bad, Allowed::External).is_some(), "{bad}");
        }
    }

    #[test]
    fn footer_links_may_be_local() {
        assert_eq!(url_problem("imprint.html", Allowed::ExternalOrLocal), None);
        assert_eq!(
            url_problem("/legal/privacy#data", Allowed::ExternalOrLocal),
            None
        );
        for bad in [
            "javascript:alert(1)",
            "JavaScript:x",
            "//evil.example",
            "ftp://x.org",
            "vbscript:x",
        ] {
            assert!(
                url_problem(bad, Allowed::ExternalOrLocal).is_some(),
                "{bad}"
            );
        }
    }

    #[test]
    fn the_note_names_where_the_link_goes() {
        assert_eq!(
            call_to_action_note("https://www.Example.org/contact?x=1"),
            "Opens www.example.org. The link carries none of your answers; they stay in this browser."
        );
        assert!(
            call_to_action_note("mailto:hello@example.org").contains("write to hello@example.org")
        );
        assert!(call_to_action_note("tel:+4930123").starts_with("Calls +4930123."));
    }
}
