import { z } from 'zod';
import { CASE_TYPES, type CaseType } from '../types.js';

// The keys a suite case may have, in the snake_case users write. Which keys a type needs or allows
// is checked in `to-case.ts`, so that the error can say "must_include applies to summary cases".

const messageSchema = z.strictObject({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});

export const rawCaseSchema = z.strictObject({
  id: z.union([z.string().min(1), z.number()]),
  type: z.enum(CASE_TYPES as [string, ...string[]]),
  prompt: z.string().min(1).optional(),
  messages: z.array(messageSchema).min(1).optional(),
  tags: z.array(z.union([z.string().min(1), z.number()])).default([]),
  samples: z.number().int().min(1).max(1000).optional(),
  expected: z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()])).min(1)]).optional(),
  match: z.enum(['exact', 'contains', 'regex']).optional(),
  extract: z.string().min(1).optional(),
  tolerance: z.number().min(0).optional(),
  compare: z.enum(['numeric', 'string']).optional(),
  must_include: z.array(z.union([z.string().min(1), z.number()])).optional(),
  max_chars: z.number().int().min(1).optional(),
  min_chars: z.number().int().min(0).optional(),
  language: z.enum(['python', 'javascript']).optional(),
  tests: z.string().min(1).optional(),
  entry_point: z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, 'must be a function name').optional(),
  timeout_s: z.number().positive().max(600).optional(),
});

export type RawCase = z.infer<typeof rawCaseSchema>;
export const CASE_KEYS = Object.keys(rawCaseSchema.shape);

/** Options that only some case types take; any other type rejects them. */
export const TYPE_OPTIONS: Record<string, readonly CaseType[]> = {
  expected: ['math', 'qa'],
  match: ['qa'],
  extract: ['math'],
  tolerance: ['math'],
  compare: ['math'],
  must_include: ['summary'],
  max_chars: ['summary'],
  min_chars: ['summary'],
  language: ['code'],
  tests: ['code'],
  entry_point: ['code'],
  timeout_s: ['code'],
};
