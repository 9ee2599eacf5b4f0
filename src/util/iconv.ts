/**
 * iconv-lite, loaded on first use. Its code and GBK/Shift-JIS tables are ~600 kB of the CLI bundle,
 * which every process would parse at start-up (`--version` included) though only GB18030 price files
 * need it (issue 15 §3). A runtime require keeps esbuild from bundling it: the package is a
 * dependency, so it resolves from node_modules both for the bundle and for the compiled library.
 *
 * Example: `iconvLite().decode(Buffer.from([0xc4, 0xe3]), 'gb18030')` -> '你'.
 */
import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';

let loaded: typeof Iconv | undefined;

export function iconvLite(): typeof Iconv {
  loaded ??= createRequire(import.meta.url)('iconv-lite') as typeof Iconv;
  return loaded;
}
