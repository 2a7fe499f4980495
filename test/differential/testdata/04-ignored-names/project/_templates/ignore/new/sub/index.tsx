---
to: kept/sub_index.tsx.txt
---
kept: sub/index.tsx
