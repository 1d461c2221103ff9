/** The little of web-ext's Node API the e2e suite uses (the package ships no types). */
declare module 'web-ext' {
  /** One finding of addons-linter. */
  export interface LintMessage {
    code: string;
    message: string;
    description?: string;
    file?: string;
    line?: number;
  }
  export interface LintOutput {
    summary: { errors: number; warnings: number; notices: number };
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  }
  export const cmd: {
    lint(
      params: { sourceDir: string; selfHosted?: boolean; output?: 'text' | 'json' | 'none' },
      options?: { shouldExitProgram?: boolean },
    ): Promise<LintOutput>;
  };
}
