#!/usr/bin/env bash
# Size and power of every test on the shipped A-share panel (Brown & Warner 1985 style; clustered
# dates as in Kolari & Pynnönen 2010): writes the tables into bench/size-power.md. About 3-5 minutes
# for 1000 samples of 50 events; pass e.g. `--samples 200 --out /tmp/size-power.md` for a quick look.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsx bench/size-power.ts "$@"
