import type { TemplateDefinition } from './template.types.ts';

export const phoneChangeCode: TemplateDefinition = {
  sv: { sms: (v) => ({ text: `${v.code} är din kod för att bekräfta ditt nya mobilnummer på Mina sidor. Den gäller i ${v.minutes} minuter.` }) },
  en: { sms: (v) => ({ text: `${v.code} is your code to confirm your new mobile number on Mina sidor. It is valid for ${v.minutes} minutes.` }) },
};
