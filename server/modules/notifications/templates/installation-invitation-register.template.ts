import { levelName } from './level-names.ts';
import { lines, type TemplateDefinition } from './template.types.ts';

/** To a person with no account yet: create one with this address, then accept. */
export const installationInvitationRegister: TemplateDefinition = {
  sv: {
    email: (v) => ({
      subject: `${v.inviterName} har bjudit in dig till ${v.alias}`,
      text: lines(
        `Hej ${v.name}!`,
        ``,
        `${v.inviterName} har bjudit in dig till larmsystemet ${v.alias} med rättighetsnivån ${levelName('sv', v.level)}.`,
        `Skapa ett eget konto på Mina sidor med den här e-postadressen och godkänn sedan inbjudan:`,
        `${v.link}`,
        ``,
        `Alla som har tillgång till larmet ska ha ett eget konto – dela aldrig inloggning med någon.`,
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
        `Create your own Mina sidor account with this e-mail address, then accept the invitation:`,
        `${v.link}`,
        ``,
        `Everyone with access to the alarm needs their own account – never share a login.`,
        `The link is valid for ${v.days} days and can be used once.`,
        `If you do not recognise this invitation, ignore this message. Questions? Call customer service on ${v.supportPhone}.`,
      ),
    }),
  },
};
