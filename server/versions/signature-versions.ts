// The named versions the server records on its own when a convention is signed (« Convention signée ») or an avenant
// receives the validation of every party (« Avenant n° 2 signé »), whoever gave the last validation — the pane only
// lets editors name versions. Pure: the review before and after an update in, the names of the versions to record out.
import type { ConventionStatus, Review } from '../../shared/index.ts';

/** What the signature versions depend on: the status, and the avenants every party validated (id → number). */
export interface SignatureMarks {
  readonly status: ConventionStatus;
  readonly signedAmendments: ReadonlyMap<string, number>;
}

export const CONVENTION_SIGNED = 'Convention signée';
export const amendmentSigned = (number: number): string => `Avenant n° ${number} signé`;

export function signatureMarks(review: Review): SignatureMarks {
  const signedAmendments = new Map<string, number>();
  for (const amendment of review.snapshot.amendments) {
    if (review.signoff({ kind: 'amendment', id: amendment.id }).stage === 'valide') signedAmendments.set(amendment.id, amendment.number);
  }
  return { status: review.snapshot.convention.status, signedAmendments };
}

/** The versions an update that took the review from `before` to `after` calls for, in order. */
export function signatureVersions(before: SignatureMarks, after: SignatureMarks): string[] {
  const names: string[] = [];
  if (after.status === 'signee' && before.status !== 'signee') names.push(CONVENTION_SIGNED);
  const added = [...after.signedAmendments].filter(([id]) => !before.signedAmendments.has(id)).map(([, number]) => number);
  for (const number of added.sort((a, b) => a - b)) names.push(amendmentSigned(number));
  return names;
}
