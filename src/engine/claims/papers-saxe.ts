/**
 * Saxe, McClelland & Ganguli (2014): an orthogonal matrix keeps every vector's length, a
 * Gaussian one of the same variance only on average. Measured as the spread over layers of the
 * activation std of 50-layer probes, linear (the paper's setting) and tanh.
 */
import type { ActivationName, NetworkConfig } from '../config';
import { orthogonalGain } from '../init';
import type { Kernels } from '../kernels/kernels';
import { defineClaim, fmt, probeScene, probeStats, rounded } from './measure';
import { actStds, logStdSpread } from './papers-measure';
import type { Claim } from './types';

const DEPTH = 50;
const WIDTH = 16;
const BATCH = 200;
/** Widths the fading of the effect is shown at (first seed). */
const WIDTHS = [16, 32, 64];
/**
 * tanh: the largest spread that counts as kept. Orthogonal measured 0.020–0.022 on seeds 1–8,
 * Gaussian weights of the same variance 0.054–0.074.
 */
const TANH_FLAT = 0.035;
/** Linear: orthogonal keeps the scale exactly (up to float32), a Gaussian lets it wander. */
const EXACT = 0.01;

/** A square probe (input as wide as the layers), orthogonal or Gaussian of the same variance. */
function probe(
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

const spreadOf = (kernels: Kernels, config: NetworkConfig) =>
  logStdSpread(actStds(probeStats(kernels, config, BATCH)));

const ORTHOGONAL = defineClaim(
  {
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
  },
  (kernels, seeds, _, variant) => {
    const gaussian = variant === 'control';
    const linear: number[] = [];
    const tanh: number[] = [];
    const reference: number[] = [];
    for (const seed of seeds) {
      linear.push(spreadOf(kernels, probe(seed, 'linear', gaussian)));
      tanh.push(spreadOf(kernels, probe(seed, 'tanh', gaussian)));
      // The yardstick of the tanh reading: Gaussian weights of the same variance.
      reference.push(spreadOf(kernels, probe(seed, 'tanh', true)));
    }
    const first = seeds[0];
    const curve = (activation: ActivationName, isGaussian: boolean) =>
      actStds(probeStats(kernels, probe(first, activation, isGaussian), BATCH));
    const widthRatio = WIDTHS.map(
      (width) =>
        spreadOf(kernels, probe(first, 'tanh', gaussian, width)) /
        spreadOf(kernels, probe(first, 'tanh', true, width)),
    );
    // The ratio to Gaussian weights, and its fading with width, are shown, not judged.
    const tanhRatio = tanh.map((s, i) => s / reference[i]);
    const reproduced = linear.every((s) => s < EXACT) && tanh.every((s) => s < TANH_FLAT);
    return {
      reproduced,
      measured: {
        tanhOrthogonalActStd: curve('tanh', false),
        tanhGaussianActStd: curve('tanh', true),
        linearOrthogonalActStd: curve('linear', false),
        linearGaussianActStd: curve('linear', true),
        linearSpread: rounded(linear),
        tanhSpread: rounded(tanh),
        tanhGaussianSpread: rounded(reference),
        tanhSpreadRatio: rounded(tanhRatio),
        widths: WIDTHS,
        tanhSpreadRatioByWidth: rounded(widthRatio),
      },
      summary: `${gaussian ? 'Gaussian' : 'orthogonal'} weights, spread of ln(std) over ${DEPTH} layers: linear ${linear.map(fmt).join(', ')} (needed: < ${EXACT}); tanh ${tanh.map(fmt).join(', ')} (needed: < ${TANH_FLAT}) against ${reference.map(fmt).join(', ')} with Gaussian weights (ratio ${tanhRatio.map(fmt).join(', ')}; at widths ${WIDTHS.join(', ')}: ${widthRatio.map(fmt).join(', ')})`,
    };
  },
);

export const SAXE_CLAIMS: readonly Claim[] = [ORTHOGONAL];
