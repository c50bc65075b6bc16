import type { InstallationAction } from '../../../contract/installations.ts';

/** Each figure of the overview and the action whose page it summarises: shown only to those who may open that page. */
export const FIGURE_ACTIONS = {
  users: 'members.view',
  codeWords: 'codewords.view',
  contactPersons: 'contacts.view',
} as const satisfies Record<string, InstallationAction>;

export type Figure = keyof typeof FIGURE_ACTIONS;

export function visibleFigures(allowed: readonly InstallationAction[]): Record<Figure, boolean> {
  return {
    users: allowed.includes(FIGURE_ACTIONS.users),
    codeWords: allowed.includes(FIGURE_ACTIONS.codeWords),
    contactPersons: allowed.includes(FIGURE_ACTIONS.contactPersons),
  };
}
