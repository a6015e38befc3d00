/**
 * Hyperparameter search in the worker: grid and random trials with the same budget over
 * learning rate × L2 in log space, interleaved so both progress together; each trial a short
 * training run. Between trials it yields, so Cancel (or a newer search) stops it.
 */
import { gridTrials, randomTrials, runTrial, type Trial } from '../engine/claims/hyperparameters';
import type { NetworkConfig } from '../engine/config';
import { errorMessage } from '../engine/format';
import { loadDataset } from './datasets';
import { WorkerJob } from './job';
import type { SearchRequest } from './protocol';

export class SearchSession extends WorkerJob {
  async run(request: SearchRequest, digitsUrl: string): Promise<void> {
    const stale = this.begin();
    try {
      const dataset = await loadDataset(request.data, request.network.seed, digitsUrl);
      const network: NetworkConfig = {
        ...request.network,
        inputDim: dataset.inputDim,
        classes: dataset.classes,
      };
      const grid = gridTrials(request.budget, request.space);
      const random = randomTrials(grid.length, request.space, request.network.seed);
      const all: { method: 'grid' | 'random'; trial: Trial }[] = [];
      for (let i = 0; i < grid.length; i++)
        all.push({ method: 'grid', trial: grid[i] }, { method: 'random', trial: random[i] });
      // Several workers split the queue; each runs every count-th trial.
      const { index, count } = request.shard;
      const queue = all.filter((_, i) => i % count === index);
      for (let done = 0; done < queue.length; done++) {
        await this.yieldToMessages();
        if (stale()) break;
        const { method, trial } = queue[done];
        const outcome = runTrial(
          this.ownKernels(),
          network,
          request.training,
          trial,
          dataset,
          request.steps,
        );
        this.post({
          type: 'search-progress',
          id: request.id,
          method,
          outcome,
          done: done + 1,
          total: all.length,
        });
      }
      this.post({ type: 'search-done', id: request.id, cancelled: stale(), error: null });
    } catch (error) {
      const message = errorMessage(error);
      this.post({ type: 'search-done', id: request.id, cancelled: false, error: message });
    }
  }
}
