// ajv 8 peer for bench/run.sh: compile the schema once (allErrors), then for each file
// read, JSON.parse and validate; exit 1 if any file has errors. Prints the error count.
"use strict";
const fs = require("fs");
const Ajv = require("ajv");
const [schemaPath, ...files] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
let errors = 0;
for (const f of files) {
  if (!validate(JSON.parse(fs.readFileSync(f, "utf8")))) errors += validate.errors.length;
}
process.stderr.write(`ajv: ${errors} errors\n`);
process.exit(errors ? 1 : 0);
