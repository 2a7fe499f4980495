---
to: out/x.txt
---
cwd=<%= cwd %>
