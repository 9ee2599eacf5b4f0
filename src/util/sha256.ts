import { createHash } from 'node:crypto';

/** Hex SHA-256 of a string (as UTF-8) or of bytes: the price cache keys and the output manifest. */
export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
