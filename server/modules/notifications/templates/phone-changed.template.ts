import { lines, type TemplateDefinition } from './template.types.ts';

export const phoneChanged: TemplateDefinition = {
  sv: {
    email: (v) => ({
      subject: 'Ditt mobilnummer på Mina sidor har ändrats',
      text: lines(
        `Hej ${v.name}!`,
        ``,
        `Mobilnumret för ditt konto ändrades ${v.when} till ${v.phone}. Koder skickas nu dit. Betrodda enheter måste verifieras igen.`,
        ``,
        `Var det inte du? Välj "Glömt lösenord" på ${v.portalUrl} och ring kundtjänst på ${v.supportPhone}.`,
      ),
    }),
  },
  en: {
    email: (v) => ({
      subject: 'Your Mina sidor mobile number was changed',
      text: lines(
        `Hello ${v.name},`,
        ``,
        `The mobile number of your account was changed ${v.when} to ${v.phone}. Codes go there from now on. Trusted devices must verify again.`,
        ``,
        `Wasn't this you? Choose "Forgot password" at ${v.portalUrl} and call customer service on ${v.supportPhone}.`,
      ),
    }),
  },
};
