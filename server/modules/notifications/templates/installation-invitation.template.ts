import { levelName } from './level-names.ts';
import { lines, type TemplateDefinition } from './template.types.ts';

/** To a person who already has an account: accept while signed in. */
export const installationInvitation: TemplateDefinition = {
  sv: {
    email: (v) => ({
      subject: `${v.inviterName} har bjudit in dig till ${v.alias}`,
      text: lines(
        `Hej ${v.name}!`,
        ``,
        `${v.inviterName} har bjudit in dig till larmsystemet ${v.alias} med rättighetsnivån ${levelName('sv', v.level)}.`,
        `Logga in på Mina sidor med den här e-postadressen och godkänn inbjudan:`,
        `${v.link}`,
        ``,
        `Länken gäller i ${v.days} dagar och kan bara användas en gång.`,
        `Känner du inte igen inbjudan kan du bortse från det här meddelandet. Frågor? Ring kundtjänst på ${v.supportPhone}.`,
      ),
    }),
  },
  en: {
    email: (v) => ({
      subject: `${v.inviterName} has invited you to ${v.alias}`,
      text: lines(
        `Hello ${v.name},`,
        ``,
        `${v.inviterName} has invited you to the alarm system ${v.alias} with the permission level ${levelName('en', v.level)}.`,
        `Sign in to Mina sidor with this e-mail address and accept the invitation:`,
        `${v.link}`,
        ``,
        `The link is valid for ${v.days} days and can be used once.`,
        `If you do not recognise this invitation, ignore this message. Questions? Call customer service on ${v.supportPhone}.`,
      ),
    }),
  },
};
