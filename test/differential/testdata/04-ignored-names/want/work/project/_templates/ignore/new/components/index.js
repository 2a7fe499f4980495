---
to: leaked/components_index.js.txt
---
this file should have been ignored
