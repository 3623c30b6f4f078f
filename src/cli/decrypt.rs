//! Opening encrypted files and share links on the command line, with RustCrypto where the app uses the
//! browser's Web Crypto (`ui::crypto`): PBKDF2-HMAC-SHA-512, AES Key Wrap and AES-256-GCM. The structure
//! and header were checked by [`jwe`] before any key is derived here; what this decrypts is read by
//! [`Sealed::open`], exactly as the app reads it. Native only (the ciphers never enter the site).
//!
//! The passphrase comes from a file (`--passphrase-file`): its first line, without the line ending. A
//! command-line argument would show in the process list to other users of the machine.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use aes_kw::KekAes256;
use sha2::Sha512;
use thiserror::Error;

use crate::catalogue::Catalogue;
use crate::codec::Preview;
use crate::jwe::{JweError, Sealed};

/// How many bytes of the passphrase file are read: its first line must end within them.
pub const MAX_PASSPHRASE_FILE_BYTES: usize = 64 * 1024;

/// Why an encrypted file or link was not opened.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Closed {
    #[error("is encrypted: give its passphrase with --passphrase-file PATH (a file whose first line is the passphrase).")]
    NoPassphrase,
    /// A wrong passphrase, a changed byte, or content that is not an assessment the app would import.
    #[error("{0}")]
    Refused(#[from] JweError),
}

/// Decrypts a checked file or link with `passphrase` (none given: [`Closed::NoPassphrase`]) and reads
/// it as the app does. A content key that does not unwrap (AES Key Wrap's integrity check) is a wrong
/// passphrase, or a changed header or key; a tag that does not match is a changed ciphertext, tag or
/// header, as the app tells them apart.
pub fn open(
    sealed: &Sealed,
    passphrase: Option<&str>,
    catalogue: &Catalogue,
) -> Result<Preview, Closed> {
    let passphrase = passphrase.ok_or(Closed::NoPassphrase)?;
    let mut kek = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<Sha512>(
        passphrase.as_bytes(),
        &sealed.salt,
        sealed.iterations,
        &mut kek,
    );
    let mut cek = [0u8; 32];
    KekAes256::from(kek)
        .unwrap(&sealed.encrypted_key, &mut cek)
        .map_err(|_| JweError::WrongPassphrase)?;
    let plaintext = Aes256Gcm::new(&cek.into())
        .decrypt(
            Nonce::from_slice(&sealed.iv),
            Payload {
                msg: &sealed.ciphertext_and_tag(),
                aad: &sealed.aad,
            },
        )
        .map_err(|_| JweError::Tampered)?;
    Ok(sealed.open(&plaintext, catalogue)?)
}

/// The passphrase a passphrase file holds: its first line, without its line ending (`\n` or `\r\n`) or
/// a byte order mark; spaces count, as in the app. `bytes` is what was read of the file, at most
/// [`MAX_PASSPHRASE_FILE_BYTES`] and one more.
pub fn passphrase(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let line = match bytes.iter().position(|&b| b == b'\n') {
        Some(end) => &bytes[..end],
        None if bytes.len() > MAX_PASSPHRASE_FILE_BYTES => {
            return Err(format!(
                "its first line is longer than {} KB: it is not a passphrase file.",
                MAX_PASSPHRASE_FILE_BYTES / 1024
            ))
        }
        None => bytes,
    };
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if line.is_empty() {
        return Err("its first line is empty: put the passphrase on the first line.".to_owned());
    }
    String::from_utf8(line.to_vec()).map_err(|_| {
        "its first line is not UTF-8 text, which the app's passphrases always are: save the file as UTF-8.".to_owned()
    })
}
