import { describe, expect, it } from 'vitest';
import { readmeSnippets, shellCommands } from '../src/readme-snippets.js';

const fence = (info: string, body: string) => `\`\`\`${info}\n${body}\n\`\`\``;

describe('readmeSnippets', () => {
  it.each([
    {
      case: 'a file marker writes the block after it, text and all',
      markdown: ['# Use', '<!-- file: test/leaf.test.ts -->', fence('ts', "import { it } from 'vitest';\nit('x');")],
      snippets: [
        { kind: 'file', path: 'test/leaf.test.ts', text: "import { it } from 'vitest';\nit('x');\n", line: 2 },
      ],
    },
    {
      case: 'a run marker runs each command of its sh block',
      markdown: ['<!-- run -->', fence('sh', 'npm install --save-dev vitest\nnpx vitest run')],
      snippets: [{ kind: 'run', commands: ['npm install --save-dev vitest', 'npx vitest run'], line: 1 }],
    },
    {
      case: 'blocks without a marker are prose, not snippets',
      markdown: [fence('sh', 'npm run mock'), 'Some text.', fence('ts', 'const a = 1;')],
      snippets: [],
    },
    {
      case: 'snippets come in document order, each with its marker line',
      markdown: ['<!-- file: a.js -->', fence('js', 'a'), '', '<!-- run -->', fence('bash', 'node a.js')],
      snippets: [
        { kind: 'file', path: 'a.js', text: 'a\n', line: 1 },
        { kind: 'run', commands: ['node a.js'], line: 6 },
      ],
    },
    {
      case: 'a longer fence holds a shorter one, and ~~~ fences count',
      markdown: [
        '<!-- file: README.md -->',
        '````md',
        fence('sh', 'x'),
        '````',
        '<!-- run -->',
        '~~~sh',
        'true',
        '~~~',
      ],
      snippets: [
        { kind: 'file', path: 'README.md', text: `${fence('sh', 'x')}\n`, line: 1 },
        { kind: 'run', commands: ['true'], line: 7 },
      ],
    },
    {
      case: 'markers tolerate spaces inside the comment',
      markdown: [
        '<!--file:   jest.config.cjs   -->',
        fence('js', 'module.exports = {};'),
        '<!--  run  -->',
        fence('shell', 'npx jest'),
      ],
      snippets: [
        { kind: 'file', path: 'jest.config.cjs', text: 'module.exports = {};\n', line: 1 },
        { kind: 'run', commands: ['npx jest'], line: 5 },
      ],
    },
  ])('$case', ({ markdown, snippets }) => {
    expect(readmeSnippets(markdown.join('\n'))).toEqual(snippets);
  });

  it.each([
    {
      case: 'a marker with a blank line before its block',
      markdown: ['<!-- run -->', '', fence('sh', 'true')],
      error: /line 1: .*right before a fenced block/,
    },
    {
      case: 'a marker followed by prose',
      markdown: ['<!-- file: a.js -->', 'Then:', fence('js', 'a')],
      error: /line 1:/,
    },
    {
      case: 'a run block that is not shell',
      markdown: ['<!-- run -->', fence('js', 'a')],
      error: /line 1: .*```sh block, not ```js/,
    },
    { case: 'a run block with no language', markdown: ['<!-- run -->', fence('', 'true')], error: /line 1: .*```sh/ },
    {
      case: 'an absolute path',
      markdown: ['<!-- file: /etc/passwd -->', fence('', 'x')],
      error: /line 1: "\/etc\/passwd" must be a relative path/,
    },
    {
      case: 'a path leaving the project',
      markdown: ['<!-- file: ../outside.js -->', fence('js', 'x')],
      error: /line 1: "..\/outside.js"/,
    },
    { case: 'a block never closed', markdown: ['<!-- run -->', '```sh', 'true'], error: /line 2: .*never closed/ },
  ])('refuses $case, naming the line', ({ markdown, error }) => {
    expect(() => readmeSnippets(markdown.join('\n'))).toThrow(error);
  });
});

describe('shellCommands', () => {
  it.each([
    { case: 'one command a line', body: 'a\nb', commands: ['a', 'b'] },
    { case: 'blank lines and comments skipped', body: '# set up\n\na\n  # more\nb', commands: ['a', 'b'] },
    {
      case: 'a trailing backslash joins the next line',
      body: 'npx leaf \\\n  --port 0 \\\n  --quiet\nb',
      commands: ['npx leaf --port 0 --quiet', 'b'],
    },
    { case: 'a # inside a command stays', body: "echo 'a # b'", commands: ["echo 'a # b'"] },
  ])('$case', ({ body, commands }) => {
    expect(shellCommands(body)).toEqual(commands);
  });
});
