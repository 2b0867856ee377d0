// Validates story files against a story JSON Schema as an editor's YAML language server would: the `yaml` package reads
// YAML 1.2 (core schema) into JSON data, Ajv checks it against the draft 2020-12 schema.
// Usage: node validate-stories.mjs SCHEMA.json STORY.yml…   Prints one JSON object per story: {file, valid, yamlError, errors}.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { parseDocument } from "yaml";

const [schemaPath, ...stories] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
for (const file of stories) {
  const doc = parseDocument(readFileSync(file, "utf8"), { uniqueKeys: true, maxAliasCount: 0 });
  if (doc.errors.length > 0) {
    console.log(JSON.stringify({ file, valid: false, yamlError: doc.errors[0].message.split("\n")[0], errors: [] }));
    continue;
  }
  let data;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch (e) {
    console.log(JSON.stringify({ file, valid: false, yamlError: String(e.message).split("\n")[0], errors: [] }));
    continue;
  }
  const valid = validate(data === undefined ? null : data);
  const errors = valid ? [] : validate.errors.map(e => `${e.instancePath || "/"} ${e.message}`);
  console.log(JSON.stringify({ file, valid, yamlError: null, errors }));
}
