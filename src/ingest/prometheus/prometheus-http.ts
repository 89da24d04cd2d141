// The Prometheus HTTP API (https://prometheus.io/docs/prometheus/latest/querying/api/) through
// fetch: instant queries, range queries and label values, with the credentials from the
// environment, a time limit per request, and retries with exponential back-off for what may
// pass on a second try (connection refused or reset, 429, 502, 503, 504, a request timeout).
// A query the store refuses (400, 422) or a credential it rejects (401, 403) fails at once.
// Every error names the source and the query and exits 2 (InputError).
import { z } from 'zod';
import { InputError } from '../../domain/errors.ts';
import type { PrometheusSettings } from '../../domain/monitoring-source-settings.ts';

const sampleValue = z.tuple([z.number(), z.string()]);
const resultSchema = z.discriminatedUnion('resultType', [
  z.object({
    resultType: z.literal('vector'),
    result: z.array(z.object({ metric: z.record(z.string(), z.string()), value: sampleValue })),
  }),
  z.object({
    resultType: z.literal('matrix'),
    result: z.array(z.object({ metric: z.record(z.string(), z.string()), values: z.array(sampleValue) })),
  }),
]);
const responseSchema = z.object({
  status: z.enum(['success', 'error']),
  data: z.unknown().optional(),
  errorType: z.string().optional(),
  error: z.string().optional(),
  warnings: z.array(z.string()).optional(),
});

/** One series of an answer: its labels and its points as [epoch seconds, value]. */
export interface PromSeries {
  labels: Record<string, string>;
  points: [number, number][];
}

const RETRY_STATUS = new Set([429, 502, 503, 504]);
const FIRST_BACKOFF_MS = 250;

export class PrometheusHttp {
  readonly label: string;
  private readonly base: string;
  private readonly headers: Record<string, string>;
  /** Requests sent (retries included) and response bytes received, for the benchmark and the progress line. */
  readonly stats = { requests: 0, bytes: 0 };

  constructor(
    private readonly settings: PrometheusSettings,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.base = settings.url.replace(/\/+$/, '');
    this.label = `prometheus ${this.base}`;
    this.headers = { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' };
    const need = (name: string, what: string) => {
      const v = env[name];
      if (v === undefined || v === '')
        throw new InputError(`${what}: environment variable ${name} is not set`, this.at());
      return v;
    };
    if (settings.bearerTokenEnv)
      this.headers.Authorization = `Bearer ${need(settings.bearerTokenEnv, 'bearerTokenEnv')}`;
    for (const [header, variable] of Object.entries(settings.headersEnv))
      this.headers[header] = need(variable, `headersEnv.${header}`);
  }

  /** Instant query at `timeS` (epoch seconds): one value per series. */
  async query(promql: string, timeS: number): Promise<PromSeries[]> {
    const data = await this.call('/api/v1/query', { query: promql, time: String(timeS) }, promql);
    return toSeries(data, promql, this);
  }

  /** Range query: points at start, start + step … ≤ end (epoch seconds). */
  async queryRange(promql: string, startS: number, endS: number, stepS: number): Promise<PromSeries[]> {
    const params = { query: promql, start: String(startS), end: String(endS), step: String(stepS) };
    return toSeries(await this.call('/api/v1/query_range', params, promql), promql, this);
  }

  /** Values of `label` on series with samples in [startS, endS]. */
  async labelValues(label: string, startS: number, endS: number): Promise<string[]> {
    const what = `label values of ${label}`;
    const query = new URLSearchParams({ start: String(startS), end: String(endS) });
    const data = await this.call(`/api/v1/label/${encodeURIComponent(label)}/values?${query}`, undefined, what);
    const values = z.array(z.string()).safeParse(data);
    if (!values.success) throw this.error(what, 'the answer is not a list of label values');
    return values.data;
  }

  /** POST with `params` as a form (queries may be long); GET when there are none. */
  private async call(endpoint: string, params: Record<string, string> | undefined, what: string): Promise<unknown> {
    const body = params && new URLSearchParams({ ...params, timeout: `${this.settings.timeoutSeconds}s` }).toString();
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.once(endpoint, body, what);
      if (outcome.ok) return outcome.data;
      if (!outcome.retry || attempt >= this.settings.retries) throw this.error(what, outcome.reason);
      // Exponential back-off with full jitter would make runs differ; a fixed doubling is enough here.
      await new Promise((r) => setTimeout(r, FIRST_BACKOFF_MS * 2 ** attempt));
    }
  }

  private async once(
    endpoint: string,
    body: string | undefined,
    what: string,
  ): Promise<{ ok: true; data: unknown } | { ok: false; retry: boolean; reason: string }> {
    this.stats.requests++;
    let res: Response;
    let text: string;
    try {
      res = await fetch(this.base + endpoint, {
        method: body === undefined ? 'GET' : 'POST',
        headers: this.headers,
        ...(body === undefined ? {} : { body }),
        signal: AbortSignal.timeout(this.settings.timeoutSeconds * 1000),
      });
      text = await res.text();
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      if (e.name === 'TimeoutError')
        return {
          ok: false,
          retry: true,
          reason: `no answer within ${this.settings.timeoutSeconds} s (timeoutSeconds)`,
        };
      const cause = e.cause?.code ?? e.cause?.message ?? e.message;
      return { ok: false, retry: true, reason: `cannot reach the server (${cause})` };
    }
    this.stats.bytes += Buffer.byteLength(text);
    const parsed = responseSchema.safeParse(safeJson(text));
    const apiError = parsed.success && parsed.data.status === 'error' ? parsed.data : undefined;
    if (res.ok && parsed.success && parsed.data.status === 'success') return { ok: true, data: parsed.data.data };
    if (res.status === 401 || res.status === 403)
      return { ok: false, retry: false, reason: `HTTP ${res.status}: the server rejects the credentials` };
    const detail = apiError
      ? `${apiError.errorType ?? 'error'}: ${apiError.error ?? ''}`
      : `${text.slice(0, 200).trim() || res.statusText}`;
    if (!res.ok) return { ok: false, retry: RETRY_STATUS.has(res.status), reason: `HTTP ${res.status}: ${detail}` };
    return { ok: false, retry: false, reason: `not a Prometheus API answer (${what}): ${detail}` };
  }

  error(what: string, reason: string): InputError {
    return new InputError(`query ${what}: ${reason}`, this.at());
  }

  private at(): { file: string } {
    return { file: this.label };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toSeries(data: unknown, promql: string, http: PrometheusHttp): PromSeries[] {
  const parsed = resultSchema.safeParse(data);
  if (!parsed.success) throw http.error(promql, 'the answer is neither a vector nor a matrix');
  const r = parsed.data;
  const num = (s: string) => Number(s.replace(/^\+?Inf$/, 'Infinity').replace(/^-Inf$/, '-Infinity'));
  if (r.resultType === 'vector')
    return r.result.map((s) => ({ labels: s.metric, points: [[s.value[0], num(s.value[1])]] }));
  return r.result.map((s) => ({ labels: s.metric, points: s.values.map(([t, v]) => [t, num(v)] as [number, number]) }));
}
