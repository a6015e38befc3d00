/**
 * The recording format, version 1 (docs/recording-format.md, docs/recording.schema.json), as zod
 * schemas and the types inferred from them: one definition for the reader (parse.ts), the
 * writer of the lab's own runs (from-lab.ts) and the page's recording view. Only the worker and
 * Node import the schemas; the page imports the types.
 */
import { z } from 'zod';
import { ACTIVATIONS } from '../config';

export const RECORDING_FORMAT = 'activation-lab-recording';
export const RECORDING_VERSION = 1;
/** Limits the format states (docs/recording-format.md, "Limits"). */
export const MAX_BINS = 1000;
export const MAX_LAYERS = 1000;
/** Files above this are refused before they are read: the JSON variant is parsed whole. */
export const MAX_RECORDING_BYTES = 512 * 1024 * 1024;

/** JSON has no NaN or ±Infinity: the writers put null there. */
const number = z.number().nullable();
const fraction = z.number().min(0).max(1).nullable();
const count = z.number().int().min(0);
const name = z.string().min(1).max(200);

export const layerSchema = z.strictObject({
  name,
  kind: z.enum(['linear', 'conv1d', 'conv2d', 'dense']),
  units: z.number().int().min(1).nullable(),
  weight: z.string().nullable(),
  weight_shape: z.array(z.number().int().min(0)).nullable(),
  norm: z.strictObject({ name: z.string(), kind: z.enum(['batchnorm', 'layernorm']) }).nullable(),
  activation: z.enum(ACTIVATIONS).nullable(),
  activation_module: z.string().nullable(),
});

export const binDefinitionSchema = z.strictObject({
  mode: z.enum(['linear', 'log10abs']),
  low: z.number(),
  high: z.number(),
  count: z.number().int().min(1).max(MAX_BINS),
  edges: z
    .array(z.number())
    .min(2)
    .max(MAX_BINS + 1),
});
const binsSchema = z.record(z.string(), binDefinitionSchema);

const moments = z.strictObject({ mean: number, std: number }).nullable();
const histogramSchema = z
  .strictObject({
    bins: z.string(),
    counts: z.array(count).max(MAX_BINS),
    under: count,
    over: count,
    non_finite: count,
  })
  .nullable();

export const layerStepSchema = z.strictObject({
  layer: z.number().int().min(1),
  name,
  preact: moments,
  act: moments,
  saturated: fraction,
  dead: fraction,
  grad_act_std: number,
  grad_w_std: number,
  w_std: number,
  grad_data_ratio: number,
  non_finite: count,
  theory: z.strictObject({ act_std: number, grad_act_std: number }).nullable().optional(),
  histograms: z.strictObject({ act: histogramSchema, grad: histogramSchema }),
});

export const stepSchema = z.strictObject({
  step: z.number().int().min(0),
  loss: number,
  accuracy: fraction,
  layers: z.array(layerStepSchema).max(MAX_LAYERS),
  update_data: z.record(z.string(), number),
  new_layers: z.array(layerSchema).optional(),
  new_bins: binsSchema.optional(),
});

const producerSchema = z.looseObject({ name: z.string(), version: z.string().optional() });
const modelSchema = z.strictObject({
  name: z.string().nullable(),
  layers: z.array(layerSchema).max(MAX_LAYERS),
  config: z.record(z.string(), z.unknown()).nullable(),
});

const headerFields = {
  format: z.literal(RECORDING_FORMAT),
  version: z.literal(RECORDING_VERSION),
  source: z.enum(['pytorch', 'numpy', 'activation-lab']),
  producer: producerSchema,
  model: modelSchema,
  bins: binsSchema,
};
export const headerSchema = z.strictObject(headerFields);
export const recordingSchema = z.strictObject({ ...headerFields, steps: z.array(stepSchema) });

export type RecordingLayer = z.infer<typeof layerSchema>;
export type BinDefinition = z.infer<typeof binDefinitionSchema>;
export type RecordedHistogram = NonNullable<z.infer<typeof histogramSchema>>;
export type RecordedLayerStep = z.infer<typeof layerStepSchema>;
export type RecordedStep = z.infer<typeof stepSchema>;
export type RecordingHeader = z.infer<typeof headerSchema>;
/** A whole recording, as the JSON variant holds it (a JSON-lines file is read into this). */
export type Recording = z.infer<typeof recordingSchema>;
