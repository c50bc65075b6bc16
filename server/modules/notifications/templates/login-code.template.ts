import { lines, type TemplateDefinition } from './template.types.ts';

export const loginCode: TemplateDefinition = {
  sv: {
    sms: (v) => ({ text: `${v.code} är din kod till Mina sidor. Den gäller i ${v.minutes} minuter. Dela den aldrig med någon.` }),
    email: (v) => ({
      subject: `Din kod till Mina sidor: ${v.code}`,
      text: lines(
        `Hej ${v.name}!`,
        ``,
        `Din kod för att logga in på Mina sidor är: ${v.code}`,
        `Koden gäller i ${v.minutes} minuter och kan bara användas en gång.`,
        ``,
        `Kod via e-post är ett svagare skydd än kod via SMS. Om du inte fick något SMS kan ditt mobilnummer vara fel: logga in med den här koden och ändra numret under Konto och avtalsinformation › Konto.`,
        ``,
        `Har du inte försökt logga in? Byt lösenord genom "Glömt lösenord" och kontakta kundtjänst på ${v.supportPhone}.`,
      ),
    }),
  },
  en: {
    sms: (v) => ({ text: `${v.code} is your Mina sidor code. It is valid for ${v.minutes} minutes. Never share it with anyone.` }),
    email: (v) => ({
      subject: `Your Mina sidor code: ${v.code}`,
      text: lines(
        `Hello ${v.name},`,
        ``,
        `Your code to sign in to Mina sidor is: ${v.code}`,
        `The code is valid for ${v.minutes} minutes and can be used once.`,
        ``,
        `A code by e-mail protects you less than a code by SMS. If you didn't get a text message, your mobile number may be wrong: sign in with this code and change the number under Account and contract information › Account.`,
        ``,
        `Wasn't it you trying to sign in? Change your password with "Forgot password" and call customer service on ${v.supportPhone}.`,
      ),
    }),
  },
};
