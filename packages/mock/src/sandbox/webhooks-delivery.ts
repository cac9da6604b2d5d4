/**
 * How the sandbox calls a webhook, as Leaf's alerts service does: a JSON body
 * written as Leaf writes it (Python's json.dumps defaults), signed with the
 * webhook's secret in `X-Leaf-Signature`, POSTed with a bounded timeout.
 *
 * A sandbox must not become a way to reach other hosts: it sends only to
 * loopback addresses, or to the host names it was started with
 * (`--webhook-allow`). The check runs where the connection is made (node:http's
 * `lookup`), so the address connected to is the address checked, whatever a
 * name resolves to later. URLs on the reserved example domains (RFC 2606) are
 * accepted and never sent: deliveries to them are only recorded.
 */
import { createHmac } from 'node:crypto';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';

// JSON as Leaf signs it has one home, the spec package: the client verifies with the same writer.
export { leafJson } from '@leaf-credentials/spec';

export function signatureOf(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

/** Where the sandbox may send: loopback always, and these host names (lower-case). */
export interface WebhookPolicy {
  allowedHosts: ReadonlySet<string>;
}

/** Hosts of the reserved example domains: accepted, never contacted. */
export function isExampleHost(hostname: string): boolean {
  return /(^|\.)example(\.(com|net|org))?$/i.test(hostname.replace(/\.$/, ''));
}

function isLoopbackAddress(address: string): boolean {
  if (isIP(address) === 4) return address.startsWith('127.');
  const lower = address.toLowerCase();
  return lower === '::1' || /^::ffff:127\./.test(lower);
}

/** URL's host without IPv6 brackets. */
const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '').toLowerCase();

/** Why the sandbox will not send to this address of `host`, or undefined when it will. */
function refusal(host: string, address: string, policy: WebhookPolicy): string | undefined {
  if (policy.allowedHosts.has(host) || isLoopbackAddress(address)) return undefined;
  const resolved = host === address ? '' : ` (it resolves to ${address})`;
  return `the sandbox sends webhooks only to loopback addresses or to the hosts it was started with (--webhook-allow); ${host} is neither${resolved}`;
}

/** Resolves the URL's host and says why it may not be sent to, or undefined when it may. */
export async function urlRefusal(url: URL, policy: WebhookPolicy): Promise<string | undefined> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `the URL must be http:// or https://, not ${url.protocol}`;
  const host = hostOf(url);
  if (isExampleHost(host) || policy.allowedHosts.has(host)) return undefined;
  let addresses: LookupAddress[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookupAll(host);
  } catch (error) {
    return `${host} does not resolve (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  for (const { address } of addresses) {
    const reason = refusal(host, address, policy);
    if (reason) return reason;
  }
  return undefined;
}

const lookupAll = (host: string) =>
  new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/** node:http's lookup, refusing any address the policy does not allow: the address checked is the one connected to. */
function checkedLookup(host: string, policy: WebhookPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: false }, (error, address, family) => {
      if (error) return callback(error, '', 0);
      const reason = refusal(host, address as string, policy);
      if (reason) return callback(Object.assign(new Error(reason), { code: 'EWEBHOOKREFUSED' }), '', 0);
      callback(null, address as string, family as number);
    });
  };
}

/** What one POST came to: a status and body, or why nothing came back. */
export type PostOutcome = { status: number; response: string } | { connectionError: string };

const MAX_RESPONSE_BYTES = 64 * 1024;

/** POSTs `body` signed with `secret` to `url`, within `timeoutMs`. Never throws. */
export function postSigned(
  url: URL,
  body: string,
  secret: string,
  policy: WebhookPolicy,
  timeoutMs: number,
): Promise<PostOutcome> {
  const host = hostOf(url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    // An address literal skips the lookup, so it is checked here; a name is checked by the lookup.
    if (isIP(host)) {
      const reason = refusal(host, host, policy);
      if (reason) return resolve({ connectionError: reason });
    }
    const request = send(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-leaf-signature': signatureOf(body, secret),
          'user-agent': 'leaf-credentials-sandbox',
        },
        lookup: checkedLookup(host, policy),
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, response: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', (error) => resolve({ connectionError: error.message }));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', (error) => resolve({ connectionError: error.message }));
    request.end(body);
  });
}

export const succeeded = (outcome: PostOutcome): boolean =>
  'status' in outcome && outcome.status >= 200 && outcome.status < 300;
