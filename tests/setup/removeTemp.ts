/**
 * Vitest setup file (run before every test file, isolated or not): removes the folders made by
 * the helpers' tempDir after each test (tests/helpers/tempDirs.ts says why this is not in the
 * helpers themselves).
 */
import { afterEach } from 'vitest';
import { removeTempDirs } from '../helpers/tempDirs.js';

afterEach(removeTempDirs);
