---
to: out/no-trailing-newline.txt
---
no newline at the end