---
to: leaked/sub_prompt.ts.txt
---
this file should have been ignored
