/**
 * Node only (tests, command line): reads public/digits.bin from disk, for buildDataset (spec.ts).
 * The worker never imports this file; it fetches the bytes (src/worker/digits.ts).
 *
 * Why no `import ... from 'node:fs'`: the web and worker type-checks (tsconfig.json,
 * tsconfig.worker.json) include all of src/engine without Node's types, so a static import would
 * fail them. `process.getBuiltinModule` (Node ≥ 20.16) reaches fs without Node typings.
 */

interface FileSystem {
  readFileSync(path: URL | string): Uint8Array;
  existsSync(path: URL | string): boolean;
}
interface NodeProcess {
  getBuiltinModule?(id: string): unknown;
}

/** public/digits.bin of this checkout (src/engine/data → ../../../public). */
export const DIGITS_FILE = new URL('../../../public/digits.bin', import.meta.url);

function fileSystem(): FileSystem {
  const nodeProcess = (globalThis as { process?: NodeProcess }).process;
  const fs = nodeProcess?.getBuiltinModule?.('node:fs') as FileSystem | undefined;
  if (!fs) throw new Error('readDigitsBytes needs Node.js 20.16 or later');
  return fs;
}

/** The bytes of the digits file; says how to build it when it is missing. */
export function readDigitsBytes(path: URL | string = DIGITS_FILE): Uint8Array {
  const fs = fileSystem();
  if (!fs.existsSync(path))
    throw new Error(`${String(path)} is missing: run \`node scripts/build-digits.mjs\` first`);
  const file = fs.readFileSync(path);
  // A plain Uint8Array (not Node's Buffer subclass) over the same memory.
  return new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
}
