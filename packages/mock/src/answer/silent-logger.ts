/**
 * Prism's engine insists on a pino-style logger. The mock writes its own
 * one-line access log instead, so every Prism log call is a no-op.
 */
import type { createInstance } from '@stoplight/prism-http';

type PrismLogger = Parameters<typeof createInstance>[1]['logger'];

const noop = () => undefined;
const logger: Record<string, unknown> = { level: 'silent', child: () => logger };
for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'success']) logger[level] = noop;

export const silentLogger = logger as unknown as PrismLogger;
