import { lines, type TemplateDefinition } from './template.types.ts';

export const emailChangeConfirm: TemplateDefinition = {
  sv: {
    email: (v) => ({
      subject: 'Bekräfta din nya e-postadress för Mina sidor',
      text: lines(
        `Hej ${v.name}!`,
        ``,
        `Bekräfta att den här adressen ska bli din nya e-postadress och ditt användarnamn på Mina sidor:`,
        `${v.link}`,
        ``,
        `Länken gäller i ${v.hours} timmar och kan bara användas en gång. Har du inte bett om ändringen kan du bortse från meddelandet.`,
      ),
    }),
  },
  en: {
    email: (v) => ({
      subject: 'Confirm your new e-mail address for Mina sidor',
      text: lines(
        `Hello ${v.name},`,
        ``,
        `Confirm that this address becomes your new e-mail address and user name on Mina sidor:`,
        `${v.link}`,
        ``,
        `The link is valid for ${v.hours} hours and works once. If you did not ask for the change, ignore this message.`,
      ),
    }),
  },
};
