import { accountLocked } from './account-locked.template.ts';
import { loginCode } from './login-code.template.ts';
import { newDeviceSignIn } from './new-device-sign-in.template.ts';
import type { TemplateDefinition } from './template.types.ts';

/** Every message the system sends; add a template file and one line here. */
export const templates = {
  login_code: loginCode,
  account_locked: accountLocked,
  new_device_sign_in: newDeviceSignIn,
} satisfies Record<string, TemplateDefinition>;

export type TemplateName = keyof typeof templates;
