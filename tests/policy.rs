//! The AI policy drafter: snapshots of realistic drafts, and the promises every draft keeps (no unfilled
//! placeholders, no empty headings, no markup from user input, every clause 5.2 and A.2.2–A.2.4 point,
//! honest gap notes, sensible defaults).
//!
//! Snapshots live in `tests/snapshots/policy_*.md`. After a deliberate change to the templates or the
//! drafter, regenerate them with `UPDATE_SNAPSHOTS=1 cargo test --test policy` and read the diff.

use std::fs;
use std::path::PathBuf;

use aims_readiness::assessment::{
    Assessment, Level, Mode, OrgSize, PolicyInputs, RiskAppetite, Role,
};
use aims_readiness::catalogue::{catalogue, embedded_bundle, word_count, Catalogue};
use aims_readiness::markdown::{escape, to_html};
use aims_readiness::policy::{
    self, check_template, check_templates, current_markdown, draft, file_stem, html,
    RELATED_POLICY_SUGGESTIONS, TEMPLATES,
};

const NOW: &str = "2025-05-01T09:00:00Z";

fn level(cat: &Catalogue, a: &mut Assessment, id: &str, value: u8) {
    let l = Level::new(value).expect("level 0-5");
    a.set_level(cat, id, l).expect("known item");
}

fn levels(cat: &Catalogue, a: &mut Assessment, answers: &[(&str, u8)]) {
    for &(id, value) in answers {
        level(cat, a, id, value);
    }
}

/// A medical-imaging software company that builds and sells its own models.
fn provider() -> Assessment {
    let cat = catalogue();
    let mut a = Assessment::new(Mode::Full, NOW);
    a.profile.name = "Northwind Diagnostics GmbH".into();
    a.profile.roles = vec![Role::AiProvider, Role::AiProducer];
    a.profile.sector = "Medical imaging software".into();
    a.profile.size = Some(OrgSize::Medium);
    a.profile.systems_in_scope =
        "Chest X-ray triage model\nRadiology report drafting assistant\n".into();
    a.policy.inputs = PolicyInputs {
        scope: "This policy applies to the design, training, release and post-market monitoring of \
                every AI model in the Northwind imaging platform, and to all staff and contractors who \
                work on it."
            .into(),
        principles: ["C.2.1", "C.2.3", "C.2.5", "C.2.8", "C.2.9", "C.2.11"]
            .map(String::from)
            .to_vec(),
        extra_principles: "Clinicians always make the final diagnosis.".into(),
        risk_appetite: Some(RiskAppetite::Low),
        owner_role: "Head of Quality and Regulatory Affairs".into(),
        approver: "the Management Board".into(),
        review_months: Some(12),
        version: "1.0".into(),
        effective_date: "2025-07-01".into(),
        related_policies: vec![
            "Quality policy (ISO 13485)".into(),
            "Information security policy".into(),
            "Privacy and data protection policy".into(),
        ],
        exceptions: String::new(),
    };
    levels(
        cat,
        &mut a,
        &[
            ("4.1", 3),
            ("4.3", 3),
            ("4.2", 3),
            ("5.1", 3),
            ("10.1", 2),
            ("6.2", 3),
            ("5.3", 3),
            ("A.3.2", 4),
            ("6.1.1", 3),
            ("6.1.2", 1),
            ("6.1.3", 2),
            ("8.2", 2),
            ("8.3", 3),
            ("6.1.4", 3),
            ("8.4", 3),
            ("A.5.2", 3),
            ("A.6.1.2", 3),
            ("A.6.1.3", 3),
            ("A.6.2.2", 3),
            ("A.6.2.3", 3),
            ("A.6.2.4", 2),
            ("A.6.2.7", 3),
            ("A.6.2.8", 3),
            ("A.6.2.5", 3),
            ("A.6.2.6", 3),
            ("A.7.2", 3),
            ("A.7.3", 3),
            ("A.7.4", 3),
            ("A.7.5", 1),
            ("A.7.6", 3),
            ("A.10.2", 3),
            ("A.10.3", 3),
            ("A.10.4", 3),
            ("A.8.2", 3),
            ("A.8.5", 3),
            ("A.3.3", 3),
            ("A.8.3", 3),
            ("A.8.4", 3),
            ("10.2", 3),
            ("A.2.3", 3),
            ("7.3", 3),
            ("7.4", 3),
            ("7.5.2", 3),
            ("A.2.4", 2),
            ("9.3.1", 3),
        ],
    );
    for id in ["A.9.2", "A.9.4"] {
        a.set_not_applicable(
            cat,
            id,
            "We do not use AI systems ourselves; we build them.",
        )
        .expect("Annex A control");
    }
    a
}

/// A building society that buys and deploys AI systems and whose staff use AI tools; quick scan only.
fn deployer() -> Assessment {
    let cat = catalogue();
    let mut a = Assessment::new(Mode::Quick, NOW);
    a.profile.name = "Harbour Lane Building Society".into();
    a.profile.roles = vec![Role::AiCustomer];
    a.profile.sector = "Retail banking".into();
    a.profile.size = Some(OrgSize::Large);
    a.profile.systems_in_scope =
        "Customer service chatbot (supplier: a cloud AI vendor); mortgage document checking".into();
    a.policy.inputs = PolicyInputs {
        principles: ["C.2.1", "C.2.5", "C.2.7", "C.2.11"]
            .map(String::from)
            .to_vec(),
        risk_appetite: Some(RiskAppetite::Moderate),
        owner_role: "Chief Risk Officer".into(),
        approver: "the Board".into(),
        review_months: Some(12),
        related_policies: vec![
            "Information security policy".into(),
            "Procurement and outsourcing policy".into(),
            "Consumer duty policy".into(),
            "Acceptable use policy".into(),
        ],
        ..PolicyInputs::default()
    };
    levels(
        cat,
        &mut a,
        &[
            ("4.1", 3),
            ("4.3", 2),
            ("5.2", 1),
            ("5.3", 3),
            ("6.1.2", 3),
            ("6.1.4", 0),
            ("7.2", 3),
            ("8.1", 3),
            ("9.1", 2),
            ("10.2", 3),
            ("A.2.2", 1),
            ("A.3.2", 3),
            ("A.5.2", 1),
            ("A.6.2.6", 3),
            ("A.7.4", 3),
            ("A.8.2", 2),
            ("A.9.4", 3),
            ("A.10.3", 1),
        ],
    );
    a.set_not_applicable(
        cat,
        "A.4.3",
        "We do not train models; suppliers hold the training data.",
    )
    .expect("Annex A control");
    a
}

/// A small fintech that provides a credit-scoring API and deploys a bought-in chatbot.
fn several_roles() -> Assessment {
    let cat = catalogue();
    let mut a = Assessment::new(Mode::Full, NOW);
    a.profile.name = "Acme Ltd".into();
    a.profile.roles = vec![Role::AiProvider, Role::AiCustomer];
    a.profile.sector = "Consumer lending".into();
    a.profile.size = Some(OrgSize::Small);
    a.profile.systems_in_scope = "Credit scoring API; customer support chatbot".into();
    a.target = 4;
    a.policy.inputs = PolicyInputs {
        scope: String::new(),
        principles: ["C.2.1", "C.2.5", "C.2.7", "C.2.10", "C.2.11"]
            .map(String::from)
            .to_vec(),
        extra_principles: "- Every automated credit decision can be reviewed by a person.\n\n\
                           - We explain to applicants the main reasons for a decline.\n"
            .into(),
        risk_appetite: Some(RiskAppetite::High),
        owner_role: "Chief Technology Officer".into(),
        approver: "the board of directors".into(),
        review_months: Some(6),
        version: "0.3".into(),
        effective_date: "2025-09-01".into(),
        related_policies: vec![
            "Information security policy".into(),
            "Credit risk policy".into(),
            "Complaints handling policy".into(),
        ],
        exceptions: "Requests for an exception go to the Chief Technology Officer by email, with \
                     the reason, the duration and the controls proposed. Exceptions that affect \
                     credit decisions also need the approval of the Chief Risk Officer."
            .into(),
    };
    levels(
        cat,
        &mut a,
        &[
            ("4.1", 4),
            ("4.3", 4),
            ("6.1.1", 3),
            ("6.1.2", 3),
            ("6.1.3", 4),
            ("8.2", 4),
            ("8.3", 4),
            ("5.3", 2),
            ("A.3.2", 2),
            ("A.6.1.3", 4),
            ("A.6.2.2", 4),
            ("A.6.2.3", 3),
            ("A.6.2.4", 4),
            ("A.6.2.5", 4),
            ("A.6.2.6", 4),
            ("A.4.2", 4),
            ("A.4.3", 4),
            ("A.7.2", 4),
            ("A.7.4", 4),
            ("A.10.2", 2),
            ("A.10.3", 1),
            ("A.10.4", 4),
            ("A.3.3", 4),
            ("A.8.3", 4),
            ("A.2.4", 4),
            ("9.3.1", 4),
        ],
    );
    a
}

/// Nothing entered at all.
fn empty() -> Assessment {
    Assessment::new(Mode::Full, NOW)
}

fn profiles() -> Vec<(&'static str, Assessment)> {
    vec![
        ("provider", provider()),
        ("deployer", deployer()),
        ("several_roles", several_roles()),
        ("empty", empty()),
    ]
}

fn snapshot_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("policy_{name}.md"))
}

#[test]
fn drafts_match_the_committed_snapshots() {
    let cat = catalogue();
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for (name, a) in profiles() {
        let markdown = draft(cat, &a);
        let path = snapshot_path(name);
        if update {
            fs::create_dir_all(path.parent().expect("snapshot folder")).expect("create folder");
            fs::write(&path, &markdown).expect("write snapshot");
            continue;
        }
        let committed = fs::read_to_string(&path).unwrap_or_default();
        if committed != markdown {
            let first = committed
                .lines()
                .zip(markdown.lines())
                .position(|(old, new)| old != new)
                .unwrap_or_else(|| committed.lines().count().min(markdown.lines().count()));
            stale.push(format!(
                "{} differs from the draft from line {}:\n  committed: {:?}\n  drafted:   {:?}",
                path.display(),
                first + 1,
                committed.lines().nth(first).unwrap_or("(end of file)"),
                markdown.lines().nth(first).unwrap_or("(end of file)"),
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "{}\n\nIf the change is intended, run `UPDATE_SNAPSHOTS=1 cargo test --test policy` and \
         review the diff of tests/snapshots/.",
        stale.join("\n\n")
    );
}

#[test]
fn every_template_is_valid_and_every_template_file_is_used() {
    let errors: Vec<String> = check_templates(catalogue())
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        errors.is_empty(),
        "template problems:\n{}",
        errors.join("\n")
    );
    let mut files: Vec<String> = embedded_bundle()
        .policy_templates
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    files.sort();
    let mut used: Vec<String> = TEMPLATES.iter().map(|t| t.to_string()).collect();
    used.sort();
    assert_eq!(
        files, used,
        "content/policy/ holds exactly the drafter's templates"
    );
}

#[test]
fn a_broken_template_is_reported_loudly() {
    let cat = catalogue();
    let problems = check_template(
        cat,
        policy::POLICY_TEMPLATE,
        "# {{org}}\n\n{{nope}} {{#if missing_flag}}x{{/if}}\n\n{{status 6.1.2 X.9}}\n",
    );
    let text = problems.join("\n");
    assert!(text.contains("`{{nope}}`"), "{text}");
    assert!(text.contains("missing_flag"), "{text}");
    assert!(text.contains("X.9"), "{text}");
    for (broken, expected) in [
        ("{{#if named}}never closed", "never closed"),
        ("{{/if}}", "without an `#if`"),
        ("a stray { brace", "stray brace"),
        ("{{org", "never closed"),
        ("We shall comply.", "shall"),
    ] {
        let text = check_template(cat, policy::POLICY_TEMPLATE, broken).join("\n");
        assert!(text.contains(expected), "{broken:?} gave {text:?}");
    }
    let text = check_template(cat, policy::GAP_TEMPLATE, "{{status 6.1.2}} {{org}}").join("\n");
    assert!(text.contains("only allowed in the main template"), "{text}");
    assert!(text.contains("`{{org}}`"), "{text}");
}

/// Every combination of roles, appetites and filled or empty inputs.
fn variants() -> Vec<Assessment> {
    let mut out = Vec::new();
    for mask in 0..16u8 {
        let roles: Vec<Role> = Role::ALL
            .into_iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, r)| r)
            .collect();
        for (n, appetite) in [None]
            .into_iter()
            .chain(RiskAppetite::ALL.map(Some))
            .enumerate()
        {
            for base in [empty(), several_roles(), deployer()] {
                let mut a = base;
                a.profile.roles = roles.clone();
                a.policy.inputs.risk_appetite = appetite;
                a.policy.inputs.review_months = [None, Some(0), Some(1), Some(24), Some(6)][n];
                out.push(a);
            }
        }
    }
    out
}

#[test]
fn no_draft_has_an_unfilled_placeholder_an_empty_heading_or_the_word_shall() {
    let cat = catalogue();
    for a in variants() {
        let markdown = draft(cat, &a);
        let context = format!("roles {:?}, inputs {:?}", a.profile.roles, a.policy.inputs);
        assert!(
            !markdown.contains("{{") && !markdown.contains("}}"),
            "{context}"
        );
        assert!(
            !markdown.contains('{') && !markdown.contains('}'),
            "{context}"
        );
        assert!(
            !markdown.contains("could not be drafted"),
            "{context}\n{markdown}"
        );
        assert!(
            !markdown.to_lowercase().contains("shall"),
            "{context}: the policy never says \"shall\""
        );
        let lines: Vec<&str> = markdown.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if !line.starts_with('#') {
                continue;
            }
            let text = line.trim_start_matches('#').trim();
            assert!(text.len() > 2, "{context}: empty heading {line:?}");
            let body = lines[i + 1..]
                .iter()
                .find(|l| !l.trim().is_empty())
                .unwrap_or_else(|| panic!("{context}: nothing after {line:?}"));
            assert!(
                !body.starts_with('#'),
                "{context}: {line:?} is followed directly by {body:?}"
            );
        }
        for pair in lines.windows(2) {
            assert!(
                !(pair[0].is_empty() && pair[1].is_empty()),
                "{context}: double blank line"
            );
        }
        assert!(
            !markdown.contains(" ,") && !markdown.contains("  "),
            "{context}"
        );
        assert!(!markdown.contains(" ."), "{context}");
    }
}

const HOSTILE: &str =
    "<img src=x onerror=alert(1)> <script>alert(1)</script> [x](javascript:alert(1))\n# Heading\n## Sub";

fn hostile() -> Assessment {
    let mut a = several_roles();
    a.profile.name = HOSTILE.into();
    a.profile.sector = HOSTILE.into();
    a.profile.systems_in_scope = HOSTILE.into();
    let i = &mut a.policy.inputs;
    i.scope = HOSTILE.into();
    i.principles = vec![HOSTILE.into(), "C.2.5".into()];
    i.extra_principles = format!("{HOSTILE}\n{HOSTILE}");
    i.owner_role = HOSTILE.into();
    i.approver = HOSTILE.into();
    i.version = HOSTILE.into();
    i.effective_date = HOSTILE.into();
    i.related_policies = vec![HOSTILE.into(), HOSTILE.into(), "Quality policy".into()];
    i.exceptions = HOSTILE.into();
    a
}

#[test]
fn user_text_never_becomes_markup() {
    let cat = catalogue();
    let a = hostile();
    let markdown = draft(cat, &a);
    let rendered = to_html(&markdown);
    // No element, attribute or link comes from user text; `javascript:` survives only as visible text
    // inside the escaped `[x](javascript:alert(1))`, never as an address.
    for bad in [
        "<img",
        "<script",
        "<a ",
        "href=",
        "=\"javascript:",
        "<h3>",
        "<h4>",
    ] {
        assert!(!rendered.contains(bad), "{bad} in\n{rendered}");
    }
    assert_eq!(
        rendered.matches("javascript:").count(),
        rendered.matches("[x](javascript:alert(1))").count()
    );
    // Headings are only the template's: the title and 14 sections.
    assert_eq!(rendered.matches("<h1>").count(), 1);
    assert_eq!(rendered.matches("<h2>").count(), 14, "{rendered}");
    assert!(markdown.contains(&escape(HOSTILE.lines().next().expect("line"))));
    let document = html(cat, &a);
    for bad in ["<img", "<script", "<a ", "href="] {
        assert!(!document.contains(bad), "{bad} in the HTML document");
    }
    assert!(document.contains("<title>AI policy — &lt;img"));
}

#[test]
fn the_draft_names_the_organisation_and_its_roles() {
    let cat = catalogue();
    let markdown = draft(cat, &provider());
    assert!(markdown.starts_with("# AI policy — Northwind Diagnostics GmbH\n"));
    assert!(markdown.contains("**AI provider:**") && markdown.contains("**AI producer:**"));
    assert!(!markdown.contains("**AI customer:**") && !markdown.contains("**AI partner:**"));
    let markdown = draft(cat, &deployer());
    assert!(markdown.contains(
        "In the AI value chain, Harbour Lane Building Society has these roles (named as in ISO/IEC 22989):"
    ));
    assert!(markdown.contains("**AI customer:**") && !markdown.contains("**AI provider:**"));
}

#[test]
fn language_follows_the_roles() {
    let cat = catalogue();
    let builder = draft(cat, &provider());
    let buyer = draft(cat, &deployer());
    let both = draft(cat, &several_roles());
    // A provider or developer gets development language and no procurement language.
    assert!(builder.contains("**Development.**"));
    assert!(builder.contains("train, test and improve"));
    assert!(!builder.contains("procurement") && !builder.contains("**Suppliers.**"));
    assert!(!builder.contains("**Acquisition.**"));
    // A deployer or user gets supplier, procurement and customer language and no development language.
    assert!(buyer.contains("**Suppliers.**") && buyer.contains("procurement process"));
    assert!(buyer.contains("**Customers affected by AI we use.**"));
    assert!(buyer.contains("**Acquisition.**"));
    assert!(!buyer.contains("**Development.**"));
    assert!(!buyer.contains("train, test and improve"));
    // Several roles across both sides get both.
    for text in [
        "**Development.**",
        "**Acquisition.**",
        "**Suppliers.**",
        "**Customers of our AI systems.**",
        "**Customers affected by AI we use.**",
        "train, test and improve",
    ] {
        assert!(both.contains(text), "{text}");
    }
}

/// The text of one `## ` section, up to the next `## `.
fn section<'m>(markdown: &'m str, heading: &str) -> &'m str {
    let start = markdown
        .find(&format!("\n## {heading}"))
        .unwrap_or_else(|| panic!("no section {heading}"));
    let rest = &markdown[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |e| e + 3);
    &rest[..end]
}

#[test]
fn every_clause_5_2_and_a_2_point_is_covered() {
    let cat = catalogue();
    for (name, a) in profiles() {
        let m = draft(cat, &a);
        let context = name;
        // 5.2 a-d.
        let commitments = section(&m, "3. Commitments of top management");
        for point in [
            "**A policy that fits our purpose:**",
            "**A frame for AI objectives:**",
            "**Meeting applicable requirements:**",
            "**Continual improvement** of our AI management system",
        ] {
            assert!(commitments.contains(point), "{context}: {point}");
        }
        // 5.2: documented information, communicated, available to interested parties.
        let comms = section(&m, "12. Communication and availability");
        assert!(
            comms.contains("controlled documented information"),
            "{context}"
        );
        assert!(comms.contains("version number"), "{context}");
        assert!(comms.contains("communicated to all staff"), "{context}");
        assert!(comms.contains("interested parties on request"), "{context}");
        // A.2.2: principles, exceptions (requested, approved, recorded), informed by strategy and risk.
        let principles = section(&m, "2. Guiding principles");
        assert!(principles.matches("\n- ").count() >= 3, "{context}");
        let exceptions = section(&m, "13. Exceptions");
        for word in ["approv", "recorded", "register"] {
            assert!(exceptions.contains(word), "{context}: exceptions {word}");
        }
        let purpose = section(&m, "1. Purpose and scope");
        for word in [
            "business strategy",
            "values",
            "legal and contractual",
            "risks of our AI systems",
        ] {
            assert!(purpose.contains(word), "{context}: purpose {word}");
        }
        let risk = section(&m, "5. Risk appetite and assessment");
        for lead in [
            "**Risk appetite.**",
            "**Risk assessment.**",
            "**Impact assessment.**",
        ] {
            assert!(risk.contains(lead), "{context}: {lead}");
        }
        // A.2.3: alignment with named or default policies, bridging rules, governing body.
        let alignment = section(&m, "11. Alignment with other policies");
        assert!(alignment.contains("bridging rule") && alignment.contains("governing body"));
        // A.2.4: owner, approver, interval, triggers, management review.
        let review = section(&m, "14. Review and approval");
        for word in [
            "appointed to this role by top management",
            "reviewed at least every",
            "also when",
            "management review results",
            "approved by",
        ] {
            assert!(review.contains(word), "{context}: review {word}");
        }
        // Roles, concerns, incidents.
        assert!(section(&m, "4. Roles and accountability").contains("**The policy owner"));
        let concerns = section(&m, "10. Transparency, concerns and incidents");
        assert!(concerns.contains("**Concerns.**") && concerns.contains("**Incidents.**"));
    }
}

#[test]
fn gaps_are_marked_with_the_items_next_step() {
    let cat = catalogue();
    let mut a = provider();
    let m = draft(cat, &a);
    let risk = section(&m, "5. Risk appetite");
    assert!(risk.contains("> **To be established:** below target level 3 (Implemented)"));
    let step = &cat.item("6.1.2").expect("6.1.2").next_step;
    assert!(risk.contains(step.as_str()), "{risk}");
    assert!(risk.contains("**6.1.2 AI risk assessment** (level 1). Next step: "));
    // Sections whose items are at target carry no note.
    assert!(!section(&m, "4. Roles and accountability").contains("To be established"));
    // Items marked not applicable are not gaps.
    assert!(!section(&m, "9. Using AI responsibly").contains("> "));
    // Raising the items to the target removes the note.
    for id in ["6.1.2", "6.1.3", "8.2"] {
        level(cat, &mut a, id, 3);
    }
    let m = draft(cat, &a);
    let risk = section(&m, "5. Risk appetite");
    assert!(!risk.contains("To be established"), "{risk}");
    // A higher target turns items at level 3 into gaps.
    a.set_target(4).expect("target");
    let m = draft(cat, &a);
    let roles = section(&m, "4. Roles and accountability");
    assert!(roles.contains("**5.3 Roles, responsibilities and authorities** (level 3). Next step:"));
    assert!(
        !roles.contains("A.3.2"),
        "A.3.2 is at level 4, the new target"
    );
}

#[test]
fn a_section_with_many_gaps_lists_the_lowest_first_and_names_the_rest() {
    let cat = catalogue();
    let mut a = provider();
    levels(
        cat,
        &mut a,
        &[
            ("A.4.2", 2),
            ("A.4.3", 0),
            ("A.4.4", 1),
            ("A.4.5", 2),
            ("A.4.6", 2),
        ],
    );
    let m = draft(cat, &a);
    let resources = section(&m, "6. AI systems across their life cycle");
    let resources = &resources[resources.find("**Resources.**").expect("resources")..];
    assert_eq!(resources.matches("> - **").count(), policy::MAX_NEXT_STEPS);
    let first = resources.find("**A.4.3").expect("lowest first");
    let second = resources.find("**A.4.4").expect("second lowest");
    assert!(first < second);
    assert!(
        resources.contains("> Also below target: A.4.2, A.4.5, A.4.6."),
        "{resources}"
    );
}

#[test]
fn unanswered_items_get_a_short_note_only_when_it_helps() {
    let cat = catalogue();
    // Nothing answered: one opening note, no per-section notes.
    let m = draft(cat, &empty());
    assert!(m.contains("No self-assessment answers had been recorded"));
    assert!(!m.contains("Not yet assessed") && !m.contains("To be established"));
    // Some answers: a section none of whose items is answered says so.
    let m = draft(cat, &several_roles());
    let risk = section(&m, "5. Risk appetite");
    assert!(risk.contains("> *Not yet assessed:* 6.1.4, 8.4, A.5.2."));
    // A part with some items answered at target and others unanswered stays quiet.
    let data = section(&m, "7. Data");
    assert!(!data.contains("> "), "{data}");
    let life_cycle = section(&m, "6. AI systems across their life cycle");
    assert!(!life_cycle.contains("A.4.4"), "{life_cycle}");
    // In a quick scan, items the scan never asks are not reported as unassessed.
    let m = draft(cat, &deployer());
    assert!(m.contains("quick scan"));
    let comms = section(&m, "12. Communication and availability");
    assert!(!comms.contains("Not yet assessed"), "{comms}");
}

#[test]
fn missing_inputs_get_sensible_defaults() {
    let cat = catalogue();
    let m = draft(cat, &empty());
    assert!(m.starts_with("# AI policy\n"));
    assert!(m.contains("| Organisation | The organisation |"));
    assert!(m.contains("| Policy owner | AI governance lead |"));
    assert!(m.contains("| Approved by | Top management |"));
    assert!(m.contains("| Version | 0.1 (draft) |"));
    assert!(m.contains("| Effective date | On approval |"));
    assert!(m.contains("Every 12 months") && m.contains("reviewed at least every 12 months"));
    assert!(m.contains("has not yet recorded its role"));
    assert!(m.contains("has not yet set a formal appetite"));
    assert!(m.contains("**Accountability.**") && m.contains("**Fairness.**"));
    for banned in ["[Organisation]", "[", "TBD", "TODO", "()"] {
        assert!(!m.contains(banned), "{banned}");
    }
    // Both sides are covered while no role is recorded.
    assert!(m.contains("**Development.**") && m.contains("**Suppliers.**"));
}

#[test]
fn the_chosen_principles_use_the_catalogue_sentences_and_the_users_own() {
    let cat = catalogue();
    let m = draft(cat, &several_roles());
    let principles = section(&m, "2. Guiding principles");
    let fairness = cat
        .objectives
        .iter()
        .find(|o| o.id == "C.2.5")
        .expect("C.2.5");
    assert!(principles.contains(&format!("- **Fairness.** {}", fairness.principle)));
    assert!(!principles.contains("**Safety.**"));
    assert!(principles.contains("- Every automated credit decision can be reviewed by a person."));
    assert!(
        !principles.contains("- \\-"),
        "the user's own list markers are dropped"
    );
}

#[test]
fn drafts_have_a_realistic_length() {
    let cat = catalogue();
    for (name, a) in profiles() {
        let words = word_count(&draft(cat, &a));
        assert!(
            (900..=2000).contains(&words),
            "{name}: {words} words; a policy should be 2-4 printed pages"
        );
    }
    // With nothing in place anywhere, every section carries a note, but at most
    // MAX_NEXT_STEPS next steps each, so the draft stays a policy rather than a gap report.
    let mut a = several_roles();
    for item in cat.items() {
        a.set_level(cat, &item.id, Level::new(0).expect("0"))
            .expect("item");
    }
    let words = word_count(&draft(cat, &a));
    assert!(words <= 3200, "worst case {words} words");
}

#[test]
fn edits_replace_the_draft_and_clearing_them_brings_it_back() {
    let cat = catalogue();
    let mut a = several_roles();
    assert_eq!(current_markdown(cat, &a), draft(cat, &a));
    a.policy.edited_markdown =
        Some("# Our AI policy\n\nEdited by hand. <script>x</script>\n".into());
    assert_eq!(
        current_markdown(cat, &a),
        "# Our AI policy\n\nEdited by hand. <script>x</script>\n"
    );
    let document = html(cat, &a);
    assert!(document.contains("Edited by hand.") && !document.contains("<script"));
    assert!(document.contains("<title>AI policy — Acme Ltd</title>"));
    a.policy.edited_markdown = Some("  \n".into());
    assert_eq!(current_markdown(cat, &a), draft(cat, &a));
}

#[test]
fn file_names_are_plain_slugs() {
    let mut a = empty();
    assert_eq!(file_stem(&a), "ai-policy");
    a.profile.name = "Acme Ltd.".into();
    assert_eq!(file_stem(&a), "ai-policy-acme-ltd");
    a.profile.name = "  Müller & Söhne / KI  ".into();
    assert_eq!(file_stem(&a), "ai-policy-m-ller-s-hne-ki");
    a.profile.name = "<script>".into();
    assert_eq!(file_stem(&a), "ai-policy-script");
    a.profile.name = "x".repeat(200);
    assert!(file_stem(&a).len() <= 60);
}

#[test]
fn related_policy_suggestions_cover_the_usual_neighbours() {
    let all = RELATED_POLICY_SUGGESTIONS.join(" ").to_lowercase();
    for topic in [
        "information security",
        "privacy",
        "quality",
        "procurement",
        "acceptable use",
        "risk",
        "code of conduct",
    ] {
        assert!(all.contains(topic), "{topic}");
    }
}

#[test]
fn choosing_a_principle_starts_from_the_defaults_in_effect() {
    let cat = catalogue();
    let mut inputs = aims_readiness::assessment::PolicyInputs::default();
    let defaults: Vec<String> = aims_readiness::policy::DEFAULT_PRINCIPLES
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    assert_eq!(
        aims_readiness::policy::principles_in_effect(&inputs),
        defaults
    );
    // Unticking one default keeps the others, in catalogue order.
    aims_readiness::policy::set_principle(cat, &mut inputs, "C.2.5", false);
    assert_eq!(inputs.principles, ["C.2.1", "C.2.7", "C.2.10", "C.2.11"]);
    aims_readiness::policy::set_principle(cat, &mut inputs, "C.2.3", true);
    assert_eq!(
        inputs.principles,
        ["C.2.1", "C.2.3", "C.2.7", "C.2.10", "C.2.11"]
    );
    // With principles of their own and none chosen, no defaults are added.
    let own = aims_readiness::assessment::PolicyInputs {
        extra_principles: "We keep a person in charge of every decision.".into(),
        ..Default::default()
    };
    assert!(aims_readiness::policy::principles_in_effect(&own).is_empty());
}
