---
to: out/change-case.txt
---
<%
const inputs = ['userProfile', 'XMLHttpRequest', 'version 1.2.10', 'foo_barBaz-qux', '  spaced  out  ', 'ÄpfelBäume', 'iOS 17 Release', 'snake_case_word', 'CONSTANT_CASE', 'a.b/c\\d'];
const fns = ['camel', 'pascal', 'snake', 'param', 'kebab', 'hyphen', 'constant', 'dot', 'path', 'title', 'sentence', 'header', 'no', 'lower', 'upper', 'swap', 'ucFirst', 'lcFirst', 'upperCaseFirst', 'lowerCaseFirst', 'isUpper', 'isLower'];
for (const s of inputs) { -%>
[<%- s %>]
<% for (const f of fns) { -%>
  <%= f %>=<%- h.changeCase[f](s) %> | <%= f %>Case=<%- (h.changeCase[f + 'Case'] || h.changeCase[f])(s) %>
<% } -%>
<% } -%>
