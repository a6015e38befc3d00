/**
 * The glossary's terms a tour step shows (those whose `tour` names it), in the glossary's own
 * words: the tour, the explanations and the diagnosis define each term once.
 */
import type { ClaimId } from '../engine/claims/types';
import { termsShownBy } from '../engine/glossary';
import './tour-terms.css';

export function TourTerms({ claim }: { claim: ClaimId }) {
  const terms = termsShownBy(claim);
  if (terms.length === 0) return null;
  return (
    <dl className="tour-terms" data-testid="tour-terms">
      {terms.map((term) => (
        <div key={term.name}>
          <dt>{term.name}</dt>
          <dd>
            {term.what}
            {term.formula && <span className="formula"> {term.formula}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
