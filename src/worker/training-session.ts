/**
 * A training run in the worker: builds the data set and the Trainer, runs steps in slices of
 * about 10 ms between which it yields to the message queue (so Pause lands within a slice), and
 * posts frames of everything the training view draws at most every FRAME_MS (20 times a second).
 */
import { ConfigError, type NetworkConfig } from '../engine/config';
import type { Kernels } from '../engine/kernels/kernels';
import { diagnoseTraining } from '../engine/diagnosis';
import { errorMessage } from '../engine/format';
import { loadDataset } from './datasets';
import { Generation } from './generation';
import { layerHistogram } from '../engine/stats';
import { Trainer } from '../engine/trainer';
import type {
  ProbeSlot,
  RegionsFrame,
  SamplesFrame,
  TrainFrame,
  TrainSetupRequest,
  WorkerMessage,
} from './protocol';

const SLICE_MS = 10;
// 20 frames a second: smooth to the eye, and leaves the main thread time to stay at 60 fps.
const FRAME_MS = 50;
const SERIES_EVERY_MS = 250;
const REGIONS_EVERY_MS = 250;
const SAMPLES_EVERY_MS = 500;
const VALIDATE_EVERY_MS = 1000;
const GRID = 64;
const SAMPLE_DIGITS = 10;

export class TrainingSession {
  private trainer: Trainer | null = null;
  /** A newer setup or a cancel makes a run that is still loading its data set stale. */
  private readonly runs = new Generation();
  private ownKernels: Kernels | null = null;
  private id = 0;
  private running = false;
  private loopActive = false;
  private lastFrame = 0;
  private lastSeries = 0;
  private lastRegions = 0;
  private lastSamples = 0;
  private lastValidation = 0;
  private validation: { loss: number; accuracy: number } | null = null;
  private stepTimes: number[] = [];
  private speed = 0;
  private playAfterSetup = false;
  private paceStart = 0;
  private paceSteps = 0;
  /** Dead fractions at step 0, to tell units dying during training from those dead at init. */
  private deadAtStart: number[] = [];

  constructor(
    private readonly kernels: () => Kernels,
    private readonly post: (message: WorkerMessage, transfer?: ArrayBuffer[]) => void,
    private readonly yieldToMessages: () => Promise<void>,
    private readonly slot: ProbeSlot = 'current',
  ) {}

  async setup(request: TrainSetupRequest, digitsUrl: string): Promise<void> {
    const stale = this.runs.begin();
    this.running = false;
    this.id = request.id;
    // Controls for this run that arrive while the data set loads must not reach the old run.
    this.trainer = null;
    this.playAfterSetup = false;
    try {
      const dataset = await loadDataset(request.data, request.network.seed, digitsUrl);
      if (stale()) return;
      const network: NetworkConfig = {
        ...request.network,
        inputDim: dataset.inputDim,
        classes: dataset.classes,
      };
      this.trainer = null;
      // One kernels instance for every run: a new Trainer lays its heap out again from the start.
      this.ownKernels ??= this.kernels();
      this.trainer = new Trainer(network, request.training, dataset, this.ownKernels);
      this.setSpeed(request.speed);
      if (this.playAfterSetup) {
        this.playAfterSetup = false;
        this.control(request.id, 'play');
      }
      this.validation = null;
      this.stepTimes = [];
      this.frame(true);
    } catch (error) {
      if (stale()) return;
      this.trainer = null;
      const field = error instanceof ConfigError ? error.field : null;
      this.post({
        slot: this.slot,
        type: 'error',
        id: request.id,
        field,
        message: errorMessage(error),
      });
    }
  }

  configure(id: number, training: TrainSetupRequest['training'], speed: number): void {
    if (id !== this.id || !this.trainer) return;
    this.setSpeed(speed);
    try {
      this.trainer.setTraining(training);
    } catch (error) {
      this.post({
        slot: this.slot,
        type: 'error',
        id,
        field: error instanceof ConfigError ? error.field : null,
        message: errorMessage(error),
      });
    }
  }

  control(id: number, action: 'play' | 'pause' | 'step' | 'reset'): void {
    const trainer = this.trainer;
    // Play pressed while the run is still being built (e.g. the tour's "Show me"): start after.
    if (id === this.id && !trainer) this.playAfterSetup = action === 'play';
    if (id !== this.id || !trainer) return;
    if (action === 'pause') {
      this.running = false;
      this.frame(true);
    } else if (action === 'step') {
      this.running = false;
      trainer.step();
      this.recordStep();
      this.frame(true);
    } else if (action === 'reset') {
      this.running = false;
      trainer.reset();
      this.validation = null;
      this.stepTimes = [];
      this.frame(true);
    } else if (!trainer.divergence) {
      this.running = true;
      if (!this.loopActive) void this.loop();
    }
  }

  /** Applies a control to whatever run this session holds (the pinned run follows the current). */
  controlCurrent(action: 'play' | 'pause' | 'step' | 'reset'): void {
    this.control(this.id, action);
  }

  /** Leaves training: the loop ends within a slice, a run still loading never starts. */
  cancel(): void {
    this.runs.cancel();
    this.running = false;
    this.trainer = null;
  }

  /** Restarts the pacing clock: a new speed counts from now. */
  private setSpeed(speed: number): void {
    this.speed = speed;
    this.paceStart = performance.now();
    this.paceSteps = 0;
  }

  private async loop(): Promise<void> {
    this.loopActive = true;
    this.setSpeed(this.speed);
    try {
      while (this.running && this.trainer) {
        const trainer = this.trainer;
        const start = performance.now();
        const sliceEnd = start + SLICE_MS;
        // With a speed cap, only the steps that are due by now; otherwise a whole slice.
        const due =
          this.speed > 0
            ? Math.floor(((start - this.paceStart) * this.speed) / 1000) - this.paceSteps
            : Infinity;
        let taken = 0;
        while (
          taken < due &&
          !trainer.divergence &&
          (taken === 0 || performance.now() < sliceEnd)
        ) {
          trainer.step();
          this.recordStep();
          taken++;
        }
        this.paceSteps += taken;
        if (trainer.divergence) this.running = false;
        this.frame(!this.running);
        if (taken === 0)
          await new Promise((resolve) =>
            setTimeout(resolve, Math.min(FRAME_MS, 1000 / this.speed)),
          );
        else await this.yieldToMessages();
      }
    } finally {
      this.loopActive = false;
    }
  }

  private recordStep(): void {
    const now = performance.now();
    this.stepTimes.push(now);
    while (this.stepTimes.length > 0 && this.stepTimes[0] < now - 1000) this.stepTimes.shift();
  }

  /** Posts a frame when one is due (or `force`): monitor statistics plus what is due. */
  private frame(force: boolean): void {
    const trainer = this.trainer;
    if (!trainer) return;
    const now = performance.now();
    if (!force && now - this.lastFrame < FRAME_MS) return;
    this.lastFrame = now;
    if (force || now - this.lastValidation >= VALIDATE_EVERY_MS) {
      this.lastValidation = now;
      if (!trainer.divergence) this.validation = trainer.evaluate();
    }
    const monitor = trainer.monitor();
    if (trainer.last.step === 0) this.deadAtStart = monitor.layers.map((l) => l.dead);
    const net = trainer.net;
    const gradHistograms = monitor.layers.map((stats, i) => {
      const spread =
        stats.grad_act_std > 0 && Number.isFinite(stats.grad_act_std) ? 4 * stats.grad_act_std : 1;
      return layerHistogram(net, i, 'grad', -spread, spread, 41);
    });
    const seriesDue = force || now - this.lastSeries >= SERIES_EVERY_MS;
    if (seriesDue) this.lastSeries = now;
    const regionsDue = force || now - this.lastRegions >= REGIONS_EVERY_MS;
    if (regionsDue) this.lastRegions = now;
    const samplesDue = force || now - this.lastSamples >= SAMPLES_EVERY_MS;
    if (samplesDue) this.lastSamples = now;
    const history = trainer.history;
    const message: TrainFrame = {
      type: 'train-frame',
      slot: this.slot,
      id: this.id,
      running: this.running,
      step: trainer.last.step,
      stepsPerSecond: this.running ? this.stepTimes.length : 0,
      dataTitle: trainer.dataset.title,
      inputDim: trainer.dataset.inputDim,
      classes: trainer.dataset.classes,
      trainCount: trainer.dataset.train.count,
      loss: trainer.last.loss,
      accuracy: trainer.last.accuracy,
      validation: this.validation,
      layers: monitor.layers,
      actRange: monitor.activationHistograms[0]
        ? [monitor.activationHistograms[0].low, monitor.activationHistograms[0].high]
        : [0, 1],
      actHistograms: monitor.activationHistograms,
      gradHistograms,
      gradLogHistograms: monitor.gradientHistograms,
      firing: monitor.firing,
      series: seriesDue
        ? {
            loss: history.loss.data(),
            accuracy: history.accuracy.data(),
            validationLoss: history.validationLoss.data(),
            validationAccuracy: history.validationAccuracy.data(),
            dead: history.layers.map((l) => l.dead.data()),
            saturated: history.layers.map((l) => l.saturated.data()),
            updateRatio: history.layers.map((l) => l.updateRatio.data()),
            actSnapshots: history.layers.map((l) =>
              l.activations.snapshots.map((s) => ({ step: s.step, histogram: s.value })),
            ),
            gradSnapshots: history.layers.map((l) =>
              l.gradients.snapshots.map((s) => ({ step: s.step, histogram: s.value })),
            ),
          }
        : null,
      regions: regionsDue && trainer.dataset.inputDim === 2 ? this.regions(trainer) : null,
      samples: samplesDue && trainer.dataset.images ? this.samples(trainer) : null,
      diverged: trainer.divergence,
      diagnosis: diagnoseTraining(
        trainer.network,
        trainer.training,
        monitor.layers,
        this.deadAtStart,
        trainer.divergence,
      ),
    };
    this.post(
      message,
      message.firing.map((f) => f.buffer as ArrayBuffer),
    );
  }

  private regions(trainer: Trainer): RegionsFrame {
    const { train } = trainer.dataset;
    let xMin = Infinity;
    let xMax = -Infinity;
    let yMin = Infinity;
    let yMax = -Infinity;
    for (let r = 0; r < train.count; r++) {
      xMin = Math.min(xMin, train.x[2 * r]);
      xMax = Math.max(xMax, train.x[2 * r]);
      yMin = Math.min(yMin, train.x[2 * r + 1]);
      yMax = Math.max(yMax, train.x[2 * r + 1]);
    }
    const padX = 0.1 * (xMax - xMin || 1);
    const padY = 0.1 * (yMax - yMin || 1);
    [xMin, xMax, yMin, yMax] = [xMin - padX, xMax + padX, yMin - padY, yMax + padY];
    const cells = new Float32Array(GRID * GRID * 2);
    for (let row = 0; row < GRID; row++) {
      for (let col = 0; col < GRID; col++) {
        const i = row * GRID + col;
        cells[2 * i] = xMin + ((col + 0.5) / GRID) * (xMax - xMin);
        cells[2 * i + 1] = yMax - ((row + 0.5) / GRID) * (yMax - yMin);
      }
    }
    const classes = new Uint8Array(GRID * GRID);
    const confidence = new Float32Array(GRID * GRID);
    trainer.predict(cells, classes, confidence);
    const x = new Float32Array(train.count);
    const y = new Float32Array(train.count);
    for (let r = 0; r < train.count; r++) {
      x[r] = train.x[2 * r];
      y[r] = train.x[2 * r + 1];
    }
    return {
      grid: { width: GRID, height: GRID, xMin, xMax, yMin, yMax, classes, confidence },
      points: { x, y, label: train.y.slice() },
    };
  }

  private samples(trainer: Trainer): SamplesFrame {
    const { validation, images } = trainer.dataset;
    const count = Math.min(SAMPLE_DIGITS, validation.count);
    const dim = trainer.dataset.inputDim;
    const predicted = new Uint8Array(count);
    trainer.predict(validation.x.subarray(0, count * dim), predicted);
    return {
      images: images!.validation.slice(0, count * images!.width * images!.height),
      width: images!.width,
      height: images!.height,
      count,
      truth: validation.y.slice(0, count),
      predicted,
    };
  }
}
