import { lines, type TemplateDefinition } from './template.types.ts';

export const passwordChanged: TemplateDefinition = {
  sv: {
    email: (v) => ({
      subject: 'Ditt lösenord till Mina sidor har ändrats',
      text: lines(
        `Hej ${v.name}!`,
        ``,
        `Lösenordet till ditt konto ändrades ${v.when}. Andra inloggade enheter har loggats ut och betrodda enheter måste verifieras igen.`,
        ``,
        `Var det inte du? Välj "Glömt lösenord" på ${v.portalUrl} och ring kundtjänst på ${v.supportPhone}.`,
      ),
    }),
  },
  en: {
    email: (v) => ({
      subject: 'Your Mina sidor password was changed',
      text: lines(
        `Hello ${v.name},`,
        ``,
        `The password of your account was changed ${v.when}. Other devices were signed out and trusted devices must verify again.`,
        ``,
        `Wasn't this you? Choose "Forgot password" at ${v.portalUrl} and call customer service on ${v.supportPhone}.`,
      ),
    }),
  },
};
