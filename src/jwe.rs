//! Encrypted files and share links: JSON Web Encryption (RFC 7516) with a passphrase.
//!
//! The key is derived from the passphrase with PBES2 (RFC 7518 §4.8, `PBES2-HS512+A256KW`: PBKDF2 with
//! HMAC-SHA-512 over `alg ‖ 0x00 ‖ p2s`, a random 16-byte `p2s` and [`ITERATIONS`] rounds), and wraps a
//! random content key with AES Key Wrap; the content is encrypted with AES-256-GCM (`A256GCM`). An
//! encrypted file is the flattened JWE JSON serialization of exactly the bytes [`codec::encode`] writes;
//! an encrypted share link is `#share=` and the compact serialization, whose plaintext is raw deflate of
//! the link's JSON (`"zip": "DEF"`).
//!
//! This module only builds and checks the JWE structure and its header: the cryptography is the
//! browser's own (Web Crypto, in `ui::crypto`), so no cipher code ships in the app. Everything that could
//! make the browser work hard or misread a file is refused here, before any key is derived: an unknown
//! `alg`, `enc` or `zip`, a `crit` header, more than [`MAX_ITERATIONS`] rounds, a `p2s` shorter than
//! [`MIN_SALT_BYTES`], parts of impossible lengths, and input above the import size limit. What the
//! decryption gives back goes through [`codec::decode`], exactly like a plain import.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::catalogue::Catalogue;
use crate::codec::{self, ImportError, Preview};
use crate::share::{self, base64url, ShareError};

/// The key management algorithm: PBES2 with HMAC-SHA-512 and AES-256 Key Wrap.
pub const ALG: &str = "PBES2-HS512+A256KW";
/// The content encryption algorithm: AES-256-GCM.
pub const ENC: &str = "A256GCM";
/// The one compression a JWE may name: raw deflate (RFC 1951).
pub const ZIP: &str = "DEF";
/// The PBKDF2 rounds the app writes: OWASP's figure for PBKDF2-HMAC-SHA-512 (2023).
pub const ITERATIONS: u32 = 210_000;
/// More rounds than this are refused: deriving the key would keep the browser busy for minutes.
pub const MAX_ITERATIONS: u64 = 10_000_000;
/// Fewer rounds than this are refused (RFC 7518 §4.8.1.2 recommends at least 1,000).
pub const MIN_ITERATIONS: u64 = 1_000;
/// The length of the random salt input `p2s` the app writes, in bytes.
pub const SALT_BYTES: usize = 16;
/// A shorter `p2s` is refused (RFC 7518 §4.8.1.1: at least 8 bytes).
pub const MIN_SALT_BYTES: usize = 8;
/// The AES-GCM initialisation vector, in bytes (96 bits, RFC 7518 §5.3).
pub const IV_BYTES: usize = 12;
/// The AES-GCM authentication tag, in bytes (128 bits).
pub const TAG_BYTES: usize = 16;
/// An AES-256 content key wrapped with AES Key Wrap: 32 bytes and the 8-byte integrity block.
pub const WRAPPED_KEY_BYTES: usize = 40;
/// The largest encrypted file read: what the largest assessment file ([`codec::MAX_INPUT_BYTES`])
/// takes once encrypted (base64url spends 4 characters on 3 bytes), and room for the header.
pub const MAX_FILE_BYTES: usize = codec::MAX_INPUT_BYTES.div_ceil(3) * 4 + 4096;
/// The longest protected header read, in characters: the app's is about 130.
const MAX_HEADER_CHARS: usize = 4096;

/// The protected header as the app writes it; its field order is the order of the JSON.
#[derive(Serialize)]
struct HeaderOut<'a> {
    alg: &'a str,
    enc: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    zip: Option<&'a str>,
    p2s: String,
    p2c: u32,
}

/// What the browser needs to encrypt, with the header fixed first: it is part of what the tag seals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seal {
    /// The protected header, base64url: also the additional authenticated data.
    protected: String,
    /// PBKDF2's salt: `alg ‖ 0x00 ‖ p2s` (RFC 7518 §4.8.1.1).
    pub salt: Vec<u8>,
    /// PBKDF2's rounds.
    pub iterations: u32,
}

/// What the browser made: the wrapped content key, the IV, the ciphertext and the tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    pub encrypted_key: Vec<u8>,
    pub iv: Vec<u8>,
    pub ciphertext: Vec<u8>,
    pub tag: Vec<u8>,
}

impl Seal {
    /// The seal of a file (`compressed` false) or of a share link (true, `"zip": "DEF"`), with a random
    /// salt input the caller draws.
    pub fn new(p2s: [u8; SALT_BYTES], compressed: bool) -> Seal {
        let header = HeaderOut {
            alg: ALG,
            enc: ENC,
            zip: compressed.then_some(ZIP),
            p2s: base64url::encode(&p2s),
            p2c: ITERATIONS,
        };
        let json =
            serde_json::to_string(&header).expect("a header of strings and a number serialises");
        Seal {
            protected: base64url::encode(json.as_bytes()),
            salt: salt(&p2s),
            iterations: ITERATIONS,
        }
    }

    /// The additional authenticated data AES-GCM seals with the content: the protected header as written.
    pub fn aad(&self) -> &[u8] {
        self.protected.as_bytes()
    }

    /// The flattened JWE JSON serialization (RFC 7516 §7.2.2): the encrypted file.
    pub fn flattened(&self, parts: &Parts) -> String {
        #[derive(Serialize)]
        struct Flattened<'a> {
            protected: &'a str,
            encrypted_key: String,
            iv: String,
            ciphertext: String,
            tag: String,
        }
        let file = Flattened {
            protected: &self.protected,
            encrypted_key: base64url::encode(&parts.encrypted_key),
            iv: base64url::encode(&parts.iv),
            ciphertext: base64url::encode(&parts.ciphertext),
            tag: base64url::encode(&parts.tag),
        };
        let mut json = serde_json::to_string_pretty(&file).expect("five strings serialise");
        json.push('\n');
        json
    }

    /// The compact serialization (RFC 7516 §7.1): five base64url parts joined by dots.
    pub fn compact(&self, parts: &Parts) -> String {
        [
            self.protected.clone(),
            base64url::encode(&parts.encrypted_key),
            base64url::encode(&parts.iv),
            base64url::encode(&parts.ciphertext),
            base64url::encode(&parts.tag),
        ]
        .join(".")
    }

    /// How many characters the compact serialization has besides the ciphertext.
    pub fn compact_overhead(&self) -> usize {
        self.protected.len()
            + 4
            + (WRAPPED_KEY_BYTES * 4).div_ceil(3)
            + (IV_BYTES * 4).div_ceil(3)
            + (TAG_BYTES * 4).div_ceil(3)
    }
}

/// PBKDF2's salt for a salt input: `UTF8(alg) ‖ 0x00 ‖ p2s`.
fn salt(p2s: &[u8]) -> Vec<u8> {
    let mut salt = Vec::with_capacity(ALG.len() + 1 + p2s.len());
    salt.extend_from_slice(ALG.as_bytes());
    salt.push(0);
    salt.extend_from_slice(p2s);
    salt
}

/// A JWE whose structure and header were checked: all the browser needs to derive the key and decrypt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    /// PBKDF2's salt: `alg ‖ 0x00 ‖ p2s`.
    pub salt: Vec<u8>,
    /// PBKDF2's rounds, between [`MIN_ITERATIONS`] and [`MAX_ITERATIONS`].
    pub iterations: u32,
    pub encrypted_key: Vec<u8>,
    pub iv: Vec<u8>,
    pub ciphertext: Vec<u8>,
    pub tag: Vec<u8>,
    /// The additional authenticated data: the protected header as sent (and `.aad` when there is one).
    pub aad: Vec<u8>,
    /// Whether the plaintext is raw deflate (`"zip": "DEF"`).
    pub compressed: bool,
}

impl Sealed {
    /// The ciphertext followed by the tag, as Web Crypto's AES-GCM takes them.
    pub fn ciphertext_and_tag(&self) -> Vec<u8> {
        [self.ciphertext.as_slice(), self.tag.as_slice()].concat()
    }

    /// Reads the decrypted content exactly as a plain import or share link is read: unpacked when the
    /// header says so (with the share link's limit), then [`codec::decode`].
    pub fn open(&self, plaintext: &[u8], catalogue: &Catalogue) -> Result<Preview, JweError> {
        if self.compressed {
            let json = share::inflate(plaintext).map_err(|e| JweError::Unpack(Box::new(e)))?;
            Ok(codec::decode(&json, catalogue)?)
        } else {
            Ok(codec::decode(plaintext, catalogue)?)
        }
    }
}

/// What a chosen file holds: an assessment, or one encrypted with a passphrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum File {
    Plain(Box<Preview>),
    /// Checked and ready for the passphrase; [`Sealed::open`] reads what it decrypts to.
    Encrypted(Sealed),
}

/// Why a chosen file cannot be opened: as an assessment, or as an encrypted one.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FileError {
    #[error("{0}")]
    Import(#[from] ImportError),
    #[error("This encrypted file cannot be opened. {0}")]
    Encrypted(#[from] JweError),
}

/// Reads a chosen file: an assessment goes through [`codec::decode`] as always (and costs nothing more);
/// only what is not one is looked at as an encrypted file, and checked by [`parse_file`].
pub fn read_file(input: &[u8], catalogue: &Catalogue) -> Result<File, FileError> {
    match codec::decode(input, catalogue) {
        Ok(preview) => Ok(File::Plain(Box::new(preview))),
        Err(_) if is_file(input) => Ok(File::Encrypted(parse_file(input)?)),
        Err(e) => Err(e.into()),
    }
}

/// Whether a file looks like a JWE in the JSON serialization (a top-level `ciphertext` member) rather
/// than an assessment, so it is opened with a passphrase. Reads the JSON without keeping it.
pub fn is_file(input: &[u8]) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        ciphertext: Option<serde::de::IgnoredAny>,
        format: Option<serde::de::IgnoredAny>,
    }
    input.len() <= MAX_FILE_BYTES
        && serde_json::from_slice::<Probe>(without_bom(input))
            .is_ok_and(|p| p.ciphertext.is_some() && p.format.is_none())
}

/// Checks an encrypted file (the flattened JWE JSON serialization; the general one with exactly one
/// recipient is not read) and returns what decrypting it needs.
pub fn parse_file(input: &[u8]) -> Result<Sealed, JweError> {
    if input.len() > MAX_FILE_BYTES {
        return Err(JweError::TooLarge {
            size: input.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    #[derive(Deserialize)]
    struct Flattened {
        protected: Option<String>,
        encrypted_key: Option<String>,
        iv: Option<String>,
        ciphertext: String,
        tag: Option<String>,
        aad: Option<String>,
        unprotected: Option<HeaderIn>,
        header: Option<HeaderIn>,
        recipients: Option<serde::de::IgnoredAny>,
    }
    let file: Flattened =
        serde_json::from_slice(without_bom(input)).map_err(|e| JweError::NotJwe {
            reason: format!("it is not a JWE in the JSON serialization ({e})"),
        })?;
    if file.recipients.is_some() {
        return Err(JweError::NotJwe {
            reason: "it is a JWE for several recipients (the general serialization); this app reads the flattened one".into(),
        });
    }
    let missing = |name: &'static str| JweError::NotJwe {
        reason: format!("it has no “{name}” member"),
    };
    let protected = file.protected.ok_or_else(|| missing("protected"))?;
    let mut aad = protected.clone().into_bytes();
    if let Some(extra) = &file.aad {
        decode_part(extra, "aad")?;
        aad.push(b'.');
        aad.extend_from_slice(extra.as_bytes());
    }
    check(
        &protected,
        [file.unprotected, file.header],
        &file.encrypted_key.ok_or_else(|| missing("encrypted_key"))?,
        &file.iv.ok_or_else(|| missing("iv"))?,
        &file.ciphertext,
        &file.tag.ok_or_else(|| missing("tag"))?,
        aad,
    )
}

/// The input without the byte order mark Windows editors like to put before UTF-8.
fn without_bom(input: &[u8]) -> &[u8] {
    input.strip_prefix(b"\xef\xbb\xbf").unwrap_or(input)
}

/// Checks an encrypted share link's payload (the compact serialization) and returns what decrypting it
/// needs. The caller has taken it out of the link and held it to the link's length limit.
pub fn parse_compact(payload: &str) -> Result<Sealed, JweError> {
    let parts: Vec<&str> = payload.split('.').collect();
    let [protected, encrypted_key, iv, ciphertext, tag] = parts[..] else {
        return Err(JweError::NotJwe {
            reason: format!(
                "it has {} parts where an encrypted link has 5 joined by dots",
                parts.len()
            ),
        });
    };
    check(
        protected,
        [None, None],
        encrypted_key,
        iv,
        ciphertext,
        tag,
        protected.as_bytes().to_vec(),
    )
}

/// A header as read (the protected one, or in a file also the shared and per-recipient unprotected ones);
/// everything else in it is ignored (RFC 7516 §4: unknown parameters are ignored unless `crit` names them,
/// and `crit` is refused). serde refuses a name given twice.
#[derive(Deserialize)]
struct HeaderIn {
    alg: Option<serde_json::Value>,
    enc: Option<serde_json::Value>,
    zip: Option<serde_json::Value>,
    p2s: Option<serde_json::Value>,
    p2c: Option<serde_json::Value>,
    #[serde(default, deserialize_with = "present")]
    crit: bool,
}

/// True for any value, even `null`: a `crit` header is refused whatever it holds.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    serde::de::IgnoredAny::deserialize(d).map(|_| true)
}

/// The JOSE header: the union of the protected header and a file's unprotected ones (RFC 7516 §7.2.1),
/// whose names must be disjoint. `p2s`, `p2c`, `alg` and `enc` may be unprotected (libraries put a
/// generated `p2s` there; changing one only makes the key wrong), `zip` may not (RFC 7516 §4.1.3).
fn union(mut header: HeaderIn, unprotected: [Option<HeaderIn>; 2]) -> Result<HeaderIn, JweError> {
    for other in unprotected.into_iter().flatten() {
        if other.crit {
            return Err(JweError::Critical);
        }
        if other.zip.is_some() {
            return Err(JweError::Unprotected { name: "zip" });
        }
        for (name, mine, theirs) in [
            ("alg", &mut header.alg, other.alg),
            ("enc", &mut header.enc, other.enc),
            ("p2s", &mut header.p2s, other.p2s),
            ("p2c", &mut header.p2c, other.p2c),
        ] {
            if theirs.is_some() {
                if mine.is_some() {
                    return Err(JweError::BadHeader {
                        reason: format!("“{name}” is given in two of its headers"),
                    });
                }
                *mine = theirs;
            }
        }
    }
    Ok(header)
}

fn check(
    protected: &str,
    unprotected: [Option<HeaderIn>; 2],
    encrypted_key: &str,
    iv: &str,
    ciphertext: &str,
    tag: &str,
    aad: Vec<u8>,
) -> Result<Sealed, JweError> {
    if protected.len() > MAX_HEADER_CHARS {
        return Err(JweError::BadHeader {
            reason: format!("it is longer than {MAX_HEADER_CHARS} characters"),
        });
    }
    let header_json = decode_part(protected, "protected header")?;
    let header: HeaderIn =
        serde_json::from_slice(&header_json).map_err(|e| JweError::BadHeader {
            reason: format!("it is not a JSON object of header parameters ({e})"),
        })?;
    if header.crit {
        return Err(JweError::Critical);
    }
    let header = union(header, unprotected)?;
    let text = |value: Option<serde_json::Value>, name: &'static str| match value {
        None => Err(JweError::BadHeader {
            reason: format!("it has no “{name}”"),
        }),
        Some(serde_json::Value::String(s)) => Ok(s),
        Some(other) => Err(JweError::BadHeader {
            reason: format!("its “{name}” is {other}, not a string"),
        }),
    };
    let alg = text(header.alg, "alg")?;
    if alg != ALG {
        return Err(JweError::UnknownAlg {
            found: shorten(&alg),
        });
    }
    let enc = text(header.enc, "enc")?;
    if enc != ENC {
        return Err(JweError::UnknownEnc {
            found: shorten(&enc),
        });
    }
    let compressed = match header.zip {
        None => false,
        Some(serde_json::Value::String(zip)) if zip == ZIP => true,
        Some(other) => {
            return Err(JweError::UnknownZip {
                found: shorten(&other.to_string()),
            })
        }
    };
    let iterations = match header.p2c {
        Some(serde_json::Value::Number(n)) => n.as_u64().ok_or_else(|| JweError::BadHeader {
            reason: format!("its “p2c” is {n}, not a whole number of rounds"),
        })?,
        None => {
            return Err(JweError::BadHeader {
                reason: "it has no “p2c” (the number of key-derivation rounds)".into(),
            })
        }
        Some(other) => {
            return Err(JweError::BadHeader {
                reason: format!("its “p2c” is {}, not a number", shorten(&other.to_string())),
            })
        }
    };
    if iterations > MAX_ITERATIONS {
        return Err(JweError::TooManyIterations { found: iterations });
    }
    if iterations < MIN_ITERATIONS {
        return Err(JweError::TooFewIterations { found: iterations });
    }
    let p2s = decode_part(&text(header.p2s, "p2s")?, "p2s")?;
    if p2s.len() < MIN_SALT_BYTES {
        return Err(JweError::ShortSalt { bytes: p2s.len() });
    }
    let encrypted_key = sized(
        decode_part(encrypted_key, "encrypted key")?,
        "encrypted key",
        WRAPPED_KEY_BYTES,
    )?;
    let iv = sized(decode_part(iv, "iv")?, "iv", IV_BYTES)?;
    let tag = sized(decode_part(tag, "tag")?, "tag", TAG_BYTES)?;
    let ciphertext = decode_part(ciphertext, "ciphertext")?;
    Ok(Sealed {
        salt: salt(&p2s),
        iterations: u32::try_from(iterations).expect("at most MAX_ITERATIONS"),
        encrypted_key,
        iv,
        ciphertext,
        tag,
        aad,
        compressed,
    })
}

fn decode_part(text: &str, part: &'static str) -> Result<Vec<u8>, JweError> {
    base64url::decode(text).map_err(|_| JweError::BadPart { part })
}

fn sized(bytes: Vec<u8>, part: &'static str, expected: usize) -> Result<Vec<u8>, JweError> {
    if bytes.len() == expected {
        Ok(bytes)
    } else {
        Err(JweError::BadSize {
            part,
            found: bytes.len(),
            expected,
        })
    }
}

fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

/// Why an encrypted file or link could not be opened. Every refusal before decryption names what is
/// wrong; after it, a wrong passphrase and a changed byte cannot be told apart by design, and the
/// message says both.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum JweError {
    #[error("It is {} bytes, more than the {} bytes an encrypted assessment can be.", codec::group_digits(*.size), codec::group_digits(*.limit))]
    TooLarge { size: usize, limit: usize },
    #[error("It is not an encrypted assessment: {reason}.")]
    NotJwe { reason: String },
    #[error(
        "Its {part} is damaged (not base64url): it was changed or cut short. Ask for it again."
    )]
    BadPart { part: &'static str },
    #[error("Its {part} has {found} bytes where it must have {expected}: it was changed or made by another program.")]
    BadSize {
        part: &'static str,
        found: usize,
        expected: usize,
    },
    #[error("Its protected header cannot be read: {reason}.")]
    BadHeader { reason: String },
    #[error("It is encrypted with the key algorithm “{found}”; this app opens only {ALG}.")]
    UnknownAlg { found: String },
    #[error("It is encrypted with the content algorithm “{found}”; this app opens only {ENC}.")]
    UnknownEnc { found: String },
    #[error("It is compressed with “{found}”; this app knows only “{ZIP}” (raw deflate).")]
    UnknownZip { found: String },
    #[error("Its header has a “crit” parameter: it needs extensions of the JWE standard this app does not have, so it is not opened.")]
    Critical,
    #[error("Its header asks for {} key-derivation rounds, more than the {} this app allows: opening it would keep your browser busy for minutes. This app writes {}.", codec::group_digits(*.found as usize), codec::group_digits(MAX_ITERATIONS as usize), codec::group_digits(ITERATIONS as usize))]
    TooManyIterations { found: u64 },
    #[error("Its header asks for only {found} key-derivation rounds, fewer than the {} the standard recommends: its passphrase would be too easy to guess.", codec::group_digits(MIN_ITERATIONS as usize))]
    TooFewIterations { found: u64 },
    #[error("Its key-derivation salt (“p2s”) has {bytes} bytes, fewer than the {MIN_SALT_BYTES} the standard requires.")]
    ShortSalt { bytes: usize },
    #[error("Its “{name}” parameter is outside the protected header, where the standard does not allow it.")]
    Unprotected { name: &'static str },
    #[error("The passphrase is wrong, or it was changed after it was encrypted. Check the passphrase (letter case and spaces count) and try again.")]
    WrongPassphrase,
    #[error("It was changed after it was encrypted: its content does not match its seal. Ask for it again.")]
    Tampered,
    #[error("It was decrypted, but its content cannot be unpacked: {0}")]
    Unpack(Box<ShareError>),
    #[error("{0}")]
    Invalid(#[from] ImportError),
}
