---
to: out/<%= name %>.txt
echo: "echo from a-add: <%= name %>"
sh: cat > out/<%= name %>.sh-stdin.txt && cp out/<%= name %>.txt out/<%= name %>.copied-by-sh.txt
---
added <%= name %>
