import { lines, type TemplateDefinition } from './template.types.ts';

export const activation: TemplateDefinition = {
  sv: {
    email: (v) => ({
      subject: 'Välkommen till Mina sidor – välj ditt lösenord',
      text: lines(
        `Hej ${v.name}!`,
        ``,
        `Ett konto på Mina sidor har skapats åt dig. Välj ditt lösenord här:`,
        `${v.link}`,
        ``,
        `Länken gäller i ${v.days} dagar och kan bara användas en gång. Har den gått ut kan du be om en ny på inloggningssidan.`,
        `Frågor? Ring kundtjänst på ${v.supportPhone}.`,
      ),
    }),
    sms: (v) => ({ text: `Välkommen till Mina sidor! Välj ditt lösenord här (gäller i ${v.days} dagar): ${v.link}` }),
  },
  en: {
    email: (v) => ({
      subject: 'Welcome to Mina sidor – choose your password',
      text: lines(
        `Hello ${v.name},`,
        ``,
        `An account on Mina sidor has been created for you. Choose your password here:`,
        `${v.link}`,
        ``,
        `The link is valid for ${v.days} days and works once. If it has expired, ask for a new one on the sign-in page.`,
        `Questions? Call customer service on ${v.supportPhone}.`,
      ),
    }),
    sms: (v) => ({ text: `Welcome to Mina sidor! Choose your password here (valid ${v.days} days): ${v.link}` }),
  },
};
