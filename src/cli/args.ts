/**
 * A small command-line parser: `--name value`, `--name=value` and boolean `--flag`. Unknown
 * flags and bad values become a UsageError, which the commands print on one line and exit 2.
 */
import { availableParallelism } from 'node:os';
import { BACKENDS, defaultBackend } from '../engine/kernels';
import { MAX_KERNEL_THREADS, type BackendName } from '../engine/kernels/kernels';
import {
  loadBuiltWasm,
  setKernelThreads,
  singleThreadReason,
  wasmUnavailableReason,
} from '../engine/kernels/wasm';
import { provideNodeHelperThreads } from '../engine/kernels/wasm/threads/node-helpers';
import { excerpt, readNumber } from '../engine/number-grammar';
import { errorMessage } from '../engine/format';

export class UsageError extends Error {
  name = 'UsageError';
}

export interface FlagSpec {
  /** Takes no value. */
  boolean?: boolean;
  default?: string;
  help: string;
}

export type ParsedArgs = Map<string, string | true>;

export function parseArgs(argv: readonly string[], specs: Record<string, FlagSpec>): ParsedArgs {
  const parsed: ParsedArgs = new Map();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--'))
      throw new UsageError(`unexpected argument "${arg}" (flags start with --)`);
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    const spec = specs[name];
    if (!spec) throw new UsageError(`unknown flag --${name} (see --help)`);
    if (spec.boolean) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      parsed.set(name, true);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--')))
      throw new UsageError(`--${name} needs a value`);
    parsed.set(name, value);
  }
  return parsed;
}

export function stringFlag(
  args: ParsedArgs,
  name: string,
  specs: Record<string, FlagSpec>,
): string {
  const value = args.get(name);
  if (typeof value === 'string') return value;
  const fallback = specs[name].default;
  if (fallback === undefined) throw new UsageError(`--${name} is required`);
  return fallback;
}

/** A number flag; `integer` refuses fractions. Range checks are left to the engine's validation. */
export function numberFlag(
  args: ParsedArgs,
  name: string,
  specs: Record<string, FlagSpec>,
  integer: boolean,
): number {
  const text = stringFlag(args, name, specs);
  // The page's grammar too (src/engine/number-grammar.ts): 0x10, '' and Infinity are refused.
  const reading = readNumber(text);
  if (!reading.ok)
    throw new UsageError(`--${name} must be a number, got "${excerpt(text)}" (${reading.reason})`);
  if (integer && !Number.isInteger(reading.value))
    throw new UsageError(`--${name} must be a whole number, got "${excerpt(text)}"`);
  return reading.value;
}

export function oneOf<T extends string>(value: string, choices: readonly T[], flag: string): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`--${flag} must be one of ${choices.join(', ')}, got "${value}"`);
  }
  return value as T;
}

export function helpText(usage: string, specs: Record<string, FlagSpec>): string {
  const lines = [usage, '', 'Flags:'];
  for (const [name, spec] of Object.entries(specs)) {
    const left = spec.boolean ? `--${name}` : `--${name} VALUE`;
    const fallback = spec.default !== undefined ? ` (default ${spec.default})` : '';
    lines.push(`  ${left.padEnd(22)} ${spec.help}${fallback}`);
  }
  return lines.join('\n');
}

/** Runs a command: a UsageError (or the engine's ConfigError) prints one line and exits 2. */
export function runCommand(main: () => Promise<void> | void): void {
  // The wasm backend, where it is built, before the command picks a backend.
  loadBuiltWasm()
    .then(main)
    .catch((error: unknown) => {
      const usage =
        error instanceof UsageError || (error instanceof Error && error.name === 'ConfigError');
      const message = errorMessage(error);
      process.stderr.write(`error: ${message.split('\n')[0]}\n`);
      process.exit(usage ? 2 : 1);
    });
}

/**
 * The backend named by --backend, else the default (wasm where it can run). Falling back to ts
 * because wasm cannot run here is said on stderr, so a slow run is never a silent surprise.
 */
export function backendFlag(args: ParsedArgs, specs: Record<string, FlagSpec>): BackendName {
  if (args.has('backend')) return oneOf(stringFlag(args, 'backend', specs), BACKENDS, 'backend');
  const reason = wasmUnavailableReason();
  if (reason) process.stderr.write(`note: using the ts backend: ${reason}\n`);
  return defaultBackend();
}

/** The --threads flag of the commands that run the engine. */
export const THREADS_FLAG: FlagSpec = {
  default: String(availableParallelism()),
  help: "threads the wasm kernels run on (default: this machine's cores)",
};

/**
 * Applies --threads: new wasm kernels run on that many threads (helper worker threads). Where
 * they cannot, a note on stderr says why and they run on one.
 */
export function threadsFlag(args: ParsedArgs, specs: Record<string, FlagSpec>): number {
  const threads = numberFlag(args, 'threads', specs, true);
  if (threads < 1 || threads > MAX_KERNEL_THREADS) {
    throw new UsageError(`--threads must be from 1 to ${MAX_KERNEL_THREADS}`);
  }
  provideNodeHelperThreads();
  setKernelThreads(threads);
  const reason = singleThreadReason(threads);
  if (reason) process.stderr.write(`note: the wasm kernels run on one thread: ${reason}\n`);
  return threads;
}
