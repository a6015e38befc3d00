/**
 * The page side of ../babysitting.ts: its claims' texts, scenes and charts, and the runs its checks
 * share (the checks import them from here; nothing here imports a check).
 */
import { claimInfo } from './define';
import { DIGITS, sgd, twoLayerNet } from './babysitting-runs';
import { trainingScene } from './scenes';

export const L2 = 1;

export const INITIAL_LOSS_INFO = claimInfo({
  id: 'babysit-initial-loss',
  chapter: 'babysitting',
  title: 'Sanity check: the initial loss is ln C',
  explanation:
    'With small weights the scores are all near zero, so softmax gives each of the C classes probability 1/C and the cross-entropy is −ln(1/C) = ln C: 2.30 for the ten digits. A first loss far from it points to a bug or to weights that are too large. Two-layer network (50 hidden ReLUs, weights 0.01·N(0,1)), regularization off.',
  expected:
    'With small (0.01·N(0,1)) weights, on each of 3 seeds, before any training: the validation loss is within 0.02 of ln 10 = 2.303 on the digits and within 0.02 of ln 3 = 1.099 on the 3-arm spiral.',
  show: trainingScene({ network: twoLayerNet(1), training: sgd(1e-2) }, DIGITS, {
    train: false,
    panel: 'babysitting',
  }),
  control: {
    description: 'large (N(0,1)) weights, whose scores are far from 0',
    show: trainingScene(
      { network: twoLayerNet(1, { init: 'large' }), training: sgd(1e-2) },
      DIGITS,
      { train: false, panel: 'babysitting' },
    ),
  },
  kind: 'demonstration',
  demonstration:
    'with 0.01-scale weights every score is within about 0.01 of 0, so softmax is near uniform and the loss is ln C in any correct engine: a sanity check of the implementation, shown for what it looks for; the control shows the same check failing.',
});

export const REGULARIZATION_INFO = claimInfo({
  id: 'babysit-reg-raises-loss',
  chapter: 'babysitting',
  title: 'Sanity check: regularization raises the loss',
  explanation:
    'Turning L2 regularization up adds ½λ·ΣW² to the loss, so before any training the loss must go up by exactly that term. If it does not, the regularization is not wired in. Same two-layer network on the digits, λ = 1.',
  expected: `With L2 strength λ = ${L2}, on each of 3 seeds, before any training: the loss is higher than with λ = 0, by ½λ·ΣW² computed from the weights (within 0.1 % of the loss).`,
  show: trainingScene({ network: twoLayerNet(1), training: sgd(1e-2, L2) }, DIGITS, {
    train: false,
    panel: 'babysitting',
  }),
  control: {
    description: 'λ = 0: regularization off',
    show: trainingScene({ network: twoLayerNet(1), training: sgd(1e-2, 0) }, DIGITS, {
      train: false,
      panel: 'babysitting',
    }),
  },
  kind: 'demonstration',
  demonstration:
    'the loss is defined as the cross-entropy plus ½λ·ΣW², so any correct engine passes: a sanity check of the implementation (it catches regularization that is not wired in); the control shows the same check failing.',
});
