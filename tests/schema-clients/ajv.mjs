// Validates YAML documents against planbook's schemas with ajv (draft 2020-12, strict mode,
// ajv-formats), reading the YAML as an editor would (the `yaml` package, YAML 1.2 core schema).
//
//   node ajv.mjs SCHEMA_DIR KIND=FILE...
//
// Prints one JSON object: { "compiled": [kinds], "results": [{ file, kind, valid, errors }] }.
// Exits 2 when a schema does not compile (strict mode refuses unknown formats and keywords).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";

const [schemaDir, ...documents] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);

const validators = {};
try {
  for (const name of readdirSync(schemaDir).filter((n) => n.endsWith(".schema.json")).sort()) {
    const kind = name.replace(/\.schema\.json$/, "");
    validators[kind] = ajv.compile(JSON.parse(readFileSync(join(schemaDir, name), "utf8")));
  }
} catch (error) {
  console.error(`ajv could not compile a schema: ${error.message}`);
  process.exit(2);
}

const results = documents.map((argument) => {
  const at = argument.indexOf("=");
  const kind = argument.slice(0, at);
  const file = argument.slice(at + 1);
  const validate = validators[kind];
  if (!validate) return { file, kind, valid: false, errors: [`no schema for ${kind}`] };
  let data;
  try {
    data = parse(readFileSync(file, "utf8"));
  } catch (error) {
    return { file, kind, valid: false, errors: [`YAML: ${error.message}`] };
  }
  const valid = validate(data);
  const errors = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  return { file, kind, valid, errors };
});
console.log(JSON.stringify({ compiled: Object.keys(validators), results }, null, 1));
