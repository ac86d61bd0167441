#!/usr/bin/env python3
"""Builds crates/report/data/world.txt, the world outline the report and the web app draw
their maps of a story's places on.

Source: npm `world-atlas` 2.0.2 (ISC; Natural Earth 1:110m, public domain): `land-110m.json`
(the land, filled) and `countries-110m.json` (the borders between countries, drawn once each).
Nothing is fetched at build or run time; the committed file is the only input the Rust code
reads.

Usage (from the repository root; a second):

    (cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz)
    python3 crates/report/data/build_world.py /tmp/package

Output: UTF-8 text, `#` comment lines, then two lines `land<TAB>PATH` and `borders<TAB>PATH`,
each PATH an SVG path in an equirectangular plane of SCALE units per degree (x = (lon + 180)
* SCALE, y = (90 - lat) * SCALE, so the world is 360 * SCALE by 180 * SCALE), written with
relative integer moves; points that round onto the previous one are dropped.
"""
import json, os, sys

SCALE = 4
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "world.txt")


def decode_arcs(topo):
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def project(lon, lat):
    return round((lon + 180) * SCALE), round((90 - lat) * SCALE)


def path(lines, closed):
    """An SVG path of point lists, with relative integer moves."""
    out, (cx, cy) = [], (0, 0)
    for pts in lines:
        proj = []
        for lon, lat in pts:
            p = project(lon, lat)
            if not proj or p != proj[-1]:
                proj.append(p)
        if len(proj) < (4 if closed else 2):
            continue
        x0, y0 = proj[0]
        out.append(f"m{x0 - cx} {y0 - cy}" if out else f"M{x0} {y0}")
        steps = [f"{x1 - xa} {y1 - ya}" for (xa, ya), (x1, y1) in zip(proj, proj[1:])]
        out.append("l" + " ".join(steps))
        if closed:
            out.append("z")
            cx, cy = x0, y0
        else:
            cx, cy = proj[-1]
    return "".join(out).replace(" -", "-")


def rings(topo, obj, arcs):
    def ring(indices):
        out = []
        for i in indices:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        return out

    result = []
    for g in topo["objects"][obj]["geometries"]:
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]] if g["type"] == "Polygon" else []
        for poly in polys:
            result.extend(ring(r) for r in poly)
    return result


def borders(topo, arcs):
    """Arcs shared by two countries: the borders (coasts are the land's outline)."""
    used = {}
    for g in topo["objects"]["countries"]["geometries"]:
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]] if g["type"] == "Polygon" else []
        for poly in polys:
            for r in poly:
                for i in r:
                    used[i if i >= 0 else ~i] = used.get(i if i >= 0 else ~i, 0) + 1
    return [arcs[i] for i in sorted(used) if used[i] >= 2]


def main():
    folder = sys.argv[1]
    with open(os.path.join(folder, "land-110m.json")) as f:
        land = json.load(f)
    with open(os.path.join(folder, "countries-110m.json")) as f:
        countries = json.load(f)
    land_path = path(rings(land, "land", decode_arcs(land)), closed=True)
    border_path = path(borders(countries, decode_arcs(countries)), closed=False)
    text = ("# World outline: Natural Earth 1:110m (public domain), from the npm package world-atlas 2.0.2.\n"
            f"# Built by crates/report/data/build_world.py; {SCALE} units per degree, equirectangular.\n"
            f"land\t{land_path}\nborders\t{border_path}\n")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{OUT}: {len(text)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
