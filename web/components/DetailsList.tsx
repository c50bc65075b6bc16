import type { ReactNode } from 'react';
import './DetailsList.css';

export interface DetailsRow {
  term: string;
  value: ReactNode;
}

/** Terms and their values, side by side on wide screens and stacked on phones. */
export function DetailsList({ rows }: { rows: DetailsRow[] }) {
  return (
    <dl className="details-list">
      {rows.map((row) => (
        <div className="details-list__row" key={row.term}>
          <dt>{row.term}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
