import { accountClosed } from './account-closed.template.ts';
import { accountLocked } from './account-locked.template.ts';
import { codeWordLocked } from './code-word-locked.template.ts';
import { codeWordsChanged } from './code-words-changed.template.ts';
import { installationInvitationRegister } from './installation-invitation-register.template.ts';
import { installationInvitation } from './installation-invitation.template.ts';
import { activation } from './activation.template.ts';
import { emailChangeConfirm } from './email-change-confirm.template.ts';
import { emailChangeUndone } from './email-change-undone.template.ts';
import { emailChanged } from './email-changed.template.ts';
import { integrationTokenCreated } from './integration-token-created.template.ts';
import { loginCode } from './login-code.template.ts';
import { memberAdded } from './member-added.template.ts';
import { memberRemoved } from './member-removed.template.ts';
import { newDeviceSignIn } from './new-device-sign-in.template.ts';
import { passwordChanged } from './password-changed.template.ts';
import { passwordReset } from './password-reset.template.ts';
import { phoneChangeCode } from './phone-change-code.template.ts';
import { phoneChanged } from './phone-changed.template.ts';
import { registrationExists } from './registration-exists.template.ts';
import { stepUpCode } from './step-up-code.template.ts';
import type { TemplateDefinition } from './template.types.ts';
import { twoFactorDisabled } from './two-factor-disabled.template.ts';
import { verifyEmail } from './verify-email.template.ts';

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
  code_word_locked: codeWordLocked,
  step_up_code: stepUpCode,
  phone_change_code: phoneChangeCode,
  activation: activation,
  verify_email: verifyEmail,
  registration_exists: registrationExists,
  password_reset: passwordReset,
  password_changed: passwordChanged,
  email_change_confirm: emailChangeConfirm,
  email_changed: emailChanged,
  email_change_undone: emailChangeUndone,
  phone_changed: phoneChanged,
  two_factor_disabled: twoFactorDisabled,
  integration_token_created: integrationTokenCreated,
  account_closed: accountClosed,
} satisfies Record<string, TemplateDefinition>;

export type TemplateName = keyof typeof templates;
