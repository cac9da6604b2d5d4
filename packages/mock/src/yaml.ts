/**
 * YAML's parser, loaded when the first YAML text is read: a seed file or the
 * control API's document. Most starts read neither, and the `yaml` package is
 * some 70 modules to load.
 */
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');

let yaml: Yaml | undefined;

export function parseYaml(text: string): unknown {
  yaml ??= createRequire(import.meta.url)('yaml') as Yaml;
  return yaml.parse(text);
}
