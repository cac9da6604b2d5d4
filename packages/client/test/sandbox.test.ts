/**
 * The signed-in flow against the sandbox (`npm run sandbox`): tokens it
 * issues expire by its own clock, which the control API moves; its magic
 * password is refused with a 401.
 */
import { REFUSED_PASSWORD, startSandbox } from '@leaf-credentials/mock';
import { exampleLeafUserId } from '@leaf-credentials/spec';
import { TOKEN_LIFETIME_SECONDS } from '../src/generated/constants.js';
import { describeEndToEnd } from './support/end-to-end.js';

describeEndToEnd(
  'the sandbox',
  async () => {
    const sandbox = await startSandbox();
    let clock = Date.now();
    return {
      url: sandbox.url,
      refusedPassword: REFUSED_PASSWORD,
      // Past the longest lifetime the spec documents: every token issued so far has expired.
      expireTokens: async () => {
        clock += (TOKEN_LIFETIME_SECONDS.rememberMe + 60) * 1000;
        await sandbox.setClock(new Date(clock));
      },
      stop: () => sandbox.stop(),
    };
  },
  () => exampleLeafUserId(),
);
