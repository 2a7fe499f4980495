---
to: out/sub_deeper_secret.t.txt
---
from sub/deeper/secret.t
