/**
 * Progress for long steps, shown only on a terminal (CI logs and pipes stay quiet). Uses
 * cli-progress rather than hand-drawn bars.
 */
import { createRequire } from 'node:module';

export interface Progress {
  update: (done: number, total: number) => void;
  stop: () => void;
}

const quiet: Progress = { update: () => {}, stop: () => {} };

export function progressBar(label: string, minTotal = 200): Progress {
  if (!process.stderr.isTTY) return quiet;
  const require = createRequire(import.meta.url);
  const { SingleBar, Presets } = require('cli-progress') as typeof import('cli-progress');
  let bar: InstanceType<typeof SingleBar> | null = null;
  return {
    update(done, total) {
      if (total < minTotal) return;
      if (!bar) {
        bar = new SingleBar({ format: `${label} [{bar}] {value}/{total}`, stream: process.stderr, clearOnComplete: true }, Presets.shades_classic);
        bar.start(total, 0);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
