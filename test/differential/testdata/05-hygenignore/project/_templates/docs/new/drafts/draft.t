---
to: out/drafts_draft.t.txt
---
from drafts/draft.t
