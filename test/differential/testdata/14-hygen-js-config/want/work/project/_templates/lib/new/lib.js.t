---
to: lib/WRONG-ROOT.js
---
.hygen.js templates must win
