import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { devMessage } from '../../../contract/dev.ts';
import { timeZone } from '../../../contract/format/date-time.ts';
import { currentLanguage, formattingLocale } from '../../lib/i18n.ts';

type DevMessage = z.infer<typeof devMessage>;

export function MessageList({ messages }: { messages: DevMessage[] }) {
  const { t } = useTranslation();
  const time = new Intl.DateTimeFormat(formattingLocale[currentLanguage()], { dateStyle: 'short', timeStyle: 'medium', timeZone });
  if (messages.length === 0) return <p role="status">{t('devInbox.empty')}</p>;
  return (
    <>
      <p className="status-line" role="status">
        {t('devInbox.count', { count: messages.length })}
      </p>
      <ol className="dev-inbox__list">
        {messages.map((message) => (
          <li className="dev-inbox__message" key={`${message.createdAt}-${message.to}-${message.channel}`}>
            <article>
              <header className="dev-inbox__meta">
                <span className={`dev-inbox__channel dev-inbox__channel--${message.channel}`}>{t(`devInbox.${message.channel}`)}</span>
                <span className="dev-inbox__to">{t('devInbox.to', { to: message.to })}</span>
                <time dateTime={message.createdAt}>{time.format(new Date(message.createdAt))}</time>
              </header>
              {message.subject && <h2 className="dev-inbox__subject">{message.subject}</h2>}
              <p className="dev-inbox__body">{message.body}</p>
            </article>
          </li>
        ))}
      </ol>
    </>
  );
}
