/** Pure per-security numerics on typed arrays: returns, normal-return models, abnormal returns, moves, limits, the event panel. */
export * from './returns.js';
export * from './ols.js';
export * from './models/index.js';
export * from './abnormal.js';
export * from './moves.js';
export * from './limits.js';
export * from './panel.js';
export * from './averageListings.js';
export * from './gapScale.js';
export * from './rSquared.js';
export * from './excludeSelf.js';
