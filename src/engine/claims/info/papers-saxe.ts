/**
 * The page side of ../papers-saxe.ts: its claims' texts, scenes and charts, and the runs its checks
 * share (the checks import them from here; nothing here imports a check).
 */
import { ACT, GRAD, claimInfo } from './define';
import type { ActivationName, NetworkConfig } from '../../config';
import { orthogonalGain } from '../../init';
import { probeScene } from './scenes';

export const BATCH = 200;

export const DEPTH = 50;

/** Linear: orthogonal keeps the scale exactly (up to float32), a Gaussian lets it wander. */
export const EXACT = 0.01;

/**
 * tanh: the largest spread that counts as kept. Orthogonal measured 0.020–0.022 on seeds 1–8,
 * Gaussian weights of the same variance 0.054–0.074.
 */
export const TANH_FLAT = 0.035;

export const WIDTH = 16;

/** A square probe (input as wide as the layers), orthogonal or Gaussian of the same variance. */
export function probe(
  seed: number,
  activation: ActivationName,
  gaussian: boolean,
  width = WIDTH,
): NetworkConfig {
  return {
    inputDim: width,
    depth: DEPTH,
    width,
    activation,
    // An orthogonal matrix times g has entries of variance g²/width: the Gaussian's std g/√width.
    init: gaussian ? 'custom' : 'orthogonal',
    initScale: orthogonalGain(activation) / Math.sqrt(width),
    batchnorm: false,
    classes: 10,
    seed,
  };
}

export const ORTHOGONAL_INFO = claimInfo({
  id: 'saxe2014-orthogonal',
  chapter: 'papers',
  title: 'Saxe et al. 2014: orthogonal weights keep the scale through depth',
  citation:
    'A. M. Saxe, J. L. McClelland, S. Ganguli. Exact solutions to the nonlinear dynamics of learning in deep linear neural networks. ICLR 2014.',
  explanation:
    'Saxe, McClelland and Ganguli showed that in a deep linear network random orthogonal weights pass every input on with its length unchanged, while Gaussian weights of the same variance keep the length only on average, with a random factor at each layer that compounds with depth; their analysis is about learning times and the spectrum of the whole network’s map, ours shows the per-layer activation std the page draws. On 50-layer probes 16 units wide, orthogonal weights keep that std exactly constant in a linear network and Gaussian ones let it wander, and in a tanh network (orthogonal with gain 5/3 against a Gaussian of std (5/3)/√16) orthogonal keeps it closer to constant. The trend over layers is the same for both in tanh, the difference being the layer-to-layer randomness, which fades as layers widen: about 3× less spread at 16 units, only a little less at 64.',
  expected: `With orthogonal weights, on each of 3 seeds, ${DEPTH}-layer probes ${WIDTH} wide (input ${WIDTH}, batch ${BATCH}), spread = standard deviation over layers of ln(activation std): linear, the spread is below ${EXACT}; tanh (gain 5/3), it is below ${TANH_FLAT}.`,
  show: probeScene(probe(1, 'tanh', false), BATCH),
  control: {
    description: 'Gaussian weights of the same variance instead of orthogonal ones',
    show: probeScene(probe(1, 'tanh', true), BATCH),
  },
  figures: [
    {
      title: 'Std of outputs by layer, 50 layers',
      x: 'layer',
      series: [
        { key: 'linearOrthogonalActStd', name: 'linear, orthogonal', color: ACT },
        { key: 'linearGaussianActStd', name: 'linear, Gaussian', color: ACT, dashed: true },
        { key: 'tanhOrthogonalActStd', name: 'tanh, orthogonal', color: GRAD },
        { key: 'tanhGaussianActStd', name: 'tanh, Gaussian', color: GRAD, dashed: true },
      ],
      xTitle: 'layer',
      yTitle: 'std of h (log)',
      logY: true,
    },
  ],
});
