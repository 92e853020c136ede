import autocannon from 'autocannon';
import { SESSION_HEADER } from '@linli/cloudfunctions/src/local/server';
import { bindLoadOwners, callAs, devLoginToken, publishEstateNotice } from '../../helpers/load-owners';
import { startLocalServer, type LocalServer } from '../../helpers/local-server';
import type { Benchmark } from '../harness';

const OWNERS = 50;
const DURATION_S = 10;
/**
 * What each owner reports, once each, in the run: distinct problems (identical reports within a
 * day are refused as duplicates) and fewer than the daily limit of 10.
 */
const REPORTS = [
  { category: 'plumbing', description: '厨房下水道堵塞，水排不下去' },
  { category: 'electrical', description: '客厅插座没有电' },
  { category: 'locks', description: '入户门锁芯转不动' },
  { category: 'hvac', description: '卧室空调不制冷' },
] as const;

/** 50 bound owners of 邻里花园, signed in; each answers bills.mine before the clock starts. */
async function signInOwners(server: LocalServer): Promise<string[]> {
  const openids = await bindLoadOwners(server, OWNERS);
  const tokens = await Promise.all(openids.map((openid) => devLoginToken(server, openid)));
  // Fail fast on a broken setup rather than measuring a server answering errors.
  await Promise.all(tokens.map((token) => callAs(server, token, 'billing/bills.mine', {})));
  return tokens;
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
    );
  });
}

/**
 * 50 concurrent owners against `npm start`'s HTTP server: each lists its bills, reads the
 * notice feed, opens the notice, and now and then reports a repair. Baseline: the same server
 * answering /healthz (no action, no database) with the same 50 connections.
 */
export const httpLoadBenchmarks: Benchmark[] = [
  {
    name: 'http.owners.50',
    unit: 'req/s',
    higherIsBetter: true,
    async run() {
      const server = await startLocalServer({ timeoutMs: 120_000 });
      try {
        const tokens = await signInOwners(server);
        const noticeId = await publishEstateNotice(server);
        const baseline = await run({
          url: `${server.url}/healthz`,
          connections: OWNERS,
          duration: DURATION_S,
        });

        // autocannon resets a connection's context after each pass over `requests`, so owners and
        // reports are dealt from counters here: each pass takes the next owner's session.
        let nextOwner = 0;
        let nextReport = 0;
        type PassContext = { token?: string };
        const withSession = (request: autocannon.Request, token: string): autocannon.Request => ({
          ...request,
          headers: { 'content-type': 'application/json', [SESSION_HEADER]: token },
        });
        const asOwner = (request: autocannon.Request, context: PassContext) =>
          withSession(request, (context.token ??= tokens[nextOwner++ % tokens.length]!));
        const post = (path: string, body: unknown): autocannon.Request => ({
          method: 'POST',
          path: `/api/${path}`,
          body: JSON.stringify(body),
          setupRequest: (request, context) => asOwner(request, context),
        });
        const result = await run({
          url: server.url,
          connections: OWNERS,
          duration: DURATION_S,
          requests: [
            post('billing/bills.mine', {}),
            post('notice/feed', {}),
            post('notice/open', { noticeId }),
            {
              // Every fourth request is a repair report while reports remain: report i is owner
              // i mod 50's (i / 50)-th problem, so nobody repeats one or passes the daily limit.
              ...post('billing/bills.mine', {}),
              setupRequest(request, context) {
                const i = nextReport++;
                const problem = REPORTS[Math.floor(i / tokens.length)];
                if (!problem) return asOwner(request, context);
                const report = post('workorder/report', problem);
                return withSession(
                  { ...request, path: report.path, body: report.body },
                  tokens[i % tokens.length]!,
                );
              },
            },
          ],
        });
        const errors = result.errors + result.non2xx + result.timeouts;
        // Throughput with failures in it would be a lie: every request must succeed.
        if (errors > 0)
          throw new Error(`http.owners.50: ${errors} of ${result.requests.total} requests failed`);
        return {
          value: result.requests.average,
          baseline: baseline.requests.average,
          notes: `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.requests.total} requests, errors ${errors}`,
        };
      } finally {
        await server.stop();
      }
    },
  },
];
