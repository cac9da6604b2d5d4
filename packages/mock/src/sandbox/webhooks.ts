/**
 * Leaf's alerts service in the sandbox: webhooks stored per token (over a
 * seed every token sees, as credentials are), registration with Leaf's rules
 * (one webhook per event, a confirmation the URL must answer 2xx), and an
 * alert to each webhook listening when a credential of that token turns
 * UNAUTHENTICATED or MISSING_PERMISSION, however it turned (a control request,
 * a magic value at creation, a scheduled change: see webhooks-schedule.ts).
 */
import { randomUUID } from 'node:crypto';
import type { IHttpResponse } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { operationModelOf } from '../model.js';
import type { ApiRequest } from './api.js';
import { leafTimestamp } from './clock.js';
import type { CredentialStatus } from './magic-values.js';
import type { Resource } from './resource-shape.js';
import { emptyResponse, fieldProblem, jsonResponse, problemAnswer } from './responses.js';
import type { Credential, Slot } from './store.js';
import type { StateKey } from './token-keys.js';
import { AlertSender, type DeliveryOptions, type FailedCall } from './webhooks-alerts.js';
import { urlRefusal, type WebhookPolicy } from './webhooks-delivery.js';

/** The spec's tag of the alerts service's webhook operations; each names what it does with `x-leaf-helper`. */
const WEBHOOKS_TAG = 'Webhooks';

export interface Webhook {
  id: string;
  events: string[];
  name: string;
  secret: string;
  url: string;
}

/** The credential alert each status sends, as Leaf names the events. */
const ALERT_OF_STATUS: Partial<Record<CredentialStatus, string>> = {
  UNAUTHENTICATED: 'credentialsUnauthenticated',
  MISSING_PERMISSION: 'credentialsLimitedPermission',
};

const ALERT_MESSAGES: Readonly<Record<string, string>> = {
  credentialsUnauthenticated: 'The provider no longer accepts these credentials; the grower has to connect again.',
  credentialsLimitedPermission: 'These credentials lack a permission Leaf needs; the grower has to grant it.',
};

/** Fields that identify a credential's client at its provider (Leaf's `credential`), most specific first. */
const CLIENT_FIELDS = ['clientId', 'clientKey', 'username', 'apid', 'publicKey', 'databaseId'];

const CONFIRMATION = { message: 'confirmation of webhook upon registration' };

/** The webhook operation's helper (`create`, `list`, …), or undefined for another operation. */
export function webhookHelperOf(operation: IHttpOperation): string | undefined {
  const model = operationModelOf(operation);
  return model.resource.tag === WEBHOOKS_TAG ? model.helper : undefined;
}

/** The example of the success body of the webhook operation `helper`, by the spec model's one example rule. */
function successExample(operations: IHttpOperation[], helper: string): unknown {
  const operation = operations.find((candidate) => webhookHelperOf(candidate) === helper);
  return operation && operationModelOf(operation).success.body?.example;
}

/** The spec's example webhook (its id is the `webhookId` example): what every token starts with, as the docs show it. */
function exampleWebhooks(operations: IHttpOperation[]): Webhook[] {
  const get = operations.find((operation) => webhookHelperOf(operation) === 'get');
  const example = successExample(operations, 'get') as Webhook | undefined;
  const id = get && operationModelOf(get).parameters.find((parameter) => parameter.in === 'path')?.example;
  if (!example || typeof id !== 'string') return [];
  return [{ ...example, id }];
}

/** The spec's example failed calls: every token's list starts with them, as the docs show it. */
function exampleFailedCalls(operations: IHttpOperation[]): FailedCall[] {
  const example = successExample(operations, 'failedCalls') as { items?: FailedCall[] } | undefined;
  return Array.isArray(example?.items) ? example.items : [];
}

export interface WebhookServiceOptions {
  operations: IHttpOperation[];
  /** Host names webhooks may be sent to besides loopback addresses (`--webhook-allow`). */
  allowedHosts?: readonly string[];
  delivery: DeliveryOptions;
  /** The clock of each token (alerts and deliveries are stamped with their token's time). */
  now: (key: StateKey) => Date;
}

export class WebhookService {
  readonly sender: AlertSender;
  private readonly seed: Webhook[];
  private readonly seedFailedCalls: FailedCall[];
  private readonly policy: WebhookPolicy;
  /** Each key's own webhooks; null is a deleted seeded one. */
  private readonly own = new Map<StateKey, Map<string, Webhook | null>>();

  constructor(private readonly options: WebhookServiceOptions) {
    this.policy = { allowedHosts: new Set((options.allowedHosts ?? []).map((host) => host.toLowerCase())) };
    this.sender = new AlertSender(this.policy, options.delivery, options.now);
    this.seed = exampleWebhooks(options.operations);
    this.seedFailedCalls = exampleFailedCalls(options.operations);
  }

  list(key: StateKey): Webhook[] {
    const own = this.own.get(key);
    const seeded = this.seed.filter((webhook) => !own?.has(webhook.id));
    return [...seeded, ...[...(own?.values() ?? [])].filter((webhook): webhook is Webhook => webhook !== null)];
  }

  /** Every key with webhooks of its own (a key without sees only the seed's). */
  keys(): StateKey[] {
    return [...this.own.keys()];
  }

  reset(key: StateKey | undefined): void {
    if (key === undefined) this.own.clear();
    else this.own.delete(key);
    this.sender.clear(key);
  }

  async answer(helper: string, request: ApiRequest, path: string, key: StateKey): Promise<IHttpResponse> {
    switch (helper) {
      case 'list':
        return jsonResponse(200, this.list(key));
      case 'failedCalls':
        return jsonResponse(200, { items: [...this.seedFailedCalls, ...this.sender.failedCalls(key)] });
      case 'create':
        return this.register(request.body as Omit<Webhook, 'id'>, path, key);
      case 'get':
      case 'delete': {
        const id = request.pathParams.webhookId ?? '';
        const webhook = this.list(key).find((candidate) => candidate.id === id);
        if (!webhook) return problemAnswer('NOT_FOUND', path, `No webhook ${id}`);
        if (helper === 'get') return jsonResponse(200, webhook);
        this.ownOf(key).set(id, null);
        return emptyResponse(204);
      }
      default:
        return problemAnswer(
          'MOCK_FAILURE',
          path,
          `The sandbox does not answer the webhooks' x-leaf-helper ${helper}.`,
        );
    }
  }

  /** Leaf's checks in Leaf's order, then the confirmation; the webhook is stored only once it was answered 2xx. */
  private async register(body: Omit<Webhook, 'id'>, path: string, key: StateKey): Promise<IHttpResponse> {
    const twice = this.registeredTwice(body.events, path, key);
    if (twice) return twice;
    const refused = await urlRefusal(new URL(body.url), this.policy);
    if (refused) return fieldProblem('VIOLATION', path, 'body', 'url', `url: ${refused}`);
    const webhook: Webhook = {
      id: randomUUID(),
      events: body.events,
      name: body.name,
      secret: body.secret,
      url: body.url,
    };
    const outcome = await this.sender.confirm(key, webhook, CONFIRMATION);
    if (outcome && !('status' in outcome && outcome.status >= 200 && outcome.status < 300)) {
      const answered =
        'status' in outcome ? `answered ${outcome.status}` : `could not be reached (${outcome.connectionError})`;
      return fieldProblem(
        'VIOLATION',
        path,
        'body',
        'url',
        `url: the webhook was not registered: its URL ${answered} to the registration confirmation, which needs a 2xx`,
      );
    }
    // Another registration may have taken an event while this one waited for its confirmation.
    const late = this.registeredTwice(body.events, path, key);
    if (late) return late;
    this.ownOf(key).set(webhook.id, webhook);
    return jsonResponse(201, webhook);
  }

  /** The 400 for events that already have a webhook: names `events`, with Leaf's `eventRegisteredTwice`. */
  private registeredTwice(events: string[], path: string, key: StateKey): IHttpResponse | undefined {
    const taken = events
      .map((event) => ({ event, webhook: this.list(key).find((webhook) => webhook.events.includes(event)) }))
      .filter((entry) => entry.webhook !== undefined);
    if (taken.length === 0) return undefined;
    const which = taken.map(({ event, webhook }) => `${event} (webhook ${webhook!.id})`).join(', ');
    const answer = fieldProblem(
      'VIOLATION',
      path,
      'body',
      'events',
      `events: ${which} already ${taken.length === 1 ? 'has a webhook' : 'have webhooks'}; delete it first (eventRegisteredTwice)`,
    );
    return {
      ...answer,
      body: { ...(answer.body as object), message: 'eventRegisteredTwice', errorKey: 'eventRegisteredTwice' },
    };
  }

  /**
   * A credential `key` sees changed: when it turned UNAUTHENTICATED or MISSING_PERMISSION, its
   * alert goes to each of the key's webhooks listening for it.
   */
  credentialChanged(
    key: StateKey,
    slot: Slot,
    before: Credential | undefined,
    after: Credential,
    at: Date = this.options.now(key),
  ): void {
    const status = after.resource.status as CredentialStatus | undefined;
    if (status === undefined || before?.resource.status === status) return;
    const event = ALERT_OF_STATUS[status];
    if (!event) return;
    const alert = credentialAlert(event, slot, after.resource, at);
    for (const webhook of this.list(key).filter((candidate) => candidate.events.includes(event)))
      this.sender.send(key, webhook, event, alert);
  }

  private ownOf(key: StateKey): Map<string, Webhook | null> {
    let own = this.own.get(key);
    if (!own) {
      own = new Map();
      this.own.set(key, own);
    }
    return own;
  }
}

/** The alert as Leaf sends it (alerts_events.md): member order as Leaf's pages show it. */
function credentialAlert(event: string, slot: Slot, resource: Resource, now: Date): Record<string, string> {
  const client = CLIENT_FIELDS.map((field) => resource[field]).find((value) => typeof value === 'string');
  return {
    credential: (client as string | undefined) ?? '',
    provider: slot.provider,
    credentialId: String(resource.id ?? ''),
    message: ALERT_MESSAGES[event] ?? event,
    status: String(resource.status),
    type: event,
    timestamp: leafTimestamp(now),
  };
}
