import { MAX_CONTACT_PERSONS } from '../../../contract/contacts.ts';
import type { InstallationOverview } from '../../../contract/overview.ts';
import type { CodeWordsService } from '../codewords/index.ts';
import type { ContactsService } from '../contacts/index.ts';
import type { Access, Installations } from '../installations/index.ts';
import { visibleFigures } from './overview.rules.ts';

export interface OverviewDeps {
  installations: Installations;
  codeWords: CodeWordsService;
  contacts: ContactsService;
}

/** The installation at a glance (issue 14 item 12): figures from the modules that own them, each behind its own permission. */
export function createOverview(deps: OverviewDeps) {
  return {
    async get(access: Access): Promise<InstallationOverview> {
      const { level, allowedActions } = deps.installations.service.summary(access);
      const show = visibleFigures(allowedActions);
      const id = access.installation.id;
      // A figure the level may not see is never read, so it cannot leak through an error or a timing.
      const [users, codeWords, contactPersons] = await Promise.all([
        show.users ? deps.installations.members.count(id) : null,
        show.codeWords ? deps.codeWords.status(id) : null,
        show.contactPersons ? deps.contacts.count(id) : null,
      ]);
      return {
        level,
        users: users === null ? null : { count: users },
        codeWords: codeWords && { customerWordSet: codeWords.customerWordSet, companyWordSet: codeWords.companyWordSet, customerWordLocked: codeWords.customerWordLocked },
        contactPersons: contactPersons === null ? null : { count: contactPersons, max: MAX_CONTACT_PERSONS },
      };
    },
  };
}

export type OverviewService = ReturnType<typeof createOverview>;
