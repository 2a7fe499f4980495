#!/usr/bin/env node
// Regenerates locale.json: change-case's functions called with a locale (and
// noCase with a replacement) as hygen 6.2.11 exposes them to templates. Only
// tr, az and lt have rules in upper-case and lower-case; "en" stands for every
// other locale. Run from the repository root:
//   NODE_PATH=/path/to/hygen-install/node_modules node internal/inflect/testdata/gen_locale.js
'use strict'

const fs = require('fs')
const path = require('path')
const changeCase = require('hygen/dist/helpers').default.changeCase

const fns = ['no', 'dot', 'swap', 'path', 'upper', 'lower', 'camel', 'snake', 'title', 'param', 'header', 'pascal',
  'constant', 'sentence', 'isUpper', 'isLower', 'ucFirst', 'lcFirst']
const inputs = ['istanbul', 'izmir', 'I', 'İ', 'ı', 'i', 'IŞIK ılık', 'fooBar iBar', 'DİYARBAKIR', 'I\u0307', 'i\u0307',
  'i\u0307\u0300', 'j\u0307x', '\u012f\u0307', 'JIĮÌÍĨ', 'ìíĩ', 'iJ', 'aI', 'Ij ji', 'ΟΔΟΣ iI', 'version 1.2 ix', 'XMLHttp iOS', '']
const rows = []
for (const locale of ['tr', 'az', 'lt', 'en']) {
  for (const s of inputs) {
    rows.push([locale, s, fns.map((f) => changeCase[f](s, locale)), changeCase.camel(s, locale, true), changeCase.pascal(s, locale, true)])
  }
}
const replaced = []
for (const r of ['+', '', 'X', '--', 'İ']) {
  for (const s of ['a b C', 'fooBar', ' lead trail ', 'XMLHttp', 'I i']) {
    replaced.push([r, s, changeCase.no(s, null, r), changeCase.no(s, 'tr', r)])
  }
}
const lines = ['{', '"functions": ' + JSON.stringify(fns) + ',', '"rows": [']
rows.forEach((r, i) => lines.push(JSON.stringify(r) + (i < rows.length - 1 ? ',' : '')))
lines.push('],', '"replaced": [')
replaced.forEach((r, i) => lines.push(JSON.stringify(r) + (i < replaced.length - 1 ? ',' : '')))
lines.push(']', '}')
fs.writeFileSync(path.join(__dirname, 'locale.json'), lines.join('\n') + '\n')
