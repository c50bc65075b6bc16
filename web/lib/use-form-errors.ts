import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formFailure, type CodeFields } from './form-errors.ts';

/**
 * One way for every form to show a failed submission (`error`, e.g. a mutation's): each field's
 * message under it (spread `field(name)` into the field), the rest as `message` above the form.
 * A field's message goes once that field is edited (`field(name)` carries the input handler); the
 * form's stays until the next submission. The first field with a message gets the focus.
 */
export function useFormErrors<F extends string>(error: unknown, fields: readonly F[], codeFields?: CodeFields<F>) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [edited, setEdited] = useState<{ after: unknown; fields: ReadonlySet<F> }>({ after: undefined, fields: new Set() });
  const failure = formFailure(error, fields, codeFields);
  const editedSinceError = edited.after === error ? edited.fields : new Set<F>();
  const fieldText = (name: F) => {
    const key = failure.fields[name];
    return key && !editedSinceError.has(name) ? t(key) : undefined;
  };

  const firstField = fields.find((name) => failure.fields[name]);
  useEffect(() => {
    if (firstField) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error, firstField]);

  return {
    formRef,
    message: failure.form ? t(failure.form) : undefined,
    field: (name: F) => ({
      error: fieldText(name),
      onInput: () => {
        if (failure.fields[name] && !editedSinceError.has(name)) setEdited({ after: error, fields: new Set([...editedSinceError, name]) });
      },
    }),
  };
}
