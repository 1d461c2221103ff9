/**
 * The Firefox build passes addons.mozilla.org's linter (`web-ext lint`, with the flags of
 * `npm run lint:firefox`) without an error. It lints the build this e2e run made and tested, the
 * built-in pack's files included, so `npm test` fails on anything the linter would refuse.
 */
import { describe, expect, it } from 'vitest';
import { cmd, type LintMessage } from 'web-ext';
import { BUILD_DIRS } from './harness/browsers';

const describeMessage = (message: LintMessage) =>
  `${message.code} in ${message.file ?? 'the extension'}${message.line ? `:${message.line}` : ''}: ${message.message}`;

describe('the Firefox build', () => {
  it('passes web-ext lint with no error', async () => {
    const result = await cmd.lint(
      { sourceDir: BUILD_DIRS.firefox, selfHosted: true, output: 'none' },
      { shouldExitProgram: false },
    );
    const { errors, warnings, notices } = result.summary;
    console.log(
      [
        `web-ext lint on ${BUILD_DIRS.firefox}: ${errors} errors, ${warnings} warnings, ${notices} notices`,
        ...[...result.errors, ...result.warnings, ...result.notices].map(describeMessage),
      ].join('\n  '),
    );
    expect(result.errors.map(describeMessage)).toEqual([]);
  }, 300_000);
});
