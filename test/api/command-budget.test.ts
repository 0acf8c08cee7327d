/**
 * The number of database commands each main route sends, per role, on the demo organisation — the cost that
 * matters on FerretDB, where every filter scans, and a round trip each on MongoDB. Compared with the budget kept in
 * test/command-budget.json: a route that sends more fails here (fewer is welcome: lower its budget in the same
 * change). `UPDATE_COMMAND_BUDGET=1` rewrites the file from this run.
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RecordedCommand } from '../../server/src/db/commandLog';
import { seedDemo } from '../../server/src/demo/seed';
import { DEMO_EMAILS, demoRoutes, signInDemo, type Agent, type DemoRole } from '../../scripts/bench/demoRoutes';
import { testApp } from '../helpers/app';
import { observeRequestCommands } from '../helpers/commands';

const BUDGET_FILE = fileURLToPath(new URL('../command-budget.json', import.meta.url));

describe('the command-count budget of the main routes', () => {
  it('is kept by every route, in its steady state (session, facts and keys warm)', async function () {
    this.timeout(120_000);
    let last: { route: string; commands: RecordedCommand[] } | null = null;
    const { app, config } = testApp({
      deps: {
        onRequestCommands: (request, commands) => {
          last = { route: `${request.method} ${request.route}`, commands };
          observeRequestCommands(request, commands);
        },
      },
    });
    await seedDemo(config);
    const agents = new Map<DemoRole, Agent>();
    for (const role of Object.keys(DEMO_EMAILS) as DemoRole[]) agents.set(role, await signInDemo(app, DEMO_EMAILS[role]));

    const counted: { key: string; commands: number; detail: string }[] = [];
    for (const route of await demoRoutes()) {
      const agent = agents.get(route.as as DemoRole)!;
      await agent.get(route.path).expect(route.status); // warm: the first request after a change loads the facts
      // The fewer of two: a session touch (at most once a minute) may fall on either, never on both.
      const runs: { route: string; commands: RecordedCommand[] }[] = [];
      for (let i = 0; i < 2; i += 1) {
        await agent.get(route.path).expect(route.status);
        runs.push(last!);
      }
      const best = runs.sort((a, b) => a.commands.length - b.commands.length)[0]!;
      if (route.status === 200) expect(`${route.as} ${best.route}`).to.equal(route.key); // a refusal has no route pattern
      counted.push({
        key: route.key, commands: best.commands.length,
        detail: best.commands.map((command) => `${command.name} ${command.collection ?? ''}`.trim()).join(', '),
      });
    }

    if (process.env.UPDATE_COMMAND_BUDGET) {
      writeFileSync(BUDGET_FILE, `${JSON.stringify(Object.fromEntries(counted.map(({ key, commands }) => [key, commands])), null, 2)}\n`);
    }
    const budget = JSON.parse(readFileSync(BUDGET_FILE, 'utf8')) as Record<string, number>;
    console.log('\n    commands per request (budget):');
    for (const { key, commands, detail } of counted) {
      console.log(`    ${String(commands).padStart(3)} (${String(budget[key] ?? '—').padStart(2)})  ${key}   [${detail}]`);
    }
    expect(counted.filter(({ commands }) => commands === 0), 'command monitoring is off').to.deep.equal([]);
    const over = counted.filter(({ key, commands }) => budget[key] === undefined || commands > budget[key]!)
      .map(({ key, commands }) => `${key}: ${commands} commands, budget ${budget[key] ?? 'none'}`);
    expect(over, 'routes over their command budget (or without one)').to.deep.equal([]);
  });
});
