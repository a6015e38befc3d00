/** The babysitting checklist in the worker: one step at a time, cancelled between steps. */
import { babysit } from '../engine/babysitting';
import type { NetworkConfig } from '../engine/config';
import type { Kernels } from '../engine/kernels/kernels';
import { buildDataset } from './datasets';
import type { BabysitRequest, WorkerMessage } from './protocol';

export class BabysitSession {
  private kernels: Kernels | null = null;
  private latestId = 0;

  constructor(
    private readonly createKernels: () => Kernels,
    private readonly post: (message: WorkerMessage) => void,
    private readonly yieldToMessages: () => Promise<void>,
  ) {}

  cancel(): void {
    this.latestId++;
  }

  async run(request: BabysitRequest): Promise<void> {
    const id = ++this.latestId;
    try {
      const dataset = await buildDataset(request.data, request.network.seed, request.digitsUrl);
      const network: NetworkConfig = {
        ...request.network,
        inputDim: dataset.inputDim,
        classes: dataset.classes,
      };
      this.kernels ??= this.createKernels();
      const steps = babysit(this.kernels, network, request.training, dataset);
      for (;;) {
        await this.yieldToMessages();
        if (id !== this.latestId) break;
        const next = steps.next();
        if (next.done) break;
        this.post({ type: 'babysit-step', id: request.id, step: next.value });
      }
      this.post({
        type: 'babysit-done',
        id: request.id,
        cancelled: id !== this.latestId,
        error: null,
      });
    } catch (error) {
      this.post({
        type: 'babysit-done',
        id: request.id,
        cancelled: false,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
