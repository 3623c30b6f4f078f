//! A first pass over the JSON text, before it is read as any version's types.
//!
//! It checks what serde_json does not: no object anywhere has the same key twice (serde_json keeps the last
//! one silently, and a derived struct reports a bare "duplicate field"), and it reads `format` and
//! `schema_version` so the right reader is picked. It walks the whole document, so syntax errors and
//! excessive nesting (serde_json's recursion limit) are reported here, with their position.

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{shorten, syntax_error, ImportError};

/// The top-level fields that decide how to read the rest.
#[derive(Debug, Default)]
pub(super) struct Header {
    pub format: Option<Scalar>,
    pub schema_version: Option<Scalar>,
}

/// A JSON value reduced to what a message needs.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Scalar {
    Str(String),
    UInt(u64),
    /// Anything else, described for a message ("the number -1", "a list").
    Other(String),
}

impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scalar::Str(s) => write!(f, "{:?}", shorten(s, 60)),
            Scalar::UInt(n) => write!(f, "{n}"),
            Scalar::Other(what) => f.write_str(what),
        }
    }
}

/// Walks `text`, a document that starts with `{`.
pub(super) fn scan(text: &str) -> Result<Header, ImportError> {
    let duplicate = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let result = Top {
        duplicate: &duplicate,
    }
    .deserialize(&mut de)
    .and_then(|header| de.end().map(|()| header));
    result.map_err(|e| match duplicate.into_inner() {
        Some((key, parent)) => ImportError::DuplicateKey {
            key,
            parent,
            line: e.line(),
            column: e.column(),
        },
        None => syntax_error(&e).unwrap_or_else(|| ImportError::Shape {
            message: shorten(&super::humanise(&super::message_of(&e)), 300),
            line: e.line(),
            column: e.column(),
        }),
    })
}

/// Where a value is: a linked list on the stack, turned into text only for a message.
#[derive(Clone, Copy)]
struct Path<'p> {
    parent: Option<&'p Path<'p>>,
    segment: Segment<'p>,
}

#[derive(Clone, Copy)]
enum Segment<'p> {
    Root,
    Key(&'p str),
    Index(usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut segments = Vec::new();
        let mut node = Some(self);
        while let Some(path) = node {
            segments.push(path.segment);
            node = path.parent;
        }
        let mut first = true;
        for segment in segments.iter().rev() {
            match segment {
                Segment::Root => {}
                Segment::Key(key) => {
                    if !first {
                        f.write_str(" › ")?;
                    }
                    f.write_str(&shorten(key, 80))?;
                    first = false;
                }
                Segment::Index(i) => {
                    write!(f, "[{i}]")?;
                    first = false;
                }
            }
        }
        Ok(())
    }
}

type Duplicate = RefCell<Option<(String, String)>>;

/// Records a key of one object; a repeat is an error that names the key and the object.
fn check_key<E: de::Error>(
    seen: &mut HashSet<String>,
    key: &str,
    path: &Path<'_>,
    duplicate: &Duplicate,
) -> Result<(), E> {
    if seen.insert(key.to_owned()) {
        Ok(())
    } else {
        *duplicate.borrow_mut() = Some((shorten(key, 80), path.to_string()));
        Err(E::custom("duplicate key"))
    }
}

struct Top<'d> {
    duplicate: &'d Duplicate,
}

impl<'de> DeserializeSeed<'de> for Top<'_> {
    type Value = Header;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Header, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Top<'_> {
    type Value = Header;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an assessment (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Header, A::Error> {
        let root = Path {
            parent: None,
            segment: Segment::Root,
        };
        let mut seen = HashSet::new();
        let mut header = Header::default();
        while let Some(key) = map.next_key::<String>()? {
            check_key(&mut seen, &key, &root, self.duplicate)?;
            let path = Path {
                parent: Some(&root),
                segment: Segment::Key(&key),
            };
            let node = Node {
                path: &path,
                duplicate: self.duplicate,
            };
            match key.as_str() {
                "format" => header.format = Some(map.next_value_seed(Capture(node))?),
                "schema_version" => {
                    header.schema_version = Some(map.next_value_seed(Capture(node))?)
                }
                _ => map.next_value_seed(node)?,
            }
        }
        Ok(header)
    }
}

/// Any value below the top level: checked for duplicate keys, otherwise ignored.
#[derive(Clone, Copy)]
struct Node<'p, 'd> {
    path: &'p Path<'p>,
    duplicate: &'d Duplicate,
}

impl<'de> DeserializeSeed<'de> for Node<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        loop {
            let path = Path {
                parent: Some(self.path),
                segment: Segment::Index(index),
            };
            let node = Node {
                path: &path,
                duplicate: self.duplicate,
            };
            if seq.next_element_seed(node)?.is_none() {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            check_key(&mut seen, &key, self.path, self.duplicate)?;
            let path = Path {
                parent: Some(self.path),
                segment: Segment::Key(&key),
            };
            map.next_value_seed(Node {
                path: &path,
                duplicate: self.duplicate,
            })?;
        }
        Ok(())
    }
}

/// A top-level value kept for the header: strings and whole numbers as they are, the rest described.
struct Capture<'p, 'd>(Node<'p, 'd>);

impl<'de> DeserializeSeed<'de> for Capture<'_, '_> {
    type Value = Scalar;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Scalar, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Capture<'_, '_> {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar::Other(v.to_string()))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Other(format!("the number {v}")))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar::UInt(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar::Other(format!("the number {v}")))
    }
    fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Str(v.to_owned()))
    }
    fn visit_unit<E>(self) -> Result<Scalar, E> {
        Ok(Scalar::Other("null".to_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Scalar, A::Error> {
        self.0.visit_seq(seq)?;
        Ok(Scalar::Other("a list".to_owned()))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Scalar, A::Error> {
        self.0.visit_map(map)?;
        Ok(Scalar::Other("an object".to_owned()))
    }
}
