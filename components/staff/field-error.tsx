/** A field's error text, referenced from the field by aria-describedby. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id}>
      {message}
    </p>
  );
}

/** The form-level message: announced politely, kept visible. */
export function FormMessage({ tone, children }: { tone: 'error' | 'success' | 'info'; children?: React.ReactNode }) {
  return (
    <div className={`form-message form-message--${tone}`} role="status" aria-live="polite">
      {children}
    </div>
  );
}
