---
echo: [first <%= name %>, second]
---
