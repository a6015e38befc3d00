import { describe, expect, it } from 'vitest';
import { featureStatistics } from './normalize';
import { buildDataset } from './index';
import { preprocessDataset, singleSignedShare } from './preprocess';

/** Covariance of a 2-D split. */
function covariance(x: Float32Array, count: number): [number, number, number] {
  let mx = 0;
  let my = 0;
  for (let r = 0; r < count; r++) {
    mx += x[2 * r] / count;
    my += x[2 * r + 1] / count;
  }
  let a = 0;
  let b = 0;
  let c = 0;
  for (let r = 0; r < count; r++) {
    const u = x[2 * r] - mx;
    const v = x[2 * r + 1] - my;
    a += (u * u) / count;
    b += (u * v) / count;
    c += (v * v) / count;
  }
  return [a, b, c];
}

describe('preprocessing (fitted on the training split)', () => {
  // Blobs stretched along a diagonal have correlated features: PCA must decorrelate them.
  const raw = buildDataset({ name: 'blobs', preprocess: 'none' }, 3);
  const skewed = {
    ...raw,
    train: {
      ...raw.train,
      x: raw.train.x.map((v, i) => (i % 2 === 1 ? v + 0.8 * raw.train.x[i - 1] + 5 : v)),
    },
  };

  it('zero-centres: every feature has mean 0', () => {
    const { mean } = featureStatistics(preprocessDataset(skewed, 'centre').train, 2);
    for (const m of mean) expect(Math.abs(m)).toBeLessThan(1e-5);
  });
  it('normalizes: mean 0, std 1 per feature', () => {
    const { mean, std } = featureStatistics(preprocessDataset(skewed, 'normalize').train, 2);
    for (let f = 0; f < 2; f++) {
      expect(Math.abs(mean[f])).toBeLessThan(1e-5);
      expect(std[f]).toBeCloseTo(1, 4);
    }
  });
  it('PCA decorrelates (zero covariance) and keeps the total variance', () => {
    const before = covariance(skewed.train.x, skewed.train.count);
    expect(Math.abs(before[1])).toBeGreaterThan(0.1);
    const after = covariance(preprocessDataset(skewed, 'pca').train.x, skewed.train.count);
    expect(Math.abs(after[1])).toBeLessThan(1e-4);
    expect(after[0] + after[2]).toBeCloseTo(before[0] + before[2], 3);
  });
  it('whitens: identity covariance', () => {
    const [a, b, c] = covariance(preprocessDataset(skewed, 'whiten').train.x, skewed.train.count);
    expect(a).toBeCloseTo(1, 3);
    expect(c).toBeCloseTo(1, 3);
    expect(Math.abs(b)).toBeLessThan(1e-4);
  });
  it('refuses PCA on more than two features, naming the field', () => {
    const wide = {
      ...raw,
      inputDim: 4,
      train: { ...raw.train, x: new Float32Array(raw.train.count * 4) },
    };
    expect(() => preprocessDataset(wide, 'pca')).toThrow(
      expect.objectContaining({ field: 'preprocess' }),
    );
  });

  it('counts the examples whose features share one sign: all shifted points, fewer centred, about half whitened', () => {
    const centred = preprocessDataset(skewed, 'centre');
    const shifted = {
      ...skewed,
      train: { ...skewed.train, x: skewed.train.x.map((v) => v + 100) },
    };
    expect(singleSignedShare(shifted.train, 2)).toBe(1);
    // A correlated cloud keeps most points in two quadrants; whitening spreads them over four.
    expect(singleSignedShare(centred.train, 2)).toBeLessThan(1);
    expect(singleSignedShare(preprocessDataset(skewed, 'whiten').train, 2)).toBeLessThan(0.75);
  });
});
