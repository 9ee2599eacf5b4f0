/** Market claims extracted from news text (issue 14): see extract.ts. */
export { extractClaims, sentences, EXTRACTORS, type Extraction, type ExtractedClaim, type UncheckableClaim, type UnresolvedName, type ExtractOptions, type ListingInfo, type EventInfo } from './extract.js';
export { buildNameIndex, codeMentions, type NamedListing, type NameIndex } from './names.js';
export { foldText, foldChars, halfWidth, removePinyinArtefacts } from './fold.js';
export { comparisonOf, toleranceOf, type Comparison } from './comparison.js';
