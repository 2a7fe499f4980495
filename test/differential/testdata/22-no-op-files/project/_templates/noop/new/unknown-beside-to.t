---
to: out/written.txt
description: ignored
inject_later: maybe
---
written despite unknown keys
