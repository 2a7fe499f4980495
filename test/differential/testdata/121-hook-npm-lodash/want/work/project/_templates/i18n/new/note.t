---
echo: "<%= banner %>"
---
