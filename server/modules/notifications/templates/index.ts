import { accountLocked } from './account-locked.template.ts';
import { codeWordsChanged } from './code-words-changed.template.ts';
import { installationInvitationRegister } from './installation-invitation-register.template.ts';
import { installationInvitation } from './installation-invitation.template.ts';
import { loginCode } from './login-code.template.ts';
import { memberAdded } from './member-added.template.ts';
import { memberRemoved } from './member-removed.template.ts';
import { newDeviceSignIn } from './new-device-sign-in.template.ts';
import type { TemplateDefinition } from './template.types.ts';

/** Every message the system sends; add a template file and one line here. */
export const templates = {
  login_code: loginCode,
  account_locked: accountLocked,
  new_device_sign_in: newDeviceSignIn,
  installation_invitation: installationInvitation,
  installation_invitation_register: installationInvitationRegister,
  installation_member_added: memberAdded,
  installation_member_removed: memberRemoved,
  code_words_changed: codeWordsChanged,
} satisfies Record<string, TemplateDefinition>;

export type TemplateName = keyof typeof templates;
