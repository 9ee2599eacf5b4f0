/**
 * Cross-sectional event-study tests (issue 3 item 4): per day (AAR) and per window (CAAR), each in
 * its own file citing its paper. See battery.ts for the whole battery and context.ts for the shared,
 * once-per-panel ingredients.
 */
export * from './types.js';
export { pNormal2, pStudent2 } from './pvalue.js';
export { validatePanel, subsetPanel, panelDims } from './panel.js';
export {
  resolveOptions,
  getContext,
  StatsContext,
  DEFAULT_SEED,
  DEFAULT_BOOTSTRAP_SAMPLES,
  DEFAULT_WINDOWS,
  type ResolvedOptions,
  type CrossSection,
  type Convention,
} from './context.js';
export type { SectionTest } from './sectionTest.js';
export { runDayBattery, runWindowBattery, aggregate, SECTION_TESTS, EXTRA_SECTION_TESTS } from './battery.js';
export { csectTDay, csectTWindow, csectTSection } from './csectT.js';
export { bw1980Day, bw1980Window, bw1980Section } from './brownWarner1980.js';
export { bw1985Day, bw1985Window, bw1985Section } from './brownWarner1985.js';
export { patellDay, patellWindow, patellSection } from './patell.js';
export { bmpDay, bmpWindow, bmpSection } from './bmp.js';
export {
  computeRbar,
  kpBmpDay,
  kpBmpWindow,
  kpBmpSection,
  kpPatellDay,
  kpPatellWindow,
  kpPatellSection,
} from './kolariPynnonen.js';
export { signDay, signWindow, signSection, binomialTwoSidedP } from './sign.js';
export { generalizedSignDay, generalizedSignWindow, generalizedSignSection } from './generalizedSign.js';
export { rankDay, rankWindow, rankSection } from './rank.js';
export { modifiedRankDay, modifiedRankWindow, modifiedRankSection } from './modifiedRank.js';
export { grankDay, grankWindow, grankSection } from './grank.js';
export {
  wilcoxonDay,
  wilcoxonWindow,
  wilcoxonSection,
  wilcoxonSignedRank,
  signedRankExactP,
  type WilcoxonDetail,
} from './wilcoxon.js';
export { skewAdjTDay, skewAdjTWindow, skewAdjTSection } from './skewAdjT.js';
export {
  bootstrapDay,
  bootstrapWindow,
  bootstrapSection,
  bootstrapSections,
  bootstrapT,
  bootstrapInput,
  bootstrapExtremes,
  bootstrapResults,
  type BootstrapInput,
  type BootstrapPrep,
} from './bootstrap.js';
export { lambDay, lambWindow, lambSection } from './lamb.js';
export { corradoSignDay, corradoSignWindow, corradoSignSection } from './corradoSign.js';
export { hashSeed, mulberry32 } from './random.js';
export { varianceRatio, NO_EIV_TESTS, type VarianceRatio } from './varianceRatio.js';
export { estimatePhat } from './phat.js';
