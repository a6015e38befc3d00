/**
 * relu-dead-at-init: biases shifted down kill some ReLUs of every layer from the start. A dead
 * unit gets no gradient, so in the first layer, whose input is the data itself, it stays frozen
 * for good while the live ones train; deeper, the layers below can change its input and bring
 * it back, which the check counts rather than assumes away.
 */
import type { NetworkConfig, TrainingConfig } from '../config';
import type { DataSplit } from '../data/dataset';
import { createDataset, type DatasetSpec } from '../data/index';
import { copyRow } from '../data/batches';
import type { Kernels } from '../kernels/kernels';
import type { Network } from '../network';
import {
  deadColumns,
  defineClaim,
  fmt,
  newTrainer,
  pct,
  rounded,
  type RunSpec,
  train,
  trainingScene,
} from './measure';
import type { Claim } from './types';

const SHIFTED_BIAS = -1;
const STEPS = 300;
/** A layer counts as mixed when this share of its units, or more, is dead and as many live. */
const MIXED = 0.05;
const SEEDS = [1, 2, 3, 4, 5];
/** A live unit has moved when its weights and bias changed by this much (relative norm). */
const MOVED = 0.001;
const LEARNT = 0.6;

function network(seed: number, biasInit: number): NetworkConfig {
  return {
    inputDim: 2,
    depth: 3,
    width: 64,
    activation: 'relu',
    init: 'he',
    initScale: 1,
    biasInit,
    batchnorm: false,
    classes: 3,
    seed,
  };
}
const TRAINING: TrainingConfig = { optimizer: 'sgd', learningRate: 0.1, l2: 0, batchSize: 32 };
const data = (seed: number): DatasetSpec => ({ name: 'spiral', normalize: true, seed });
const spec = (seed: number, biasInit: number): RunSpec => ({
  network: network(seed, biasInit),
  training: TRAINING,
});

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
  const trainer = newTrainer(kernels, spec(seed, bias), createDataset(data(seed)));
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
  {
    id: 'relu-dead-at-init',
    chapter: 'activations',
    title: 'A bad initialization leaves ReLUs dead from the start',
    explanation:
      'A ReLU whose pre-activation is negative on every example outputs 0 everywhere: it sits off the data cloud, its slope there is 0, so it gets exactly zero gradient and does not update. Starting every bias at −1 (He weights, 3 × 64 ReLUs on the spiral) kills part of each layer and leaves the rest alive, so one training run shows both: the dead first-layer units frozen bit for bit while the live ones learn the spiral. Deeper, a dead unit’s input is the layer below, which keeps changing, so some of them come back; the check counts them rather than assuming they stay dead.',
    expected: `On each of ${SEEDS.length} seeds, 3 × 64 ReLUs with He weights and every hidden bias starting at ${SHIFTED_BIAS}, ${STEPS} SGD steps (rate ${TRAINING.learningRate}, batch ${TRAINING.batchSize}) on the spiral: in every hidden layer between ${pct(MIXED)} and ${pct(1 - MIXED)} of the units are dead at the start (pre-activation ≤ 0 on every training point); after training every dead first-layer unit has its weights and bias unchanged bit for bit and is still dead on every training point, while at least 90 % of the live units (all layers) changed their weights and bias by ${fmt(100 * MOVED)} % or more and validation accuracy reaches ${pct(LEARNT)}. How many deeper dead units came back is reported, not judged.`,
    show: trainingScene(spec(1, SHIFTED_BIAS), data(1)),
    contrast: { label: 'Now with biases at 0', scene: trainingScene(spec(1, 0), data(1)) },
    control: {
      description: 'the same training run with every hidden bias starting at 0',
      show: trainingScene(spec(1, 0), data(1)),
    },
    seeds: SEEDS,
  },
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
);

export const RELU_DEAD_CLAIMS: readonly Claim[] = [DEAD_AT_INIT];
