/**
 * Glorot & Bengio (2010), Fig. 2: in a deep sigmoid network with the standard U(±1/√fan_in)
 * weights, SGD drives the top hidden layer's activations to 0 within the first updates while
 * the lower layers stay near 0.5; the loss sits on a plateau until the top layer desaturates.
 */
import { defineClaim, digitsOf, fmt, newTrainer, pct, rounded, train } from './measure';
import { allForwardStats, forwardOnRows } from './papers-measure';
import type { Claim } from './types';
import {
  DEPTH,
  DESATURATED,
  EVERY,
  LEARNING,
  LONG_STEPS,
  PLATEAU,
  run,
  SATURATES_INFO,
  SHALLOW,
  STAT_ROWS,
  STEPS,
  STILL_SATURATED,
} from './info/papers-glorot-saturation';

const LN10 = Math.log(10);

/** Per checkpoint: the step, each layer's mean, std and saturated fraction, and the loss. */
interface Series {
  steps: number[];
  mean: number[][];
  std: number[][];
  saturated: number[][];
  loss: number[];
}

/** What every seed is judged on, from the checkpoints up to STEPS. */
interface Saturation {
  topStart: number;
  topEnd: number;
  topEndSaturated: number;
  lowerLow: number;
  lowerHigh: number;
  lowerSaturated: number;
  loss: number;
}

function saturationOf(series: Series, depth: number): Saturation {
  const last = series.steps.indexOf(STEPS);
  const lower = series.mean.slice(0, last + 1).flatMap((m) => m.slice(0, depth - 1));
  const lowerSaturated = series.saturated.slice(0, last + 1).flatMap((s) => s.slice(0, depth - 1));
  return {
    topStart: series.mean[0][depth - 1],
    topEnd: series.mean[last][depth - 1],
    topEndSaturated: series.saturated[last][depth - 1],
    lowerLow: Math.min(...lower),
    lowerHigh: Math.max(...lower),
    lowerSaturated: Math.max(...lowerSaturated),
    loss: series.loss[last],
  };
}

const SATURATES = defineClaim(
  SATURATES_INFO,
  (kernels, seeds, options, variant) => {
    const data = digitsOf(options).normalized;
    const depth = variant === 'claim' ? DEPTH : SHALLOW;
    const judged: Saturation[] = [];
    let long: Series | null = null;
    for (const seed of seeds) {
      const trainer = newTrainer(kernels, run(seed, depth), data);
      const series: Series = { steps: [], mean: [], std: [], saturated: [], loss: [] };
      const read = (step: number) => {
        forwardOnRows(trainer.net, data.validation, STAT_ROWS);
        const layers = allForwardStats(trainer.net);
        series.steps.push(step);
        series.mean.push(layers.map((l) => l.act.mean));
        series.std.push(layers.map((l) => l.act.std));
        series.saturated.push(layers.map((l) => l.saturated));
        series.loss.push(trainer.net.crossEntropy.loss);
      };
      read(0);
      train(trainer, long ? STEPS : LONG_STEPS, (step) => {
        if (step % EVERY === 0) read(step);
      });
      if (trainer.divergence) {
        const { step } = trainer.divergence;
        return {
          reproduced: false,
          plot: null,
          measured: {},
          summary: `seed ${seed} diverged at step ${step}`,
        };
      }
      judged.push(saturationOf(series, depth));
      long ??= series;
    }
    const saturates = judged.every(
      (s) =>
        s.topStart >= 0.4 &&
        s.topStart <= 0.6 &&
        s.topEnd < 0.05 &&
        s.loss >= 0.95 * LN10 &&
        s.lowerLow >= 0.3 &&
        s.lowerHigh <= 0.85 &&
        s.lowerSaturated < 0.1,
    );
    const plot = long!;
    const topSaturated = plot.saturated.map((s) => s[depth - 1]);
    // From the first checkpoint after saturating (step 50 on every seed) to STILL_SATURATED.
    const plateau = Math.min(...topSaturated.slice(1, plot.steps.indexOf(STILL_SATURATED) + 1));
    const lastSaturated = topSaturated[topSaturated.length - 1];
    const lastLoss = plot.loss[plot.loss.length - 1];
    const desaturates = plateau >= PLATEAU && lastSaturated < DESATURATED && lastLoss < LEARNING;
    const layerMeans = (layer: number) => rounded(plot.mean.map((m) => m[layer]));
    const perLayer: Record<string, number[]> = {};
    for (let layer = 0; layer < depth; layer++) {
      if (variant === 'control') perLayer[`layer${layer + 1}Mean`] = layerMeans(layer);
      perLayer[`layer${layer + 1}Std`] = rounded(plot.std.map((s) => s[layer]));
    }
    const of = (pick: (s: Saturation) => number) => rounded(judged.map(pick));
    const list = (pick: (s: Saturation) => number) => judged.map((s) => fmt(pick(s))).join(', ');
    return {
      reproduced: saturates && desaturates,
      // The figure draws the claim's 4 layers; the control's 2 are listed with the rest.
      plot:
        variant === 'claim'
          ? {
              steps: plot.steps,
              layer1Mean: layerMeans(0),
              layer2Mean: layerMeans(1),
              layer3Mean: layerMeans(2),
              layer4Mean: layerMeans(3),
            }
          : null,
      measured: {
        ...(variant === 'control' ? { steps: plot.steps } : {}),
        ...perLayer,
        loss: rounded(plot.loss),
        topMeanAtStart: of((s) => s.topStart),
        topMeanAtStep300: of((s) => s.topEnd),
        topSaturatedAtStep300: of((s) => s.topEndSaturated),
        lossAtStep300: of((s) => s.loss),
        lowerMeanRange: rounded([
          Math.min(...judged.map((s) => s.lowerLow)),
          Math.max(...judged.map((s) => s.lowerHigh)),
        ]),
        lowerMaxSaturated: Math.max(...judged.map((s) => s.lowerSaturated)),
        topSaturated: rounded(topSaturated),
        topSaturatedLeastOnPlateau: plateau,
        topSaturatedAtLastStep: lastSaturated,
        lossAtLastStep: lastLoss,
      },
      summary: `${depth} layers: the top layer’s mean activation ${list((s) => s.topStart)} at step 0 and ${list((s) => s.topEnd)} at step ${STEPS} (needed: 0.4–0.6, then < 0.05; ${judged.map((s) => pct(s.topEndSaturated)).join(', ')} of it saturated), the loss then ${list((s) => s.loss)} (needed: ≥ 2.19); the layers below within ${fmt(Math.min(...judged.map((s) => s.lowerLow)))}–${fmt(Math.max(...judged.map((s) => s.lowerHigh)))} (needed: 0.3–0.85), up to ${pct(Math.max(...judged.map((s) => s.lowerSaturated)))} saturated (needed: < 10 %); on seed ${seeds[0]} the top layer was at least ${pct(plateau)} saturated through step ${STILL_SATURATED} (needed: ≥ ${PLATEAU * 100} %), ${pct(lastSaturated)} at step ${LONG_STEPS} (needed: < ${DESATURATED * 100} %) with the loss at ${fmt(lastLoss)} (needed: < ${LEARNING})`,
    };
  },
  { needs: ['digits'] },
);

export const GLOROT_SATURATION_CLAIMS: readonly Claim[] = [SATURATES];
