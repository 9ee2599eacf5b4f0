#!/usr/bin/env python3
"""
Driver for the Python peer, the `eventstudy` package 0.1a12 (github.com/LemaireJean-Baptiste/eventstudy),
on the 1,000-event peer workload (../shared/bench/peer-load), for bench/peer-load.ts (issue 15 §1).
Our code: it only calls the package's public API (Single.import_returns, Single.market_model,
Multiple.from_list, Multiple.results); none of the package is copied here.

Spec, mapped to the package's windows: market model by OLS; estimation [-260, -11], event window
[-10, +10]. The package lays out, before day 0, `-event_window[0] + buffer_size + estimation_size`
rows and fits on the first `estimation_size` of them, so estimation_size = 250 and buffer_size = 0
give exactly rows [-260, -11] of the table's calendar (its date rows), and event window (-10, +10)
rows [-10, +10]. CARs over [-1, 1], [0, 1], [-5, 5] are sums of its ARs over those days (the package
itself only reports CAR from -10 to each day).

Two ways in, the same study:

  python3 eventstudy_peer.py run --data DIR --out CSV [--events N] [--aggregate CSV]
      As a user runs it on the workload's files (those evstudy reads): pandas reads the long
      returns.csv and market.csv and pivots them to the package's input format (a wide table: `date`,
      one column per symbol, `__market__`), which goes to Single.import_returns as an in-memory CSV
      (the package's only public way in is a CSV path or buffer). Then one Single market-model study
      per event (the first N events, default all), the Multiple aggregate (AAR/CAAR and its t-test)
      and one CSV row per event: symbol, event_date, the 21 ARs, the 3 CARs (repr: round-trips).

  python3 eventstudy_peer.py prepare --data DIR --wide FILE
  python3 eventstudy_peer.py run --data DIR --wide FILE --out CSV ...
      The peer's most favourable case: the wide CSV written once beforehand (untimed), so the timed
      run only reads the package's own format. Ratios against it err on the peer's side.

Prints `peer-imports-s`, `peer-read-s` (reading, and pivoting when from the long files),
`peer-compute-s` and `peer-compute-cpu-s` (wall and CPU after reading, to the end of writing) to stderr: the compute-only view beside the
whole process that bench/peer-load.ts times.
"""
import argparse
import sys
import time

T_START = time.perf_counter()

ESTIMATION_SIZE = 250  # rows [-260, -11]
BUFFER_SIZE = 0
EVENT_WINDOW = (-10, 10)
CAR_WINDOWS = [(-1, 1), (0, 1), (-5, 5)]
MARKET = "__market__"


def wide_table(data: str):
    """The package's input format from the workload's long files."""
    import pandas as pd

    long = pd.read_csv(f"{data}/returns.csv", dtype={"symbol": str, "date": str})
    table = long.pivot(index="date", columns="symbol", values="return")
    market = pd.read_csv(f"{data}/market.csv", dtype={"date": str}).set_index("date")["return"]
    # Every date of the returns file is a row (the calendar evstudy uses); a market gap would be an
    # empty cell, which the peer cannot fit over, so refuse it here rather than let it shift rows.
    table[MARKET] = market.reindex(table.index)
    if table[MARKET].isna().any():
        sys.exit(f"market.csv lacks {int(table[MARKET].isna().sum())} dates of returns.csv")
    table = table.sort_index()
    table.index.name = "date"
    return table


def prepare(data: str, wide: str) -> None:
    wide_table(data).to_csv(wide, float_format=None)


def run(data: str, wide: str | None, out: str, events: int | None, aggregate: str | None) -> None:
    import io

    import numpy as np
    import eventstudy as es

    t_imported = time.perf_counter()
    if wide is not None:
        es.Single.import_returns(wide)
    else:
        buf = io.StringIO()
        wide_table(data).to_csv(buf, float_format=None)
        buf.seek(0)
        es.Single.import_returns(buf)
    with open(f"{data}/events.csv") as f:
        header = f.readline().strip().split(",")
        rows = [line.strip().split(",") for line in f if line.strip()]
    if header[:2] != ["symbol", "event_date"]:
        sys.exit(f"{data}/events.csv: header {header}, expected symbol,event_date")
    if events is not None:
        rows = rows[:events]
    t_read = time.perf_counter()
    cpu_read = time.process_time()

    event_list = [
        {"security_ticker": sym, "market_ticker": MARKET, "event_date": np.datetime64(date)} for sym, date in rows
    ]
    # ignore_errors=False: an event the package cannot place must stop the run, not vanish from the
    # sample (its rows would then no longer line up with events.csv).
    agg = es.Multiple.from_list(
        event_list,
        es.Single.market_model,
        event_window=EVENT_WINDOW,
        estimation_size=ESTIMATION_SIZE,
        buffer_size=BUFFER_SIZE,
        ignore_errors=False,
    )
    table = agg.results(asterisks=False, decimals=None)

    days = range(EVENT_WINDOW[0], EVENT_WINDOW[1] + 1)
    with open(out, "w") as f:
        f.write(",".join(["symbol", "event_date"] + [f"ar{d}" for d in days] + [f"car{a}:{b}" for a, b in CAR_WINDOWS]) + "\n")
        for (sym, date), single in zip(rows, agg.sample):
            ar = [float(x) for x in single.AR]
            cars = []
            for a, b in CAR_WINDOWS:
                # Plain left-to-right sum over the window's days, as a user would take it.
                s = 0.0
                for d in range(a, b + 1):
                    s += ar[d - EVENT_WINDOW[0]]
                cars.append(s)
            f.write(",".join([sym, date] + [repr(x) for x in ar] + [repr(x) for x in cars]) + "\n")
    if aggregate:
        table.to_csv(aggregate, float_format="%.17g")
    t_end = time.perf_counter()
    cpu_end = time.process_time()
    print(f"peer-read-s {t_read - t_imported:.6f}", file=sys.stderr)
    print(f"peer-compute-s {t_end - t_read:.6f}", file=sys.stderr)
    print(f"peer-compute-cpu-s {cpu_end - cpu_read:.6f}", file=sys.stderr)
    print(f"peer-imports-s {t_imported - T_START:.6f}", file=sys.stderr)
    print(f"peer-events {len(agg.sample)}", file=sys.stderr)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    pp = sub.add_parser("prepare")
    pp.add_argument("--data", required=True)
    pp.add_argument("--wide", required=True)
    pr = sub.add_parser("run")
    pr.add_argument("--data", required=True)
    pr.add_argument("--wide")
    pr.add_argument("--out", required=True)
    pr.add_argument("--events", type=int)
    pr.add_argument("--aggregate")
    a = p.parse_args()
    if a.cmd == "prepare":
        prepare(a.data, a.wide)
    else:
        run(a.data, a.wide, a.out, a.events, a.aggregate)


if __name__ == "__main__":
    main()
