export { build, loadSite, type BuildOptions, type BuildProgress, type BuildResult } from './build.js';
export { check, type CheckSiteOptions } from './check/folder.js';
export { checkFiles, type CheckOptions, type CheckResult } from './check/site.js';
export { formatFinding, type Finding, type Severity } from './check/finding.js';
export { ContentError, formatProblem, type Problem } from './errors.js';
export type { Article, Citation, DateTime, Entity, OutputFile, Person, Quote, Site } from './model.js';
export { type DevEvent, type DevServer, type DevServerOptions, startDevServer } from './dev/server.js';
export { ping, type PingOptions, type PingReport, type PingResult } from './websub/ping.js';
