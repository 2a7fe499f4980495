---
to: leaked/sub_prompt.js.txt
---
this file should have been ignored
