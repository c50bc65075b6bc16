import { lines, type TemplateDefinition } from './template.types.ts';

export const stepUpCode: TemplateDefinition = {
  sv: {
    sms: (v) => ({ text: `${v.code} är din kod för att bekräfta en ändring på Mina sidor. Den gäller i ${v.minutes} minuter. Dela den aldrig.` }),
    email: (v) => ({
      subject: `Din kod för att bekräfta en ändring: ${v.code}`,
      text: lines(
        `Hej ${v.name}!`,
        ``,
        `Din kod för att bekräfta en ändring på Mina sidor är: ${v.code}`,
        `Koden gäller i ${v.minutes} minuter och kan bara användas en gång.`,
        ``,
        `Har du inte bett om koden? Någon kan vara inloggad på ditt konto: byt lösenord och ring kundtjänst på ${v.supportPhone}.`,
      ),
    }),
  },
  en: {
    sms: (v) => ({ text: `${v.code} is your code to confirm a change on Mina sidor. It is valid for ${v.minutes} minutes. Never share it.` }),
    email: (v) => ({
      subject: `Your code to confirm a change: ${v.code}`,
      text: lines(
        `Hello ${v.name},`,
        ``,
        `Your code to confirm a change on Mina sidor is: ${v.code}`,
        `The code is valid for ${v.minutes} minutes and can be used once.`,
        ``,
        `Didn't ask for it? Someone may be signed in to your account: change your password and call customer service on ${v.supportPhone}.`,
      ),
    }),
  },
};
