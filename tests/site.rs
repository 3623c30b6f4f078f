//! The site settings (`content/site.toml`): every field's error names the field, the WCAG contrast rule
//! with known examples and as properties, the theme colours held to public/styles.css, and the default
//! and sample files.

use aims_readiness::site::colour::{contrast, Rgb, AA_TEXT};
use aims_readiness::site::theme::{DARK, LIGHT};
use aims_readiness::site::{self, accent_problems, check, Entry, SiteFile};
use proptest::prelude::*;

fn parse(toml_text: &str) -> SiteFile {
    toml::from_str(toml_text).expect("test TOML parses")
}

const MINIMAL: &str = r##"
accent = "#1d4e89"
title = "Readiness"
description = "A self-assessment."
index = "app"
"##;

fn no_logo(_: &str) -> Result<Vec<u8>, String> {
    panic!("no logo was asked for")
}

/// The fields named by the errors of `toml_text` (a minimal file with `extra` appended or replacing).
fn error_fields(toml_text: &str, logo: Option<&[u8]>) -> Vec<String> {
    let file = parse(toml_text);
    let result = check(&file, |_| {
        logo.map(<[u8]>::to_vec)
            .ok_or_else(|| "No such file or directory".to_owned())
    });
    match result {
        Ok(_) => Vec::new(),
        Err(errors) => errors.into_iter().map(|e| e.field).collect(),
    }
}

/// The minimal file with the keys of `lines` set to theirs (added or replaced).
fn with(lines: &str) -> String {
    let key = |l: &str| l.split('=').next().unwrap_or_default().trim().to_owned();
    let keys: Vec<String> = lines.lines().map(key).collect();
    let mut out: Vec<&str> = lines.lines().collect();
    out.extend(MINIMAL.lines().filter(|l| !keys.contains(&key(l))));
    out.join("\n")
}

#[test]
fn the_default_file_is_todays_neutral_site() {
    let text = std::fs::read_to_string("content/site.toml").expect("content/site.toml");
    let site = check(&parse(&text), no_logo).expect("the default site.toml passes");
    assert_eq!(site.name, None);
    assert_eq!(site.logo, None);
    assert_eq!(site.call_to_action, None);
    assert!(site.footer.is_empty());
    assert_eq!(site.accent, "#1d4e89");
    assert_eq!(site.title, "ISO/IEC 42001 readiness self-assessment");
    assert_eq!(site.index, Entry::App);
    assert_eq!(
        (site.app_href(), site.quiz_href()),
        ("index.html", "quiz.html")
    );
    // What this build embedded is the default file (the tests are built without SITE).
    if std::env::var_os("SITE").is_none() {
        assert_eq!(site::site(), &site);
    }
}

#[test]
fn the_sample_file_changes_name_colour_logo_and_call_to_action() {
    let dir = std::path::Path::new("tests/data/site/sample");
    let text = std::fs::read_to_string(dir.join("site.toml")).expect("sample site.toml");
    let site = check(&parse(&text), |logo| {
        std::fs::read(dir.join(logo)).map_err(|e| e.to_string())
    })
    .expect("the sample passes");
    assert!(site.name.is_some());
    assert_eq!(site.logo.as_deref(), Some("site-logo.svg"));
    assert_ne!(site.accent, "#1d4e89");
    assert!(site.call_to_action.is_some());
    assert_eq!(site.footer.len(), 2);
}

#[test]
fn wcag_examples() {
    // The default accent with white text, and as link text on the light page.
    assert!(accent_problems(Rgb(0x1d, 0x4e, 0x89), &LIGHT).is_empty());
    assert!(accent_problems(LIGHT.accent, &LIGHT).is_empty());
    assert!(accent_problems(DARK.accent, &DARK).is_empty());
    // Yellow: 1.07:1 with white text.
    let yellow = accent_problems(Rgb(0xff, 0xff, 0x00), &LIGHT);
    assert!(
        yellow[0].contains("#ffff00 gives 1.07:1 contrast with the text on it (#ffffff"),
        "{yellow:?}"
    );
    assert!(yellow[0].ends_with("in the light theme; needs 4.5:1"));
    // A dark accent in the dark theme: too dark for links on the dark page.
    let dark = accent_problems(Rgb(0x1d, 0x4e, 0x89), &DARK);
    assert!(
        dark.iter().any(|p| p.contains("in the dark theme")),
        "{dark:?}"
    );
    // #767676 is the lightest grey with 4.5:1 on white; #777777 is not.
    assert!(contrast(Rgb(0x76, 0x76, 0x76), Rgb(255, 255, 255)) >= AA_TEXT);
    assert!(contrast(Rgb(0x77, 0x77, 0x77), Rgb(255, 255, 255)) < AA_TEXT);
}

#[test]
fn a_refused_accent_fails_the_check_with_the_field_and_theme() {
    let file = parse(&with(r##"accent = "#ffff00""##));
    let errors = check(&file, no_logo).expect_err("yellow is refused");
    let text = site::errors_text("content/site.toml", &errors);
    assert!(
        text.starts_with("content/site.toml: accent: #ffff00 gives 1.07:1 contrast"),
        "{text}"
    );
    let file = parse(&with(r##"accent_dark = "#1d4e89""##));
    let errors = check(&file, no_logo).expect_err("a dark accent is refused in the dark theme");
    assert!(errors
        .iter()
        .all(|e| e.field == "accent_dark" && e.message.contains("dark theme")));
}

/// A file's change, the logo's bytes if it asks for one, and the fields its errors must name.
type Case<'a> = (&'a str, Option<&'a [u8]>, &'a [&'a str]);

#[test]
fn every_field_names_itself() {
    let svg: &[u8] = b"<svg xmlns='http://www.w3.org/2000/svg'/>";
    let cases: &[Case] = &[
        (r#"name = "   ""#, None, &["name"]),
        (r#"name = "Line\nbreak""#, None, &["name"]),
        (r#"logo = "logo.gif""#, None, &["logo"]),
        (r#"logo = "/etc/logo.svg""#, None, &["logo"]),
        // A logo that cannot be read, and one without a name beside it.
        ("name = \"X\"\nlogo = \"missing.svg\"", None, &["logo"]),
        (r#"logo = "logo.svg""#, Some(svg), &["logo"]),
        ("name = \"X\"\nlogo = \"logo.svg\"", Some(b"<svg><script>alert(1)</script></svg>"), &["logo"]),
        ("name = \"X\"\nlogo = \"logo.png\"", Some(b"GIF89a"), &["logo"]),
        (r#"accent = "blue""#, None, &["accent"]),
        (r##"accent = "#fff""##, None, &["accent"]),
        (r##"accent_dark = "#000000""##, None, &["accent_dark", "accent_dark", "accent_dark"]),
        (r#"title = """#, None, &["title"]),
        (r#"description = """#, None, &["description"]),
        (
            "[call_to_action]\ntext = \"\"\nurl = \"http://example.org\"",
            None,
            &["call_to_action.text", "call_to_action.url"],
        ),
        (
            "[[footer]]\ntext = \"Imprint\"\nurl = \"imprint.html\"\n[[footer]]\ntext = \"Privacy\"\nurl = \"javascript:alert(1)\"",
            None,
            &["footer[1].url"],
        ),
        (r#"index = "home""#, None, &["index"]),
    ];
    for (line, logo, fields) in cases {
        // Tables must come after the top-level keys.
        let text = if line.starts_with('[') {
            format!("{MINIMAL}\n{line}")
        } else {
            with(line)
        };
        assert_eq!(&error_fields(&text, *logo), fields, "{line}");
    }
    let seven = (0..7)
        .map(|i| format!("[[footer]]\ntext = \"L{i}\"\nurl = \"l{i}.html\""))
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(
        error_fields(&format!("{MINIMAL}\n{seven}"), None),
        ["footer"]
    );
    let big = vec![b' '; site::MAX_LOGO_BYTES + 1];
    let mut svg_big = b"<svg>".to_vec();
    svg_big.extend(big);
    assert_eq!(
        error_fields(&with("name = \"X\"\nlogo = \"logo.svg\""), Some(&svg_big)),
        ["logo"]
    );
}

#[test]
fn unknown_fields_are_refused_by_name() {
    let error = toml::from_str::<SiteFile>(&format!("{MINIMAL}\ncolour = \"#000000\""))
        .expect_err("unknown field");
    assert!(error.to_string().contains("colour"), "{error}");
}

#[test]
fn a_good_file_gives_every_field() {
    let text = format!(
        "{}\n[call_to_action]\ntext = \"Talk to us\"\nurl = \"https://example.org/contact\"\n[[footer]]\ntext = \"Imprint\"\nurl = \"https://example.org/imprint\"",
        with("name = \"Example Consulting\"\nlogo = \"logo.png\"\nindex = \"quiz\"")
    );
    let site = check(&parse(&text), |path| {
        assert_eq!(path, "logo.png");
        Ok(b"\x89PNG\r\n\x1a\n....".to_vec())
    })
    .expect("passes");
    assert_eq!(site.name.as_deref(), Some("Example Consulting"));
    assert_eq!(site.logo.as_deref(), Some("site-logo.png"));
    assert_eq!(
        (site.app_href(), site.quiz_href()),
        ("app.html", "index.html")
    );
    assert_eq!(
        site.call_to_action_note().as_deref(),
        Some(
            "Opens example.org. The link carries none of your answers; they stay in this browser."
        )
    );
}

/// The `--name: #rrggbb` custom properties of the first block of `css` that starts at `selector`.
fn custom_properties(css: &str, selector: &str) -> Vec<(String, String)> {
    let start = css.find(selector).expect("selector in styles.css");
    let block = &css[start + selector.len()..];
    let block = &block[..block.find('}').expect("block ends")];
    block
        .split(';')
        .filter_map(|decl| {
            let (name, value) = decl.split_once(':')?;
            let name = name.trim().rsplit(['{', ' ', '\n']).next()?.to_owned();
            name.starts_with("--")
                .then(|| (name, value.trim().to_owned()))
        })
        .collect()
}

#[test]
fn the_theme_colours_are_the_stylesheets() {
    let css = std::fs::read_to_string("public/styles.css").expect("styles.css");
    let light = custom_properties(&css, ":root {");
    let dark_at = css
        .find("@media (prefers-color-scheme: dark)")
        .expect("dark theme");
    let dark = custom_properties(&css[dark_at..], ":root {");
    for (theme, props) in [(LIGHT, light), (DARK, dark)] {
        let get = |name: &str| {
            let value = props
                .iter()
                .find(|(n, _)| n == name)
                .unwrap_or_else(|| panic!("{name} in the {} theme", theme.name));
            Rgb::parse(&value.1).unwrap_or_else(|| panic!("{name} is #rrggbb"))
        };
        assert_eq!(get("--bg"), theme.background, "{}", theme.name);
        assert_eq!(get("--surface"), theme.surface, "{}", theme.name);
        assert_eq!(get("--accent-text"), theme.accent_text, "{}", theme.name);
        assert_eq!(get("--accent"), theme.accent, "{}", theme.name);
    }
}

fn any_rgb() -> impl Strategy<Value = Rgb> {
    (any::<u8>(), any::<u8>(), any::<u8>()).prop_map(|(r, g, b)| Rgb(r, g, b))
}

proptest! {
    #[test]
    fn contrast_is_symmetric_and_between_1_and_21(a in any_rgb(), b in any_rgb()) {
        let ab = contrast(a, b);
        prop_assert_eq!(ab, contrast(b, a));
        prop_assert!((1.0..=21.0).contains(&ab));
        prop_assert_eq!(contrast(a, a), 1.0);
    }

    #[test]
    fn hex_parses_back(a in any_rgb()) {
        prop_assert_eq!(Rgb::parse(&a.hex()), Some(a));
        prop_assert_eq!(Rgb::parse(&a.hex().to_uppercase()), Some(a));
    }

    /// An accent is accepted exactly when every pair the stylesheet makes with it reaches 4.5:1, and each
    /// refusal names the field.
    #[test]
    fn an_accent_passes_iff_every_pair_reaches_aa(a in any_rgb()) {
        let light = with(&format!("accent = \"{}\"", a.hex()));
        let file = parse(&light);
        let good = LIGHT.pairs().iter().all(|(_, other)| contrast(a, *other) >= AA_TEXT);
        match check(&file, no_logo) {
            Ok(site) => { prop_assert!(good); prop_assert_eq!(site.accent, a.hex()); }
            Err(errors) => {
                prop_assert!(!good);
                prop_assert!(errors.iter().all(|e| e.field == "accent" && e.message.contains("light theme")));
            }
        }
    }

    /// No colour can be the accent of both themes: what white text needs is darker than what dark text
    /// and links on the dark page need. So the dark theme has its own accent (`accent_dark`).
    #[test]
    fn no_accent_fits_both_themes(a in any_rgb()) {
        prop_assert!(!accent_problems(a, &LIGHT).is_empty() || !accent_problems(a, &DARK).is_empty());
    }
}
