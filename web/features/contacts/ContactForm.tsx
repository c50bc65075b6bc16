import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors } from '../../lib/use-form-errors.ts';
import type { ContactInput, ContactPerson } from './contacts.api.ts';

interface Props {
  initial?: ContactPerson;
  pending: boolean;
  error: unknown;
  onSave: (input: ContactInput) => void;
  onCancel?: () => void;
}

const PHONE_FIELDS = ['phone1', 'phone2', 'phone3'] as const;
/** The API's names for the numbers sent, in the order sent; `phones` is the list as a whole. */
const SENT_PHONES = ['phones.0', 'phones.1', 'phones.2'] as const;
const fields = ['name', ...SENT_PHONES, 'phones', 'relation'] as const;

/** Name, up to three mobile numbers (the first called first), relation and whether they hold a key. */
export function ContactForm({ initial, pending, error, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial?.name ?? '');
  const [phones, setPhones] = useState(() => PHONE_FIELDS.map((_, i) => initial?.phones[i] ?? ''));
  const [relation, setRelation] = useState(initial?.relation ?? '');
  const [keyHolder, setKeyHolder] = useState(initial?.keyHolder ?? false);
  /** Which fields' numbers were sent: empty fields are left out, so the API's `phones.1` may be the third field. */
  const [sentFrom, setSentFrom] = useState<number[]>([]);
  const errors = useFormErrors(error, fields);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filled = PHONE_FIELDS.map((_, i) => i).filter((i) => phones[i]?.trim());
    setSentFrom(filled);
    onSave({ name: name.trim(), phones: filled.map((i) => phones[i]!.trim()), relation: relation.trim(), keyHolder });
  };
  /** A number's own error, else (on the first field) what is wrong with the list, such as no number at all. */
  const phoneErrors = (i: number) => {
    const sent = sentFrom.indexOf(i);
    const own = sent >= 0 ? errors.field(SENT_PHONES[sent]!) : undefined;
    return own?.error || i > 0 ? (own ?? {}) : errors.field('phones');
  };

  return (
    <form ref={errors.formRef} className="contact-form" onSubmit={submit} noValidate>
      <TextField label={t('installation.contacts.name')} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" required maxLength={100} {...errors.field('name')} />
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
          {...phoneErrors(i)}
        />
      ))}
      <TextField
        label={t('installation.contacts.relationField')}
        hint={t('installation.contacts.relationHint')}
        value={relation}
        onChange={(e) => setRelation(e.target.value)}
        autoComplete="off"
        maxLength={60}
        {...errors.field('relation')}
      />
      <Checkbox label={t('installation.contacts.keyHolderField')} checked={keyHolder} onChange={(e) => setKeyHolder(e.target.checked)} />
      {errors.message && (
        <Alert tone="error">
          <p>{errors.message}</p>
        </Alert>
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
