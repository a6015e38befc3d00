import { describe, expect, it } from 'vitest';
import { describeFlow, flowSummary, ratioWords } from './gradient-flow-summary';

const M = '\u2212';

describe('gradient flow in words', () => {
  it('says how much of the top layer’s ∂L/∂W reaches layer 1', () => {
    expect(ratioWords(2.3e-8, 1e-2, 100)).toBe(`layer 1 gets 2e${M}6 of the top layer's ∂L/∂W`);
    expect(ratioWords(0.5, 1, 10)).toBe("layer 1 gets 0.5 of the top layer's ∂L/∂W");
    expect(ratioWords(30, 1, 10)).toBe("layer 1 gets 30× the top layer's ∂L/∂W");
    expect(ratioWords(1, 1, 10)).toBe("layer 1 gets 1× the top layer's ∂L/∂W");
  });

  it('names the cases without a ratio', () => {
    expect(ratioWords(null, 1e-2, 10)).toBe("waiting for layer 1's gradient");
    expect(ratioWords(0, 1e-2, 10)).toBe('layer 1 gets no gradient at all');
    expect(ratioWords(1e-3, 0, 10)).toBe("the top layer's ∂L/∂W is 0: no ratio");
    expect(ratioWords(0, 0, 10)).toBe('∂L/∂W is 0 at layer 1 and at the top layer');
    expect(ratioWords(NaN, 1, 10)).toBe('the gradient is not finite');
    expect(ratioWords(1, 1, 1)).toBe('one layer: layer 1 is the top layer');
  });
});

describe('flowSummary', () => {
  it('takes layer 1 and the last layer of both gradients', () => {
    const summary = flowSummary({
      layers: 3,
      wGradStd: [1e-6, 1e-4, 1e-2],
      actGradStd: [2e-5, 2e-4, 2e-3],
    });
    expect(summary).toMatchObject({ wFirst: 1e-6, wLast: 1e-2, hFirst: 2e-5, hLast: 2e-3 });
    expect(summary.ratio).toBeCloseTo(1e-4, 12);
    expect(summary.words).toBe(`layer 1 gets 1e${M}4 of the top layer's ∂L/∂W`);
  });

  it('has no ratio while layer 1 streams in, or when the top is zero', () => {
    expect(flowSummary({ layers: 3, wGradStd: [null, 1, 2], actGradStd: [] }).ratio).toBeNull();
    expect(flowSummary({ layers: 2, wGradStd: [1, 0], actGradStd: [] }).ratio).toBeNull();
    expect(flowSummary({ layers: 0, wGradStd: [], actGradStd: [] }).ratio).toBeNull();
  });

  it('summarises the data in the accessible name', () => {
    const label = describeFlow({ layers: 2, wGradStd: [1e-5, 1e-3], actGradStd: [null, null] });
    expect(label).toBe(
      `Gradient std by layer, log scale, 2 layers. ∂L/∂W 1e${M}5 (layer 1) to 1e${M}3 (layer 2); ` +
        `∂L/∂h not computed yet; layer 1 gets 0.01 of the top layer's ∂L/∂W.`,
    );
  });
});
