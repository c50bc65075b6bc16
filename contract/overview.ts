import { z } from 'zod';
import { permissionLevel } from './installations.ts';

/**
 * The installation at a glance for the overview page and the app. Each figure is null when the
 * caller's level may not open the page it summarises, so a lower level learns nothing more here
 * than it could read elsewhere.
 */
export const installationOverview = z.object({
  level: permissionLevel,
  /** Members of the installation (users view). */
  users: z.object({ count: z.number().int() }).nullable(),
  /** Whether each code word is set, never the words (code-word view). */
  codeWords: z.object({ customerWordSet: z.boolean(), companyWordSet: z.boolean(), customerWordLocked: z.boolean() }).nullable(),
  /** Contact persons the alarm centre calls, and how many there may be (contact-person view). */
  contactPersons: z.object({ count: z.number().int(), max: z.number().int() }).nullable(),
});
export type InstallationOverview = z.infer<typeof installationOverview>;
