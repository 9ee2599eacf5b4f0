import { linearRegression, mean, sampleCorrelation, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { fitModel, type FitResult, type FittedModel } from '../../src/core/models/index.js';
import { ols } from '../../src/core/ols.js';
import { fromPercent } from '../../src/core/returns.js';
import { ConfigError } from '../../src/util/errors.js';
import { normalGenerator, normalSeries } from './prng.js';

function mustFit(r: FitResult): FittedModel {
  if (!r.ok) throw new Error(r.reason);
  return r.model;
}

/** A security and market series of n rows; the first L rows are the estimation window. */
function marketData(seed: number, n: number, alpha = 0.0004, beta = 1.3, noise = 0.015) {
  const market = normalSeries(seed, n, 0.0005, 0.012);
  const eps = normalSeries(seed + 1000, n, 0, noise);
  const y = new Float64Array(n);
  for (let t = 0; t < n; t++) y[t] = alpha + beta * market[t] + eps[t];
  return { y, market };
}

describe('market model', () => {
  const L = 120;
  const { y, market } = marketData(11, 150);
  const est = { from: 0, to: L - 1 };
  const model = mustFit(fitModel('market', { y, regressors: { market }, estimation: est }));
  const xs = Array.from(market.subarray(0, L));
  const ys = Array.from(y.subarray(0, L));
  const ref = linearRegression(xs.map((x, i) => [x, ys[i]]));
  const ssr = ys.reduce((s, v, i) => s + (v - ref.b - ref.m * xs[i]) ** 2, 0);
  const xbar = mean(xs);
  const sxx = xs.reduce((s, v) => s + (v - xbar) ** 2, 0);

  it('alpha and beta match simple-statistics linearRegression', () => {
    expect(model.alpha).toBeCloseTo(ref.b, 12);
    expect(model.beta).toBeCloseTo(ref.m, 10);
    expect(model.coefficients).toMatchObject({ alpha: model.alpha, beta: model.beta });
  });

  it('sigma^2 = SSR / (L - 2), df = L - 2, and estudy2 L - 1 on request', () => {
    expect(model.nObs).toBe(L);
    expect(model.df).toBe(L - 2);
    expect(model.sigma2).toBeCloseTo(ssr / (L - 2), 14);
    expect(model.sigma).toBeCloseTo(Math.sqrt(ssr / (L - 2)), 12);
    const e2 = mustFit(fitModel('market', { y, regressors: { market }, estimation: est }, { varianceConvention: 'L-1' }));
    expect(e2.sigma2).toBeCloseTo(ssr / (L - 1), 14);
    expect(e2.df).toBe(L - 2);
  });

  it('estimation residuals are R - alpha - beta Rm on the window rows', () => {
    expect(model.estimationResiduals.length).toBe(L);
    expect(model.estimationResiduals[7]).toBeCloseTo(ys[7] - ref.b - ref.m * xs[7], 12);
  });

  it('prediction factor = 1 + 1/L + (x0 - mean)^2 / Sxx', () => {
    for (const row of [125, 130, 149]) {
      const want = 1 + 1 / L + (market[row] - xbar) ** 2 / sxx;
      expect(model.predictionFactor(row)).toBeCloseTo(want, 13);
      expect(model.expected(row)).toBeCloseTo(ref.b + ref.m * market[row], 12);
    }
    expect(model.predictionFactor(150)).toBeNaN();
    expect(model.expected(-1)).toBeNaN();
  });

  it('window variance factor of one day equals the prediction factor', () => {
    expect(model.windowVarianceFactor(131, 131)).toBeCloseTo(model.predictionFactor(131), 13);
  });

  it("window variance factor = g'(I + X*(X'X)^-1 X*')g by explicit matrices", () => {
    // (X'X) for X = [1, x]: [[L, Sx], [Sx, Sxx_raw]]; hand 2x2 inverse.
    const sx = xs.reduce((s, v) => s + v, 0);
    const sxxRaw = xs.reduce((s, v) => s + v * v, 0);
    const det = L * sxxRaw - sx * sx;
    const A = [
      [sxxRaw / det, -sx / det],
      [-sx / det, L / det],
    ];
    const rows = [128, 129, 130, 131, 132];
    let q = 0;
    for (const s of rows) {
      for (const t of rows) {
        const u = [1, market[s]];
        const v = [1, market[t]];
        q += u[0] * (A[0][0] * v[0] + A[0][1] * v[1]) + u[1] * (A[1][0] * v[0] + A[1][1] * v[1]);
      }
    }
    expect(model.windowVarianceFactor(128, 132)).toBeCloseTo(rows.length + q, 10);
  });

  it('rows where y is NaN drop out of the window factor when y is given', () => {
    const yy = y.slice();
    yy[130] = NaN;
    const g = [128, 129, 131];
    const sum = g.reduce((s, r) => s + market[r], 0);
    const want = 3 + 9 / L + (sum - 3 * xbar) ** 2 / sxx;
    expect(model.windowVarianceFactor(128, 131, yy)).toBeCloseTo(want, 12);
  });
});

describe('mean-adjusted model', () => {
  const L = 100;
  const y = normalSeries(5, 130, 0.001, 0.02);
  const m = mustFit(fitModel('mean', { y, estimation: { from: 0, to: L - 1 } }));
  const ys = Array.from(y.subarray(0, L));

  it('mu is the window mean and sigma the sample standard deviation (df L - 1)', () => {
    expect(m.alpha).toBeCloseTo(mean(ys), 14);
    expect(m.expected(120)).toBeCloseTo(mean(ys), 14);
    expect(m.sigma).toBeCloseTo(sampleStandardDeviation(ys), 13);
    expect(m.df).toBe(L - 1);
  });

  it('prediction factor 1 + 1/L; CAR factor over m days m + m^2/L', () => {
    expect(m.predictionFactor(110)).toBeCloseTo(1 + 1 / L, 14);
    expect(m.windowVarianceFactor(110, 110)).toBeCloseTo(1 + 1 / L, 14);
    for (const days of [2, 5, 11]) {
      expect(m.windowVarianceFactor(110, 110 + days - 1)).toBeCloseTo(days + (days * days) / L, 12);
    }
  });
});

describe('market-adjusted model', () => {
  const { y, market } = marketData(21, 140);
  const m = mustFit(fitModel('market-adjusted', { y, regressors: { market }, estimation: { from: 0, to: 119 } }));
  it('AR = R - Rm, sigma = sample sd of the estimation ARs, no estimation error', () => {
    const ars = Array.from(y.subarray(0, 120)).map((v, i) => v - market[i]);
    expect(m.sigma).toBeCloseTo(sampleStandardDeviation(ars), 13);
    expect(m.df).toBe(119);
    expect(m.expected(130)).toBe(market[130]);
    expect(m.predictionFactor(130)).toBe(1);
    expect(m.windowVarianceFactor(125, 134)).toBe(10);
    expect(m.estimationResiduals[3]).toBeCloseTo(ars[3], 15);
  });
});

describe('factor models (Fama-French 3, Carhart 4)', () => {
  const n = 300;
  const mktRf = normalSeries(31, n, 0.0004, 0.011);
  const smb = normalSeries(32, n, 0.0001, 0.005);
  const hml = normalSeries(33, n, 0.0, 0.006);
  const mom = normalSeries(34, n, 0.0002, 0.008);
  const rf = new Float64Array(n).fill(0.0001);
  for (let t = 0; t < n; t++) rf[t] += (t % 7) * 1e-6; // a time-varying risk-free rate
  const b = { alpha: 0.0002, mktRf: 1.1, smb: 0.45, hml: -0.3, mom: 0.2 };
  // Noise sd 0.001 puts each slope's standard error at or below ~0.013 (SMB: 0.001 / (0.005 sqrt(250))),
  // so the 0.05 tolerances below are about 4 standard errors.
  const noise = normalSeries(35, n, 0, 0.001);
  const make = (withNoise: boolean) => {
    const y = new Float64Array(n);
    for (let t = 0; t < n; t++) {
      y[t] =
        rf[t] + b.alpha + b.mktRf * mktRf[t] + b.smb * smb[t] + b.hml * hml[t] + b.mom * mom[t] + (withNoise ? noise[t] : 0);
    }
    return y;
  };
  const est = { from: 0, to: 249 };

  it('noise-free Carhart data: OLS on excess returns recovers the betas exactly', () => {
    const y = make(false);
    const ex = y.map((v, t) => v - rf[t]);
    const f = ols(ex, [mktRf, smb, hml, mom], { from: est.from, to: est.to });
    expect(f.ok).toBe(true);
    if (f.ok) {
      const want = [b.alpha, b.mktRf, b.smb, b.hml, b.mom];
      for (let j = 0; j < 5; j++) expect(f.coefficients[j]).toBeCloseTo(want[j], 12);
    }
    // An exact fit leaves no residual variance: the model refuses it rather than divide by zero later.
    const r = fitModel('carhart', { y, regressors: { mktRf, smb, hml, mom, rf }, estimation: est });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/zero residual variance/);
  });

  it('Carhart with noise recovers the betas; expected = RF + a + b\'f; df = L - 5', () => {
    const y = make(true);
    const m = mustFit(fitModel('carhart', { y, regressors: { mktRf, smb, hml, umd: mom, rf }, estimation: est }));
    expect(m.coefficients.mktRf).toBeCloseTo(b.mktRf, 1);
    expect(m.coefficients.smb).toBeCloseTo(b.smb, 1);
    expect(m.coefficients.hml).toBeCloseTo(b.hml, 1);
    expect(m.coefficients.mom).toBeCloseTo(b.mom, 1);
    expect(m.beta).toBe(m.coefficients.mktRf);
    expect(m.df).toBe(250 - 5);
    const c = m.coefficients;
    const t = 270;
    expect(m.expected(t)).toBeCloseTo(rf[t] + c.alpha + c.mktRf * mktRf[t] + c.smb * smb[t] + c.hml * hml[t] + c.mom * mom[t], 15);
    // sigma close to the noise sd
    expect(m.sigma).toBeGreaterThan(0.0008);
    expect(m.sigma).toBeLessThan(0.0012);
  });

  it('FF3 has three slopes and df = L - 4', () => {
    const y = make(true);
    const m = mustFit(fitModel('ff3', { y, regressors: { mktRf, smb, hml, rf }, estimation: est }));
    expect(Object.keys(m.coefficients).sort()).toEqual(['alpha', 'hml', 'mktRf', 'smb']);
    expect(m.df).toBe(246);
  });

  it('a factor file in percent, converted with fromPercent, gives the same model as decimals', () => {
    const y = make(true);
    const pct = (x: Float64Array) => x.map((v) => v * 100);
    const dec = mustFit(fitModel('carhart', { y, regressors: { mktRf, smb, hml, mom, rf }, estimation: est }));
    const fromPct = mustFit(
      fitModel('carhart', {
        y,
        regressors: {
          mktRf: fromPercent(pct(mktRf)),
          smb: fromPercent(pct(smb)),
          hml: fromPercent(pct(hml)),
          mom: fromPercent(pct(mom)),
          rf: fromPercent(pct(rf)),
        },
        estimation: est,
      }),
    );
    for (const k of Object.keys(dec.coefficients)) expect(fromPct.coefficients[k]).toBeCloseTo(dec.coefficients[k], 10);
    expect(fromPct.sigma).toBeCloseTo(dec.sigma, 12);
    expect(fromPct.expected(280)).toBeCloseTo(dec.expected(280), 12);
  });

  it('Mkt-RF may be formed from a market return and RF', () => {
    const y = make(true);
    const market = mktRf.map((v, t) => v + rf[t]);
    const a = mustFit(fitModel('ff3', { y, regressors: { mktRf, smb, hml, rf }, estimation: est }));
    const c = mustFit(fitModel('ff3', { y, regressors: { market, smb, hml, rf }, estimation: est }));
    expect(c.coefficients.mktRf).toBeCloseTo(a.coefficients.mktRf, 10);
  });

  it('a missing factor column is a configuration error', () => {
    expect(() => fitModel('carhart', { y: make(true), regressors: { mktRf, smb, hml }, estimation: est })).toThrow(ConfigError);
    expect(() => fitModel('market', { y: make(true), estimation: est })).toThrow(ConfigError);
  });
});

/**
 * Nonsynchronous trading: the observed return spreads the true return over two days,
 * R_t = w R*_t + (1 - w) R*_{t-1} with R*_t = beta Rm_t + e_t, so OLS on Rm_t finds about w * beta
 * while the lag sums of Scholes-Williams and Dimson recover beta.
 */
describe('thin-trading betas', () => {
  const n = 3000;
  const beta = 1.2;
  const w = 0.4;
  const market = normalSeries(41, n, 0.0005, 0.01);
  const e = normalSeries(42, n, 0, 0.01);
  const y = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const now = beta * market[t] + e[t];
    const before = t > 0 ? beta * market[t - 1] + e[t - 1] : now;
    y[t] = 0.0002 + w * now + (1 - w) * before;
  }
  const est = { from: 0, to: n - 1 };
  const mm = mustFit(fitModel('market', { y, regressors: { market }, estimation: est }));
  const sw = mustFit(fitModel('scholes-williams', { y, regressors: { market }, estimation: est }));
  const dm = mustFit(fitModel('dimson', { y, regressors: { market }, estimation: est }));

  it('Scholes-Williams and Dimson recover beta better than OLS', () => {
    expect(Math.abs(mm.beta! - w * beta)).toBeLessThan(0.1);
    expect(Math.abs(sw.beta! - beta)).toBeLessThan(0.1);
    expect(Math.abs(dm.beta! - beta)).toBeLessThan(0.1);
    expect(Math.abs(sw.beta! - beta)).toBeLessThan(Math.abs(mm.beta! - beta));
    expect(Math.abs(dm.beta! - beta)).toBeLessThan(Math.abs(mm.beta! - beta));
  });

  it('Scholes-Williams beta = (b-1 + b0 + b+1) / (1 + 2 rho) and alpha = mean R - beta mean Rm (independent computation)', () => {
    const pairs = (lag: number) => {
      const out: number[][] = [];
      for (let t = Math.max(0, -lag); t < n - Math.max(0, lag); t++) out.push([market[t + lag], y[t]]);
      return out;
    };
    const bLag = linearRegression(pairs(-1)).m;
    const b0 = linearRegression(pairs(0)).m;
    const bLead = linearRegression(pairs(1)).m;
    const rho = sampleCorrelation(Array.from(market.subarray(1)), Array.from(market.subarray(0, n - 1)));
    const want = (bLag + b0 + bLead) / (1 + 2 * rho);
    expect(sw.beta!).toBeCloseTo(want, 10);
    expect(sw.coefficients.rhoMarket).toBeCloseTo(rho, 12);
    expect(sw.alpha!).toBeCloseTo(mean(Array.from(y)) - want * mean(Array.from(market)), 12);
    expect(sw.df).toBe(n - 2);
    expect(sw.expected(10)).toBeCloseTo(sw.alpha! + sw.beta! * market[10], 15);
  });

  it('Dimson on noise-free lag data: beta is exactly the sum of the three slopes', () => {
    const m = 200;
    const x = normalSeries(43, m, 0, 0.01);
    const g = normalGenerator(44);
    const yy = new Float64Array(m).fill(NaN);
    for (let t = 1; t < m - 1; t++) yy[t] = 0.001 + 0.3 * x[t - 1] + 0.9 * x[t] + 0.2 * x[t + 1] + g(0, 1e-4);
    const d = mustFit(fitModel('dimson', { y: yy, regressors: { market: x }, estimation: { from: 0, to: m - 1 } }));
    expect(d.coefficients.betaLag).toBeCloseTo(0.3, 2);
    expect(d.coefficients.beta0).toBeCloseTo(0.9, 2);
    expect(d.coefficients.betaLead).toBeCloseTo(0.2, 2);
    expect(d.beta!).toBeCloseTo(d.coefficients.betaLag + d.coefficients.beta0 + d.coefficients.betaLead, 14);
    expect(d.beta!).toBeCloseTo(1.4, 2);
    expect(d.alpha!).toBeCloseTo(0.001, 4);
  });
});

describe('insufficient estimation', () => {
  it('fewer than minObs valid returns -> insufficient-estimation with a clear reason', () => {
    // Day 0 at row 130: estimation offsets [-130, -11] are rows 0..119; 73 of them missing.
    const { y, market } = marketData(51, 160);
    for (let t = 0; t < 73; t++) y[t * 1] = NaN;
    const r = fitModel(
      'market',
      { y, regressors: { market }, estimation: { from: 0, to: 119 } },
      { windowLabel: '[-130,-11]' },
    );
    expect(r).toEqual({
      ok: false,
      outcome: 'insufficient-estimation',
      reason: '47 valid returns in [-130,-11], need 60',
      nObs: 47,
    });
  });

  it('an estimation window that starts before the data counts the missing rows as missing', () => {
    const { y, market } = marketData(52, 100);
    const r = fitModel('mean', { y, regressors: { market }, estimation: { from: -60, to: 49 } }, { minObs: 60 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('50 valid returns in rows [-60,49], need 60');
    const ok = mustFit(fitModel('mean', { y, estimation: { from: -60, to: 49 } }, { minObs: 50 }));
    expect(ok.estimationResiduals.length).toBe(110);
    expect(ok.estimationResiduals[59]).toBeNaN();
    expect(ok.estimationResiduals[60]).toBeCloseTo(y[0] - ok.alpha!, 15);
  });

  it('a zero-variance market -> failure with a reason, not NaN', () => {
    const y = normalSeries(53, 130, 0, 0.02);
    const market = new Float64Array(130).fill(0.001);
    for (const kind of ['market', 'scholes-williams', 'dimson'] as const) {
      const r = fitModel(kind, { y, regressors: { market }, estimation: { from: 0, to: 119 } });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.outcome).toBe('insufficient-estimation');
        expect(r.reason).toMatch(/regressor 'market' is constant/);
      }
    }
  });

  it('a constant security return (zero-filled suspension) has zero variance under the mean model', () => {
    const y = new Float64Array(130).fill(0);
    const r = fitModel('mean', { y, estimation: { from: 0, to: 119 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/zero residual variance/);
  });
});
