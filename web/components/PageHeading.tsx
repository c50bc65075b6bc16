import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's h1. It takes focus when it appears, so after a route or step change keyboard and
 * screen-reader users start at the new content instead of wherever focus was left.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 className="page-heading" ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
