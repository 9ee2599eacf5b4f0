/**
 * Geometric annualisation of a total return earned over `periods` daily returns:
 * (1 + R)^(N / periods) - 1, N = the market's sessions per year (TRADING_DAYS_PER_YEAR).
 * Null without a period or when R <= -100%. Example: R = 0.1 over 121 sessions, N = 242 -> 0.21.
 */
export function annualisedReturn(total: number | null, periods: number, perYear: number): number | null {
  if (total === null || periods < 1 || !(1 + total > 0)) return null;
  return Math.pow(1 + total, perYear / periods) - 1;
}
