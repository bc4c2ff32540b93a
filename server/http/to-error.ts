// Any thrown value as the server's typed error: the one mapping both the HTTP error handler and the WebSocket
// upgrade use, so the same failure gets the same status and French sentence everywhere.
import { HTTPException } from 'hono/http-exception';
import { ModelError } from '../../shared/index.ts';
import { CtgError } from '../errors.ts';
import { StorageError } from '../storage/port.ts';

export function toCtgError(error: unknown): CtgError {
  if (error instanceof CtgError) return error;
  // The model refuses a bad import or template choice before changing anything.
  if (error instanceof ModelError) return new CtgError('bad_request', error.fr, { cause: error });
  if (error instanceof StorageError) return new CtgError('storage_unavailable', undefined, { cause: error });
  if (error instanceof HTTPException && error.status === 413) return new CtgError('payload_too_large');
  if (error instanceof HTTPException && error.status < 500) return new CtgError('bad_request', error.message);
  return new CtgError('internal', undefined, { cause: error });
}
