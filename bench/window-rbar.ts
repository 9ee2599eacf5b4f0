/**
 * Size of the window tests when events are clustered on nearby dates (issue 12 §1): N = 17 events
 * with day 0 drawn from five dates within a week, residuals sharing a calendar-day factor
 * (correlation 0.3), no event effect. BMP ignores the correlation; KP-BMP with the day-level r-bar
 * (pairs with different day 0 set to 0) barely adjusts; KP-BMP with the window r-bar (rho x calendar
 * overlap, src/stats/rbarWindow.ts) and the calendar-time portfolio test (src/stats/calendarTime.ts)
 * should reject about 5% at the 5% level. Synthetic data only (no ../shared).
 *
 *   npx tsx bench/window-rbar.ts [reps]      # 400 reps: about 5 s
 */
import { aggregate, type EventPanel } from '../src/stats/index.js';
import { mulberry32 } from '../src/stats/random.js';

const reps = Number(process.argv[2] ?? 400);
const rnd = mulberry32(5);
const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
const N = 17;
const E = 120;
const W = 21;
const RHO = 0.3;
const rej = new Map<string, number>();
const add = (name: string, p: number | null | undefined) => rej.set(name, (rej.get(name) ?? 0) + (p != null && p < 0.05 ? 1 : 0));

for (let r = 0; r < reps; r++) {
  const f = Array.from({ length: 800 }, gauss);
  const ar = (d: number) => 0.01 * (Math.sqrt(RHO) * f[d] + Math.sqrt(1 - RHO) * gauss());
  const estAR = new Float64Array(N * E);
  const estDays = new Int32Array(N * E);
  const evAR = new Float64Array(N * W);
  const evDays = new Int32Array(N * W);
  const evSAR = new Float64Array(N * W);
  const sigma = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const d0 = 400 + [0, 1, 3, 5, 7][Math.floor(rnd() * 5)];
    let m = 0;
    for (let e = 0; e < E; e++) {
      estDays[i * E + e] = d0 - 130 + e;
      m += estAR[i * E + e] = ar(d0 - 130 + e);
    }
    m /= E;
    let ss = 0;
    for (let e = 0; e < E; e++) ss += (estAR[i * E + e] - m) ** 2;
    sigma[i] = Math.sqrt(ss / (E - 1));
    for (let t = 0; t < W; t++) {
      evDays[i * W + t] = d0 - 10 + t;
      evAR[i * W + t] = ar(d0 - 10 + t);
      evSAR[i * W + t] = evAR[i * W + t] / sigma[i];
    }
  }
  const panel: EventPanel = {
    n: N, estStart: -130, estEnd: -11, estAR, estDays, winStart: -10, winEnd: 10, evAR, evDays, evSAR,
    evC: new Float64Array(N * W).fill(1),
    windowVariance: (i, a, b) => sigma[i] ** 2 * (b - a + 1),
    sigma, nObs: new Int32Array(N).fill(E), df: new Int32Array(N).fill(E - 1),
  };
  for (const mode of ['overlap', 'day'] as const) {
    for (const w of aggregate(panel, { windows: [[-5, 5], [0, 10]], bootstrapSamples: 1, kpWindowRbar: mode }).windows) {
      const k = `[${w.window.join(',')}]`;
      if (mode === 'day') add(`${k} KP-BMP, day-level r-bar`, w.tests.kpBmp.p);
      else {
        add(`${k} BMP`, w.tests.bmp.p);
        add(`${k} KP-BMP, window r-bar`, w.tests.kpBmp.p);
        add(`${k} calendar-time t`, w.calendarTime?.p);
      }
    }
  }
}
console.log(`| test | rejects at 5% (${reps} samples) |\n| --- | --- |`);
for (const [k, v] of [...rej].sort()) console.log(`| ${k} | ${((100 * v) / reps).toFixed(1)}% |`);
