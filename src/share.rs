//! Share links: an assessment packed into the URL fragment, so it never reaches a server.
//!
//! The link is `…#share=<payload>`, where the payload is base64url (no padding) of raw deflate of the
//! compact v1 JSON of [`crate::codec`]. Notes, evidence, owners, due dates and the hand-edited policy are
//! left out unless the user asks for them; not-applicable justifications always stay, since an N/A answer
//! needs one. Opening a link goes through the same [`codec::decode`] checks as importing a file.

use miniz_oxide::inflate::{self, TINFLStatus};
use thiserror::Error;

use crate::assessment::Assessment;
use crate::catalogue::Catalogue;
use crate::codec::{self, v1::Detail, ImportError, Preview};

/// The key in the fragment: `#share=…`.
pub const KEY: &str = "share";
/// A fragment longer than this is refused before it is decoded (characters).
pub const MAX_LINK_CHARS: usize = 512 * 1024;
/// Unpacked data larger than this is refused, whatever the link says: no deflate bombs.
pub const MAX_UNPACKED_BYTES: usize = codec::MAX_INPUT_BYTES;

/// The fragment for a share link, `share=<payload>`; the UI puts it after `#`.
pub fn to_fragment(assessment: &Assessment, include_notes: bool) -> String {
    let detail = if include_notes {
        Detail::Everything
    } else {
        Detail::WithoutNotes
    };
    let json = codec::encode_compact(assessment, detail);
    // Level 10 is miniz's best compression; links are short, so its cost does not matter.
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 10);
    format!("{KEY}={}", base64url::encode(&packed))
}

/// Opens a share link's fragment (`#share=…`, `share=…`, the bare payload, or the whole link).
pub fn from_fragment(fragment: &str, catalogue: &Catalogue) -> Result<Preview, ShareError> {
    if fragment.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLong {
            length: fragment.len(),
            limit: MAX_LINK_CHARS,
        });
    }
    let payload = payload(fragment)?;
    let packed = base64url::decode(&payload)?;
    let json = match inflate::decompress_to_vec_with_limit(&packed, MAX_UNPACKED_BYTES) {
        Ok(json) => json,
        Err(e) if e.status == TINFLStatus::HasMoreOutput => {
            return Err(ShareError::TooLargeUnpacked {
                limit: MAX_UNPACKED_BYTES,
            })
        }
        Err(e) => {
            let reason = match e.status {
                TINFLStatus::FailedCannotMakeProgress => "it ends too early",
                _ => "its data is corrupt",
            };
            return Err(ShareError::BadDeflate { reason });
        }
    };
    Ok(codec::decode(&json, catalogue)?)
}

/// The payload in a fragment, without whitespace that mail and chat programs like to insert.
fn payload(fragment: &str) -> Result<String, ShareError> {
    let after_hash = match fragment.rfind('#') {
        Some(i) => &fragment[i + 1..],
        None => fragment,
    };
    let prefix = format!("{KEY}=");
    let raw = match after_hash
        .split('&')
        .find_map(|part| part.trim().strip_prefix(prefix.as_str()))
    {
        Some(payload) => payload,
        None if after_hash.contains('=') => return Err(ShareError::NoAssessment),
        None => after_hash,
    };
    let payload: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if payload.is_empty() {
        return Err(ShareError::NoAssessment);
    }
    Ok(payload)
}

/// Why a share link could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ShareError {
    #[error("This link has no shared assessment in it: a share link ends in “#share=” followed by letters and digits. Copy the whole link again.")]
    NoAssessment,
    #[error("This share link is damaged or incomplete: it is {length} characters long, more than the {limit} a share link can have.")]
    TooLong { length: usize, limit: usize },
    #[error("This share link is damaged or incomplete: {found:?} at position {position} cannot appear in a share link. Copy the whole link again.")]
    BadCharacter { position: usize, found: char },
    #[error("This share link is damaged or incomplete: it was cut short (its length is not possible). Copy the whole link again.")]
    BadLength,
    #[error("This share link is damaged or incomplete: its data cannot be unpacked ({reason}). Copy the whole link again.")]
    BadDeflate { reason: &'static str },
    #[error("This share link is damaged or incomplete: it unpacks to more than {} MB, which no assessment does.", limit / (1024 * 1024))]
    TooLargeUnpacked { limit: usize },
    #[error("This share link cannot be opened. {0}")]
    Invalid(#[from] ImportError),
}

/// Base64url without padding (RFC 4648 §5), the alphabet that needs no escaping in a URL.
pub mod base64url {
    use super::ShareError;

    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// Encodes bytes, without `=` padding.
    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
            for i in 0..=chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 0x3f) as usize]));
            }
        }
        out
    }

    /// Decodes unpadded base64url. Refuses any other character, a length no encoder makes, and set bits
    /// after the last byte (so each payload has exactly one spelling).
    pub fn decode(text: &str) -> Result<Vec<u8>, ShareError> {
        let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
        let mut buffer: u32 = 0;
        let mut bits = 0;
        for (position, c) in text.chars().enumerate() {
            let value = match c {
                'A'..='Z' => c as u32 - 'A' as u32,
                'a'..='z' => c as u32 - 'a' as u32 + 26,
                '0'..='9' => c as u32 - '0' as u32 + 52,
                '-' => 62,
                '_' => 63,
                _ => {
                    return Err(ShareError::BadCharacter {
                        position: position + 1,
                        found: c,
                    })
                }
            };
            buffer = (buffer << 6) | value;
            bits += 6;
            if bits >= 8 {
                bits -= 8;
                out.push((buffer >> bits) as u8);
                buffer &= (1 << bits) - 1;
            }
        }
        // 6 leftover bits mean a length of 4n + 1, which no encoder makes; fewer must be zero padding.
        if bits >= 6 || buffer != 0 {
            return Err(ShareError::BadLength);
        }
        Ok(out)
    }
}
