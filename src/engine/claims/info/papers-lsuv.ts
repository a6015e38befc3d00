/**
 * The page side of ../papers-lsuv.ts: its claims' texts, scenes and charts, and the runs its checks
 * share (the checks import them from here; nothing here imports a check).
 */
import { ACT, GRAD, OTHER, claimInfo } from './define';
import type { InitName, NetworkConfig } from '../../config';
import { probeScene } from './scenes';
import { fmt } from './texts';

export const BATCH = 200;

export const DEPTH = 50;

/**
 * The largest spread that counts as flat: a typical layer within about 25 % of the average
 * scale. LSUV measured 0.11–0.17 on seeds 1–8, He's Gaussian weights 0.36–1.1.
 */
export const FLAT = 0.25;

/** LSUV's weights must have He's variance on average, within this fraction (same variance). */
export const SAME_SCALE = 0.1;

export const WIDTH = 32;

export function probe(seed: number, init: InitName): NetworkConfig {
  return {
    inputDim: WIDTH,
    depth: DEPTH,
    width: WIDTH,
    activation: 'relu',
    init,
    initScale: 1,
    batchnorm: false,
    classes: 10,
    seed,
  };
}

export const LSUV_INFO = claimInfo({
  id: 'mishkin2016-lsuv',
  chapter: 'papers',
  title: 'Mishkin & Matas 2016: LSUV keeps every layer at unit variance',
  citation: 'D. Mishkin, J. Matas. All you need is a good init. ICLR 2016.',
  explanation:
    'Mishkin and Matas’s LSUV starts from orthogonal weights and rescales them layer by layer until each layer’s output has variance 1 on a batch of data, so every layer gets the right scale by measurement rather than by the theory’s average, which let them train very deep thin networks without batchnorm. On 50 ReLU layers of 32 units, read on a batch other than the one LSUV calibrated on, its per-layer activation std stays nearly flat, while He’s Gaussian weights (the same variance on average, as LSUV’s own weights show) let it wander by a random factor per layer, and orthogonal weights alone (LSUV’s starting point, gain √2) wander about as much, since ReLU’s zeroing undoes their length preservation. The paper reports the accuracy of networks trained from it (thin deep FitNets on CIFAR, larger networks on ImageNet); we measure, at initialization, the property its procedure enforces.',
  expected: `With LSUV, on each of 3 seeds, ${DEPTH} ReLU layers of ${WIDTH} (input ${WIDTH}), read on a fresh batch of ${BATCH} N(0,1) rows: the standard deviation over layers of ln(activation std) is at most ${FLAT}, and the weight std averaged over layers 2–${DEPTH} is within ${SAME_SCALE * 100} % of He’s √(2/${WIDTH}) = ${fmt(Math.sqrt(2 / WIDTH))}.`,
  show: probeScene(probe(1, 'lsuv'), BATCH),
  contrast: {
    label: 'Now orthogonal alone',
    scene: probeScene(probe(1, 'orthogonal'), BATCH),
  },
  control: {
    description: 'He’s Gaussian weights, the same variance without LSUV’s layer-by-layer rescaling',
    show: probeScene(probe(1, 'he'), BATCH),
  },
  figures: [
    {
      title: 'Std of outputs by layer, 50 ReLU layers',
      x: 'layer',
      series: [
        { key: 'lsuvActStd', name: 'LSUV', color: ACT },
        { key: 'heActStd', name: 'He', color: GRAD, dashed: true },
        { key: 'orthogonalActStd', name: 'orthogonal', color: OTHER, dashed: true },
      ],
      xTitle: 'layer',
      yTitle: 'std of h (log)',
      logY: true,
    },
  ],
});
