import { AstroError } from 'astro/errors';
import type { z } from 'astro/zod';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import rawConfig from '../../handbook.config.ts';
import { basePath, siteConfigSchema, siteUrl, type SiteConfig } from '../../src/schemas/site-config.ts';
import { USER_ENV, type Env } from './user-env.ts';
import { issuesToProblems } from './check/issues.ts';
import { formatProblem, problemAt, type Problem } from './check/problem.ts';

export type { SiteConfig } from '../../src/schemas/site-config.ts';
export { publicUrl, withBase } from '../../src/site/paths.ts';

/** The file every problem is reported against. */
export const CONFIG_FILE = 'handbook.config.ts';


export interface SiteConfigOptions {
  /** The project root; when given, `logo` must name a file under `<root>/public/`. */
  root?: string;
  /** The user's overrides (YISHI_BASE, YISHI_SITE). Default: none. */
  env?: Env;
}

export type SiteConfigResult = { ok: true; config: SiteConfig } | { ok: false; problems: Problem[] };

/**
 * Validates a config object (what `handbook.config.ts` exports). Never throws: every problem
 * comes back at once, each as `handbook.config.ts  <field>  <message>`.
 */
export function parseSiteConfig(input: unknown, options: SiteConfigOptions = {}): SiteConfigResult {
  const env = options.env ?? {};
  const problems: Problem[] = [];
  const result = siteConfigSchema.safeParse(input, { reportInput: true });
  if (!result.success) {
    // Unknown keys get the shared wording (closest field suggested); our own messages otherwise.
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') problems.push(...issuesToProblems([issue], siteConfigSchema, CONFIG_FILE, () => 0));
      else problems.push(problemAt({ file: CONFIG_FILE, line: 0, field: issue.path.length ? issue.path.map(String).join('.') : '-' }, 'config.invalid', { text: issue.message }));
    }
  }
  // YISHI_BASE and YISHI_SITE override base and site (tests build under /handbook/, with a site).
  const override = <T>(name: string, schema: z.ZodType<T>, field: 'base' | 'site', current: T | undefined): T | undefined => {
    const value = env[name];
    if (value === undefined || value === '') return current;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    problems.push(problemAt({ file: CONFIG_FILE, line: 0, field }, 'config.env', { name, text: parsed.error.issues[0]?.message ?? '写法不对' }));
    return current;
  };
  const base = override(USER_ENV.base, basePath, 'base', result.success ? result.data.base : undefined);
  const site = override(USER_ENV.site, siteUrl, 'site', result.success ? result.data.site : undefined);
  if (result.success && result.data.logo && options.root) {
    const file = path.join(options.root, 'public', result.data.logo);
    if (!existsSync(file) || !statSync(file).isFile()) {
      problems.push(problemAt({ file: CONFIG_FILE, line: 0, field: 'logo' }, 'config.logo', { logo: result.data.logo }));
    }
  }
  if (result.success && result.data.sourceTexts && options.root) {
    const folder = path.join(options.root, result.data.sourceTexts);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      problems.push(problemAt({ file: CONFIG_FILE, line: 0, field: 'sourceTexts' }, 'config.source-texts', { folder: result.data.sourceTexts }));
    }
  }
  if (problems.length > 0 || !result.success) return { ok: false, problems };
  return { ok: true, config: { ...result.data, base: base ?? result.data.base, ...(site !== undefined && { site }) } };
}

/** The report thrown for a broken config: one line per problem, then what to do. */
export function formatConfigProblems(problems: readonly Problem[]): string {
  return [
    `${CONFIG_FILE} 中有 ${problems.length} 个问题：`,
    ...problems.map(formatProblem),
    '',
    `请逐条修改 ${CONFIG_FILE} 后重新运行。`,
  ].join('\n');
}

/**
 * The handbook's config from `handbook.config.ts`, validated and with defaults filled
 * (`base` '/', `accent` '#b4232a'); `YISHI_BASE` overrides `base`. Throws an Error listing
 * every problem as `handbook.config.ts  <field>  <message>`.
 */
export function loadSiteConfig(options: SiteConfigOptions = {}): SiteConfig {
  const result = parseSiteConfig(rawConfig, options);
  if (result.ok) return result.config;
  // Astro shows its own error type as the message and the hint, without a stack trace.
  throw new AstroError(formatConfigProblems(result.problems), `修改 ${CONFIG_FILE} 后重新运行；每一项的写法见文件中的注释。`);
}
