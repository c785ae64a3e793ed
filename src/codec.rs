//! The one codec every stored value and every byte that crosses a device goes through: a
//! format-version byte, then bincode 2.0.1 (serde, standard config) with a size limit.
//! bincode is pinned and used nowhere else, so that it can be swapped in one place.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// The most bytes one value read from this device's own database may claim.
pub const STORED_LIMIT: usize = 64 << 20;
/// The most bytes one value read from outside (a file, a bundle item) may claim.
pub const OUTSIDE_LIMIT: usize = 4 << 20;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodecError {
    #[error("empty value: no format version byte")]
    Empty,
    #[error(
        "format version {found} is not known to this version of Daleel (it reads up to version {known}); install a newer Daleel"
    )]
    UnknownVersion { found: u8, known: u8 },
    #[error("damaged value: {0}")]
    Decode(String),
    #[error("damaged value: {0} bytes left over after the value")]
    TrailingBytes(usize),
    #[error("cannot encode value: {0}")]
    Encode(String),
    #[error(
        "damaged value: not written in its one shortest form (a number written longer than needed, say), so its bytes are not the ones its hash and signature speak for"
    )]
    NotShortest,
}

/// A stored type: its current format version, and how to read older versions.
pub trait Versioned: Serialize + DeserializeOwned {
    /// The format version written today. Bump it when the struct changes, and teach
    /// `migrate` to read the old one.
    const VERSION: u8;

    /// Reads a value written with an older format `version` (its bytes after the version
    /// byte). The default knows no older versions.
    fn migrate(version: u8, body: &[u8]) -> Result<Self, CodecError> {
        let _ = body;
        Err(CodecError::UnknownVersion {
            found: version,
            known: Self::VERSION,
        })
    }
}

/// Encodes a value with its format-version byte.
pub fn encode<T: Versioned>(value: &T) -> Result<Vec<u8>, CodecError> {
    let mut out = vec![T::VERSION];
    out.extend(encode_value(value)?);
    Ok(out)
}

/// Decodes a value from this device's own database.
pub fn decode<T: Versioned>(bytes: &[u8]) -> Result<T, CodecError> {
    let (&version, body) = bytes.split_first().ok_or(CodecError::Empty)?;
    if version == T::VERSION {
        decode_value_limited::<T, STORED_LIMIT>(body)
    } else if version < T::VERSION {
        T::migrate(version, body)
    } else {
        Err(CodecError::UnknownVersion {
            found: version,
            known: T::VERSION,
        })
    }
}

/// Decodes the first field `H` of a versioned value `T` (its version byte checked) and
/// leaves the rest unread: an export reads a change's envelope without its payload.
pub fn decode_head<T: Versioned, H: DeserializeOwned>(bytes: &[u8]) -> Result<H, CodecError> {
    let (&version, body) = bytes.split_first().ok_or(CodecError::Empty)?;
    if version != T::VERSION {
        return Err(CodecError::UnknownVersion {
            found: version,
            known: T::VERSION,
        });
    }
    let config = bincode::config::standard().with_limit::<STORED_LIMIT>();
    bincode::serde::decode_from_slice::<H, _>(body, config)
        .map(|(head, _)| head)
        .map_err(|e| CodecError::Decode(e.to_string()))
}

/// Decodes a value that came from outside (a file or a bundle), under the outside limit.
/// Every such value is signed, or hashed into something signed: it must be in its one
/// shortest form (see `decode_exact`).
pub fn decode_untrusted<T: Versioned>(bytes: &[u8]) -> Result<T, CodecError> {
    let (&version, body) = bytes.split_first().ok_or(CodecError::Empty)?;
    if version != T::VERSION {
        return Err(CodecError::UnknownVersion {
            found: version,
            known: T::VERSION,
        });
    }
    decode_exact_limited::<T, OUTSIDE_LIMIT>(body)
}

/// Decodes a signed value from outside that may be of an older version (an identity
/// card, a hand-off), under the database's own limit (the caller bounds the size): the
/// current version must be in its one shortest form, and an older one is read by
/// `T::migrate`, which reads it with `decode_exact`.
pub fn decode_signed<T: Versioned>(bytes: &[u8]) -> Result<T, CodecError> {
    let (&version, body) = bytes.split_first().ok_or(CodecError::Empty)?;
    if version == T::VERSION {
        decode_exact_limited::<T, STORED_LIMIT>(body)
    } else if version < T::VERSION {
        T::migrate(version, body)
    } else {
        Err(CodecError::UnknownVersion {
            found: version,
            known: T::VERSION,
        })
    }
}

/// Decodes a bare value from outside under the outside limit, and refuses it unless
/// encoding it again gives the same bytes. bincode reads a number written longer than
/// needed (a varint's 251/252/253 forms for a value that fits in fewer bytes) as the
/// same number, and the hashes are taken over a fresh encoding: without this check, one
/// signed change would have several byte forms, which the change log, the fork check
/// and the roster's statement ids would take for different things.
pub fn decode_exact<T: Serialize + DeserializeOwned>(bytes: &[u8]) -> Result<T, CodecError> {
    decode_exact_limited::<T, OUTSIDE_LIMIT>(bytes)
}

/// `decode_exact` under the database's own limit, for an older version of a signed value
/// whose size the caller bounds (a hand-off's `migrate`, as `decode_signed` reads the
/// current one).
pub fn decode_exact_bounded<T: Serialize + DeserializeOwned>(
    bytes: &[u8],
) -> Result<T, CodecError> {
    decode_exact_limited::<T, STORED_LIMIT>(bytes)
}

fn decode_exact_limited<T: Serialize + DeserializeOwned, const LIMIT: usize>(
    bytes: &[u8],
) -> Result<T, CodecError> {
    let value = decode_value_limited::<T, LIMIT>(bytes)?;
    // Encoded again into a writer that compares as it goes: nothing is allocated, and
    // the first byte that differs stops it.
    let mut same = Same { rest: bytes };
    match bincode::serde::encode_into_std_write(&value, &mut same, bincode::config::standard()) {
        Ok(_) if same.rest.is_empty() => Ok(value),
        _ => Err(CodecError::NotShortest),
    }
}

/// A writer that takes only the bytes `rest` starts with.
struct Same<'a> {
    rest: &'a [u8],
}

impl std::io::Write for Same<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.rest.strip_prefix(buf) {
            Some(rest) => {
                self.rest = rest;
                Ok(buf.len())
            }
            None => Err(std::io::Error::other("the bytes differ")),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Encodes a bare value (no version byte): field values inside a change, and the bytes
/// that are hashed and signed.
pub fn encode_value<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, CodecError> {
    bincode::serde::encode_to_vec(value, bincode::config::standard())
        .map_err(|e| CodecError::Encode(e.to_string()))
}

/// Decodes a bare value under the outside limit, refusing bytes left over.
pub fn decode_value<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, CodecError> {
    decode_value_limited::<T, OUTSIDE_LIMIT>(bytes)
}

fn decode_value_limited<T: DeserializeOwned, const LIMIT: usize>(
    bytes: &[u8],
) -> Result<T, CodecError> {
    let config = bincode::config::standard().with_limit::<LIMIT>();
    let (value, used) = bincode::serde::decode_from_slice::<T, _>(bytes, config)
        .map_err(|e| CodecError::Decode(e.to_string()))?;
    if used != bytes.len() {
        return Err(CodecError::TrailingBytes(bytes.len() - used));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct NoteV2 {
        text: String,
        tags: BTreeMap<String, u32>,
        pinned: bool,
    }

    #[derive(Serialize, Deserialize)]
    struct NoteV1 {
        text: String,
    }

    impl Versioned for NoteV1 {
        const VERSION: u8 = 1;
    }

    impl Versioned for NoteV2 {
        const VERSION: u8 = 2;
        fn migrate(version: u8, body: &[u8]) -> Result<Self, CodecError> {
            match version {
                1 => {
                    let old: NoteV1 = decode_value(body)?;
                    Ok(NoteV2 {
                        text: old.text,
                        tags: BTreeMap::new(),
                        pinned: false,
                    })
                }
                _ => Err(CodecError::UnknownVersion {
                    found: version,
                    known: 2,
                }),
            }
        }
    }

    fn note() -> NoteV2 {
        NoteV2 {
            text: "فاطمة".into(),
            tags: [("a".to_string(), 1)].into(),
            pinned: true,
        }
    }

    #[test]
    fn round_trip_keeps_every_field() {
        let bytes = encode(&note()).expect("encodes");
        assert_eq!(bytes[0], 2, "first byte is the format version");
        assert_eq!(decode::<NoteV2>(&bytes).expect("decodes"), note());
    }

    #[test]
    fn an_older_version_is_migrated() {
        let old = encode(&NoteV1 { text: "x".into() }).expect("encodes");
        let new: NoteV2 = decode(&old).expect("migrates");
        assert_eq!(new.text, "x");
        assert!(!new.pinned);
    }

    #[test]
    fn a_newer_version_is_refused_with_the_version_needed() {
        let mut bytes = encode(&note()).expect("encodes");
        bytes[0] = 9;
        let err = decode::<NoteV2>(&bytes).expect_err("too new");
        assert_eq!(err, CodecError::UnknownVersion { found: 9, known: 2 });
        assert!(err.to_string().contains("install a newer Daleel"));
        assert_eq!(decode::<NoteV2>(&[]), Err(CodecError::Empty));
    }

    #[test]
    fn untrusted_input_gets_no_migration_and_no_leftovers() {
        let old = encode(&NoteV1 { text: "x".into() }).expect("encodes");
        assert!(decode_untrusted::<NoteV2>(&old).is_err());
        let mut bytes = encode(&note()).expect("encodes");
        bytes.push(0);
        assert_eq!(
            decode_untrusted::<NoteV2>(&bytes),
            Err(CodecError::TrailingBytes(1))
        );
        bytes.truncate(bytes.len() - 3);
        assert!(matches!(
            decode_untrusted::<NoteV2>(&bytes),
            Err(CodecError::Decode(_))
        ));
    }

    #[test]
    fn a_number_written_longer_than_needed_is_refused_from_outside() {
        // bincode 2's varint: below 251 one byte; 251 then a u16, 252 then a u32, 253
        // then a u64. The value 5 as a u32 field, and a string's length, in long forms.
        let bytes = encode(&note()).expect("encodes");
        assert_eq!(
            decode_untrusted::<NoteV2>(&bytes).expect("shortest"),
            note()
        );
        // NoteV2: version, text (length 10, then its UTF-8), tags (count 1, "a", 1), pinned.
        assert_eq!(bytes[1], 10, "the text's length");
        for long in [vec![251u8, 10, 0], vec![252, 10, 0, 0, 0], {
            let mut v = vec![253u8];
            v.extend(10u64.to_le_bytes());
            v
        }] {
            let mut b = vec![bytes[0]];
            b.extend(&long);
            b.extend(&bytes[2..]);
            // The lenient reader takes it as the same value...
            assert_eq!(decode::<NoteV2>(&b).expect("lenient"), note());
            // ...every reader of bytes from outside refuses it.
            assert_eq!(decode_untrusted::<NoteV2>(&b), Err(CodecError::NotShortest));
            assert_eq!(decode_signed::<NoteV2>(&b), Err(CodecError::NotShortest));
            assert_eq!(
                decode_exact::<NoteV2>(&b[1..]),
                Err(CodecError::NotShortest)
            );
        }
        // The last value of the map (1) as 251, 1, 0.
        let at = bytes.len() - 2;
        assert_eq!(&bytes[at..], &[1, 1]);
        let mut b = bytes[..at].to_vec();
        b.extend([251, 1, 0, 1]);
        assert_eq!(decode_untrusted::<NoteV2>(&b), Err(CodecError::NotShortest));
        assert!(
            CodecError::NotShortest
                .to_string()
                .contains("shortest form"),
            "says what is wrong"
        );
    }

    #[test]
    fn a_declared_length_beyond_the_limit_is_refused_before_allocating() {
        // A string that claims 2^40 bytes: varint tag 253 then a u64 length.
        let mut body = vec![253u8];
        body.extend((1u64 << 40).to_le_bytes());
        let err = decode_value::<String>(&body).expect_err("over the limit");
        assert!(
            matches!(err, CodecError::Decode(ref m) if m.to_lowercase().contains("limit")),
            "{err}"
        );
        // A vector that claims 10^12 elements: bincode's serde path does not count
        // sequence lengths against the limit, but serde reserves at most a small fixed
        // amount up front, so the claim allocates nothing and fails where the input ends.
        let mut body = vec![253u8];
        body.extend(1_000_000_000_000u64.to_le_bytes());
        let err = decode_value::<Vec<u64>>(&body).expect_err("input ends");
        assert!(
            matches!(err, CodecError::Decode(ref m) if m.contains("UnexpectedEnd")),
            "{err}"
        );
    }
}
