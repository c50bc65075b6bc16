import { useEffect, useRef, type ReactNode } from 'react';

/** Nothing has moved focus yet: on a fresh page load the browser's own start (and the skip link) stays first. */
let pageJustLoaded = true;

/**
 * The page's h1. It takes focus when it appears after a route or step change, so keyboard and
 * screen-reader users start at the new content instead of wherever focus was left.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (pageJustLoaded) {
      pageJustLoaded = false;
      return;
    }
    ref.current?.focus();
  }, []);
  return (
    <h1 className="page-heading" ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
