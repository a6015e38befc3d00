/**
 * The claims module as the page and the command line use it: one claim per id in the lecture's
 * order, texts present, scenes the page's controls can apply, the search helpers, and the CLI.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type NetworkConfig, validateNetworkConfig, validateTrainingConfig } from '../config';
import { PLANAR_DEFAULTS, PLANAR_LIMITS, type PlanarName } from '../data/planar';
import { createKernels } from '../kernels';
import {
  CHAPTERS,
  CLAIM_IDS,
  CLAIMS,
  type ClaimScene,
  claimsOfChapter,
  findClaim,
  gridTrials,
  isClaimId,
  needsDigits,
  randomTrials,
} from './index';

const NETWORK_FIELDS: (keyof NetworkConfig)[] = [
  'inputDim',
  'depth',
  'width',
  'activation',
  'init',
  'initScale',
  'biasInit',
  'batchnorm',
  'classes',
  'seed',
];
/** The page's Speed control (store/url-state.ts SPEEDS). */
const PAGE_SPEEDS = [0, 1000, 300, 100, 30, 10];

/** Throws unless the page's controls can apply the scene as it is. */
function checkScene(scene: ClaimScene): void {
  for (const field of NETWORK_FIELDS)
    expect(scene.network[field], `network.${field}`).not.toBeUndefined();
  const network = scene.network as NetworkConfig;
  const batch = scene.batch ?? 1000;
  validateNetworkConfig(network, batch);
  const data = scene.data ?? 'probe';
  if (data === 'probe') {
    expect(scene.train ?? false).toBe(false);
    return;
  }
  const training = scene.training ?? {};
  validateTrainingConfig({
    optimizer: training.optimizer!,
    learningRate: training.learningRate!,
    l2: training.l2!,
    batchSize: batch,
  });
  if (training.speed !== undefined) expect(PAGE_SPEEDS).toContain(training.speed);
  const options = scene.dataOptions ?? {};
  if (data === 'digits') {
    expect([network.inputDim, network.classes]).toEqual([784, 10]);
    return;
  }
  const planar: PlanarName = data;
  const classes =
    planar === 'circles' || planar === 'xor'
      ? 2
      : (options.planarClasses ?? PLANAR_DEFAULTS[planar].classes);
  expect([network.inputDim, network.classes]).toEqual([2, classes]);
  const points = options.points ?? PLANAR_DEFAULTS[planar].size;
  expect(points).toBeGreaterThanOrEqual(PLANAR_LIMITS.size.min);
  expect(points).toBeLessThanOrEqual(PLANAR_LIMITS.size.max);
}

describe('the claims list', () => {
  it('holds one claim per id, in the lecture’s order, chapter by chapter', () => {
    expect(CLAIMS.map((claim) => claim.id)).toEqual([...CLAIM_IDS]);
    const chapterOrder = CHAPTERS.map((chapter) => chapter.id);
    const positions = CLAIMS.map((claim) => chapterOrder.indexOf(claim.chapter));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const chapter of CHAPTERS) expect(claimsOfChapter(chapter.id).length).toBeGreaterThan(0);
  });

  it('finds claims by id and refuses other names', () => {
    expect(findClaim('xavier-keeps-tanh')?.title).toMatch(/Xavier/);
    expect(findClaim('nope')).toBeUndefined();
    expect(isClaimId('random-beats-grid')).toBe(true);
    expect(isClaimId('random')).toBe(false);
    expect(needsDigits([findClaim('small-init-collapses')!])).toBe(false);
    expect(needsDigits(CLAIMS)).toBe(true);
  });

  it.each(CLAIMS.map((claim) => [claim.id, claim] as const))(
    '%s: a title, 2–4 sentences of explanation, a criterion and seeds',
    (_, claim) => {
      expect(claim.title.length).toBeGreaterThan(10);
      const sentences = claim.explanation.split(/(?<=[.!?])\s+(?=[A-Z])/);
      expect(sentences.length).toBeGreaterThanOrEqual(2);
      expect(sentences.length).toBeLessThanOrEqual(4);
      expect(claim.expected.length).toBeGreaterThan(40);
      expect(claim.seeds.length).toBeGreaterThanOrEqual(3);
      expect(claim.expected).toMatch(
        new RegExp(`${claim.seeds.length} seeds|${claim.seeds.length} trials|each`),
      );
    },
  );

  it.each(CLAIMS.map((claim) => [claim.id, claim] as const))(
    '%s: its scenes are whole and the page can apply them',
    (_, claim) => {
      checkScene(claim.show);
      checkScene(claim.control.show);
      expect(claim.control.description.length).toBeGreaterThan(10);
      // A demonstration says why its criterion holds in any correct engine; an experiment does not.
      expect(Boolean(claim.demonstration)).toBe(claim.kind === 'demonstration');
      if (claim.contrast) {
        expect(claim.contrast.label.length).toBeGreaterThan(3);
        checkScene(claim.contrast.scene);
      }
    },
  );

  it('checks on the seeds it is given and lists them first', () => {
    const claim = findClaim('xavier-keeps-tanh')!;
    const result = claim.check(createKernels('ts'), { seeds: [8] });
    expect(Object.keys(result.measured)[0]).toBe('seeds');
    expect(result.measured.seeds).toEqual([8]);
    expect(() => claim.check(createKernels('ts'), { seeds: [] })).toThrow(/seed/);
  });
});

describe('search trials', () => {
  const space = {
    learningRate: [1e-4, 10] as [number, number],
    l2: [1e-5, 1e-2] as [number, number],
  };
  it('a 4 × 4 grid spans both ranges in log space with 4 values of each', () => {
    const grid = gridTrials(16, space);
    expect(grid).toHaveLength(16);
    const rates = [...new Set(grid.map((t) => t.learningRate))].sort((a, b) => a - b);
    expect(rates).toHaveLength(4);
    expect(rates[0]).toBeCloseTo(1e-4, 12);
    expect(rates[3]).toBeCloseTo(10, 9);
    expect(rates[1] / rates[0]).toBeCloseTo(rates[2] / rates[1], 6);
  });
  it('random trials: 16 distinct values of each, inside the ranges, the same for a seed', () => {
    const random = randomTrials(16, space, 3);
    expect(new Set(random.map((t) => t.learningRate)).size).toBe(16);
    for (const t of random) {
      expect(t.learningRate).toBeGreaterThanOrEqual(1e-4);
      expect(t.learningRate).toBeLessThanOrEqual(10);
      expect(t.l2).toBeGreaterThanOrEqual(1e-5);
      expect(t.l2).toBeLessThanOrEqual(1e-2);
    }
    expect(randomTrials(16, space, 3)).toEqual(random);
    expect(randomTrials(16, space, 4)).not.toEqual(random);
  });
});

describe('npm run lecture', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
  const lecture = (...args: string[]) =>
    spawnSync(tsx, ['src/cli/lecture.ts', ...args], { cwd: root, encoding: 'utf8' });

  it('--list prints the ids in order', () => {
    const run = lecture('--list');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([...CLAIM_IDS]);
  });

  it('--check --controls --claim prints the claim’s line, then its control’s', () => {
    const run = lecture(
      '--check',
      '--controls',
      '--claim',
      'small-init-collapses',
      '--backend',
      'ts',
      '--seeds',
      '2',
    );
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as object);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      claim: 'small-init-collapses',
      control: false,
      reproduced: true,
    });
    expect(lines[1]).toMatchObject({
      claim: 'small-init-collapses',
      control: true,
      reproduced: false,
    });
  });

  it('--check --claim prints one JSON line with the claim’s verdict', () => {
    const run = lecture(
      '--check',
      '--claim',
      'maxout-no-saturation',
      '--backend',
      'ts',
      '--seeds',
      '2',
    );
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(Object.keys(line)).toEqual([
      'claim',
      'kind',
      'control',
      'reproduced',
      'measured',
      'expected',
      'summary',
    ]);
    expect(line).toMatchObject({
      claim: 'maxout-no-saturation',
      kind: 'demonstration',
      control: false,
      reproduced: true,
      measured: { seeds: [2] },
    });
  });

  it.each([
    [['--bogus'], /unknown flag --bogus/],
    [['--check', '--claim', 'nope'], /unknown claim "nope"/],
    [['--check', '--backend', 'gpu'], /--backend must be one of ts, wasm/],
    [['--check', '--seeds', '1,x'], /--seeds/],
    [[], /nothing to do/],
  ])('%j: one line on stderr, exit 2', (args, message) => {
    const run = lecture(...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  it('--help describes the flags', () => {
    const run = lecture('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/--check[\s\S]*--controls[\s\S]*--claim[\s\S]*--list/);
  });
});
