---
to: out/<%= name %>.txt
---
count: <%= (1500).toLocaleString() %> <%= (1234.5678).toLocaleString() %> <%= (-0.0005).toLocaleString() %> <%= (1e21).toLocaleString('en-US') %>
date: <%= new Date(2024, 0, 15, 15, 4, 5).toLocaleDateString() %>
time: <%= new Date(2024, 0, 15, 0, 4, 5).toLocaleTimeString() %>
both: <%= new Date(2024, 11, 5, 12, 0, 0).toLocaleString() %>
string: <%= new Date(2024, 0, 15) %> / <%- String(new Date(2024, 6, 1, 9)) %>
