/**
 * The worker's one cancellation scheme, shared by every job (probe passes, training runs, the
 * babysitting checklist, the search): a run takes a ticket with `begin()`; a newer run or a
 * `cancel` request (protocol.ts `CancelRequest`) bumps the generation, and the ticket's test turns
 * true. Jobs look at it between layers or steps, so a superseded run stops within one of them.
 */
export type Stale = () => boolean;

export class Generation {
  private current = 0;

  /** Starts a run: returns a test that is true once the run was cancelled or superseded. */
  begin(): Stale {
    const generation = ++this.current;
    return () => generation !== this.current;
  }

  /** Makes every run begun so far stale. */
  cancel(): void {
    this.current++;
  }
}
