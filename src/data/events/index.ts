/** Events: the schema of one announcement and the registry of `events/<id>.yaml` files. */
export {
  eventSchema,
  sourceSchema,
  TIMINGS,
  SLUG_PATTERN,
  SYMBOL_PATTERN,
  EVENT_KEY_ORDER,
  SOURCE_KEY_ORDER,
  type EventRecord,
  type EventInput,
  type EventSource,
  type Timing,
} from './schema.js';
export { parseEventText, validateEventObject, formatFieldPath, type ParsedEventFile } from './parseEvent.js';
export {
  DEFAULT_EVENTS_DIR,
  loadEvents,
  validateEvents,
  listEvents,
  filterEvents,
  sortEvents,
  listEventFiles,
  registryError,
  type EventFilter,
  type RegistryOptions,
  type ValidationResult,
} from './registry.js';
export { addEvent, serializeEvent, type AddEventResult } from './writeEvent.js';
