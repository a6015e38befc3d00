/**
 * The chapter after the lecture: each claim reproduced and its control not, on every backend
 * with the claims' own seeds; the series its figure draws; the linear fit it judges by.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testDigitsBytes } from '../data/digits-testing';
import { createKernels, defaultBackend } from '../kernels';
import type { BackendName } from '../kernels/kernels';
import { testBackends } from '../testing';
import { linearFit } from './after-residual';
import { CHAPTERS, claimsOfChapter, findClaim } from './index';
import type { MeasuredValue } from './types';

let digits: Uint8Array;

beforeAll(() => {
  digits = testDigitsBytes();
});

/** Per claim: the series the page plots, each with the length it must have. */
const PLOTS: Record<string, (m: Record<string, MeasuredValue>) => Record<string, number>> = {
  'he2016-degradation': (m) => {
    const points = (m.lossSteps as number[]).length;
    return { shallowLoss: points, deepLoss: points, residualLoss: points };
  },
  'residual-gradients-reach-the-bottom': () => ({ plainGradStd: 100, residualGradStd: 100 }),
  'residual-variance-grows': () => ({
    oneVariance: 100,
    theoryVariance: 100,
    invSqrtVariance: 100,
    rezeroVariance: 100,
  }),
  'layernorm-batch-of-one': (m) => {
    const points = (m.lossSteps as number[]).length;
    return { layerNormLoss: points, batchNormLoss: points };
  },
  'dropout-reduces-overfitting': () => ({
    plainTrainAccuracy: 10,
    plainValidationAccuracy: 10,
    dropoutTrainAccuracy: 10,
    dropoutValidationAccuracy: 10,
  }),
};

const AFTER = claimsOfChapter('after-lecture').map((claim) => claim.id);

describe('the chapter after the lecture', () => {
  it('comes last in the tour and holds the issue’s claims', () => {
    expect(CHAPTERS[CHAPTERS.length - 1].id).toBe('after-lecture');
    expect(AFTER).toEqual(Object.keys(PLOTS));
  });

  it('judges growth by a least-squares line over layers 1…n', () => {
    expect(linearFit([1, 3, 5, 7])).toEqual({ slope: 2, r2: 1 });
    expect(linearFit([2, 2, 2]).r2).toBe(0);
    expect(linearFit([0, 1, 0, 1]).r2).toBeLessThan(0.5);
  });
});

/**
 * The digits claim trains 10 networks of 784 × 128 inputs: about 70 s each way on the ts
 * backend, so it runs on the default backend only, as the papers' digits claims do.
 */
const DIGITS_CLAIMS = ['dropout-reduces-overfitting'];
const onBackend = (backend: BackendName) =>
  AFTER.filter((id) => backend === defaultBackend() || !DIGITS_CLAIMS.includes(id));

describe.each(testBackends())('after the lecture on the %s backend', (backend) => {
  it.each(onBackend(backend))('%s is reproduced, its figure’s series ready to plot', (id) => {
    const result = findClaim(id)!.check(createKernels(backend), { digits });
    expect(result.reproduced, `${id}: ${result.summary}`).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    for (const [key, length] of Object.entries(PLOTS[id](result.measured))) {
      expect(Array.isArray(result.measured[key]), key).toBe(true);
      expect(result.measured[key], key).toHaveLength(length);
    }
  });

  it.each(onBackend(backend))('%s’s control is not reproduced', (id) => {
    const result = findClaim(id)!.check(createKernels(backend), { digits, variant: 'control' });
    expect(result.control).toBe(true);
    expect(result.reproduced, `${id}’s control: ${result.summary}`).toBe(false);
  });
});
