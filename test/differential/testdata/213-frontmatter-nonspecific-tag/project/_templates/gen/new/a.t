---
to: out/a.txt
n: ! 12
b: ! true
list: [! 1, 2]
anchored: &x ! 7
again: *x
next:
  ! 3
---
<% for (const k of ['n', 'b', 'list', 'anchored', 'again', 'next']) { -%>
<%= k %>: <%= JSON.stringify(attributes[k]) %>
<% } -%>
