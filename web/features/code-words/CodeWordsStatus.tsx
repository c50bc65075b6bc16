import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { codeWordStatus } from '../../../contract/codewords.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DetailsList } from '../../components/DetailsList.tsx';
import { Panel } from '../../components/Panel.tsx';
import type { InstallationSummary } from '../../lib/current-installation.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { useFormat } from '../../lib/format.ts';
import { codeWordsApi } from './code-words.api.ts';

interface Props {
  installation: InstallationSummary;
  status: z.infer<typeof codeWordStatus>;
}

/** Which words are set; the company's word can be shown on request (the customer's never can). */
export function CodeWordsStatus({ installation, status }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const format = useFormat();
  const reveal = useMutation({ mutationFn: () => codeWordsApi.revealCompanyWord(installation.id) });
  const mayReveal = installation.allowedActions.includes('codewords.reveal') && status.companyWordSet;
  const setText = (set: boolean) => (set ? t('installation.codeWords.isSet') : t('installation.codeWords.notSet'));

  return (
    <Panel title={t('installation.codeWords.status')}>
      {status.customerWordLocked && (
        <Alert tone="error">
          <p>{t('installation.codeWords.customerWordLocked')}</p>
        </Alert>
      )}
      <DetailsList
        rows={[
          {
            term: t('installation.codeWords.customerWord'),
            value: (
              <>
                <span className="code-words__state">{setText(status.customerWordSet)}</span>
                <span className="code-words__hint">{t('installation.codeWords.customerWordHint')}</span>
              </>
            ),
          },
          {
            term: t('installation.codeWords.companyWord'),
            value: (
              <>
                <span className="code-words__state">{setText(status.companyWordSet)}</span>
                <span className="code-words__hint">{t('installation.codeWords.companyWordHint')}</span>
              </>
            ),
          },
        ]}
      />
      {status.updatedAt && <p className="code-words__updated">{t('installation.codeWords.updatedAt', { date: format.dateTime(status.updatedAt) })}</p>}
      {mayReveal && (
        <div className="code-words__reveal">
          {reveal.isSuccess ? (
            <>
              <Alert tone="info">
                <p>{t('installation.codeWords.revealed', { word: reveal.data.companyWord })}</p>
              </Alert>
              <Button variant="secondary" onClick={() => reveal.reset()}>
                {t('installation.codeWords.hide')}
              </Button>
            </>
          ) : (
            <>
              {reveal.isError && (
                <Alert tone="error">
                  <p>{errorText(reveal.error)}</p>
                </Alert>
              )}
              <Button variant="secondary" busy={reveal.isPending} busyLabel={t('installation.codeWords.revealing')} onClick={() => reveal.mutate()}>
                {t('installation.codeWords.reveal')}
              </Button>
            </>
          )}
        </div>
      )}
    </Panel>
  );
}
