/**
 * The signed-in flow against a Leaf stand-in on a loopback socket (real
 * HTTP, tokens that expire by the server's clock). test/sandbox.test.ts runs
 * the same flow against the sandbox.
 */
import { describeEndToEnd } from './support/end-to-end.js';
import { REFUSED_PASSWORD, startLeafStandIn } from './support/leaf-stand-in.js';
import { LEAF_USER_ID } from './support/stub-fetch.js';

describeEndToEnd(
  'a Leaf stand-in',
  async () => {
    const standIn = await startLeafStandIn();
    return {
      url: standIn.url,
      refusedPassword: REFUSED_PASSWORD,
      expireTokens: async () => {
        standIn.clockOffsetMs += 25 * 3600_000;
      },
      stop: () => standIn.close(),
    };
  },
  () => LEAF_USER_ID,
);
