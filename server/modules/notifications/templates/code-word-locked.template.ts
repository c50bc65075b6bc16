import { lines, type TemplateDefinition } from './template.types.ts';

/** To the system owner when wrong guesses of the customer's code word lock checking (SPEC §5.1); never contains a word. */
export const codeWordLocked: TemplateDefinition = {
  sv: {
    email: (v) => ({
      subject: `Kodordet för ${v.alias} är spärrat`,
      text: lines(
        `Hej ${v.name}!`,
        ``,
        `Någon har angett fel kodord för larmsystemet ${v.alias} för många gånger. Därför går kodordet inte längre att använda i telefon med larmcentralen eller kundtjänst.`,
        `Själva larmet påverkas inte.`,
        ``,
        `Logga in på ${v.portalUrl} och ange ett nytt kodord under Systeminställningar › Kodord, så hävs spärren. Var det inte du eller någon du känner som försökte? Ring kundtjänst på ${v.supportPhone}.`,
      ),
    }),
  },
  en: {
    email: (v) => ({
      subject: `The code word for ${v.alias} is locked`,
      text: lines(
        `Hello ${v.name},`,
        ``,
        `Someone gave the wrong code word for the alarm system ${v.alias} too many times, so the code word can no longer be used on the phone with the alarm centre or customer service.`,
        `The alarm itself is not affected.`,
        ``,
        `Sign in at ${v.portalUrl} and set a new code word under System settings › Code words to lift the lock. If it was not you or someone you know, call customer service on ${v.supportPhone}.`,
      ),
    }),
  },
};
