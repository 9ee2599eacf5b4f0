/**
 * examples/ runs as documented: each study script (through bin/evstudy.js, the installed entry
 * point, which runs the bundle built for this test run) with few bootstrap resamples and no charts,
 * checked against the "expected" column of examples/README.md; and the library example in process.
 * size-power.sh is not run here (about 15 s even at 2 samples): its seeded small version is
 * tests/stats/simulation.test.ts; here only that the script it calls exists.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { REPO, tempDir } from '../helpers/cli.js';

interface Rep {
  events: { outcome: string }[];
  aggregate: { windows: { window: [number, number]; caar: number | null; n: number }[] };
}

function runScript(name: string, out: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, OUT: out, EVSTUDY_CACHE_DIR: tempDir('evstudy-cache-') };
    execFile('bash', [join(REPO, 'examples', name), '--no-charts', '--bootstrap', '99'], { cwd: tempDir(), env, timeout: 60_000 }, (err, _stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stderr }),
    );
  });
}

const caar = (r: Rep, a: number, b: number) => r.aggregate.windows.find((w) => w.window[0] === a && w.window[1] === b)!.caar!;
const count = (r: Rep, outcome: string) => r.events.filter((e) => e.outcome === outcome).length;

describe('examples/', () => {
  it('every script is listed in examples/README.md, which cites no issue numbers', () => {
    const readme = readFileSync(join(REPO, 'examples/README.md'), 'utf8');
    for (const f of readdirSync(join(REPO, 'examples')).filter((f) => f !== 'README.md')) {
      expect(readme, f).toContain(`\`${f}\``);
      expect(readFileSync(join(REPO, 'examples', f), 'utf8'), f).not.toMatch(/\bissues? \d+|\(issue/i);
    }
    expect(readme).not.toMatch(/\bissues? \d+/i);
    expect(readFileSync(join(REPO, 'examples/size-power.sh'), 'utf8')).toContain('bench/size-power.ts');
    expect(existsSync(join(REPO, 'bench/size-power.ts'))).toBe(true);
  });

  it('the study scripts run from any folder and give the documented results', async () => {
    const dir = tempDir();
    const names = ['terror-911', 'lemaire-10k', 'lemaire-aapl-ff3', 'india-splits'];
    const runs = await Promise.all(names.map((n) => runScript(`${n}.sh`, join(dir, n))));
    runs.forEach((r, i) => expect(r.code, `${names[i]}: ${r.stderr}`).toBe(0));
    const rep = Object.fromEntries(names.map((n) => [n, JSON.parse(readFileSync(join(dir, n, 'report.json'), 'utf8')) as Rep]));
    const t = rep['terror-911'];
    expect([t.events.length, count(t, 'ok') + count(t, 'shifted')]).toEqual([33, 33]);
    expect(caar(t, 0, 5)).toBeCloseTo(-0.0827, 4);
    expect(caar(t, 0, 10)).toBeCloseTo(-0.0918, 4);
    const k = rep['lemaire-10k'];
    expect([k.events.length, count(k, 'outside-data')]).toEqual([41, 3]);
    expect(caar(k, -5, 10)).toBeCloseTo(-0.0118, 4);
    const f = rep['lemaire-aapl-ff3'];
    expect(caar(f, -2, 10)).toBeCloseTo(0.0042, 4);
    const s = rep['india-splits'];
    expect([s.events.length, count(s, 'outside-data'), count(s, 'insufficient-estimation')]).toEqual([22, 15, 1]);
  });

  it('the library example (in process) prints the CAARs and writes the report', async () => {
    const dir = tempDir();
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.stubEnv('OUT', join(dir, 'lib'));
    vi.stubEnv('BOOTSTRAP', '99');
    try {
      await import('../../examples/library.js');
      const lines = log.mock.calls.map((c) => String(c[0]));
      expect(lines[0]).toMatch(/^CAAR \[-1,1\] -?\d+\.\d\d% {2}N 4$/);
      // report.md, report.json, report.html and events.csv (charts are counted apart)
      expect(lines.at(-1)).toContain('wrote 4 files');
      for (const f of ['report.md', 'report.json', 'report.html']) expect(existsSync(join(dir, 'lib', f))).toBe(true);
    } finally {
      log.mockRestore();
      vi.unstubAllEnvs();
    }
  });
});
