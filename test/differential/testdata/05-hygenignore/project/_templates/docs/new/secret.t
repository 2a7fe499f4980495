---
to: out/secret.t.txt
---
from secret.t
