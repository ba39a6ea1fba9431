"""``python -m bench``: run the benchmark (``make bench``); ``--tiny`` for the smoke run."""

import argparse
import sys
from pathlib import Path

from bench.data import DEFAULT_CACHE, FULL, TINY
from bench.runner import TINY_PLAN, Plan, missed, run, table

RESULTS = Path(__file__).with_name("results.json")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--tiny", action="store_true", help="tiny sizes, one run of each, no targets checked")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=RESULTS, help=f"results as JSON (default {RESULTS})")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where generated data is kept")
    parser.add_argument("--only", nargs="+", metavar="MEASURE", help="run only these measures")
    args = parser.parse_args()
    sizes, plan = (TINY, TINY_PLAN) if args.tiny else (FULL, Plan())
    report = run(sizes, plan, args.seed, args.out, args.cache, set(args.only) if args.only else None)
    print(table(report))
    if args.tiny:
        return 0
    if failed := missed(report):
        print(f"\nTargets missed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
