//! Encrypted files and share links (JWE, PBES2-HS512+A256KW, A256GCM): interoperability with RustCrypto
//! in both directions, and every refusal that comes before any key is derived.

mod common;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use aes_kw::KekAes256;
use aims_readiness::catalogue::catalogue;
use aims_readiness::codec::{self, ImportError};
use aims_readiness::jwe::{self, JweError, Parts, Seal, Sealed};
use aims_readiness::share::{self, Link, LinkError, ShareError, MAX_LINK_CHARS};
use base64ct::{Base64UrlUnpadded as B64, Encoding};
use serde_json::{json, Value};
use sha2::Sha512;

const PASSPHRASE: &str = "quiet otter lantern meadow";

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/jwe")
        .join(name)
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap_or_else(|e| panic!("tests/data/jwe/{name}: {e}"))
}

/// PBES2-HS512+A256KW's key-encryption key (RFC 7518 §4.8.1.1), computed by RustCrypto (once for each
/// passphrase, salt and rounds: the tests derive the same keys many times).
fn kek(passphrase: &str, salt: &[u8], rounds: u32) -> KekAes256 {
    type Keys = Mutex<HashMap<(String, Vec<u8>, u32), [u8; 32]>>;
    static KEYS: OnceLock<Keys> = OnceLock::new();
    let id = (passphrase.to_owned(), salt.to_vec(), rounds);
    let cached = KEYS
        .get_or_init(Keys::default)
        .lock()
        .unwrap()
        .get(&id)
        .copied();
    let key = cached.unwrap_or_else(|| {
        let mut key = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<Sha512>(passphrase.as_bytes(), salt, rounds, &mut key);
        KEYS.get().unwrap().lock().unwrap().insert(id, key);
        key
    });
    KekAes256::from(key)
}

/// Decrypts with RustCrypto only what the core checked: `None` for a wrong passphrase or a changed byte.
fn rust_decrypt(sealed: &Sealed, passphrase: &str) -> Option<Vec<u8>> {
    let mut cek = [0u8; 32];
    kek(passphrase, &sealed.salt, sealed.iterations)
        .unwrap(&sealed.encrypted_key, &mut cek)
        .ok()?;
    Aes256Gcm::new(&cek.into())
        .decrypt(
            Nonce::from_slice(&sealed.iv),
            Payload {
                msg: &sealed.ciphertext_and_tag(),
                aad: &sealed.aad,
            },
        )
        .ok()
}

/// A JWE made by RustCrypto alone, not by the core: header JSON written here (with its parameters in
/// another order than the app's, and a `cty` the reader ignores), the salt, key and IV given.
struct RustJwe {
    protected: String,
    parts: Parts,
}

fn rust_encrypt(plaintext: &[u8], header: &Value, p2s: &[u8], rounds: u32) -> RustJwe {
    let protected = B64::encode_string(serde_json::to_string(header).unwrap().as_bytes());
    let salt = [jwe::ALG.as_bytes(), &[0], p2s].concat();
    let parts = rust_seal(&salt, rounds, protected.as_bytes(), plaintext);
    RustJwe { protected, parts }
}

/// PBES2-HS512+A256KW and A256GCM by RustCrypto, with a fixed content key and IV (so fixtures are
/// reproducible).
fn rust_seal(salt: &[u8], rounds: u32, aad: &[u8], plaintext: &[u8]) -> Parts {
    let cek = [0x5au8; 32];
    let iv = vec![0x17u8; 12];
    let mut encrypted_key = vec![0u8; 40];
    kek(PASSPHRASE, salt, rounds)
        .wrap(&cek, &mut encrypted_key)
        .unwrap();
    let mut ciphertext = Aes256Gcm::new(&cek.into())
        .encrypt(
            Nonce::from_slice(&iv),
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .unwrap();
    let tag = ciphertext.split_off(ciphertext.len() - 16);
    Parts {
        encrypted_key,
        iv,
        ciphertext,
        tag,
    }
}

impl RustJwe {
    fn compact(&self) -> String {
        [
            self.protected.clone(),
            B64::encode_string(&self.parts.encrypted_key),
            B64::encode_string(&self.parts.iv),
            B64::encode_string(&self.parts.ciphertext),
            B64::encode_string(&self.parts.tag),
        ]
        .join(".")
    }

    fn flattened(&self) -> String {
        let file = json!({
            "protected": self.protected,
            "encrypted_key": B64::encode_string(&self.parts.encrypted_key),
            "iv": B64::encode_string(&self.parts.iv),
            "ciphertext": B64::encode_string(&self.parts.ciphertext),
            "tag": B64::encode_string(&self.parts.tag),
        });
        serde_json::to_string_pretty(&file).unwrap() + "\n"
    }
}

fn rust_file() -> String {
    let p2s = [0x21u8; 16];
    let header = json!({"p2c": 250_000, "p2s": B64::encode_string(&p2s), "cty": "json", "enc": "A256GCM", "alg": "PBES2-HS512+A256KW"});
    rust_encrypt(&read("plain.json"), &header, &p2s, 250_000).flattened()
}

fn rust_link() -> String {
    let p2s = [0x42u8; 16];
    let header = json!({"zip": "DEF", "enc": "A256GCM", "alg": "PBES2-HS512+A256KW", "p2s": B64::encode_string(&p2s), "p2c": 210_000});
    // A link carries compact JSON; deflate by another implementation than the app's compressor.
    let plain: Value = serde_json::from_slice(&read("plain.json")).unwrap();
    let json = serde_json::to_vec(&plain).unwrap();
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 6);
    share::encrypted_fragment(&rust_encrypt(&packed, &header, &p2s, 210_000).compact())
}

/// The fixtures the browser spec opens are exactly what RustCrypto makes here (rewritten with
/// `AIMS_WRITE_JWE_FIXTURES=1`).
#[test]
fn jwes_made_by_rustcrypto_are_the_committed_fixtures_and_open_in_the_core() {
    let (file, link) = (rust_file(), rust_link());
    if std::env::var_os("AIMS_WRITE_JWE_FIXTURES").is_some() {
        std::fs::write(fixture("rust-file.jwe.json"), &file).unwrap();
        std::fs::write(fixture("rust-link.txt"), format!("{link}\n")).unwrap();
    }
    assert_eq!(String::from_utf8(read("rust-file.jwe.json")).unwrap(), file);
    assert_eq!(
        String::from_utf8(read("rust-link.txt")).unwrap().trim_end(),
        link
    );

    let cat = catalogue();
    assert!(jwe::is_file(file.as_bytes()));
    // As a Windows editor may save it, with a byte order mark.
    let with_bom = [b"\xef\xbb\xbf".as_slice(), file.as_bytes()].concat();
    assert!(jwe::is_file(&with_bom));
    assert_eq!(jwe::parse_file(&with_bom), jwe::parse_file(file.as_bytes()));
    let sealed = jwe::parse_file(file.as_bytes()).unwrap();
    assert_eq!(sealed.iterations, 250_000);
    assert!(!sealed.compressed);
    let plaintext = rust_decrypt(&sealed, PASSPHRASE).unwrap();
    assert_eq!(plaintext, read("plain.json"));
    let preview = sealed.open(&plaintext, cat).unwrap();
    assert_eq!(preview.organisation(), "Harbourside Analytics");

    let Link::Encrypted(sealed) = share::open(&format!("#{link}"), cat).unwrap() else {
        panic!("an encrypted link is recognised")
    };
    assert!(sealed.compressed);
    let preview = sealed
        .open(&rust_decrypt(&sealed, PASSPHRASE).unwrap(), cat)
        .unwrap();
    assert_eq!(preview.organisation(), "Harbourside Analytics");
}

/// A file made by another JOSE library, jwcrypto 1.6.1 (Python), as docs/FORMAT.md shows: it puts the
/// salt it draws in the per-recipient unprotected header.
#[test]
fn a_file_made_by_jwcrypto_opens() {
    let file = read("jwcrypto-file.jwe.json");
    let members: Value = serde_json::from_slice(&file).unwrap();
    assert!(members["header"]["p2s"].is_string(), "{members}");
    let sealed = jwe::parse_file(&file).unwrap();
    let plaintext = rust_decrypt(&sealed, PASSPHRASE).unwrap();
    assert_eq!(plaintext, read("plain.json"));
    assert_eq!(
        sealed.open(&plaintext, catalogue()).unwrap().organisation(),
        "Harbourside Analytics"
    );
    // The unprotected p2s counts: another one gives another key.
    let mut changed = members.clone();
    changed["header"]["p2s"] = json!(B64::encode_string(&[9u8; 16]));
    let sealed = jwe::parse_file(serde_json::to_string(&changed).unwrap().as_bytes()).unwrap();
    assert_eq!(rust_decrypt(&sealed, PASSPHRASE), None);
}

/// The header of what the app writes, decoded.
fn header_of(protected: &[u8]) -> Value {
    serde_json::from_slice(&B64::decode_vec(std::str::from_utf8(protected).unwrap()).unwrap())
        .unwrap()
}

fn check_app_header(header: &Value, zip: bool) {
    assert_eq!(header["alg"], "PBES2-HS512+A256KW");
    assert_eq!(header["enc"], "A256GCM");
    assert_eq!(header["p2c"], 210_000);
    assert_eq!(
        B64::decode_vec(header["p2s"].as_str().unwrap())
            .unwrap()
            .len(),
        16
    );
    assert_eq!(header.get("zip").is_some(), zip, "{header}");
    assert!(header.get("crit").is_none());
}

/// What Chromium's Web Crypto made in the app (`tests/e2e/encrypted.spec.ts` wrote it), opened by
/// RustCrypto: the file holds exactly a file of the app, the link the link's JSON.
#[test]
fn jwes_made_by_the_browser_open_with_rustcrypto() {
    let cat = catalogue();
    let file = read("browser-file.jwe.json");
    let members: Value = serde_json::from_slice(&file).unwrap();
    let mut names: Vec<&str> = members
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    names.sort_unstable();
    assert_eq!(
        names,
        ["ciphertext", "encrypted_key", "iv", "protected", "tag"]
    );
    let sealed = jwe::parse_file(&file).unwrap();
    check_app_header(&header_of(&sealed.aad), false);
    let plaintext = rust_decrypt(&sealed, PASSPHRASE).expect("RustCrypto opens the browser's file");
    // Exactly what "Download JSON" gave for this assessment when the fixture was made.
    assert_eq!(plaintext, read("browser-file.plain.json"));
    let preview = codec::decode(&plaintext, cat).unwrap();
    assert_eq!(preview.organisation(), "Harbourside Analytics");
    assert!(rust_decrypt(&sealed, "quiet otter lantern meadows").is_none());

    let link = String::from_utf8(read("browser-link.txt")).unwrap();
    let Link::Encrypted(sealed) = share::open(link.trim_end(), cat).unwrap() else {
        panic!("the browser's link is recognised as encrypted")
    };
    check_app_header(&header_of(&sealed.aad), true);
    let packed = rust_decrypt(&sealed, PASSPHRASE).expect("RustCrypto opens the browser's link");
    let json = miniz_oxide::inflate::decompress_to_vec(&packed).unwrap();
    let preview = codec::decode(&json, cat).unwrap();
    assert_eq!(preview.organisation(), "Harbourside Analytics");
}

/// The core's own seal, filled with RustCrypto, opens again through the core: the app's writer and
/// reader agree, and the file holds exactly `codec::encode`'s bytes.
#[test]
fn the_apps_seal_round_trips_through_rustcrypto() {
    let cat = catalogue();
    let a = common::full_assessment();
    let plain = codec::encode(&a, cat).unwrap();
    let seal = Seal::new([7; 16], false);
    let parts = rust_parts(&seal, plain.as_bytes());
    let file = seal.flattened(&parts);
    check_app_header(&header_of(seal.aad()), false);
    let sealed = jwe::parse_file(file.as_bytes()).unwrap();
    assert_eq!(rust_decrypt(&sealed, PASSPHRASE).unwrap(), plain.as_bytes());
    assert_eq!(sealed.open(plain.as_bytes(), cat).unwrap().assessment, a);

    let seal = Seal::new([9; 16], true);
    let packed = share::encrypted_plaintext(&a, true, &seal).unwrap();
    let fragment = share::encrypted_fragment(&seal.compact(&rust_parts(&seal, &packed)));
    let Link::Encrypted(sealed) = share::open(&fragment, cat).unwrap() else {
        panic!("encrypted")
    };
    let opened = sealed
        .open(&rust_decrypt(&sealed, PASSPHRASE).unwrap(), cat)
        .unwrap();
    assert_eq!(opened.assessment, a);
}

/// Encrypts with RustCrypto under the app's header.
fn rust_parts(seal: &Seal, plaintext: &[u8]) -> Parts {
    rust_seal(&seal.salt, seal.iterations, seal.aad(), plaintext)
}

#[test]
fn a_changed_byte_anywhere_fails_to_decrypt_or_is_refused() {
    let file = rust_file();
    let sealed = jwe::parse_file(file.as_bytes()).unwrap();
    let mut cases = Vec::new();
    for (i, field) in ["ciphertext", "tag", "encrypted_key", "iv"]
        .iter()
        .enumerate()
    {
        let mut s = sealed.clone();
        let bytes = match i {
            0 => &mut s.ciphertext,
            1 => &mut s.tag,
            2 => &mut s.encrypted_key,
            _ => &mut s.iv,
        };
        bytes[3] ^= 1;
        cases.push((*field, s));
    }
    let mut s = sealed.clone();
    s.aad[5] ^= 1;
    cases.push(("protected header", s));
    for (what, s) in cases {
        assert_eq!(rust_decrypt(&s, PASSPHRASE), None, "{what}");
    }
}

/// A compact JWE with this header and parts of the right lengths.
fn compact_with(header: &Value) -> String {
    compact_raw(&serde_json::to_string(header).unwrap())
}

fn compact_raw(header_json: &str) -> String {
    [
        B64::encode_string(header_json.as_bytes()),
        B64::encode_string(&[0u8; 40]),
        B64::encode_string(&[0u8; 12]),
        B64::encode_string(b"ciphertext"),
        B64::encode_string(&[0u8; 16]),
    ]
    .join(".")
}

fn good_header() -> Value {
    json!({"alg": "PBES2-HS512+A256KW", "enc": "A256GCM", "p2s": B64::encode_string(&[1u8; 16]), "p2c": 210_000})
}

fn with(key: &str, value: Value) -> Value {
    let mut h = good_header();
    h[key] = value;
    h
}

#[test]
fn every_refusal_comes_from_the_header_or_the_structure() {
    assert!(jwe::parse_compact(&compact_with(&good_header())).is_ok());
    let mut no_p2s = good_header();
    no_p2s.as_object_mut().unwrap().remove("p2s");
    let cases: Vec<(&str, String, JweError)> = vec![
        (
            "unknown alg",
            compact_with(&with("alg", json!("PBES2-HS256+A128KW"))),
            JweError::UnknownAlg {
                found: "PBES2-HS256+A128KW".into(),
            },
        ),
        (
            "alg none",
            compact_with(&with("alg", json!("dir"))),
            JweError::UnknownAlg {
                found: "dir".into(),
            },
        ),
        (
            "unknown enc",
            compact_with(&with("enc", json!("A128CBC-HS256"))),
            JweError::UnknownEnc {
                found: "A128CBC-HS256".into(),
            },
        ),
        (
            "crit",
            compact_with(&with("crit", json!(["exp"]))),
            JweError::Critical,
        ),
        (
            "crit null",
            compact_with(&with("crit", Value::Null)),
            JweError::Critical,
        ),
        (
            "p2c above the limit",
            compact_with(&with("p2c", json!(10_000_001))),
            JweError::TooManyIterations { found: 10_000_001 },
        ),
        (
            "p2c huge",
            compact_with(&with("p2c", json!(u64::MAX))),
            JweError::TooManyIterations { found: u64::MAX },
        ),
        (
            "p2c too low",
            compact_with(&with("p2c", json!(999))),
            JweError::TooFewIterations { found: 999 },
        ),
        (
            "p2s of 7 bytes",
            compact_with(&with("p2s", json!(B64::encode_string(&[1u8; 7])))),
            JweError::ShortSalt { bytes: 7 },
        ),
        (
            "p2s empty",
            compact_with(&with("p2s", json!(""))),
            JweError::ShortSalt { bytes: 0 },
        ),
        (
            "unknown zip",
            compact_with(&with("zip", json!("GZIP"))),
            JweError::UnknownZip {
                found: "\"GZIP\"".into(),
            },
        ),
        (
            "p2s not base64url",
            compact_with(&with("p2s", json!("a+b/c="))),
            JweError::BadPart { part: "p2s" },
        ),
    ];
    for (what, compact, expected) in cases {
        assert_eq!(jwe::parse_compact(&compact), Err(expected), "{what}");
    }
    // Limits hold at their edges.
    assert!(jwe::parse_compact(&compact_with(&with("p2c", json!(10_000_000)))).is_ok());
    assert!(jwe::parse_compact(&compact_with(&with(
        "p2s",
        json!(B64::encode_string(&[1u8; 8]))
    )))
    .is_ok());

    let refused_header = |compact: String| match jwe::parse_compact(&compact) {
        Err(JweError::BadHeader { .. }) => {}
        other => panic!("{compact}: {other:?}"),
    };
    refused_header(compact_with(&no_p2s));
    refused_header(compact_with(&with("p2c", json!("210000"))));
    refused_header(compact_with(&with("p2c", json!(210000.5))));
    refused_header(compact_with(&with("alg", json!(1))));
    refused_header(compact_raw(
        r#"{"alg":"PBES2-HS512+A256KW","alg":"dir","enc":"A256GCM","p2s":"AQEBAQEBAQEBAQEBAQEBAQ","p2c":210000}"#,
    ));
    refused_header(compact_raw("[1,2]"));
    refused_header(compact_raw(&" ".repeat(4000)));
}

#[test]
fn parts_of_impossible_sizes_are_refused() {
    let good = compact_with(&good_header());
    let parts: Vec<&str> = good.split('.').collect();
    for (index, part, bytes, expected) in [
        (1, "encrypted key", 32, 40),
        (2, "iv", 16, 12),
        (4, "tag", 12, 16),
    ] {
        let mut changed: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
        changed[index] = B64::encode_string(&vec![0u8; bytes]);
        assert_eq!(
            jwe::parse_compact(&changed.join(".")),
            Err(JweError::BadSize {
                part,
                found: bytes,
                expected
            })
        );
    }
    assert!(matches!(
        jwe::parse_compact(&parts[..4].join(".")),
        Err(JweError::NotJwe { .. })
    ));
    assert!(matches!(
        jwe::parse_compact(&format!("{good}.x")),
        Err(JweError::NotJwe { .. })
    ));
    let mut bad_char: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
    bad_char[3].push('*');
    assert_eq!(
        jwe::parse_compact(&bad_char.join(".")),
        Err(JweError::BadPart { part: "ciphertext" })
    );
}

#[test]
fn files_are_refused_above_the_import_limit_and_without_protection() {
    let big = vec![b' '; jwe::MAX_FILE_BYTES + 1];
    assert_eq!(
        jwe::parse_file(&big),
        Err(JweError::TooLarge {
            size: jwe::MAX_FILE_BYTES + 1,
            limit: jwe::MAX_FILE_BYTES
        })
    );
    assert!(!jwe::is_file(&big));
    // Every assessment the app can hold can be encrypted: the limit is the largest file's envelope.
    let largest = Seal::new([1; 16], false).flattened(&Parts {
        encrypted_key: vec![0; 40],
        iv: vec![0; 12],
        ciphertext: vec![0; codec::MAX_INPUT_BYTES],
        tag: vec![0; 16],
    });
    assert!(largest.len() <= jwe::MAX_FILE_BYTES, "{}", largest.len());
    assert_eq!(
        jwe::parse_file(largest.as_bytes())
            .unwrap()
            .ciphertext
            .len(),
        codec::MAX_INPUT_BYTES
    );

    let file: Value = serde_json::from_str(&rust_file()).unwrap();
    let mutate = |f: &dyn Fn(&mut serde_json::Map<String, Value>)| {
        let mut file = file.clone();
        f(file.as_object_mut().unwrap());
        jwe::parse_file(serde_json::to_string(&file).unwrap().as_bytes())
    };
    for member in ["unprotected", "header"] {
        let put = |name: &str| {
            mutate(&|f| {
                f.insert(member.into(), json!({ name: "x" }));
            })
        };
        assert_eq!(
            put("zip"),
            Err(JweError::Unprotected { name: "zip" }),
            "{member}"
        );
        assert_eq!(put("crit"), Err(JweError::Critical), "{member}");
        // The header is the union of the three, whose names must be disjoint.
        for name in ["alg", "enc", "p2c", "p2s"] {
            assert_eq!(
                put(name),
                Err(JweError::BadHeader {
                    reason: format!("“{name}” is given in two of its headers")
                }),
                "{member} {name}"
            );
        }
    }
    assert!(matches!(
        mutate(&|f| {
            f.remove("protected");
        }),
        Err(JweError::NotJwe { .. })
    ));
    assert!(matches!(
        mutate(&|f| {
            f.remove("tag");
        }),
        Err(JweError::NotJwe { .. })
    ));
    assert!(matches!(
        mutate(&|f| {
            f.insert("recipients".into(), json!([]));
        }),
        Err(JweError::NotJwe { .. })
    ));
    // Members the reader does not know are ignored (RFC 7516 §7.2.1), and `kid` in the header too.
    assert!(mutate(&|f| {
        f.insert("comment".into(), json!("for the auditors"));
        f.insert("unprotected".into(), json!({"kid": "2025"}));
    })
    .is_ok());
    // Additional authenticated data is sealed too.
    let with_aad = mutate(&|f| {
        f.insert("aad".into(), json!("ZXh0cmE"));
    })
    .unwrap();
    assert!(with_aad.aad.ends_with(b".ZXh0cmE"));
    assert_eq!(rust_decrypt(&with_aad, PASSPHRASE), None);

    // An assessment is not a JWE, nor a JWE with a "format".
    assert!(!jwe::is_file(&read("plain.json")));
    let mut disguised = file.clone();
    disguised["format"] = json!("aims-readiness/assessment");
    assert!(!jwe::is_file(
        serde_json::to_string(&disguised).unwrap().as_bytes()
    ));
}

#[test]
fn links_are_refused_above_the_link_limit_before_anything_is_decoded() {
    let cat = catalogue();
    let good = compact_with(&good_header());
    let long = format!("share={good}{}", "A".repeat(MAX_LINK_CHARS));
    assert!(matches!(
        share::open(&long, cat),
        Err(ShareError::TooLong { .. })
    ));
    assert_eq!(
        share::open(
            &format!("share={}", compact_with(&with("crit", json!(["b64"])))),
            cat
        ),
        Err(ShareError::Encrypted(JweError::Critical))
    );
    // A plain reader of links says the link needs a passphrase instead of calling it damaged.
    assert_eq!(
        share::from_fragment(&format!("#share={good}"), cat),
        Err(ShareError::NeedsPassphrase)
    );
}

#[test]
fn decrypted_content_goes_through_the_import_checks() {
    let cat = catalogue();
    let sealed = jwe::parse_file(rust_file().as_bytes()).unwrap();
    assert_eq!(
        sealed.open(b"[1]", cat),
        Err(JweError::Invalid(ImportError::NotAnObject {
            found: "a list"
        }))
    );
    let bad = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad/duplicate_top_level.json"),
    )
    .unwrap();
    assert!(matches!(
        sealed.open(&bad, cat),
        Err(JweError::Invalid(ImportError::DuplicateKey { .. }))
    ));
    // A compressed JWE is held to the share link's unpacked limit (no deflate bombs).
    let mut compressed = sealed.clone();
    compressed.compressed = true;
    let bomb =
        miniz_oxide::deflate::compress_to_vec(&vec![b' '; share::MAX_UNPACKED_BYTES + 1], 10);
    assert_eq!(
        compressed.open(&bomb, cat),
        Err(JweError::Unpack(Box::new(ShareError::TooLargeUnpacked {
            limit: share::MAX_UNPACKED_BYTES
        })))
    );
}

#[test]
fn an_encrypted_link_is_refused_when_it_would_be_too_long_and_fits_otherwise() {
    let a = common::full_assessment();
    let seal = Seal::new([0; 16], true);
    let packed = share::encrypted_plaintext(&a, true, &seal).unwrap();
    // AES-GCM's ciphertext is as long as its plaintext.
    let parts = Parts {
        encrypted_key: vec![0; 40],
        iv: vec![0; 12],
        ciphertext: packed.clone(),
        tag: vec![0; 16],
    };
    let fragment = share::encrypted_fragment(&seal.compact(&parts));
    assert!(fragment.len() < 4000, "{}", fragment.len());

    let mut huge = a.clone();
    let mut n = 0u64;
    for r in huge.responses.values_mut() {
        // Text that deflate cannot shrink much.
        r.notes = (0..15_000)
            .map(|_| {
                n = n
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                char::from(b'a' + (n >> 59) as u8)
            })
            .collect();
    }
    match share::encrypted_plaintext(&huge, true, &seal) {
        Err(LinkError::TooLong {
            include_notes: true,
        }) => {}
        other => panic!("{:?}", other.map(|p| p.len())),
    }
    // At the edge: the largest plaintext accepted still makes a link within the limit.
    let budget = (MAX_LINK_CHARS - "#share=".len() - seal.compact_overhead()) / 4 * 3;
    let parts = Parts {
        ciphertext: vec![0; budget],
        ..parts
    };
    assert!(share::encrypted_fragment(&seal.compact(&parts)).len() < MAX_LINK_CHARS);
}
