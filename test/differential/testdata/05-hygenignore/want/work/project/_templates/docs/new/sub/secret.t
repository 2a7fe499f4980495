---
to: out/sub_secret.t.txt
---
from sub/secret.t
