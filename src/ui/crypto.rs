//! The browser's Web Crypto API, and the only module that uses it: PBKDF2, AES Key Wrap and AES-GCM for
//! encrypted files and links. The JWE structure and every check on it are the core's (`crate::jwe`); no
//! cipher code is in the app. The passphrase is used once and dropped: it is never stored.

use js_sys::{Array, ArrayBuffer, Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AesDerivedKeyParams, AesGcmParams, AesKeyGenParams, CryptoKey, Pbkdf2Params, SubtleCrypto,
};

use crate::jwe::{JweError, Parts, Seal, Sealed, IV_BYTES, TAG_BYTES};

const UNAVAILABLE: &str = "This browser offers no encryption here: Web Crypto needs the app to be opened over https (or from this computer). Nothing was changed.";

fn crypto() -> Result<web_sys::Crypto, String> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or_else(|| UNAVAILABLE.to_owned())
}

/// `crypto.subtle`, which browsers offer only in a secure context (https, or this computer).
fn subtle() -> Result<SubtleCrypto, String> {
    let crypto = crypto()?;
    let subtle = js_sys::Reflect::get(&crypto, &JsValue::from_str("subtle"))
        .ok()
        .filter(|s| !s.is_undefined() && !s.is_null())
        .ok_or_else(|| UNAVAILABLE.to_owned())?;
    Ok(subtle.unchecked_into())
}

/// `N` bytes from the browser's cryptographic random source.
pub fn random<const N: usize>() -> Result<[u8; N], String> {
    let mut bytes = [0u8; N];
    crypto()?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| UNAVAILABLE.to_owned())?;
    Ok(bytes)
}

async fn run(promise: Result<Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

fn usages(usage: &str) -> Array {
    Array::of1(&JsValue::from_str(usage))
}

fn bytes(value: JsValue) -> Vec<u8> {
    Uint8Array::new(&value.unchecked_into::<ArrayBuffer>()).to_vec()
}

/// PBES2's key-encryption key: PBKDF2 with HMAC-SHA-512 of the passphrase, as an AES-KW key.
async fn key_encryption_key(
    subtle: &SubtleCrypto,
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
    usage: &str,
) -> Result<CryptoKey, JsValue> {
    let secret = Uint8Array::from(passphrase.as_bytes());
    let base =
        run(subtle.import_key_with_str("raw", &secret, "PBKDF2", false, &usages("deriveKey")))
            .await?;
    secret.fill(0, 0, secret.length());
    let params =
        Pbkdf2Params::new_with_str("PBKDF2", "SHA-512", iterations, &Uint8Array::from(salt));
    let key = run(subtle.derive_key_with_object_and_object(
        &params,
        &base.unchecked_into(),
        &AesDerivedKeyParams::new("AES-KW", 256),
        false,
        &usages(usage),
    ))
    .await?;
    Ok(key.unchecked_into())
}

fn gcm(iv: &[u8], aad: &[u8]) -> AesGcmParams {
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(iv));
    params.set_additional_data(&Uint8Array::from(aad));
    params.set_tag_length((TAG_BYTES * 8) as u8);
    params
}

/// Encrypts `plaintext` under `seal`'s header: a random content key, wrapped with the passphrase's key,
/// and a random IV.
pub async fn seal(passphrase: &str, seal: &Seal, plaintext: &[u8]) -> Result<Parts, String> {
    let subtle = subtle()?;
    let failed = |_| "The browser could not encrypt the data; nothing was exported.".to_owned();
    let kek = key_encryption_key(&subtle, passphrase, &seal.salt, seal.iterations, "wrapKey")
        .await
        .map_err(failed)?;
    let cek: CryptoKey = run(subtle.generate_key_with_object(
        &AesKeyGenParams::new("AES-GCM", 256),
        true,
        &usages("encrypt"),
    ))
    .await
    .map_err(failed)?
    .unchecked_into();
    let encrypted_key = bytes(
        run(subtle.wrap_key_with_str("raw", &cek, &kek, "AES-KW"))
            .await
            .map_err(failed)?,
    );
    let iv = random::<IV_BYTES>()?.to_vec();
    let mut ciphertext = bytes(
        run(subtle.encrypt_with_object_and_u8_array(&gcm(&iv, seal.aad()), &cek, plaintext))
            .await
            .map_err(failed)?,
    );
    let tag = ciphertext.split_off(ciphertext.len().saturating_sub(TAG_BYTES));
    Ok(Parts {
        encrypted_key,
        iv,
        ciphertext,
        tag,
    })
}

/// Decrypts a checked JWE. A wrong passphrase shows when the content key does not unwrap (AES-KW's
/// integrity check; a changed header or key does the same), a changed ciphertext, tag or header when
/// AES-GCM's tag does not match.
pub async fn open(passphrase: &str, sealed: &Sealed) -> Result<Vec<u8>, String> {
    let subtle = subtle()?;
    let kek = key_encryption_key(
        &subtle,
        passphrase,
        &sealed.salt,
        sealed.iterations,
        "unwrapKey",
    )
    .await
    .map_err(|_| UNAVAILABLE.to_owned())?;
    let cek: CryptoKey = run(subtle.unwrap_key_with_u8_array_and_str_and_str(
        "raw",
        &sealed.encrypted_key,
        &kek,
        "AES-KW",
        "AES-GCM",
        false,
        &usages("decrypt"),
    ))
    .await
    .map_err(|_| JweError::WrongPassphrase.to_string())?
    .unchecked_into();
    let plaintext = run(subtle.decrypt_with_object_and_u8_array(
        &gcm(&sealed.iv, &sealed.aad),
        &cek,
        &sealed.ciphertext_and_tag(),
    ))
    .await
    .map_err(|_| JweError::Tampered.to_string())?;
    Ok(bytes(plaintext))
}
