import { lines, type TemplateDefinition } from './template.types.ts';

export const verifyEmail: TemplateDefinition = {
  sv: {
    email: (v) => ({
      subject: 'Bekräfta din e-postadress för Mina sidor',
      text: lines(
        `Hej ${v.name}!`,
        ``,
        `Bekräfta din e-postadress för att börja använda ditt konto på Mina sidor:`,
        `${v.link}`,
        ``,
        `Länken gäller i ${v.days} dagar och kan bara användas en gång.`,
        `Har du inte skapat något konto kan du bortse från det här meddelandet.`,
      ),
    }),
  },
  en: {
    email: (v) => ({
      subject: 'Confirm your e-mail address for Mina sidor',
      text: lines(
        `Hello ${v.name},`,
        ``,
        `Confirm your e-mail address to start using your Mina sidor account:`,
        `${v.link}`,
        ``,
        `The link is valid for ${v.days} days and works once.`,
        `If you did not create an account, you can ignore this message.`,
      ),
    }),
  },
};
