#!/usr/bin/env bash
# 22 stock splits of Indian blue chips against the Nifty, with the R package eventstudies' data
# (xKDR/eventstudies @ 6ad1e1e, GPL-2; tests/fixtures/golden/eventstudies_r).
#
# Data: StockPriceReturns.csv (30 NSE stocks) and OtherReturns.csv (column NiftyIndex), daily returns
# in PERCENT (--percent) from 2010-07-01 to 2013-03-28. SplitDates.csv (name, when) dates splits
# from 2001 to 2011: most predate the returns.
#
# Settings:
#   model          market model against the Nifty (--market OtherReturns.csv --market-column NiftyIndex)
#   estimation     [-250,-11], one trading year, at least 60 valid returns (shorter histories are
#                  used when 60 are there, e.g. ONGC 144, Sun Pharma 93)
#   event window   [-5,5] (the package vignette's event.window = 5)
# Expected: 6 splits included; 15 `outside-data` (dated before the stock's first return, the reason
# names the stock's data range), 1 `insufficient-estimation` (HDFC, 2010-08-18: 24 returns). No
# significant average abnormal return around the splits.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=tests/fixtures/golden/eventstudies_r
OUT=${OUT:-reports/examples/india-splits}
node bin/evstudy.js study \
  --returns "$DATA/StockPriceReturns.csv" --percent \
  --market "$DATA/OtherReturns.csv" --market-column NiftyIndex \
  --events "$DATA/SplitDates.csv" \
  --model market \
  --estimation=-250:-11 --min-estimation 60 \
  --window=-5:5 --car=-1:1,0:5,-5:5 \
  --out "$OUT" "$@"
