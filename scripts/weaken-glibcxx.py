#!/usr/bin/env python3
"""Marks one symbol-version requirement of an ELF shared library weak, in place and idempotently.

Why: TorchSharp 0.107's libLibTorchSharp.so is built with GCC 13 and asks libstdc++ for GLIBCXX_3.4.32
for a single symbol, std::ios_base_library_init, a marker GCC 13 emits for <iostream> that no relocation
uses. Debian 12's libstdc++ stops at GLIBCXX_3.4.30, so the dynamic loader refuses the whole library.
A requirement flagged VER_FLG_WEAK in its Vernaux entry only warns when the version is missing, which is
exactly right for a version nothing binds to.

Usage: weaken-glibcxx.py [--check] VERSION FILE...
  Prints one line per file: "weakened", "already weak", "not required"; --check changes nothing and exits 1
  when some file still has a strong requirement. Exits 2 on a file that is not a 64-bit little-endian ELF.
"""
import os
import struct
import sys

VER_FLG_WEAK = 0x2
SHT_GNU_VERNEED = 0x6FFFFFFE


def vernaux_entries(data):
    """Yields (offset of vna_flags, flags, version name) for every Vernaux entry of the file."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    e_shoff, = struct.unpack_from("<Q", data, 0x28)
    e_shentsize, e_shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, e_shoff + i * e_shentsize) for i in range(e_shnum)]
    for _name, sh_type, _flags, _addr, sh_offset, _size, sh_link, sh_info, _align, _entsize in sections:
        if sh_type != SHT_GNU_VERNEED:
            continue
        strtab = sections[sh_link][4]
        verneed = sh_offset
        for _ in range(sh_info):  # sh_info = number of Verneed entries
            _version, cnt, _file, aux, nxt = struct.unpack_from("<HHIII", data, verneed)
            vernaux = verneed + aux
            for _ in range(cnt):
                _hash, flags, _other, name, aux_next = struct.unpack_from("<IHHII", data, vernaux)
                end = data.index(b"\0", strtab + name)
                yield vernaux + 4, flags, data[strtab + name:end].decode()
                vernaux += aux_next
            verneed += nxt


def main(argv):
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    version, files = args[0], args[1:]
    strong_left = False
    for path in files:
        with open(path, "rb") as f:
            data = bytearray(f.read())
        try:
            matches = [(at, flags) for at, flags, name in vernaux_entries(data) if name == version]
        except (ValueError, struct.error, IndexError) as error:
            print(f"{path}: {error}", file=sys.stderr)
            return 2
        if not matches:
            print(f"{path}: {version} not required")
            continue
        strong = [(at, flags) for at, flags in matches if not flags & VER_FLG_WEAK]
        if not strong:
            print(f"{path}: {version} already weak")
            continue
        if check:
            print(f"{path}: {version} required (not weak)")
            strong_left = True
            continue
        for at, flags in strong:
            struct.pack_into("<H", data, at, flags | VER_FLG_WEAK)
        temporary = path + ".weakening"
        with open(temporary, "wb") as f:
            f.write(data)
        os.chmod(temporary, os.stat(path).st_mode)
        os.replace(temporary, path)  # atomic: a loader never sees a half-written library
        print(f"{path}: {version} weakened")
    return 1 if strong_left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
