// Redocly rules a configurable rule (`rule/...` in redocly.yaml) cannot say, because they
// test two keywords of the same schema. Loaded by redocly.yaml's `plugins`.

const SAYS_SENSITIVE = /(^|\s)Sensitive\.(\s|$)/;

/**
 * Secrets are found by `x-sensitive` (the client redacts exactly those fields, the
 * Spectral rule leaf-string-restricted exempts exactly those from a format): it is
 * `true` or absent, and a field marked so says "Sensitive." in its description,
 * since the page hides extensions and the description is where a reader learns it.
 */
function sensitiveFieldSaysSo() {
  return {
    Schema(schema, { report, location }) {
      if (!('x-sensitive' in schema)) return;
      if (schema['x-sensitive'] !== true) {
        report({
          message: '`x-sensitive` is `true` on a secret, or left out.',
          location: location.child('x-sensitive'),
        });
      } else if (!SAYS_SENSITIVE.test(schema.description ?? '')) {
        report({
          message:
            'A field marked `x-sensitive: true` says "Sensitive." in its description (the page hides extensions).',
          location: location.child('description'),
        });
      }
    },
  };
}

export default function leafRules() {
  return {
    id: 'leaf',
    rules: {
      oas3: { 'sensitive-field-says-so': sensitiveFieldSaysSo },
    },
  };
}
