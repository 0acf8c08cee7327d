/**
 * The browser tests' harness: the real server (real database, demo data, the built client) on a free port, and
 * Debian's Chromium driven by playwright-core. Never a downloaded browser. Without Chromium the tests are skipped
 * with a visible message, except in CI, where that is a failure.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createGuardrails, generate } from 'otplib';
import { ensureClientBuilt } from '../../scripts/buildClient';
import { User } from '../../server/src/db/models/user';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, seedDemo } from '../../server/src/demo/seed';
import { testApp, type TestApp } from '../helpers/app';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(process.cwd(), 'test-artifacts');

export interface Harness {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** Pages opened during the current test (closed, and captured when it failed, by `endTest`). */
  pages: Page[];
  close: () => Promise<void>;
}

/** Skips the suite (with a message) when Chromium is missing outside CI; fails in CI. */
export function requireChromium(context: Mocha.Context): void {
  if (existsSync(CHROMIUM)) return;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium`);
  console.log(`\n  ⚠ browser tests skipped: ${CHROMIUM} not found (apt-get install chromium)\n`);
  context.skip();
}

let cleared = false;

export async function startHarness(): Promise<Harness> {
  await ensureClientBuilt({ log: () => undefined });
  if (!cleared && existsSync(ARTIFACTS)) {
    // Captures of failures from an earlier run would mislead whoever looks at this run's artifacts.
    for (const name of readdirSync(ARTIFACTS)) if (name.startsWith('failed-')) rmSync(join(ARTIFACTS, name));
  }
  cleared = true;
  const t = testApp({ env: { LOG_LEVEL: 'warn' } });
  const server: Server = await new Promise((resolve) => {
    const listening = t.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  return {
    t, baseUrl: `http://127.0.0.1:${port}`, browser, pages: [],
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * The hooks every browser suite needs: Chromium and the server once per suite, the demo data for each test, and
 * after each test its pages closed (captured first when it failed). Call inside `describe`.
 */
export function withBrowser(): { readonly harness: Harness } {
  let harness: Harness | undefined;
  before(async function () {
    requireChromium(this);
    harness = await startHarness();
  });
  after(async () => {
    await harness?.close();
  });
  beforeEach(async () => {
    await seedDemoData(harness!);
  });
  afterEach(async function () {
    await endTest(harness, this.currentTest);
  });
  return {
    get harness() {
      if (!harness) throw new Error('the browser harness starts in the before hook');
      return harness;
    },
  };
}

/** The demo organisation, for each test (the root hooks empty the database after every test). */
export async function seedDemoData(harness: Harness): Promise<void> {
  await seedDemo(harness.t.config);
}

/** A fresh browser context (own cookies) with a page at the app, 1280 wide unless asked otherwise. */
export async function newPage(harness: Harness, { width = 1280, height = 900 } = {}): Promise<Page> {
  const context = await harness.browser.newContext({ viewport: { width, height }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000); // generous: CI shares two cores with the database and the server
  harness.pages.push(page);
  return page;
}

/** After each test: a screenshot of every page of a failed test (for the reviewer), then close them all. */
export async function endTest(harness: Harness | undefined, test: Mocha.Test | undefined): Promise<void> {
  if (!harness) return;
  const pages = harness.pages.splice(0);
  for (const [index, page] of pages.entries()) {
    if (test?.state === 'failed' && !page.isClosed()) {
      await screenshot(page, `failed-${test.title.replace(/\W+/g, '-').slice(0, 60)}-${index}`).catch(() => undefined);
    }
    await page.context().close().catch(() => undefined);
  }
}

/** Signs in through the login form, and the two-factor form when the role demands it. */
export async function signInAs(page: Page, baseUrl: string, email: string, { mfa = false } = {}): Promise<void> {
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  if (mfa) {
    const code = await generate({ secret: DEMO_TOTP_SECRET, guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) });
    await page.getByLabel(/Code uit uw authenticator-app/).fill(code);
    await page.getByRole('button', { name: 'Bevestigen' }).click();
  }
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** A demo client's dossier id, found through their account (names and contact details are sealed at rest). */
export async function demoClientId(firstName: string): Promise<string> {
  const account = await User.findOne({ email: `${firstName.toLowerCase()}@client.demo` }).lean();
  if (!account?.clientId) throw new Error(`no demo client ${firstName}`);
  return String(account.clientId);
}
