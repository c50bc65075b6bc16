import { lines, type TemplateDefinition } from './template.types.ts';

export const passwordReset: TemplateDefinition = {
  sv: {
    email: (v) => ({
      subject: 'Återställ ditt lösenord till Mina sidor',
      text: lines(
        `Hej ${v.name}!`,
        ``,
        `Du har bett om att få välja ett nytt lösenord. Gör det här:`,
        `${v.link}`,
        ``,
        `Länken gäller i ${v.minutes} minuter och kan bara användas en gång. När du har bytt lösenord loggas alla enheter ut.`,
        `Har du inte bett om det? Då kan du bortse från meddelandet – ditt lösenord är oförändrat.`,
      ),
    }),
  },
  en: {
    email: (v) => ({
      subject: 'Reset your Mina sidor password',
      text: lines(
        `Hello ${v.name},`,
        ``,
        `You asked to choose a new password. Do it here:`,
        `${v.link}`,
        ``,
        `The link is valid for ${v.minutes} minutes and works once. Once you have chosen a new password, every device is signed out.`,
        `Didn't ask for this? Then ignore this message – your password is unchanged.`,
      ),
    }),
  },
};
