#!/usr/bin/python3
"""Writes safetensors_fixtures.json: safetensors files written and read by an independent Python implementation of the
format (struct, json, numpy only; Debian 12 has no python3-safetensors), the oracle of SafeTensorsTests. Run with
Debian's python:

    /usr/bin/python3 tests/AiLab.Tests/Models/Fixtures/make_safetensors_fixtures.py

The format, from huggingface/safetensors (README "Format" and safetensors/src/tensor.rs): 8 bytes N, a little-endian
u64, the header's length in bytes; N bytes of UTF-8 JSON mapping each tensor name to {"dtype", "shape",
"data_offsets": [begin, end]} plus an optional "__metadata__" string-to-string map; the reference writer puts
"__metadata__" first, orders tensors by descending dtype alignment then name, writes compact JSON with raw UTF-8, and
pads the header with spaces to a multiple of 8 bytes; then the byte buffer, little-endian, row-major, contiguous from
offset 0 to the end of the file. The reader here validates what tensor.rs's read_metadata/validate do.

"valid" cases store the file (base64), the tensors (values as float64/int lists) and what this reader returns;
"invalid" cases store broken files and the reason this reader rejects them. Two valid cases are byte vectors from
tensor.rs's own unit tests (test_serialization, test_empty), which this writer must reproduce."""
import base64
import json
import os
import struct

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))

DTYPES = {"F64": np.float64, "F32": np.float32, "F16": np.float16, "I64": np.int64, "I32": np.int32,
          "I16": np.int16, "I8": np.int8, "U8": np.uint8, "BOOL": np.bool_}


def write(tensors, metadata=None):
    """tensors: list of (name, dtype name, numpy array)."""
    ordered = sorted(tensors, key=lambda t: (-np.dtype(DTYPES[t[1]]).itemsize, t[0]))
    header = {}
    if metadata is not None:
        header["__metadata__"] = metadata
    offset = 0
    chunks = []
    for name, dtype, array in ordered:
        data = np.ascontiguousarray(array.astype(np.dtype(DTYPES[dtype]).newbyteorder("<"))).tobytes()
        header[name] = {"dtype": dtype, "shape": list(array.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        chunks.append(data)
    text = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(chunks)


def read(blob):
    """Returns (header length, metadata, [(name, dtype, shape, begin, end, values)]) or raises ValueError."""
    if len(blob) < 8:
        raise ValueError("shorter than the 8-byte length prefix")
    (n,) = struct.unpack("<Q", blob[:8])
    if n > 100_000_000:
        raise ValueError("header too large")
    if 8 + n > len(blob):
        raise ValueError("header length runs past the end of the file")
    try:
        text = blob[8:8 + n].decode("utf-8")
    except UnicodeDecodeError as e:
        raise ValueError("header is not valid UTF-8: %s" % e)
    try:
        header = json.loads(text, object_pairs_hook=no_duplicates)
    except json.JSONDecodeError as e:
        raise ValueError("header is not JSON: %s" % e)
    if not isinstance(header, dict):
        raise ValueError("header is not a JSON object")
    metadata = header.pop("__metadata__", {})
    if not isinstance(metadata, dict) or not all(isinstance(v, str) for v in metadata.values()):
        raise ValueError("__metadata__ is not a string-to-string map")
    entries = sorted(header.items(), key=lambda kv: tuple(kv[1]["data_offsets"]))
    position = 0
    out = []
    buffer = blob[8 + n:]
    for name, info in entries:
        begin, end = info["data_offsets"]
        dtype = np.dtype(DTYPES[info["dtype"]]).newbyteorder("<")
        count = int(np.prod(info["shape"], dtype=np.int64))
        if begin != position or end < begin:
            raise ValueError("tensor %s: offsets not contiguous" % name)
        if end > len(buffer):
            raise ValueError("tensor %s: data runs past the end of the file" % name)
        if end - begin != count * dtype.itemsize:
            raise ValueError("tensor %s: byte count does not match dtype and shape" % name)
        values = np.frombuffer(buffer[begin:end], dtype=dtype).reshape(info["shape"])
        out.append({"name": name, "dtype": info["dtype"], "shape": info["shape"], "data_offsets": [begin, end],
                    "values": values.astype(np.float64).ravel().tolist()})
        position = end
    if position != len(buffer):
        raise ValueError("tensors cover %d bytes, the buffer holds %d" % (position, len(buffer)))
    return n, metadata, out


def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("duplicate key")
    return dict(pairs)


out = {"numpy_version": np.__version__, "valid": [], "invalid": []}
rng = np.random.RandomState(20261202)


def add_valid(name, tensors, metadata=None, expected_bytes=None):
    blob = write(tensors, metadata)
    if expected_bytes is not None:
        assert blob == bytes(expected_bytes), name
    n, meta, entries = read(blob)
    out["valid"].append({
        "name": name,
        "file_base64": base64.b64encode(blob).decode("ascii"),
        "metadata_in": metadata,
        "tensors_in": [{"name": t, "dtype": d, "shape": list(a.shape), "values": a.astype(np.float64).ravel().tolist()}
                       for t, d, a in tensors],
        "header_length": n,
        "header_text": blob[8:8 + n].decode("utf-8"),
        "metadata": meta,
        "tensors": entries,
    })
    return blob


def add_invalid(name, blob):
    try:
        read(blob)
    except (ValueError, KeyError) as e:
        out["invalid"].append({"name": name, "file_base64": base64.b64encode(blob).decode("ascii"), "python_error": str(e)})
        return
    raise AssertionError("the reader accepted invalid case " + name)


# tensor.rs test_serialization: one F32 tensor [1, 2, 3] holding 0..5, no metadata (its expected bytes, verbatim).
rust_serialization = [64, 0, 0, 0, 0, 0, 0, 0, 123, 34, 97, 116, 116, 110, 46, 48, 34, 58, 123, 34, 100,
                      116, 121, 112, 101, 34, 58, 34, 70, 51, 50, 34, 44, 34, 115, 104, 97, 112, 101, 34,
                      58, 91, 49, 44, 50, 44, 51, 93, 44, 34, 100, 97, 116, 97, 95, 111, 102, 102, 115,
                      101, 116, 115, 34, 58, 91, 48, 44, 50, 52, 93, 125, 125, 0, 0, 0, 0, 0, 0, 128, 63,
                      0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64, 0, 0, 160, 64]
add_valid("rust_test_serialization", [("attn.0", "F32", np.arange(6, dtype=np.float32).reshape(1, 2, 3))],
          expected_bytes=rust_serialization)
# tensor.rs test_empty: no tensors, metadata {"framework": "pt"}.
rust_empty = [40, 0, 0, 0, 0, 0, 0, 0, 123, 34, 95, 95, 109, 101, 116, 97, 100, 97, 116, 97, 95,
              95, 34, 58, 123, 34, 102, 114, 97, 109, 101, 119, 111, 114, 107, 34, 58, 34, 112,
              116, 34, 125, 125, 32, 32, 32, 32, 32]
add_valid("rust_test_empty_metadata", [], {"framework": "pt"}, expected_bytes=rust_empty)

# A small model with preprocessing buffers and metadata, including non-ASCII values (multi-byte UTF-8).
model_metadata = {
    "model_version": "1.2.0",
    "description": "温度预测 — max temperature, °C, naïve baseline",
    "feature_schema": json.dumps([{"name": "mean radius", "dtype": "float32"}, {"name": "température", "dtype": "float32"}],
                                 ensure_ascii=False),
    "quote \"and\" backslash \\": "line\nbreak\ttab",
}
model_blob = add_valid("model_with_metadata", [
    ("net.0.weight", "F32", rng.randn(4, 3).astype(np.float32)),
    ("net.0.bias", "F32", rng.randn(4).astype(np.float32)),
    ("net.2.weight", "F32", rng.randn(2, 4).astype(np.float32)),
    ("net.2.bias", "F32", rng.randn(2).astype(np.float32)),
    ("scaler.mean", "F64", rng.randn(3)),
    ("steps", "I64", np.array([1234567890123], dtype=np.int64)),
], model_metadata)

add_valid("every_dtype", [
    ("a_f64", "F64", np.array([1.5, -2.25e-300, 1e308])),
    ("b_f32", "F32", np.array([[0.1, -3.0], [7.5, 1e-30]], dtype=np.float32)),
    ("c_f16", "F16", np.array([0.5, -1.25, 65504.0], dtype=np.float16)),
    ("d_i64", "I64", np.array([-(2 ** 53), 2 ** 53], dtype=np.int64)),
    ("e_i32", "I32", np.array([-7, 2 ** 31 - 1], dtype=np.int32)),
    ("f_i16", "I16", np.array([[-300], [300]], dtype=np.int16)),
    ("g_i8", "I8", np.array([-128, 127, 0], dtype=np.int8)),
    ("h_u8", "U8", np.array([0, 255, 17, 3, 9], dtype=np.uint8)),
    ("i_bool", "BOOL", np.array([True, False, True], dtype=np.bool_)),
], {"ünïcödé": "значение", "emoji": "🙂"})

add_valid("scalar_and_empty", [
    ("scalar", "F32", np.array(2.5, dtype=np.float32)),
    ("empty", "F32", np.zeros((0, 3), dtype=np.float32)),
], {})

# Broken files, each rejected by the reader above.
n = struct.unpack("<Q", model_blob[:8])[0]
text = model_blob[8:8 + n].decode("utf-8")
data = model_blob[8 + n:]
chars = len(text)  # a writer that counts the characters of raw-UTF-8 JSON instead of its bytes (the non-ASCII metadata makes them differ)
add_invalid("length_counts_characters", struct.pack("<Q", chars) + text.encode("utf-8") + data)
add_invalid("truncated_data", model_blob[:-4])
add_invalid("trailing_bytes", model_blob + b"\0" * 8)
add_invalid("too_short", b"\x08\0\0")
add_invalid("length_past_end", struct.pack("<Q", 1000) + b"{}      ")


def patched(header_update):
    header = json.loads(text)
    header_update(header)
    body = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    body += b" " * ((8 - len(body) % 8) % 8)
    return struct.pack("<Q", len(body)) + body + data


def gap(h):
    h["net.0.bias"]["data_offsets"] = [h["net.0.bias"]["data_offsets"][0] + 4, h["net.0.bias"]["data_offsets"][1] + 4]


def wrong_shape(h):
    h["net.0.weight"]["shape"] = [4, 4]


def metadata_number(h):
    h["__metadata__"]["model_version"] = 12


def unknown_dtype(h):
    h["steps"]["dtype"] = "Q64"


add_invalid("offsets_gap", patched(gap))
add_invalid("shape_mismatch", patched(wrong_shape))
add_invalid("metadata_not_string", patched(metadata_number))
add_invalid("unknown_dtype", patched(unknown_dtype))
add_invalid("not_an_object", struct.pack("<Q", 8) + b"[]      ")
add_invalid("not_json", struct.pack("<Q", 8) + b"{\"a\":   ")

with open(os.path.join(here, "safetensors_fixtures.json"), "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=1)
    f.write("\n")
print("wrote %d valid and %d invalid cases" % (len(out["valid"]), len(out["invalid"])))
