import { useId, type InputHTMLAttributes, type Ref } from 'react';
import { FieldError } from './FieldError.tsx';
import './fields.css';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: string;
  /** What is wrong with this field: shown under it, marks it invalid and is read out with it. */
  error?: string;
  /** The id of a message shared by a group of fields (an access window); marks this one invalid too. */
  errorId?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input whose hint (and error, if any) is read out with it. */
export function TextField({ label, hint, error, errorId, className, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const ownErrorId = error ? `${id}-error` : undefined;
  const describedBy = [hint ? hintId : undefined, ownErrorId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <input className="field__input" id={id} aria-describedby={describedBy} aria-invalid={ownErrorId || errorId ? true : undefined} {...input} />
      {ownErrorId && <FieldError id={ownErrorId}>{error!}</FieldError>}
    </div>
  );
}
