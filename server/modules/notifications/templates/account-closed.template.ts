import { lines, type TemplateDefinition } from './template.types.ts';

export const accountClosed: TemplateDefinition = {
  sv: {
    email: (v) => ({
      subject: 'Ditt konto på Mina sidor är avslutat',
      text: lines(
        `Hej ${v.name}!`,
        ``,
        `Ditt konto på Mina sidor avslutades ${v.when} och dina personuppgifter har raderats.`,
        `Var det inte du? Ring kundtjänst på ${v.supportPhone} så snart som möjligt.`,
      ),
    }),
  },
  en: {
    email: (v) => ({
      subject: 'Your Mina sidor account is closed',
      text: lines(
        `Hello ${v.name},`,
        ``,
        `Your Mina sidor account was closed ${v.when} and your personal data was erased.`,
        `Wasn't this you? Call customer service on ${v.supportPhone} as soon as possible.`,
      ),
    }),
  },
};
