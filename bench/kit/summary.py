#!/usr/bin/env python3
"""Prints pattern, technologies, cost and departures of each design under DIR (for before/after comparisons)."""
import json, os, sys
root = sys.argv[1]
for n in sorted(os.listdir(root)):
    p = os.path.join(root, n, "design.json")
    if not os.path.isfile(p):
        continue
    d = json.load(open(p))["design"]
    c = d.get("cost") or {}
    print(f"== {n}: {d['architecture']['pattern']}")
    print("   kit:", ", ".join(t["id"] + (" " + t["version"] if t["version"] not in ("managed",) else "") for t in d["technologies"]))
    if c.get("lines"):
        print(f"   cost: {c['currency']} {c['totalPerMonth']:.0f}/month; budget {c.get('budgetStated')} (≈{c.get('budgetPerMonth')}) over={c.get('overBudget')}")
    for x in d.get("departures", []):
        print("   departure:", x[:160])
