import { renderJunit } from '../../src/report/junit.js';
import { failingRow, loadExampleResults } from './make-results.js';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = '[A-Za-z_][\\w.-]*';
const REFERENCE = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g;
const INVALID_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function decode(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(REFERENCE, (reference) => {
    const body = reference.slice(1, -1);
    if (body.startsWith('#x')) {
      return String.fromCodePoint(parseInt(body.slice(2), 16));
    }
    if (body.startsWith('#')) {
      return String.fromCodePoint(Number(body.slice(1)));
    }
    return named[body];
  });
}

function checkText(text: string): string {
  if (/[<]/.test(text) || /&/.test(text.replace(REFERENCE, ''))) {
    throw new Error(`unescaped markup in text: ${JSON.stringify(text.slice(0, 80))}`);
  }
  return decode(text);
}

/**
 * Parses the subset of XML that the JUnit writer emits (declaration, elements, attributes in
 * double quotes, text, references) and throws on anything not well-formed.
 */
function parseXml(xml: string): XmlElement {
  if (INVALID_XML_CHAR.test(xml)) {
    throw new Error('character not allowed in XML 1.0');
  }
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(xml);
  if (declaration === null) {
    throw new Error('missing XML declaration');
  }

  const tag = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}="[^"]*")*)\\s*(/?)>`, 'y');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  let index = declaration[0].length;
  while (index < xml.length) {
    const next = xml.indexOf('<', index);
    const text = xml.slice(index, next < 0 ? xml.length : next);
    stack[stack.length - 1].text += checkText(text);
    if (next < 0) {
      break;
    }

    tag.lastIndex = next;
    const match = tag.exec(xml);
    if (match === null) {
      throw new Error(`malformed tag at ${next}: ${JSON.stringify(xml.slice(next, next + 60))}`);
    }
    const [whole, closing, name, attributeText, selfClosing] = match;
    index = next + whole.length;

    if (closing === '/') {
      const open = stack.pop();
      if (open?.name !== name) {
        throw new Error(`</${name}> closes <${open?.name}>`);
      }
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, value] of attributeText.matchAll(new RegExp(`(${NAME})="([^"]*)"`, 'g'))) {
      if (key in attributes) {
        throw new Error(`duplicate attribute ${key}`);
      }
      attributes[key] = checkText(value);
    }
    const element: XmlElement = { name, attributes, children: [], text: '' };
    stack[stack.length - 1].children.push(element);
    if (selfClosing !== '/') {
      stack.push(element);
    }
  }

  if (stack.length !== 1 || root.children.length !== 1) {
    throw new Error('unclosed elements or several roots');
  }
  return root.children[0];
}

describe('renderJunit structure', () => {
  const xml = renderJunit(loadExampleResults());
  const document = parseXml(xml);

  test('is well-formed with a testsuites root', () => {
    expect(document.name).toBe('testsuites');
    expect(document.attributes).toMatchObject({ name: 'llm-bench', tests: '12', failures: '3', errors: '1' });
  });

  test('has one testsuite per model', () => {
    const suites = document.children.map((suite) => [suite.name, suite.attributes.name, suite.attributes.tests]);

    expect(suites).toEqual([
      ['testsuite', 'gpt-4o-mini', '6'],
      ['testsuite', 'qwen2.5-7b', '6'],
    ]);
  });

  test('counts failures and errors per suite', () => {
    const qwen = document.children[1].attributes;

    expect(qwen).toMatchObject({ failures: '2', errors: '1', skipped: '0', timestamp: '2025-03-01T12:00:00' });
  });

  test('names testcases by model, type and case', () => {
    const testcase = document.children[0].children[0];

    expect(testcase.attributes).toMatchObject({ classname: 'gpt-4o-mini.math', name: 'math-add', time: '0.612' });
    expect(testcase.children).toEqual([]);
  });

  test('adds a failure with the reason and answer', () => {
    const testcase = document.children[1].children[0];
    const failure = testcase.children[0];

    expect(failure.name).toBe('failure');
    expect(failure.attributes.message).toBe('expected 42, got 41');
    expect(failure.text).toBe('Let me think | step by step: `17 + 25`\n<script>alert(1)</script> @someone see #12\nAnswer: 41');
  });

  test('adds an error for a failed request', () => {
    const testcase = document.children[1].children[5];

    expect(testcase.attributes.time).toBe('0.000');
    expect(testcase.children.map((child) => [child.name, child.attributes.message])).toEqual([
      ['error', 'request timed out after 30 s'],
    ]);
  });

  test('keeps Chinese text', () => {
    const failure = document.children[0].children[4].children[0];

    expect(failure.attributes.message).toBe('missing required phrase "长城"; 58 of at most 60 characters');
  });
});

describe('renderJunit escaping', () => {
  function renderOne(fields: Parameters<typeof failingRow>[3], output = 'x'): string {
    const results = loadExampleResults();
    results.models = results.models.slice(0, 1);
    results.cases = [failingRow(results.models[0].name, 1, output, fields)];
    return renderJunit(results);
  }

  test('escapes markup in attributes', () => {
    const xml = renderOne({ reason: `a "quoted" <b>&</b> 'x'`, id: 'id<&>"' });
    const testcase = parseXml(xml).children[0].children[0];

    expect(testcase.attributes.name).toBe('id<&>"');
    expect(testcase.children[0].attributes.message).toBe(`a "quoted" <b>&</b> 'x'`);
  });

  test('keeps line breaks in attributes', () => {
    const xml = renderOne({ reason: 'line one\nline two\ttab' });
    const failure = parseXml(xml).children[0].children[0].children[0];

    expect(failure.attributes.message).toBe('line one\nline two\ttab');
  });

  test('removes characters invalid in XML 1.0', () => {
    const xml = renderOne({ reason: 'bell\u0007 nul\u0000 esc\u001b' }, 'lone \uD800 end \uFFFF ]]> done');
    const failure = parseXml(xml).children[0].children[0].children[0];

    expect(failure.attributes.message).toBe('bell nul esc');
    expect(failure.text).toBe('lone  end  ]]> done');
  });

  test('keeps emoji', () => {
    const xml = renderOne({ reason: 'ok 😀' }, '答案 😀');
    const failure = parseXml(xml).children[0].children[0].children[0];

    expect(failure.text).toBe('答案 😀');
  });

  test('names the sample of a sampled case', () => {
    const results = loadExampleResults();
    const model = results.models[0].name;
    results.models = results.models.slice(0, 1);
    results.cases = [failingRow(model, 1, 'a', { sample: 0 }), failingRow(model, 1, 'b', { sample: 1 })];
    const names = parseXml(renderJunit(results)).children[0].children.map((testcase) => testcase.attributes.name);

    expect(names).toEqual(['case-00001#0', 'case-00001#1']);
  });
});
