export { build, loadSite, type BuildOptions, type BuildResult } from './build.js';
export { ContentError, formatProblem, type Problem } from './errors.js';
export type { Article, Citation, DateTime, Entity, OutputFile, Person, Quote, Site } from './model.js';
