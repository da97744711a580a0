import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

// A copy of the subset of Twilio's OpenAPI description these tests validate against (LICENSE-twilio-oai beside it).
const SPEC_PATH = new URL('../fixtures/api_v2010.subset.json', import.meta.url);

type Json = Record<string, unknown>;

/**
 * OpenAPI 3.0 to JSON Schema: `nullable` becomes a null type. Twilio's generator omits nullable on $ref
 * enums that really are null (reason_conference_ended while a conference runs), so refs allow null too.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const source = node as Json;
  const out: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'nullable' || key.startsWith('x-') || key === 'description' || key === 'example') continue;
    out[key] = key === 'properties' ? mapValues(value as Json) : toJsonSchema(value);
  }
  if (source.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  if (source.nullable === true && Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
  return out;
}

function mapValues(properties: Json): Json {
  return Object.fromEntries(
    Object.entries(properties).map(([name, schema]) => {
      const converted = toJsonSchema(schema) as Json;
      return [name, '$ref' in converted ? { anyOf: [converted, { type: 'null' }] } : converted];
    }),
  );
}

const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as {
  components: { schemas: Json };
  paths: Record<string, Record<string, Json>>;
};
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// Twilio's list URIs are relative ("/2010-04-01/..."), so the spec's "uri" format means a URI reference here.
ajv.addFormat('uri', /^(?:[a-z][a-z0-9+.-]*:|\/)\S*$/i);
ajv.addFormat(
  'date-time-rfc-2822',
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/,
);
for (const format of ['currency', 'phone-number', 'http-method', 'uri-map', 'phone-number-capabilities'])
  ajv.addFormat(format, true);
ajv.addSchema({ components: { schemas: toJsonSchema(spec.components.schemas) } }, 'twilio');

const cache = new Map<string, ValidateFunction>();

/** Validates a body against the response schema the spec gives for this path, method and status. */
export function validateResponse(path: string, method: 'get' | 'post', status: number, body: unknown): string[] {
  const key = `${method} ${path} ${status}`;
  let validate = cache.get(key);
  if (!validate) {
    const operation = spec.paths[path]?.[method] as
      { responses?: Record<string, { content?: Record<string, { schema?: Json }> }> } | undefined;
    const schema = operation?.responses?.[String(status)]?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`no schema for ${key}`);
    const rewritten = JSON.parse(
      JSON.stringify(toJsonSchema(schema)).replaceAll('"#/components/', '"twilio#/components/'),
    ) as Json;
    validate = ajv.compile(rewritten);
    cache.set(key, validate);
  }
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
