import { posix } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Reporter } from './reporter.js';
import { groupByFile } from './group-by-file.js';

// Characters that XML 1.0 forbids everywhere, even escaped or in CDATA (lone surrogates included).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes an attribute value; tabs and line breaks as character references so they survive normalisation. */
function attribute(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\t', '&#9;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\r', '&#13;');
}

/** Wraps text in CDATA, splitting any `]]>` across two sections. */
function cdata(text: string): string {
  return `<![CDATA[${text.replace(NOT_XML, '\uFFFD').replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** `agencies/police.md` → `agencies/police`, ESLint's `classname`. */
function classname(file: string): string {
  return posix.join(posix.dirname(file), posix.basename(file, posix.extname(file)));
}

function testcase(d: Diagnostic): string {
  const element = d.fatal === true ? 'error' : 'failure';
  const kind = d.fatal === true || d.severity === 'error' ? 'Error' : 'Warning';
  const details = `line ${d.range.start.line}, col ${d.range.start.column}, ${kind} - ${d.message} (${d.ruleId})`;
  return (
    `<testcase time="0" name="org.protokit.${attribute(d.ruleId)}" classname="${attribute(classname(d.file))}">` +
    `<${element} message="${attribute(d.message)}">${cdata(details)}</${element}></testcase>\n`
  );
}

/** JUnit XML, as ESLint's junit formatter writes it: a test suite per file, a failing test case per finding. */
export const junit: Reporter = (diagnostics, context) => {
  const groups = groupByFile(diagnostics, context.files);
  let out = '<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n';
  for (const [file, list] of groups) {
    const count = Math.max(1, list.length);
    out += `<testsuite package="org.protokit" time="0" tests="${count}" errors="${list.length}" name="${attribute(file)}">\n`;
    out += list.length === 0 ? `<testcase time="0" name="org.protokit.unspecified" classname="${attribute(classname(file))}" />\n` : list.map(testcase).join('');
    out += '</testsuite>\n';
  }
  return `${out}</testsuites>\n`;
};
