import { lines, type TemplateDefinition } from './template.types.ts';

/** To the system owner (SPEC §3.14); `byName` equals `memberName` when the member left. */
export const memberRemoved: TemplateDefinition = {
  sv: {
    email: (v) => ({
      subject: `En användare har tagits bort från ${v.alias}`,
      text: lines(
        `Hej ${v.name}!`,
        ``,
        v.byName === v.memberName
          ? `${v.memberName} har lämnat larmsystemet ${v.alias} och har inte längre tillgång till det.`
          : `${v.byName} har tagit bort ${v.memberName} från larmsystemet ${v.alias}.`,
        ``,
        `Känner du inte igen det? Se dina användare under Användare › Alla användare på ${v.portalUrl} och ring kundtjänst på ${v.supportPhone}.`,
      ),
    }),
  },
  en: {
    email: (v) => ({
      subject: `A user was removed from ${v.alias}`,
      text: lines(
        `Hello ${v.name},`,
        ``,
        v.byName === v.memberName
          ? `${v.memberName} has left the alarm system ${v.alias} and no longer has access to it.`
          : `${v.byName} has removed ${v.memberName} from the alarm system ${v.alias}.`,
        ``,
        `Don't recognise this? See your users under Users › All users at ${v.portalUrl} and call customer service on ${v.supportPhone}.`,
      ),
    }),
  },
};
