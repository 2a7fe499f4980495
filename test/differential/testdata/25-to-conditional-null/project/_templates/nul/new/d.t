---
to: "<%= null %>"
---
rendered null
