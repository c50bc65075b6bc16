import { SiteFooter } from './SiteFooter.tsx';
import { SiteHeader } from './SiteHeader.tsx';
import { PageOutlet } from './PageOutlet.tsx';
import { MAIN_ID, SkipLink } from './SkipLink.tsx';

/** Pages anyone may see: sign-in, the dev inbox, "not found". */
export function SignedOutLayout() {
  return (
    <div className="page">
      <SkipLink />
      <SiteHeader />
      <main id={MAIN_ID} className="page__main page__main--narrow" tabIndex={-1}>
        <PageOutlet />
      </main>
      <SiteFooter />
    </div>
  );
}
