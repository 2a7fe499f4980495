---
to: big.txt
---
<% const odd = { valueOf() { return 42 }, toString() { return 'str' } } -%>
<% for (let i = 0; i < rows; i++) { -%>
<%= i %>: <%- i % 3 === 0 ? 'caf\u00e9 \ud83d\ude00 <b>' : 'plain & simple' %> <%= i % 5 === 0 ? null : [i, 'x', undefined] %><%- i % 7 === 0 ? odd : '' %><%= i % 11 === 0 ? undefined : '' %>
<% } -%>
end
