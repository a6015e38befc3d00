/**
 * The PyTorch script's training loop: the page's optimizer and rates, L2 as an explicit term on
 * the weight matrices, shuffled-epoch minibatches, and the page's per-layer time series (dead and
 * saturated fractions on a fixed monitoring batch, update:data ratios) printed as it goes.
 */
import {
  ConfigError,
  type NetworkConfig,
  type TrainingConfig,
  validateTrainingConfig,
} from '../engine/config';
import type { DatasetSpec } from '../engine/data/index';
import { ADAM_BETA1, ADAM_BETA2, ADAM_EPS, MOMENTUM } from '../engine/optimizer';
import { MONITOR_ROWS } from '../engine/trainer';
import { type DataChoice, dataSource, dataSummary, resolveData } from './pytorch-data';
import { countsDeadUnits, pyFloat, pyInt, pyString, saturationBand } from './python';

export interface PytorchTraining extends TrainingConfig {
  /** Steps the script trains for (default 1000). */
  steps?: number;
  /** The page's data set: a name, its full spec, or none for the probe's random rows. */
  dataset?: string | DatasetSpec;
}

export const DEFAULT_TRAINING_STEPS = 1000;
const MAX_TRAINING_STEPS = 10_000_000;

export interface ResolvedTraining extends TrainingConfig {
  steps: number;
  data: DataChoice;
  summary: string;
}

export function resolveTraining(
  network: NetworkConfig,
  training: PytorchTraining,
): ResolvedTraining {
  validateTrainingConfig(training);
  const steps = training.steps ?? DEFAULT_TRAINING_STEPS;
  if (!Number.isInteger(steps) || steps < 1 || steps > MAX_TRAINING_STEPS)
    throw new ConfigError('steps', `must be a whole number from 1 to 10000000, got ${steps}`);
  const data = resolveData(network, training.dataset);
  const { optimizer, learningRate, l2, batchSize, weightDecay } = training;
  const decay = weightDecay ? `, weight decay ${weightDecay} (AdamW)` : '';
  const summary = `${optimizer}${decay}, learning rate ${learningRate}, L2 ${l2}, batch ${batchSize}, ${steps} steps on ${dataSummary(data)}`;
  return { optimizer, learningRate, l2, batchSize, weightDecay, steps, data, summary };
}

function optimizerSource(training: ResolvedTraining): string {
  const header = 'def make_optimizer(model):';
  const noDecay =
    '    # No weight_decay: L2 is an explicit term of the loss (l2_penalty), as on the page.';
  switch (training.optimizer) {
    case 'sgd':
      return [
        header,
        noDecay,
        '    return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)',
      ].join('\n');
    case 'momentum':
      return [
        header,
        noDecay,
        '    # PyTorch keeps v <- 0.9 v + g and steps w <- w - lr v; the page keeps v <- 0.9 v - lr g',
        '    # and steps w <- w + v: the same steps at a fixed learning rate.',
        `    return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum=${pyFloat(MOMENTUM)})`,
      ].join('\n');
    case 'adam':
      if (training.weightDecay) return adamwSource();
      return [
        header,
        noDecay,
        '    return torch.optim.Adam(',
        `        model.parameters(), lr=LEARNING_RATE, betas=(${pyFloat(ADAM_BETA1)}, ${pyFloat(ADAM_BETA2)}), eps=${pyFloat(ADAM_EPS)}`,
        '    )',
      ].join('\n');
  }
}

/** AdamW on the weight matrices only, as the page decays them (not biases, gamma, beta, alpha). */
function adamwSource(): string {
  return `def make_optimizer(model):
    # AdamW (Loshchilov & Hutter, 2019): each step also w <- w - lr * WEIGHT_DECAY * w, decoupled
    # from the gradient; L2, if any, stays an explicit term of the loss (l2_penalty), as on the page.
    weights = model.weight_matrices()
    decayed = {id(w) for w in weights}
    others = [p for p in model.parameters() if id(p) not in decayed]
    groups = [
        {'params': weights, 'weight_decay': WEIGHT_DECAY},
        {'params': others, 'weight_decay': 0.0},
    ]
    return torch.optim.AdamW(
        groups, lr=LEARNING_RATE, betas=(${pyFloat(ADAM_BETA1)}, ${pyFloat(ADAM_BETA2)}), eps=${pyFloat(ADAM_EPS)}
    )`;
}

function monitorLines(network: NetworkConfig): string {
  const lines: string[] = [];
  if (countsDeadUnits(network.activation))
    lines.push("    print('  dead       ' + ' '.join(f'{d:7.1%}' for d in dead))");
  if (saturationBand(network.activation))
    lines.push("    print('  saturated  ' + ' '.join(f'{s:7.1%}' for s in saturated))");
  return lines.join('\n');
}

const LOOP_SOURCE = `class BatchSampler:
    """Shuffled epochs: a permutation of the rows consumed in order and reshuffled when used up
    (mid-batch if need be, so every batch is full), as the page samples."""

    def __init__(self, count, generator):
        self.count, self.generator = count, generator
        self.order = torch.randperm(count, generator=generator)
        self.cursor = 0

    def next(self, rows):
        parts, taken = [], 0
        while taken < rows:
            if self.cursor == self.count:
                self.order = torch.randperm(self.count, generator=self.generator)
                self.cursor = 0
            take = min(rows - taken, self.count - self.cursor)
            parts.append(self.order[self.cursor:self.cursor + take])
            self.cursor += take
            taken += take
        return torch.cat(parts)


def l2_penalty(model):
    """0.5 * L2 * (sum of squared weights), over the weight matrices only: not biases, gamma or
    beta. The optimizers' weight_decay would decay every parameter they are given, so the page's
    regularization is written out here instead."""
    return 0.5 * L2 * sum((w * w).sum() for w in model.weight_matrices())


@torch.no_grad()
def monitor(model, x):
    """Dead and saturated fractions per layer on the fixed monitoring batch. Batchnorm runs in
    training mode, as on the page; its running averages are put back afterwards."""
    norms = [layer.norm for layer in model.hidden] if BATCHNORM else []
    saved = [(norm.running_mean.clone(), norm.running_var.clone()) for norm in norms]
    model.train()MONITOR_DROPOUT_OFF
    model(x)
    dead = [dead_fraction(layer.pre) for layer in model.hidden]
    saturated = [saturated_fraction(layer.f) for layer in model.hidden]MONITOR_DROPOUT_ON
    for norm, (mean, var) in zip(norms, saved):
        norm.running_mean.copy_(mean)
        norm.running_var.copy_(var)
    return dead, saturated


@torch.no_grad()
def evaluate(model, x, y):
    """Validation loss (cross-entropy plus the L2 term) and accuracy; batchnorm on running averages."""
    model.eval()
    logits = model(x)
    loss = F.cross_entropy(logits, y).item() + float(l2_penalty(model))
    accuracy = (logits.argmax(dim=1) == y).double().mean().item()
    model.train()
    return loss, accuracy


def report(step, loss, accuracy, model, before, monitor_x, validation_x, validation_y):
    line = f'step {step:7d}  loss {loss:.4f}  accuracy {accuracy:.3f}'
    if validation_x is not None:
        validation_loss, validation_accuracy = evaluate(model, validation_x, validation_y)
        line += f'  validation loss {validation_loss:.4f}  accuracy {validation_accuracy:.3f}'
    print(line)
    # The update:data ratio std(dW) / std(W) of each hidden layer: about 1e-3 is healthy.
    # (0 while W is all zeros, as the page reports it.)
    ratios = []
    for w, w_before in zip(model.weight_matrices()[:DEPTH], before):
        w_std = moments(w)[0]['std']
        ratios.append(moments(w - w_before)[0]['std'] / w_std if w_std > 0 else 0.0)
    print('  update:data ' + ' '.join(f'{r:7.1e}' for r in ratios))
    dead, saturated = monitor(model, monitor_x)
MONITOR_PRINT


def train(steps, record=None, record_every=0):
    """record: from recorder_for (--record), to write every record_every-th step as a recording."""
    generator = torch.Generator().manual_seed(SEED)
    train_x, train_y, validation_x, validation_y = load_data(generator)
    if train_x.shape[1] != INPUT_DIM:
        raise SystemExit(f'the data has {train_x.shape[1]} inputs, the network {INPUT_DIM}')
    monitor_x = train_x[torch.randperm(len(train_x), generator=generator)[:MONITOR_ROWS]]
    torch.manual_seed(SEED)
    model = MLP()
    initialize(model, monitor_x)  # LSUV calibrates on the monitoring batch, as the page's trainer does
    optimizer = make_optimizer(model)
    # About 100 recorded steps by default: a .alab.json file is read whole.
    recorder = record(model, every=record_every or max(1, steps // 100)) if record else None
    if recorder is not None:
        recorder.attach_optimizer(optimizer)  # update:data is measured around optimizer.step()
    try:
        data = (train_x, train_y, validation_x, validation_y)
        run_steps(model, optimizer, steps, recorder, data, monitor_x, generator)
    finally:
        if recorder is not None:
            recorder.close()  # writes the file, also when training diverged or was interrupted


def run_steps(model, optimizer, steps, recorder, data, monitor_x, generator):
    train_x, train_y, validation_x, validation_y = data
    sampler = BatchSampler(len(train_x), generator)
    log_every = max(1, steps // 20)
    print(f'Training: {OPTIMIZER}, learning rate {LEARNING_RATE:g}, L2 {L2:g}, batch {BATCH_SIZE}, {steps} steps')
    for step in range(1, steps + 1):
        rows = sampler.next(BATCH_SIZE)
        logits = model(train_x[rows])
        loss = F.cross_entropy(logits, train_y[rows]) + l2_penalty(model)
        if not math.isfinite(loss.item()):
            print(f'step {step}: the loss is {loss.item()}: training diverged; lower the learning rate (try {LEARNING_RATE / 10:g})')
            return
        optimizer.zero_grad()
        loss.backward()
        logging = step == 1 or step % log_every == 0 or step == steps
        accuracy = None
        if logging or recorder is not None:
            accuracy = (logits.argmax(dim=1) == train_y[rows]).double().mean().item()
        if recorder is not None:
            recorder.log_metrics(loss=loss.item(), accuracy=accuracy)
        before = [w.detach().clone() for w in model.weight_matrices()[:DEPTH]] if logging else None
        optimizer.step()
        if logging:
            report(step, loss.item(), accuracy, model, before, monitor_x, validation_x, validation_y)`;

/** The loop; with dropout, the monitoring batch runs without it (as the page's trainer does). */
function loopSource(network: NetworkConfig, monitorPrint: string): string {
  const dropout = Boolean(network.dropout);
  return LOOP_SOURCE.replace('MONITOR_PRINT', monitorPrint)
    .replace('MONITOR_DROPOUT_OFF', dropout ? '\n    set_dropout(model, False)' : '')
    .replace('MONITOR_DROPOUT_ON', dropout ? '\n    set_dropout(model, True)' : '');
}

/** The training section of the script: constants, data, optimizer, loop. */
export function trainingSource(network: NetworkConfig, training: ResolvedTraining): string {
  const monitorPrint =
    monitorLines(network) || '    del dead, saturated  # neither applies to this activation';
  const data = dataSource(training.data);
  // Two blank lines before a def (PEP 8) when the data section starts with one.
  const dataGap = data.startsWith('def') ? '\n\n' : '';
  return `# --- Training ---------------------------------------------------------------------------

OPTIMIZER = ${pyString(training.optimizer)}
LEARNING_RATE = ${pyFloat(training.learningRate)}
L2 = ${pyFloat(training.l2)}
${training.weightDecay ? `WEIGHT_DECAY = ${pyFloat(training.weightDecay)}  # AdamW's, on the weight matrices\n` : ''}BATCH_SIZE = ${pyInt(training.batchSize)}
STEPS = ${pyInt(training.steps)}
MONITOR_ROWS = ${pyInt(MONITOR_ROWS)}  # the fixed batch the page measures dead and saturated units on
${dataGap}${data}


${optimizerSource(training)}


${loopSource(network, monitorPrint)}`;
}
