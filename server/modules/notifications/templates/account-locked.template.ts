import { lines, type TemplateDefinition } from './template.types.ts';

export const accountLocked: TemplateDefinition = {
  sv: {
    email: (v) => ({
      subject: 'Ditt konto på Mina sidor är tillfälligt låst',
      text: lines(
        `Hej ${v.name}!`,
        ``,
        `Någon har gjort för många misslyckade inloggningsförsök på ditt konto, så det är låst i ${v.minutes} minuter.`,
        `Ditt larm påverkas inte.`,
        ``,
        `Var det inte du? Byt lösenord genom "Glömt lösenord" på ${v.portalUrl} – det fungerar även medan kontot är låst.`,
        `Frågor? Ring kundtjänst på ${v.supportPhone}.`,
      ),
    }),
  },
  en: {
    email: (v) => ({
      subject: 'Your Mina sidor account is temporarily locked',
      text: lines(
        `Hello ${v.name},`,
        ``,
        `There were too many failed sign-in attempts on your account, so it is locked for ${v.minutes} minutes.`,
        `Your alarm is not affected.`,
        ``,
        `Wasn't this you? Change your password with "Forgot password" at ${v.portalUrl} – it works while the account is locked.`,
        `Questions? Call customer service on ${v.supportPhone}.`,
      ),
    }),
  },
};
