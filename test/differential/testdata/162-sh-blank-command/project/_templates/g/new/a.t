---
to: out.txt
sh: "<%= locals.install ? 'npm install' : ' ' %>"
---
written before the command
