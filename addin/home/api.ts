// The Concerto server's HTTP API as the home page uses it; every failure becomes an ApiError with the server's
// French message (or a plain one when the server cannot be reached).
export interface ConventionSummary {
  id: string;
  title: string;
  createdAt: number;
  createdBy: { name: string; party: string };
}

export interface Invitation {
  convention: string;
  party: string;
  access: 'edit' | 'comment' | 'view';
  name: string;
  expiresAt: string;
  token: string;
  link: string;
}

export type Creation =
  | { kind: 'template'; title?: string; generation: '2014' | '2020'; echelon: 'departemental' | 'intercommunal' | 'communal'; startYear?: number }
  | { kind: 'import'; file: unknown };

export class ApiError extends Error {}

export class ConcertoApi {
  constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  async list(): Promise<ConventionSummary[]> {
    return (await this.call<{ conventions: ConventionSummary[] }>('GET', '/api/conventions')).conventions;
  }

  async create(creation: Creation): Promise<ConventionSummary> {
    const { kind, ...body } = creation;
    return this.call('POST', '/api/conventions', kind === 'import' ? { file: creation.file } : body);
  }

  async invite(conventionId: string, invite: { party: string; access: Invitation['access']; name?: string; ttl?: string }): Promise<Invitation> {
    return this.call('POST', `/api/conventions/${encodeURIComponent(conventionId)}/invitations`, invite);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.base + path, {
        method,
        headers: { Authorization: `Bearer ${this.token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch {
      throw new ApiError('Le serveur Concerto ne répond pas : vérifiez qu’il est démarré (npm start) et votre connexion.');
    }
    const json = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    if (!response.ok) throw new ApiError(json.error?.message ?? `Erreur du serveur (${response.status}).`);
    return json as T;
  }
}
