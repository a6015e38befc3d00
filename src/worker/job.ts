/**
 * A cancellable job in the worker (the babysitting checklist, the hyperparameter search): kernels
 * of its own, made on first use, and the worker's one cancellation scheme (generation.ts).
 */
import type { Kernels } from '../engine/kernels/kernels';
import { Generation, type Stale } from './generation';
import type { WorkerMessage } from './protocol';

export abstract class WorkerJob {
  private kernels: Kernels | null = null;
  private readonly runs = new Generation();

  constructor(
    private readonly createKernels: () => Kernels,
    protected readonly post: (message: WorkerMessage) => void,
    protected readonly yieldToMessages: () => Promise<void>,
  ) {}

  cancel(): void {
    this.runs.cancel();
  }

  /** Starts a run: returns a test that is true once the run was cancelled or superseded. */
  protected begin(): Stale {
    return this.runs.begin();
  }

  protected ownKernels(): Kernels {
    this.kernels ??= this.createKernels();
    return this.kernels;
  }
}
