/**
 * The TensorFlow.js peer runs the workloads listed in workloads.ts; their names carry their
 * shapes, so the peer reads the shapes from the names instead of keeping a second list that
 * could drift (a workload added there is run here too).
 *
 *   forward-<depth>x<width>-b<batch>  tanh layers, Xavier, input = width, forward only
 *   train-<depth>x<width>-b<batch>    ReLU layers, He, input = width, 10 classes, one SGD step
 *   matmul-<n>                        one n×n by n×n product
 */

export const TRAIN_CLASSES = 10;

export type WorkloadShape =
  | { kind: 'forward' | 'train'; depth: number; width: number; batch: number }
  | { kind: 'matmul'; n: number };

const MLP_NAME = /^(forward|train)-([1-9]\d*)x([1-9]\d*)-b([1-9]\d*)$/;
const MATMUL_NAME = /^matmul-([1-9]\d*)$/;

/** The shape a workload name describes, or undefined for a name the peer does not know. */
export function parseWorkloadName(name: string): WorkloadShape | undefined {
  const mlp = MLP_NAME.exec(name);
  if (mlp) {
    const [, kind, depth, width, batch] = mlp;
    return {
      kind: kind as 'forward' | 'train',
      depth: Number(depth),
      width: Number(width),
      batch: Number(batch),
    };
  }
  const matmul = MATMUL_NAME.exec(name);
  if (matmul) return { kind: 'matmul', n: Number(matmul[1]) };
  return undefined;
}
