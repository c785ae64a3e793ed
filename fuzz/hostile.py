#!/usr/bin/env python3
"""Writes the hostile inputs made by hand into tests/fuzz-regressions/TARGET/ (docs/fuzzing.md).

Each file is a crafted attack on one reader: lengths and counts that claim far more than
the file holds, values at the edges of their types, huge strings and rows. The test
tests/integration/fuzz_regressions.rs replays them: each reader must return (an error is expected).

The encodings follow docs/bundle-format.md (bincode 2 standard: varints, zigzag for
signed integers). Statements and cards are signed with the fuzz identity's key (the
ed25519 seed of 32 bytes 7, `daleel::fuzzing::FUZZ_SECRET`), which needs Python's
`cryptography` package; a bundle naming the fuzz identity as its sender needs no
signature, since the `bundle` target signs it again.

    python3 fuzz/hostile.py            # from the repository's root
"""

import os
import struct
import sys

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "tests", "fuzz-regressions")

KEY = Ed25519PrivateKey.from_private_bytes(bytes([7] * 32))
ME = KEY.public_key().public_bytes(
    serialization.Encoding.Raw, serialization.PublicFormat.Raw
)
OTHER = bytes(range(32))
U64_MAX = 2**64 - 1


def varint(n):
    if n < 251:
        return bytes([n])
    if n <= 0xFFFF:
        return b"\xfb" + struct.pack("<H", n)
    if n <= 0xFFFFFFFF:
        return b"\xfc" + struct.pack("<I", n)
    if n <= U64_MAX:
        return b"\xfd" + struct.pack("<Q", n)
    return b"\xfe" + n.to_bytes(16, "little")


def zigzag(n, bits=64):
    return varint((n << 1) ^ (n >> (bits - 1)) if n < 0 else n << 1)


def string(s):
    b = s.encode() if isinstance(s, str) else s
    return varint(len(b)) + b


def opt(v):
    return b"\x00" if v is None else b"\x01" + v


def sign(message):
    return KEY.sign(message)


def put(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


# ---------------------------------------------------------------------------- bundles

MAGIC = b"DALEELBN"


def header(segments=0, watermarks=b"\x00", roster=b"\x00", sender=ME, version=2):
    body = bytes([version]) + sender + varint(0)  # kind Real
    body += zigzag(1_795_950_000_000) + zigzag(1_795_950_000_000) + varint(0)  # made_at, hlc
    body += varint(segments) + watermarks
    if version == 2:
        body += roster
    return body


def block(b, length=None):
    return struct.pack("<I", len(b) if length is None else length) + b


def plain(hdr, rest=b""):
    """A clear bundle with a fake trailer (the target signs it again for the fuzz sender)."""
    body = MAGIC + struct.pack("<H", 1) + block(hdr) + rest
    return body + struct.pack("<Q", len(body)) + bytes(64)


def segment_header(first, last, origin=ME):
    return b"\x01" + origin + varint(first) + varint(last) + bytes(32) + bytes(64)


def change(author=string("Amal"), seq=1, kind=string("fields/1"), payload=b"\x00"):
    env = ME + varint(seq) + zigzag(1_795_950_000_000) + varint(0) + author
    env += string("household") + string(bytes(16)) + kind + varint(0) + varint(1) + bytes(32)
    return b"\x01" + env + payload


def bundles():
    put("bundle", "empty.bundle", b"")
    put("bundle", "magic-only.bundle", MAGIC)
    put("bundle", "container-version-65535.bundle", MAGIC + b"\xff\xff" + bytes(100))
    put("bundle", "container-version-0.bundle", MAGIC + b"\x00\x00" + bytes(100))
    put(
        "bundle",
        "header-block-claims-4-gib.bundle",
        MAGIC + struct.pack("<H", 1) + struct.pack("<I", 0xFFFFFFFF) + bytes(64),
    )
    put(
        "bundle",
        "header-block-longer-than-file.bundle",
        MAGIC + struct.pack("<H", 1) + block(header(), 1 << 20),
    )
    put("bundle", "header-claims-4294967295-segments.bundle", plain(header(segments=0xFFFFFFFF)))
    put("bundle", "header-claims-100000-segments-none-follow.bundle", plain(header(segments=100_000)))
    put(
        "bundle",
        "header-roster-claims-2-pow-60-statements.bundle",
        plain(header(roster=varint(2**60))),
    )
    put(
        "bundle",
        "header-watermarks-claims-2-pow-60-entries.bundle",
        plain(header(watermarks=varint(2**60))),
    )
    put(
        "bundle",
        "header-varint-128-bit-segments.bundle",
        plain(header()[:-3] + b"\xfe" + bytes([0xFF] * 16) + b"\x00\x00"),
    )
    signed_empty = string(b"") + bytes(64)
    put(
        "bundle",
        "header-roster-2001-empty-statements.bundle",
        plain(header(roster=varint(2001) + signed_empty * 2001)),
    )
    garbage_statement = string(b"\x01\x00" + bytes(200)) + bytes(64)
    put(
        "bundle",
        "header-roster-unsigned-statements.bundle",
        plain(header(roster=varint(3) + garbage_statement * 3)),
    )
    put(
        "bundle",
        "header-version-1-with-roster-bytes.bundle",
        plain(header(version=1) + varint(5) + bytes(10)),
    )
    put(
        "bundle",
        "segment-first-1-last-u64-max.bundle",
        plain(header(segments=1), block(segment_header(1, U64_MAX))),
    )
    put(
        "bundle",
        "segment-claims-10-million-changes-none-follow.bundle",
        plain(header(segments=1), block(segment_header(1, 10_000_000))),
    )
    put(
        "bundle",
        "segment-first-zero.bundle",
        plain(header(segments=1), block(segment_header(0, 5))),
    )
    put(
        "bundle",
        "segment-last-before-first.bundle",
        plain(header(segments=1), block(segment_header(9, 3))),
    )
    put(
        "bundle",
        "segment-header-block-claims-4-gib.bundle",
        plain(header(segments=1), struct.pack("<I", 0xFFFFFFFF)),
    )
    put(
        "bundle",
        "change-author-claims-2-pow-62-bytes.bundle",
        plain(
            header(segments=1),
            block(segment_header(1, 1)) + block(change(author=varint(2**62) + b"Amal")),
        ),
    )
    put(
        "bundle",
        "change-block-claims-4-gib.bundle",
        plain(header(segments=1), block(segment_header(1, 1)) + struct.pack("<I", 0xFFFFFFFF)),
    )
    values = varint(2**40) + string("phone") + string(b"0770")
    put(
        "bundle",
        "change-payload-claims-2-pow-40-values.bundle",
        plain(
            header(segments=1),
            block(segment_header(1, 1)) + block(change(payload=b"\x01" + bytes(16) + values)),
        ),
    )
    put(
        "bundle",
        "change-kind-100-kib-string.bundle",
        plain(
            header(segments=1),
            block(segment_header(1, 1)) + block(change(kind=string("k" * (100 << 10)))),
        ),
    )
    put(
        "bundle",
        "change-of-another-origin-and-sequence.bundle",
        plain(header(segments=1), block(segment_header(1, 1, OTHER)) + block(change(seq=7))),
    )
    body = MAGIC + struct.pack("<H", 1) + block(header())
    put("bundle", "trailer-total-u64-max.bundle", body + struct.pack("<Q", U64_MAX) + bytes(64))
    put("bundle", "trailer-cut-short.bundle", body + struct.pack("<Q", len(body)) + bytes(30))
    put(
        "bundle",
        "bytes-after-the-last-segment.bundle",
        plain(header(), b"left over" * 10),
    )
    # Version 2: the clear header, then what should be an age file.
    clear = MAGIC + struct.pack("<H", 2) + block(b"\x01" + ME)
    put("bundle", "v2-then-garbage.bundle", clear + b"not an age file" * 4)
    put("bundle", "v2-clear-header-only.bundle", clear)
    put(
        "bundle",
        "v2-clear-header-claims-4-gib.bundle",
        MAGIC + struct.pack("<H", 2) + struct.pack("<I", 0xFFFFFFFF),
    )
    put(
        "bundle",
        "v2-age-stanza-line-50000-chars.bundle",
        clear
        + b"age-encryption.org/v1\n-> X25519 "
        + b"A" * 50_000
        + b"\n"
        + b"\n--- "
        + b"A" * 43
        + b"\n",
    )
    stanza = b"-> X25519 " + b"A" * 43 + b"\n" + b"B" * 43 + b"\n"
    put(
        "bundle",
        "v2-age-1000-stanzas.bundle",
        clear + b"age-encryption.org/v1\n" + stanza * 1000 + b"--- " + b"A" * 43 + b"\n" + bytes(64),
    )
    put(
        "bundle",
        "v2-age-scrypt-work-factor-64.bundle",
        clear
        + b"age-encryption.org/v1\n-> scrypt "
        + b"A" * 22
        + b" 64\n"
        + b"B" * 43
        + b"\n--- "
        + b"A" * 43
        + b"\n"
        + bytes(64),
    )
    put(
        "bundle",
        "v2-age-header-without-end.bundle",
        clear + b"age-encryption.org/v1\n" + b"-> X25519 A\n" * 5000,
    )


# ---------------------------------------------------------------------------- cards

CARD_MAGIC = b"DLCARD01"


def card_body(name="laptop", made_at=1_795_950_000_000, recipient="", origin=ME, version=2):
    b = bytes([version]) + origin + string(name) + zigzag(made_at)
    if version == 2:
        b += string(recipient)
    return b


def card(body, signed=True, length=None):
    sig = sign(b"daleel identity card v1" + body) if signed else bytes(64)
    return CARD_MAGIC + struct.pack("<I", len(body) if length is None else length) + body + sig


def cards():
    put("card", "empty.card", b"")
    put("card", "magic-only.card", CARD_MAGIC)
    put("card", "cut-in-the-length.card", CARD_MAGIC + b"\x10\x00")
    put("card", "length-claims-4-gib.card", card(card_body(), length=0xFFFFFFFF))
    put("card", "length-one-short.card", card(card_body(), length=len(card_body()) - 1))
    put("card", "4097-bytes.card", card(card_body(name="x" * 3900)) + bytes(4097))
    put("card", "name-claims-2-pow-60-bytes.card", card(b"\x02" + ME + varint(2**60) + b"laptop"))
    put("card", "version-3.card", card(card_body(version=3)))
    put("card", "version-0.card", card(card_body(version=0)))
    put("card", "recipient-not-age.card", card(card_body(recipient="not a recipient")))
    put(
        "card",
        "recipient-bad-checksum.card",
        card(card_body(recipient="age1" + "q" * 58)),
    )
    put("card", "name-1000-arabic-letters-signed.card", card(card_body(name="ع" * 1000)))
    put("card", "name-invalid-utf8.card", card(b"\x02" + ME + varint(4) + b"\xff\xfe\xfd\xfc" + zigzag(0) + string("")))
    put("card", "made-at-i64-min-signed.card", card(card_body(made_at=-(2**63))))
    put("card", "made-at-i64-max-signed.card", card(card_body(made_at=2**63 - 1)))
    put("card", "signature-zero.card", card(card_body(), signed=False))
    put("card", "trailing-bytes-in-body.card", card(card_body() + b"more"))


# ---------------------------------------------------------------------------- team files

TEAM_MAGIC = b"DLTEAM01"


def certificate(
    name="laptop",
    role=0,
    org="CRC",
    org_id=None,
    expires=None,
    issued_at=1_795_950_000_000,
    recipient="",
    device=OTHER,
):
    return (
        b"\x01"
        + varint(0)  # Certificate
        + ME  # team
        + device
        + string(name)
        + string(recipient)
        + varint(role)
        + string(org)
        + opt(org_id)
        + b"\x00"  # not sensitive
        + opt(None if expires is None else zigzag(expires, 32))
        + zigzag(issued_at)
        + ME  # issuer: the team key
    )


def revocation(after_seq, device=OTHER):
    return b"\x01" + varint(1) + ME + device + varint(after_seq) + zigzag(0) + ME


def signed(body, good=True):
    sig = sign(b"daleel team statement v1" + body) if good else bytes(64)
    return string(body) + sig


def team_file(statements, count=None, name="CRC Mosul", length=None):
    n = len(statements) if count is None else count
    body = b"\x01" + ME + string(name) + OTHER + varint(n) + b"".join(statements)
    return TEAM_MAGIC + struct.pack("<Q", len(body) if length is None else length) + body


def team_files():
    put("team_file", "empty.cert", b"")
    put("team_file", "magic-only.cert", TEAM_MAGIC)
    put("team_file", "length-claims-u64-max.cert", team_file([], length=U64_MAX))
    put("team_file", "statements-claim-2-pow-60.cert", team_file([], count=2**60))
    put(
        "team_file",
        "2001-statements.cert",
        team_file([signed(b"", good=False)] * 2001),
    )
    put(
        "team_file",
        "statement-body-5000-bytes.cert",
        team_file([signed(certificate(name="n" * 5000))]),
    )
    put(
        "team_file",
        "certificate-expires-i32-extremes.cert",
        team_file(
            [
                signed(certificate(expires=2**31 - 1, device=bytes([1] * 32))),
                signed(certificate(expires=-(2**31), device=bytes([2] * 32))),
            ]
        ),
    )
    put(
        "team_file",
        "certificate-issued-at-i64-extremes.cert",
        team_file(
            [
                signed(certificate(issued_at=2**63 - 1)),
                signed(certificate(issued_at=-(2**63))),
            ]
        ),
    )
    put(
        "team_file",
        "certificate-role-255.cert",
        team_file([signed(certificate(role=255))]),
    )
    put(
        "team_file",
        "certificate-org-id-3-bytes.cert",
        team_file([signed(certificate(org_id=string(b"abc")))]),
    )
    put(
        "team_file",
        "revocation-after-u64-max-then-certificate.cert",
        team_file([signed(revocation(U64_MAX)), signed(certificate(role=1))]),
    )
    put(
        "team_file",
        "coordinator-revoking-the-team-key.cert",
        team_file([signed(certificate(role=1, device=ME)), signed(revocation(0, device=ME))]),
    )
    put(
        "team_file",
        "unsigned-statements.cert",
        team_file([signed(certificate(), good=False)] * 3),
    )
    put("team_file", "team-name-claims-2-pow-60.cert", TEAM_MAGIC + struct.pack("<Q", 45) + b"\x01" + ME + varint(2**60) + b"xyz")


# ---------------------------------------------------------------------------- hand-offs

HANDOFF_MAGIC = b"DALEELHO"


def handoffs():
    put("handoff", "empty.handoff", b"")
    put("handoff", "magic-only.handoff", HANDOFF_MAGIC)
    put("handoff", "version-2.handoff", HANDOFF_MAGIC + struct.pack("<H", 2) + bytes(40))
    put(
        "handoff",
        "clear-header-claims-4-gib.handoff",
        HANDOFF_MAGIC + struct.pack("<H", 1) + struct.pack("<I", 0xFFFFFFFF) + b"\x01" + ME,
    )
    clear = HANDOFF_MAGIC + struct.pack("<H", 1) + block(b"\x01" + ME)
    put("handoff", "clear-header-then-nothing.handoff", clear)
    put("handoff", "clear-header-then-garbage.handoff", clear + b"garbage" * 20)
    put(
        "handoff",
        "age-1000-stanzas.handoff",
        clear
        + b"age-encryption.org/v1\n"
        + (b"-> X25519 " + b"A" * 43 + b"\n" + b"B" * 43 + b"\n") * 1000
        + b"--- "
        + b"A" * 43
        + b"\n"
        + bytes(64),
    )
    # The hand-off itself (what the decryption yields): counts that claim too much.
    inner = b"\x01" + ME + ME + string(bytes(16)) + string("NRC") + zigzag(0) + varint(0)
    put("handoff", "inner-roster-claims-2-pow-60.bin", inner + varint(2**60))
    put("handoff", "inner-households-claim-2-pow-60.bin", inner + varint(0) + varint(2**60))
    put("handoff", "inner-org-name-claims-2-pow-62.bin", b"\x01" + ME + ME + string(bytes(16)) + varint(2**62))


# ---------------------------------------------------------------------------- backups

BACKUP_MAGIC = b"DALEELBK"


def backups():
    put("backup", "empty.dlbk", b"")
    put("backup", "magic-only.dlbk", BACKUP_MAGIC)
    put("backup", "format-255.dlbk", BACKUP_MAGIC + b"\xff" + bytes(8))
    put("backup", "header-claims-4-gib.dlbk", BACKUP_MAGIC + b"\x01" + struct.pack("<I", 0xFFFFFFFF))
    put("backup", "header-longer-than-file.dlbk", BACKUP_MAGIC + b"\x01" + struct.pack("<I", 200_000) + bytes(10))
    head = b"\x01" + zigzag(0) + string("K7QX2") + varint(1) + bytes(16)
    put(
        "backup",
        "keyring-claims-2-pow-60-slots.dlbk",
        BACKUP_MAGIC + b"\x01" + block(head + varint(2**60)),
    )
    # A keyring of one slot that is not a slot; then a chunk claiming 4 GiB.
    ring = varint(1) + string(b"worker:fuzz") + string(b"\x01" + bytes(100))
    put(
        "backup",
        "garbage-slot-then-chunk-claims-4-gib.dlbk",
        BACKUP_MAGIC + b"\x01" + block(head + ring) + struct.pack("<I", 0xFFFFFFFF),
    )
    put(
        "backup",
        "empty-keyring.dlbk",
        BACKUP_MAGIC + b"\x01" + block(head + varint(0)) + block(bytes(100)),
    )


# ---------------------------------------------------------------------------- directories

SEP = b"\xff"


def directories():
    services_head = b"id,organization_id,name,description,status\n"
    wide = b"id" + b"," * 99_999 + b"\n"
    put("hsds", "services-100000-columns", SEP + wide + b"1" + b",x" * 99_999 + b"\n")
    put("hsds", "services-only-header", SEP + services_head)
    put("hsds", "no-services-file", b"id,name\n1,Org\n")
    put(
        "hsds",
        "services-unclosed-quote",
        SEP + services_head + b'1,2,"Legal aid,' + b"x" * 100_000,
    )
    put(
        "hsds",
        "invalid-utf8-everywhere",
        SEP.join([b"id,name\n\xc3\x28,\xa0\xa1\n"] * 11),
    )
    put(
        "hsds",
        "service-at-location-points-nowhere",
        b"id,name\no1,Org\n"
        + SEP
        + b"id,organization_id,name,status\ns1,o1,Aid,active\n"
        + SEP
        + b"id,name,latitude,longitude\nl1,Here,1e400,-nan\n"
        + SEP
        + b"id,service_id,location_id\nx,s1,missing\ny,missing,l1\n",
    )
    put(
        "hsds",
        "2000-services-one-organization",
        b"id,name\no1,Org\n"
        + SEP
        + b"id,organization_id,name\n"
        + b"".join(b"s%d,o1,S\n" % i for i in range(2_000)),
    )
    put("hsds_json", "empty.json", b"")
    put("hsds_json", "nested-10000-arrays.json", b"[" * 10_000 + b"]" * 10_000)
    put("hsds_json", "nested-10000-objects.json", b'{"a":' * 10_000 + b"1" + b"}" * 10_000)
    put("hsds_json", "services-not-an-array.json", b'{"services": 7}')
    put(
        "hsds_json",
        "wrong-types.json",
        b'[{"id": 1, "name": [], "organization": "x", "service_areas": {"a": null}, "phones": 5}]',
    )
    put("hsds_json", "number-1e400.json", b'{"id":"s","name":"S","organization":{"id":"o","name":"O"},"locations":[{"latitude":1e400}]}')
    put("hsds_json", "string-256-kib.json", b'[{"id":"s","name":"' + b"n" * (256 << 10) + b'"}]')
    put("sheet", "100000-columns.csv", b"organization,service" + b"," * 99_998 + b"\nA,B\n")
    put("sheet", "header-only.csv", b"organization,service\n")
    put("sheet", "not-a-sheet.csv", b"a,b,c\n1,2,3\n")
    put("sheet", "invalid-utf8.csv", b"organization,service\n\xff\xfe,\xc3\x28\n")
    put("sheet", "ragged-rows.csv", b"organization,service,sector,area\nA\nA,B,C,D,E,F,G\n,,,\n")
    put("sheet", "cell-256-kib.csv", b"organization,service\nA," + b"s" * (256 << 10) + b"\n")
    put("sheet", "bom-and-crlf.csv", b"\xef\xbb\xbforganization,service\r\nA,B\r\n\r\n")
    put("gazetteer", "empty.csv", b"")
    put("gazetteer", "100000-columns.csv", b"adm2_pcode,adm2_en,adm2_ar,adm1_pcode" + b"," * 99_996 + b"\nIQG15Q01,Mosul,M,IQG15\n")
    put("gazetteer", "row-shorter-than-header.csv", b"adm2_pcode,adm2_en,adm2_ar,adm1_pcode\nIQG15Q01\n")
    put("gazetteer", "district-in-itself.csv", b"adm3_pcode,adm3_en,adm3_ar,adm2_pcode,adm2_en,adm1_pcode\nIQG15Q01,A,B,IQG15Q01,C,IQG15Q01\n")
    put("gazetteer", "unclosed-quote.csv", b'adm2_pcode,adm2_en,adm2_ar,adm1_pcode\n"IQG15Q01,' + b"x" * 100_000)
    put("gazetteer", "only-a-bom.csv", b"\xef\xbb\xbf")
    put("gazetteer", "multibyte-line-breaks-in-quotes.csv", "adm2_pcode,adm2_en,adm2_ar,adm1_pcode\nIQG15Q01,\"Mo\r\nsul\",\"ال\nموصل\",IQG99\n".encode())
    put("config", "string-1-mib.toml", b'language = "' + b"a" * (1 << 20) + b'"\n')
    put("config", "nested-10000-arrays.toml", b"x = " + b"[" * 10_000 + b"]" * 10_000 + b"\n")
    put("config", "nested-10000-tables.toml", b"x = " + b"{a=" * 10_000 + b"1" + b"}" * 10_000 + b"\n")
    put("config", "integers-out-of-range.toml", b"idle_lock_minutes = 9223372036854775807\nretention_months = -9223372036854775808\n")
    put("config", "wrong-types.toml", b'idle_lock_minutes = "ten"\nlanguage = 3\n[language]\n')
    put("config", "error-after-multibyte.toml", "language = \"ع\"\nعربي = = \n".encode())
    put("config", "invalid-utf8.toml", b'language = "\xff\xfe"\n')
    put("config", "unknown-keys.toml", b"[[a.b.c]]\n[x]\ny.z = 1\n")


def main():
    bundles()
    cards()
    team_files()
    handoffs()
    backups()
    directories()
    total = sum(len(files) for _, _, files in os.walk(OUT))
    print(f"{total} files under {os.path.relpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
