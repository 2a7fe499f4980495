---
to: out/readme.t.txt
---
from readme.t
