/**
 * The helpers' call (src/helper-call.ts), seen through `leaf.webhooks`: each
 * operation at the alerts service's own path under the base URL's origin (or
 * the base URL itself when it already points there), the path parameters
 * checked before anything is sent, a non-2xx thrown as a LeafApiError.
 */
import { describe, expect, it } from 'vitest';
import { createLeafCredentialsClient, LeafApiError, LeafRequestError } from '../src/index.js';
import { jsonResponse, stubFetch } from './support/stub-fetch.js';

const WEBHOOK_ID = '0b9f6a52-3c1e-4d8a-9e47-6f2d1c5b8a30';
const WEBHOOK = {
  id: WEBHOOK_ID,
  events: ['credentialsUnauthenticated'],
  name: 'alerts',
  secret: 's3cret-value',
  url: 'http://127.0.0.1:9/hook',
};
const ALERTS = 'https://leaf.test/services/alerts/api/alerts';

function clientWith(reply: Response) {
  const fetch = stubFetch(reply);
  return { fetch, leaf: createLeafCredentialsClient({ baseUrl: 'https://leaf.test/api', token: 't.t.t', fetch }) };
}

describe('leaf.webhooks', () => {
  const { secret: _secret, id: _id, ...create } = { ...WEBHOOK, secret: 's3cret-value' };
  it.each([
    ['list', () => [], jsonResponse([WEBHOOK]), 'GET', `${ALERTS}/webhooks`, undefined, [WEBHOOK]],
    [
      'create',
      () => [{ ...create, secret: 's3cret-value' }],
      jsonResponse(WEBHOOK, 201),
      'POST',
      `${ALERTS}/webhooks`,
      { ...create, secret: 's3cret-value' },
      WEBHOOK,
    ],
    ['get', () => [WEBHOOK_ID], jsonResponse(WEBHOOK), 'GET', `${ALERTS}/webhooks/${WEBHOOK_ID}`, undefined, WEBHOOK],
    [
      'delete',
      () => [WEBHOOK_ID],
      new Response(null, { status: 204 }),
      'DELETE',
      `${ALERTS}/webhooks/${WEBHOOK_ID}`,
      undefined,
      undefined,
    ],
    [
      'failedCalls',
      () => [],
      jsonResponse({ items: [] }),
      'GET',
      `${ALERTS}/webhooks/failed-calls`,
      undefined,
      { items: [] },
    ],
  ] as const)('%s sends its request', async (helper, args, reply, method, url, body, result) => {
    const { fetch, leaf } = clientWith(reply);
    const call = leaf.webhooks[helper] as (...values: unknown[]) => Promise<unknown>;
    await expect(call(...args())).resolves.toEqual(result);
    expect(fetch.requests.map((request) => `${request.method} ${request.url}`)).toEqual([`${method} ${url}`]);
    const sent = await fetch.requests[0]!.text();
    expect(sent === '' ? undefined : JSON.parse(sent)).toEqual(body);
  });

  it('calls under a base URL that already points at the alerts service, keeping its path', async () => {
    const fetch = stubFetch(jsonResponse([]));
    const leaf = createLeafCredentialsClient({
      baseUrl: 'http://127.0.0.1:9/run-1/services/alerts/api/alerts',
      token: 't.t.t',
      fetch,
    });
    await leaf.webhooks.list();
    expect(fetch.requests[0]!.url).toBe('http://127.0.0.1:9/run-1/services/alerts/api/alerts/webhooks');
  });

  it.each([
    ['not a UUID', 'not-a-uuid'],
    ['a path', '../users'],
    ['not a string', 42],
  ])('refuses a webhookId that is %s before sending anything', async (_name, webhookId) => {
    const { fetch, leaf } = clientWith(jsonResponse(WEBHOOK));
    const failure = await leaf.webhooks.get(webhookId as string).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LeafRequestError);
    expect((failure as Error).message).toContain('webhookId');
    expect(fetch.requests).toHaveLength(0);
  });

  it('throws a LeafApiError with the problem for an event registered twice, without the secret', async () => {
    const problem = { title: 'Bad Request', status: 400, errorKey: 'eventRegisteredTwice' };
    const { leaf } = clientWith(jsonResponse(problem, 400));
    const failure = await leaf.webhooks.create({ ...create, secret: 's3cret-value' } as never).catch((error) => error);
    expect(failure).toBeInstanceOf(LeafApiError);
    expect((failure as LeafApiError).problem).toMatchObject({ errorKey: 'eventRegisteredTwice' });
    expect(JSON.stringify(failure)).not.toContain('s3cret-value');
  });
});
