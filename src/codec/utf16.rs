//! UTF-16 input, as Windows tools save text (PowerShell's `>` and `Out-File`, older Notepad): read as the
//! text it holds rather than refused, since nothing in it is wrong but its encoding.

use super::ImportError;

/// The text of `input` if it is UTF-16, `None` if it is not (so it is read as UTF-8).
///
/// UTF-16 is recognised by its byte order mark (`FF FE`, `FE FF`) or, without one, by the zero byte
/// beside the first character: JSON starts with an ASCII character, and UTF-8 JSON has no zero bytes.
pub(super) fn decode(input: &[u8]) -> Result<Option<String>, ImportError> {
    let (little_endian, units) = match input {
        [0xff, 0xfe, rest @ ..] => (true, rest),
        [0xfe, 0xff, rest @ ..] => (false, rest),
        [first, 0, ..] if *first != 0 => (true, input),
        [0, second, ..] if *second != 0 => (false, input),
        _ => return Ok(None),
    };
    let code_units = units.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut text = String::with_capacity(units.len() / 2);
    for c in char::decode_utf16(code_units) {
        match c {
            Ok(c) => text.push(c),
            Err(_) => {
                let (line, column) = end_position(&text);
                return Err(ImportError::NotUtf16 { line, column });
            }
        }
    }
    if units.len() % 2 == 1 {
        let (line, column) = end_position(&text);
        return Err(ImportError::Truncated { line, column });
    }
    Ok(Some(text))
}

/// 1-based line and column (in characters) of the character after `text`.
fn end_position(text: &str) -> (usize, usize) {
    let line = text.matches('\n').count() + 1;
    let last_line = text.rsplit('\n').next().unwrap_or_default();
    (line, last_line.chars().count() + 1)
}
