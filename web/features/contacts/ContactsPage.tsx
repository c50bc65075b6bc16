import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CONTACT_PERSONS } from '../../../contract/contacts.ts';
import { RequireInstallationAction } from '../../lib/signed-in/RequireInstallationAction.tsx';
import { Alert } from '../../components/Alert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Panel } from '../../components/Panel.tsx';
import type { InstallationSummary } from '../../lib/current-installation.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { ContactCard } from './ContactCard.tsx';
import { ContactForm } from './ContactForm.tsx';
import { contactsApi, contactsQueryKey, type ContactInput, type ContactPerson } from './contacts.api.ts';
import './contacts.css';

/** Systeminställningar › Kontaktpersoner: the action plan in calling order (SPEC §5.2). */
export function ContactsPage() {
  const { t } = useTranslation();
  usePageTitle(t('installation.contacts.title'));
  return (
    <>
      <PageHeading>{t('installation.contacts.title')}</PageHeading>
      <p className="lead">{t('installation.contacts.intro', { max: MAX_CONTACT_PERSONS })}</p>
      <RequireInstallationAction action="contacts.view">{(installation) => <Contacts installation={installation} />}</RequireInstallationAction>
    </>
  );
}

function Contacts({ installation }: { installation: InstallationSummary }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const key = contactsQueryKey(installation.id);
  const contacts = useQuery({ queryKey: key, queryFn: () => contactsApi.list(installation.id) });
  const [notice, setNotice] = useState('');
  const [formKey, setFormKey] = useState(0);
  // Every change answers with the whole list, which replaces the cached one.
  const showList = (list: ContactPerson[]) => queryClient.setQueryData(key, list);
  const add = useMutation({
    mutationFn: (input: ContactInput) => contactsApi.add(installation.id, input),
    onSuccess: (list, input) => {
      showList(list);
      setNotice(t('installation.contacts.added', { name: input.name }));
      setFormKey((k) => k + 1);
    },
  });
  const manage = installation.allowedActions.includes('contacts.manage');

  if (contacts.isPending) return <LoadingState label={t('app.loading')} />;
  if (contacts.isError) {
    return (
      <Alert tone="error">
        <p>{errorText(contacts.error)}</p>
      </Alert>
    );
  }
  const list = contacts.data;
  return (
    <>
      <Panel title={t('installation.contacts.list')}>
        <div role="status" className="contacts__notice">
          {notice && <p>{notice}</p>}
        </div>
        {list.length === 0 ? (
          <p>{t('installation.contacts.empty')}</p>
        ) : (
          <ol className="contacts__list">
            {list.map((contact, index) => (
              <ContactCard
                key={contact.id}
                installationId={installation.id}
                contact={contact}
                list={list}
                index={index}
                manage={manage}
                onChanged={(next, message) => {
                  showList(next);
                  setNotice(message);
                }}
              />
            ))}
          </ol>
        )}
      </Panel>
      {manage && (
        <Panel title={t('installation.contacts.add')}>
          {list.length >= MAX_CONTACT_PERSONS ? (
            <p>{t('installation.contacts.full', { max: MAX_CONTACT_PERSONS })}</p>
          ) : (
            <ContactForm key={formKey} pending={add.isPending} error={add.error} onSave={(input) => add.mutate(input)} />
          )}
        </Panel>
      )}
    </>
  );
}
