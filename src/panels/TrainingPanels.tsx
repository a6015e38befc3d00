/**
 * The panels that only training shows (App.tsx loads this module when training starts): the
 * training view, preprocessing, the babysitting checklist and the hyperparameter search, in
 * the page's order.
 *
 * `explain` is the page's Explain component, handed over by the importer (App, ProjectorApp):
 * a static import of ./Explain from this lazy chunk made Rolldown regroup the first view's
 * chunks (+3 kB, docs/decisions.md); a prop adds no import edge.
 */
import type { Explain } from './Explain';
import { BabysitPanel } from './BabysitPanel';
import { PreprocessPanel } from './PreprocessPanel';
import { SearchPanel } from './SearchPanel';
import { TrainingView } from './TrainingView';

export function TrainingPanels({ explain }: { explain: typeof Explain }) {
  return (
    <>
      <TrainingView explain={explain} />
      <PreprocessPanel />
      <BabysitPanel />
      <SearchPanel />
    </>
  );
}
