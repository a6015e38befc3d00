/**
 * Every job stops the same way (generation.ts): these run the worker's sessions in Node and
 * check that a newer request or a cancel stops the running one between layers or steps.
 */
import { describe, expect, it } from 'vitest';
import { LECTURE_NETWORK } from '../engine/config';
import { createKernels } from '../engine/kernels';
import { DEFAULT_STATE } from '../store/page-state';
import { requestsOf, type TrainingRun } from '../store/requests';
import { ProbeSession } from './probe-session';
import type { WorkerMessage } from './protocol';
import { TrainingSession } from './training-session';

const network = { ...LECTURE_NETWORK, depth: 4, width: 32 };
const yieldToMessages = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function trainingRun(): TrainingRun {
  const { current } = requestsOf({
    ...DEFAULT_STATE,
    network,
    batch: 32,
    data: { ...DEFAULT_STATE.data, name: 'spiral' },
  });
  if (current.kind !== 'train') throw new Error('expected a training run');
  return current;
}

function trainingSession() {
  const frames: WorkerMessage[] = [];
  const session = new TrainingSession(
    () => createKernels('ts'),
    (message) => {
      if (message.type === 'train-frame') frames.push(message);
    },
    yieldToMessages,
  );
  const { network: net, training, data, speed } = trainingRun();
  const setup = (id: number) =>
    session.setup(
      { type: 'train-setup', id, slot: 'current', network: net, training, data, speed },
      '',
    );
  return { session, frames, setup };
}

describe('one cancellation scheme', () => {
  it('cancel stops a training loop: no frame after the one in flight', async () => {
    const { session, frames, setup } = trainingSession();
    await setup(1);
    session.control(1, 'play');
    await sleep(150);
    expect(frames.length).toBeGreaterThan(1);
    session.cancel();
    await sleep(60);
    const afterCancel = frames.length;
    await sleep(200);
    expect(frames.length).toBe(afterCancel);
  });

  it('a run cancelled while its data set loads never starts', async () => {
    const { session, frames, setup } = trainingSession();
    const loading = setup(1);
    session.cancel();
    await loading;
    session.control(1, 'play');
    await sleep(100);
    expect(frames).toHaveLength(0);
  });

  it('a newer probe pass supersedes the running one between layers', async () => {
    const messages: WorkerMessage[] = [];
    const probe = new ProbeSession(createKernels('ts'), (message) => messages.push(message));
    const request = { type: 'probe', slot: 'current', config: network, batch: 64 } as const;
    const first = probe.run({ ...request, id: 1 }, yieldToMessages);
    const second = probe.run({ ...request, id: 2 }, yieldToMessages);
    await Promise.all([first, second]);
    const done = messages.filter((m) => m.type === 'done').map((m) => m.id);
    expect(done).toEqual([2]);
    const firstForwards = messages.filter((m) => m.type === 'forward' && m.id === 1);
    expect(firstForwards.length).toBeLessThan(network.depth);
  });

  it('cancel drops a probe pass', async () => {
    const messages: WorkerMessage[] = [];
    const probe = new ProbeSession(createKernels('ts'), (message) => messages.push(message));
    const pass = probe.run(
      { type: 'probe', id: 1, slot: 'current', config: network, batch: 64 },
      yieldToMessages,
    );
    probe.cancel();
    await pass;
    expect(messages.some((m) => m.type === 'done')).toBe(false);
  });
});
