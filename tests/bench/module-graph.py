#!/usr/bin/env python3
# Usage: python3 tests/bench/module-graph.py codegen/core/src   (or runtime/src)
"""Module import graph of a crate's src/ at top level: an edge A -> B when a
file of module A names `crate::B` (outside comments and #[cfg(test)] tests
files). Prints the edges and any cycle."""
import re, os, sys
src = sys.argv[1]
edges = {}
for dp, _, fs in os.walk(src):
    for f in fs:
        if not f.endswith(".rs"): continue
        p = os.path.join(dp, f); rel = os.path.relpath(p, src)
        parts = rel[:-3].split(os.sep)
        if parts[-1] in ("mod",): parts = parts[:-1]
        if parts == ["lib"] or not parts: continue
        if parts[-1] == "tests" or "tests" in parts: continue
        top = parts[0]
        text = open(p).read()
        text = re.sub(r'//[^\n]*', '', text)
        # drop inline test modules
        text = re.split(r'#\[cfg\(test\)\]\s*mod tests\s*\{', text)[0]
        for m in re.finditer(r'crate::(\w+)', text):
            b = m.group(1)
            if b != top and os.path.exists(os.path.join(src, b + ".rs")) or os.path.isdir(os.path.join(src, b)) and b != top:
                edges.setdefault(top, set()).add(b)
for a in sorted(edges): print(f"  {a} -> {', '.join(sorted(edges[a]))}")
# cycle detection
color = {}; cyc = []
def dfs(u, stack):
    color[u] = 1; stack.append(u)
    for v in sorted(edges.get(u, ())):
        if color.get(v) == 1: cyc.append(stack[stack.index(v):] + [v])
        elif not color.get(v): dfs(v, stack)
    stack.pop(); color[u] = 2
for u in sorted(edges):
    if not color.get(u): dfs(u, [])
print("cycles:", cyc if cyc else "none")
