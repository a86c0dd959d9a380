#!/usr/bin/env bash
# Builds a labelled German evaluation corpus for `akte.jar evaluate` from the LibreOffice help that Debian ships
# (apt-get install -y --no-install-recommends libreoffice-help-de): one help page per line, labelled with its help
# module and section (12 uneven classes with overlapping vocabulary: every module explains menus, dialogs, styles
# and fields), long texts, and OCR-like noise (lost umlauts, rn for m, 1 for l, 0 for O, broken and dropped
# letters) in a share of the pages. Deterministic for a given seed.
#
#   bench/german-help-corpus.sh [OUTPUT.csv] [--seed N] [--noisy SHARE] [--help-dir DIR]
#
# Output: label;text per line (UTF-8), a text quoted with " only where it needs to be (a ; in it, or a quote at
# both ends), inner quotes doubled. So the file also carries texts that begin with a quoted word, which the reader
# must take as unquoted text.
set -euo pipefail
out=target/german-help-corpus.csv
seed=16
noisy=0.3
help_dir=/usr/share/libreoffice/help/de/text
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) seed=$2; shift 2 ;;
    --noisy) noisy=$2; shift 2 ;;
    --help-dir) help_dir=$2; shift 2 ;;
    -h|--help) sed -n 2,13p "$0"; exit 0 ;;
    *) out=$1; shift ;;
  esac
done
if [ ! -d "$help_dir" ]; then
  echo "no German LibreOffice help in $help_dir: apt-get install -y --no-install-recommends libreoffice-help-de" >&2
  exit 2
fi
mkdir -p "$(dirname "$out")"
python3 - "$help_dir" "$out" "$seed" "$noisy" <<'PY'
import html, os, random, re, sys

help_dir, out, seed, noisy = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
# label: (directories, at most this many pages); caps keep the classes uneven but the corpus near 1,000 pages
CLASSES = {
    "Basic": (["sbasic/shared", "sbasic/guide", "sbasic/python"], 160),
    "Calc-Funktionen": (["scalc/01", "scalc/02", "scalc/04", "scalc/05", "scalc/00"], 150),
    "Calc-Anleitungen": (["scalc/guide", "scalc/06"], 97),
    "Writer-Befehle": (["swriter/01", "swriter/02", "swriter/00", "swriter/04", "swriter/menu"], 130),
    "Writer-Anleitungen": (["swriter/guide", "swriter/librelogo"], 110),
    "Impress": (["simpress/01", "simpress/02", "simpress/00", "simpress/guide", "simpress/04"], 100),
    "Optionen": (["shared/optionen"], 88),
    "Allgemeine-Anleitungen": (["shared/guide"], 90),
    "Allgemeine-Befehle": (["shared/01", "shared/02", "shared/00"], 80),
    "Formeln": (["smath/00", "smath/01", "smath/02", "smath/04", "smath/06", "smath/guide"], 60),
    "Diagramme": (["schart/00", "schart/01", "schart/02", "schart/04"], 45),
    "Zeichnen": (["sdraw/00", "sdraw/01", "sdraw/04", "sdraw/guide"], 30),
}
MIN_CHARS, MAX_CHARS = 300, 8000

def text_of(path):
    with open(path, encoding="utf-8") as f:
        page = f.read()
    start = page.find('<div id="DisplayArea"')
    end = page.find('<div id="SearchFrame"')
    if start < 0 or end < 0:
        return ""
    body = page[start:end]
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", body, flags=re.S)
    body = re.sub(r"<[^>]+>", " ", body)
    return re.sub(r"\s+", " ", html.unescape(body)).strip()

def ocr_noise(text, rnd):
    swaps = [("m", "rn"), ("l", "1"), ("O", "0"), ("ä", "a"), ("ö", "o"), ("ü", "u"), ("ß", "ss"), ("e", "c"),
             ("i", "l"), ("h", "b")]
    out = []
    for word in text.split(" "):
        if rnd.random() < 0.25:
            old, new = rnd.choice(swaps)
            word = word.replace(old, new, 1)
        if len(word) > 6 and rnd.random() < 0.05:
            cut = rnd.randrange(2, len(word) - 2)
            word = word[:cut] + " " + word[cut:]          # a word broken in two
        if len(word) > 3 and rnd.random() < 0.05:
            drop = rnd.randrange(len(word))
            word = word[:drop] + word[drop + 1:]          # a letter lost
        out.append(word)
    return " ".join(out)

def field(text):
    needs = ";" in text or (len(text) > 1 and text[0] in "\"'" and text[-1] == text[0])
    return '"' + text.replace('"', '""') + '"' if needs else text

rnd = random.Random(seed)
rows = []
for label, (dirs, cap) in CLASSES.items():
    pages = []
    for d in dirs:
        full = os.path.join(help_dir, d)
        if os.path.isdir(full):
            pages += [os.path.join(full, n) for n in sorted(os.listdir(full)) if n.endswith(".html")]
    texts = [t for t in (text_of(p) for p in pages) if len(t) >= MIN_CHARS]
    rnd.shuffle(texts)
    for t in texts[:cap]:
        if len(t) > MAX_CHARS:
            t = t[:MAX_CHARS].rsplit(" ", 1)[0]
        rows.append((label, t))
rnd.shuffle(rows)  # arrival order for the online protocol
noisy_count = 0
with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write("label;text\n")
    for label, text in rows:
        if rnd.random() < noisy:
            text = ocr_noise(text, rnd)
            noisy_count += 1
        f.write(label + ";" + field(text) + "\n")
counts = {}
for label, _ in rows:
    counts[label] = counts.get(label, 0) + 1
print(f"{out}: {len(rows)} pages, {noisy_count} with OCR-like noise, "
      f"mean {sum(len(t) for _, t in rows) // len(rows)} characters", file=sys.stderr)
for label in sorted(counts, key=counts.get, reverse=True):
    print(f"  {label:24s} {counts[label]:4d}", file=sys.stderr)
PY
