// The part of web-ext's programmatic API that scripts/lint-firefox.ts uses (web-ext ships no types).
declare module 'web-ext' {
  export interface LintMessage {
    code: string;
    message: string;
    description?: string;
    file?: string;
    line?: number;
    column?: number;
  }
  export interface LintResult {
    summary: { errors: number; warnings: number; notices: number };
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  }
  const webExt: {
    cmd: {
      lint(options: { sourceDir: string; output: 'none' | 'json' | 'text'; boring?: boolean }, run: { shouldExitProgram: false }): Promise<LintResult>;
    };
  };
  export default webExt;
}
