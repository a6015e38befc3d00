/**
 * relu-dead-at-init: biases shifted down kill some ReLUs of every layer from the start. A dead
 * unit gets no gradient, so in the first layer, whose input is the data itself, it stays frozen
 * for good while the live ones train; deeper, the layers below can change its input and bring
 * it back, which the check counts rather than assumes away.
 */
import type { DataSplit } from '../data/dataset';
import { buildDataset } from '../data/index';
import { copyRow } from '../data/batches';
import type { Kernels } from '../kernels/kernels';
import type { Network } from '../network';
import { deadColumns, defineClaim, newTrainer, pct, rounded, train } from './measure';
import type { Claim } from './types';
import {
  DATA,
  DEAD_AT_INIT_INFO,
  LEARNT,
  MIXED,
  MOVED,
  SEEDS,
  SHIFTED_BIAS,
  spec,
  STEPS,
} from './info/relu-dead';

/** Per hidden layer and unit: dead on every row of the split (forward passes of `capacity` rows). */
function deadOnSplit(net: Network, split: DataSplit): boolean[][] {
  const dead = net.layers.map((layer) => new Array<boolean>(layer.cols).fill(true));
  const dim = net.config.inputDim;
  for (let start = 0; start < split.count; start += net.capacity) {
    net.rows = Math.min(net.capacity, split.count - start);
    for (let r = 0; r < net.rows; r++)
      copyRow(split, dim, start + r, net.input.data, net.labels.data, r);
    net.forward(true);
    net.layers.forEach((_, i) =>
      deadColumns(net, i).forEach((isDead, c) => (dead[i][c] &&= isDead)),
    );
  }
  return dead;
}

/** Weights and bias of every unit of every hidden layer, one array per unit. */
function unitParameters(net: Network): Float32Array[][] {
  return net.layers.map((layer) =>
    Array.from({ length: layer.cols }, (_, c) => {
      const values = new Float32Array(layer.fanIn + 1);
      for (let f = 0; f < layer.fanIn; f++) values[f] = layer.weight.value.data[f * layer.cols + c];
      values[layer.fanIn] = layer.bias.value.data[c];
      return values;
    }),
  );
}

function relativeChange(before: Float32Array, after: Float32Array): number {
  let change = 0;
  let norm = 0;
  for (let k = 0; k < before.length; k++) {
    change += (after[k] - before[k]) ** 2;
    norm += before[k] ** 2;
  }
  return Math.sqrt(change / norm);
}

interface SeedOutcome {
  deadPerLayer: number[];
  /** Per layer, of the units dead at init: how many, how many changed at all, how many fire again. */
  deadMoved: number[];
  deadRevived: number[];
  deadCount: number[];
  /** Live-at-init units that moved by MOVED or more, as a fraction of the live ones. */
  liveMoved: number;
  accuracy: number;
}

function runSeed(kernels: Kernels, seed: number, bias: number) {
  const trainer = newTrainer(kernels, spec(seed, bias), buildDataset(DATA, seed));
  const split = trainer.dataset.train;
  const deadBefore = deadOnSplit(trainer.net, split);
  const before = unitParameters(trainer.net);
  train(trainer, STEPS);
  const deadAfter = deadOnSplit(trainer.net, split);
  const after = unitParameters(trainer.net);
  const outcome: SeedOutcome = {
    deadPerLayer: deadBefore.map((flags) => flags.filter(Boolean).length / flags.length),
    deadMoved: deadBefore.map(() => 0),
    deadRevived: deadBefore.map(() => 0),
    deadCount: deadBefore.map((flags) => flags.filter(Boolean).length),
    liveMoved: 0,
    accuracy: trainer.divergence ? 0 : trainer.evaluate().accuracy,
  };
  let live = 0;
  deadBefore.forEach((flags, i) =>
    flags.forEach((wasDead, c) => {
      const change = relativeChange(before[i][c], after[i][c]);
      if (!wasDead) {
        live++;
        if (change >= MOVED) outcome.liveMoved++;
        return;
      }
      if (before[i][c].some((v, k) => !Object.is(v, after[i][c][k]))) outcome.deadMoved[i]++;
      if (!deadAfter[i][c]) outcome.deadRevived[i]++;
    }),
  );
  outcome.liveMoved = live > 0 ? outcome.liveMoved / live : 0;
  return outcome;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

const DEAD_AT_INIT = defineClaim(
  DEAD_AT_INIT_INFO,
  (kernels, seeds, _options, variant) => {
    const bias = variant === 'claim' ? SHIFTED_BIAS : 0;
    const outcomes = seeds.map((seed) => runSeed(kernels, seed, bias));
    const mixed = outcomes.every((o) => o.deadPerLayer.every((f) => f >= MIXED && f <= 1 - MIXED));
    const firstMoved = sum(outcomes.map((o) => o.deadMoved[0]));
    const firstRevived = sum(outcomes.map((o) => o.deadRevived[0]));
    const deeperDead = sum(outcomes.map((o) => sum(o.deadCount.slice(1))));
    const deeperRevived = sum(outcomes.map((o) => sum(o.deadRevived.slice(1))));
    const deeperMoved = sum(outcomes.map((o) => sum(o.deadMoved.slice(1))));
    const liveMoved = outcomes.map((o) => o.liveMoved);
    const accuracy = outcomes.map((o) => o.accuracy);
    const reproduced =
      mixed &&
      firstMoved === 0 &&
      firstRevived === 0 &&
      liveMoved.every((f) => f >= 0.9) &&
      accuracy.every((a) => a >= LEARNT);
    const perLayer = outcomes.map((o) => o.deadPerLayer.map(pct).join('/')).join(', ');
    return {
      reproduced,
      measured: {
        biasInit: bias,
        deadPerLayer: rounded(outcomes.flatMap((o) => o.deadPerLayer)),
        firstLayerDead: outcomes.map((o) => o.deadCount[0]),
        firstLayerDeadMoved: firstMoved,
        firstLayerDeadRevived: firstRevived,
        deeperDead,
        deeperDeadRevived: deeperRevived,
        deeperDeadMoved: deeperMoved,
        liveUnitsMoved: rounded(liveMoved),
        validationAccuracy: rounded(accuracy),
      },
      summary: `biases at ${bias < 0 ? `−${-bias}` : bias}: dead at the start per layer ${perLayer} (each ${pct(MIXED)}–${pct(1 - MIXED)}); after ${STEPS} steps ${firstMoved} of the ${sum(outcomes.map((o) => o.deadCount[0]))} dead first-layer units changed and ${firstRevived} came back (must be 0); live units moved: ${liveMoved.map(pct).join(', ')} (≥ 90 %); validation accuracy ${accuracy.map(pct).join(', ')} (≥ ${pct(LEARNT)}); deeper layers: ${deeperRevived} of ${deeperDead} dead units came back as the layers below changed (${deeperMoved} changed; not judged)`,
    };
  },
  { seeds: SEEDS },
);

export const RELU_DEAD_CLAIMS: readonly Claim[] = [DEAD_AT_INIT];
