import { useId, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from './FieldError.tsx';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLength, passwordStrength } from './password-strength.ts';
import './fields.css';
import './NewPasswordField.css';

interface NewPasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The server's answer, already as text (e.g. "too common"); shown under the field and read with it. */
  error?: string;
  /** Told of every edit, so a stale error can go. */
  onInput?: () => void;
  name?: string;
  ref?: Ref<HTMLInputElement>;
}

const meterSteps = { tooShort: 0, weak: 1, fair: 2, good: 3, strong: 4 } as const;

/**
 * A field for choosing a password: the policy of SPEC §3.3 with each rule ticked off while
 * typing, a strength meter, and "show password". The server remains the judge; its refusal
 * comes back as `error`.
 */
export function NewPasswordField({ label, value, onChange, error, onInput, name = 'new-password', ref }: NewPasswordFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [visible, setVisible] = useState(false);
  const length = passwordLength(value);
  const level = passwordStrength(value);
  const longEnough = length >= PASSWORD_MIN_LENGTH;
  const tooLong = length > PASSWORD_MAX_LENGTH;
  const state = (met: boolean) => t(met ? 'signedOut.newPassword.met' : 'signedOut.newPassword.notMet');

  return (
    <div className="field new-password">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        ref={ref}
        className="field__input"
        id={id}
        name={name}
        type={visible ? 'text' : 'password'}
        autoComplete="new-password"
        spellCheck={false}
        autoCapitalize="off"
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={[error && `${id}-error`, `${id}-strength`, `${id}-rules`].filter(Boolean).join(' ')}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onInput={onInput}
      />
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
      {value && (
        <div className="new-password__meter" data-level={level} aria-hidden="true">
          {[1, 2, 3, 4].map((step) => (
            <span key={step} className={step <= meterSteps[level] ? 'new-password__bar new-password__bar--on' : 'new-password__bar'} />
          ))}
        </div>
      )}
      {/* Announced politely when the level changes, not on every keystroke. */}
      <p className="new-password__strength" id={`${id}-strength`} aria-live="polite">
        {value && t('signedOut.newPassword.strength', { level: t(`signedOut.newPassword.levels.${level}`) })}
      </p>
      <div id={`${id}-rules`} className="new-password__rules">
        <p className="field__hint">{t('signedOut.newPassword.rulesTitle')}</p>
        <ul>
          <li className={longEnough ? 'is-met' : undefined}>
            {t('signedOut.newPassword.ruleLength', { min: PASSWORD_MIN_LENGTH, count: length })}
            <span className="visually-hidden">, {state(longEnough)}</span>
          </li>
          {tooLong && <li className="is-broken">{t('signedOut.newPassword.ruleMaxLength', { max: PASSWORD_MAX_LENGTH })}</li>}
          <li>{t('signedOut.newPassword.ruleNotCommon')}</li>
        </ul>
        <p className="field__hint">{t('signedOut.newPassword.tip')}</p>
      </div>
      <div className="checkbox new-password__show">
        <input className="checkbox__input" type="checkbox" id={`${id}-show`} checked={visible} onChange={(event) => setVisible(event.target.checked)} />
        <label className="checkbox__label" htmlFor={`${id}-show`}>
          {t('signedOut.newPassword.show')}
        </label>
      </div>
    </div>
  );
}
