import type { Command } from 'commander';

/**
 * Each command module exports `register(program)`. Add new ones here.
 * (Modules are imported statically: they must not import danfo or other heavy libraries at top level.)
 */
export function registerCommands(program: Command): void {
  void program;
}
