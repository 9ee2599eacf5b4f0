#!/usr/bin/env bash
# Apple on 2013-03-04 with the Fama-French three-factor model (the README example of the Python
# package eventstudy, LemaireJean-Baptiste/eventstudy @ f253730, GPL-3; data in
# tests/fixtures/golden/lemaire_py).
#
# Settings:
#   model          ff3: R - RF on Mkt-RF, SMB, HML (Ken French daily file in percent, detected;
#                  the RF column makes it an excess-return regression)
#   event window   (-2,+10)
#   estimation     300 trading days with a 30-day buffer before day -2: [-332,-33], all 300 required
# One event: the cross-sectional tests say why they cannot run (N = 1); the per-event CAR, its
# t (with estimation error) and the time-series tests (Brown-Warner 1985, rank) are the result.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=tests/fixtures/golden/lemaire_py
OUT=${OUT:-reports/examples/lemaire-aapl-ff3}
node bin/evstudy.js study \
  --returns "$DATA/returns_GAFAM.csv" \
  --events "$DATA/aapl_2013-03-04.csv" \
  --factors "$DATA/famafrench.csv" \
  --model ff3 \
  --estimation=-332:-33 --min-estimation 300 \
  --window=-2:10 --car=-2:10,0:0,0:1 \
  --out "$OUT" "$@"
