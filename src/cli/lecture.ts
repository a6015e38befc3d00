/**
 * The lecture's claims, checked headless: one JSON line per claim, exit 1 if any is not
 * reproduced. `--controls` follows each claim's line with its control's (the same criterion with
 * the claimed cause removed), and exits 1 as well if any control reproduces. `--papers` keeps the
 * claims of the papers chapter only.
 *   npm run --silent lecture -- --check [--controls] [--claim ID | --papers] [--backend ts|wasm] [--seeds 1,2,3]
 *   npm run --silent lecture -- --list [--papers]
 */
import { CLAIMS, claimsOfChapter, findClaim, needsDigits } from '../engine/claims';
import { readDigitsBytes } from '../engine/data/digits-file';
import { createKernels } from '../engine/kernels';
import { excerpt, readNumber } from '../engine/number-grammar';
import {
  backendFlag,
  type FlagSpec,
  helpText,
  parseArgs,
  runCommand,
  stringFlag,
  UsageError,
  THREADS_FLAG,
  threadsFlag,
} from './args';

const FLAGS: Record<string, FlagSpec> = {
  check: {
    boolean: true,
    help: 'run the claims and print one JSON line per claim ("kind": experiment or demonstration)',
  },
  controls: {
    boolean: true,
    help: 'with --check: after each claim run its control (the cause removed), which must not reproduce',
  },
  claim: { help: 'check this claim only (see --list)' },
  papers: {
    boolean: true,
    help: 'only the papers chapter’s claims (the figures behind the lecture)',
  },
  list: { boolean: true, help: 'print the claim ids, one per line, in the lecture’s order' },
  backend: { help: 'engine backend: ts or wasm (default: wasm where SIMD works)' },
  threads: THREADS_FLAG,
  seeds: { help: 'comma-separated seeds instead of each claim’s own, e.g. 1,2,3' },
  help: { boolean: true, help: 'print this help' },
};
const USAGE =
  'Usage: npm run --silent lecture -- --check [--controls] [--claim ID | --papers] | --list [--papers]';

function parseSeeds(text: string): number[] {
  // The page's number grammar (src/engine/number-grammar.ts): 0x10 and '' are refused.
  const seeds = text.split(',').map((part) => {
    const reading = readNumber(part);
    return reading.ok ? reading.value : NaN;
  });
  if (seeds.some((seed) => !Number.isInteger(seed) || seed < 0 || seed > 4294967295))
    throw new UsageError(
      `--seeds must be whole numbers from 0 to 4294967295, got "${excerpt(text)}"`,
    );
  return seeds;
}

runCommand(() => {
  const args = parseArgs(process.argv.slice(2), FLAGS);
  if (args.has('help')) {
    process.stdout.write(helpText(USAGE, FLAGS) + '\n');
    return;
  }
  if (args.has('papers') && args.has('claim'))
    throw new UsageError('--papers and --claim do not go together: pass one of them');
  let claims = args.has('papers') ? claimsOfChapter('papers') : CLAIMS;
  if (args.has('list')) {
    process.stdout.write(claims.map((claim) => claim.id).join('\n') + '\n');
    return;
  }
  if (!args.has('check'))
    throw new UsageError('nothing to do: pass --check or --list (see --help)');
  if (args.has('claim')) {
    const id = stringFlag(args, 'claim', FLAGS);
    const claim = findClaim(id);
    if (!claim) throw new UsageError(`unknown claim "${id}" (see --list)`);
    claims = [claim];
  }
  const backend = backendFlag(args, FLAGS);
  threadsFlag(args, FLAGS);
  const seeds = args.has('seeds') ? parseSeeds(stringFlag(args, 'seeds', FLAGS)) : undefined;
  const digits = needsDigits(claims) ? readDigitsBytes() : undefined;
  // One kernels instance: the checks run one after another and each builds its own networks.
  const kernels = createKernels(backend);
  const variants = args.has('controls') ? (['claim', 'control'] as const) : (['claim'] as const);
  let failed = 0;
  for (const claim of claims)
    for (const variant of variants) {
      const result = claim.check(kernels, { seeds, digits, variant });
      // A claim must reproduce; its control, the same criterion without the cause, must not.
      if (result.reproduced !== (variant === 'claim')) failed++;
      process.stdout.write(JSON.stringify(result) + '\n');
    }
  if (failed > 0) process.exitCode = 1;
});
