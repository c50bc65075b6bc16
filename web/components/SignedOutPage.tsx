import type { ReactNode } from 'react';
import './SignedOutPage.css';

/** A signed-out page: the task in a card, with help beside it on wide screens and below it on phones. */
export function SignedOutPage({ children, help }: { children: ReactNode; help: ReactNode }) {
  return (
    <div className="signed-out">
      <div className="signed-out__card">{children}</div>
      {help}
    </div>
  );
}
