#!/usr/bin/env python3
"""Draws docs/benchmarks-latency.svg (latency against registry size, log-log) from the numbers
in docs/benchmarks.md. Usage: python3 benchmarks/plot_latency.py SERIES_JSON OUT_SVG
SERIES_JSON: {"title": str, "series": [{"name": str, "color": str, "points": [[entities, microseconds], ...]}]}"""
import json, math, sys

data = json.load(open(sys.argv[1]))
W, H, L, R, T, B = 640, 400, 70, 170, 40, 50
xs = [p[0] for s in data["series"] for p in s["points"]]
ys = [p[1] for s in data["series"] for p in s["points"]]
x0, x1 = math.log10(min(xs)) - 0.2, math.log10(max(xs)) + 0.2
y0, y1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
X = lambda v: L + (math.log10(v) - x0) / (x1 - x0) * (W - L - R)
Y = lambda v: H - B - (math.log10(v) - y0) / (y1 - y0) * (H - T - B)
out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{H}" fill="white"/>',
       f'<text x="{W/2 - R/2}" y="22" text-anchor="middle" font-size="14">{data["title"]}</text>']
for e in range(y0, y1 + 1):
    y = Y(10 ** e)
    label = f"{10**e:g} µs" if e < 3 else (f"{10**(e-3):g} ms" if e < 6 else f"{10**(e-6):g} s")
    out.append(f'<line x1="{L}" x2="{W-R}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/><text x="{L-6}" y="{y+4:.1f}" text-anchor="end">{label}</text>')
for v in sorted(set(xs)):
    x = X(v)
    label = f"{v/1e6:g}M" if v >= 1e6 else f"{v/1e3:g}k"
    out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{T}" y2="{H-B}" stroke="#eee"/><text x="{x:.1f}" y="{H-B+18}" text-anchor="middle">{label}</text>')
out.append(f'<text x="{(L + W - R)/2}" y="{H-8}" text-anchor="middle">entities in the registry (log scale)</text>')
out.append(f'<text x="16" y="{(T + H - B)/2}" text-anchor="middle" transform="rotate(-90 16 {(T + H - B)/2})">time per query (log scale)</text>')
for i, s in enumerate(data["series"]):
    pts = " ".join(f"{X(a):.1f},{Y(b):.1f}" for a, b in s["points"])
    out.append(f'<polyline points="{pts}" fill="none" stroke="{s["color"]}" stroke-width="2" {s.get("dash", "")}/>')
    for a, b in s["points"]:
        out.append(f'<circle cx="{X(a):.1f}" cy="{Y(b):.1f}" r="3.5" fill="{s["color"]}"/>')
    ly = T + 20 + i * 20
    out.append(f'<line x1="{W-R+12}" x2="{W-R+32}" y1="{ly}" y2="{ly}" stroke="{s["color"]}" stroke-width="2"/><text x="{W-R+38}" y="{ly+4}">{s["name"]}</text>')
out.append('</svg>')
open(sys.argv[2], "w").write("\n".join(out) + "\n")
