/**
 * Runs the lecture's claims in the worker, one at a time, on kernels of their own (each check
 * builds its networks from the start of that heap). A check is synchronous: 0.03–2 s.
 */
import { findClaim, needsDigits } from '../engine/claims';
import type { Kernels } from '../engine/kernels/kernels';
import { errorMessage } from '../engine/format';
import { loadDigitsBytes } from './digits';
import type { ClaimCheckRequest, WorkerMessage } from './protocol';

export class ClaimSession {
  private kernels: Kernels | null = null;

  constructor(
    private readonly createKernels: () => Kernels,
    private readonly post: (message: WorkerMessage) => void,
  ) {}

  async check(request: ClaimCheckRequest, digitsUrl: string): Promise<void> {
    const claim = findClaim(request.claim);
    const variant = request.variant ?? 'claim';
    if (!claim) {
      this.post({
        type: 'claim-result',
        id: request.id,
        claim: request.claim,
        variant,
        result: null,
        error: `unknown claim "${request.claim}"`,
      });
      return;
    }
    try {
      const digits = needsDigits([claim]) ? await loadDigitsBytes(digitsUrl) : undefined;
      this.kernels ??= this.createKernels();
      const result = claim.check(this.kernels, { digits, variant });
      const { id } = request;
      this.post({ type: 'claim-result', id, claim: claim.id, variant, result, error: null });
    } catch (error) {
      this.post({
        type: 'claim-result',
        id: request.id,
        claim: claim.id,
        variant,
        result: null,
        error: errorMessage(error),
      });
    }
  }
}
