/**
 * Brown-Warner style simulation of the test battery on the shipped A-share returns: samples of
 * events at random (or clustered) dates, abnormal returns injected on day 0, the study engine run
 * on each sample, rejection rates counted per test. Used by tests/stats/simulation.test.ts (small,
 * seeded) and bench/size-power.ts (the full table in bench/size-power.md).
 */
export { createRng, type Rng } from './prng.js';
export { SECTORS, CHIPS_AND_OPTICAL, AI_HARDWARE, type SectorName } from './sectors.js';
export { loadUniverse, universeProvider, type Universe, type UniverseOptions, type SimSecurity } from './universe.js';
export { eligibleRows, randomDateSample, clusterDates, clusteredSample, staggeredSample, repeatSample, crossListedSample, type SimEvent, type Windows, type ClusterDates } from './sample.js';
export { withAbnormalReturns, censoredShocks, eventVarianceShocks, type Shock } from './inject.js';
export { simulate, rate, sectionLabel, DEFAULT_SIM, TALLY_NAMES, type TallyName, type SimConfig, type SimResult, type SimCell, type Scenario, type Section, type TestTally } from './run.js';
export { rejectionTable, tailTable, describeRun, pct, mcError, TEST_LABELS, type TableColumn } from './table.js';
