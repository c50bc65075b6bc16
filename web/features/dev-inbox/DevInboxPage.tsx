import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { api } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { MessageList } from './MessageList.tsx';
import './dev-inbox.css';

/** New codes show up without a reload while someone signs in in another tab. */
const REFRESH_MS = 2000;

/** Messages the dev inbox provider received, so people without a phone can sign in (development only). */
export function DevInboxPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  usePageTitle(t('devInbox.title'));
  // The recipient lives in the address so a filtered view can be bookmarked or shared.
  const [params, setParams] = useSearchParams();
  const [recipient, setRecipient] = useState(params.get('to') ?? '');
  const filter = useDeferredValue(recipient);
  const messages = useQuery({
    queryKey: ['dev-messages', filter.trim()],
    queryFn: () => api.devMessages(filter),
    refetchInterval: REFRESH_MS,
  });

  const changeRecipient = (value: string) => {
    setRecipient(value);
    setParams(value.trim() ? { to: value.trim() } : {}, { replace: true });
  };

  return (
    <>
      <PageHeading>{t('devInbox.title')}</PageHeading>
      <p className="lead">{t('devInbox.intro')}</p>
      <div className="dev-inbox__filter">
        <TextField
          label={t('devInbox.recipient')}
          hint={t('devInbox.recipientHint')}
          type="search"
          name="to"
          spellCheck={false}
          value={recipient}
          onChange={(event) => changeRecipient(event.target.value)}
        />
        <p className="status-line">{t('devInbox.autoRefresh')}</p>
      </div>
      {messages.isPending && <LoadingState label={t('app.loading')} />}
      {messages.isError && <Alert tone="error">{errorText(messages.error)}</Alert>}
      {messages.data && <MessageList messages={messages.data} />}
    </>
  );
}
