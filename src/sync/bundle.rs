//! Bundles: the files that carry changes between laptops on USB sticks. A bundle is
//! refused whole unless every byte checks: the container version and every length
//! against its limit (before anything is allocated), the sender's signature over the
//! whole file (its trailer), each segment's signature by the device that made its
//! changes, and each change's hash. The byte layout is specified in
//! docs/bundle-format.md.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::identity::{Identity, device_code, fingerprint};
use super::verify;
use crate::codec::{self, CodecError, Versioned};
use crate::model::Timestamp;
use crate::model::change::{Change, Envelope, OriginId};
use crate::model::clock::Hlc;
use crate::store::DatabaseKind;

/// The first bytes of a bundle file.
pub const MAGIC: &[u8; 8] = b"DALEELBN";
/// The container version of a signed bundle in the clear: the inside of every encrypted
/// bundle, and a whole file as Daleel wrote them before bundles were encrypted.
pub const PLAIN_VERSION: u16 = 1;
/// The container version this Daleel writes: a short clear header naming the sender,
/// then a signed bundle (version 1) encrypted in the age format to its receivers.
pub const CONTAINER_VERSION: u16 = 2;
/// The trailer: total length (u64) and the sender's signature (64 bytes).
pub const TRAILER_BYTES: usize = 8 + 64;
/// Limits on what a bundle may declare, checked before reading what they announce.
pub const MAX_HEADER_BYTES: u32 = 1 << 20;
pub const MAX_SEGMENT_HEADER_BYTES: u32 = 4 * 1024;
pub const MAX_CHANGE_BYTES: u32 = 4 << 20;
pub const MAX_SEGMENTS: u32 = 100_000;
pub const MAX_CHANGES_PER_SEGMENT: u64 = 10_000_000;

/// The clear header: who sent the bundle, what kind of database it comes from, and what
/// the sender holds (its watermarks: per origin, the highest sequence number it holds
/// without a gap).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub sender: OriginId,
    pub kind: DatabaseKind,
    pub made_at: Timestamp,
    pub hlc: Hlc,
    pub segments: u32,
    pub watermarks: BTreeMap<OriginId, u64>,
    /// The team statements the sender holds (certificates and revocations, each signed
    /// by its issuer); empty from a device in no team (teams issue).
    pub roster: Vec<super::team::Signed>,
}

/// The header as Daleel wrote it before teams (no roster).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct HeaderV1 {
    sender: OriginId,
    kind: DatabaseKind,
    made_at: Timestamp,
    hlc: Hlc,
    segments: u32,
    watermarks: BTreeMap<OriginId, u64>,
}

impl Versioned for HeaderV1 {
    const VERSION: u8 = 1;
}

impl Versioned for Header {
    const VERSION: u8 = 2;
}

/// Decodes a header from outside, of this version or the one before teams.
fn decode_header(block: &[u8]) -> Result<Header, BundleError> {
    if block.first() == Some(&HeaderV1::VERSION) {
        let old: HeaderV1 = codec::decode_untrusted(block)?;
        return Ok(Header {
            sender: old.sender,
            kind: old.kind,
            made_at: old.made_at,
            hlc: old.hlc,
            segments: old.segments,
            watermarks: old.watermarks,
            roster: Vec::new(),
        });
    }
    let header: Header = codec::decode_untrusted(block)?;
    if header.roster.len() > super::team::MAX_STATEMENTS {
        return Err(BundleError::OverLimit {
            what: "the team roster",
            claimed: header.roster.len() as u64,
            limit: super::team::MAX_STATEMENTS as u64,
        });
    }
    Ok(header)
}

pub use crate::model::change::SegmentHeader;

/// A 64-byte signature as two 32-byte halves, and back.
fn halves(sig: [u8; 64]) -> [[u8; 32]; 2] {
    let mut a = [0u8; 32];
    let mut b = [0u8; 32];
    a.copy_from_slice(&sig[..32]);
    b.copy_from_slice(&sig[32..]);
    [a, b]
}

fn whole(h: &[[u8; 32]; 2]) -> [u8; 64] {
    let mut s = [0u8; 64];
    s[..32].copy_from_slice(&h[0]);
    s[32..].copy_from_slice(&h[1]);
    s
}

/// A segment with its changes, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub header: SegmentHeader,
    pub changes: Vec<Change>,
}

/// A segment read from a bundle and checked: its header, and each change's bytes as the
/// sender wrote them (`codec::encode` of the change, which is also how the change log
/// stores it), so that an import neither keeps every change decoded nor encodes any again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadSegment<'a> {
    pub header: SegmentHeader,
    pub changes: Vec<&'a [u8]>,
}

/// A bundle whose every check passed, borrowing the file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundle<'a> {
    pub header: Header,
    pub segments: Vec<ReadSegment<'a>>,
}

impl Bundle<'_> {
    /// How many changes it carries.
    pub fn change_count(&self) -> usize {
        self.segments.iter().map(|s| s.changes.len()).sum()
    }
}

/// Why a bundle was refused. Nothing of a refused bundle is used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum BundleError {
    #[error("not a Daleel bundle")]
    NotABundle,
    #[error(
        "made by a newer Daleel (bundle container version {found}; this one reads version {CONTAINER_VERSION}): install the newer version"
    )]
    TooNew { found: u16 },
    #[error("incomplete: the file was cut short (a copy or an export that did not finish)")]
    Truncated,
    #[error("damaged: {0}")]
    Damaged(String),
    #[error("{what} declares {claimed}, more than the limit of {limit}")]
    OverLimit {
        what: &'static str,
        claimed: u64,
        limit: u64,
    },
    #[error(
        "the sender {code} ({fingerprint}) is not trusted on this laptop: import its identity card first (daleel trust add)"
    )]
    NotTrusted { code: String, fingerprint: String },
    #[error("the sender's signature does not match: the file was altered after it was written")]
    BadSignature,
    #[error("a segment of {code} ({fingerprint}) is not signed by that device: altered or forged")]
    BadSegment { code: String, fingerprint: String },
    #[error(
        "this bundle is not for this laptop: {code} ({fingerprint}) made it for other laptops; ask its sender to trust this laptop's identity card and export again"
    )]
    NotForMe { code: String, fingerprint: String },
}

impl From<CodecError> for BundleError {
    fn from(e: CodecError) -> BundleError {
        match e {
            CodecError::UnknownVersion { .. } => BundleError::Damaged(e.to_string()),
            other => BundleError::Damaged(other.to_string()),
        }
    }
}

fn segment_message(origin: OriginId, first: u64, last: u64, changes_hash: &[u8; 32]) -> Vec<u8> {
    let mut m = b"daleel segment v1".to_vec();
    m.extend(origin.0);
    m.extend(first.to_le_bytes());
    m.extend(last.to_le_bytes());
    m.extend(changes_hash);
    m
}

fn bundle_message(body: &[u8]) -> Vec<u8> {
    let mut m = b"daleel bundle v1".to_vec();
    m.extend(blake3::hash(body).as_bytes());
    m
}

/// BLAKE3 over the change hashes, in order.
pub fn changes_hash(changes: &[Change]) -> Result<[u8; 32], CodecError> {
    let mut h = blake3::Hasher::new();
    for c in changes {
        h.update(&c.envelope.hash()?);
    }
    Ok(*h.finalize().as_bytes())
}

/// Signs a run of this device's own changes as a segment.
pub fn sign_segment(identity: &Identity, changes: Vec<Change>) -> Result<Segment, CodecError> {
    let origin = identity.origin();
    let first = changes.first().map(|c| c.envelope.seq).unwrap_or(0);
    let last = changes.last().map(|c| c.envelope.seq).unwrap_or(0);
    let hash = changes_hash(&changes)?;
    Ok(Segment {
        header: SegmentHeader {
            origin,
            first,
            last,
            changes_hash: hash,
            signature: halves(identity.sign(&segment_message(origin, first, last, &hash))),
        },
        changes,
    })
}

/// Signs a run of this device's own changes, already encoded as the log holds them
/// (`codec::encode`), sequence numbers `first..`: the segment header to write them under.
/// Only each change's envelope is decoded, to hash it.
pub fn sign_encoded(
    identity: &Identity,
    first: u64,
    changes: &[impl AsRef<[u8]>],
) -> Result<SegmentHeader, CodecError> {
    let origin = identity.origin();
    if changes.is_empty() {
        return Err(CodecError::Encode(
            "a segment needs at least one change".into(),
        ));
    }
    let last = first + changes.len() as u64 - 1;
    let mut h = blake3::Hasher::new();
    for (seq, bytes) in (first..).zip(changes) {
        let envelope: Envelope = codec::decode_head::<Change, Envelope>(bytes.as_ref())?;
        if envelope.origin != origin || envelope.seq != seq {
            return Err(CodecError::Decode(format!(
                "the change log holds a change out of place at sequence number {seq}"
            )));
        }
        h.update(&envelope.hash()?);
    }
    let hash = *h.finalize().as_bytes();
    Ok(SegmentHeader {
        origin,
        first,
        last,
        changes_hash: hash,
        signature: halves(identity.sign(&segment_message(origin, first, last, &hash))),
    })
}

/// Writes a bundle as it goes (a whole caseload never sits in memory): the preamble and
/// clear header, then segments one by one, then the trailer with the sender's signature
/// over a hash of everything before it.
pub struct Writer<'a, W: std::io::Write> {
    out: W,
    identity: &'a Identity,
    hasher: blake3::Hasher,
    written: u64,
    segments_left: u32,
}

impl<'a, W: std::io::Write> Writer<'a, W> {
    /// Starts a bundle that will hold `header.segments` segments.
    pub fn new(out: W, identity: &'a Identity, header: &Header) -> std::io::Result<Self> {
        let mut w = Writer {
            out,
            identity,
            hasher: blake3::Hasher::new(),
            written: 0,
            segments_left: header.segments,
        };
        w.raw(MAGIC)?;
        w.raw(&PLAIN_VERSION.to_le_bytes())?;
        w.block(&codec::encode(header).map_err(std::io::Error::other)?)?;
        Ok(w)
    }

    fn raw(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.out.write_all(bytes)?;
        self.hasher.update(bytes);
        self.written += bytes.len() as u64;
        Ok(())
    }

    fn block(&mut self, block: &[u8]) -> std::io::Result<()> {
        self.raw(&(block.len() as u32).to_le_bytes())?;
        self.raw(block)
    }

    pub fn segment(&mut self, s: &Segment) -> std::io::Result<()> {
        let changes = s
            .changes
            .iter()
            .map(codec::encode)
            .collect::<Result<Vec<_>, _>>()
            .map_err(std::io::Error::other)?;
        self.segment_encoded(&s.header, &changes)
    }

    /// A segment whose changes are already encoded (`codec::encode`), as the change log
    /// holds them: a courier forwards other devices' segments without decoding them.
    pub fn segment_encoded(
        &mut self,
        header: &SegmentHeader,
        changes: &[impl AsRef<[u8]>],
    ) -> std::io::Result<()> {
        if self.segments_left == 0 {
            return Err(std::io::Error::other(
                "more segments than the header announced",
            ));
        }
        self.segments_left -= 1;
        self.block(&codec::encode(header).map_err(std::io::Error::other)?)?;
        for c in changes {
            self.block(c.as_ref())?;
        }
        Ok(())
    }

    /// Writes the trailer; returns the output and the bundle's size.
    pub fn finish(mut self) -> std::io::Result<(W, u64)> {
        if self.segments_left != 0 {
            return Err(std::io::Error::other(
                "fewer segments than the header announced",
            ));
        }
        let mut message = b"daleel bundle v1".to_vec();
        message.extend(self.hasher.finalize().as_bytes());
        let signature = self.identity.sign(&message);
        self.out.write_all(&self.written.to_le_bytes())?;
        self.out.write_all(&signature)?;
        Ok((self.out, self.written + TRAILER_BYTES as u64))
    }
}

/// Writes a whole bundle in memory (small bundles, tests).
pub fn write(
    identity: &Identity,
    mut header: Header,
    segments: &[Segment],
) -> Result<Vec<u8>, CodecError> {
    header.segments = segments.len() as u32;
    let io = |e: std::io::Error| CodecError::Encode(e.to_string());
    let mut w = Writer::new(Vec::new(), identity, &header).map_err(io)?;
    for s in segments {
        w.segment(s).map_err(io)?;
    }
    Ok(w.finish().map_err(io)?.0)
}

/// Reads the clear header only (to name the sender before anything else is checked).
pub fn read_header(bytes: &[u8]) -> Result<Header, BundleError> {
    let mut r = Reader { bytes, at: 0 };
    if r.preamble()? != PLAIN_VERSION {
        return Err(BundleError::Damaged("not a bundle in the clear".into()));
    }
    let block = r.block(MAX_HEADER_BYTES, "the header")?;
    decode_header(block)
}

/// The clear header of an encrypted bundle: only who sent it (so that an untrusted sender
/// is named before anything is decrypted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClearHeader {
    pub sender: OriginId,
}

impl Versioned for ClearHeader {
    const VERSION: u8 = 1;
}

/// Who sent a bundle file, encrypted or not, read from its clear part alone.
pub fn sender_of(bytes: &[u8]) -> Result<OriginId, BundleError> {
    let mut r = Reader { bytes, at: 0 };
    match r.preamble()? {
        PLAIN_VERSION => Ok(read_header(bytes)?.sender),
        _ => {
            let clear: ClearHeader =
                codec::decode_untrusted(r.block(MAX_HEADER_BYTES, "the clear header")?)?;
            Ok(clear.sender)
        }
    }
}

/// The signed bundle inside a file: the file itself when it is in the clear (version 1),
/// or what the age encryption holds, decrypted with this device's key (version 2). An
/// untrusted sender is refused before anything is decrypted; a bundle encrypted to
/// other devices only is refused as not for this laptop.
pub fn open<'a>(
    bytes: &'a [u8],
    me: &Identity,
    trusted: impl Fn(OriginId) -> bool,
) -> Result<std::borrow::Cow<'a, [u8]>, BundleError> {
    let mut r = Reader { bytes, at: 0 };
    if r.preamble()? == PLAIN_VERSION {
        return Ok(std::borrow::Cow::Borrowed(bytes));
    }
    let clear: ClearHeader =
        codec::decode_untrusted(r.block(MAX_HEADER_BYTES, "the clear header")?)?;
    let named = |origin: OriginId| (device_code(origin), fingerprint(origin));
    if !trusted(clear.sender) {
        let (code, fingerprint) = named(clear.sender);
        return Err(BundleError::NotTrusted { code, fingerprint });
    }
    let inner = decrypt_for(&bytes[r.at..], me, clear.sender)?;
    // The inside names the same sender as the outside.
    if read_header(&inner)?.sender != clear.sender {
        return Err(BundleError::Damaged(
            "its outside and inside name different senders".into(),
        ));
    }
    Ok(std::borrow::Cow::Owned(inner))
}

/// Decrypts the age part of a file sent by `sender` with this device's key: a file
/// encrypted to other devices only is refused as not for this laptop, naming its sender.
pub(crate) fn decrypt_for(
    encrypted: &[u8],
    me: &Identity,
    sender: OriginId,
) -> Result<Vec<u8>, BundleError> {
    let decryptor = age::Decryptor::new_buffered(encrypted).map_err(age_error)?;
    let identity = me.age_identity();
    let mut reader = match decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)) {
        Ok(reader) => reader,
        Err(age::DecryptError::NoMatchingKeys) => {
            return Err(BundleError::NotForMe {
                code: device_code(sender),
                fingerprint: fingerprint(sender),
            });
        }
        Err(e) => return Err(age_error(e)),
    };
    let mut inner = Vec::with_capacity(encrypted.len());
    std::io::Read::read_to_end(&mut reader, &mut inner).map_err(|e| {
        if e.kind() == std::io::ErrorKind::UnexpectedEof {
            BundleError::Truncated
        } else {
            BundleError::Damaged(format!("its encrypted part does not open: {e}"))
        }
    })?;
    Ok(inner)
}

fn age_error(e: age::DecryptError) -> BundleError {
    match e {
        age::DecryptError::Io(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            BundleError::Truncated
        }
        other => BundleError::Damaged(format!("its encrypted part does not open: {other}")),
    }
}

/// Starts an encrypted bundle file: the preamble and clear header into `out`, then the
/// age encryption to `recipients`, into which the signed bundle is written.
pub fn encrypting<W: std::io::Write>(
    mut out: W,
    sender: OriginId,
    recipients: &[age::x25519::Recipient],
) -> std::io::Result<age::stream::StreamWriter<W>> {
    out.write_all(MAGIC)?;
    out.write_all(&CONTAINER_VERSION.to_le_bytes())?;
    let clear = codec::encode(&ClearHeader { sender }).map_err(std::io::Error::other)?;
    out.write_all(&(clear.len() as u32).to_le_bytes())?;
    out.write_all(&clear)?;
    let encryptor =
        age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
            .map_err(std::io::Error::other)?;
    encryptor.wrap_output(out)
}

/// Reads and checks a whole bundle. `trusted` says whether a sender is trusted; changes
/// of origins that are not trusted are still checked, and left to the caller to skip.
/// Each change is decoded once, to check it, and not kept decoded.
pub fn read(bytes: &[u8], trusted: impl Fn(OriginId) -> bool) -> Result<Bundle<'_>, BundleError> {
    let header = read_header(bytes)?;
    if !trusted(header.sender) {
        return Err(BundleError::NotTrusted {
            code: device_code(header.sender),
            fingerprint: fingerprint(header.sender),
        });
    }
    if bytes.len() < MAGIC.len() + 2 + TRAILER_BYTES {
        return Err(BundleError::Truncated);
    }
    let body_len = bytes.len() - TRAILER_BYTES;
    let (body, trailer) = bytes.split_at(body_len);
    let total = u64::from_le_bytes(
        trailer[..8]
            .try_into()
            .map_err(|_| BundleError::Truncated)?,
    );
    if total != body_len as u64 {
        return Err(if total > body_len as u64 {
            BundleError::Truncated
        } else {
            BundleError::Damaged("its length does not add up".into())
        });
    }
    let signature: [u8; 64] = trailer[8..]
        .try_into()
        .map_err(|_| BundleError::Truncated)?;
    if !verify(header.sender, &bundle_message(body), &signature) {
        return Err(BundleError::BadSignature);
    }
    // The signature covers every byte: what follows is as the sender wrote it, but is
    // still checked, since the sender may be carrying other devices' segments.
    let mut r = Reader { bytes: body, at: 0 };
    r.preamble()?;
    r.block(MAX_HEADER_BYTES, "the header")?;
    if header.segments > MAX_SEGMENTS {
        return Err(BundleError::OverLimit {
            what: "the header",
            claimed: header.segments as u64,
            limit: MAX_SEGMENTS as u64,
        });
    }
    let mut segments = Vec::new();
    for _ in 0..header.segments {
        let sh: SegmentHeader =
            codec::decode_untrusted(r.block(MAX_SEGMENT_HEADER_BYTES, "a segment header")?)?;
        if sh.first == 0 || sh.last < sh.first {
            return Err(BundleError::Damaged(
                "a segment's sequence numbers are out of order".into(),
            ));
        }
        let count = sh.last - sh.first + 1;
        if count > MAX_CHANGES_PER_SEGMENT {
            return Err(BundleError::OverLimit {
                what: "a segment",
                claimed: count,
                limit: MAX_CHANGES_PER_SEGMENT,
            });
        }
        let mut changes = Vec::new();
        let mut hasher = blake3::Hasher::new();
        for seq in sh.first..=sh.last {
            let block = r.block(MAX_CHANGE_BYTES, "a change")?;
            let change: Change = codec::decode_untrusted(block)?;
            if change.envelope.origin != sh.origin || change.envelope.seq != seq {
                return Err(BundleError::Damaged(
                    "a change is not where its segment says".into(),
                ));
            }
            if !change.payload_matches()? {
                return Err(BundleError::Damaged(
                    "a change's values do not match its hash".into(),
                ));
            }
            hasher.update(&change.envelope.hash()?);
            changes.push(block);
        }
        let hash = *hasher.finalize().as_bytes();
        if hash != sh.changes_hash
            || !verify(
                sh.origin,
                &segment_message(sh.origin, sh.first, sh.last, &hash),
                &whole(&sh.signature),
            )
        {
            return Err(BundleError::BadSegment {
                code: device_code(sh.origin),
                fingerprint: fingerprint(sh.origin),
            });
        }
        segments.push(ReadSegment {
            header: sh,
            changes,
        });
    }
    if r.at != body.len() {
        return Err(BundleError::Damaged(
            "bytes left over after the last segment".into(),
        ));
    }
    Ok(Bundle { header, segments })
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], BundleError> {
        let end = self.at.checked_add(n).ok_or(BundleError::Truncated)?;
        let slice = self.bytes.get(self.at..end).ok_or(BundleError::Truncated)?;
        self.at = end;
        Ok(slice)
    }

    /// The magic and the container version (1 or 2); a newer one is refused as such.
    fn preamble(&mut self) -> Result<u16, BundleError> {
        let magic = self
            .take(MAGIC.len())
            .map_err(|_| BundleError::NotABundle)?;
        if magic != MAGIC {
            return Err(BundleError::NotABundle);
        }
        let version = u16::from_le_bytes(
            self.take(2)?
                .try_into()
                .map_err(|_| BundleError::Truncated)?,
        );
        if version > CONTAINER_VERSION {
            return Err(BundleError::TooNew { found: version });
        }
        if version != CONTAINER_VERSION && version != PLAIN_VERSION {
            return Err(BundleError::Damaged(format!(
                "unknown container version {version}"
            )));
        }
        Ok(version)
    }

    /// A length-prefixed block, its length checked against `limit` before it is read.
    fn block(&mut self, limit: u32, what: &'static str) -> Result<&'a [u8], BundleError> {
        let len = u32::from_le_bytes(
            self.take(4)?
                .try_into()
                .map_err(|_| BundleError::Truncated)?,
        );
        if len > limit {
            return Err(BundleError::OverLimit {
                what,
                claimed: len as u64,
                limit: limit as u64,
            });
        }
        self.take(len as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::change::{EntityRef, Payload};
    use crate::sync::identity::scratch_identity;

    fn change(origin: OriginId, seq: u64, kind: &str) -> Change {
        let payload = Payload {
            salt: [seq as u8; 16],
            values: [(
                "phone".to_string(),
                codec::encode_value("0770").expect("enc"),
            )]
            .into(),
        };
        Change {
            envelope: Envelope {
                origin,
                seq,
                hlc: Hlc {
                    wall_ms: 1000 + seq as i64,
                    counter: 0,
                },
                author: "Amal".into(),
                entity: EntityRef {
                    kind: "household".into(),
                    id: uuid::Uuid::from_u128(seq as u128),
                },
                kind: kind.into(),
                replaces: vec![],
                depth: 1,
                payload_hash: payload.hash().expect("hash"),
            },
            payload: Some(payload),
        }
    }

    /// A real database's bundle header from `sender`, with no watermarks.
    fn real_header(sender: OriginId) -> Header {
        Header {
            sender,
            kind: DatabaseKind::Real,
            made_at: Timestamp(0),
            hlc: Hlc::default(),
            segments: 0,
            watermarks: BTreeMap::new(),
            roster: Vec::new(),
        }
    }

    fn bundle(id: &Identity, n: u64) -> Vec<u8> {
        let changes = (1..=n)
            .map(|s| change(id.origin(), s, "fields/1"))
            .collect();
        let segment = sign_segment(id, changes).expect("sign");
        let header = Header {
            watermarks: [(id.origin(), n)].into(),
            ..real_header(id.origin())
        };
        write(id, header, &[segment]).expect("write")
    }

    #[test]
    fn a_bundle_written_before_teams_still_reads() {
        let (_d, id) = scratch_identity();
        let bytes = bundle(&id, 2);
        // Put a version 1 header (no roster) in place of the version 2 one, and sign again.
        let header = read_header(&bytes).expect("header");
        let old = codec::encode(&HeaderV1 {
            sender: header.sender,
            kind: header.kind,
            made_at: header.made_at,
            hlc: header.hlc,
            segments: header.segments,
            watermarks: header.watermarks.clone(),
        })
        .expect("encode");
        let start = MAGIC.len() + 2;
        let len = u32::from_le_bytes(bytes[start..start + 4].try_into().expect("len")) as usize;
        let mut body = bytes[..start].to_vec();
        body.extend((old.len() as u32).to_le_bytes());
        body.extend(&old);
        body.extend(&bytes[start + 4 + len..bytes.len() - TRAILER_BYTES]);
        let mut file = body.clone();
        file.extend((body.len() as u64).to_le_bytes());
        file.extend(id.sign(&bundle_message(&body)));
        let b = read(&file, |_| true).expect("a version 1 header reads");
        assert!(b.header.roster.is_empty());
        assert_eq!(b.change_count(), 2);
        assert_eq!(b.header.watermarks, header.watermarks);
    }

    #[test]
    fn a_bundle_round_trips() {
        let (_d, id) = scratch_identity();
        let bytes = bundle(&id, 3);
        let b = read(&bytes, |_| true).expect("read");
        assert_eq!(b.header.sender, id.origin());
        assert_eq!(b.segments.len(), 1);
        assert_eq!(b.segments[0].changes.len(), 3);
        assert_eq!(b.header.watermarks[&id.origin()], 3);
    }

    #[test]
    fn every_single_byte_change_and_every_truncation_is_refused() {
        let (_d, id) = scratch_identity();
        let bytes = bundle(&id, 2);
        for i in 0..bytes.len() {
            for bit in [0x01u8, 0x80] {
                let mut b = bytes.clone();
                b[i] ^= bit;
                assert!(
                    read(&b, |_| true).is_err(),
                    "byte {i} bit {bit:#x} changed and accepted"
                );
            }
        }
        for n in 0..bytes.len() {
            assert!(
                read(&bytes[..n], |_| true).is_err(),
                "cut to {n} bytes and accepted"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(read(&longer, |_| true).is_err());
    }

    #[test]
    fn an_untrusted_sender_is_refused_by_name_and_fingerprint() {
        let (_d, id) = scratch_identity();
        let bytes = bundle(&id, 1);
        let err = read(&bytes, |_| false).expect_err("untrusted");
        assert_eq!(
            err,
            BundleError::NotTrusted {
                code: id.code(),
                fingerprint: id.fingerprint()
            }
        );
        assert!(err.to_string().contains(&id.fingerprint()));
    }

    #[test]
    fn a_courier_cannot_forge_another_devices_segment() {
        let (_d, a) = scratch_identity();
        let (_e, courier) = scratch_identity();
        // The courier makes up a change "from a" and signs the segment itself.
        let mut segment =
            sign_segment(&courier, vec![change(courier.origin(), 1, "fields/1")]).expect("sign");
        segment.header.origin = a.origin();
        segment.changes[0].envelope.origin = a.origin();
        let header = real_header(courier.origin());
        let bytes = write(&courier, header, &[segment]).expect("write");
        let err = read(&bytes, |_| true).expect_err("forged");
        assert!(matches!(err, BundleError::BadSegment { .. }), "{err}");
        // A's own segment carried by the courier verifies.
        let real = sign_segment(&a, vec![change(a.origin(), 1, "fields/1")]).expect("sign");
        let header = real_header(courier.origin());
        let bytes = write(&courier, header, &[real]).expect("write");
        assert!(read(&bytes, |_| true).is_ok());
    }

    #[test]
    fn a_courier_cannot_carry_a_change_in_a_second_byte_form() {
        // The change hashes are taken over a fresh encoding of each envelope: a change
        // whose sequence number is written longer than needed hashes alike, so A's
        // segment signature still holds; only the shortest-form check refuses it.
        let (_d, a) = scratch_identity();
        let (_e, courier) = scratch_identity();
        let segment = sign_segment(&a, vec![change(a.origin(), 1, "fields/1")]).expect("sign");
        let encoded = codec::encode(&segment.changes[0]).expect("encode");
        // Version byte, the origin (32 bytes), then the sequence number 1.
        assert_eq!(encoded[33], 1);
        let mut long = encoded[..33].to_vec();
        long.extend([251, 1, 0]);
        long.extend(&encoded[34..]);
        let relay = |change: &[u8]| {
            let header = Header {
                segments: 1,
                ..real_header(courier.origin())
            };
            let mut w = Writer::new(Vec::new(), &courier, &header).expect("start");
            w.segment_encoded(&segment.header, &[change])
                .expect("segment");
            w.finish().expect("finish").0
        };
        assert!(read(&relay(&encoded), |_| true).is_ok());
        let err = read(&relay(&long), |_| true).expect_err("a second byte form");
        assert!(
            matches!(&err, BundleError::Damaged(m) if m.contains("shortest form")),
            "{err}"
        );
    }

    #[test]
    fn declared_sizes_beyond_the_limits_are_refused_before_reading() {
        let (_d, id) = scratch_identity();
        let mut segment =
            sign_segment(&id, vec![change(id.origin(), 1, "fields/1")]).expect("sign");
        segment.header.last = 1_000_000_000_000;
        segment.changes.clear();
        let header = real_header(id.origin());
        let bytes = write(&id, header, &[segment]).expect("write");
        let err = read(&bytes, |_| true).expect_err("too many");
        assert_eq!(
            err,
            BundleError::OverLimit {
                what: "a segment",
                claimed: 1_000_000_000_000,
                limit: MAX_CHANGES_PER_SEGMENT
            }
        );
    }

    #[test]
    fn a_newer_container_says_which_version_it_needs() {
        let (_d, id) = scratch_identity();
        let mut bytes = bundle(&id, 1);
        bytes[8..10].copy_from_slice(&7u16.to_le_bytes());
        let err = read(&bytes, |_| true).expect_err("too new");
        assert_eq!(err, BundleError::TooNew { found: 7 });
        assert!(err.to_string().contains("version 7"));
        assert_eq!(
            read(b"PK\x03\x04 a zip file", |_| true),
            Err(BundleError::NotABundle)
        );
    }

    #[test]
    fn a_change_of_an_unknown_kind_travels_intact() {
        let (_d, id) = scratch_identity();
        let unknown = change(id.origin(), 1, "survey/3");
        let segment = sign_segment(&id, vec![unknown.clone()]).expect("sign");
        let header = real_header(id.origin());
        let bytes = write(&id, header, &[segment]).expect("write");
        let b = read(&bytes, |_| true).expect("read");
        let carried: Change = codec::decode(b.segments[0].changes[0]).expect("decode");
        assert_eq!(carried, unknown);
    }
}
