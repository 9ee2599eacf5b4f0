/** Candidate registry events in news text (issue 14 §6): see suggest.ts. */
export { suggestEvents, type Suggestion, type SuggestOptions, type SuggestResult, type RegistryEntry } from './suggest.js';
export { timingOf, CUES, PRODUCTS } from './cues.js';
