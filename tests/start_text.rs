//! `content/start.toml`, the start page's, the frame's and the quiz's wording that the app and the static first paint
//! (scripts/site_pages.py) share: every navigation entry is a page of the app, the question counts have
//! their placeholders, no text is empty.

use aims_readiness::assessment::Mode;
use aims_readiness::catalogue::catalogue;
use aims_readiness::route::Route;
use aims_readiness::score;

#[test]
fn every_navigation_entry_is_a_page_of_the_app() {
    let nav = &catalogue().start.frame.nav;
    assert_eq!(
        nav.first().map(|n| n.href.as_str()),
        Some("#/"),
        "Start comes first"
    );
    for entry in nav {
        assert!(
            !matches!(
                Route::parse(&entry.href),
                Route::NotFound(_) | Route::Share(_)
            ),
            "{} is not a page",
            entry.href
        );
        assert_eq!(
            Route::parse(&entry.href).href(),
            entry.href,
            "written as the app writes it"
        );
        assert!(!entry.label.trim().is_empty());
    }
}

#[test]
fn the_counts_are_filled_in() {
    let cat = catalogue();
    let text = &cat.start.start;
    let quick = score::in_scope(cat, Mode::Quick).count();
    let full = score::in_scope(cat, Mode::Full).count();
    let minutes = aims_readiness::quiz::minutes(cat);
    assert!(text
        .quick_text(quick, minutes)
        .starts_with(&format!("{quick} key questions")));
    assert!(text
        .full_text(full)
        .starts_with(&format!("All {full} requirements")));
    for t in [&text.quick_text(quick, minutes), &text.full_text(full)] {
        assert!(!t.contains('{'), "{t}");
    }
    for t in [
        &text.title,
        &text.lead,
        &text.privacy_lead,
        &text.privacy,
        &text.choose,
        &text.switch,
        &text.quick_button,
        &text.full_button,
        &text.about,
        &cat.start.frame.footer,
        &cat.start.import.title,
    ] {
        assert!(!t.trim().is_empty());
    }
}

#[test]
fn the_quiz_first_screen_is_complete_and_its_buttons_start_with_start() {
    let text = &catalogue().start.quiz;
    for t in [
        &text.brand,
        &text.title,
        &text.lead,
        &text.privacy_lead,
        &text.privacy,
        &text.start_button,
        &text.resume_button,
        &text.restart_button,
    ] {
        assert!(!t.trim().is_empty());
    }
    // Automation finds the first screen's control by a name that starts "Start" (issue 14).
    let resume = text.resume_button(3, 22);
    for t in [&text.start_button, &resume, &text.restart_button] {
        assert!(t.starts_with("Start"), "{t}");
    }
    assert!(resume.contains("3 of 22"), "{resume}");
    assert!(!resume.contains('{'), "{resume}");
    assert!(text.privacy.contains("nothing is sent anywhere"));
}
