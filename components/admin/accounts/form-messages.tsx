import { Alert } from '@/components/ui/alert'

/** The refusal (above a form) or the confirmation of what it did, announced by screen readers. */
export function FormMessages({ formError, message }: { formError: string | null; message?: string | null }) {
  return (
    <>
      {formError ? (
        <Alert tone="error" role="alert">
          {formError}
        </Alert>
      ) : null}
      {message ? (
        <Alert tone="success" role="status">
          {message}
        </Alert>
      ) : null}
    </>
  )
}
