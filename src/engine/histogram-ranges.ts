/**
 * The histograms' bins and ranges, defined once. The probe and the training monitor draw
 * log10 |∂L/∂h| over different ranges: the probe shows a network at initialization, where a bad
 * setting makes gradients vanish over many more decades than a network that trains at all.
 */

/** Bins of the activation histograms (probe and training). */
export const ACTIVATION_BINS = 50;
/** Bins of the probe's linear gradient histograms (±4 std of the layer's gradient). */
export const PROBE_GRADIENT_BINS = 41;
/** The probe's log10 |∂L/∂h|, 1e-18 to 1e4: vanishing gradients at init span many decades. */
export const PROBE_GRADIENT_LOG_RANGE: [number, number] = [-18, 4];
/** Four bins a decade over PROBE_GRADIENT_LOG_RANGE. */
export const PROBE_GRADIENT_LOG_BINS = 88;
/** The training monitor's log10 |∂L/∂h|, 1e-12 to 1e2, four bins a decade. */
export const TRAINING_GRADIENT_LOG_RANGE: [number, number] = [-12, 2];
