---
to: out/list.txt
---
<% ['a', 'b'].forEach(function (item) { __append('- ' + item + '\n') }) -%>
<% __output += 'raw\n' -%>
lines: <%= typeof __lines %> <%= __lines.split('\n').length %>
<% __append(null); __append(undefined); __append(3); __append({ valueOf: function () { return 4 } }) %>
done
