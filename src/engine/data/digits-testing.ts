/**
 * Tests only (Node): the digits' bytes, after scripts/build-digits.mjs (which returns at once when
 * public/digits.bin is up to date), so a test file runs on its own right after `npm ci`.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readDigitsBytes } from './digits-file';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function testDigitsBytes(): Uint8Array {
  execFileSync(process.execPath, ['scripts/build-digits.mjs'], { cwd: ROOT });
  return readDigitsBytes();
}
