/**
 * Vega-Lite spec -> SVG string. vega and vega-lite are loaded lazily on the first chart: together
 * they cost ~0.5 s at import (top-level await), which a CLI run that draws nothing must not pay.
 */
import type { TopLevelSpec } from 'vega-lite';

type VegaModule = typeof import('vega');
type VegaLiteModule = typeof import('vega-lite');

let modules: Promise<[VegaModule, VegaLiteModule]> | null = null;

function load(): Promise<[VegaModule, VegaLiteModule]> {
  modules ??= Promise.all([import('vega'), import('vega-lite')]);
  return modules;
}

// vega numbers clip paths and gradients from a module-wide counter that toSVG never resets, so the
// same chart drawn second gets different ids. Renders are serialised and the counter is reset
// before each one: same spec -> same bytes, whatever was drawn before or concurrently.
let queue: Promise<unknown> = Promise.resolve();

export function renderSvg(spec: TopLevelSpec): Promise<string> {
  const run = async (): Promise<string> => {
    const [vega, vl] = await load();
    const compiled = vl.compile(spec).spec;
    // renderer 'none': no DOM or canvas in Node; toSVG builds its own string renderer.
    const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
    try {
      vega.resetSVGDefIds();
      return await view.toSVG();
    } finally {
      view.finalize();
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
