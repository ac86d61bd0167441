"""Builds a large article corpus from a small one for scale runs (docs/scale.md): copy ``k``
of every record has its publication date moved ``k`` times ``--shift-days`` later and a
closing line naming the copy, so that every copy is a distinct article (its own content id)
in its own stretch of time, as a longer archive of the same outlets would be.

    python python/examples/scale_corpus.py ../shared/data/allsides-bias-subset/test_1300.jsonl \
        --articles 10000 --out /tmp/c10k/articles.jsonl
"""

import argparse
import datetime
import itertools
import json


def shifted(date: str, days: int) -> str:
    """``date`` (``YYYY-MM-DD`` first) moved ``days`` later; undated stays undated."""
    try:
        day = datetime.date.fromisoformat(date[:10])
    except ValueError:
        return date
    return (day + datetime.timedelta(days=days)).isoformat() + date[10:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="JSON Lines of articles")
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--text-field", default="content_original")
    parser.add_argument("--date-field", default="date")
    parser.add_argument("--shift-days", type=int, default=3653)
    args = parser.parse_args()
    with open(args.source, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    with open(args.out, "w", encoding="utf-8") as out:
        copies = ((copy, record) for copy in itertools.count() for record in records)
        for n, (copy, record) in enumerate(copies):
            if n == args.articles:
                break
            record = dict(record)
            if copy:
                record[args.text_field] = f"{record[args.text_field]}\n\n(Copy {copy}.)"
                if record.get(args.date_field):
                    record[args.date_field] = shifted(
                        record[args.date_field], copy * args.shift_days
                    )
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
