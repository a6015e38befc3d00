/**
 * The papers chapter: each figure's claim reproduced on the default backend with its own seeds
 * (the digits file is built first if missing), its measured series shaped for plotting, the
 * helpers the figures measure with, and `npm run lecture -- --papers`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDigitsBytes } from '../data/digits-testing';
import { createKernels, defaultBackend } from '../kernels';
import { claimsOfChapter, findClaim } from './index';
import { logStdSpread, median, quantileOfSorted, windowMeans } from './papers-measure';
import type { ClaimId, MeasuredValue } from './types';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let digits: Uint8Array;

beforeAll(() => {
  digits = testDigitsBytes();
});

/** Per claim: the series the page plots, each with the length it must have. */
const PLOTS: Record<string, (m: Record<string, MeasuredValue>) => Record<string, number>> = {
  'glorot2010-sigmoid-top-saturates': (m) => {
    const points = (m.steps as number[]).length;
    const keys = [1, 2, 3, 4].flatMap((l) => [`layer${l}Mean`, `layer${l}Std`]);
    return Object.fromEntries([...keys, 'loss'].map((key) => [key, points]));
  },
  'glorot2010-normalized-init': (m) => {
    const cells = 5 * (m.histogramBins as number);
    return {
      standardActStd: 5,
      normalizedGradStd: 5,
      standardActHistograms: cells,
      normalizedActHistograms: cells,
      standardGradHistograms: cells,
      normalizedGradHistograms: cells,
    };
  },
  'ioffe2015-bn-stable-inputs': (m) => {
    const points = (m.steps as number[]).length;
    const keys = ['Accuracy', 'P15', 'P50', 'P85'].flatMap((k) => [`plain${k}`, `batchnorm${k}`]);
    return Object.fromEntries(keys.map((key) => [key, points]));
  },
  'he2015-deep-relu-xavier-stalls': (m) => {
    const points = (m.lossSteps as number[]).length;
    return { xavierLoss: points, heLoss: points, xavierActStdAtInit: 30, heActStdAtInit: 30 };
  },
  'saxe2014-orthogonal': () => ({
    tanhOrthogonalActStd: 50,
    tanhGaussianActStd: 50,
    linearOrthogonalActStd: 50,
    linearGaussianActStd: 50,
  }),
  'mishkin2016-lsuv': () => ({ lsuvActStd: 50, heActStd: 50, orthogonalActStd: 50 }),
};

const PAPERS = claimsOfChapter('papers').map((claim) => claim.id);

describe(`the papers’ figures on the default backend (${defaultBackend()})`, () => {
  it('are the six figures of the issue, each citing its paper', () => {
    expect(PAPERS).toEqual(Object.keys(PLOTS));
    for (const id of PAPERS) expect(findClaim(id)!.citation).toMatch(/\d{4}/);
  });

  it.each(PAPERS)('%s is reproduced, its series ready to plot', (id: ClaimId) => {
    const result = findClaim(id)!.check(createKernels(defaultBackend()), { digits });
    expect(result.reproduced, `${id}: ${result.summary}`).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    for (const [key, length] of Object.entries(PLOTS[id](result.measured))) {
      const series = result.measured[key];
      expect(Array.isArray(series), key).toBe(true);
      expect(series, key).toHaveLength(length);
    }
  });

  // papers-ioffe.ts's control is checked beside it.
  it.each(PAPERS.filter((id) => id !== 'ioffe2015-bn-stable-inputs'))(
    '%s’s control is not reproduced',
    (id: ClaimId) => {
      const kernels = createKernels(defaultBackend());
      const result = findClaim(id)!.check(kernels, { digits, variant: 'control' });
      expect(result.control).toBe(true);
      expect(result.reproduced, `${id}’s control: ${result.summary}`).toBe(false);
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    },
  );
});

describe('what the figures measure with', () => {
  it('quantiles interpolate between order statistics as NumPy does', () => {
    const sorted = [1, 2, 3, 4];
    expect(quantileOfSorted(sorted, 0)).toBe(1);
    expect(quantileOfSorted(sorted, 1)).toBe(4);
    expect(quantileOfSorted(sorted, 0.15)).toBeCloseTo(1.45, 12);
    expect(quantileOfSorted(sorted, 0.85)).toBeCloseTo(3.55, 12);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('the spread of log std is 0 for a constant scale and 1 for a factor e either way', () => {
    expect(logStdSpread([0.3, 0.3, 0.3])).toBe(0);
    expect(logStdSpread([Math.E, 1 / Math.E])).toBeCloseTo(1, 12);
    expect(logStdSpread([2, 4])).toBeCloseTo(logStdSpread([20, 40]), 12);
  });

  it('window means drop an incomplete last window', () => {
    expect(windowMeans([1, 3, 5, 7, 9], 2)).toEqual([2, 6]);
  });
});

describe('npm run lecture -- --papers', () => {
  const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
  const lecture = (...args: string[]) =>
    spawnSync(tsx, ['src/cli/lecture.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

  it('--list --papers prints the papers chapter’s ids', () => {
    const run = lecture('--list', '--papers');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual(PAPERS);
  });

  it('--papers with --claim is refused on one line, exit 2', () => {
    const run = lecture('--check', '--papers', '--claim', 'saxe2014-orthogonal');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/--papers and --claim/);
  });
});
