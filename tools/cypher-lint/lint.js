#!/usr/bin/env node
// Lints every .cypher file under src/ with Neo4j's own Cypher 5 semantic analyser.
// The queries must also run on Neo4j 3.1 (the test server), so anything Cypher 5 removed
// or deprecated is a failure: warnings fail the build as well as errors.
//
// Usage: node tools/cypher-lint/lint.js [--require-files] [path ...]
//   path             files or folders to lint instead of <repo>/src
//   --require-files  fail when no .cypher file is found
//
// File conventions:
//   // @param name                  declares $name (linted with value null)
//   // @param name: <json value>    declares $name with an example value
//   {{type}} / {{label}}            a relationship type / node label interpolated from the C#
//                                   allow-list; linted once per entry of allow-list.json
// Folders named Schema3x hold 3.x-only DDL and are skipped.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { lintCypherQuery } = require('@neo4j-cypher/language-support');

const repoRoot = path.resolve(__dirname, '..', '..');
const skippedFolders = new Set(['Schema3x', 'bin', 'obj', 'node_modules', '.git']);
const placeholderKeys = { type: 'types', label: 'labels' };
const placeholderPattern = /\{\{\s*([A-Za-z]+)\s*\}\}/g;
const severityNames = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

function parseArgs(argv) {
  const options = { requireFiles: false, roots: [] };
  for (const arg of argv) {
    if (arg === '--require-files') options.requireFiles = true;
    else if (arg === '--allow-empty') options.requireFiles = false;
    else if (arg === '-h' || arg === '--help') {
      console.log('usage: node tools/cypher-lint/lint.js [--require-files] [path ...]');
      process.exit(0);
    } else if (arg.startsWith('-')) {
      console.error(`cypher-lint: unknown option ${arg}`);
      process.exit(2);
    } else options.roots.push(path.resolve(arg));
  }
  if (options.roots.length === 0) options.roots.push(path.join(repoRoot, 'src'));
  return options;
}

function findCypherFiles(root) {
  if (!fs.existsSync(root)) return [];
  const stat = fs.statSync(root);
  if (stat.isFile()) return root.endsWith('.cypher') ? [root] : [];
  const found = [];
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) {
      if (!skippedFolders.has(entry.name)) found.push(...findCypherFiles(full));
    } else if (entry.isFile() && entry.name.endsWith('.cypher')) {
      found.push(full);
    }
  }
  return found;
}

function loadAllowList() {
  const file = path.join(__dirname, 'allow-list.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  return { types: json.types ?? [], labels: json.labels ?? [] };
}

// Returns { parameters, problems } from the `// @param` header lines.
function readParameters(lines) {
  const parameters = {};
  const problems = [];
  lines.forEach((text, index) => {
    const match = /^\s*\/\/\s*@param\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?::\s*(.*?))?\s*$/.exec(text);
    if (!match) {
      if (/^\s*\/\/\s*@param\b/.test(text)) {
        problems.push({ line: index, character: 0, severity: 1, message: `Malformed @param line: ${text.trim()}` });
      }
      return;
    }
    const [, name, example] = match;
    if (example === undefined || example === '') {
      parameters[name] = null;
      return;
    }
    try {
      parameters[name] = JSON.parse(example);
    } catch {
      problems.push({ line: index, character: text.indexOf(example), severity: 1, message: `@param ${name}: example is not valid JSON: ${example}` });
    }
  });
  return { parameters, problems };
}

// Every way to fill the file's placeholders from the allow-list (cartesian product).
// Each variant keeps, per line, where its replacements landed so positions map back to the file.
function expansions(lines, allowList, problems) {
  const used = new Set();
  for (const [index, line] of lines.entries()) {
    for (const match of line.matchAll(placeholderPattern)) {
      const key = match[1];
      if (!(key in placeholderKeys)) {
        problems.push({ line: index, character: match.index, severity: 1, message: `Unknown placeholder {{${key}}}; only {{type}} and {{label}} are interpolated` });
      } else if (allowList[placeholderKeys[key]].length === 0) {
        problems.push({ line: index, character: match.index, severity: 1, message: `{{${key}}} is used but allow-list.json has no ${placeholderKeys[key]}` });
      } else {
        used.add(key);
      }
    }
  }
  let choices = [{}];
  for (const key of used) {
    choices = choices.flatMap((choice) => allowList[placeholderKeys[key]].map((value) => ({ ...choice, [key]: value })));
  }
  return choices.map((choice) => {
    const shifts = [];
    const expanded = lines.map((line, index) => {
      let out = '';
      let last = 0;
      for (const match of line.matchAll(placeholderPattern)) {
        const value = choice[match[1]];
        if (value === undefined) continue;
        out += line.slice(last, match.index);
        shifts.push({ line: index, originalStart: match.index, originalLength: match[0].length, start: out.length, length: value.length });
        out += value;
        last = match.index + match[0].length;
      }
      return out + line.slice(last);
    });
    const bindings = Object.entries(choice).map(([key, value]) => `{{${key}}}=${value}`);
    return { text: expanded.join('\n'), bindings, shifts };
  });
}

// Maps a column of an expanded line back to the column in the file.
function originalCharacter(variant, line, character) {
  let delta = 0;
  for (const s of variant.shifts) {
    if (s.line !== line || s.start > character) continue;
    if (character < s.start + s.length) return s.originalStart;
    delta = s.originalStart + s.originalLength - (s.start + s.length);
  }
  return character + delta;
}

function lintFile(file, allowList) {
  const text = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const lines = text.split('\n');
  const { parameters, problems } = readParameters(lines);
  const diagnostics = problems.map((p) => ({ ...p, variant: '' }));
  const seen = new Set();
  for (const variant of expansions(lines, allowList, diagnostics)) {
    const result = lintCypherQuery(variant.text, { parameters });
    for (const d of result.diagnostics) {
      const start = d.range?.start ?? { line: 0, character: 0 };
      const position = { line: start.line, character: originalCharacter(variant, start.line, start.character) };
      // The same problem outside the placeholder shows up in every expansion: report it once.
      const key = `${position.line}:${position.character}:${d.severity}:${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const variantNote = variant.bindings.length > 0 ? ` [with ${variant.bindings.join(', ')}]` : '';
      diagnostics.push({ line: position.line, character: position.character, severity: d.severity, message: d.message, variant: variantNote });
    }
  }
  if (text.trim() === '' || lines.every((l) => l.trim() === '' || l.trim().startsWith('//'))) {
    diagnostics.push({ line: 0, character: 0, severity: 1, message: 'File contains no query', variant: '' });
  }
  return diagnostics;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const allowList = loadAllowList();
  const files = [...new Set(options.roots.flatMap(findCypherFiles))].sort();
  let count = 0;
  for (const file of files) {
    const relative = path.relative(process.cwd(), file);
    const shown = relative && !relative.startsWith('..') ? relative : file;
    for (const d of lintFile(file, allowList)) {
      count += 1;
      const severity = severityNames[d.severity] ?? `severity${d.severity}`;
      const message = d.message.replace(/\s+/g, ' ').trim();
      console.log(`${shown}:${d.line + 1}:${d.character + 1} ${severity} ${message}${d.variant}`);
    }
  }
  console.log(`cypher-lint: ${files.length} files, ${count} diagnostics`);
  if (count > 0) process.exit(1);
  if (files.length === 0 && options.requireFiles) {
    console.error('cypher-lint: no .cypher files found (--require-files)');
    process.exit(1);
  }
}

main();
