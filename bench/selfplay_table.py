"""The self-play outcome table: every persona x language x difficulty x trainee bot, offline.

    python bench/selfplay_table.py [--runs N] [--persona ID ...] [--json]

Prints a Markdown table (one row per persona and language; each cell "outcome score", and for the good bot the
number of discovery turns in brackets), then anything the calibration rules flag (simulator/selfplay.py).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from tempfile import TemporaryDirectory

from personas.difficulty import LEVELS
from personas.library import load_all
from simulator.bots import TRAINEES
from simulator.selfplay import SelfPlayResult, matrix, offline_simulator, problems
from simulator.settings import Settings

SHORT = {"deal": "deal", "intention": "intent", "follow_up": "follow", "refusal": "refuse"}


def table(results: list[SelfPlayResult]) -> str:
    cells = {(r.persona, r.language, r.difficulty, r.trainee, r.run): r for r in results}
    runs = sorted({r.run for r in results})
    header = ["persona", "lang"] + [f"{level} {bot}" for level in LEVELS for bot in TRAINEES]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for persona, lang in sorted({(r.persona, r.language) for r in results}):
        row = [persona, lang]
        for level in LEVELS:
            for bot in TRAINEES:
                parts = []
                for run in runs:
                    r = cells[persona, lang, level, bot, run]
                    text = f"{SHORT[r.outcome]} {r.score}"
                    parts.append(text + (f" ({r.discovery})" if bot == "good" else ""))
                row.append(" / ".join(parts))
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1, help="calls per cell (each run words the bots differently)")
    parser.add_argument("--persona", nargs="*", help="only these persona ids")
    parser.add_argument("--json", action="store_true", help="one JSON line per call instead of the table")
    args = parser.parse_args()
    keys = sorted({(p.id, p.language) for p in load_all() if not args.persona or p.id in args.persona})
    started = time.perf_counter()
    with TemporaryDirectory() as home:
        sim = offline_simulator(Settings(home=Path(home)))
        try:
            results = matrix(sim, keys, runs=args.runs)
        finally:
            sim.close()
    if args.json:
        for r in results:
            print(json.dumps(r.record(), ensure_ascii=False))
        return
    print(table(results))
    print(
        f"\n{len(results)} calls in {time.perf_counter() - started:.0f} s. Cells: outcome and score; "
        "(n) = discovery turns of the good bot."
    )
    flagged = problems(results)
    print("\nCalibration: " + ("all rules hold." if not flagged else "\n- " + "\n- ".join(flagged)))


if __name__ == "__main__":
    main()
