---
to: out.txt
---
file=<%= file %> dir=<%= dir %> sep=<%= sep %> meta=<%= meta %>
