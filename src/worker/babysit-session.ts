/** The babysitting checklist in the worker: one step at a time, cancelled between steps. */
import { babysit } from '../engine/babysitting';
import type { NetworkConfig } from '../engine/config';
import { errorMessage } from '../engine/format';
import { loadDataset } from './datasets';
import { WorkerJob } from './job';
import type { BabysitRequest } from './protocol';

export class BabysitSession extends WorkerJob {
  async run(request: BabysitRequest, digitsUrl: string): Promise<void> {
    const stale = this.begin();
    try {
      const dataset = await loadDataset(request.data, request.network.seed, digitsUrl);
      const network: NetworkConfig = {
        ...request.network,
        inputDim: dataset.inputDim,
        classes: dataset.classes,
      };
      const steps = babysit(this.ownKernels(), network, request.training, dataset);
      for (;;) {
        await this.yieldToMessages();
        if (stale()) break;
        const next = steps.next();
        if (next.done) break;
        this.post({ type: 'babysit-step', id: request.id, step: next.value });
      }
      this.post({ type: 'babysit-done', id: request.id, cancelled: stale(), error: null });
    } catch (error) {
      this.post({
        type: 'babysit-done',
        id: request.id,
        cancelled: false,
        error: errorMessage(error),
      });
    }
  }
}
