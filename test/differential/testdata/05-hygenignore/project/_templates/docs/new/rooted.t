---
to: out/rooted.t.txt
---
from rooted.t
