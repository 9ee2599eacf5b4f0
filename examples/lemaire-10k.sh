#!/usr/bin/env bash
# 41 10-K filings of Apple, Alphabet, Amazon, Microsoft and Facebook (the example of the Python
# package eventstudy, LemaireJean-Baptiste/eventstudy @ f253730, GPL-3; data in
# tests/fixtures/golden/lemaire_py, see its README).
#
# Settings, as in the package's example:
#   model          market model, against each event's own market_ticker (SPY, a column of the
#                  returns file: no --market needed)
#   event window   (-5,+10)
#   estimation     200 trading days ending 31 days before day -5 (the package's 30-day buffer):
#                  [-235,-36], all 200 returns required
#   returns        given, simple, decimals (not dividend-adjusted: an upstream issue says so)
# Expected: 38 events included; the 3 filings dated 2020 (after the last row, 2019-12-30) come out
# `outside-data` with that reason. CAAR(-5,+10) = -1.18%, not significant (t -0.94).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=tests/fixtures/golden/lemaire_py
OUT=${OUT:-reports/examples/lemaire-10k}
node bin/evstudy.js study \
  --returns "$DATA/returns_GAFAM.csv" \
  --events "$DATA/10K.csv" \
  --model market \
  --estimation=-235:-36 --min-estimation 200 \
  --window=-5:10 --car=-5:10,-1:1,0:1,0:5 \
  --out "$OUT" "$@"
