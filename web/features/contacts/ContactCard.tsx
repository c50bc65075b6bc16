import { formatPhone } from '../../../contract/format/phone.ts';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DetailsList } from '../../components/DetailsList.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { ContactForm } from './ContactForm.tsx';
import { contactsApi, type ContactInput, type ContactPerson } from './contacts.api.ts';

interface Props {
  installationId: string;
  contact: ContactPerson;
  list: ContactPerson[];
  index: number;
  manage: boolean;
  onChanged: (list: ContactPerson[], message: string) => void;
}

/** One contact person: their details, and for managers edit, move and remove. */
export function ContactCard({ installationId, contact, list, index, manage, onChanged }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [editing, setEditing] = useState(false);
  const [focusHeading, setFocusHeading] = useState(false);
  // After a move or an edit the card's heading takes focus, so the keyboard stays with the person.
  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
    setFocusHeading(false);
  }, [focusHeading]);

  const update = useMutation({
    mutationFn: (input: ContactInput) => contactsApi.update(installationId, contact.id, input),
    onSuccess: (next, input) => {
      setEditing(false);
      setFocusHeading(true);
      onChanged(next, t('installation.contacts.updated', { name: input.name }));
    },
  });
  const remove = useMutation({
    mutationFn: () => contactsApi.remove(installationId, contact.id),
    onSuccess: (next) => onChanged(next, t('installation.contacts.removed', { name: contact.name })),
  });
  const move = useMutation({
    mutationFn: (to: number) => {
      const ids = list.map((c) => c.id).filter((id) => id !== contact.id);
      ids.splice(to, 0, contact.id);
      return contactsApi.reorder(installationId, ids);
    },
    onSuccess: (next, to) => {
      setFocusHeading(true);
      onChanged(next, t('installation.contacts.moved', { name: contact.name, position: to + 1 }));
    },
  });
  const failure = remove.error ?? move.error;

  return (
    <li className="contact-card">
      <h3 className="contact-card__name" ref={headingRef} tabIndex={-1}>
        <span className="contact-card__position">{t('installation.contacts.position', { position: contact.position })}</span>
        {editing ? t('installation.contacts.editTitle', { name: contact.name }) : contact.name}
      </h3>
      {editing ? (
        <ContactForm
          initial={contact}
          pending={update.isPending}
          error={update.error}
          onSave={(input) => update.mutate(input)}
          onCancel={() => {
            setEditing(false);
            update.reset();
            setFocusHeading(true);
          }}
        />
      ) : (
        <>
          <DetailsList
            rows={[
              { term: t('installation.contacts.phones'), value: contact.phones.map(formatPhone).join(', ') },
              ...(contact.relation ? [{ term: t('installation.contacts.relation'), value: contact.relation }] : []),
              {
                term: t('installation.contacts.keyHolder'),
                value: contact.keyHolder ? t('installation.contacts.keyHolderYes') : t('installation.contacts.keyHolderNo'),
              },
            ]}
          />
          {manage && (
            <div className="contact-card__actions">
              {failure !== null && (
                <Alert tone="error">
                  <p>{errorText(failure)}</p>
                </Alert>
              )}
              <div className="contact-card__buttons">
                {index > 0 && (
                  <Button variant="secondary" busy={move.isPending} busyLabel={t('installation.contacts.moving')} onClick={() => move.mutate(index - 1)}>
                    {t('installation.contacts.moveUp', { name: contact.name })}
                  </Button>
                )}
                {index < list.length - 1 && (
                  <Button variant="secondary" busy={move.isPending} busyLabel={t('installation.contacts.moving')} onClick={() => move.mutate(index + 1)}>
                    {t('installation.contacts.moveDown', { name: contact.name })}
                  </Button>
                )}
                <Button variant="secondary" onClick={() => setEditing(true)}>
                  {t('installation.contacts.edit')}
                </Button>
                <ConfirmButton
                  label={t('installation.contacts.remove')}
                  question={t('installation.contacts.removeConfirm', { name: contact.name })}
                  confirmLabel={t('installation.contacts.removeYes')}
                  cancelLabel={t('installation.contacts.cancel')}
                  busy={remove.isPending}
                  busyLabel={t('installation.contacts.removing')}
                  onConfirm={() => remove.mutate()}
                />
              </div>
            </div>
          )}
        </>
      )}
    </li>
  );
}
