#!/usr/bin/env python3
"""Share of architecture.md sentences that appear word for word in 3 or more other briefs' reports.

Usage: bench/boilerplate.py DESIGNS_DIR   (one sub-directory per brief, each with architecture.md;
produce it with bench/kit/design_all.sh). Table rows and list items count as sentences too; headings, table header rows,
code fences and sentences under four words do not, since they carry no design content.

Measured 2026-12-02 on the 14 dev briefs: 16.3 % (44.3 % before the designer's prose named its design). The Core test
BoilerplateTests ports this measure to C# and holds it over examples/briefs plus the dev set; keep the two in step.
"""
import os
import re
import sys
from collections import defaultdict

THRESHOLD = 3


def sentences(text):
    out = []
    in_code = False
    lines = text.splitlines()
    for i, line in enumerate(lines):
        # A table's header row and its |---| separator are layout, not sentences.
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if line.strip().startswith("|") and (re.fullmatch(r"\|[-:| ]+\|?", nxt) or re.fullmatch(r"\|[-:| ]+\|?", line.strip())):
            continue
        if line.strip().startswith("```"):
            in_code = not in_code
            continue
        if in_code or line.lstrip().startswith("#"):
            continue
        line = re.sub(r"[*_`|>]", " ", line)
        line = re.sub(r"^\s*(?:[-+]|\d+\.)\s+", "", line)
        for part in re.split(r"(?<=[.!?;])\s+", line):
            part = re.sub(r"\s+", " ", part).strip(" -:")
            if len(part.split()) >= 4:
                out.append(part)
    return out


def main(root):
    reports = {}
    for name in sorted(os.listdir(root)):
        path = os.path.join(root, name, "architecture.md")
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                reports[name] = sentences(f.read())
    seen = defaultdict(set)
    for name, sents in reports.items():
        for s in set(sents):
            seen[s].add(name)
    total = shared = 0
    for name, sents in reports.items():
        n = sum(1 for s in sents if len(seen[s] - {name}) >= THRESHOLD)
        total += len(sents)
        shared += n
        print(f"{name:28} {n:4}/{len(sents):4} {100.0 * n / max(1, len(sents)):5.1f} %")
    print(f"TOTAL boilerplate share: {shared}/{total} = {100.0 * shared / max(1, total):.1f} % of sentences appear in >= {THRESHOLD} other reports")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/kit-designs")
