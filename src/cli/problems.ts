/** Problems as the terminal shows them: `content/articles/x.md:7 datePublished: expected …`, the place in bold. */
import { formatProblem, type Problem } from '../errors.js';
import type { Colours } from './output.js';

export function formatProblems(problems: readonly Problem[], colours: Colours): string {
  return problems
    .map((problem) => {
      const line = formatProblem(problem);
      const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
      return `${colours.bold(where)}${line.slice(where.length)}\n`;
    })
    .join('');
}
