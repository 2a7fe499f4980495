---
to: out/never-closed.txt
this file has no closing fence
