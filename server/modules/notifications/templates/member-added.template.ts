import { levelName } from './level-names.ts';
import { lines, type TemplateDefinition } from './template.types.ts';

/** To the system owner (SPEC §3.14). */
export const memberAdded: TemplateDefinition = {
  sv: {
    email: (v) => ({
      subject: `Ny användare i ${v.alias}`,
      text: lines(
        `Hej ${v.name}!`,
        ``,
        `${v.memberName} har nu tillgång till larmsystemet ${v.alias} med rättighetsnivån ${levelName('sv', v.level)} (inbjuden av ${v.inviterName}).`,
        ``,
        `Känner du inte igen det? Ta bort användaren under Användare › Alla användare på ${v.portalUrl} och ring kundtjänst på ${v.supportPhone}.`,
      ),
    }),
  },
  en: {
    email: (v) => ({
      subject: `New user in ${v.alias}`,
      text: lines(
        `Hello ${v.name},`,
        ``,
        `${v.memberName} now has access to the alarm system ${v.alias} with the permission level ${levelName('en', v.level)} (invited by ${v.inviterName}).`,
        ``,
        `Don't recognise this? Remove the user under Users › All users at ${v.portalUrl} and call customer service on ${v.supportPhone}.`,
      ),
    }),
  },
};
