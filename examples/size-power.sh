#!/usr/bin/env bash
# Size and power of every test on the shipped prices (Brown & Warner 1985 style) in the designs
# studies have (N = 5, 17, 50; random, same-date, staggered, repeated, cross-listed, HK/US, censored,
# event-induced variance): writes the tables into bench/size-power.md. About 5 CPU minutes at the
# default 500 samples; pass e.g. `--samples 50 --out /tmp/size-power.md` for a quick look.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsx bench/size-power.ts "$@"
