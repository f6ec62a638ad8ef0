import { HttpClient } from '@actions/http-client';
import { errorMessage } from '../errors.js';
import type { ListedEntry } from './superseded.js';

/** A request to the REST API that did not succeed; `status` is absent when no answer came. */
export class CachesApiError extends Error {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message);
    this.name = 'CachesApiError';
  }
}

export interface CachesApiOptions {
  /** GITHUB_API_URL: https://api.github.com, or https://<host>/api/v3 on GHES. */
  apiUrl: string;
  /** owner/name of the repository whose cache it is (the workflow's). */
  repository: string;
  token: string;
  /** Bound of each request without an answer. */
  socketTimeoutMs?: number;
}

const PER_PAGE = 100;
/** 2 000 entries, newest first: more than the 10 GB budget holds of any real clone. */
const MAX_PAGES = 20;

interface RawEntry {
  id?: unknown;
  key?: unknown;
  ref?: unknown;
  version?: unknown;
  size_in_bytes?: unknown;
  created_at?: unknown;
}

function toEntry(raw: RawEntry): ListedEntry | undefined {
  const createdAt = typeof raw.created_at === 'string' ? Date.parse(raw.created_at) : NaN;
  if (
    typeof raw.id !== 'number' ||
    typeof raw.key !== 'string' ||
    typeof raw.ref !== 'string' ||
    Number.isNaN(createdAt)
  ) {
    return undefined;
  }
  return {
    id: raw.id,
    key: raw.key,
    ref: raw.ref,
    version: typeof raw.version === 'string' ? raw.version : '',
    sizeBytes: typeof raw.size_in_bytes === 'number' ? raw.size_in_bytes : 0,
    createdAt
  };
}

/** The two calls of GitHub's "GitHub Actions cache" REST API the budget needs. */
export class CachesApi {
  private readonly client: HttpClient;
  private readonly base: string;
  private readonly headers: Record<string, string>;

  constructor(options: CachesApiOptions) {
    this.client = new HttpClient('clone-cache-action', [], {
      socketTimeout: options.socketTimeoutMs ?? 15_000,
      allowRetries: false
    });
    const [owner, name] = options.repository.split('/');
    this.base = `${options.apiUrl.replace(/\/+$/, '')}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name ?? '')}/actions/caches`;
    this.headers = {
      Authorization: `Bearer ${options.token}`,
      Accept: 'application/vnd.github+json',
      'X-GitHub-Api-Version': '2022-11-28'
    };
  }

  /** Every entry whose key starts with `keyPrefix` on `ref`, newest first (paged). */
  async list(keyPrefix: string, ref: string): Promise<ListedEntry[]> {
    const entries: ListedEntry[] = [];
    let seen = 0;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const query = new URLSearchParams({
        key: keyPrefix,
        ref,
        sort: 'created_at',
        direction: 'desc',
        per_page: String(PER_PAGE),
        page: String(page)
      });
      const { body } = await this.request('GET', `${this.base}?${query}`, [200]);
      const parsed = JSON.parse(body) as { total_count?: unknown; actions_caches?: unknown };
      if (!Array.isArray(parsed.actions_caches)) {
        throw new CachesApiError('the cache list has no actions_caches array');
      }
      const raws = parsed.actions_caches as RawEntry[];
      for (const raw of raws) {
        const entry = toEntry(raw);
        if (entry) entries.push(entry);
      }
      seen += raws.length;
      const total = typeof parsed.total_count === 'number' ? parsed.total_count : 0;
      if (raws.length === 0 || seen >= total) break;
    }
    return entries;
  }

  /** Deletes one entry: 'gone' when another job deleted it first (404). */
  async remove(id: number): Promise<'deleted' | 'gone'> {
    const { status } = await this.request('DELETE', `${this.base}/${id}`, [204, 404]);
    return status === 404 ? 'gone' : 'deleted';
  }

  /** One request; a status outside `expected` is a CachesApiError with GitHub's message. */
  private async request(
    verb: 'GET' | 'DELETE',
    url: string,
    expected: number[]
  ): Promise<{ status: number; body: string }> {
    let response;
    try {
      response = await this.client.request(verb, url, null, this.headers);
    } catch (error) {
      throw new CachesApiError(`${verb} ${url} got no answer: ${errorMessage(error)}`);
    }
    const status = response.message.statusCode ?? 0;
    const body = await response.readBody();
    if (expected.includes(status)) return { status, body };
    let message = body.slice(0, 200);
    try {
      message = String((JSON.parse(body) as { message?: unknown }).message ?? message);
    } catch {
      // not JSON: the start of the body says enough
    }
    throw new CachesApiError(`${verb} ${url} answered HTTP ${status}: ${message}`, status);
  }
}
