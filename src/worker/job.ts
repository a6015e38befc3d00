/**
 * A cancellable job in the worker (the babysitting checklist, the hyperparameter search): kernels
 * of its own, made on first use, and a generation counter that Cancel or a newer run bumps.
 */
import type { Kernels } from '../engine/kernels/kernels';
import type { WorkerMessage } from './protocol';

export abstract class WorkerJob {
  private kernels: Kernels | null = null;
  private generation = 0;

  constructor(
    private readonly createKernels: () => Kernels,
    protected readonly post: (message: WorkerMessage) => void,
    protected readonly yieldToMessages: () => Promise<void>,
  ) {}

  cancel(): void {
    this.generation++;
  }

  /** Starts a run: returns a test that is true once the run was cancelled or superseded. */
  protected begin(): () => boolean {
    const generation = ++this.generation;
    return () => generation !== this.generation;
  }

  protected ownKernels(): Kernels {
    this.kernels ??= this.createKernels();
    return this.kernels;
  }
}
