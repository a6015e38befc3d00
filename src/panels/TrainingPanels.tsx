/**
 * The panels that only training shows (App.tsx loads this module when training starts): the
 * training view, preprocessing, the babysitting checklist and the hyperparameter search, in
 * the page's order.
 */
import { BabysitPanel } from './BabysitPanel';
import { PreprocessPanel } from './PreprocessPanel';
import { SearchPanel } from './SearchPanel';
import { TrainingView } from './TrainingView';

export function TrainingPanels() {
  return (
    <>
      <TrainingView />
      <PreprocessPanel />
      <BabysitPanel />
      <SearchPanel />
    </>
  );
}
