import './fields.css';

/** What is wrong with one field, announced when it appears; the field names it in aria-describedby. */
export function FieldError({ id, children }: { id: string; children: string }) {
  return (
    <p className="field__error" id={id} role="alert">
      {children}
    </p>
  );
}
