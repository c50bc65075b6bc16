import type { ChangeEvent } from 'react';
import { TextField } from './TextField.tsx';

/** The e-mail address an account signs in with: the browser offers saved sign-ins, phones show the @ keyboard. */
export function EmailField({ label, value, onChange }: { label: string; value: string; onChange: (event: ChangeEvent<HTMLInputElement>) => void }) {
  return <TextField label={label} type="email" name="email" autoComplete="username" inputMode="email" spellCheck={false} required value={value} onChange={onChange} />;
}
