/**
 * The typed messages between the page and the engine's worker. Every request carries an id;
 * a newer request makes the worker drop older work between layers. Results stream layer by
 * layer and hold only statistics and histogram counts, never whole tensors.
 */
import type { NetworkConfig } from '../engine/config';
import type { Diagnosis } from '../engine/diagnosis';
import type { NonFinite } from '../engine/network';
import type { Histogram, LayerStats } from '../engine/stats';
import type { LayerTheory } from '../engine/theory';

export type BackendChoice = 'ts' | 'wasm';

export interface ProbeRequest {
  type: 'probe';
  id: number;
  config: NetworkConfig;
  batch: number;
}

/** Testing aid: makes the worker die as a real crash would (an uncaught error). */
export interface CrashRequest {
  type: 'crash';
}

/** The first message: which backend to run ('auto' takes wasm where SIMD works). */
export interface InitRequest {
  type: 'init';
  backend: BackendChoice | 'auto';
}

export type WorkerRequest = InitRequest | ProbeRequest | CrashRequest;

/** Sent once the engine exists. */
export interface HelloMessage {
  type: 'hello';
  backend: BackendChoice;
  variant: string;
}

/** The pass has begun: the theory curve and the histograms' x-ranges. */
export interface StartMessage {
  type: 'start';
  id: number;
  theory: LayerTheory[];
  actRange: [number, number];
  gradLogRange: [number, number];
  memoryBytes: number;
}

export interface ForwardMessage {
  type: 'forward';
  id: number;
  /** 1-based. */
  layer: number;
  stats: LayerStats;
  actHistogram: Histogram;
}

export interface BackwardMessage {
  type: 'backward';
  id: number;
  layer: number;
  stats: LayerStats;
  gradHistogram: Histogram;
  gradLogHistogram: Histogram;
}

export interface DoneMessage {
  type: 'done';
  id: number;
  loss: number;
  elapsedMs: number;
  nonFinite: NonFinite | null;
  /** Mean-field prediction of std(∂L/∂h) per layer, anchored at the measured top layer. */
  gradTheory: number[];
  diagnosis: Diagnosis;
}

export interface ErrorMessage {
  type: 'error';
  id: number;
  field: string | null;
  message: string;
}

export type WorkerMessage =
  HelloMessage | StartMessage | ForwardMessage | BackwardMessage | DoneMessage | ErrorMessage;
