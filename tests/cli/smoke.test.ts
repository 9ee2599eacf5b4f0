/** The built CLI answers as a subprocess: help on stdout with exit 0, an unknown command exits 2. */
import { describe, expect, it } from 'vitest';
import { runBuilt } from '../helpers/cli.js';

describe('built CLI as a subprocess', () => {
  it('prints help and exits 0; an unknown command is a usage error (2)', async () => {
    const help = await runBuilt(['--help']);
    expect(help.code, help.stderr).toBe(0);
    expect(help.out).toMatch(/Usage: evstudy/);
    const bad = await runBuilt(['no-such-command']);
    expect(bad.code).toBe(2);
  });
});
