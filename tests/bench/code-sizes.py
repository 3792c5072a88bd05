#!/usr/bin/env python3
# Usage: python3 tests/bench/code-sizes.py <git-rev> codegen runtime tests examples
"""Files over 600 lines and functions over 80 lines in a git tree's .rs files
(generated snapshots excluded). A function runs from its `fn` line to the
first line at the same indentation that starts with `}` (rustfmt layout)."""
import re, subprocess, sys
rev = sys.argv[1]; roots = sys.argv[2:]
files = subprocess.run(["git","ls-tree","-r","--name-only",rev,"--",*roots],capture_output=True,text=True).stdout.split()
big=[]; longf=[]
for f in files:
    if not f.endswith(".rs") or "/snapshots/" in f: continue
    lines = subprocess.run(["git","show",f"{rev}:{f}"],capture_output=True,text=True).stdout.split("\n")
    if len(lines)-1 > 600: big.append((len(lines)-1,f))
    for i,l in enumerate(lines):
        m = re.match(r'^(\s*)(pub(\([^)]*\))?\s+)?(async\s+)?(const\s+)?fn\s+(\w+)', l)
        if not m or l.rstrip().endswith(';'): continue
        ind = m.group(1)
        for j in range(i+1,len(lines)):
            if lines[j].startswith(ind+"}") : break
        else: continue
        n=j-i+1
        if n>80: longf.append((n,f"{f}::{m.group(6)}"))
print(f"files over 600 lines: {len(big)}"); [print(f"  {n:5} {f}") for n,f in sorted(big,reverse=True)]
print(f"functions over 80 lines: {len(longf)}"); [print(f"  {n:5} {f}") for n,f in sorted(longf,reverse=True)]
