// Two OpenAPI validators written by others, on the app's /openapi/v1.json saved to a file:
// @apidevtools/swagger-parser (schema and references) and Redocly's linter with its recommended
// rules (which also checks that every path parameter is declared). Prints one JSON line:
// {"swaggerParser": "ok" | message, "redocly": {"errors": n, "warnings": n, "problems": [...]}}.
// Usage: node validate-openapi.mjs FILE
import SwaggerParser from '@apidevtools/swagger-parser';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const file = process.argv[2];
const result = {};
try {
  await SwaggerParser.validate(file);
  result.swaggerParser = 'ok';
} catch (error) {
  result.swaggerParser = String(error.message ?? error);
}

const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
let output;
try {
  output = execFileSync(process.execPath, [cli, 'lint', file, '--format=json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
} catch (error) {
  output = error.stdout; // exit code 1 when there are errors; the report is still on stdout
}
const report = JSON.parse(output.slice(output.indexOf('{')));
result.redocly = {
  errors: report.totals.errors,
  warnings: report.totals.warnings,
  problems: report.problems.map(p => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer ?? ''}`),
};
console.log(JSON.stringify(result));
