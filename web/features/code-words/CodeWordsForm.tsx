import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Panel } from '../../components/Panel.tsx';
import { TextField } from '../../components/TextField.tsx';
import { FormCheckFailed } from '../../lib/form-errors.ts';
import { useFormErrors } from '../../lib/use-form-errors.ts';
import { codeWordsApi, codeWordsQueryKey } from './code-words.api.ts';

const fields = ['customerWord', 'companyWord'] as const;

/** Set either word or both; an empty field leaves its word unchanged. The API checks the rules. */
export function CodeWordsForm({ installationId }: { installationId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [customerWord, setCustomerWord] = useState('');
  const [companyWord, setCompanyWord] = useState('');
  const save = useMutation({
    mutationFn: async (words: { customerWord?: string; companyWord?: string }) => {
      if (!words.customerWord && !words.companyWord) throw new FormCheckFailed('installation.codeWords.nothingToSave');
      return codeWordsApi.set(installationId, words);
    },
    onSuccess: () => {
      setCustomerWord('');
      setCompanyWord('');
      return queryClient.invalidateQueries({ queryKey: codeWordsQueryKey(installationId) });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ customerWord: customerWord.trim() || undefined, companyWord: companyWord.trim() || undefined });
  };

  const errors = useFormErrors(save.error, fields);
  const fieldProps = { autoComplete: 'off', spellCheck: false, maxLength: 200 };
  return (
    <Panel title={t('installation.codeWords.change')}>
      <p>{t('installation.codeWords.changeIntro')}</p>
      <p className="code-words__rules">{t('installation.codeWords.rules')}</p>
      <p className="code-words__hint">{t('installation.codeWords.stepUpNote')}</p>
      <form ref={errors.formRef} className="code-words__form" onSubmit={submit} noValidate>
        <TextField
          label={t('installation.codeWords.newCustomerWord')}
          value={customerWord}
          onChange={(e) => setCustomerWord(e.target.value)}
          {...fieldProps}
          {...errors.field('customerWord')}
        />
        <TextField label={t('installation.codeWords.newCompanyWord')} value={companyWord} onChange={(e) => setCompanyWord(e.target.value)} {...fieldProps} {...errors.field('companyWord')} />
        {errors.message && (
          <Alert tone="error">
            <p>{errors.message}</p>
          </Alert>
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
