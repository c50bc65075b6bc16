import { useId, type InputHTMLAttributes, type Ref } from 'react';
import './fields.css';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: string;
  /** The id of the message saying what is wrong with this field; marks the field invalid and links the message. */
  errorId?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input whose hint (and error, if any) is read out with it. */
export function TextField({ label, hint, errorId, className, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : undefined, errorId].filter(Boolean).join(' ') || undefined;
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
      <input className="field__input" id={id} aria-describedby={describedBy} aria-invalid={errorId ? true : undefined} {...input} />
    </div>
  );
}
