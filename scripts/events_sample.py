#!/usr/bin/env python3
"""Events of a dossier as a journalist checks them: events per article, the share with neither
a source nor a target, the types and modes, the most frequent actors, and a seeded sample of
20 events each printed with its sentence, to be read and judged by hand.

    parallax analyze ARTICLES --out OUT --store STORE
    python3 scripts/events_sample.py OUT/dossier.json ARTICLE_COUNT [SEED]

For the AllSides figures of issue 20: the first 60 records of
../shared/data/allsides-bias-subset/test_1300.jsonl (`head -60`), analyzed with
`--field text=content_original --field published=date --field outlet=source`, seed 20.
"""

import collections
import json
import random
import sys


def main() -> None:
    dossier = json.load(open(sys.argv[1]))
    articles = int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    reports = [(ev, r) for ev in dossier.get("events", []) for r in ev["reports"]]
    actorless = sum(1 for _, r in reports if not r["source"] and not r["target"])
    print(
        f"articles={articles} events={len(reports)} per_article={len(reports) / articles:.2f} "
        f"actorless={actorless} share_actorless={actorless / max(1, len(reports)):.3f} "
        f"asserted={sum(r['asserted'] for _, r in reports)}"
    )
    print("types:", dict(collections.Counter(r["type"] for _, r in reports).most_common()))
    modes = collections.Counter((r["type"], ev.get("mode")) for ev, r in reports if ev.get("mode"))
    print("modes:", dict(modes.most_common(15)))
    actors = collections.Counter(a for _, r in reports for a in r["source"] + r["target"])
    print("actors:", actors.most_common(25))
    texts = {doc["id"]: doc["text"].encode() for doc in dossier.get("documents", [])}
    for ev, r in random.Random(seed).sample(reports, min(20, len(reports))):
        e = r["evidence"]
        start, end = e["sentence"]
        sentence = texts[e["doc"]][start:end].decode(errors="replace").replace("\n", " ")
        print("  SENT:", sentence[:400])
        print(
            f"- {r['type']}/{ev.get('mode')} «{e['text']}» src={r['source']} tgt={r['target']} "
            f"loc={r.get('location')} asserted={r['asserted']} by={r.get('reported_by')}"
        )


if __name__ == "__main__":
    main()
