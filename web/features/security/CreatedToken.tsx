import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';

interface CreatedTokenProps {
  name: string;
  token: string;
  onDone: () => void;
}

/** The new token, shown this once, with a copy button; focus lands on its heading so it is not missed. */
export function CreatedToken({ name, token, onDone }: CreatedTokenProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const fieldId = useId();
  const [copied, setCopied] = useState<boolean>();
  useEffect(() => heading.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <div className="created-token">
      <h3 className="created-token__title" ref={heading} tabIndex={-1}>
        {t('security.integrations.createdTitle')}
      </h3>
      <p>{t('security.integrations.createdBody', { name })}</p>
      <label className="field__label" htmlFor={fieldId}>
        {t('security.integrations.tokenLabel', { name })}
      </label>
      {/* A text area wraps, so the whole token is visible even on a phone. */}
      <textarea className="field__input created-token__value" id={fieldId} readOnly rows={3} value={token} spellCheck={false} onFocus={(event) => event.target.select()} />
      {copied === true && <Alert tone="success">{t('security.integrations.copied')}</Alert>}
      {copied === false && <Alert tone="error">{t('security.integrations.copyFailed')}</Alert>}
      <div className="security-actions">
        <Button onClick={() => void copy()}>{t('security.integrations.copy')}</Button>
        <Button variant="secondary" onClick={onDone}>
          {t('security.integrations.done')}
        </Button>
      </div>
    </div>
  );
}
