/**
 * Bounds on the bodies Prism's mocker generates for `Prefer: dynamic=true`.
 * Prism fakes every optional field and makes every array as long as its
 * schema's `maxItems` (json-schema-faker with `alwaysFakeOptionals`), so one
 * Leaf user — thirteen providers' embedded credentials, `scopes` of up to
 * 10,000 items each — took half a minute, and a page of them two minutes.
 * A few items per array still show every field the schema allows; the spec's
 * own limits stay as documented (they say what Leaf may send, not what the
 * mock generates).
 */
import { createRequire } from 'node:module';

/**
 * Items per generated array. Above every `minItems` in the spec (1 today): json-schema-faker
 * would cut an array needing more to this length, and the answer would break its schema.
 */
export const DYNAMIC_MAX_ITEMS = 5;

interface JsonSchemaFaker {
  option(options: Record<string, unknown>): void;
}

/** Sets the bound on the json-schema-faker Prism's mocker uses (resolved from Prism, whose copy it is). */
export function boundDynamicBodies(): void {
  const fromPrism = createRequire(createRequire(import.meta.url).resolve('@stoplight/prism-http/package.json'));
  const { JSONSchemaFaker } = fromPrism('json-schema-faker') as { JSONSchemaFaker: JsonSchemaFaker };
  JSONSchemaFaker.option({ maxItems: DYNAMIC_MAX_ITEMS });
}
