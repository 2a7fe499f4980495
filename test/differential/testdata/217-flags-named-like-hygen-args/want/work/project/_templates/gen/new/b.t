---
to: out/b.txt
from: shared/x.txt
message: hello
---
