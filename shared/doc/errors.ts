// The model's one error type: what went wrong, in French and English, with a stable code. Thrown before any
// change is made, so a refused operation leaves the document untouched.
export class ModelError extends Error {
  constructor(
    readonly code: string,
    readonly fr: string,
    readonly en: string,
  ) {
    super(fr);
    this.name = 'ModelError';
  }
}
