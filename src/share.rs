//! Share links: an assessment packed into the URL fragment, so it never reaches a server.
//!
//! The link is `…#share=<payload>`, where the payload is base64url (no padding) of raw deflate of the
//! compact JSON of [`crate::codec`]. Notes, evidence, owners, due dates and the hand-edited policy are
//! left out unless the user asks for them; not-applicable justifications always stay, since an N/A answer
//! needs one. Opening a link goes through the same [`codec::decode`] checks as importing a file, and
//! [`to_fragment`] makes no link that [`from_fragment`] would refuse.

use miniz_oxide::inflate::{self, TINFLStatus};
use thiserror::Error;

use crate::assessment::Assessment;
use crate::catalogue::Catalogue;
use crate::codec::{self, v2::Detail, ImportError, Preview};

/// The key in the fragment: `#share=…`.
pub const KEY: &str = "share";
/// A fragment longer than this is refused before it is decoded (characters).
pub const MAX_LINK_CHARS: usize = 512 * 1024;
/// Unpacked data larger than this is refused, whatever the link says: no deflate bombs.
pub const MAX_UNPACKED_BYTES: usize = codec::MAX_INPUT_BYTES;

/// The fragment for a share link, `share=<payload>`; the UI puts it after `#`.
///
/// Refuses to make a link that [`from_fragment`] would refuse: one longer than [`MAX_LINK_CHARS`] (with
/// its `#`), or one whose content is larger than [`MAX_UNPACKED_BYTES`] unpacked or as the file the app
/// stores on opening it. Packing stops as soon as the link would be too long, so a refusal costs no more
/// than the longest link.
pub fn to_fragment(assessment: &Assessment, include_notes: bool) -> Result<String, LinkError> {
    let detail = if include_notes {
        Detail::Everything
    } else {
        Detail::WithoutNotes
    };
    // The stored file is the pretty form of the same content, so never smaller than the link's JSON.
    let size = codec::encoded_len(assessment, detail);
    if size > MAX_UNPACKED_BYTES {
        return Err(LinkError::TooLarge {
            size,
            include_notes,
        });
    }
    let json = codec::encode_compact(assessment, detail);
    // What `#share=` leaves of the limit, in payload bytes: base64url spends 4 characters on 3 bytes.
    let max_packed = (MAX_LINK_CHARS - "#share=".len()) / 4 * 3;
    let packed =
        deflate_at_most(json.as_bytes(), max_packed).ok_or(LinkError::TooLong { include_notes })?;
    Ok(format!("{KEY}={}", base64url::encode(&packed)))
}

/// Raw deflate at miniz's best level (links are short, so its cost does not matter), or `None` as soon as
/// the output passes `max` bytes.
fn deflate_at_most(data: &[u8], max: usize) -> Option<Vec<u8>> {
    use miniz_oxide::deflate::core::{
        compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
    };
    // Room past `max` for the compressor's last flush, so that `None` never refuses output that fits.
    const SLACK: usize = 64;
    let cap = max + SLACK;
    let mut compressor = CompressorOxide::new(create_comp_flags_from_zip_params(10, -15, 0));
    let mut out = vec![0; (data.len() / 2).clamp(SLACK, cap)];
    let mut input = data;
    let mut written = 0;
    loop {
        let (status, read, wrote) = compress(
            &mut compressor,
            input,
            &mut out[written..],
            TDEFLFlush::Finish,
        );
        written += wrote;
        match status {
            TDEFLStatus::Done => {
                out.truncate(written);
                return (written <= max).then_some(out);
            }
            TDEFLStatus::Okay if read <= input.len() && written <= max => {
                input = &input[read..];
                // As miniz's own compress_to_vec: grow when less than a flush is left.
                if out.len() - written < SLACK / 2 {
                    if out.len() == cap {
                        return None;
                    }
                    out.resize((out.len() * 2).min(cap), 0);
                }
            }
            _ => return None,
        }
    }
}

/// Why the app makes no share link of an assessment: the link would be one it cannot open.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LinkError {
    #[error("This assessment does not fit in a share link: the link would be longer than the {} characters a link can have. {}", codec::group_digits(MAX_LINK_CHARS), instead(*.include_notes))]
    TooLong { include_notes: bool },
    #[error("This assessment does not fit in a share link: it holds {} of data, more than the {} MB a link can carry. {}", megabytes(*.size), MAX_UNPACKED_BYTES / (1024 * 1024), instead(*.include_notes))]
    TooLarge { size: usize, include_notes: bool },
}

fn instead(include_notes: bool) -> &'static str {
    if include_notes {
        "Make the link without notes (untick “Include notes, evidence, owners and due dates”), or use “Download JSON” and send the file instead."
    } else {
        "Use “Download JSON” and send the file instead."
    }
}

/// Bytes as megabytes with one decimal: 5.4 MB.
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes * 10).div_ceil(1024 * 1024);
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// Opens a share link's fragment (`#share=…`, `share=…`, the bare payload, or the whole link), also as
/// mail and chat programs leave it: with spaces and line breaks in it (which the address bar spells
/// `%20`, `%0A` …), percent-encoded, in angle brackets or quotes, or followed by punctuation.
pub fn from_fragment(fragment: &str, catalogue: &Catalogue) -> Result<Preview, ShareError> {
    // What a program adds is at most a few characters in every line of 76; twice the limit bounds the
    // work before anything is decoded, and the payload itself is held to the limit.
    if fragment.len() > 2 * MAX_LINK_CHARS {
        return Err(ShareError::TooLong {
            length: fragment.len(),
            limit: MAX_LINK_CHARS,
        });
    }
    let payload = payload(fragment)?;
    let length = KEY.len() + 1 + payload.len();
    if length > MAX_LINK_CHARS {
        return Err(ShareError::TooLong {
            length,
            limit: MAX_LINK_CHARS,
        });
    }
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

/// Whether a location hash (without its `#`) is a share link: `share=…`, also as mail programs spell it
/// (`share%3D…`, or with a space or line break before it).
pub fn is_link(hash: &str) -> bool {
    let head: String = hash.chars().take(64).collect();
    tidy(&head)
        .trim_start_matches(is_decoration)
        .starts_with(&format!("{KEY}="))
}

/// The payload in a fragment, without what mail and chat programs add to a link.
fn payload(fragment: &str) -> Result<String, ShareError> {
    let text = tidy(fragment);
    let after_hash = match text.rfind('#') {
        Some(i) => &text[i + 1..],
        None => &text,
    };
    let prefix = format!("{KEY}=");
    let raw = match after_hash.split('&').find_map(|part| {
        part.trim_start_matches(is_decoration)
            .strip_prefix(prefix.as_str())
    }) {
        Some(payload) => payload,
        None if after_hash.contains('=') => return Err(ShareError::NoAssessment),
        None => after_hash.trim_start_matches(is_decoration),
    };
    let payload = raw.trim_end_matches(is_decoration);
    if payload.is_empty() {
        return Err(ShareError::NoAssessment);
    }
    Ok(payload.to_owned())
}

/// `text` percent-decoded, without whitespace and invisible characters.
///
/// The payload's alphabet needs no escaping, so any `%XX` was added on the way: browsers spell spaces,
/// quotes and angle brackets in a fragment `%20`, `%22`, `%3C`, `%3E`, and some programs encode `=` as
/// `%3D`. Mail and chat programs break long lines with spaces, line breaks, no-break spaces, zero-width
/// spaces or soft hyphens, none of which a link holds.
fn tidy(text: &str) -> String {
    fn hex(b: Option<&u8>) -> Option<u8> {
        char::from(*b?).to_digit(16).map(|d| d as u8)
    }
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
            (b'%', Some(high), Some(low)) => {
                decoded.push(high << 4 | low);
                i += 3;
            }
            (b, _, _) => {
                decoded.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded)
        .chars()
        .filter(|&c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'
                )
        })
        .collect()
}

/// Brackets, quotes and punctuation that mail programs and sentences put around a link; none is in the
/// payload's alphabet.
fn is_decoration(c: char) -> bool {
    matches!(
        c,
        '<' | '>' | '(' | ')' | '[' | ']' | '"' | '\'' | '.' | ',' | ';' | ':' | '!' | '?'
    )
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
