//! Upgrading files written in an older schema version, one version at a time.
//!
//! A breaking change to the format goes like this:
//!
//! 1. copy `v1.rs` to `v2.rs` and change the new one; bump [`super::SCHEMA_VERSION`] and make `decode` read
//!    `v2`;
//! 2. write `fn migrate_v1_to_v2(doc: Value) -> Result<Value, String>`, a pure function on the JSON document,
//!    and add it to [`MIGRATIONS`];
//! 3. keep `tests/data/versions/v1.json` (an untouched file of the old version) and add `v2.json`, the same
//!    assessment written by the new version: `every_version_fixture_still_reads` decodes each through the
//!    chain.
//!
//! The test `migration_chain_reaches_the_current_version` fails until step 2 is done. Version 1 is the
//! first released format; there is no pre-release format to read.

use serde_json::{json, Value};

use super::{ImportError, SCHEMA_VERSION};

/// One step: turns a document of schema version `from` into one of version `from + 1`.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub from: u32,
    /// What changed, for the changelog and for readers of this list.
    pub what: &'static str,
    pub run: fn(Value) -> Result<Value, String>,
}

/// The oldest schema version this app reads.
pub const OLDEST_READABLE: u32 = 1;

/// Every step from [`OLDEST_READABLE`] up to [`SCHEMA_VERSION`], oldest first.
pub const MIGRATIONS: &[Migration] = &[Migration {
    from: 1,
    what: "roles are now the ISO/IEC 22989 roles (provider → AI provider, developer → AI producer, deployer and user → AI customer); the assessment has a name, Statement of Applicability fields, a documents register and planned audit dates, all empty",
    run: v1_to_v2,
}];

/// Version 1 → 2: the roles of ISO/IEC 22989 in place of provider, developer, deployer and user; new
/// top-level fields (`name`, `soa`, `documents`, `roadmap`), empty. Answers and the policy are unchanged.
fn v1_to_v2(mut doc: Value) -> Result<Value, String> {
    let object = doc.as_object_mut().ok_or("the file is not a JSON object")?;
    if let Some(roles) = object
        .get_mut("profile")
        .and_then(|p| p.get_mut("roles"))
        .and_then(Value::as_array_mut)
    {
        let mut mapped: Vec<Value> = Vec::with_capacity(roles.len());
        for role in roles.iter() {
            let new = match role.as_str() {
                Some("provider") => "ai-provider",
                Some("developer") => "ai-producer",
                Some("deployer" | "user") => "ai-customer",
                // Anything else was never valid in version 1: leave it for the reader to report.
                _ => {
                    mapped.push(role.clone());
                    continue;
                }
            };
            if !mapped.iter().any(|m| m == new) {
                mapped.push(Value::from(new));
            }
        }
        *roles = mapped;
    }
    for (key, empty) in [
        ("name", json!("")),
        (
            "soa",
            json!({ "version": "", "date": "", "approver": "", "controls": {}, "added": [] }),
        ),
        ("documents", json!({})),
        ("roadmap", json!({ "stage1": "", "stage2": "" })),
    ] {
        if object.contains_key(key) {
            return Err(format!("a version 1 file has no \"{key}\" field"));
        }
        object.insert(key.to_owned(), empty);
    }
    Ok(doc)
}

/// Runs every step from version `from` up to the current version, and sets `schema_version`.
pub fn upgrade(mut doc: Value, from: u32) -> Result<Value, ImportError> {
    let mut version = from;
    for step in MIGRATIONS.iter().filter(|m| m.from >= from) {
        if step.from != version {
            return Err(ImportError::Migration {
                from,
                message: format!("no step from version {version}"),
            });
        }
        doc = (step.run)(doc).map_err(|message| ImportError::Migration { from, message })?;
        version = step.from + 1;
        if let Some(object) = doc.as_object_mut() {
            object.insert("schema_version".to_owned(), Value::from(version));
        }
    }
    if version != SCHEMA_VERSION {
        return Err(ImportError::Migration {
            from,
            message: format!("no step from version {version} to {SCHEMA_VERSION}"),
        });
    }
    Ok(doc)
}
