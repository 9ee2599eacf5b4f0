#!/usr/bin/env bash
# Chen & Siems (2004): the 9/11 attack across 33 stock markets, with the R package eventstudies'
# data (xKDR/eventstudies @ 6ad1e1e, GPL-2; tests/fixtures/golden/eventstudies_r).
#
# Data: TerrorIndiceReturns.csv holds returns in PERCENT (--percent), one column per market; a row
# exists whenever any market traded, NA where a market did not: each market's event days are
# counted on its own trading days. TerrorAttack.csv gives each market's first trading day after the
# attack (name, when): 2001-09-11 in Europe, 09-12 in Asia, 09-17 for New York.
#
# Settings:
#   model          constant mean (`mean`), estimated on event days -30..-11 (20 returns, all
#                  required: --min-estimation 20)
#   event window   -10..10 (the estimation window must end before it starts)
#   CAR windows    0..5 and 0..10 as in Chen & Siems, plus day 0 and -1..1
# Expected: all 33 markets included; AAR(0) -5.4%, CAAR(0,5) -8.3%, CAAR(0,10) -9.2%, all tests
# p < 0.001. With 20-day estimation windows no market pair has the 30 common days the
# Kolari-Pynnönen r-bar needs, so the adjusted BMP equals BMP (the report's note says so).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=tests/fixtures/golden/eventstudies_r
OUT=${OUT:-reports/examples/terror-911}
node bin/evstudy.js study \
  --returns "$DATA/TerrorIndiceReturns.csv" --percent \
  --events "$DATA/TerrorAttack.csv" \
  --model mean \
  --estimation=-30:-11 --min-estimation 20 \
  --window=-10:10 --car=0:5,0:10,0:0,-1:1 \
  --out "$OUT" "$@"
