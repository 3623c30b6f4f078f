//! Facts of ISO/IEC 42001:2023's structure: identifiers and official short titles only (no text of the
//! standard). Copied from the project's reference sheet; `tests/data/iso42001_structure.json` holds the same
//! facts and a test checks that the two agree.

/// Every section in questionnaire order: clauses 4–10, then Annex A categories A.2–A.10.
pub const SECTIONS: &[(&str, &str)] = &[
    ("4", "Context of the organization"),
    ("5", "Leadership"),
    ("6", "Planning"),
    ("7", "Support"),
    ("8", "Operation"),
    ("9", "Performance evaluation"),
    ("10", "Improvement"),
    ("A.2", "Policies related to AI"),
    ("A.3", "Internal organization"),
    ("A.4", "Resources for AI systems"),
    ("A.5", "Assessing impacts of AI systems"),
    ("A.6", "AI system life cycle"),
    ("A.7", "Data for AI systems"),
    ("A.8", "Information for interested parties of AI systems"),
    ("A.9", "Use of AI systems"),
    ("A.10", "Third-party and customer relationships"),
];

/// The 32 assessable sub-clauses of clauses 4–10, in order.
pub const SUBCLAUSES: &[(&str, &str)] = &[
    ("4.1", "Understanding the organization and its context"),
    (
        "4.2",
        "Understanding the needs and expectations of interested parties",
    ),
    ("4.3", "Determining the scope of the AI management system"),
    ("4.4", "AI management system"),
    ("5.1", "Leadership and commitment"),
    ("5.2", "AI policy"),
    ("5.3", "Roles, responsibilities and authorities"),
    ("6.1.1", "General"),
    ("6.1.2", "AI risk assessment"),
    ("6.1.3", "AI risk treatment"),
    ("6.1.4", "AI system impact assessment"),
    ("6.2", "AI objectives and planning to achieve them"),
    ("6.3", "Planning of changes"),
    ("7.1", "Resources"),
    ("7.2", "Competence"),
    ("7.3", "Awareness"),
    ("7.4", "Communication"),
    ("7.5.1", "General"),
    ("7.5.2", "Creating and updating documented information"),
    ("7.5.3", "Control of documented information"),
    ("8.1", "Operational planning and control"),
    ("8.2", "AI risk assessment"),
    ("8.3", "AI risk treatment"),
    ("8.4", "AI system impact assessment"),
    ("9.1", "Monitoring, measurement, analysis and evaluation"),
    ("9.2.1", "General"),
    ("9.2.2", "Internal audit programme"),
    ("9.3.1", "General"),
    ("9.3.2", "Management review inputs"),
    ("9.3.3", "Management review results"),
    ("10.1", "Continual improvement"),
    ("10.2", "Nonconformity and corrective action"),
];

/// The 38 Annex A controls, in order.
pub const CONTROLS: &[(&str, &str)] = &[
    ("A.2.2", "AI policy"),
    ("A.2.3", "Alignment with other organizational policies"),
    ("A.2.4", "Review of the AI policy"),
    ("A.3.2", "AI roles and responsibilities"),
    ("A.3.3", "Reporting of concerns"),
    ("A.4.2", "Resource documentation"),
    ("A.4.3", "Data resources"),
    ("A.4.4", "Tooling resources"),
    ("A.4.5", "System and computing resources"),
    ("A.4.6", "Human resources"),
    ("A.5.2", "AI system impact assessment process"),
    ("A.5.3", "Documentation of AI system impact assessments"),
    (
        "A.5.4",
        "Assessing AI system impact on individuals or groups of individuals",
    ),
    ("A.5.5", "Assessing societal impacts of AI systems"),
    (
        "A.6.1.2",
        "Objectives for responsible development of AI system",
    ),
    (
        "A.6.1.3",
        "Processes for responsible AI system design and development",
    ),
    ("A.6.2.2", "AI system requirements and specification"),
    (
        "A.6.2.3",
        "Documentation of AI system design and development",
    ),
    ("A.6.2.4", "AI system verification and validation"),
    ("A.6.2.5", "AI system deployment"),
    ("A.6.2.6", "AI system operation and monitoring"),
    ("A.6.2.7", "AI system technical documentation"),
    ("A.6.2.8", "AI system recording of event logs"),
    ("A.7.2", "Data for development and enhancement of AI system"),
    ("A.7.3", "Acquisition of data"),
    ("A.7.4", "Quality of data for AI systems"),
    ("A.7.5", "Data provenance"),
    ("A.7.6", "Data preparation"),
    ("A.8.2", "System documentation and information for users"),
    ("A.8.3", "External reporting"),
    ("A.8.4", "Communication of incidents"),
    ("A.8.5", "Information for interested parties"),
    ("A.9.2", "Processes for responsible use of AI systems"),
    ("A.9.3", "Objectives for responsible use of AI system"),
    ("A.9.4", "Intended use of the AI system"),
    ("A.10.2", "Allocating responsibilities"),
    ("A.10.3", "Suppliers"),
    ("A.10.4", "Customers"),
];

/// Annex A.6's two sub-groups.
pub const GROUPS: &[(&str, &str)] = &[
    ("A.6.1", "Management guidance for AI system development"),
    ("A.6.2", "AI system life cycle"),
];

/// Annex C.2: potential AI-related objectives.
pub const ANNEX_C_OBJECTIVES: &[(&str, &str)] = &[
    ("C.2.1", "Accountability"),
    ("C.2.2", "AI expertise"),
    (
        "C.2.3",
        "Availability and quality of training and test data",
    ),
    ("C.2.4", "Environmental impact"),
    ("C.2.5", "Fairness"),
    ("C.2.6", "Maintainability"),
    ("C.2.7", "Privacy"),
    ("C.2.8", "Robustness"),
    ("C.2.9", "Safety"),
    ("C.2.10", "Security"),
    ("C.2.11", "Transparency and explainability"),
];

/// Annex C.3: AI risk sources.
pub const ANNEX_C_RISK_SOURCES: &[(&str, &str)] = &[
    ("C.3.1", "Complexity of environment"),
    ("C.3.2", "Lack of transparency and explainability"),
    ("C.3.3", "Level of automation"),
    ("C.3.4", "Risk sources related to machine learning"),
    ("C.3.5", "System hardware issues"),
    ("C.3.6", "System life cycle issues"),
    ("C.3.7", "Technology readiness"),
];
