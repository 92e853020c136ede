import fc, { type Arbitrary } from 'fast-check';
import { z } from 'zod';

/**
 * fast-check arbitraries from an action's zod input, through zod's JSON Schema export (input
 * side). Values mostly satisfy the schema so fuzzing reaches the handlers; refinements the JSON
 * Schema cannot express (superRefine, cross-field rules) are left to fail as VALIDATION, which is
 * itself a fine outcome for a fuzz run.
 */
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

/** Arrays and strings are kept short: the point is shape coverage, not volume. */
const MAX_ITEMS = 4;
const MAX_TEXT = 40;

function stringArbitrary(schema: JsonSchema): Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? MAX_TEXT, MAX_TEXT));
  if (schema.pattern) {
    try {
      const pattern = new RegExp(schema.pattern);
      return fc
        .stringMatching(pattern)
        .filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
    } catch {
      // A pattern fast-check cannot walk: fall through to plain text.
    }
  }
  if (schema.format === 'date')
    return fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'uri' || schema.format === 'url') return fc.webUrl();
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.string({ minLength, maxLength, unit: 'grapheme' }),
    fc.constantFrom('1-1-1201', '邻里花园', '13800000942', '浙A12345', '2026-11', "'; DROP TABLE x; --"),
  );
}

function numberArbitrary(schema: JsonSchema, integer: boolean): Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1e6);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1e6);
  const low = Math.max(min, -1e9);
  const high = Math.min(max, 1e9);
  return integer
    ? fc.integer({ min: Math.ceil(low), max: Math.floor(high) })
    : fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true });
}

function fromJsonSchema(schema: JsonSchema, root: JsonSchema): Arbitrary<unknown> {
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const target = root.$defs?.[name];
    return target ? fc.constant(null).chain(() => fromJsonSchema(target, root)) : fc.anything();
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => fromJsonSchema(choice, root)));
  if (schema.allOf?.length) return fromJsonSchema(schema.allOf[0]!, root);
  const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => fromJsonSchema({ ...schema, type: t }, root)));
  switch (type[0]) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (schema.prefixItems)
        return fc.tuple(...schema.prefixItems.map((item) => fromJsonSchema(item, root)));
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? MAX_ITEMS, MAX_ITEMS));
      return fc.array(schema.items ? fromJsonSchema(schema.items, root) : fc.anything(), {
        minLength,
        maxLength,
      });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, Arbitrary<unknown>> = {};
      for (const [key, property] of Object.entries(properties)) record[key] = fromJsonSchema(property, root);
      if (Object.keys(record).length === 0 && typeof schema.additionalProperties === 'object')
        return fc.dictionary(fc.string({ maxLength: 8 }), fromJsonSchema(schema.additionalProperties, root), {
          maxKeys: MAX_ITEMS,
        });
      return fc.record(record, { requiredKeys: Object.keys(record).filter((key) => required.has(key)) });
    }
    default:
      return fc.anything();
  }
}

/** Inputs shaped like the schema wants. */
export function validishInput(schema: z.ZodType): Arbitrary<unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return fromJsonSchema(json, json);
}

/**
 * What a fuzzer throws at an action: mostly schema-shaped inputs, some with one field replaced
 * by anything, and some arbitrary JSON values (wrong types, prototype keys, huge nesting).
 */
export function fuzzInput(schema: z.ZodType): Arbitrary<unknown> {
  const shaped = validishInput(schema);
  const corrupted = fc
    .tuple(shaped, fc.string({ maxLength: 12 }), fc.anything())
    .map(([value, key, junk]) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? { ...(value as Record<string, unknown>), [Object.keys(value)[0] ?? key]: junk }
        : junk,
    );
  return fc.oneof(
    { weight: 5, arbitrary: shaped },
    { weight: 2, arbitrary: corrupted },
    { weight: 1, arbitrary: fc.jsonValue() },
    {
      weight: 1,
      arbitrary: fc.constantFrom({ __proto__: { admin: true } }, { constructor: 1 }, null, [], ''),
    },
  );
}
