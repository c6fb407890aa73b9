"""The search index: Pagefind over the built site, made byte-stable.

Pagefind reads <html lang="sv"> and stems Swedish, so "avtalen" finds
"avtal"; it indexes only what is inside data-pagefind-body. Its filter index,
though, lists the values of each filter in hash-map order, which changes from
run to run (Pagefind issue #638: fragments are stable since 1.3, "filter and
metadata indexes" still vary). Two builds of one commit must give identical
files, so after indexing we sort each filter's values and rename the files by
their content, as Pagefind itself names them, then point the metadata and the
entry file at the new names. The files are gzipped CBOR; the tiny CBOR codec
below covers what Pagefind writes, and a file it cannot read back exactly is
left as Pagefind wrote it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
import subprocess
import sys
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


class SearchIndexError(Exception):
    """Pagefind failed; the message is Swedish and says why."""


def build(site_dir: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", "pagefind",
               "--exclude-selectors", ".headerlink", "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.SubprocessError) as error:
        raise SearchIndexError(f"Sökindexet kunde inte byggas: Pagefind gick inte att köra ({error})")
    if done.returncode != 0:
        raise SearchIndexError("Sökindexet kunde inte byggas (Pagefind):\n" + (done.stderr or done.stdout).strip())
    try:
        stabilise(site_dir / "pagefind")
    except (ValueError, KeyError, IndexError):
        pass  # a format we do not know: keep Pagefind's files, which work, only unsorted


# ------------------------------------------------------------ stable files

def stabilise(bundle: Path) -> None:
    """Sort the filter values and rename the files; everything is read and
    checked before the first file is touched."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    remove, write = [], {}
    for language in entry["languages"].values():
        prefix, digits = language["hash"].split("_")
        renamed = {}
        for path in sorted((bundle / "filter").glob(f"{prefix}_*.pf_filter")):
            name, pairs = _read(path)
            content = _write_gz([name, sorted(pairs, key=lambda pair: pair[0])])
            renamed[path.stem] = _hashed(prefix, content, len(path.stem.split("_")[1]))
            remove.append(path)
            write[bundle / "filter" / f"{renamed[path.stem]}.pf_filter"] = content
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(meta_path)
        for i, item in enumerate(meta):
            # The filters: [[filter name, file hash], …], in hash-map order too.
            if isinstance(item, list) and item and all(
                    isinstance(p, list) and len(p) == 2 and p[1] in renamed for p in item):
                meta[i] = sorted([[name, renamed[old]] for name, old in item])
        content = _write_gz(meta)
        language["hash"] = _hashed(prefix, content, len(digits))
        remove.append(meta_path)
        write[bundle / f"pagefind.{language['hash']}.pf_meta"] = content
    write[entry_path] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    for path in remove:
        path.unlink()
    for path, content in write.items():
        path.write_bytes(content)


def _hashed(prefix: str, content: bytes, length: int) -> str:
    return f"{prefix}_{hashlib.sha256(content).hexdigest()[:length]}"


def _read(path: Path):
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise ValueError(f"{path.name}: okänt format")
    value, end = _decode(raw, len(SIGNATURE))
    if end != len(raw) or _encode(value) != raw[len(SIGNATURE):]:
        raise ValueError(f"{path.name}: kan inte läsas tillbaka exakt")
    return value


def _write_gz(value) -> bytes:
    return gzip.compress(SIGNATURE + _encode(value), mtime=0)


# A minimal CBOR codec (RFC 8949): unsigned ints, byte and text strings,
# arrays, maps and simple values, with the shortest heads, as Pagefind writes.

def _decode(data: bytes, at: int):
    head = data[at]
    major, info = head >> 5, head & 31
    at += 1
    if info < 24:
        arg = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        arg = int.from_bytes(data[at:at + size], "big")
        at += size
    else:
        raise ValueError("CBOR med okänd längd")
    if major == 0:
        return arg, at
    if major == 2:
        return bytes(data[at:at + arg]), at + arg
    if major == 3:
        return data[at:at + arg].decode("utf-8"), at + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        out = {}
        for _ in range(arg):
            key, at = _decode(data, at)
            out[key], at = _decode(data, at)
        return out, at
    if major == 7 and info < 24:
        return {20: False, 21: True, 22: None}[info], at
    if major == 7 and info == 27:
        return struct.unpack(">d", arg.to_bytes(8, "big"))[0], at
    raise ValueError(f"CBOR-typ {major}/{info} stöds inte")


def _head(major: int, arg: int) -> bytes:
    if arg < 24:
        return bytes([major << 5 | arg])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if arg < 1 << (8 * size):
            return bytes([major << 5 | info]) + arg.to_bytes(size, "big")
    raise ValueError("för stort tal")


def _encode(value) -> bytes:
    if value is False or value is True or value is None:
        return bytes([0xE0 | {False: 20, True: 21, None: 22}[value]])
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, float):
        return b"\xfb" + struct.pack(">d", value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_encode(v) for v in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(_encode(k) + _encode(v) for k, v in value.items())
    raise ValueError(f"kan inte skriva {type(value).__name__} som CBOR")
