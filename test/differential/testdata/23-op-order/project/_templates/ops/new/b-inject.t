---
inject: true
to: log.txt
prepend: true
echo: "echo from b-inject: <%= name %>"
sh: cat > out/log.sh-stdin.txt && cp log.txt out/log.after-inject.txt
---
injected <%= name %>
