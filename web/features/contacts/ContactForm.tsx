import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { TextField } from '../../components/TextField.tsx';
import { failureCode, useErrorText } from '../../lib/error-text.ts';
import type { ContactInput, ContactPerson } from './contacts.api.ts';

interface Props {
  initial?: ContactPerson;
  pending: boolean;
  error: unknown;
  onSave: (input: ContactInput) => void;
  onCancel?: () => void;
}

const PHONE_FIELDS = ['phone1', 'phone2', 'phone3'] as const;

/** Name, up to three mobile numbers (the first called first), relation and whether they hold a key. */
export function ContactForm({ initial, pending, error, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const errorId = useId();
  const [name, setName] = useState(initial?.name ?? '');
  const [phones, setPhones] = useState(() => PHONE_FIELDS.map((_, i) => initial?.phones[i] ?? ''));
  const [relation, setRelation] = useState(initial?.relation ?? '');
  const [keyHolder, setKeyHolder] = useState(initial?.keyHolder ?? false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({ name: name.trim(), phones: phones.map((p) => p.trim()).filter(Boolean), relation: relation.trim(), keyHolder });
  };
  const code = error ? failureCode(error) : undefined;
  // A bad number or a missing field points at the fields; other failures only at the form.
  const invalid = (field: 'name' | 'phone') =>
    code === 'validation_failed' ? (field === 'name' ? !name.trim() : !phones[0]?.trim()) : field === 'phone' && code === 'invalid_phone';
  const errorFor = (field: 'name' | 'phone') => (invalid(field) ? errorId : undefined);

  return (
    <form className="contact-form" onSubmit={submit} noValidate>
      <TextField
        label={t('installation.contacts.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoComplete="off"
        required
        maxLength={100}
        errorId={errorFor('name')}
      />
      {PHONE_FIELDS.map((field, i) => (
        <TextField
          key={field}
          label={t(`installation.contacts.${field}`)}
          hint={i === 0 ? t('installation.contacts.phoneHint') : undefined}
          type="tel"
          autoComplete="off"
          value={phones[i]}
          onChange={(e) => setPhones((all) => all.map((p, j) => (j === i ? e.target.value : p)))}
          required={i === 0}
          maxLength={30}
          errorId={i === 0 || phones[i]?.trim() ? errorFor('phone') : undefined}
        />
      ))}
      <TextField
        label={t('installation.contacts.relationField')}
        hint={t('installation.contacts.relationHint')}
        value={relation}
        onChange={(e) => setRelation(e.target.value)}
        autoComplete="off"
        maxLength={60}
      />
      <Checkbox label={t('installation.contacts.keyHolderField')} checked={keyHolder} onChange={(e) => setKeyHolder(e.target.checked)} />
      {error !== null && error !== undefined && (
        <div id={errorId}>
          <Alert tone="error">
            <p>{errorText(error)}</p>
          </Alert>
        </div>
      )}
      <div className="contact-form__actions">
        <Button type="submit" busy={pending} busyLabel={t('installation.contacts.saving')}>
          {t('installation.contacts.save')}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('installation.contacts.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
