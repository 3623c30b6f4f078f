//! How strong a passphrase is, as the encryption form says while it is typed, and whether it may be used.
//!
//! An encrypted file can be attacked offline, at the attacker's pace: only the passphrase protects it.
//! The rule is short and explainable: at least [`MIN_CHARS`] characters, not a common password (also not
//! one with digits or symbols added, a keyboard run or a repetition), and several words are good.

/// Fewer characters than this are refused.
pub const MIN_CHARS: usize = 12;
/// Words (of at least [`WORD_LETTERS`] letters) a passphrase needs to be called good.
pub const GOOD_WORDS: usize = 3;
/// Characters that make a passphrase good even as one word.
pub const GOOD_CHARS: usize = 20;
/// The fewest letters that count as a word.
const WORD_LETTERS: usize = 3;

/// Passwords people choose most often (from public breach statistics), lower case, letters only: a
/// passphrase that is one of them once digits, symbols and spaces are taken off is refused.
const COMMON: &[&str] = &[
    "password",
    "passwort",
    "wachtwoord",
    "motdepasse",
    "contrasena",
    "passe",
    "pass",
    "qwerty",
    "qwertyuiop",
    "qwertz",
    "azerty",
    "asdfgh",
    "asdfghjkl",
    "zxcvbnm",
    "letmein",
    "welcome",
    "welkom",
    "willkommen",
    "bienvenue",
    "admin",
    "administrator",
    "root",
    "login",
    "access",
    "secret",
    "geheim",
    "changeme",
    "default",
    "master",
    "iloveyou",
    "loveyou",
    "monkey",
    "dragon",
    "football",
    "baseball",
    "soccer",
    "hockey",
    "sunshine",
    "princess",
    "shadow",
    "superman",
    "batman",
    "trustno",
    "michael",
    "jennifer",
    "jordan",
    "hunter",
    "ranger",
    "buster",
    "harley",
    "charlie",
    "thomas",
    "daniel",
    "andrew",
    "robert",
    "jessica",
    "ashley",
    "nicole",
    "matrix",
    "starwars",
    "pokemon",
    "computer",
    "internet",
    "freedom",
    "whatever",
    "summer",
    "winter",
    "spring",
    "autumn",
    "hello",
    "hallo",
    "test",
    "testing",
    "abc",
    "abcd",
    "abcdef",
    "abcdefgh",
    "aaa",
    "qazwsx",
    "zaq",
    "qweasd",
    "mypassword",
    "newpassword",
    "passwordpassword",
    "correcthorsebatterystaple",
    "company",
    "office",
    "compliance",
    "security",
    "privacy",
    "assessment",
    "readiness",
    "audit",
    "aims",
    "iso",
    "isoiec",
    "governance",
    "encrypted",
    "encryption",
    "passphrase",
    "confidential",
];

/// What the form says about a passphrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    Empty,
    TooShort {
        chars: usize,
    },
    Common,
    /// Long enough and not common, but one word.
    Fair,
    Good,
}

impl Strength {
    /// Whether a file may be encrypted with it.
    pub fn acceptable(self) -> bool {
        matches!(self, Strength::Fair | Strength::Good)
    }

    /// The feedback, in words.
    pub fn message(self) -> String {
        match self {
            Strength::Empty => format!("Use at least {MIN_CHARS} characters; several unrelated words are best."),
            Strength::TooShort { chars } => format!(
                "Too short: {chars} of at least {MIN_CHARS} characters. Several unrelated words are easy to remember and hard to guess."
            ),
            Strength::Common => "A common password: it is among the first anyone guessing would try. Choose several unrelated words instead.".to_owned(),
            Strength::Fair => format!(
                "Acceptable. {GOOD_WORDS} or more unrelated words would be stronger."
            ),
            Strength::Good => "Good: several words, or long enough.".to_owned(),
        }
    }
}

/// How strong `passphrase` is.
pub fn strength(passphrase: &str) -> Strength {
    let chars = passphrase.chars().count();
    if passphrase.trim().is_empty() {
        return Strength::Empty;
    }
    if chars < MIN_CHARS {
        return Strength::TooShort { chars };
    }
    if is_common(passphrase) {
        return Strength::Common;
    }
    let words = passphrase
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= WORD_LETTERS)
        .count();
    if words >= GOOD_WORDS || chars >= GOOD_CHARS {
        Strength::Good
    } else {
        Strength::Fair
    }
}

/// Why a passphrase and its repetition cannot be used to encrypt, if they cannot.
pub fn check(passphrase: &str, repeated: &str) -> Result<(), String> {
    let strength = strength(passphrase);
    if strength == Strength::Empty {
        return Err("Enter a passphrase.".to_owned());
    }
    if !strength.acceptable() {
        return Err(strength.message());
    }
    if passphrase != repeated {
        return Err(
            "The two passphrases differ: type the same passphrase in both fields.".to_owned(),
        );
    }
    Ok(())
}

/// A common password, maybe with digits, symbols or spaces around or in it, a keyboard or alphabet run,
/// or one short piece repeated.
fn is_common(passphrase: &str) -> bool {
    let folded: Vec<char> = passphrase
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    let letters: String = folded.iter().filter(|c| c.is_alphabetic()).collect();
    let whole: String = folded.iter().filter(|c| c.is_alphanumeric()).collect();
    COMMON.contains(&letters.as_str())
        || letters.is_empty()
        || is_run(&whole)
        || is_repetition(&folded)
        || is_repetition(&letters.chars().collect::<Vec<_>>())
}

/// Consecutive characters, up or down: `123456789012`, `abcdefghijkl`, `9876543210`.
fn is_run(text: &str) -> bool {
    let codes: Vec<u32> = text.chars().map(u32::from).collect();
    codes.len() >= 4
        && (codes
            .windows(2)
            .all(|w| w[1] == w[0] + 1 || (w[0] == u32::from('9') && w[1] == u32::from('0')))
            || codes
                .windows(2)
                .all(|w| w[1] + 1 == w[0] || (w[0] == u32::from('0') && w[1] == u32::from('9'))))
}

/// One piece of at most a third of the text, repeated: `abcabcabcabc`, `passpasspass`.
fn is_repetition(chars: &[char]) -> bool {
    let n = chars.len();
    n > 0 && (1..=n / 3).any(|k| n.is_multiple_of(k) && chars.chunks(k).all(|c| c == &chars[..k]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_kinds_of_feedback() {
        assert_eq!(strength(""), Strength::Empty);
        assert_eq!(strength("   "), Strength::Empty);
        assert_eq!(strength("short1!"), Strength::TooShort { chars: 7 });
        assert_eq!(strength("Password2024!"), Strength::Common);
        assert_eq!(strength("correct horse battery staple"), Strength::Common);
        assert_eq!(strength("quiet otter lantern meadow"), Strength::Good);
        assert_eq!(strength("Lanternmeadow7"), Strength::Fair);
    }

    #[test]
    fn runs_and_repetitions_are_common() {
        for weak in [
            "123456789012",
            "abcdefghijklm",
            "zyxwvutsrqpo",
            "abcabcabcabc",
            "passpasspass",
            "!!!!!!!!!!!!!",
            "qwertyuiop12",
        ] {
            assert_eq!(strength(weak), Strength::Common, "{weak}");
        }
    }

    #[test]
    fn a_long_single_word_is_good() {
        assert_eq!(strength("Xq7vLp2mZr9tKw4nBd8s"), Strength::Good);
    }

    #[test]
    fn check_refuses_weak_and_different_passphrases() {
        assert_eq!(check("", ""), Err("Enter a passphrase.".to_owned()));
        assert!(check("letmein", "letmein")
            .unwrap_err()
            .starts_with("Too short"));
        assert!(check("letmein12345", "letmein12345")
            .unwrap_err()
            .starts_with("A common password"));
        assert!(check("quiet otter lantern", "quiet otter lanterns")
            .unwrap_err()
            .starts_with("The two passphrases differ"));
        assert_eq!(check("quiet otter lantern", "quiet otter lantern"), Ok(()));
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert_eq!(strength("äöüäöü"), Strength::TooShort { chars: 6 });
    }
}
