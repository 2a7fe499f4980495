---
to: leaked/sub_index.ts.txt
---
this file should have been ignored
