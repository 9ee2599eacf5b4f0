/**
 * `fitModel(kind, input, options)`: the one entry point to the normal-return models.
 */
import { fitDimson } from './dimson.js';
import { fitFactorModel } from './factorModel.js';
import { fitMarketAdjusted } from './marketAdjusted.js';
import { fitMarketModel } from './marketModel.js';
import { fitMeanAdjusted } from './meanAdjusted.js';
import { fitScholesWilliams } from './scholesWilliams.js';
import type { FitResult, ModelInput, ModelKind, ModelOptions } from './types.js';

export function fitModel(kind: ModelKind, input: ModelInput, options: ModelOptions = {}): FitResult {
  switch (kind) {
    case 'mean':
      return fitMeanAdjusted(input, options);
    case 'market-adjusted':
      return fitMarketAdjusted(input, options);
    case 'market':
      return fitMarketModel(input, options);
    case 'ff3':
    case 'carhart':
      return fitFactorModel(kind, input, options);
    case 'scholes-williams':
      return fitScholesWilliams(input, options);
    case 'dimson':
      return fitDimson(input, options);
    default: {
      const never: never = kind;
      throw new RangeError(`unknown model kind '${String(never)}'`);
    }
  }
}

export * from './types.js';
export { DEFAULT_MIN_OBS } from './estimationSample.js';
export { fitMeanAdjusted } from './meanAdjusted.js';
export { fitMarketAdjusted } from './marketAdjusted.js';
export { fitMarketModel } from './marketModel.js';
export { fitFactorModel, type FactorModelKind } from './factorModel.js';
export { fitScholesWilliams, laggedSlope, firstOrderAutocorrelation } from './scholesWilliams.js';
export { fitDimson } from './dimson.js';
export { linearModel, type LinearModelSpec } from './linearModel.js';
