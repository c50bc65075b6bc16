import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Panel } from '../../components/Panel.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { codeWordsApi, codeWordsQueryKey } from './code-words.api.ts';

/** Set either word or both; an empty field leaves its word unchanged. The API checks the rules. */
export function CodeWordsForm({ installationId }: { installationId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const errorId = useId();
  const queryClient = useQueryClient();
  const [customerWord, setCustomerWord] = useState('');
  const [companyWord, setCompanyWord] = useState('');
  const [nothingToSave, setNothingToSave] = useState(false);
  const save = useMutation({
    mutationFn: (words: { customerWord?: string; companyWord?: string }) => codeWordsApi.set(installationId, words),
    onSuccess: () => {
      setCustomerWord('');
      setCompanyWord('');
      return queryClient.invalidateQueries({ queryKey: codeWordsQueryKey(installationId) });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const words = { customerWord: customerWord.trim() || undefined, companyWord: companyWord.trim() || undefined };
    setNothingToSave(!words.customerWord && !words.companyWord);
    if (!words.customerWord && !words.companyWord) return;
    save.mutate(words);
  };

  const error = nothingToSave ? t('installation.codeWords.nothingToSave') : save.isError ? errorText(save.error) : undefined;
  // An error points at both fields, as the API does not say which word it means.
  const fieldProps = { autoComplete: 'off', spellCheck: false, maxLength: 200, errorId: error ? errorId : undefined };
  return (
    <Panel title={t('installation.codeWords.change')}>
      <p>{t('installation.codeWords.changeIntro')}</p>
      <p className="code-words__rules">
        {t('installation.codeWords.rules')}
      </p>
      <p className="code-words__hint">{t('installation.codeWords.stepUpNote')}</p>
      <form className="code-words__form" onSubmit={submit} noValidate>
        <TextField label={t('installation.codeWords.newCustomerWord')} value={customerWord} onChange={(e) => setCustomerWord(e.target.value)} {...fieldProps} />
        <TextField label={t('installation.codeWords.newCompanyWord')} value={companyWord} onChange={(e) => setCompanyWord(e.target.value)} {...fieldProps} />
        {error && (
          <div id={errorId}>
            <Alert tone="error">
              <p>{error}</p>
            </Alert>
          </div>
        )}
        {save.isSuccess && (
          <Alert tone="success">
            <p>{t('installation.codeWords.saved')}</p>
          </Alert>
        )}
        <div>
          <Button type="submit" busy={save.isPending} busyLabel={t('installation.codeWords.saving')}>
            {t('installation.codeWords.save')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
