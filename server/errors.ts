// The server's one error type: a stable code, an HTTP status and a French sentence a person can act on. HTTP
// responses and refused WebSocket upgrades both render it as `{ "error": { "code", "message" } }`.
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const ERRORS = {
  bad_request: { status: 400, message: 'Requête invalide.' },
  invalid_json: { status: 400, message: 'Le corps de la requête n’est pas un JSON valide.' },
  token_missing: {
    status: 401,
    message: 'Jeton manquant : ajoutez « ?token=… » à l’adresse ou l’en-tête « Authorization: Bearer … ».',
  },
  token_invalid: { status: 401, message: 'Jeton invalide : signature ou format incorrect.' },
  token_expired: { status: 401, message: 'Jeton expiré : demandez un nouveau lien d’invitation.' },
  token_other_convention: { status: 403, message: 'Ce jeton donne accès à une autre convention.' },
  access_denied: { status: 403, message: 'Droits insuffisants pour cette action.' },
  admin_required: { status: 403, message: 'Action réservée aux administrateurs (jeton « ctg token --admin »).' },
  not_found: { status: 404, message: 'Adresse inconnue.' },
  convention_not_found: { status: 404, message: 'Convention inconnue.' },
  version_not_found: { status: 404, message: 'Version inconnue.' },
  convention_exists: { status: 409, message: 'Une convention porte déjà cet identifiant.' },
  payload_too_large: { status: 413, message: 'Requête trop volumineuse.' },
  too_many_connections: {
    status: 503,
    message: 'Trop de connexions à cette convention : réessayez dans un instant.',
  },
  shutting_down: { status: 503, message: 'Le serveur redémarre : reconnexion dans un instant.' },
  storage_unavailable: { status: 503, message: 'Stockage indisponible : réessayez dans un instant.' },
  convention_reloading: { status: 503, message: 'La convention se recharge : réessayez dans un instant.' },
  internal: { status: 500, message: 'Erreur interne du serveur.' },
} as const satisfies Record<string, { status: ContentfulStatusCode; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export class CtgError extends Error {
  override readonly name = 'CtgError';
  readonly status: ContentfulStatusCode;

  /** `detail` replaces the standard sentence when it says more (e.g. which field is wrong). */
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(detail ?? ERRORS[code].message, options);
    this.status = ERRORS[code].status;
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}
