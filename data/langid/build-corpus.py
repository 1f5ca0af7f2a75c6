#!/usr/bin/env python3
"""Builds the language-identification corpus from Debian packages.

    python3 data/langid/build-corpus.py OUTDIR [--debs DIR]

Downloads the packages listed in PACKAGES with `apt-get download` (run `apt-get update` once first),
unpacks them with `dpkg-deb -x`, and writes OUTDIR/<iso639-1>.txt: one text sample per line, UTF-8,
deduplicated, in a deterministic order. OUTDIR/SOURCES.txt lists the packages and versions used.

Text comes from three kinds of translated material:
  * gettext catalogues (.mo): msgstr in the catalogue's language, msgid as English;
  * translated manual pages (manpages-l10n, manpages-zh, manpages-tr), groff markup removed;
  * GNOME help pages (Mallard .page XML) and Firefox language packs (.ftl / .properties).

The corpus is large and third-party: it is written outside the repository and never committed.
"""
import argparse
import gzip
import html
import os
import re
import struct
import subprocess
import sys
import zipfile
from collections import defaultdict

PACKAGES = [
    # translated manual pages
    "manpages", "manpages-fr", "manpages-de", "manpages-es", "manpages-ru", "manpages-it",
    "manpages-pl", "manpages-nl", "manpages-pt-br", "manpages-uk", "manpages-cs", "manpages-tr",
    "manpages-zh",
    # gettext catalogues in many languages
    "iso-codes", "coreutils", "tar", "grep", "sed", "findutils", "diffutils", "bash", "gettext",
    "wget", "gnupg-l10n", "dpkg", "apt", "debconf-i18n", "util-linux-locales", "libc-l10n",
    "gnome-control-center-data", "evolution-data-server-common", "gnome-shell-common",
    "libgtk-3-common", "nautilus-data", "evolution-common",
    # GNOME help prose
    "gnome-user-docs",
    # Firefox language packs for the languages with the least other material
    "firefox-esr-l10n-ar", "firefox-esr-l10n-fa", "firefox-esr-l10n-he", "firefox-esr-l10n-tr",
    "firefox-esr-l10n-ur",
]

# Locale folder name -> ISO 639-1 code of the languages the model learns.
LOCALES = {
    "ar": "ar", "fa": "fa", "he": "he", "ur": "ur", "tr": "tr", "ru": "ru", "uk": "uk",
    "fr": "fr", "de": "de", "es": "es", "it": "it", "pt": "pt", "pt_BR": "pt", "nl": "nl",
    "cs": "cs", "pl": "pl", "zh_CN": "zh", "zh_TW": "zh", "zh_HK": "zh",
    "C": "en", "en": "en",
}

# Script each language is written in; lines mostly in another script are dropped.
SCRIPT = {
    "ar": "arab", "fa": "arab", "ur": "arab", "he": "hebr", "ru": "cyrl", "uk": "cyrl", "zh": "hani",
}

# Lists of language, region and script names are proper names in many tongues, not text in one.
SKIPPED_DOMAINS = ("iso_639", "iso_3166-2", "iso_3166-3", "iso_15924")

ENGLISH_MARKERS = set(
    "the and of to is in for with that this are be by on from which or not can will when if "
    "it as an at use used file files".split())


def script_of(ch):
    o = ord(ch)
    if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFEFF:
        return "arab"
    if 0x0590 <= o <= 0x05FF:
        return "hebr"
    if 0x0400 <= o <= 0x04FF:
        return "cyrl"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
        return "hani"
    if ch.isalpha() and o < 0x0250:
        return "latn"
    return None


def acceptable(lang, line):
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 3:
        return False
    want = SCRIPT.get(lang, "latn")
    native = sum(1 for c in letters if script_of(c) == want)
    if native < 0.6 * len(letters):
        return False
    if lang != "en" and want == "latn":
        # Translated pages keep untranslated English paragraphs; leave those out of other languages.
        words = re.findall(r"[a-z]+", line.lower())
        if len(words) >= 4 and sum(1 for w in words if w in ENGLISH_MARKERS) >= 0.2 * len(words):
            return False
    return True


FORMAT_RE = re.compile(r"%(\d+\$)?[-#0 +']*\d*(\.\d+)?(l|ll|h|z|j|t)?[a-zA-Z%]|\{[^{}]*\}|\$\{[^}]*\}|<[^>]+>|&[a-z]+;")
SPACE_RE = re.compile(r"\s+")


def clean_message(text):
    text = FORMAT_RE.sub(" ", text)
    text = text.replace("_", "").replace("&", "")
    return SPACE_RE.sub(" ", text).strip()


def read_mo(path):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 28:
        return []
    magic = struct.unpack("<I", data[:4])[0]
    order = "<" if magic == 0x950412DE else ">"
    _, count, orig_off, trans_off = struct.unpack(order + "4I", data[4:20])
    pairs = []
    for i in range(count):
        olen, opos = struct.unpack(order + "2I", data[orig_off + 8 * i: orig_off + 8 * i + 8])
        tlen, tpos = struct.unpack(order + "2I", data[trans_off + 8 * i: trans_off + 8 * i + 8])
        msgid = data[opos: opos + olen].decode("utf-8", "replace")
        msgstr = data[tpos: tpos + tlen].decode("utf-8", "replace")
        if not msgid:
            continue
        ids = msgid.split("\x00")
        strs = msgstr.split("\x00")
        pairs.append((ids[0].split("\x04")[-1], strs[0]))
    return pairs


GROFF_ESCAPES = [
    (re.compile(r"\\f(\[[^\]]*\]|\(..|.)"), ""),
    (re.compile(r"\\\(.."), " "),
    (re.compile(r"\\\[[^\]]*\]"), " "),
    (re.compile(r"\\\*(\(..|\[[^\]]*\]|.)"), ""),
    (re.compile(r"\\[s][-+]?\d+"), ""),
    (re.compile(r"\\[-]"), "-"),
    (re.compile(r"\\[ ~0|^&,/:%]"), " "),
    (re.compile(r"\\e"), " "),
    (re.compile(r"\\."), ""),
]
TEXT_MACROS = {"B", "I", "BR", "BI", "IB", "IR", "RB", "RI", "SH", "SS", "TP", "IP", "SM", "SB"}


def man_lines(path):
    try:
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
            raw = f.read()
    except (OSError, EOFError):
        return []
    paragraphs, current = [], []
    for line in raw.split("\n"):
        if line.startswith((".", "'")):
            name = line[1:].split(" ", 1)
            macro = name[0]
            if macro in ("\\\"", "\\\\\"") or line.startswith(".\\\""):
                continue
            if macro in TEXT_MACROS and len(name) > 1:
                current.append(name[1].replace('"', " "))
                continue
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if not line.strip():
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        current.append(line)
    if current:
        paragraphs.append(" ".join(current))
    out = []
    for p in paragraphs:
        for rx, rep in GROFF_ESCAPES:
            p = rx.sub(rep, p)
        p = SPACE_RE.sub(" ", p).strip()
        if p:
            out.append(p)
    return out


PAGE_TAG_RE = re.compile(r"<(p|title|desc|item|td|note)\b[^>]*>(.*?)</\1>", re.S)
TAG_RE = re.compile(r"<[^>]+>")


def page_lines(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        raw = f.read()
    out = []
    for m in PAGE_TAG_RE.finditer(raw):
        text = html.unescape(TAG_RE.sub(" ", m.group(2)))
        text = SPACE_RE.sub(" ", text).strip()
        if text:
            out.append(text)
    return out


FTL_RE = re.compile(r"^\s*[-\w.]+\s*=\s*(.+)$|^\s+\.[\w-]+\s*=\s*(.+)$")


def xpi_lines(path):
    out = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            if not name.endswith((".ftl", ".properties")):
                continue
            text = z.read(name).decode("utf-8", "replace")
            for line in text.split("\n"):
                if line.lstrip().startswith("#"):
                    continue
                m = FTL_RE.match(line)
                if m:
                    value = m.group(1) or m.group(2)
                    out.append(clean_message(value.replace("\\n", " ")))
    return out


def split_long(text):
    """Splits prose into sentences so that samples look like lines of an article."""
    parts = re.split(r"(?<=[.!?。！？؟])\s+", text)
    return [p.strip() for p in parts if p.strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--debs", default=None, help="folder for the downloaded .deb files (default OUTDIR/debs)")
    args = ap.parse_args()
    outdir = os.path.abspath(args.outdir)
    debs = os.path.abspath(args.debs or os.path.join(outdir, "debs"))
    root = os.path.join(outdir, "unpacked")
    os.makedirs(debs, exist_ok=True)
    os.makedirs(root, exist_ok=True)

    missing = [p for p in PACKAGES if not any(f.startswith(p + "_") for f in os.listdir(debs))]
    if missing:
        r = subprocess.run(["apt-get", "download"] + missing, cwd=debs)
        if r.returncode != 0:
            sys.exit("apt-get download failed; run `apt-get update` first and check the package names.")
    sources = [d for d in sorted(os.listdir(debs))
               if d.endswith(".deb") and any(d.startswith(p + "_") for p in PACKAGES)]
    marker = os.path.join(root, ".unpacked")
    if not os.path.exists(marker) or open(marker, encoding="utf-8").read() != "\n".join(sources):
        for deb in sources:
            subprocess.run(["dpkg-deb", "-x", os.path.join(debs, deb), root], check=True)
        with open(marker, "w", encoding="utf-8") as f:
            f.write("\n".join(sources))

    samples = defaultdict(list)

    def add(lang, text):
        for s in split_long(text):
            if 3 <= len(s) <= 600:
                samples[lang].append(s)

    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for fn in sorted(filenames):
            path = os.path.join(dirpath, fn)
            rel = os.path.relpath(path, root).split(os.sep)
            if fn.endswith(".mo") and "locale" in rel:
                if fn.startswith(SKIPPED_DOMAINS):
                    continue
                loc = rel[rel.index("locale") + 1]
                lang = LOCALES.get(loc)
                for msgid, msgstr in read_mo(path):
                    add("en", clean_message(msgid))
                    if lang and lang != "en" and msgstr and msgstr != msgid:
                        add(lang, clean_message(msgstr))
            elif fn.endswith(".gz") and "man" in rel:
                i = rel.index("man")
                sub = rel[i + 1]
                lang = "en" if sub.startswith("man") else LOCALES.get(sub)
                if lang:
                    for p in man_lines(path):
                        add(lang, p)
            elif fn.endswith(".page") and "help" in rel:
                lang = LOCALES.get(rel[rel.index("help") + 1])
                if lang:
                    for p in page_lines(path):
                        add(lang, p)
            elif fn.endswith(".xpi") and fn.startswith("langpack-"):
                lang = LOCALES.get(fn[len("langpack-"):].split("@")[0])
                if lang:
                    for p in xpi_lines(path):
                        add(lang, p)

    # A sample found under two languages is a copy (untranslated string, command line): drop it everywhere.
    owners = defaultdict(set)
    for lang, lines in samples.items():
        for s in lines:
            owners[s].add(lang)
    for lang in sorted(samples):
        seen = set()
        kept = []
        for s in samples[lang]:
            if s in seen or len(owners[s]) > 1 or not acceptable(lang, s):
                continue
            seen.add(s)
            kept.append(s)
        with open(os.path.join(outdir, lang + ".txt"), "w", encoding="utf-8", newline="\n") as f:
            for s in kept:
                f.write(s.replace("\n", " ") + "\n")
        print(f"{lang}: {len(kept)} samples, {sum(len(s) for s in kept)} chars")
    with open(os.path.join(outdir, "SOURCES.txt"), "w", encoding="utf-8", newline="\n") as f:
        for s in sources:
            f.write(s + "\n")


if __name__ == "__main__":
    main()
