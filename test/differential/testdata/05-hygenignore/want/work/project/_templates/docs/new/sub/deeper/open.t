---
to: out/sub_deeper_open.t.txt
---
from sub/deeper/open.t
