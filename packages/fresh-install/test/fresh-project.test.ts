import { describe, expect, it } from 'vitest';
import { withTarballs } from '../src/fresh-project.js';

const TARBALLS = {
  '@leaf-credentials/spec': '/tmp/t/leaf-credentials-spec-1.0.0.tgz',
  '@leaf-credentials/client': '/tmp/t/leaf-credentials-client-1.0.0.tgz',
  '@leaf-credentials/mock': '/tmp/t/leaf-credentials-mock-1.0.0.tgz',
};

describe('withTarballs', () => {
  it.each([
    {
      case: 'an npm install of a published package installs its tarball',
      command: 'npm install --save-dev @leaf-credentials/mock vitest',
      becomes: `npm install --save-dev ${TARBALLS['@leaf-credentials/mock']} vitest`,
    },
    {
      case: 'a pinned version is what would be published: the tarball',
      command: 'npm i @leaf-credentials/mock@1.0.0 @leaf-credentials/client@^1',
      becomes: `npm i ${TARBALLS['@leaf-credentials/mock']} ${TARBALLS['@leaf-credentials/client']}`,
    },
    {
      case: 'npm add, at the end of the line',
      command: 'npm add -D msw @leaf-credentials/spec',
      becomes: `npm add -D msw ${TARBALLS['@leaf-credentials/spec']}`,
    },
    {
      case: 'a package the repo does not publish stays',
      command: 'npm install @leaf-credentials/tooling',
      becomes: 'npm install @leaf-credentials/tooling',
    },
    {
      case: 'npx runs the installed bin, untouched',
      command: 'npx @leaf-credentials/mock sandbox --port 0',
      becomes: 'npx @leaf-credentials/mock sandbox --port 0',
    },
    {
      case: 'a subpath import in another command stays',
      command: 'node -e "require(\'@leaf-credentials/mock/msw\')"',
      becomes: 'node -e "require(\'@leaf-credentials/mock/msw\')"',
    },
  ])('$case', ({ command, becomes }) => {
    expect(withTarballs(command, TARBALLS)).toBe(becomes);
  });
});
