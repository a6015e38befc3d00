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
/** Orthogonal's spread must be at most this fraction of the Gaussian's (tanh). */
const TANH_RATIO = 0.5;
/** Linear: orthogonal keeps the scale exactly (up to float32), a Gaussian lets it wander. */
const EXACT = 0.01;
const WANDERS = 0.1;

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
    expected: `On each of 3 seeds, ${DEPTH}-layer probes ${WIDTH} wide (input ${WIDTH}, batch ${BATCH}), spread = standard deviation over layers of ln(activation std): linear, orthogonal below ${EXACT} and Gaussian of the same variance above ${WANDERS}; tanh, orthogonal (gain 5/3) at most ${TANH_RATIO} × the Gaussian’s.`,
    show: probeScene(probe(1, 'tanh', false), BATCH),
    contrast: {
      label: 'Now Gaussian, same variance',
      scene: probeScene(probe(1, 'tanh', true), BATCH),
    },
  },
  (kernels, seeds) => {
    const linear = { orthogonal: [] as number[], gaussian: [] as number[] };
    const tanh = { orthogonal: [] as number[], gaussian: [] as number[] };
    for (const seed of seeds) {
      linear.orthogonal.push(spreadOf(kernels, probe(seed, 'linear', false)));
      linear.gaussian.push(spreadOf(kernels, probe(seed, 'linear', true)));
      tanh.orthogonal.push(spreadOf(kernels, probe(seed, 'tanh', false)));
      tanh.gaussian.push(spreadOf(kernels, probe(seed, 'tanh', true)));
    }
    const first = seeds[0];
    const curve = (activation: ActivationName, gaussian: boolean) =>
      actStds(probeStats(kernels, probe(first, activation, gaussian), BATCH));
    const widthRatio = WIDTHS.map(
      (width) =>
        spreadOf(kernels, probe(first, 'tanh', false, width)) /
        spreadOf(kernels, probe(first, 'tanh', true, width)),
    );
    const tanhRatio = tanh.orthogonal.map((s, i) => s / tanh.gaussian[i]);
    const reproduced =
      linear.orthogonal.every((s) => s < EXACT) &&
      linear.gaussian.every((s) => s > WANDERS) &&
      tanhRatio.every((r) => r <= TANH_RATIO);
    return {
      reproduced,
      measured: {
        tanhOrthogonalActStd: curve('tanh', false),
        tanhGaussianActStd: curve('tanh', true),
        linearOrthogonalActStd: curve('linear', false),
        linearGaussianActStd: curve('linear', true),
        linearOrthogonalSpread: rounded(linear.orthogonal),
        linearGaussianSpread: rounded(linear.gaussian),
        tanhOrthogonalSpread: rounded(tanh.orthogonal),
        tanhGaussianSpread: rounded(tanh.gaussian),
        tanhSpreadRatio: rounded(tanhRatio),
        widths: WIDTHS,
        tanhSpreadRatioByWidth: rounded(widthRatio),
      },
      summary: `spread of ln(std) over ${DEPTH} layers: linear ${linear.orthogonal.map(fmt).join(', ')} orthogonal against ${linear.gaussian.map(fmt).join(', ')} Gaussian; tanh ${tanh.orthogonal.map(fmt).join(', ')} against ${tanh.gaussian.map(fmt).join(', ')} (ratio ${tanhRatio.map(fmt).join(', ')}, ≤ ${TANH_RATIO}; ${widthRatio.map((r, i) => `${fmt(r)} at width ${WIDTHS[i]}`).join(', ')})`,
    };
  },
);

export const SAXE_CLAIMS: readonly Claim[] = [ORTHOGONAL];
