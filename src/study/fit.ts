/**
 * Fits one event's normal-return model on its own estimation window: offsets relative to day 0,
 * counted in the listing's own trading days.
 */
import { fitModel } from '../core/models/index.js';
import type { FittedModel } from '../core/models/types.js';
import { win } from '../report/format.js';
import type { EngineSettings, RegressorSet, SecurityData } from './types.js';

export type EventFit = { ok: true; model: FittedModel } | { ok: false; reason: string };

export function fitEventModel(
  kind: EngineSettings['model'],
  sec: SecurityData,
  regs: RegressorSet,
  i0: number,
  s: EngineSettings,
): EventFit {
  const [e0, e1] = s.estimation;
  const res = fitModel(
    kind,
    { y: sec.returns, regressors: regs.columns, estimation: { from: i0 + e0, to: i0 + e1 } },
    { minObs: s.minEstimation, varianceConvention: s.varianceConvention, windowLabel: win(s.estimation) },
  );
  return res.ok ? { ok: true, model: res.model } : { ok: false, reason: res.reason };
}
