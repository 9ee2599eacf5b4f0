/**
 * Bounds on trading-day offsets (windows, estimation periods, CAR windows). 5,000 trading days is
 * about twenty years, far beyond any event study; past it a typo such as `-5000000000:-11` or
 * `[-10, 1000000]` would allocate per-offset arrays until memory runs out (or overflow Int32
 * day indexes) instead of failing. Flags (exit 2) and study files (exit 4) share the bound.
 */
export const MAX_OFFSET = 5000;
