import { useId, type ReactNode } from 'react';
import './Panel.css';

interface PanelProps {
  title: string;
  children: ReactNode;
  tone?: 'plain' | 'help';
}

/** A titled region of a page; its heading names it for screen readers' landmark lists. */
export function Panel({ title, children, tone = 'plain' }: PanelProps) {
  const headingId = useId();
  return (
    <section className={`panel panel--${tone}`} aria-labelledby={headingId}>
      <h2 className="panel__title" id={headingId}>
        {title}
      </h2>
      {children}
    </section>
  );
}
