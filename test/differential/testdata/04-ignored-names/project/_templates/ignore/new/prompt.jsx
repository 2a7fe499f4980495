---
to: kept/prompt.jsx.txt
---
kept: prompt.jsx
