---
to: leaked/myindex.js.txt
---
this file should have been ignored
