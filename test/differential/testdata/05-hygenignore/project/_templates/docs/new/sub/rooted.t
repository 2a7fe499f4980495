---
to: out/sub_rooted.t.txt
---
from sub/rooted.t
