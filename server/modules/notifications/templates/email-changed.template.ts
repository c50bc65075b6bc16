import { lines, type TemplateDefinition } from './template.types.ts';

/** Sent to the old address, with the way back. */
export const emailChanged: TemplateDefinition = {
  sv: {
    email: (v) => ({
      subject: 'Din e-postadress på Mina sidor har ändrats',
      text: lines(
        `Hej ${v.name}!`,
        ``,
        `E-postadressen för ditt konto ändrades ${v.when} till ${v.email}. Betrodda enheter måste verifieras igen.`,
        ``,
        `Var det inte du? Ångra ändringen här inom ${v.days} dagar, så loggas alla enheter ut:`,
        `${v.link}`,
        `Ring sedan kundtjänst på ${v.supportPhone}.`,
      ),
    }),
  },
  en: {
    email: (v) => ({
      subject: 'Your Mina sidor e-mail address was changed',
      text: lines(
        `Hello ${v.name},`,
        ``,
        `The e-mail address of your account was changed ${v.when} to ${v.email}. Trusted devices must verify again.`,
        ``,
        `Wasn't this you? Undo the change here within ${v.days} days, and every device is signed out:`,
        `${v.link}`,
        `Then call customer service on ${v.supportPhone}.`,
      ),
    }),
  },
};
